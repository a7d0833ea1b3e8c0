//! Catches the runtime's `defensive!` reports. A release build only logs them (a debug build
//! would panic), yet each one is a state the code's author said cannot happen.

use std::sync::Mutex;

use log::{Level, LevelFilter, Log, Metadata, Record};

/// The target `frame_support::defensive!` logs to.
const DEFENSIVE_TARGET: &str = "runtime::defensive";

static REPORTS: Mutex<Vec<String>> = Mutex::new(Vec::new());

struct Catcher;

impl Log for Catcher {
	fn enabled(&self, metadata: &Metadata) -> bool {
		metadata.level() <= Level::Error
	}

	fn log(&self, record: &Record) {
		if record.target() == DEFENSIVE_TARGET {
			if let Ok(mut reports) = REPORTS.lock() {
				reports.push(record.args().to_string());
			}
		}
	}

	fn flush(&self) {}
}

static CATCHER: Catcher = Catcher;

/// Installs the catcher as the process's logger (once; later calls do nothing).
pub fn install() {
	if log::set_logger(&CATCHER).is_ok() {
		log::set_max_level(LevelFilter::Error);
	}
}

/// The defensive reports since the last call.
pub fn take() -> Vec<String> {
	REPORTS.lock().map(|mut reports| std::mem::take(&mut *reports)).unwrap_or_default()
}

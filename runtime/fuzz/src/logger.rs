//! Catches the runtime's `defensive!` reports (a release build only logs them, a debug build
//! would panic, yet each one is a state the code's author said cannot happen) and the details
//! `try_state` logs when a pallet's check fails.

use std::sync::Mutex;

use log::{Level, LevelFilter, Log, Metadata, Record};

/// The target `frame_support::defensive!` logs to.
const DEFENSIVE_TARGET: &str = "runtime::defensive";
/// The target the tuple of all pallets logs each failed `try_state` check to.
const TRY_STATE_TARGET: &str = "try-runtime";

static REPORTS: Mutex<Vec<String>> = Mutex::new(Vec::new());
static TRY_STATE: Mutex<Vec<String>> = Mutex::new(Vec::new());

struct Catcher;

impl Log for Catcher {
	fn enabled(&self, metadata: &Metadata) -> bool {
		metadata.level() <= Level::Error
	}

	fn log(&self, record: &Record) {
		let list = match record.target() {
			DEFENSIVE_TARGET => &REPORTS,
			TRY_STATE_TARGET => &TRY_STATE,
			_ => return,
		};
		if let Ok(mut reports) = list.lock() {
			reports.push(record.args().to_string());
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
	take_from(&REPORTS)
}

/// What `try_state` logged about failed checks since the last call.
pub fn take_try_state() -> Vec<String> {
	take_from(&TRY_STATE)
}

fn take_from(list: &Mutex<Vec<String>>) -> Vec<String> {
	list.lock().map(|mut reports| std::mem::take(&mut *reports)).unwrap_or_default()
}

//! Runtime fuzzer of V2X Chain (stable Rust, no libFuzzer): each program is a byte string from a
//! seed, read as calls to every domain pallet by the dev preset's roles (and root, none and
//! strangers) and block advances. After every block it checks that nothing panicked, every
//! pallet's `try_state`, the total issuance, the holds, and each call's weight against its
//! benchmarked weight. See docs/fuzzing.md.
//!
//! `v2x-fuzz [--seconds N] [--programs N] [--base-seed S] [--max-len BYTES] [--calls]`
//! `v2x-fuzz --seed S` replays one program and prints it.

mod actors;
mod calls;
mod chain;
mod invariants;
mod logger;
mod program;
mod rng;
mod source;
mod stats;
#[cfg(test)]
mod tests;
mod values;
mod world;

use std::{
	process::ExitCode,
	time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

use rng::SplitMix64;
use stats::{percent, Stats};

/// How often progress is printed.
const PROGRESS_EVERY: Duration = Duration::from_secs(10);

struct Options {
	seconds: u64,
	programs: u64,
	base_seed: u64,
	replay: Option<u64>,
	max_len: usize,
	per_call: bool,
}

fn parse() -> Result<Options, String> {
	let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as u64);
	let mut options = Options {
		seconds: 60,
		programs: u64::MAX,
		base_seed: now.unwrap_or(0),
		replay: None,
		max_len: 4_096,
		per_call: false,
	};
	let mut args = std::env::args().skip(1);
	while let Some(arg) = args.next() {
		let mut value = || {
			args.next()
				.and_then(|v| v.parse::<u64>().ok())
				.ok_or_else(|| format!("{arg} needs a number"))
		};
		match arg.as_str() {
			"--seconds" => options.seconds = value()?,
			"--programs" => options.programs = value()?,
			"--base-seed" => options.base_seed = value()?,
			"--seed" => options.replay = Some(value()?),
			"--max-len" => options.max_len = value()?.max(1) as usize,
			"--calls" => options.per_call = true,
			other => return Err(format!("unknown argument {other}")),
		}
	}
	Ok(options)
}

/// The bytes of the program with `seed`: its length comes from the seed too.
pub fn program_bytes(seed: u64, max_len: usize) -> Vec<u8> {
	let mut rng = SplitMix64::new(seed);
	let len = 1 + (rng.next_u64() as usize) % max_len;
	rng.bytes(len)
}

fn main() -> ExitCode {
	let options = match parse() {
		Ok(options) => options,
		Err(e) => {
			eprintln!("{e}");
			return ExitCode::from(2);
		}
	};
	logger::install();
	let genesis = chain::dev_genesis();
	let pool = actors::pool();
	let mut stats = Stats::default();

	if let Some(seed) = options.replay {
		let bytes = program_bytes(seed, options.max_len);
		return match program::run(&bytes, &genesis, &pool, &mut stats) {
			Ok(()) => {
				println!(
					"program {seed} ({} bytes) passed; {} calls",
					bytes.len(),
					stats.total_calls()
				);
				ExitCode::SUCCESS
			}
			Err(failure) => {
				print!("{}", program::describe(&failure.steps, &pool));
				println!(
					"FAILED: {}\nreplay: v2x-fuzz --seed {seed} --max-len {}",
					failure.reason, options.max_len
				);
				ExitCode::FAILURE
			}
		};
	}

	println!(
		"fuzzing for {} s from base seed {} (programs up to {} bytes)",
		options.seconds, options.base_seed, options.max_len
	);
	let start = Instant::now();
	let deadline = start + Duration::from_secs(options.seconds);
	let mut seeds = SplitMix64::new(options.base_seed);
	let mut last_progress = start;
	while Instant::now() < deadline && stats.programs < options.programs {
		let seed = seeds.next_u64();
		let bytes = program_bytes(seed, options.max_len);
		if let Err(failure) = program::run(&bytes, &genesis, &pool, &mut stats) {
			print!("{}", program::describe(&failure.steps, &pool));
			println!("FAILED: {}", failure.reason);
			println!("replay: v2x-fuzz --seed {seed} --max-len {}", options.max_len);
			summary(&stats, start.elapsed(), options.per_call);
			return ExitCode::FAILURE;
		}
		stats.programs += 1;
		if last_progress.elapsed() >= PROGRESS_EVERY {
			last_progress = Instant::now();
			progress(&stats, start.elapsed());
		}
	}
	summary(&stats, start.elapsed(), options.per_call);
	ExitCode::SUCCESS
}

fn progress(stats: &Stats, elapsed: Duration) {
	let secs = elapsed.as_secs_f64().max(1e-9);
	println!(
		"[{:>5.0} s] {} programs ({:.1}/s), {} calls ({:.0}/s, {:.1}% ok), {} blocks",
		secs,
		stats.programs,
		stats.programs as f64 / secs,
		stats.total_calls(),
		stats.total_calls() as f64 / secs,
		percent(stats.total_succeeded(), stats.total_calls()),
		stats.blocks,
	);
}

fn summary(stats: &Stats, elapsed: Duration, per_call: bool) {
	println!("\n== summary");
	progress(stats, elapsed);
	print!("{}", stats.per_pallet());
	if per_call {
		print!("{}", stats.per_call_table());
	}
}

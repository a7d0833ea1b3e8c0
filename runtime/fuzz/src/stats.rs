//! Counts of what the programs did: calls tried and succeeded per pallet and per call, and the
//! distinct outcomes (success or error variant) each call reached, a coverage measure of sorts.

use std::collections::{BTreeMap, BTreeSet};

use crate::calls::PALLETS;

#[derive(Default)]
pub struct Stats {
	pub programs: u64,
	pub blocks: u64,
	pub calls: [u64; PALLETS.len()],
	pub succeeded: [u64; PALLETS.len()],
	/// (pallet, call) -> (tried, succeeded).
	pub per_call: BTreeMap<(usize, &'static str), (u64, u64)>,
	/// (pallet, call, outcome) seen at least once.
	pub outcomes: BTreeSet<(usize, &'static str, String)>,
}

impl Stats {
	pub fn record(&mut self, pallet: usize, call: &'static str, outcome: &str) {
		let ok = outcome == "Ok";
		self.calls[pallet] += 1;
		self.succeeded[pallet] += u64::from(ok);
		let entry = self.per_call.entry((pallet, call)).or_default();
		entry.0 += 1;
		entry.1 += u64::from(ok);
		if !self.outcomes.contains(&(pallet, call, outcome.to_string())) {
			self.outcomes.insert((pallet, call, outcome.to_string()));
		}
	}

	pub fn total_calls(&self) -> u64 {
		self.calls.iter().sum()
	}

	pub fn total_succeeded(&self) -> u64 {
		self.succeeded.iter().sum()
	}

	/// One line per pallet: calls tried, the share that succeeded, and how many of its calls
	/// succeeded at least once.
	pub fn per_pallet(&self) -> String {
		let mut out = String::new();
		for (pallet, name) in PALLETS.iter().enumerate() {
			let names = crate::calls::call_names(pallet);
			let reached = names
				.iter()
				.filter(|call| self.per_call.get(&(pallet, **call)).is_some_and(|(_, ok)| *ok > 0))
				.count();
			let outcomes = self.outcomes.iter().filter(|(p, _, _)| *p == pallet).count();
			out.push_str(&format!(
				"  {name:<16} {:>9} calls, {:>5.1}% succeeded, {reached}/{} calls succeeded at least once, {outcomes} distinct outcomes\n",
				self.calls[pallet],
				percent(self.succeeded[pallet], self.calls[pallet]),
				names.len(),
			));
		}
		out
	}

	/// One line per call: tried, succeeded, distinct outcomes.
	pub fn per_call_table(&self) -> String {
		let mut out = String::new();
		for (pallet, name) in PALLETS.iter().enumerate() {
			for call in crate::calls::call_names(pallet) {
				let (tried, ok) = self.per_call.get(&(pallet, *call)).copied().unwrap_or_default();
				let outcomes: Vec<_> = self
					.outcomes
					.iter()
					.filter(|(p, c, _)| *p == pallet && c == call)
					.map(|(_, _, o)| o.as_str())
					.collect();
				out.push_str(&format!(
					"  {name}::{call:<30} {tried:>8} tried {:>5.1}% ok  {}\n",
					percent(ok, tried),
					outcomes.join(" ")
				));
			}
		}
		out
	}
}

pub fn percent(part: u64, whole: u64) -> f64 {
	if whole == 0 {
		0.0
	} else {
		part as f64 * 100.0 / whole as f64
	}
}

//! Runs one program: reads the bytes as a sequence of "next block", "jump ahead" and call steps
//! on a fresh copy of the dev chain, checks every call's weight as it goes and the invariants
//! after every block, and catches panics.

use std::panic::{self, AssertUnwindSafe};

use polkadot_sdk::{
	frame_support::{dispatch::GetDispatchInfo, traits::GetCallMetadata},
	sp_core::storage::Storage,
	sp_io::TestExternalities,
	sp_runtime::{traits::Dispatchable, DispatchError},
};
use v2x_runtime::{
	AccountId, Balances, BlockNumber, RuntimeCall, RuntimeOrigin, DAYS, HOURS, UNIT,
};

use crate::{
	actors::{self, Caller},
	calls::{self, Ctx},
	chain, invariants,
	source::Source,
	stats::Stats,
};

/// One step the program took, kept to print the program when a check fails.
pub enum Step {
	Block(BlockNumber),
	Call { caller: Caller, call: Box<RuntimeCall>, outcome: String },
}

/// Why a program failed, with the steps that led there.
pub struct Failure {
	pub reason: String,
	pub steps: Vec<Step>,
}

/// Runs the program `bytes` on `genesis`, adding what happened to `stats`.
pub fn run(
	bytes: &[u8],
	genesis: &Storage,
	pool: &[(AccountId, &'static str)],
	stats: &mut Stats,
) -> Result<(), Failure> {
	let mut steps = Vec::new();
	let mut ext = TestExternalities::new(genesis.clone());
	let result = panic::catch_unwind(AssertUnwindSafe(|| {
		ext.execute_with(|| execute(bytes, pool, stats, &mut steps))
	}));
	match result {
		Ok(Ok(())) => Ok(()),
		Ok(Err(reason)) => Err(Failure { reason, steps }),
		Err(panic) => {
			let message = panic
				.downcast_ref::<String>()
				.cloned()
				.or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
				.unwrap_or_default();
			Err(Failure { reason: format!("panic: {message}"), steps })
		}
	}
}

fn execute(
	bytes: &[u8],
	pool: &[(AccountId, &'static str)],
	stats: &mut Stats,
	steps: &mut Vec<Step>,
) -> Result<(), String> {
	let mut src = Source::new(bytes);
	let mut n: BlockNumber = 1;
	chain::start_block(n);
	for who in actors::funded_extras() {
		let fund = polkadot_sdk::pallet_balances::Call::force_set_balance {
			who: who.into(),
			new_free: 1_000 * UNIT,
		};
		RuntimeCall::Balances(fund)
			.dispatch(RuntimeOrigin::root())
			.map_err(|e| format!("funding the extra accounts failed: {e:?}"))?;
	}
	bind_coop_car_device()?;
	bind_road_devices()?;
	lease_setup()?;
	let issuance = Balances::total_issuance();
	invariants::check(0, issuance)?;
	steps.push(Step::Block(n));
	while !src.is_empty() {
		let op = src.byte();
		let advance = match op {
			0..=15 => Some(1),
			16..=19 => Some(src.pick(&[2, 10, 100, HOURS, DAYS, 7 * DAYS, 31 * DAYS])),
			_ => None,
		};
		if let Some(blocks) = advance {
			chain::end_block(n)?;
			invariants::check(n, issuance)?;
			stats.blocks += 1;
			n = n.saturating_add(blocks);
			chain::start_block(n);
			steps.push(Step::Block(n));
			continue;
		}
		let ctx = Ctx { pool, now: n };
		let (pallet, caller, call) = calls::generate(&mut src, &ctx);
		dispatch(pallet, caller, call, stats, steps)?;
	}
	chain::end_block(n)?;
	invariants::check(n, issuance)?;
	stats.blocks += 1;
	Ok(())
}

/// The co-op's fleet manager (Bob) invites `CAR_DEVICE` to the dev preset's co-op car
/// (vehicle 2, co-op 0) and the device accepts, so that trips can be checked in and out.
fn bind_coop_car_device() -> Result<(), String> {
	let device: AccountId = actors::CAR_DEVICE.into();
	let manager = polkadot_sdk::sp_keyring::Sr25519Keyring::Bob.to_account_id();
	let invite =
		pallet_car_sharing::Call::invite_device { coop: 0, vehicle: 2, device: device.clone() };
	RuntimeCall::CarSharing(invite)
		.dispatch(RuntimeOrigin::signed(manager))
		.map_err(|e| format!("inviting the co-op car's device failed: {e:?}"))?;
	let accept = pallet_vehicle_identity::Call::accept_device_binding { vehicle: 2 };
	RuntimeCall::VehicleIdentity(accept)
		.dispatch(RuntimeOrigin::signed(device))
		.map_err(|e| format!("binding the co-op car's device failed: {e:?}"))?;
	Ok(())
}

/// Alice binds `OBU` to her car (vehicle 0, with tolls prepaid) and the hauliers bind
/// `LEADER_DEVICE` and `FOLLOWER_DEVICE` to the preset's platoon trucks (3 and 4), and the
/// devices accept: passages and platoon segments are reported by devices.
fn bind_road_devices() -> Result<(), String> {
	let alice = polkadot_sdk::sp_keyring::Sr25519Keyring::Alice.to_account_id();
	for (owner, vehicle, device) in [
		(alice, 0, actors::OBU),
		(actors::uri_account("//HaulierA"), 3, actors::LEADER_DEVICE),
		(actors::uri_account("//HaulierB"), 4, actors::FOLLOWER_DEVICE),
	] {
		let device: AccountId = device.into();
		let bind = pallet_vehicle_identity::Call::bind_device { vehicle, device: device.clone() };
		RuntimeCall::VehicleIdentity(bind)
			.dispatch(RuntimeOrigin::signed(owner))
			.map_err(|e| format!("binding a road device to vehicle {vehicle} failed: {e:?}"))?;
		let accept = pallet_vehicle_identity::Call::accept_device_binding { vehicle };
		RuntimeCall::VehicleIdentity(accept)
			.dispatch(RuntimeOrigin::signed(device))
			.map_err(|e| format!("accepting vehicle {vehicle}'s road device failed: {e:?}"))?;
	}
	Ok(())
}

/// Governance approves `LENDER` as a second lender (to take a lease's position), and Ferdie,
/// the preset's lender, registers a spare car (vehicle 6) to himself, binds `LEASE_DEVICE` to
/// it and the device reports 500 km: a lender's car with an odometer, free to be leased (the
/// preset's vehicle 5 is leased from genesis).
fn lease_setup() -> Result<(), String> {
	type Identity = pallet_vehicle_identity::Call<v2x_runtime::Runtime>;
	let ferdie = polkadot_sdk::sp_keyring::Sr25519Keyring::Ferdie.to_account_id();
	let device: AccountId = actors::LEASE_DEVICE.into();
	let mut vin = v2x_primitives::Vin(*b"5YJ3E1EA0RF000007");
	vin.0[8] = vin.expected_check_digit().ok_or("the spare car's VIN has no check digit")?;
	let vehicle = pallet_vehicle_identity::NextVehicleId::<v2x_runtime::Runtime>::get();
	let steps: [(RuntimeOrigin, RuntimeCall); 5] = [
		(RuntimeOrigin::root(), Identity::approve_lender { lender: actors::LENDER.into() }.into()),
		(
			RuntimeOrigin::signed(ferdie.clone()),
			Identity::register_vehicle {
				vin,
				owner: ferdie.clone(),
				model_year: 2025,
				powertrain: v2x_primitives::Powertrain::Bev,
				battery_capacity: Some(75_000),
				metadata_hash: [0; 32],
				metadata_uri: Default::default(),
			}
			.into(),
		),
		(
			RuntimeOrigin::signed(ferdie),
			Identity::bind_device { vehicle, device: device.clone() }.into(),
		),
		(RuntimeOrigin::signed(device.clone()), Identity::accept_device_binding { vehicle }.into()),
		(
			RuntimeOrigin::signed(device),
			pallet_service_book::Call::<v2x_runtime::Runtime>::report_odometer { vehicle, km: 500 }
				.into(),
		),
	];
	for (origin, call) in steps {
		let name = call.get_call_metadata().function_name;
		call.dispatch(origin).map_err(|e| format!("the leasing setup's {name} failed: {e:?}"))?;
	}
	Ok(())
}

/// Dispatches `call` and checks its weight: the benchmarked weight fits in a block, and the
/// actual weight it reports is no more than the benchmarked one.
fn dispatch(
	pallet: usize,
	caller: Caller,
	call: RuntimeCall,
	stats: &mut Stats,
	steps: &mut Vec<Step>,
) -> Result<(), String> {
	let info = call.get_dispatch_info();
	let name = call.get_call_metadata().function_name;
	let result = call.clone().dispatch(caller.origin());
	let (actual, outcome) = match &result {
		Ok(post) => (post.actual_weight, "Ok".to_string()),
		Err(e) => (e.post_info.actual_weight, error_name(&e.error)),
	};
	stats.record(pallet, name, &outcome);
	steps.push(Step::Call { caller, call: Box::new(call), outcome });
	if info.total_weight().any_gt(chain::max_extrinsic()) {
		return Err(format!("{name}'s weight {:?} does not fit in a block", info.total_weight()));
	}
	if let Some(actual) = actual {
		if actual.any_gt(info.call_weight) {
			return Err(format!(
				"{name} reported weight {actual:?}, more than its benchmarked {:?}",
				info.call_weight
			));
		}
	}
	Ok(())
}

/// The error's variant name (`NotOwner`), or its debug form for errors outside a pallet.
fn error_name(error: &DispatchError) -> String {
	match error {
		DispatchError::Module(module) => module.message.unwrap_or("?").to_string(),
		other => format!("{other:?}"),
	}
}

/// The program as text, one step a line, accounts by name.
pub fn describe(steps: &[Step], pool: &[(AccountId, &'static str)]) -> String {
	let mut out = String::new();
	for step in steps {
		match step {
			Step::Block(n) => out.push_str(&format!("-- block {n}\n")),
			Step::Call { caller, call, outcome } => {
				out.push_str(&format!("{}: {:?} -> {outcome}\n", caller.describe(pool), call))
			}
		}
	}
	out
}

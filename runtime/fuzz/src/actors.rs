//! Who calls: the dev preset's accounts in their roles, a few extra funded accounts the program
//! turns into lenders, operators, devices, workshops, insurers or grid operators through calls,
//! an unfunded stranger, the device of the co-op car, the dev preset's road-usage cast and the
//! devices of vehicle 0 and of the platoon's trucks, the device of the lender's spare car, root
//! and the `None` origin.

use polkadot_sdk::sp_keyring::Sr25519Keyring;
use v2x_runtime::{AccountId, RuntimeOrigin};

use crate::source::Source;

/// An account made from one repeated byte (like the runtime tests' extra accounts).
const fn extra(byte: u8) -> [u8; 32] {
	[byte; 32]
}

/// Funded at the start of every program; no role until a call gives it one.
/// `LENDER` is also approved as a lender at the start (a second lender to take a lease's
/// position).
pub const LENDER: [u8; 32] = extra(0x4c);
pub const OPERATOR: [u8; 32] = extra(0x4f);
pub const DEVICE: [u8; 32] = extra(0x44);
/// Never funded: every call that holds or pays must fail for it.
pub const POOR: [u8; 32] = extra(0x50);
/// Bound to the dev preset's co-op car (vehicle 2) at the start of every program: the preset
/// gives it no device, and a trip needs one.
pub const CAR_DEVICE: [u8; 32] = extra(0x43);
/// Bound at the start of every program: the on-board unit of Alice's car (vehicle 0, 50 V2X
/// prepaid for tolls) and the devices of the preset's platoon trucks (3 leads, 4 follows).
pub const OBU: [u8; 32] = extra(0x55);
pub const LEADER_DEVICE: [u8; 32] = extra(0x56);
pub const FOLLOWER_DEVICE: [u8; 32] = extra(0x57);
/// Bound at the start of every program to the car Ferdie (an approved lender) registers to
/// himself, so that it has an odometer reading and can be leased (see `program.rs`).
pub const LEASE_DEVICE: [u8; 32] = extra(0x58);

/// The account of a dev URI (the road-usage cast of the dev preset: `//TollCharger`, ...).
pub fn uri_account(uri: &str) -> AccountId {
	use polkadot_sdk::sp_core::{sr25519, Pair};
	let pair = sr25519::Pair::from_string(uri, None).expect("a dev URI derives a key");
	AccountId::new(pair.public().0)
}

/// Every account a program uses, with the role it starts with (names for the printed program).
pub fn pool() -> Vec<(AccountId, &'static str)> {
	use Sr25519Keyring::*;
	let keyring = [
		(Alice, "Alice(owner v0, holder, seller, council, sudo)"),
		(Bob, "Bob(owner v1, council, fleet manager of co-op 0)"),
		(Charlie, "Charlie(workshop, council, member of co-op 0)"),
		(Dave, "Dave(member of co-op 0, lessee of lease 0)"),
		(Eve, "Eve(insurer, assessor of co-op 0)"),
		(Ferdie, "Ferdie(manufacturer, lender, lessor of vehicles 5 and 6)"),
		(AliceStash, "AliceStash(device)"),
		(BobStash, "BobStash(device)"),
		(CharlieStash, "CharlieStash(charge point operator)"),
		(DaveStash, "DaveStash(meter of charger 0)"),
		(EveStash, "EveStash(meter of charger 1)"),
		(FerdieStash, "FerdieStash(spare; invited to co-op cars)"),
	];
	let mut accounts: Vec<_> =
		keyring.into_iter().map(|(key, name)| (key.to_account_id(), name)).collect();
	accounts.push((LENDER.into(), "LENDER"));
	accounts.push((OPERATOR.into(), "OPERATOR"));
	accounts.push((DEVICE.into(), "DEVICE"));
	accounts.push((POOR.into(), "POOR(unfunded stranger)"));
	accounts.push((CAR_DEVICE.into(), "CAR_DEVICE(device of co-op car 2)"));
	accounts.push((uri_account("//TollCharger"), "TollCharger(contexts 0 and 1)"));
	accounts.push((uri_account("//TollProvider"), "TollProvider(serves vehicles 0, 3, 4)"));
	accounts.push((
		uri_account("//HaulierA"),
		"HaulierA(owner of truck 3, platoon 0's payee, custodian of shipment 0)",
	));
	accounts.push((uri_account("//HaulierB"), "HaulierB(owner of truck 4, platoon 0's payer)"));
	accounts.push((uri_account("//Gantry1"), "Gantry1(gantry of context 0)"));
	accounts.push((OBU.into(), "OBU(device of vehicle 0)"));
	accounts.push((LEADER_DEVICE.into(), "LEADER_DEVICE(device of truck 3)"));
	accounts.push((FOLLOWER_DEVICE.into(), "FOLLOWER_DEVICE(device of truck 4)"));
	accounts.push((LEASE_DEVICE.into(), "LEASE_DEVICE(device of Ferdie's spare car 6)"));
	accounts.push((uri_account("//Ecu0"), "Ecu0(primary ECU of vehicle 0)"));
	accounts
		.push((crate::calls::sensor_account(), "Sensor(a freight sensor, unregistered at first)"));
	accounts
}

/// The extra accounts funded at the start of a program.
pub fn funded_extras() -> [AccountId; 7] {
	[
		LENDER.into(),
		OPERATOR.into(),
		DEVICE.into(),
		OBU.into(),
		LEADER_DEVICE.into(),
		FOLLOWER_DEVICE.into(),
		LEASE_DEVICE.into(),
	]
}

/// A call's origin.
#[derive(Clone, Debug)]
pub enum Caller {
	Root,
	None,
	Signed(AccountId),
}

impl Caller {
	pub fn origin(&self) -> RuntimeOrigin {
		match self {
			Caller::Root => RuntimeOrigin::root(),
			Caller::None => RuntimeOrigin::none(),
			Caller::Signed(who) => RuntimeOrigin::signed(who.clone()),
		}
	}

	pub fn describe(&self, pool: &[(AccountId, &'static str)]) -> String {
		match self {
			Caller::Root => "root".into(),
			Caller::None => "none".into(),
			Caller::Signed(who) => name(pool, who),
		}
	}
}

pub fn name(pool: &[(AccountId, &'static str)], who: &AccountId) -> String {
	pool.iter()
		.find(|(account, _)| account == who)
		.map(|(_, name)| name.to_string())
		.unwrap_or_else(|| format!("{who}"))
}

/// Any account of the pool.
pub fn any(src: &mut Source, pool: &[(AccountId, &'static str)]) -> AccountId {
	pool[src.below(pool.len())].0.clone()
}

/// One of `likely` most of the time (the accounts the state says may act), else anyone.
pub fn account(
	src: &mut Source,
	pool: &[(AccountId, &'static str)],
	likely: &[AccountId],
) -> AccountId {
	if !likely.is_empty() && src.byte() < 192 {
		src.pick(likely)
	} else {
		any(src, pool)
	}
}

/// The origin of a call someone signs: one of `likely` most of the time, otherwise any
/// account, root or none.
pub fn signer(
	src: &mut Source,
	pool: &[(AccountId, &'static str)],
	likely: &[AccountId],
) -> Caller {
	let byte = src.byte();
	if !likely.is_empty() && byte < 200 {
		return Caller::Signed(likely[usize::from(byte) % likely.len()].clone());
	}
	match byte % 16 {
		0 => Caller::Root,
		1 => Caller::None,
		_ => Caller::Signed(any(src, pool)),
	}
}

/// The origin of a governance call: root most of the time, else a signed account or none.
pub fn governance(src: &mut Source, pool: &[(AccountId, &'static str)]) -> Caller {
	match src.byte() {
		0..=219 => Caller::Root,
		220..=223 => Caller::None,
		_ => Caller::Signed(any(src, pool)),
	}
}

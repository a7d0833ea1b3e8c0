//! Road usage: names and domains that are empty; tariffs that are empty, unsorted, duplicated,
//! free, banded per passage, not in the future or not after the latest; bonds, top-ups and
//! withdrawals of 0, beyond the balance or overflowing; declarations that are empty, out of the
//! day window, unpriced, miscounted, duplicated, recharging an event, overflowing, beyond the
//! bond, or correcting nothing, the wrong thing or twice; passages with a forged, misdirected or
//! stale attestation; platoon rules worth nothing, escrows beyond `u128`, km beyond the plan;
//! and ids that do not exist. Each by the role that may make the call.

use super::{assert_bound, check_rows, row, UNKNOWN};
use crate::{
	tests::{
		account, dev_chain,
		road_keys::{account_of, attestation, day_at},
		run_to_block, signed,
	},
	AccountId, Balances, Runtime, RuntimeCall, RuntimeOrigin, VehicleIdentity, UNIT,
};
use pallet_road_usage::{
	Call, ChargeKind, DeclarationInput, DeclarationRef, Error, Passage, PlatoonRule, Providers,
	TariffPrice, Usage,
};
use polkadot_sdk::{
	frame_support::{assert_ok, BoundedVec},
	sp_core::H256,
	sp_keyring::Sr25519Keyring::{Alice, AliceStash, Bob, BobStash},
	sp_runtime::Perbill,
};

type E = Error<Runtime>;

/// The preset's contexts (0: per passage, 1: per km), and the two the setup adds: 2 without a
/// tariff, 3 per km at a price no usage can be charged at.
const MOTORWAY: u32 = 0;
const NETWORK: u32 = 1;
const UNPRICED: u32 = 2;
const PRICELESS: u32 = 3;
/// Alice's car, Bob's, and the platoon's trucks.
const V0: u64 = 0;
const V1: u64 = 1;
const LEADER: u64 = 3;
const FOLLOWER: u64 = 4;
/// Platoon 0 (preset: truck 3 leads, 4 follows, segment 0 of 100 km open) and platoon 1
/// (Alice's car leads, at `u128::MAX` a km, no follower).
const PLATOON: u64 = 0;
const PRICELESS_PLATOON: u64 = 1;
const PLANNED_KM: u32 = 100;
/// The block the rows run at, and its day.
const NOW: u32 = 10;
const TODAY: u32 = day_at(NOW);
/// The runtime's limits (`configs/road_usage.rs`).
const MAX_NAME: usize = 64;
const MAX_TARIFF_PRICES: usize = 32;
const MAX_TARIFF_VERSIONS: u32 = 16;
const MAX_GANTRIES: usize = 64;
const MAX_USAGE_LINES: usize = 4;
const MAX_EVENTS_PER_DECLARATION: usize = 64;
const MAX_EVENTS_PER_VEHICLE_DAY: usize = 128;
/// Event ids a batch of the setup charged on vehicle 0's day (the day then holds 65 of 128).
const FILLER_EVENTS: u8 = 62;
const MAX_DECLARATIONS: usize = 32;

fn charger() -> AccountId {
	account_of("//TollCharger")
}
fn provider() -> AccountId {
	account_of("//TollProvider")
}
/// Approved, bonded (200 V2X) and revoked in the setup.
fn revoked() -> AccountId {
	AccountId::new([0xc2; 32])
}
/// The devices bound to trucks 3 and 4 in the setup.
fn leader_device() -> AccountId {
	AccountId::new([0xc3; 32])
}
fn follower_device() -> AccountId {
	AccountId::new([0xc4; 32])
}
fn stranger() -> AccountId {
	AccountId::new([0x51; 32])
}
fn by(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}
fn event(byte: u8) -> H256 {
	H256::repeat_byte(byte)
}

fn price(class: u8, band: u8, price: u128) -> TariffPrice<u128> {
	TariffPrice { class, band, price }
}

fn tariff(context: u32, valid_from: u32, prices: Vec<TariffPrice<u128>>) -> Call<Runtime> {
	Call::publish_tariff { context, valid_from, prices: BoundedVec::truncate_from(prices) }
}

/// A declaration of `vehicle`'s `day`: class 1, one usage line per `(band, quantity)`, events
/// `events`.
fn declaration(
	vehicle: u64,
	day: u32,
	usage: &[(u8, u32)],
	events: &[u8],
) -> DeclarationInput<Runtime> {
	DeclarationInput {
		vehicle,
		day,
		class: 1,
		usage: BoundedVec::truncate_from(
			usage.iter().map(|&(band, quantity)| Usage { band, quantity }).collect(),
		),
		events: BoundedVec::truncate_from(events.iter().map(|&e| event(e)).collect()),
		details_root: H256::repeat_byte(0xdd),
		corrects: None,
	}
}

/// One passage of vehicle 0 today with the new event `e`: a valid declaration.
fn one_passage(e: u8) -> DeclarationInput<Runtime> {
	declaration(V0, TODAY, &[(0, 1)], &[e])
}

fn declare(context: u32, inputs: Vec<DeclarationInput<Runtime>>) -> Call<Runtime> {
	Call::declare { context, declarations: BoundedVec::truncate_from(inputs) }
}

/// `input` with `change` applied, declared alone at the motorway.
fn declare_with(
	mut input: DeclarationInput<Runtime>,
	change: impl FnOnce(&mut DeclarationInput<Runtime>),
) -> Call<Runtime> {
	change(&mut input);
	declare(MOTORWAY, vec![input])
}

/// A correction of `target` by a declaration of `vehicle` on `day` (event 0x40).
fn correction(vehicle: u64, day: u32, batch: u64, index: u16) -> Call<Runtime> {
	declare_with(declaration(vehicle, day, &[(0, 1)], &[0x40]), |input| {
		input.corrects = Some(DeclarationRef { batch, index })
	})
}

fn passage(vehicle: u64, day: u32, e: u8, class: u8) -> Passage {
	Passage { vehicle, day, event: event(e), class }
}

/// `passage` at `context`, signed by `signer` for `signed_context`, claimed from `gantry`.
fn report_as(
	context: u32,
	passage: Passage,
	gantry: &str,
	signer: &str,
	signed: (u32, &Passage),
) -> Call<Runtime> {
	let signature = attestation(signer, signed.0, signed.1);
	Call::report_passage { context, passage, gantry: account_of(gantry), signature }
}

/// `passage` at the motorway, truly attested by `//Gantry1`.
fn report(passage: Passage) -> Call<Runtime> {
	let signed = passage;
	report_as(MOTORWAY, passage, "//Gantry1", "//Gantry1", (MOTORWAY, &signed))
}

fn rule(saving_per_km: u128, percent: u32) -> PlatoonRule<u128> {
	PlatoonRule { saving_per_km, leader_share: Perbill::from_percent(percent) }
}

/// Dispatches `call` from `who`, which must succeed (the setup).
fn ok(who: AccountId, call: Call<Runtime>) {
	use polkadot_sdk::sp_runtime::traits::Dispatchable;
	let call: RuntimeCall = call.into();
	assert_ok!(call.dispatch(RuntimeOrigin::signed(who)));
}

fn root(call: Call<Runtime>) {
	use polkadot_sdk::sp_runtime::traits::Dispatchable;
	assert_ok!(RuntimeCall::from(call).dispatch(RuntimeOrigin::root()));
}

/// Block 10: contexts 2 (no tariff) and 3 (a km at half of `u128::MAX`); a revoked provider;
/// a motorway version valid from in 5 days; the devices of vehicle 0 (AliceStash) and the
/// trucks bound; batch 0 (vehicle 0 today, event 1) accepted and corrected by the pending
/// batch 2 (event 1 again), batch 1 (vehicle 0 yesterday, event 2) pending; a direct passage
/// of vehicle 0 today (event 3, 8 V2X of the 50 prepaid); batch 3 (62 more passages of vehicle
/// 0 today, pending: the day holds 65 event ids); platoon 0's segment 0 of 100 km
/// attested by the follower (30 km); platoon 1 led by vehicle 0 at `u128::MAX` a km.
fn setup() {
	let force = RuntimeOrigin::root;
	for who in [revoked(), leader_device(), follower_device(), account(AliceStash)] {
		assert_ok!(Balances::force_set_balance(force(), who.into(), 10_000 * UNIT));
	}
	run_to_block(NOW);
	ok(
		charger(),
		Call::create_context { domain: text(b"No tariff yet"), kind: ChargeKind::Passage },
	);
	ok(charger(), Call::create_context { domain: text(b"Priceless"), kind: ChargeKind::Distance });
	ok(charger(), tariff(PRICELESS, TODAY, vec![price(1, 0, u128::MAX / 2)]));
	ok(charger(), tariff(MOTORWAY, TODAY + 5, vec![price(1, 0, 9 * UNIT)]));
	root(Call::approve_provider { who: revoked(), name: text(b"Revoked") });
	ok(revoked(), Call::post_bond { amount: 200 * UNIT });
	root(Call::revoke_provider { who: revoked() });
	for (owner, vehicle, device) in [
		(account(Alice), V0, account(AliceStash)),
		(account_of("//HaulierA"), LEADER, leader_device()),
		(account_of("//HaulierB"), FOLLOWER, follower_device()),
	] {
		assert_ok!(VehicleIdentity::bind_device(by(owner), vehicle, device.clone()));
		assert_ok!(VehicleIdentity::accept_device_binding(by(device), vehicle));
	}
	ok(provider(), declare(MOTORWAY, vec![one_passage(1)]));
	ok(charger(), Call::accept_batch { batch: 0 });
	ok(provider(), declare(MOTORWAY, vec![declaration(V0, TODAY - 1, &[(0, 1)], &[2])]));
	ok(
		provider(),
		declare_with(one_passage(1), |input| {
			input.corrects = Some(DeclarationRef { batch: 0, index: 0 })
		}),
	);
	ok(account(AliceStash), report(passage(V0, TODAY, 3, 1)));
	let filler: Vec<u8> = (0x80..0x80 + FILLER_EVENTS).collect();
	let passages = u32::from(FILLER_EVENTS);
	ok(provider(), declare(MOTORWAY, vec![declaration(V0, TODAY, &[(0, passages)], &filler)]));
	ok(leader_device(), Call::start_segment { platoon: PLATOON, planned_km: PLANNED_KM });
	ok(follower_device(), Call::attest_segment { platoon: PLATOON, km: 30 });
	ok(account(Alice), Call::form_platoon { leader: V0, rule: rule(u128::MAX, 100) });
}

fn text<S: polkadot_sdk::frame_support::traits::Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(bytes.to_vec())
}

#[test]
fn road_usage_refuses_bad_input_with_typed_errors() {
	dev_chain(|| {
		setup();
		let alice = || signed(Alice);
		let bob = || signed(Bob);
		let gov = RuntimeOrigin::root;
		let charger_ = || by(charger());
		let provider_ = || by(provider());
		let device = || signed(AliceStash);
		let leader_ = || by(leader_device());
		let follower_ = || by(follower_device());
		let haulier_a = || by(account_of("//HaulierA"));
		let haulier_b = || by(account_of("//HaulierB"));
		let unknown = u64::from(UNKNOWN);
		let bond = Providers::<Runtime>::get(provider()).map(|p| (p.bond, p.obligations));
		let (bond, obligations) = bond.unwrap_or_default();
		let owed = 8 * UNIT * u128::from(1 + FILLER_EVENTS);
		assert_eq!((bond, obligations), (992 * UNIT, owed), "batch 0 paid 8, batches 1 and 3 owe");
		let prepaid = 42 * UNIT;
		let day = pallet_road_usage::VehicleDays::<Runtime>::get((MOTORWAY, V0), TODAY);
		let held = day.map_or(0, |day| day.events.len());
		assert_eq!(held, 3 + usize::from(FILLER_EVENTS), "events 1 (twice: batches 0 and 2), 3");
		assert!(held + MAX_EVENTS_PER_DECLARATION > MAX_EVENTS_PER_VEHICLE_DAY);
		check_rows(vec![
			// Roles (governance; the provider for its bond).
			row(
				"a charger with an empty name",
				gov(),
				Call::approve_charger { who: stranger(), name: text(b"") },
				E::EmptyName,
			),
			row(
				"the charger approved again",
				gov(),
				Call::approve_charger { who: charger(), name: text(b"Again") },
				E::AlreadyCharger,
			),
			row(
				"a provider with an empty name",
				gov(),
				Call::approve_provider { who: stranger(), name: text(b"") },
				E::EmptyName,
			),
			row(
				"the active provider approved again",
				gov(),
				Call::approve_provider { who: provider(), name: text(b"Again") },
				E::AlreadyProvider,
			),
			row(
				"revoke an account that is no provider",
				gov(),
				Call::revoke_provider { who: stranger() },
				E::UnknownProvider,
			),
			row(
				"revoke a revoked provider",
				gov(),
				Call::revoke_provider { who: revoked() },
				E::ProviderNotActive,
			),
			row("post a bond of 0", provider_(), Call::post_bond { amount: 0 }, E::ZeroAmount),
			row(
				"post a bond beyond u128::MAX",
				provider_(),
				Call::post_bond { amount: u128::MAX },
				E::Overflow,
			),
			row(
				"post a bond beyond the free balance",
				provider_(),
				Call::post_bond { amount: 1_000_000 * UNIT },
				E::InsufficientBalance,
			),
			row("withdraw 0", provider_(), Call::withdraw_bond { amount: 0 }, E::ZeroAmount),
			row(
				"withdraw more than the bond",
				provider_(),
				Call::withdraw_bond { amount: bond + 1 },
				E::BondTooLow,
			),
			row(
				"withdraw below MinProviderBond while active",
				provider_(),
				Call::withdraw_bond { amount: bond - 100 * UNIT + 1 },
				E::BondTooLow,
			),
			row(
				"withdraw u128::MAX",
				provider_(),
				Call::withdraw_bond { amount: u128::MAX },
				E::BondTooLow,
			),
			// Contexts and tariffs (the charger).
			row(
				"a context with an empty domain",
				charger_(),
				Call::create_context { domain: text(b""), kind: ChargeKind::Distance },
				E::EmptyName,
			),
			row(
				"a tariff of an unknown context",
				charger_(),
				tariff(UNKNOWN, TODAY + 6, vec![price(1, 0, UNIT)]),
				E::UnknownContext,
			),
			row(
				"a tariff with no price",
				charger_(),
				tariff(MOTORWAY, TODAY + 6, vec![]),
				E::InvalidTariff,
			),
			row(
				"prices unsorted by class",
				charger_(),
				tariff(MOTORWAY, TODAY + 6, vec![price(2, 0, UNIT), price(1, 0, UNIT)]),
				E::InvalidTariff,
			),
			row(
				"a class priced twice",
				charger_(),
				tariff(MOTORWAY, TODAY + 6, vec![price(1, 0, UNIT), price(1, 0, 2 * UNIT)]),
				E::InvalidTariff,
			),
			row(
				"a price of 0",
				charger_(),
				tariff(MOTORWAY, TODAY + 6, vec![price(1, 0, UNIT), price(2, 0, 0)]),
				E::InvalidTariff,
			),
			row(
				"a time band on a per-passage tariff",
				charger_(),
				tariff(MOTORWAY, TODAY + 6, vec![price(1, 1, UNIT)]),
				E::InvalidTariff,
			),
			row(
				"bands unsorted on a per-km tariff",
				charger_(),
				tariff(NETWORK, TODAY + 6, vec![price(2, 1, UNIT), price(2, 0, UNIT)]),
				E::InvalidTariff,
			),
			row(
				"a band priced twice on a per-km tariff",
				charger_(),
				tariff(NETWORK, TODAY + 6, vec![price(2, 1, UNIT), price(2, 1, UNIT)]),
				E::InvalidTariff,
			),
			row(
				"a new version valid today",
				charger_(),
				tariff(NETWORK, TODAY, vec![price(2, 0, UNIT)]),
				E::TariffNotInFuture,
			),
			row(
				"a new version valid from day 0",
				charger_(),
				tariff(NETWORK, 0, vec![price(2, 0, UNIT)]),
				E::TariffNotInFuture,
			),
			row(
				"a first version valid yesterday",
				charger_(),
				tariff(UNPRICED, TODAY - 1, vec![price(1, 0, UNIT)]),
				E::TariffNotInFuture,
			),
			row(
				"a version before the latest (in 5 days)",
				charger_(),
				tariff(MOTORWAY, TODAY + 4, vec![price(1, 0, UNIT)]),
				E::TariffNotAfterLatest,
			),
			row(
				"a version on the latest's day",
				charger_(),
				tariff(MOTORWAY, TODAY + 5, vec![price(1, 0, UNIT)]),
				E::TariffNotAfterLatest,
			),
			row(
				"a gantry of an unknown context",
				charger_(),
				Call::add_gantry { context: UNKNOWN, gantry: stranger() },
				E::UnknownContext,
			),
			row(
				"a gantry added twice",
				charger_(),
				Call::add_gantry { context: MOTORWAY, gantry: account_of("//Gantry1") },
				E::GantryExists,
			),
			row(
				"remove a gantry never added",
				charger_(),
				Call::remove_gantry { context: MOTORWAY, gantry: stranger() },
				E::UnknownGantry,
			),
			row(
				"remove a gantry of an unknown context",
				charger_(),
				Call::remove_gantry { context: UNKNOWN, gantry: account_of("//Gantry1") },
				E::UnknownContext,
			),
			// Users (the owner).
			row(
				"a provider for an unknown vehicle",
				alice(),
				Call::set_provider { vehicle: unknown, provider: Some(provider()) },
				E::UnknownVehicle,
			),
			row(
				"the current provider again",
				alice(),
				Call::set_provider { vehicle: V0, provider: Some(provider()) },
				E::AlreadySubscribed,
			),
			row(
				"an account that is no provider",
				alice(),
				Call::set_provider { vehicle: V0, provider: Some(stranger()) },
				E::UnknownProvider,
			),
			row(
				"a revoked provider",
				alice(),
				Call::set_provider { vehicle: V0, provider: Some(revoked()) },
				E::ProviderNotActive,
			),
			row(
				"no provider when there is none",
				bob(),
				Call::set_provider { vehicle: V1, provider: None },
				E::NoProvider,
			),
			row("top up 0", alice(), Call::top_up { vehicle: V0, amount: 0 }, E::ZeroAmount),
			row(
				"top up an unknown vehicle",
				alice(),
				Call::top_up { vehicle: unknown, amount: UNIT },
				E::UnknownVehicle,
			),
			row(
				"top up beyond u128::MAX",
				alice(),
				Call::top_up { vehicle: V0, amount: u128::MAX },
				E::Overflow,
			),
			row(
				"top up beyond the free balance",
				alice(),
				Call::top_up { vehicle: V0, amount: u128::MAX / 2 },
				E::InsufficientBalance,
			),
			row(
				"withdraw 0 prepaid",
				alice(),
				Call::withdraw_prepaid { vehicle: V0, amount: 0 },
				E::ZeroAmount,
			),
			row(
				"withdraw more than prepaid",
				alice(),
				Call::withdraw_prepaid { vehicle: V0, amount: prepaid + 1 },
				E::InsufficientPrepaid,
			),
			row(
				"withdraw from a vehicle with nothing prepaid",
				bob(),
				Call::withdraw_prepaid { vehicle: V1, amount: UNIT },
				E::InsufficientPrepaid,
			),
			row(
				"withdraw from an unknown vehicle",
				alice(),
				Call::withdraw_prepaid { vehicle: unknown, amount: UNIT },
				E::InsufficientPrepaid,
			),
			// Declarations (the provider).
			row("an empty batch", provider_(), declare(MOTORWAY, vec![]), E::EmptyBatch),
			row(
				"a batch in an unknown context",
				provider_(),
				declare(UNKNOWN, vec![one_passage(0x50)]),
				E::UnknownContext,
			),
			row(
				"tomorrow",
				provider_(),
				declare_with(one_passage(0x50), |d| d.day = TODAY + 1),
				E::DayOutOfWindow,
			),
			row(
				"31 days ago",
				provider_(),
				declare_with(one_passage(0x50), |d| d.day = TODAY - 31),
				E::DayOutOfWindow,
			),
			row(
				"day u32::MAX",
				provider_(),
				declare_with(one_passage(0x50), |d| d.day = u32::MAX),
				E::DayOutOfWindow,
			),
			row(
				"an unknown vehicle",
				provider_(),
				declare_with(one_passage(0x50), |d| d.vehicle = unknown),
				E::UnknownVehicle,
			),
			row(
				"a vehicle the provider does not serve",
				provider_(),
				declare_with(one_passage(0x50), |d| d.vehicle = V1),
				E::NotServingVehicle,
			),
			row(
				"no usage line",
				provider_(),
				declare_with(one_passage(0x50), |d| d.usage = BoundedVec::new()),
				E::EmptyDeclaration,
			),
			row(
				"no event",
				provider_(),
				declare_with(one_passage(0x50), |d| d.events = BoundedVec::new()),
				E::EmptyDeclaration,
			),
			row(
				"a quantity of 0",
				provider_(),
				declare(MOTORWAY, vec![declaration(V0, TODAY, &[(0, 1), (0, 0)], &[0x50])]),
				E::EmptyDeclaration,
			),
			row(
				"two passages with one event",
				provider_(),
				declare(MOTORWAY, vec![declaration(V0, TODAY, &[(0, 2)], &[0x50])]),
				E::PassageCountMismatch,
			),
			row(
				"one passage with two events",
				provider_(),
				declare(MOTORWAY, vec![declaration(V0, TODAY, &[(0, 1)], &[0x50, 0x51])]),
				E::PassageCountMismatch,
			),
			row(
				"u32::MAX passages",
				provider_(),
				declare(MOTORWAY, vec![declaration(V0, TODAY, &[(0, u32::MAX)], &[0x50])]),
				E::PassageCountMismatch,
			),
			row(
				"a class without a price",
				provider_(),
				declare_with(one_passage(0x50), |d| d.class = 9),
				E::UnpricedUsage,
			),
			row(
				"a time band without a price",
				provider_(),
				declare(MOTORWAY, vec![declaration(V0, TODAY, &[(1, 1)], &[0x50])]),
				E::UnpricedUsage,
			),
			row(
				"a context without a tariff",
				provider_(),
				declare(UNPRICED, vec![one_passage(0x50)]),
				E::NoTariff,
			),
			row(
				"an amount beyond u128::MAX",
				provider_(),
				declare(PRICELESS, vec![declaration(V0, TODAY, &[(0, 3)], &[0x50])]),
				E::Overflow,
			),
			row(
				"two lines whose sum is beyond u128::MAX",
				provider_(),
				declare(PRICELESS, vec![declaration(V0, TODAY, &[(0, 2), (0, 2)], &[0x50])]),
				E::Overflow,
			),
			row(
				"usage beyond what the bond covers",
				provider_(),
				declare(PRICELESS, vec![declaration(V0, TODAY, &[(0, 1)], &[0x50])]),
				E::BondTooLow,
			),
			row(
				"the same vehicle-day twice in a batch",
				provider_(),
				declare(MOTORWAY, vec![one_passage(0x50), one_passage(0x51)]),
				E::DuplicateDeclaration,
			),
			row(
				"an event twice in a declaration",
				provider_(),
				declare(MOTORWAY, vec![declaration(V0, TODAY, &[(0, 2)], &[0x50, 0x50])]),
				E::EventAlreadyCharged,
			),
			row(
				"an event a batch charged",
				provider_(),
				declare(MOTORWAY, vec![one_passage(1)]),
				E::EventAlreadyCharged,
			),
			row(
				"an event paid directly",
				provider_(),
				declare(MOTORWAY, vec![one_passage(3)]),
				E::EventAlreadyCharged,
			),
			row(
				"events beyond MaxEventsPerVehicleDay",
				provider_(),
				declare(
					MOTORWAY,
					vec![declaration(
						V0,
						TODAY,
						&[(0, MAX_EVENTS_PER_DECLARATION as u32)],
						&(0..MAX_EVENTS_PER_DECLARATION as u8)
							.map(|e| 0xc0 + e)
							.collect::<Vec<_>>(),
					)],
				),
				E::TooManyEvents,
			),
			row(
				"a correction of an unknown batch",
				provider_(),
				correction(V0, TODAY, unknown, 0),
				E::UnknownDeclaration,
			),
			row(
				"a correction of an unknown declaration",
				provider_(),
				correction(V0, TODAY, 0, 5),
				E::UnknownDeclaration,
			),
			row(
				"a correction in another context",
				provider_(),
				declare(
					NETWORK,
					vec![{
						let mut input = declaration(LEADER, TODAY, &[(0, 1)], &[0x40]);
						input.class = 2;
						input.corrects = Some(DeclarationRef { batch: 0, index: 0 });
						input
					}],
				),
				E::UnknownDeclaration,
			),
			row(
				"a correction of a pending batch",
				provider_(),
				correction(V0, TODAY - 1, 1, 0),
				E::NotCorrectable,
			),
			row(
				"a correction of another day",
				provider_(),
				correction(V0, TODAY - 2, 0, 0),
				E::CorrectionMismatch,
			),
			row(
				"a correction of another vehicle",
				provider_(),
				correction(LEADER, TODAY, 0, 0),
				E::CorrectionMismatch,
			),
			row(
				"a declaration corrected twice",
				provider_(),
				correction(V0, TODAY, 0, 0),
				E::AlreadyCorrected,
			),
			// Billing.
			row(
				"accept an unknown batch",
				charger_(),
				Call::accept_batch { batch: unknown },
				E::UnknownBatch,
			),
			row(
				"accept an accepted batch",
				charger_(),
				Call::accept_batch { batch: 0 },
				E::NotPending,
			),
			row(
				"dispute an unknown batch",
				charger_(),
				Call::dispute_batch { batch: unknown, reason: H256::zero() },
				E::UnknownBatch,
			),
			row(
				"dispute an accepted batch",
				charger_(),
				Call::dispute_batch { batch: 0, reason: H256::zero() },
				E::NotPending,
			),
			row(
				"resolve an unknown batch",
				gov(),
				Call::resolve_dispute { batch: unknown, pay: true },
				E::UnknownBatch,
			),
			row(
				"resolve an undisputed batch",
				gov(),
				Call::resolve_dispute { batch: 1, pay: false },
				E::NotDisputed,
			),
			row(
				"settle an unknown batch",
				alice(),
				Call::settle_unanswered { batch: unknown },
				E::UnknownBatch,
			),
			row(
				"settle an accepted batch",
				alice(),
				Call::settle_unanswered { batch: 0 },
				E::NotPending,
			),
			row(
				"settle within the acceptance period",
				alice(),
				Call::settle_unanswered { batch: 1 },
				E::AcceptancePeriodOpen,
			),
			row(
				"repay 0",
				charger_(),
				Call::repay_credit { provider: provider(), amount: 0 },
				E::ZeroAmount,
			),
			row(
				"repay a credit that is not owed",
				charger_(),
				Call::repay_credit { provider: provider(), amount: 1 },
				E::ExceedsCredit,
			),
			row(
				"prune an unknown batch",
				alice(),
				Call::prune_batch { batch: unknown },
				E::UnknownBatch,
			),
			row(
				"prune a batch still correctable",
				alice(),
				Call::prune_batch { batch: 0 },
				E::BatchStillCorrectable,
			),
			row(
				"prune a pending batch",
				alice(),
				Call::prune_batch { batch: 1 },
				E::BatchStillCorrectable,
			),
			row(
				"prune today's vehicle-day",
				alice(),
				Call::prune_vehicle_day { context: MOTORWAY, vehicle: V0, day: TODAY },
				E::DayStillOpen,
			),
			row(
				"prune a vehicle-day that does not exist",
				alice(),
				Call::prune_vehicle_day { context: MOTORWAY, vehicle: V0, day: 0 },
				E::UnknownVehicleDay,
			),
			row(
				"prune a vehicle-day of an unknown context",
				alice(),
				Call::prune_vehicle_day { context: UNKNOWN, vehicle: unknown, day: 0 },
				E::UnknownVehicleDay,
			),
			row(
				"prune a vehicle-day of day u32::MAX",
				alice(),
				Call::prune_vehicle_day { context: MOTORWAY, vehicle: V0, day: u32::MAX },
				E::DayStillOpen,
			),
			// Direct passages (vehicle 0's device).
			row(
				"a passage at an unknown context",
				device(),
				{
					let p = passage(V0, TODAY, 0x60, 1);
					report_as(UNKNOWN, p, "//Gantry1", "//Gantry1", (UNKNOWN, &p))
				},
				E::UnknownContext,
			),
			row(
				"a passage in a per-km context",
				device(),
				{
					let p = passage(V0, TODAY, 0x60, 2);
					report_as(NETWORK, p, "//Gantry1", "//Gantry1", (NETWORK, &p))
				},
				E::NotPassageContext,
			),
			row(
				"a gantry the context does not have",
				device(),
				{
					let p = passage(V0, TODAY, 0x60, 1);
					report_as(MOTORWAY, p, "//Gantry3", "//Gantry3", (MOTORWAY, &p))
				},
				E::UnknownGantry,
			),
			row(
				"another gantry's signature",
				device(),
				{
					let p = passage(V0, TODAY, 0x60, 1);
					report_as(MOTORWAY, p, "//Gantry1", "//Gantry2", (MOTORWAY, &p))
				},
				E::BadAttestation,
			),
			row(
				"the owner's signature",
				device(),
				{
					let p = passage(V0, TODAY, 0x60, 1);
					report_as(MOTORWAY, p, "//Gantry1", "//Alice", (MOTORWAY, &p))
				},
				E::BadAttestation,
			),
			row(
				"an attestation of another event",
				device(),
				{
					let p = passage(V0, TODAY, 0x60, 1);
					let signed = passage(V0, TODAY, 0x61, 1);
					report_as(MOTORWAY, p, "//Gantry1", "//Gantry1", (MOTORWAY, &signed))
				},
				E::BadAttestation,
			),
			row(
				"an attestation of another class (a truck signed, a car claimed)",
				device(),
				{
					let p = passage(V0, TODAY, 0x60, 1);
					let signed = passage(V0, TODAY, 0x60, 2);
					report_as(MOTORWAY, p, "//Gantry1", "//Gantry1", (MOTORWAY, &signed))
				},
				E::BadAttestation,
			),
			row(
				"an attestation of another day",
				device(),
				{
					let p = passage(V0, TODAY, 0x60, 1);
					let signed = passage(V0, TODAY - 1, 0x60, 1);
					report_as(MOTORWAY, p, "//Gantry1", "//Gantry1", (MOTORWAY, &signed))
				},
				E::BadAttestation,
			),
			row(
				"an attestation for another context",
				device(),
				{
					let p = passage(V0, TODAY, 0x60, 1);
					report_as(MOTORWAY, p, "//Gantry1", "//Gantry1", (UNPRICED, &p))
				},
				E::BadAttestation,
			),
			row(
				"an attestation of tomorrow",
				device(),
				report(passage(V0, TODAY + 1, 0x60, 1)),
				E::StaleAttestation,
			),
			row(
				"an attestation of two days ago",
				device(),
				report(passage(V0, TODAY - 2, 0x60, 1)),
				E::StaleAttestation,
			),
			row(
				"an attestation of day u32::MAX",
				device(),
				report(passage(V0, u32::MAX, 0x60, 1)),
				E::StaleAttestation,
			),
			row(
				"an event paid already",
				device(),
				report(passage(V0, TODAY, 3, 1)),
				E::EventAlreadyCharged,
			),
			row(
				"an event a batch charged",
				device(),
				report(passage(V0, TODAY, 1, 1)),
				E::EventAlreadyCharged,
			),
			row(
				"an unpriced class",
				device(),
				report(passage(V0, TODAY, 0x60, 9)),
				E::UnpricedUsage,
			),
			// Platoons (who may operate the truck, its devices).
			row(
				"a rule saving nothing",
				bob(),
				Call::form_platoon { leader: V1, rule: rule(0, 50) },
				E::InvalidPlatoonRule,
			),
			row(
				"a rule sharing nothing",
				bob(),
				Call::form_platoon { leader: V1, rule: rule(UNIT, 0) },
				E::InvalidPlatoonRule,
			),
			row(
				"a rule whose share rounds to 0",
				bob(),
				Call::form_platoon { leader: V1, rule: rule(1, 50) },
				E::InvalidPlatoonRule,
			),
			row(
				"a platoon behind an unknown vehicle",
				bob(),
				Call::form_platoon { leader: unknown, rule: rule(UNIT, 50) },
				E::NotOperator,
			),
			row(
				"a leader already leading",
				haulier_a(),
				Call::form_platoon { leader: LEADER, rule: rule(UNIT, 50) },
				E::AlreadyInPlatoon,
			),
			row(
				"a leader already following",
				haulier_b(),
				Call::form_platoon { leader: FOLLOWER, rule: rule(UNIT, 50) },
				E::AlreadyInPlatoon,
			),
			row(
				"join an unknown platoon",
				bob(),
				Call::join_platoon { platoon: unknown, follower: V1, max_km: 10 },
				E::UnknownPlatoon,
			),
			row(
				"join for 0 km",
				bob(),
				Call::join_platoon { platoon: PRICELESS_PLATOON, follower: V1, max_km: 0 },
				E::ZeroDistance,
			),
			row(
				"an escrow beyond u128::MAX",
				bob(),
				Call::join_platoon { platoon: PRICELESS_PLATOON, follower: V1, max_km: 2 },
				E::Overflow,
			),
			row(
				"an escrow beyond the free balance",
				bob(),
				Call::join_platoon { platoon: PRICELESS_PLATOON, follower: V1, max_km: 1 },
				E::InsufficientBalance,
			),
			row(
				"join a second platoon",
				haulier_b(),
				Call::join_platoon { platoon: PRICELESS_PLATOON, follower: FOLLOWER, max_km: 1 },
				E::AlreadyInPlatoon,
			),
			row(
				"join during a segment",
				bob(),
				Call::join_platoon { platoon: PLATOON, follower: V1, max_km: 10 },
				E::SegmentOpen,
			),
			row(
				"a segment of an unknown platoon",
				leader_(),
				Call::start_segment { platoon: unknown, planned_km: 10 },
				E::UnknownPlatoon,
			),
			row(
				"a segment of 0 km",
				leader_(),
				Call::start_segment { platoon: PLATOON, planned_km: 0 },
				E::ZeroDistance,
			),
			row(
				"a segment while the leader has not attested the last",
				leader_(),
				Call::start_segment { platoon: PLATOON, planned_km: 10 },
				E::SegmentOpen,
			),
			row(
				"a segment without followers",
				device(),
				Call::start_segment { platoon: PRICELESS_PLATOON, planned_km: 10 },
				E::NoFollowers,
			),
			row(
				"attest in an unknown platoon",
				leader_(),
				Call::attest_segment { platoon: unknown, km: 10 },
				E::UnknownPlatoon,
			),
			row(
				"attest with no open segment",
				device(),
				Call::attest_segment { platoon: PRICELESS_PLATOON, km: 10 },
				E::NoOpenSegment,
			),
			row(
				"attest beyond the planned km",
				leader_(),
				Call::attest_segment { platoon: PLATOON, km: PLANNED_KM + 1 },
				E::BeyondPlannedDistance,
			),
			row(
				"attest u32::MAX km",
				leader_(),
				Call::attest_segment { platoon: PLATOON, km: u32::MAX },
				E::BeyondPlannedDistance,
			),
			row(
				"attest twice",
				follower_(),
				Call::attest_segment { platoon: PLATOON, km: 30 },
				E::AlreadyAttested,
			),
			row(
				"leave an unknown platoon",
				haulier_b(),
				Call::leave_platoon { platoon: unknown, vehicle: FOLLOWER },
				E::UnknownPlatoon,
			),
			row(
				"leave a platoon one is not in",
				bob(),
				Call::leave_platoon { platoon: PLATOON, vehicle: V1 },
				E::NotInPlatoon,
			),
		]);
		// The edges above are exact: 30 days ago, yesterday's attestation and the planned km.
		ok(provider(), declare_with(one_passage(0x70), |d| d.day = TODAY - 30));
		ok(account(AliceStash), report(passage(V0, TODAY - 1, 0x71, 1)));
		ok(leader_device(), Call::attest_segment { platoon: PLATOON, km: PLANNED_KM });
	});
}

#[test]
fn road_usage_refuses_a_passage_without_provider_or_prepaid_balance() {
	dev_chain(|| {
		run_to_block(NOW);
		let device = account(BobStash);
		assert_ok!(Balances::force_set_balance(
			RuntimeOrigin::root(),
			device.clone().into(),
			10 * UNIT
		));
		assert_ok!(VehicleIdentity::bind_device(signed(Bob), V1, device.clone()));
		assert_ok!(VehicleIdentity::accept_device_binding(by(device.clone()), V1));
		let bobs = || report(passage(V1, TODAY, 1, 1));
		check_rows(vec![row(
			"no provider serves the vehicle",
			by(device.clone()),
			bobs(),
			E::NoProvider,
		)]);
		ok(account(Bob), Call::set_provider { vehicle: V1, provider: Some(provider()) });
		check_rows(vec![row(
			"nothing prepaid",
			by(device.clone()),
			bobs(),
			E::InsufficientPrepaid,
		)]);
		ok(account(Bob), Call::top_up { vehicle: V1, amount: 8 * UNIT - 1 });
		check_rows(vec![row(
			"less prepaid than the toll",
			by(device.clone()),
			bobs(),
			E::InsufficientPrepaid,
		)]);
		ok(account(Bob), Call::top_up { vehicle: V1, amount: 1 });
		ok(device, bobs());
	});
}

#[test]
fn road_usage_refuses_versions_gantries_and_provider_changes_beyond_their_bound() {
	dev_chain(|| {
		run_to_block(NOW);
		// Motorway versions 1 to 15 (16 kept): none can be dropped, every one is recent.
		for n in 1..MAX_TARIFF_VERSIONS {
			ok(charger(), tariff(MOTORWAY, TODAY + n, vec![price(1, 0, UNIT)]));
		}
		// Gantries 3 to 64.
		for n in 2..MAX_GANTRIES as u8 {
			ok(charger(), Call::add_gantry { context: MOTORWAY, gantry: AccountId::new([n; 32]) });
		}
		// Alice alternates providers today: 4 periods.
		let other = AccountId::new([0xc1; 32]);
		root(Call::approve_provider { who: other.clone(), name: text(b"Other") });
		for next in [other.clone(), provider(), other.clone()] {
			ok(account(Alice), Call::set_provider { vehicle: V0, provider: Some(next) });
		}
		check_rows(vec![
			row(
				"a version beyond MaxTariffVersions",
				by(charger()),
				tariff(MOTORWAY, TODAY + MAX_TARIFF_VERSIONS, vec![price(1, 0, UNIT)]),
				E::TooManyTariffVersions,
			),
			row(
				"a gantry beyond MaxGantries",
				by(charger()),
				Call::add_gantry { context: MOTORWAY, gantry: AccountId::new([0xee; 32]) },
				E::TooManyGantries,
			),
			row(
				"a provider change beyond MaxServicePeriods",
				signed(Alice),
				Call::set_provider { vehicle: V0, provider: Some(provider()) },
				E::TooManyProviderChanges,
			),
		]);
	});
}

#[test]
fn road_usage_bounded_arguments_one_over_do_not_decode() {
	let who = AccountId::new([7; 32]);
	let name = vec![b'n'; MAX_NAME];
	let mut longer = name.clone();
	longer.push(b'n');
	let call: RuntimeCall =
		Call::<Runtime>::approve_charger { who: who.clone(), name: text(&name) }.into();
	assert_bound(call, (who.clone(), name.clone()), (who.clone(), longer.clone()));
	let call: RuntimeCall =
		Call::<Runtime>::create_context { domain: text(&name), kind: ChargeKind::Passage }.into();
	assert_bound(call, (name.clone(), ChargeKind::Passage), (longer, ChargeKind::Passage));

	let prices: Vec<_> = (0..MAX_TARIFF_PRICES as u8).map(|class| price(class, 0, UNIT)).collect();
	let mut more = prices.clone();
	more.push(price(MAX_TARIFF_PRICES as u8, 0, UNIT));
	let call: RuntimeCall = tariff(MOTORWAY, 1, prices.clone()).into();
	assert_bound(call, (MOTORWAY, 1u32, prices), (MOTORWAY, 1u32, more));

	// A declaration as its fields: its bounded lists encode as plain vectors.
	type Fields = (u64, u32, u8, Vec<Usage>, Vec<H256>, H256, Option<DeclarationRef>);
	let fields = |usage: usize, events: usize| -> Fields {
		let usage = vec![Usage { band: 0, quantity: 1 }; usage];
		(
			V0,
			1,
			1,
			usage,
			(0..events).map(|e| H256::repeat_byte(e as u8)).collect(),
			H256::zero(),
			None,
		)
	};
	let input = |usage: usize, events: usize| {
		let (vehicle, day, class, usage, events, details_root, corrects) = fields(usage, events);
		DeclarationInput::<Runtime> {
			vehicle,
			day,
			class,
			usage: BoundedVec::truncate_from(usage),
			events: BoundedVec::truncate_from(events),
			details_root,
			corrects,
		}
	};
	let (lines, events) = (MAX_USAGE_LINES, MAX_EVENTS_PER_DECLARATION);
	let call: RuntimeCall = declare(MOTORWAY, vec![input(lines, events)]).into();
	assert_bound(
		call.clone(),
		(MOTORWAY, vec![fields(lines, events)]),
		(MOTORWAY, vec![fields(lines + 1, events)]),
	);
	assert_bound(
		call,
		(MOTORWAY, vec![fields(lines, events)]),
		(MOTORWAY, vec![fields(lines, events + 1)]),
	);
	let call: RuntimeCall = declare(MOTORWAY, vec![input(1, 1); MAX_DECLARATIONS]).into();
	assert_bound(
		call,
		(MOTORWAY, vec![fields(1, 1); MAX_DECLARATIONS]),
		(MOTORWAY, vec![fields(1, 1); MAX_DECLARATIONS + 1]),
	);
}

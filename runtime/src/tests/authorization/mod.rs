//! The authorization matrix (issue 14; usage leasing since issue 18, freight since issue 19,
//! software updates since issue 20): for every call of every domain pallet, each role that
//! must not succeed is tried, and the exact error is checked, with the state and the total
//! issuance left as they were. `docs/authorization.md` is the same matrix as a table.
//!
//! A pallet's file holds its rows, one function per scenario (a shared setup below); each
//! scenario's test runs its rows on one chain, then a positive control: the legitimate caller
//! succeeds, so the setup is not what refused the others. A coverage test per pallet fails
//! when a call has no row, so a new call (or a new pallet's file) joins the matrix.

mod car_sharing;
mod data_marketplace;
mod freight;
mod road_usage;
mod service_book;
mod shared_charging;
pub(in crate::tests) mod software_updates;
mod usage_insurance;
mod usage_leasing;
mod vehicle_identity;

use super::{
	account, assert_rejected_as, dev_chain,
	governance::{motion, ONE_OF_THREE, TWO_OF_THREE},
	run_to_block,
};
use crate::{
	AccountId, Balances, CarSharing, DataMarketplace, Freight, RoadUsage, Runtime, RuntimeCall,
	RuntimeOrigin, ServiceBook, SharedCharging, SoftwareUpdates, System, UsageInsurance,
	UsageLeasing, VehicleIdentity, UNIT,
};
use codec::Encode;
use pallet_shared_charging::{
	AccessRule, BatteryState, Connector, MeterReading, PriceComponents, TariffElement,
};
use pallet_usage_insurance::{ProductTerms, RiskSurcharges};
use polkadot_sdk::{
	frame_support::{
		assert_ok,
		traits::{Get, GetCallMetadata, PalletInfoAccess},
		BoundedVec,
	},
	sp_io::{self, hashing::twox_128},
	sp_keyring::Sr25519Keyring,
	sp_runtime::{DispatchError, DispatchResult},
};

/// Who tries a call. Several roles are the same account in a different part (Alice is the
/// owner, the seller, the holder and the driver): the name says which part the row tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
	/// Alice: owner of vehicle 0 (and holder of policy 0, seller of listing 0, council member).
	Owner,
	/// Alice, after she sold vehicle 0 to Bob.
	Seller,
	/// Alice, holder of policy 0.
	Holder,
	/// Alice, driver of session 0.
	Driver,
	/// Alice, signing for herself although she sits on the council.
	CouncilMember,
	/// Bob: owner of vehicle 1.
	AnotherOwner,
	/// Bob, the named buyer of vehicle 0 (OFFER) or the buyer of listing 0's data (GRANT).
	Buyer,
	/// Bob, vehicle 0's owner after the sale.
	NewOwner,
	/// Charlie: the approved workshop of the dev preset.
	Workshop,
	/// Dave: no part at all (outside car sharing: 20 shares of co-op 0, see `Dissenter`).
	Stranger,
	/// Eve: the insurer of product 0.
	Insurer,
	/// Ferdie: the manufacturer of vehicles 0 and 1 (WMI 5YJ).
	Manufacturer,
	/// FerdieStash: another manufacturer (WMI WVW).
	OtherManufacturer,
	/// CharlieStash: the charge point operator of chargers 0 and 1 and tariffs 0 and 1.
	Cpo,
	/// DaveStash: the meter of charger 0.
	Meter,
	/// EveStash: the meter of charger 1.
	OtherMeter,
	/// AliceStash: the device bound to vehicle 0.
	Device,
	/// BobStash: the device bound to vehicle 1.
	OtherDevice,
	/// A device invited to vehicle 0 that never accepted.
	InvitedDevice,
	/// An operator of vehicle 0 until block 1 000.
	Operator,
	/// An operator of vehicle 0 whose right ended at block 1.
	ExpiredOperator,
	/// An approved lender (the one Alice consents to in the lien scenarios).
	Lender,
	/// Another approved lender, without consent.
	OtherLender,
	/// An approved workshop that holds no work order.
	OtherWorkshop,
	/// An approved insurer with its own pool and product 1.
	OtherInsurer,
	/// A charge point operator with tariff 2 and charger 2 (bidirectional, opted in).
	OtherCpo,
	/// The meter of charger 2.
	OtherCpoMeter,
	/// An approved grid operator (publishes event 0 in the GRID scenario).
	GridOperator,
	/// Another approved grid operator.
	OtherGridOperator,
	/// `[0xb0; 32]`: the founder of co-op 1 in the car-sharing scenarios (co-op 0 of the dev
	/// preset, which owns vehicle 2, was founded by Bob at genesis).
	Founder,
	/// Charlie: 30 shares of co-op 0.
	Member,
	/// Dave: 20 shares of co-op 0 (votes nay on the sale in the sale scenarios).
	Dissenter,
	/// Alice, holding no share of co-op 0 (she owns vehicle 0).
	NonMember,
	/// Bob: co-op 0's fleet manager (and its genesis founder, with 50 shares).
	FleetManager,
	/// Eve: co-op 0's assessor.
	Assessor,
	/// `[0xb1; 32]`: the renter of booking 0 (vehicle 2), no member.
	Renter,
	/// `[0xb2; 32]`: the renter of booking 1 (vehicle 2, a later slot).
	OtherRenter,
	/// `[0xb3; 32]`: the device bound to vehicle 2 (the co-op car).
	CarDevice,
	/// `[0xb4; 32]`: funded, no part anywhere (Dave, the other pallets' stranger, is a member
	/// of co-op 0 and the lessee of lease 0).
	Outsider,
	/// `//TollCharger`: the toll charger of the dev preset (contexts 0 and 1, gantries
	/// `//Gantry1` and `//Gantry2` in context 0).
	TollCharger,
	/// `//TollProvider`: the toll service provider of the dev preset (1 000 V2X bond), serving
	/// vehicles 0, 3 and 4.
	TollProvider,
	/// `[0xc0; 32]`: another approved toll charger, with its own context 2.
	OtherCharger,
	/// `[0xc1; 32]`: another approved provider (500 V2X bond), serving vehicle 1.
	OtherProvider,
	/// `[0xc2; 32]`: a provider approved, bonded (200 V2X) and then revoked.
	RevokedProvider,
	/// `//HaulierA`: owner of truck 3, the leader of platoon 0 and its payee.
	HaulierA,
	/// `//HaulierB`: owner of truck 4, the follower of platoon 0 and its payer.
	HaulierB,
	/// `[0xc3; 32]`: the device bound to truck 3 (the leader).
	LeaderDevice,
	/// `[0xc4; 32]`: the device bound to truck 4 (the follower).
	FollowerDevice,
	/// `//Gantry1`: a gantry of context 0, signing as an account.
	Gantry,
	/// Ferdie, as his captive finance arm (an approved lender): the lessor of lease 0 (vehicle
	/// 5, leased to Dave at genesis) and its holder until a transfer; owner of vehicle 6.
	Lessor,
	/// Dave, the lessee of lease 0 (and of the offer of vehicle 6 in the leasing scenarios).
	Lessee,
	/// `[0xd0; 32]`: the device bound to vehicle 5, the leased car.
	LeaseDevice,
	/// Bob, the shipper of shipment 0 (freight).
	Shipper,
	/// Dave, the consignee of shipment 0 (freight).
	Consignee,
	/// `//FreightLogger`: a data logger registered to shipment 0 with its own signature.
	FreightSensor,
	/// `//Ecu0`: car 0's primary ECU, bound to it in the dev preset (software updates).
	Ecu,
	/// Dave, submitting metadata that offline keys signed (any signed account may).
	Relay,
	/// `//OtaSupplier`: a supplier of Ferdie's, whose key signs its delegation's images.
	Supplier,
	/// `RuntimeOrigin::root()` (sudo, or a council motion of three quarters).
	Root,
	/// `RuntimeOrigin::none()`: an unsigned transaction.
	Unsigned,
	/// A council motion carried by one of three members (Charlie): below two thirds.
	CouncilOneThird,
	/// A council motion carried by two of three members: the governance origin.
	CouncilTwoThirds,
}

use Role::*;

/// An extra account, funded in [`base`].
fn extra(byte: u8) -> AccountId {
	AccountId::new([byte; 32])
}

impl Role {
	/// The account that signs for this role; `None` for the origins that are no account.
	pub(super) fn account(self) -> Option<AccountId> {
		use Sr25519Keyring as K;
		Some(match self {
			Owner | Seller | Holder | Driver | CouncilMember => account(K::Alice),
			NonMember => account(K::Alice),
			AnotherOwner | Buyer | NewOwner | FleetManager | Shipper => account(K::Bob),
			Workshop | Member => account(K::Charlie),
			Stranger | Dissenter | Lessee | Consignee | Relay => account(K::Dave),
			Insurer | Assessor => account(K::Eve),
			Manufacturer | Lessor => account(K::Ferdie),
			OtherManufacturer => account(K::FerdieStash),
			Cpo => account(K::CharlieStash),
			Meter => account(K::DaveStash),
			OtherMeter => account(K::EveStash),
			Device => account(K::AliceStash),
			OtherDevice => account(K::BobStash),
			InvitedDevice => extra(0xa1),
			Operator => extra(0xa2),
			ExpiredOperator => extra(0xa3),
			Lender => extra(0xa4),
			OtherLender => extra(0xa5),
			OtherWorkshop => extra(0xa6),
			OtherInsurer => extra(0xa7),
			OtherCpo => extra(0xa8),
			OtherCpoMeter => extra(0xa9),
			GridOperator => extra(0xaa),
			OtherGridOperator => extra(0xab),
			Founder => extra(0xb0),
			Renter => extra(0xb1),
			OtherRenter => extra(0xb2),
			CarDevice => extra(0xb3),
			Outsider => extra(0xb4),
			TollCharger => super::road_keys::account_of("//TollCharger"),
			TollProvider => super::road_keys::account_of("//TollProvider"),
			OtherCharger => extra(0xc0),
			OtherProvider => extra(0xc1),
			RevokedProvider => extra(0xc2),
			HaulierA => super::road_keys::account_of("//HaulierA"),
			HaulierB => super::road_keys::account_of("//HaulierB"),
			LeaderDevice => extra(0xc3),
			FollowerDevice => extra(0xc4),
			Gantry => super::road_keys::account_of("//Gantry1"),
			LeaseDevice => extra(0xd0),
			FreightSensor => super::road_keys::account_of("//FreightLogger"),
			Ecu => super::road_keys::account_of("//Ecu0"),
			Supplier => super::road_keys::account_of("//OtaSupplier"),
			Root | Unsigned | CouncilOneThird | CouncilTwoThirds => return None,
		})
	}

	/// The account of a role that has one (a programming error in a row otherwise).
	pub(super) fn id(self) -> AccountId {
		self.account().unwrap_or_else(|| panic!("{self:?} is an origin, not an account"))
	}

	/// The signed origin of this role.
	pub(super) fn signed(self) -> RuntimeOrigin {
		RuntimeOrigin::signed(self.id())
	}

	/// Dispatches `call` as this role: directly, or through a council motion.
	fn dispatch(self, call: RuntimeCall) -> Option<DispatchResult> {
		use polkadot_sdk::sp_runtime::traits::Dispatchable;
		let origin = match self {
			CouncilOneThird => return motion(ONE_OF_THREE, call),
			CouncilTwoThirds => return motion(TWO_OF_THREE, call),
			Root => RuntimeOrigin::root(),
			Unsigned => RuntimeOrigin::none(),
			_ => self.signed(),
		};
		Some(call.dispatch(origin).map(|_| ()).map_err(|failure| failure.error))
	}
}

/// One cell of the matrix: `role` tries `call` and must get `error`.
#[derive(Clone)]
pub(super) struct Row {
	pub role: Role,
	pub call: RuntimeCall,
	pub error: DispatchError,
}

impl Row {
	/// "offer_sale by Stranger → NotOwner", as the docs table reads.
	fn label(&self, scenario: &str) -> String {
		let name = self.call.get_call_metadata().function_name;
		format!("{scenario}: {name} by {:?} → {:?}", self.role, self.error)
	}
}

/// Rows for each of `roles` trying `call`, all refused with `error`.
pub(super) fn refused(
	roles: &[Role],
	call: impl Into<RuntimeCall>,
	error: impl Into<DispatchError>,
) -> Vec<Row> {
	let (call, error) = (call.into(), error.into());
	roles.iter().map(|&role| Row { role, call: call.clone(), error }).collect()
}

/// The refusals every `ensure_signed` call shares: root and an unsigned origin.
pub(super) fn signed_only(call: impl Into<RuntimeCall>) -> Vec<Row> {
	refused(&[Root, Unsigned], call, DispatchError::BadOrigin)
}

/// The refusals every governance call shares: `roles` (the accounts the call is about, and
/// others with a stake) signing, a council member signing, an unsigned origin and a motion
/// below two thirds all get `BadOrigin`.
pub(super) fn governance_only(roles: &[Role], call: impl Into<RuntimeCall>) -> Vec<Row> {
	let call = call.into();
	let mut rows = refused(roles, call.clone(), DispatchError::BadOrigin);
	rows.extend(refused(
		&[CouncilMember, Unsigned, CouncilOneThird],
		call,
		DispatchError::BadOrigin,
	));
	rows
}

/// Tries every row on the current chain: each must fail with its error and leave the domain
/// pallets' storage, every balance and the total issuance untouched.
pub(super) fn run(scenario: &str, rows: Vec<Row>) {
	for row in rows {
		let label = row.label(scenario);
		match row.role {
			CouncilOneThird | CouncilTwoThirds => {
				// A motion writes the council's own storage: compare the rest.
				let before = domain_digest();
				let issuance = Balances::total_issuance();
				assert_eq!(row.role.dispatch(row.call), Some(Err(row.error)), "{label}");
				assert_eq!(domain_digest(), before, "state changed by {label}");
				assert_eq!(Balances::total_issuance(), issuance, "issuance changed by {label}");
			}
			Root => assert_rejected_as(&label, RuntimeOrigin::root(), row.call, row.error),
			Unsigned => assert_rejected_as(&label, RuntimeOrigin::none(), row.call, row.error),
			role => assert_rejected_as(&label, role.signed(), row.call, row.error),
		}
	}
	check_invariants();
}

/// Asserts that `role` may make `call` (a positive control at the end of a scenario).
#[track_caller]
pub(super) fn succeeds(role: Role, call: impl Into<RuntimeCall>) {
	let call = call.into();
	let name = call.get_call_metadata().function_name;
	assert_eq!(role.dispatch(call), Some(Ok(())), "{name} by {role:?} should succeed");
}

/// Every storage entry of the domain pallets and of the balances, as one hashable blob.
fn domain_digest() -> Vec<u8> {
	let prefixes = [
		VehicleIdentity::name(),
		ServiceBook::name(),
		UsageInsurance::name(),
		SharedCharging::name(),
		DataMarketplace::name(),
		CarSharing::name(),
		RoadUsage::name(),
		UsageLeasing::name(),
		Freight::name(),
		SoftwareUpdates::name(),
		Balances::name(),
	]
	.map(|name| twox_128(name.as_bytes()));
	let mut digest = Vec::new();
	for prefix in prefixes {
		let mut key = prefix.to_vec();
		while let Some(next) = sp_io::storage::next_key(&key).filter(|k| k.starts_with(&prefix)) {
			(&next, sp_io::storage::get(&next).map(|v| v.to_vec())).encode_to(&mut digest);
			key = next;
		}
	}
	sp_io::hashing::blake2_256(&digest).to_vec()
}

/// Each domain pallet's invariants hold.
pub(super) fn check_invariants() {
	assert_eq!(VehicleIdentity::do_try_state(), Ok(()));
	assert_eq!(ServiceBook::do_try_state(), Ok(()));
	assert_eq!(UsageInsurance::do_try_state(), Ok(()));
	assert_eq!(SharedCharging::do_try_state(), Ok(()));
	assert_eq!(DataMarketplace::do_try_state(), Ok(()));
	assert_eq!(CarSharing::do_try_state(), Ok(()));
	assert_eq!(RoadUsage::do_try_state(), Ok(()));
	assert_eq!(UsageLeasing::do_try_state(), Ok(()));
	assert_eq!(Freight::do_try_state(), Ok(()));
	assert_eq!(SoftwareUpdates::do_try_state(), Ok(()));
}

/// Asserts that every call of the pallet `pallet` (its `get_call_names()`) has a row in one of
/// its `scenarios`, so a call added later without rows fails here.
pub(super) fn assert_every_call_has_rows(
	pallet: &str,
	names: &[&str],
	scenarios: &[(&str, Vec<Row>)],
) {
	let covered: Vec<&str> = scenarios
		.iter()
		.flat_map(|(_, rows)| rows)
		.map(|row| row.call.get_call_metadata())
		.filter(|metadata| metadata.pallet_name == pallet)
		.map(|metadata| metadata.function_name)
		.collect();
	let missing: Vec<&&str> = names.iter().filter(|name| !covered.contains(name)).collect();
	assert!(missing.is_empty(), "{pallet} calls without a row in the matrix: {missing:?}");
	assert!(!covered.is_empty(), "{pallet} has no rows");
}

// Scenarios: the dev preset plus the parties of `Role` (docs/authorization.md lists them).
// Block numbers are fixed, so the rows can be built before the chain exists (the coverage
// tests need no chain).

/// The block BASE is at; offers, orders and grants in the scenarios expire at `BASE_BLOCK +
/// 100`.
pub(super) const BASE_BLOCK: u32 = 2;
/// When the live operator's right ends.
pub(super) const OPERATOR_UNTIL: u32 = 1_000;
/// Vehicle 0 (Alice's) and vehicle 1 (Bob's) of the dev preset.
pub(super) const V0: v2x_primitives::VehicleId = 0;
pub(super) const V1: v2x_primitives::VehicleId = 1;

/// A bounded byte string (names, URIs, geohashes) from a literal.
pub(super) fn text<S: Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(bytes.to_vec())
}

/// One tariff element: 0.30 V2X per kWh, at any time.
pub(super) fn energy_tariff() -> pallet_shared_charging::ElementsOf<Runtime> {
	BoundedVec::truncate_from(vec![TariffElement {
		prices: PriceComponents {
			energy_per_kwh: Some(300 * crate::MILLI_UNIT),
			..Default::default()
		},
		restrictions: Default::default(),
	}])
}

/// A daily product: 1 V2X a day plus 1 milli-V2X per km, 100 V2X deductible, 1 000 V2X cover.
pub(super) fn product_terms() -> pallet_usage_insurance::ProductTermsOf<Runtime> {
	ProductTerms {
		base_premium: UNIT,
		rate_per_km: crate::MILLI_UNIT,
		surcharges: RiskSurcharges::default(),
		period_length: crate::DAYS,
		deductible: 100 * UNIT,
		max_cover: 1_000 * UNIT,
		terms_hash: [8; 32],
	}
}

/// Session 0's meter reading in S_DONE: 1 kWh in 200 s.
pub(super) fn reading() -> MeterReading {
	MeterReading { energy_wh: 1_000, charging_secs: 200, parking_secs: 0 }
}

/// The battery of vehicle 0 as it starts a discharge.
pub(super) fn battery() -> BatteryState {
	BatteryState { capacity_wh: 75_000, soc_percent: 80, min_soc_percent: 50 }
}

/// BASE: the dev preset at block [`BASE_BLOCK`], plus another manufacturer (WVW), two
/// approved lenders, a second workshop (no order), a second insurer (pool, product 1), two
/// grid operators, the device AS bound to vehicle 0 and BS to vehicle 1, a device invited to
/// vehicle 0 that never accepted, a live and an expired operator of vehicle 0, and a second
/// charge point operator with a bidirectional public charger (2) opted in to grid events.
pub(super) fn base() {
	use crate::{SharedCharging as Charging, VehicleIdentity as Identity};
	let root = RuntimeOrigin::root;
	for role in [
		InvitedDevice,
		Operator,
		ExpiredOperator,
		Lender,
		OtherLender,
		OtherWorkshop,
		OtherInsurer,
		OtherCpo,
		OtherCpoMeter,
		GridOperator,
		OtherGridOperator,
	] {
		assert_ok!(Balances::force_set_balance(root(), role.id().into(), 10_000 * UNIT));
	}
	assert_ok!(Identity::register_manufacturer(
		root(),
		OtherManufacturer.id(),
		text(b"Other Motors"),
		BoundedVec::truncate_from(vec![*b"WVW"]),
	));
	assert_ok!(Identity::approve_lender(root(), Lender.id()));
	assert_ok!(Identity::approve_lender(root(), OtherLender.id()));
	assert_ok!(ServiceBook::approve_workshop(
		root(),
		OtherWorkshop.id(),
		text(b"Second Garage"),
		Default::default()
	));
	assert_ok!(UsageInsurance::approve_insurer(root(), OtherInsurer.id(), text(b"Second Mutual")));
	assert_ok!(UsageInsurance::fund_pool(OtherInsurer.signed(), 5_000 * UNIT));
	assert_ok!(UsageInsurance::create_product(OtherInsurer.signed(), product_terms()));
	assert_ok!(Charging::approve_grid_operator(root(), GridOperator.id()));
	assert_ok!(Charging::approve_grid_operator(root(), OtherGridOperator.id()));
	assert_ok!(Identity::bind_device(Owner.signed(), V0, Device.id()));
	assert_ok!(Identity::accept_device_binding(Device.signed(), V0));
	assert_ok!(Identity::bind_device(AnotherOwner.signed(), V1, OtherDevice.id()));
	assert_ok!(Identity::accept_device_binding(OtherDevice.signed(), V1));
	assert_ok!(Identity::bind_device(Owner.signed(), V0, InvitedDevice.id()));
	assert_ok!(Identity::grant_operator(Owner.signed(), V0, Operator.id(), OPERATOR_UNTIL));
	assert_ok!(Identity::grant_operator(Owner.signed(), V0, ExpiredOperator.id(), 1));
	assert_ok!(Charging::create_tariff(OtherCpo.signed(), energy_tariff()));
	assert_ok!(Charging::register_charger(
		OtherCpo.signed(),
		OtherCpoMeter.id(),
		text(b"u0yjjd8"),
		22,
		Connector::Ccs2,
		true,
		AccessRule::Public,
		2,
	));
	// The meter agrees to serve charger 2 with its own key (F3).
	assert_ok!(Charging::accept_charger_meter(OtherCpoMeter.signed(), 2));
	assert_ok!(Charging::opt_in_grid(OtherCpo.signed(), 2, Some(100 * crate::MILLI_UNIT)));
	run_to_block(BASE_BLOCK);
}

/// Runs `test` on BASE.
pub(super) fn on_base(test: impl FnOnce()) {
	dev_chain(|| {
		base();
		test();
	});
}

/// OFFER: BASE, and Alice offers vehicle 0 to Bob for 10 V2X until block 102.
pub(super) fn offer() {
	assert_ok!(VehicleIdentity::offer_sale(
		Owner.signed(),
		V0,
		Buyer.id(),
		Some(10 * UNIT),
		BASE_BLOCK + 100
	));
}

/// SOLD: OFFER, and Bob bought vehicle 0: the hooks ended what Alice's title carried.
pub(super) fn sold() {
	offer();
	assert_ok!(VehicleIdentity::accept_offer(Buyer.signed(), V0, 10 * UNIT));
}

/// STOLEN: Alice reported vehicle 0 stolen.
pub(super) fn stolen() {
	assert_ok!(VehicleIdentity::report_stolen(Owner.signed(), V0));
}

/// LIEN_CONSENT: Alice consents to a lien by `Lender`.
pub(super) fn lien_consent() {
	assert_ok!(VehicleIdentity::consent_to_lien(Owner.signed(), V0, Lender.id()));
}

/// LIEN: `Lender` holds a lien on vehicle 0.
pub(super) fn lien() {
	lien_consent();
	assert_ok!(VehicleIdentity::place_lien(Lender.signed(), V0));
}

/// S_PENDING: Alice starts session 0 at charger 0 with vehicle 0.
pub(super) fn session_pending() {
	assert_ok!(SharedCharging::start_session(Driver.signed(), 0, V0, 10_000));
}

/// S_ACTIVE: the meter confirmed session 0.
pub(super) fn session_active() {
	session_pending();
	assert_ok!(SharedCharging::confirm_session(Meter.signed(), 0));
}

/// S_DONE: session 0 charged 1 kWh and was stopped 40 blocks later.
pub(super) fn session_done() {
	session_active();
	run_to_block(System::block_number() + 40);
	assert_ok!(SharedCharging::stop_session(Meter.signed(), 0, reading(), None));
}

/// The docs table (`docs/authorization.md`) names every call of every domain pallet.
#[test]
fn the_docs_table_names_every_domain_call() {
	use polkadot_sdk::frame_support::traits::GetCallName;
	let doc = include_str!("../../../../docs/authorization.md");
	let calls = [
		pallet_vehicle_identity::Call::<Runtime>::get_call_names(),
		pallet_service_book::Call::<Runtime>::get_call_names(),
		pallet_usage_insurance::Call::<Runtime>::get_call_names(),
		pallet_shared_charging::Call::<Runtime>::get_call_names(),
		pallet_data_marketplace::Call::<Runtime>::get_call_names(),
		pallet_car_sharing::Call::<Runtime>::get_call_names(),
		pallet_road_usage::Call::<Runtime>::get_call_names(),
		pallet_usage_leasing::Call::<Runtime>::get_call_names(),
		pallet_freight::Call::<Runtime>::get_call_names(),
		pallet_software_updates::Call::<Runtime>::get_call_names(),
	];
	let missing: Vec<&&str> = calls
		.iter()
		.flat_map(|names| names.iter())
		.filter(|name| !doc.contains(&format!("`{name}`")))
		.collect();
	assert!(missing.is_empty(), "docs/authorization.md lacks {missing:?}");
}

//! Accounts that act for others: `pallet_proxy` (a fleet manager runs the calls of the fleet's
//! vehicles, a gateway submits a device's telemetry, a council member's hot key votes) and
//! `pallet_multisig` (co-owners who must agree before their account acts).

use crate::{Balance, Balances, Runtime, RuntimeCall, RuntimeEvent, System, MILLI_UNIT};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::traits::{ConstU128, ConstU32, InstanceFilter},
	sp_runtime::traits::BlakeTwo256,
	*,
};
use scale_info::TypeInfo;

/// What a proxy may do for the account that added it (`proxy.addProxy(delegate, type, delay)`).
/// Each type's calls are listed in `docs/governance.md`; a proxy's batch (`utility`) is
/// filtered call by call.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Every call.
	#[default]
	Any,
	/// Every call except moving tokens (`balances`) and giving a vehicle away or encumbering
	/// it (sale offers and acceptance, liens, lease offers, which bring a lien, scrapping,
	/// co-op shares given away or sold back, a lender's position handed over).
	NonTransfer,
	/// A fleet manager: runs the vehicles' day-to-day calls in the domain pallets (devices,
	/// operators, theft reports, work orders, policies and claims, charging sessions, data
	/// listings and batches, car-sharing bookings, trips and co-op votes, toll providers,
	/// prepaid tolls and platoons, lease instalments, prepayments and buy-outs, shipments and
	/// their hand-offs), but cannot sell, encumber or scrap a vehicle, give co-op shares away,
	/// nor move tokens.
	Fleet,
	/// A device's telemetry only: odometer readings, insurance usage reports, data batches,
	/// car-sharing check-ins and check-outs, toll passages and platoon segments, a freight
	/// sensor's daily roots and excursions.
	/// The device's account adds its gateway (or a second key) as this proxy.
	Telemetry,
	/// A council member's voting key: council motions and votes only.
	Governance,
}

/// Calls that give a vehicle (or a share of a co-op's vehicles) away or encumber it: never
/// through a `NonTransfer` or `Fleet` proxy.
fn disposes_of_vehicle(call: &RuntimeCall) -> bool {
	use pallet_car_sharing::Call as CarSharing;
	use pallet_usage_leasing::Call as Leasing;
	use pallet_vehicle_identity::Call as Identity;
	matches!(
		call,
		RuntimeCall::VehicleIdentity(
			Identity::offer_sale { .. }
				| Identity::accept_offer { .. }
				| Identity::consent_to_lien { .. }
				| Identity::scrap_vehicle { .. }
		) | RuntimeCall::CarSharing(CarSharing::transfer_shares { .. } | CarSharing::exit { .. })
			| RuntimeCall::UsageLeasing(
				Leasing::offer_lease { .. } | Leasing::transfer_position { .. }
			)
	)
}

/// Readings a vehicle's device reports.
fn is_telemetry(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::ServiceBook(pallet_service_book::Call::report_odometer { .. })
			| RuntimeCall::UsageInsurance(pallet_usage_insurance::Call::report_usage { .. })
			| RuntimeCall::DataMarketplace(pallet_data_marketplace::Call::publish_batch { .. })
			| RuntimeCall::CarSharing(
				pallet_car_sharing::Call::check_in { .. }
					| pallet_car_sharing::Call::check_out { .. }
			) | RuntimeCall::RoadUsage(
			pallet_road_usage::Call::report_passage { .. }
				| pallet_road_usage::Call::start_segment { .. }
				| pallet_road_usage::Call::attest_segment { .. }
		) | RuntimeCall::Freight(
			pallet_freight::Call::commit_readings { .. }
				| pallet_freight::Call::report_excursion { .. }
		) | RuntimeCall::SoftwareUpdates(pallet_software_updates::Call::report_installation { .. })
	)
}

/// The domain pallets' calls.
fn is_vehicle_operation(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::VehicleIdentity(..)
			| RuntimeCall::ServiceBook(..)
			| RuntimeCall::UsageInsurance(..)
			| RuntimeCall::SharedCharging(..)
			| RuntimeCall::DataMarketplace(..)
			| RuntimeCall::CarSharing(..)
			| RuntimeCall::RoadUsage(..)
			| RuntimeCall::UsageLeasing(..)
			| RuntimeCall::Freight(..)
			| RuntimeCall::SoftwareUpdates(..)
	)
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		// A batch passes here; `pallet_proxy` filters each call in it with this same filter.
		let batch = matches!(call, RuntimeCall::Utility(..));
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => {
				!matches!(call, RuntimeCall::Balances(..)) && !disposes_of_vehicle(call)
			}
			ProxyType::Fleet => batch || (is_vehicle_operation(call) && !disposes_of_vehicle(call)),
			ProxyType::Telemetry => batch || is_telemetry(call),
			ProxyType::Governance => batch || matches!(call, RuntimeCall::Council(..)),
		}
	}

	fn is_superset(&self, other: &Self) -> bool {
		match (self, other) {
			(x, y) if x == y => true,
			(ProxyType::Any, _) => true,
			(_, ProxyType::Any) => false,
			(ProxyType::NonTransfer, _) => true,
			(ProxyType::Fleet, ProxyType::Telemetry) => true,
			_ => false,
		}
	}
}

/// A deposit for `items` storage entries of `bytes` bytes in total: 0.1 V2X an entry and
/// 0.001 V2X a byte, held while the entry exists.
const fn deposit(items: u32, bytes: u32) -> Balance {
	items as Balance * 100 * MILLI_UNIT + bytes as Balance * MILLI_UNIT
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	/// The proxy list of an account: one entry, plus one (account, type, delay) per proxy.
	type ProxyDepositBase = ConstU128<{ deposit(1, 8) }>;
	type ProxyDepositFactor = ConstU128<{ deposit(0, 33) }>;
	/// A fleet manager is one proxy of the fleet's account, however many vehicles it has.
	type MaxProxies = ConstU32<32>;
	type WeightInfo = pallet_proxy::weights::SubstrateWeight<Runtime>;
	type MaxPending = ConstU32<32>;
	type CallHasher = BlakeTwo256;
	type AnnouncementDepositBase = ConstU128<{ deposit(1, 8) }>;
	type AnnouncementDepositFactor = ConstU128<{ deposit(0, 68) }>;
	type BlockNumberProvider = System;
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	/// Held from the first signatory while the call waits for the others.
	type DepositBase = ConstU128<{ deposit(1, 88) }>;
	type DepositFactor = ConstU128<{ deposit(0, 32) }>;
	/// Co-owners of a car, a family or a small company: at most 20 signatories.
	type MaxSignatories = ConstU32<20>;
	type WeightInfo = pallet_multisig::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = System;
}

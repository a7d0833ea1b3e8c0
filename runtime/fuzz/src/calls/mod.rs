//! Turns bytes into calls of the domain pallets, with origins and arguments chosen from what
//! the chain's state says (owners, drivers, devices, insurers, chargers' operators, co-ops'
//! fleet managers, members and renters; toll chargers and providers, platoons' payees, payers
//! and devices; leases' lessors, holders and lessees, approved lenders; shipments' custodians,
//! offerees, shippers, carriers, consignees and sensors; a software repository's offline keys,
//! its manufacturer and car 0's ECU and owner) most of the time, and
//! from anyone, root or none otherwise.

mod car_sharing;
mod data_marketplace;
mod freight;

pub use freight::sensor_account;
mod road_usage;
mod service_book;
mod shared_charging;
mod software_updates;
mod usage_insurance;
mod usage_leasing;
mod vehicle_identity;

use polkadot_sdk::frame_support::traits::GetCallName;
use v2x_runtime::{AccountId, BlockNumber, Runtime, RuntimeCall};

use crate::{actors::Caller, source::Source};

/// What a generator needs besides the bytes.
pub struct Ctx<'a> {
	pub pool: &'a [(AccountId, &'static str)],
	pub now: BlockNumber,
}

/// The domain pallets, in runtime order.
pub const PALLETS: [&str; 10] = [
	"VehicleIdentity",
	"ServiceBook",
	"UsageInsurance",
	"SharedCharging",
	"DataMarketplace",
	"CarSharing",
	"RoadUsage",
	"UsageLeasing",
	"Freight",
	"SoftwareUpdates",
];

/// Calls that remove or end what other calls need.
const RARE: [&str; 17] = [
	"deregister_manufacturer",
	"report_stolen",
	"scrap_vehicle",
	"suspend_workshop",
	"suspend_insurer",
	"remove_charger",
	"disable_charger",
	"remove_tariff",
	"remove_grid_operator",
	"revoke_lender",
	"withdraw_listing",
	"revoke_provider",
	"force_terminate",
	"cancel_shipment",
	"remove_shipment",
	"revoke_key",
	"revoke_delegation",
];

/// The names of every call of pallet `pallet` (an index into `PALLETS`).
pub fn call_names(pallet: usize) -> &'static [&'static str] {
	match pallet {
		0 => pallet_vehicle_identity::Call::<Runtime>::get_call_names(),
		1 => pallet_service_book::Call::<Runtime>::get_call_names(),
		2 => pallet_usage_insurance::Call::<Runtime>::get_call_names(),
		3 => pallet_shared_charging::Call::<Runtime>::get_call_names(),
		4 => pallet_data_marketplace::Call::<Runtime>::get_call_names(),
		5 => pallet_car_sharing::Call::<Runtime>::get_call_names(),
		6 => pallet_road_usage::Call::<Runtime>::get_call_names(),
		7 => pallet_usage_leasing::Call::<Runtime>::get_call_names(),
		8 => pallet_freight::Call::<Runtime>::get_call_names(),
		_ => pallet_software_updates::Call::<Runtime>::get_call_names(),
	}
}

/// One call of a domain pallet: the pallet's index, the origin and the call.
pub fn generate(src: &mut Source, ctx: &Ctx) -> (usize, Caller, RuntimeCall) {
	let pallet = src.below(PALLETS.len());
	// Each call of the pallet equally often, except the ones that end things for good: a
	// quarter as often, so that what they end lives long enough to be used.
	let names = call_names(pallet);
	let mut index = src.below(names.len());
	if RARE.contains(&names[index]) && src.byte() < 192 {
		index = src.below(names.len());
	}
	if pallet == 5 {
		index = car_sharing::next_step(src, ctx.now).unwrap_or(index);
	}
	if pallet == 6 {
		index = road_usage::next_step(src).unwrap_or(index);
	}
	if pallet == 7 {
		index = usage_leasing::next_step(src, ctx.now).unwrap_or(index);
	}
	if pallet == 8 {
		index = freight::next_step(src, ctx.now).unwrap_or(index);
	}
	if pallet == 9 {
		index = software_updates::next_step(src, ctx.now).unwrap_or(index);
	}
	let (caller, call) = match pallet {
		0 => vehicle_identity::generate(src, ctx, index),
		1 => service_book::generate(src, ctx, index),
		2 => usage_insurance::generate(src, ctx, index),
		3 => shared_charging::generate(src, ctx, index),
		4 => data_marketplace::generate(src, ctx, index),
		5 => car_sharing::generate(src, ctx, index),
		6 => road_usage::generate(src, ctx, index),
		7 => usage_leasing::generate(src, ctx, index),
		8 => freight::generate(src, ctx, index),
		_ => software_updates::generate(src, ctx, index),
	};
	(pallet, caller, call)
}

//! The runtime API apps use (`FreightApi`), and the queries on [`Pallet`] that the runtime's
//! implementation calls.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use polkadot_sdk::{frame_system::pallet_prelude::BlockNumberFor, sp_core::H256};
use scale_info::TypeInfo;
use v2x_primitives::VehicleId;

use crate::{
	BalanceOf, Claim, ConditionSpec, Config, EpcisEvent, ErrorDeclaration, ErrorDeclarations,
	EventIndex, Events, Handoff, Leg, Pallet, ShipmentId, ShipmentState, Shipments, UnitKind,
	VehicleLoads,
};

/// One entry of a shipment's log: the event, and its error declaration if it was declared
/// wrong.
pub type LoggedEvent<AccountId, BlockNumber> = (
	EventIndex,
	EpcisEvent<AccountId, BlockNumber>,
	Option<ErrorDeclaration<AccountId, BlockNumber>>,
);

/// A shipment as apps see it: its stored fields, plus who holds custody (through its parents)
/// and the root it travels in.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ShipmentView<AccountId, Balance, BlockNumber> {
	pub kind: UnitKind,
	pub shipper: AccountId,
	pub carrier: AccountId,
	pub consignee: AccountId,
	pub legs: Vec<Leg<AccountId>>,
	pub leg: u32,
	pub condition: Option<ConditionSpec>,
	pub document: H256,
	pub escrow: Balance,
	pub deposit: Balance,
	pub claim_window: BlockNumber,
	pub created_at: BlockNumber,
	pub created_day: u32,
	pub state: ShipmentState<BlockNumber>,
	/// Who holds custody: its own custodian, or its root's.
	pub custodian: Option<AccountId>,
	/// The unit it is packed in directly.
	pub parent: Option<ShipmentId>,
	/// The outermost unit it travels in (itself if not packed).
	pub root: ShipmentId,
	pub children: u32,
	pub handoff: Option<Handoff<AccountId, BlockNumber>>,
	/// The vehicle carrying it (set on roots; a packed unit rides with its root).
	pub vehicle: Option<VehicleId>,
	pub events: EventIndex,
	pub sensors: u32,
	pub commitments: u32,
	pub excursions: u32,
	pub claim: Option<Claim<Balance, BlockNumber>>,
	pub pod: Option<H256>,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Shipments, their EPCIS logs and what each vehicle carries.
	pub trait FreightApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The shipment `id` with its effective custodian and root; `None` if unknown or removed.
		fn shipment(id: ShipmentId) -> Option<ShipmentView<AccountId, Balance, BlockNumber>>;

		/// The whole log of shipment `id`, oldest first, each event with its error declaration.
		fn shipment_events(id: ShipmentId) -> Vec<LoggedEvent<AccountId, BlockNumber>>;

		/// The shipments `vehicle` carries now, by id.
		fn carried_by(vehicle: VehicleId) -> Vec<ShipmentId>;
	}
}

impl<T: Config> Pallet<T> {
	/// The shipment `id` as apps see it.
	pub fn shipment_view(
		id: ShipmentId,
	) -> Option<ShipmentView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let shipment = Shipments::<T>::get(id)?;
		let (root, custodian) = match Self::root_of(id) {
			Some((root, entry)) => (root, entry.custodian),
			None => (id, None),
		};
		Some(ShipmentView {
			kind: shipment.kind,
			shipper: shipment.shipper,
			carrier: shipment.carrier,
			consignee: shipment.consignee,
			legs: shipment.legs.into_inner(),
			leg: shipment.leg,
			condition: shipment.condition,
			document: shipment.document,
			escrow: shipment.escrow,
			deposit: shipment.deposit,
			claim_window: shipment.claim_window,
			created_at: shipment.created_at,
			created_day: shipment.created_day,
			state: shipment.state,
			custodian,
			parent: shipment.parent,
			root,
			children: shipment.children,
			handoff: shipment.handoff,
			vehicle: shipment.vehicle,
			events: shipment.events,
			sensors: shipment.sensors,
			commitments: shipment.commitments,
			excursions: shipment.excursions,
			claim: shipment.claim,
			pod: shipment.pod,
		})
	}

	/// The log of shipment `id` in order (at most `MaxEvents` entries).
	pub fn event_log(id: ShipmentId) -> Vec<LoggedEvent<T::AccountId, BlockNumberFor<T>>> {
		let count = Shipments::<T>::get(id).map_or(0, |shipment| shipment.events);
		(0..count)
			.filter_map(|index| {
				let event = Events::<T>::get(id, index)?;
				Some((index, event, ErrorDeclarations::<T>::get(id, index)))
			})
			.collect()
	}

	/// The shipments `vehicle` carries, in id order (at most `MaxShipmentsPerVehicle`).
	pub fn carried_by(vehicle: VehicleId) -> Vec<ShipmentId> {
		let mut loads: Vec<ShipmentId> = VehicleLoads::<T>::iter_key_prefix(vehicle).collect();
		loads.sort_unstable();
		loads
	}
}

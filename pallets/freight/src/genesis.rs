//! Builds the genesis shipments as the calls would (holds taken, EPCIS events appended, a
//! hand-off offered and accepted, the shipment loaded), so they pass `try_state`. Invalid
//! entries stop the build with a message.

use polkadot_sdk::{
	frame_system,
	sp_runtime::traits::{One, Saturating},
};

use crate::{Config, GenesisConfig, GenesisShipmentOf, LegsOf, Pallet};

impl<T: Config> GenesisConfig<T> {
	/// Builds the genesis state. The vehicles must already exist in `T::Vehicles` (the
	/// identity pallet's genesis runs first) and the shippers be funded (balances' genesis).
	pub(crate) fn seed(&self) {
		for (index, genesis) in self.shipments.iter().enumerate() {
			Self::add_shipment(index, genesis);
		}
	}

	fn add_shipment(index: usize, genesis: &GenesisShipmentOf<T>) {
		let Ok(legs) = LegsOf::<T>::try_from(genesis.legs.clone()) else {
			panic!("genesis shipment {index}: too many legs");
		};
		let id = Pallet::<T>::do_create_shipment(
			genesis.shipper.clone(),
			genesis.kind,
			genesis.consignee.clone(),
			genesis.carrier.clone(),
			legs,
			genesis.condition,
			genesis.escrow,
			genesis.document,
			genesis.claim_window,
		)
		.unwrap_or_else(|e| panic!("genesis shipment {index}: {e:?}"));
		let custodian = &genesis.custodian;
		if *custodian != genesis.shipper {
			let expires_at = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
			let handed_off = Pallet::<T>::do_offer_handoff(
				genesis.shipper.clone(),
				id,
				custodian.clone(),
				expires_at,
			)
			.and_then(|()| Pallet::<T>::do_accept_handoff(custodian.clone(), id));
			if let Err(e) = handed_off {
				panic!("genesis shipment {index}: hand-off: {e:?}");
			}
		}
		if let Some(vehicle) = genesis.vehicle {
			if let Err(e) = Pallet::<T>::do_load(custodian.clone(), id, vehicle) {
				panic!("genesis shipment {index}: loading on vehicle {vehicle}: {e:?}");
			}
		}
	}
}

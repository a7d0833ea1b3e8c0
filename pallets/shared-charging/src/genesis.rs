//! Seeds tariffs and chargers with their accepted meters and their members at genesis, through
//! the calls' own logic.

use alloc::vec::Vec;
use polkadot_sdk::sp_runtime::traits::Zero;

use crate::{
	BalanceOf, ChargerSpec, Config, ElementsOf, GenesisConfig, GeohashOf, Pallet, TariffElement,
};

impl<T: Config> GenesisConfig<T> {
	/// Builds the genesis state. Genesis entries hold no deposits.
	pub(crate) fn seed(&self) {
		for (owner, elements) in &self.tariffs {
			let elements = elements
				.iter()
				.map(|element| {
					let price = |p: Option<u128>| {
						p.map(|p| {
							BalanceOf::<T>::try_from(p)
								.unwrap_or_else(|_| panic!("genesis price too large"))
						})
					};
					let prices = &element.prices;
					TariffElement {
						prices: crate::PriceComponents {
							energy_per_kwh: price(prices.energy_per_kwh),
							time_per_hour: price(prices.time_per_hour),
							parking_per_hour: price(prices.parking_per_hour),
							flat: price(prices.flat),
						},
						restrictions: element.restrictions,
					}
				})
				.collect::<Vec<_>>();
			let elements = ElementsOf::<T>::try_from(elements)
				.unwrap_or_else(|_| panic!("genesis tariff has too many elements"));
			if let Err(e) = Pallet::<T>::do_create_tariff(owner.clone(), elements, Zero::zero()) {
				panic!("invalid genesis tariff: {e:?}");
			}
		}
		for charger in &self.chargers {
			let location = GeohashOf::<T>::try_from(charger.location.as_bytes().to_vec())
				.unwrap_or_else(|_| panic!("genesis charger location too long"));
			let spec = ChargerSpec {
				device: charger.device.clone(),
				location,
				max_power_kw: charger.max_power_kw,
				connector: charger.connector,
				bidirectional: charger.bidirectional,
				access: charger.access,
				tariff: charger.tariff,
			};
			let id = Pallet::<T>::do_register_charger(charger.operator.clone(), spec, Zero::zero())
				.unwrap_or_else(|e| panic!("invalid genesis charger: {e:?}"));
			// Genesis is the operator's and the meter's joint setup: the meter's acceptance is
			// part of it.
			if let Err(e) = Pallet::<T>::do_accept_charger_meter(charger.device.clone(), id) {
				panic!("invalid genesis meter of charger {id}: {e:?}");
			}
			for (member, tariff) in &charger.members {
				let added = Pallet::<T>::do_add_member(
					charger.operator.clone(),
					id,
					member.clone(),
					*tariff,
				);
				if let Err(e) = added {
					panic!("invalid genesis member of charger {id}: {e:?}");
				}
			}
		}
	}
}

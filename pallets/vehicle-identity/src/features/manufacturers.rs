//! Manufacturers and the WMI codes they own.

use crate::{Config, Error, Event, Manufacturer, Manufacturers, NameOf, Pallet, WmiOwner, WmisOf};
use polkadot_sdk::{frame_support::ensure, sp_runtime::DispatchResult};
use v2x_primitives::Vin;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_manufacturer(
		manufacturer: T::AccountId,
		name: NameOf<T>,
		wmis: WmisOf<T>,
	) -> DispatchResult {
		ensure!(!Manufacturers::<T>::contains_key(&manufacturer), Error::<T>::AlreadyManufacturer);
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		ensure!(!wmis.is_empty(), Error::<T>::NoWmi);
		for (index, wmi) in wmis.iter().enumerate() {
			ensure!(is_valid_wmi(wmi), Error::<T>::InvalidWmi);
			ensure!(!WmiOwner::<T>::contains_key(wmi), Error::<T>::WmiTaken);
			ensure!(!wmis.iter().take(index).any(|earlier| earlier == wmi), Error::<T>::WmiTaken);
		}
		for wmi in &wmis {
			WmiOwner::<T>::insert(wmi, &manufacturer);
		}
		Manufacturers::<T>::insert(
			&manufacturer,
			Manufacturer { name: name.clone(), wmis: wmis.clone() },
		);
		Self::deposit_event(Event::ManufacturerRegistered { manufacturer, name, wmis });
		Ok(())
	}

	pub(crate) fn do_deregister_manufacturer(manufacturer: T::AccountId) -> DispatchResult {
		let entry = Manufacturers::<T>::take(&manufacturer).ok_or(Error::<T>::NotManufacturer)?;
		for wmi in &entry.wmis {
			WmiOwner::<T>::remove(wmi);
		}
		Self::deposit_event(Event::ManufacturerDeregistered { manufacturer });
		Ok(())
	}
}

/// A WMI is three characters that may start a VIN.
fn is_valid_wmi(wmi: &[u8; 3]) -> bool {
	let mut probe = *b"11111111111111111";
	probe[..3].copy_from_slice(wmi);
	Vin(probe).validate().is_ok()
}

//! Small in-memory implementations of the glue traits for other pallets' unit tests. Account
//! ids and block numbers are `u64`, as in FRAME's test configurations. State is per test
//! thread.

use std::{
	cell::{Cell, RefCell},
	collections::BTreeMap,
};

use polkadot_sdk::{
	frame_support::weights::Weight,
	sp_runtime::{DispatchError, DispatchResult},
};

use crate::{
	Km, OdometerLog, OdometerSource, OnOwnershipTransferred, OnVehicleStatusChanged,
	OperatingRight, ReadingVerdict, VehicleControl, VehicleId, VehicleRegistry, VehicleStatus, Vin,
};

/// A vehicle as the mock registry knows it.
#[derive(Clone, Debug, PartialEq)]
pub struct MockVehicle {
	pub owner: u64,
	pub manufacturer: u64,
	pub vin: Vin,
	pub status: VehicleStatus,
	/// `(operator, last block of its right)`.
	pub operators: Vec<(u64, u64)>,
	pub devices: Vec<u64>,
	/// The lender holding a lien placed through [`VehicleControl::place_lien`].
	pub lien: Option<u64>,
}

/// An open sale offer in the mock registry.
#[derive(Clone, Debug, PartialEq)]
pub struct MockOffer {
	pub seller: u64,
	pub buyer: u64,
	pub price: Option<u64>,
	pub expires_at: u64,
}

/// The block number the mock registry judges operators' rights against.
fn no_clock() -> u64 {
	0
}

fn no_payment(_from: &u64, _to: &u64, _amount: u64) -> DispatchResult {
	Ok(())
}

fn no_sale_hook(_vehicle: VehicleId, _seller: &u64, _buyer: &u64) {}

thread_local! {
	static VEHICLES: RefCell<BTreeMap<VehicleId, MockVehicle>> = const { RefCell::new(BTreeMap::new()) };
	static READINGS: RefCell<Vec<(VehicleId, Km, OdometerSource)>> = const { RefCell::new(Vec::new()) };
	static TRANSFERS: RefCell<Vec<(VehicleId, u64, u64)>> = const { RefCell::new(Vec::new()) };
	static STATUS_CHANGES: RefCell<Vec<(VehicleId, VehicleStatus)>> = const { RefCell::new(Vec::new()) };
	static CLOCK: Cell<fn() -> u64> = const { Cell::new(no_clock) };
	static OFFERS: RefCell<BTreeMap<VehicleId, MockOffer>> = const { RefCell::new(BTreeMap::new()) };
	static PAYMENT: Cell<fn(&u64, &u64, u64) -> DispatchResult> = const { Cell::new(no_payment) };
	static SALE_HOOK: Cell<fn(VehicleId, &u64, &u64)> = const { Cell::new(no_sale_hook) };
	static LENDERS: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// A [`VehicleRegistry`] that tests fill by hand.
pub struct MockVehicles;

impl MockVehicles {
	/// Adds an active vehicle with no operators or devices.
	pub fn add(vehicle: VehicleId, owner: u64, manufacturer: u64) {
		let mut vin = *b"1HGCM82633A000000";
		for (digit, place) in vehicle.to_string().bytes().rev().zip(vin.iter_mut().rev()) {
			*place = digit;
		}
		let entry = MockVehicle {
			owner,
			manufacturer,
			vin: Vin(vin),
			status: VehicleStatus::Active,
			operators: Vec::new(),
			devices: Vec::new(),
			lien: None,
		};
		VEHICLES.with(|v| v.borrow_mut().insert(vehicle, entry));
	}

	/// Reads the current block from `clock` (the test runtime's `System::block_number`), so
	/// operators' rights end when the real registry's would.
	pub fn use_clock(clock: fn() -> u64) {
		CLOCK.with(|c| c.set(clock));
	}

	/// Changes something about a known vehicle.
	pub fn update(vehicle: VehicleId, change: impl FnOnce(&mut MockVehicle)) {
		VEHICLES.with(|v| v.borrow_mut().get_mut(&vehicle).map(change));
	}

	/// Pays sale prices with `pay(buyer, seller, price)` (the test runtime's balances), so
	/// [`VehicleControl::accept_offer`] moves money as the identity pallet does.
	pub fn use_payment(pay: fn(&u64, &u64, u64) -> DispatchResult) {
		PAYMENT.with(|p| p.set(pay));
	}

	/// Calls `hook(vehicle, seller, buyer)` after a sale through [`VehicleControl`], as the
	/// identity pallet calls the runtime's `OnOwnershipTransferred`.
	pub fn use_sale_hook(hook: fn(VehicleId, &u64, &u64)) {
		SALE_HOOK.with(|h| h.set(hook));
	}

	/// Approves `lender`, as governance does in the identity pallet.
	pub fn approve_lender(lender: u64) {
		LENDERS.with(|l| l.borrow_mut().push(lender));
	}

	/// The open sale offer on `vehicle`.
	pub fn offer(vehicle: VehicleId) -> Option<MockOffer> {
		OFFERS.with(|o| o.borrow().get(&vehicle).cloned())
	}

	/// Puts an open offer on `vehicle`, as if its owner had made it.
	pub fn add_offer(vehicle: VehicleId, offer: MockOffer) {
		OFFERS.with(|o| o.borrow_mut().insert(vehicle, offer));
	}

	fn get(vehicle: VehicleId) -> Option<MockVehicle> {
		VEHICLES.with(|v| v.borrow().get(&vehicle).cloned())
	}
}

/// Behaves like the identity pallet's registry: nobody operates an unknown or scrapped
/// vehicle, only its owner a stolen one, and an operator's right ends after its last block.
impl VehicleRegistry<u64, u64> for MockVehicles {
	fn owner(vehicle: VehicleId) -> Option<u64> {
		Self::get(vehicle).map(|v| v.owner)
	}
	fn manufacturer(vehicle: VehicleId) -> Option<u64> {
		Self::get(vehicle).map(|v| v.manufacturer)
	}
	fn vin(vehicle: VehicleId) -> Option<Vin> {
		Self::get(vehicle).map(|v| v.vin)
	}
	fn status(vehicle: VehicleId) -> Option<VehicleStatus> {
		Self::get(vehicle).map(|v| v.status)
	}
	fn operating_right(vehicle: VehicleId, who: &u64) -> Option<OperatingRight<u64>> {
		let entry = Self::get(vehicle).filter(|v| v.status != VehicleStatus::Scrapped)?;
		if entry.owner == *who {
			return Some(OperatingRight::Owner);
		}
		// A theft ends every operator's right (the identity pallet revokes them).
		if entry.status != VehicleStatus::Active {
			return None;
		}
		let now = CLOCK.with(|c| c.get())();
		entry
			.operators
			.iter()
			.find(|(operator, until)| operator == who && *until >= now)
			.map(|(_, until)| OperatingRight::OperatorUntil(*until))
	}
	/// Scrapping unbinds every device in the identity pallet: a scrapped vehicle's devices
	/// are bound to nothing here either, however a test scrapped it.
	fn vehicle_of_device(device: &u64) -> Option<VehicleId> {
		VEHICLES.with(|v| {
			v.borrow()
				.iter()
				.find(|(_, entry)| {
					entry.status != VehicleStatus::Scrapped && entry.devices.contains(device)
				})
				.map(|(id, _)| *id)
		})
	}
	fn is_manufacturer(who: &u64) -> bool {
		VEHICLES.with(|v| v.borrow().values().any(|entry| entry.manufacturer == *who))
	}
}

/// The vehicle, if `who` owns it and it is active.
fn owned_active(owner: &u64, vehicle: VehicleId) -> Result<MockVehicle, DispatchError> {
	let entry = MockVehicles::get(vehicle).ok_or(DispatchError::Other("NotFound"))?;
	if entry.owner != *owner {
		return Err(DispatchError::Other("NotOwner"));
	}
	if entry.status != VehicleStatus::Active {
		return Err(DispatchError::Other("VehicleNotActive"));
	}
	Ok(entry)
}

/// Follows the identity pallet's rules, except that an invited device is bound at once (the
/// device's acceptance is the identity pallet's business) and that no deposits are held.
/// Errors are `DispatchError::Other` with the identity pallet's error name.
impl VehicleControl<u64, u64, u64> for MockVehicles {
	fn offer_sale(
		owner: &u64,
		vehicle: VehicleId,
		buyer: &u64,
		price: Option<u64>,
		expires_at: u64,
	) -> DispatchResult {
		let entry = owned_active(owner, vehicle)?;
		if entry.lien.is_some() {
			return Err(DispatchError::Other("LienPresent"));
		}
		if buyer == owner {
			return Err(DispatchError::Other("SelfDealing"));
		}
		let offer = MockOffer { seller: *owner, buyer: *buyer, price, expires_at };
		Self::add_offer(vehicle, offer);
		Ok(())
	}
	fn cancel_offer(owner: &u64, vehicle: VehicleId) -> DispatchResult {
		let entry = Self::get(vehicle).ok_or(DispatchError::Other("NotFound"))?;
		if entry.owner != *owner {
			return Err(DispatchError::Other("NotOwner"));
		}
		OFFERS
			.with(|o| o.borrow_mut().remove(&vehicle))
			.map(|_| ())
			.ok_or(DispatchError::Other("NoOffer"))
	}
	fn accept_offer(buyer: &u64, vehicle: VehicleId, max_price: u64) -> DispatchResult {
		let entry = Self::get(vehicle).ok_or(DispatchError::Other("NotFound"))?;
		let offer = Self::offer(vehicle).ok_or(DispatchError::Other("NoOffer"))?;
		if offer.buyer != *buyer {
			return Err(DispatchError::Other("NotBuyer"));
		}
		if CLOCK.with(|c| c.get())() > offer.expires_at {
			return Err(DispatchError::Other("OfferExpired"));
		}
		if let Some(price) = offer.price {
			if price > max_price {
				return Err(DispatchError::Other("PriceAboveMaximum"));
			}
			PAYMENT.with(|p| p.get())(buyer, &entry.owner, price)?;
		}
		OFFERS.with(|o| o.borrow_mut().remove(&vehicle));
		Self::update(vehicle, |v| {
			v.owner = *buyer;
			v.operators.clear();
			v.devices.clear();
		});
		SALE_HOOK.with(|h| h.get())(vehicle, &entry.owner, buyer);
		Ok(())
	}
	fn invite_device(owner: &u64, vehicle: VehicleId, device: &u64) -> DispatchResult {
		owned_active(owner, vehicle)?;
		if Self::vehicle_of_device(device).is_some() {
			return Err(DispatchError::Other("DeviceAlreadyBound"));
		}
		Self::update(vehicle, |v| v.devices.push(*device));
		Ok(())
	}
	fn unbind_device(owner: &u64, vehicle: VehicleId, device: &u64) -> DispatchResult {
		let entry = Self::get(vehicle).ok_or(DispatchError::Other("NotFound"))?;
		if entry.owner != *owner {
			return Err(DispatchError::Other("NotOwner"));
		}
		if !entry.devices.contains(device) {
			return Err(DispatchError::Other("DeviceNotBound"));
		}
		Self::update(vehicle, |v| v.devices.retain(|d| d != device));
		Ok(())
	}
	fn grant_operator(
		owner: &u64,
		vehicle: VehicleId,
		operator: &u64,
		until: u64,
	) -> DispatchResult {
		owned_active(owner, vehicle)?;
		if operator == owner {
			return Err(DispatchError::Other("SelfDealing"));
		}
		if until < CLOCK.with(|c| c.get())() {
			return Err(DispatchError::Other("InvalidExpiry"));
		}
		Self::update(vehicle, |v| {
			v.operators.retain(|(o, _)| o != operator);
			v.operators.push((*operator, until));
		});
		Ok(())
	}
	fn revoke_operator(owner: &u64, vehicle: VehicleId, operator: &u64) -> DispatchResult {
		let entry = Self::get(vehicle).ok_or(DispatchError::Other("NotFound"))?;
		if entry.owner != *owner {
			return Err(DispatchError::Other("NotOwner"));
		}
		if !entry.operators.iter().any(|(o, _)| o == operator) {
			return Err(DispatchError::Other("NotOperator"));
		}
		Self::update(vehicle, |v| v.operators.retain(|(o, _)| o != operator));
		Ok(())
	}
	/// Changes the status only: the test calls the pallet's own status hook if it needs it.
	fn report_stolen(owner: &u64, vehicle: VehicleId) -> DispatchResult {
		owned_active(owner, vehicle)?;
		Self::update(vehicle, |v| {
			v.status = VehicleStatus::Stolen;
			v.operators.clear();
		});
		Ok(())
	}
	fn report_recovered(owner: &u64, vehicle: VehicleId) -> DispatchResult {
		let entry = Self::get(vehicle).ok_or(DispatchError::Other("NotFound"))?;
		if entry.owner != *owner {
			return Err(DispatchError::Other("NotOwner"));
		}
		if entry.status != VehicleStatus::Stolen {
			return Err(DispatchError::Other("NotStolen"));
		}
		Self::update(vehicle, |v| v.status = VehicleStatus::Active);
		Ok(())
	}
	fn is_lender(who: &u64) -> bool {
		LENDERS.with(|l| l.borrow().contains(who))
	}
	/// Voids the open offer, as a lien does.
	fn place_lien(owner: &u64, vehicle: VehicleId, lender: &u64) -> DispatchResult {
		let entry = owned_active(owner, vehicle)?;
		if !Self::is_lender(lender) {
			return Err(DispatchError::Other("NotLender"));
		}
		if entry.lien.is_some() {
			return Err(DispatchError::Other("LienPresent"));
		}
		OFFERS.with(|o| o.borrow_mut().remove(&vehicle));
		Self::update(vehicle, |v| v.lien = Some(*lender));
		Ok(())
	}
	fn release_lien(lender: &u64, vehicle: VehicleId) -> DispatchResult {
		let entry = Self::get(vehicle).ok_or(DispatchError::Other("NotFound"))?;
		if entry.lien != Some(*lender) {
			return Err(DispatchError::Other("NotLienHolder"));
		}
		Self::update(vehicle, |v| v.lien = None);
		Ok(())
	}
	fn lien_holder(vehicle: VehicleId) -> Option<u64> {
		Self::get(vehicle).and_then(|entry| entry.lien)
	}
	fn offer_weight() -> Weight {
		Weight::zero()
	}
	fn accept_offer_weight() -> Weight {
		Weight::zero()
	}
	fn status_weight() -> Weight {
		Weight::zero()
	}
}

/// An [`OdometerLog`] that accepts every reading and remembers it.
pub struct RecordingOdometer;

impl RecordingOdometer {
	/// The readings recorded so far on this thread.
	pub fn readings() -> Vec<(VehicleId, Km, OdometerSource)> {
		READINGS.with(|r| r.borrow().clone())
	}
}

impl OdometerLog for RecordingOdometer {
	fn record_reading(
		vehicle: VehicleId,
		km: Km,
		source: OdometerSource,
	) -> Result<ReadingVerdict, DispatchError> {
		READINGS.with(|r| r.borrow_mut().push((vehicle, km, source)));
		Ok(ReadingVerdict::Consistent)
	}
	fn current_km(vehicle: VehicleId) -> Option<Km> {
		READINGS
			.with(|r| r.borrow().iter().rev().find(|(v, ..)| *v == vehicle).map(|(_, km, _)| *km))
	}
	fn record_weight() -> Weight {
		Weight::zero()
	}
}

/// Remembers the ownership transfers and status changes it is told about.
pub struct RecordingHooks;

impl RecordingHooks {
	/// `(vehicle, old owner, new owner)` of each transfer on this thread.
	pub fn transfers() -> Vec<(VehicleId, u64, u64)> {
		TRANSFERS.with(|t| t.borrow().clone())
	}
	/// `(vehicle, status)` of each status change on this thread.
	pub fn status_changes() -> Vec<(VehicleId, VehicleStatus)> {
		STATUS_CHANGES.with(|s| s.borrow().clone())
	}
}

impl OnOwnershipTransferred<u64> for RecordingHooks {
	fn on_ownership_transferred(vehicle: VehicleId, old_owner: &u64, new_owner: &u64) {
		TRANSFERS.with(|t| t.borrow_mut().push((vehicle, *old_owner, *new_owner)));
	}
	fn weight() -> Weight {
		Weight::zero()
	}
}

impl OnVehicleStatusChanged for RecordingHooks {
	fn on_status_changed(vehicle: VehicleId, status: VehicleStatus) {
		STATUS_CHANGES.with(|s| s.borrow_mut().push((vehicle, status)));
	}
	fn weight() -> Weight {
		Weight::zero()
	}
}

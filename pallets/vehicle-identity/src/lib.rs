//! # Vehicle identity
//!
//! Who made a car, who owns it, and who may act for it.
//!
//! - **Governance** (`GovernanceOrigin`, root on the dev chain) registers manufacturers with
//!   the WMI codes (first three VIN characters) they own, approves lenders, may scrap any
//!   vehicle (even one under a lien, which ends the lien) and may force-release a lien whose
//!   lender lost its keys.
//! - A **manufacturer** registers vehicles by VIN: 17 ISO 3779 characters, unique on chain,
//!   its WMI owned by the caller, and, when `EnforceCheckDigit` is on, the check digit where
//!   the VIN's region requires one (North America, China). A deposit is held from the
//!   manufacturer for each vehicle until it is scrapped.
//! - The **owner** sells with the buyer's consent (`offer_sale`, then the buyer's
//!   `accept_offer` moves payment and title in one step), lets an approved **lender** place a
//!   lien that blocks sales, invites **device** accounts that sign telemetry (the device
//!   accepts with `accept_device_binding` and may `leave_vehicle`), grants **operators**
//!   rights until a block (an operator may `renounce_operator`), and reports the vehicle
//!   stolen, recovered or scrapped. Each device, invitation and operator holds
//!   `DelegateDeposit` from the owner, returned when it goes.
//!
//! Rules that hold across calls:
//! - Invitations, device bindings, operator grants, lien consents, liens and offers need an
//!   active vehicle (not stolen or scrapped).
//! - A sale clears devices, invitations, operators and the lien consent, and tells other
//!   pallets through `OnOwnershipTransferred`.
//! - A theft ends every right the owner gave: operators are revoked, invitations withdrawn,
//!   the lien consent dropped and the open offer voided. Bound devices stay bound: a stolen
//!   car's telematics keeps reporting.
//! - Scrapping clears devices, invitations, operators, the offer and the consent, and releases
//!   the manufacturer's deposit (the entry stays as history). The owner cannot scrap a vehicle
//!   under a lien; governance can, and the lien ends with it.
//! - A lien voids the open offer; while it stands the vehicle cannot be offered.
//! - Granting an operator first prunes the operators whose right has ended, so only live
//!   grants count towards `MaxOperatorsPerVehicle`.
//!
//! Other pallets read this one through [`v2x_primitives::VehicleRegistry`], implemented by
//! [`Pallet`]. Lookups by id (`Vehicles`) and by VIN (`VehicleByVin`) are storage maps that
//! Polkadot.js apps queries directly.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod control;
mod features;
pub mod migrations;
#[cfg(test)]
mod mock;
mod passport;
mod registry;
#[cfg(test)]
mod tests;
// Natively always, so the runtime's tests check the invariants too; in the Wasm with
// `try-runtime` only.
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod try_state;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::frame_support::traits::fungible;

/// The balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

use polkadot_sdk::frame_system;

// A vehicle registration takes seven arguments: they are the form apps shows the manufacturer.
#[allow(clippy::too_many_arguments)]
#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use polkadot_sdk::{
		frame_support::{
			pallet_prelude::*,
			traits::{
				fungible::{Inspect, Mutate, MutateHold},
				UnixTime,
			},
			DefaultNoBound,
		},
		frame_system::pallet_prelude::*,
	};
	use v2x_primitives::{OnOwnershipTransferred, OnVehicleStatusChanged, VehicleId, Vin, Wmi};

	/// 2: scrapped vehicles hold no deposit, stolen ones no operators or lien consent
	/// (`migrations::v2` brings version 1 state there).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>>
			+ IsType<<Self as polkadot_sdk::frame_system::Config>::RuntimeEvent>;

		/// The currency deposits are held in and sales are paid with.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The hold reasons of the runtime, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Registers manufacturers, approves lenders, may scrap any vehicle.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Today's date, to refuse model years from the far future.
		type UnixTime: UnixTime;

		/// Whether VINs must carry the check digit where their region requires it (North
		/// America, China).
		#[pallet::constant]
		type EnforceCheckDigit: Get<bool>;

		/// Held from the manufacturer for each vehicle it registers.
		#[pallet::constant]
		type VehicleDeposit: Get<BalanceOf<Self>>;

		/// Held from the owner for each device invited or bound and each operator granted.
		#[pallet::constant]
		type DelegateDeposit: Get<BalanceOf<Self>>;

		/// The longest manufacturer name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// The most WMI codes one manufacturer may own.
		#[pallet::constant]
		type MaxWmisPerManufacturer: Get<u32>;

		/// The longest metadata URI, in bytes.
		#[pallet::constant]
		type MaxUriLength: Get<u32>;

		/// The most devices of one vehicle at a time, bound and invited together.
		#[pallet::constant]
		type MaxDevicesPerVehicle: Get<u32>;

		/// The most operators of one vehicle at a time.
		#[pallet::constant]
		type MaxOperatorsPerVehicle: Get<u32>;

		/// How far ahead a sale offer may expire, in blocks.
		#[pallet::constant]
		type MaxOfferDuration: Get<BlockNumberFor<Self>>;

		/// Told about every change of owner (insurance, data marketplace, ...).
		type OnOwnershipTransferred: OnOwnershipTransferred<Self::AccountId>;

		/// Told when a vehicle is reported stolen, recovered or scrapped.
		type OnVehicleStatusChanged: OnVehicleStatusChanged;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A registered vehicle, held from its manufacturer.
		VehicleRegistration,
		/// An invited or bound device, or a granted operator, held from the owner.
		Delegate,
	}

	/// Registered manufacturers.
	#[pallet::storage]
	pub type Manufacturers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Manufacturer<T>>;

	/// Which manufacturer owns each WMI code.
	#[pallet::storage]
	pub type WmiOwner<T: Config> = StorageMap<_, Blake2_128Concat, Wmi, T::AccountId>;

	/// The id the next registered vehicle gets.
	#[pallet::storage]
	pub type NextVehicleId<T: Config> = StorageValue<_, VehicleId, ValueQuery>;

	/// Registered vehicles by id.
	#[pallet::storage]
	pub type Vehicles<T: Config> = StorageMap<_, Twox64Concat, VehicleId, Vehicle<T>>;

	/// Vehicle ids by VIN.
	#[pallet::storage]
	pub type VehicleByVin<T: Config> = StorageMap<_, Blake2_128Concat, Vin, VehicleId>;

	/// The vehicles each account owns (owner, vehicle) -> ().
	#[pallet::storage]
	pub type OwnedVehicles<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, VehicleId, ()>;

	/// The open sale offer of a vehicle, if any.
	#[pallet::storage]
	pub type SaleOffers<T: Config> = StorageMap<_, Twox64Concat, VehicleId, SaleOffer<T>>;

	/// Each sold vehicle's past owners: how many, and its latest sales. Part of the vehicle's
	/// entry (its registration deposit covers it) and bounded by [`MAX_RECENT_SALES`].
	#[pallet::storage]
	pub type OwnershipHistory<T: Config> = StorageMap<_, Twox64Concat, VehicleId, PastOwners<T>>;

	/// Lenders approved by governance.
	#[pallet::storage]
	pub type Lenders<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ()>;

	/// The lender an owner agreed may place a lien on the vehicle.
	#[pallet::storage]
	pub type LienConsents<T: Config> = StorageMap<_, Twox64Concat, VehicleId, T::AccountId>;

	/// Vehicles whose lien another pallet placed for an agreement it manages (a lease,
	/// through `VehicleControl::place_lien`): only that pallet releases it.
	#[pallet::storage]
	pub type ControlledLiens<T: Config> = StorageMap<_, Twox64Concat, VehicleId, ()>;

	/// Devices bound to each vehicle.
	#[pallet::storage]
	pub type VehicleDevices<T: Config> = StorageMap<
		_,
		Twox64Concat,
		VehicleId,
		BoundedVec<Delegate<T>, T::MaxDevicesPerVehicle>,
		ValueQuery,
	>;

	/// Devices the owner invited to each vehicle that have not accepted yet. They count
	/// towards `MaxDevicesPerVehicle` with the bound ones.
	#[pallet::storage]
	pub type PendingDevices<T: Config> = StorageMap<
		_,
		Twox64Concat,
		VehicleId,
		BoundedVec<Delegate<T>, T::MaxDevicesPerVehicle>,
		ValueQuery,
	>;

	/// The vehicle each device account is bound to (a device serves one vehicle).
	#[pallet::storage]
	pub type DeviceVehicle<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, VehicleId>;

	/// Operators of each vehicle, with the block their right ends.
	#[pallet::storage]
	pub type VehicleOperators<T: Config> = StorageMap<
		_,
		Twox64Concat,
		VehicleId,
		BoundedVec<Delegate<T>, T::MaxOperatorsPerVehicle>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance registered a manufacturer and the WMI codes it owns.
		ManufacturerRegistered { manufacturer: T::AccountId, name: NameOf<T>, wmis: WmisOf<T> },
		/// Governance removed a manufacturer; its WMI codes are free again.
		ManufacturerDeregistered { manufacturer: T::AccountId },
		/// A manufacturer registered a vehicle for its first owner.
		VehicleRegistered {
			vehicle: VehicleId,
			vin: Vin,
			manufacturer: T::AccountId,
			owner: T::AccountId,
		},
		/// The owner offered the vehicle to a buyer.
		SaleOffered {
			vehicle: VehicleId,
			vin: Vin,
			seller: T::AccountId,
			buyer: T::AccountId,
			price: Option<BalanceOf<T>>,
			expires_at: BlockNumberFor<T>,
		},
		/// The owner withdrew a sale offer.
		SaleOfferCancelled { vehicle: VehicleId, vin: Vin, seller: T::AccountId },
		/// The buyer accepted: payment and title moved together.
		OwnershipTransferred {
			vehicle: VehicleId,
			vin: Vin,
			seller: T::AccountId,
			buyer: T::AccountId,
			price: Option<BalanceOf<T>>,
		},
		/// Governance approved a lender.
		LenderApproved { lender: T::AccountId },
		/// Governance withdrew a lender's approval (its liens stay until released).
		LenderRevoked { lender: T::AccountId },
		/// The owner agreed that a lender may place a lien.
		LienConsented { vehicle: VehicleId, vin: Vin, owner: T::AccountId, lender: T::AccountId },
		/// A lender placed a lien: the vehicle cannot be sold until it is released.
		LienPlaced { vehicle: VehicleId, vin: Vin, lender: T::AccountId },
		/// The lender released its lien.
		LienReleased { vehicle: VehicleId, vin: Vin, lender: T::AccountId },
		/// The device accepted the owner's invitation: it may now sign the vehicle's telemetry.
		DeviceBound { vehicle: VehicleId, vin: Vin, device: T::AccountId },
		/// The owner unbound a device, or a sale or scrapping did.
		DeviceUnbound { vehicle: VehicleId, vin: Vin, device: T::AccountId },
		/// The owner let an operator use the vehicle until a block.
		OperatorGranted {
			vehicle: VehicleId,
			vin: Vin,
			operator: T::AccountId,
			until: BlockNumberFor<T>,
		},
		/// The owner ended an operator's right, or a sale, theft or scrapping did.
		OperatorRevoked { vehicle: VehicleId, vin: Vin, operator: T::AccountId },
		/// The owner reported the vehicle stolen.
		VehicleReportedStolen { vehicle: VehicleId, vin: Vin, owner: T::AccountId },
		/// The owner reported the stolen vehicle recovered.
		VehicleRecovered { vehicle: VehicleId, vin: Vin, owner: T::AccountId },
		/// The vehicle was scrapped, for good.
		VehicleScrapped { vehicle: VehicleId, vin: Vin, owner: T::AccountId },
		/// The owner invited a device account; it is bound once it accepts.
		DeviceInvited { vehicle: VehicleId, vin: Vin, device: T::AccountId },
		/// A device invitation ended unaccepted: the owner withdrew it, or a theft, sale or
		/// scrapping did.
		DeviceInvitationWithdrawn { vehicle: VehicleId, vin: Vin, device: T::AccountId },
		/// A bound device unbound itself.
		DeviceLeft { vehicle: VehicleId, vin: Vin, device: T::AccountId },
		/// An operator gave up its right.
		OperatorRenounced { vehicle: VehicleId, vin: Vin, operator: T::AccountId },
		/// An operator whose right had ended was removed (when the owner granted a right).
		OperatorExpired {
			vehicle: VehicleId,
			vin: Vin,
			operator: T::AccountId,
			until: BlockNumberFor<T>,
		},
		/// An open offer became void: the vehicle was stolen, scrapped or liened.
		SaleOfferVoided { vehicle: VehicleId, vin: Vin, seller: T::AccountId, buyer: T::AccountId },
		/// Governance ended a lien without its lender (lost keys, or scrapping).
		LienForceReleased { vehicle: VehicleId, vin: Vin, lender: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No such vehicle: check the id (or look it up by VIN in `VehicleByVin`).
		NotFound,
		/// Only the vehicle's owner may do this.
		NotOwner,
		/// Only a registered manufacturer may register vehicles.
		NotManufacturer,
		/// This account is already a registered manufacturer.
		AlreadyManufacturer,
		/// A WMI code is already owned by a manufacturer, or listed twice.
		WmiTaken,
		/// A manufacturer needs at least one WMI code.
		NoWmi,
		/// A WMI code is not three ISO 3779 characters (digits, capitals except I, O, Q).
		InvalidWmi,
		/// The VIN is not 17 characters of the ISO 3779 set (digits, capitals except I, O, Q).
		InvalidVin,
		/// The VIN's check digit (position 9) does not match its other characters; North
		/// American and Chinese VINs need a correct one.
		WrongCheckDigit,
		/// The VIN's first three characters are not a WMI of the calling manufacturer.
		WmiNotOwned,
		/// A vehicle with this VIN is already registered.
		DuplicateVin,
		/// The model year is before 1886 or more than one year ahead of today's date.
		InvalidModelYear,
		/// Electrified powertrains need a battery capacity above zero; ICE vehicles none.
		InvalidBatteryCapacity,
		/// The vehicle is stolen or scrapped: this needs an active vehicle.
		VehicleNotActive,
		/// A lender holds a lien on the vehicle: it cannot be offered, sold or scrapped by its
		/// owner until the lien is released.
		LienPresent,
		/// The owner cannot sell to, bind or grant to itself.
		SelfDealing,
		/// The end block is in the past, or an offer's further ahead than `MaxOfferDuration`.
		InvalidExpiry,
		/// The vehicle has no open sale offer (a theft, scrapping or lien voids one).
		NoOffer,
		/// The offer was made to another buyer.
		NotBuyer,
		/// The offer has expired: ask the owner for a new one.
		OfferExpired,
		/// The price is above the maximum the buyer accepted.
		PriceAboveMaximum,
		/// The account is not an approved lender.
		NotLender,
		/// The account is already an approved lender.
		AlreadyLender,
		/// The owner has not agreed that this lender may place a lien.
		NoLienConsent,
		/// The vehicle has no lien, or the caller does not hold it.
		NotLienHolder,
		/// This device is already bound to a vehicle: it must leave it (or be unbound) first.
		DeviceAlreadyBound,
		/// This account is not bound to the vehicle as a device (nor invited, for the owner's
		/// `unbind_device`).
		DeviceNotBound,
		/// The vehicle has `MaxDevicesPerVehicle` devices, bound and invited together, already.
		TooManyDevices,
		/// The vehicle has `MaxOperatorsPerVehicle` operators already.
		TooManyOperators,
		/// This account is not an operator of the vehicle.
		NotOperator,
		/// The vehicle is already reported stolen.
		AlreadyStolen,
		/// The vehicle is not reported stolen.
		NotStolen,
		/// The vehicle is already scrapped.
		AlreadyScrapped,
		/// Only the owner or governance may scrap a vehicle.
		NotOwnerOrGovernance,
		/// Every vehicle id has been used.
		VehicleIdsExhausted,
		/// The vehicle's owner has not invited this account as a device: ask the owner to call
		/// `bind_device` first.
		NotInvited,
		/// This device is invited to the vehicle already: it may accept the invitation.
		AlreadyInvited,
		/// The vehicle has no lien.
		NoLien,
		/// A manufacturer needs a name: apps and the vehicle passport show it.
		EmptyName,
		/// The lien secures an agreement another pallet manages (a lease): it is released
		/// there, when nothing is owed or the agreement ends.
		LienControlled,
	}

	#[pallet::genesis_config]
	#[derive(DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(account, name, WMI codes)` of each manufacturer.
		pub manufacturers: Vec<(T::AccountId, Vec<u8>, Vec<Wmi>)>,
		/// Vehicles to register, in order (their ids are 0, 1, ...).
		pub vehicles: Vec<GenesisVehicle<T::AccountId>>,
		/// Lenders governance approved (leasing companies, banks).
		pub lenders: Vec<T::AccountId>,
		/// `(vehicle, device)` bindings, each invited by the vehicle's owner (who pays the
		/// deposit) and accepted by the device, as the two calls would do.
		pub devices: Vec<(VehicleId, T::AccountId)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (manufacturer, name, wmis) in &self.manufacturers {
				let name = NameOf::<T>::try_from(name.clone())
					.unwrap_or_else(|_| panic!("genesis manufacturer name too long"));
				let wmis = WmisOf::<T>::try_from(wmis.clone())
					.unwrap_or_else(|_| panic!("genesis manufacturer has too many WMIs"));
				if let Err(e) =
					Pallet::<T>::do_register_manufacturer(manufacturer.clone(), name, wmis)
				{
					panic!("invalid genesis manufacturer: {e:?}");
				}
			}
			for (manufacturer, vin, owner, model_year, powertrain, battery) in &self.vehicles {
				let vin = Vin::parse(vin)
					.unwrap_or_else(|e| panic!("invalid genesis VIN {vin:?}: {e:?}"));
				let registration = VehicleRegistration {
					vin,
					owner: owner.clone(),
					model_year: *model_year,
					powertrain: *powertrain,
					battery_capacity: *battery,
					metadata_hash: [0; 32],
					metadata_uri: Default::default(),
				};
				if let Err(e) = Pallet::<T>::do_register_vehicle(manufacturer.clone(), registration)
				{
					panic!("invalid genesis vehicle {vin:?}: {e:?}");
				}
			}
			for lender in &self.lenders {
				if let Err(e) = Pallet::<T>::do_approve_lender(lender.clone()) {
					panic!("invalid genesis lender: {e:?}");
				}
			}
			for (vehicle, device) in &self.devices {
				let owner = Vehicles::<T>::get(vehicle)
					.unwrap_or_else(|| panic!("genesis device of unknown vehicle {vehicle}"))
					.owner;
				Pallet::<T>::do_bind_device(owner, *vehicle, device.clone())
					.and_then(|()| Pallet::<T>::do_accept_device_binding(device.clone(), *vehicle))
					.unwrap_or_else(|e| {
						panic!("invalid genesis device of vehicle {vehicle}: {e:?}")
					});
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxNameLength::get() > 0, "manufacturers need a name");
			assert!(T::MaxWmisPerManufacturer::get() > 0, "manufacturers need a WMI");
			assert!(T::MaxOfferDuration::get() > Zero::zero(), "offers must be acceptable");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers `manufacturer` with its `name` and the `wmis` (World Manufacturer
		/// Identifiers) its VINs start with. Governance only.
		///
		/// Emits `ManufacturerRegistered`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_manufacturer(wmis.len() as u32))]
		pub fn register_manufacturer(
			origin: OriginFor<T>,
			manufacturer: T::AccountId,
			name: NameOf<T>,
			wmis: WmisOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_register_manufacturer(manufacturer, name, wmis)
		}

		/// Removes a manufacturer and frees its WMI codes. Its vehicles stay registered.
		/// Governance only.
		///
		/// Emits `ManufacturerDeregistered`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::deregister_manufacturer(T::MaxWmisPerManufacturer::get()))]
		pub fn deregister_manufacturer(
			origin: OriginFor<T>,
			manufacturer: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_deregister_manufacturer(manufacturer)
		}

		/// Registers a vehicle built by the calling manufacturer for its first `owner`, and
		/// holds `VehicleDeposit` from the manufacturer. The VIN must be valid, new, and start
		/// with one of the caller's WMI codes; `battery_capacity` (Wh) is required exactly for
		/// electrified powertrains.
		///
		/// Emits `VehicleRegistered`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::register_vehicle())]
		pub fn register_vehicle(
			origin: OriginFor<T>,
			vin: Vin,
			owner: T::AccountId,
			model_year: u16,
			powertrain: Powertrain,
			battery_capacity: Option<WattHours>,
			metadata_hash: DocumentHash,
			metadata_uri: UriOf<T>,
		) -> DispatchResult {
			let manufacturer = ensure_signed(origin)?;
			let registration = VehicleRegistration {
				vin,
				owner,
				model_year,
				powertrain,
				battery_capacity,
				metadata_hash,
				metadata_uri,
			};
			Self::do_register_vehicle(manufacturer, registration).map(|_| ())
		}

		/// Offers the caller's vehicle to `buyer`, at `price` (or `None`: no payment on chain),
		/// until block `expires_at`. Replaces an earlier offer. Owner only; the vehicle must be
		/// active and free of liens.
		///
		/// Emits `SaleOffered`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::offer_sale())]
		pub fn offer_sale(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			buyer: T::AccountId,
			price: Option<BalanceOf<T>>,
			expires_at: BlockNumberFor<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_offer_sale(owner, vehicle, buyer, price, expires_at)
		}

		/// Withdraws the open sale offer of the caller's vehicle. Owner only.
		///
		/// Emits `SaleOfferCancelled`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel_offer())]
		pub fn cancel_offer(origin: OriginFor<T>, vehicle: VehicleId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_cancel_offer(owner, vehicle)
		}

		/// Accepts the sale offer made to the caller, paying at most `max_price`: the price
		/// moves to the seller and the title to the caller in one step. Devices, invitations,
		/// operators and the lien consent are cleared, their deposits returned to the seller.
		/// Fails if the offer expired; a theft, scrapping or lien since it was made voided it.
		///
		/// Emits `OwnershipTransferred`, and `DeviceUnbound` / `DeviceInvitationWithdrawn` /
		/// `OperatorRevoked` for each delegate cleared.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::accept_offer()
			.saturating_add(T::OnOwnershipTransferred::weight()))]
		pub fn accept_offer(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			max_price: BalanceOf<T>,
		) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			Self::do_accept_offer(buyer, vehicle, max_price)
		}

		/// Approves `lender` to place liens. Governance only.
		///
		/// Emits `LenderApproved`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::approve_lender())]
		pub fn approve_lender(origin: OriginFor<T>, lender: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_approve_lender(lender)
		}

		/// Withdraws a lender's approval: it can place no new liens; existing ones stay until
		/// it releases them. Governance only.
		///
		/// Emits `LenderRevoked`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::revoke_lender())]
		pub fn revoke_lender(origin: OriginFor<T>, lender: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_revoke_lender(lender)
		}

		/// Agrees that approved `lender` may place a lien on the caller's active vehicle
		/// (financing or leasing); replaces an earlier consent. A theft or sale drops it. Owner
		/// only.
		///
		/// Emits `LienConsented`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::consent_to_lien())]
		pub fn consent_to_lien(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			lender: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_consent_to_lien(owner, vehicle, lender)
		}

		/// Places a lien on an active vehicle whose owner consented to the calling lender. While
		/// it stands, the vehicle cannot be offered, sold or scrapped by its owner; the open
		/// offer becomes void.
		///
		/// Emits `LienPlaced`, and `SaleOfferVoided` if an offer was open.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::place_lien())]
		pub fn place_lien(origin: OriginFor<T>, vehicle: VehicleId) -> DispatchResult {
			let lender = ensure_signed(origin)?;
			Self::do_place_lien(lender, vehicle)
		}

		/// Releases the calling lender's lien (the loan was repaid). Lien holder only, even
		/// after governance revoked its approval. A lien placed for a lease is released by the
		/// leasing pallet instead (`LienControlled`).
		///
		/// Emits `LienReleased`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::release_lien())]
		pub fn release_lien(origin: OriginFor<T>, vehicle: VehicleId) -> DispatchResult {
			let lender = ensure_signed(origin)?;
			Self::do_release_own_lien(lender, vehicle)
		}

		/// Invites `device` (telematics unit, on-board charger) to the caller's active vehicle;
		/// once the device accepts (`accept_device_binding`) it may sign the vehicle's
		/// telemetry. Holds `DelegateDeposit` from the owner. Invitations count towards
		/// `MaxDevicesPerVehicle` with the bound devices. A device bound to any vehicle cannot be
		/// invited. Owner only.
		///
		/// Emits `DeviceInvited`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::bind_device())]
		pub fn bind_device(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			device: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_bind_device(owner, vehicle, device)
		}

		/// Unbinds a device from the caller's vehicle, or withdraws its pending invitation, and
		/// releases its deposit. Owner only.
		///
		/// Emits `DeviceUnbound`, or `DeviceInvitationWithdrawn` for an invitation.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::unbind_device())]
		pub fn unbind_device(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			device: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_unbind_device(owner, vehicle, device)
		}

		/// Lets `operator` (lessee, car-sharing user, fleet driver) use the caller's active
		/// vehicle until block `until`, inclusive; granting again changes the block. First
		/// removes the operators whose right has ended, releasing their deposits, so only live
		/// grants count towards `MaxOperatorsPerVehicle`. Holds `DelegateDeposit` from the
		/// owner for a new operator. Owner only.
		///
		/// Emits `OperatorExpired` for each operator removed, then `OperatorGranted`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::grant_operator())]
		pub fn grant_operator(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			operator: T::AccountId,
			until: BlockNumberFor<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_grant_operator(owner, vehicle, operator, until)
		}

		/// Ends an operator's right (expired or not) and releases its deposit. Owner only.
		///
		/// Emits `OperatorRevoked`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::revoke_operator())]
		pub fn revoke_operator(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			operator: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_revoke_operator(owner, vehicle, operator)
		}

		/// Reports the caller's vehicle stolen: sales and new data deals stop until it is
		/// recovered. Every right the owner gave ends: operators are revoked, device
		/// invitations withdrawn (deposits back), the lien consent dropped and the open offer
		/// voided. Bound devices stay bound: their telemetry helps find the vehicle. Owner
		/// only.
		///
		/// Emits `SaleOfferVoided`, `DeviceInvitationWithdrawn` and `OperatorRevoked` for
		/// what ends, then `VehicleReportedStolen`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::report_stolen().saturating_add(T::OnVehicleStatusChanged::weight()))]
		pub fn report_stolen(origin: OriginFor<T>, vehicle: VehicleId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_report_stolen(owner, vehicle)
		}

		/// Reports the caller's stolen vehicle recovered: it is active again. Owner only.
		///
		/// Emits `VehicleRecovered`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::report_recovered().saturating_add(T::OnVehicleStatusChanged::weight()))]
		pub fn report_recovered(origin: OriginFor<T>, vehicle: VehicleId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_report_recovered(owner, vehicle)
		}

		/// Scraps a vehicle, for good: no new records, sales or sessions. Devices, invitations,
		/// operators, the open offer and the lien consent are cleared (deposits back to the
		/// owner), and the manufacturer's `VehicleDeposit` is released; the entry stays as
		/// history. The owner, unless a lien stands, or governance, whose scrapping ends the
		/// lien.
		///
		/// Emits `DeviceUnbound` / `DeviceInvitationWithdrawn` / `OperatorRevoked` for each
		/// delegate, `SaleOfferVoided` if an offer was open, `LienForceReleased` if governance
		/// ended a lien, then `VehicleScrapped`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::scrap_vehicle()
			.saturating_add(T::OnVehicleStatusChanged::weight()))]
		pub fn scrap_vehicle(origin: OriginFor<T>, vehicle: VehicleId) -> DispatchResult {
			let by_governance = T::GovernanceOrigin::try_origin(origin).map(|_| None);
			let caller = match by_governance {
				Ok(none) => none,
				Err(origin) => {
					Some(ensure_signed(origin).map_err(|_| Error::<T>::NotOwnerOrGovernance)?)
				}
			};
			Self::do_scrap_vehicle(caller, vehicle)
		}

		/// Accepts the owner's invitation to `vehicle`: the calling device is bound to it and
		/// may sign its telemetry. The vehicle must be active and the device bound to no
		/// vehicle. Invited device only.
		///
		/// Emits `DeviceBound`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::accept_device_binding())]
		pub fn accept_device_binding(origin: OriginFor<T>, vehicle: VehicleId) -> DispatchResult {
			let device = ensure_signed(origin)?;
			Self::do_accept_device_binding(device, vehicle)
		}

		/// Unbinds the calling device from `vehicle`; its deposit goes back to the owner.
		/// Bound device only.
		///
		/// Emits `DeviceLeft`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::leave_vehicle())]
		pub fn leave_vehicle(origin: OriginFor<T>, vehicle: VehicleId) -> DispatchResult {
			let device = ensure_signed(origin)?;
			Self::do_leave_vehicle(device, vehicle)
		}

		/// Gives up the caller's operator right on `vehicle` (ended or not); its deposit goes
		/// back to the owner. Operator only.
		///
		/// Emits `OperatorRenounced`.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::renounce_operator())]
		pub fn renounce_operator(origin: OriginFor<T>, vehicle: VehicleId) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_renounce_operator(operator, vehicle)
		}

		/// Ends the lien on `vehicle` without its lender (the lender lost its keys, or
		/// disappeared after repayment). Governance only. A lien placed for a lease ends with
		/// the lease (`LienControlled`: governance terminates the lease there).
		///
		/// Emits `LienForceReleased`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::force_release_lien())]
		pub fn force_release_lien(origin: OriginFor<T>, vehicle: VehicleId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_force_release_lien(vehicle)
		}
	}
}

/// What a manufacturer declares when it registers a vehicle.
pub struct VehicleRegistration<T: Config> {
	pub vin: v2x_primitives::Vin,
	pub owner: T::AccountId,
	pub model_year: u16,
	pub powertrain: Powertrain,
	pub battery_capacity: Option<WattHours>,
	pub metadata_hash: DocumentHash,
	pub metadata_uri: UriOf<T>,
}

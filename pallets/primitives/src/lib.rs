//! Shared vehicle types and the glue traits through which V2X Chain pallets work together.
//!
//! Pallets never import each other. A pallet that needs to know who owns a vehicle asks a
//! [`VehicleRegistry`]; one that reads an odometer reports it through an [`OdometerLog`];
//! one that must react to a sale implements [`OnOwnershipTransferred`]; one that acts on a
//! vehicle for an account it controls (a co-op's) goes through [`VehicleControl`]. The runtime wires
//! the implementations; tests use the mocks in [`testing`].
//!
//! This crate holds no storage.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod control;
pub mod migrations;
mod odometer;
mod passport;
pub mod runtime_api;
#[cfg(feature = "std")]
pub mod testing;
mod vehicle;
mod vin;

pub use control::VehicleControl;
pub use odometer::{FlagReason, Km, OdometerLog, OdometerReading, OdometerSource, ReadingVerdict};
pub use passport::{
	newest_first_page, ChargingSummary, IdentitySection, InstalledImage, LeaseSection,
	LeaseStanding, OdometerSection, OwnershipSection, PassportPage, RoadSection, SaleEntry,
	SaleOfferEntry, SharingSection, SoftwareSection, VehiclePassport, VehicleRef,
	PASSPORT_RECORDS_PER_PAGE,
};
pub use vehicle::{
	OnOwnershipTransferred, OnVehicleStatusChanged, OperatingRight, Powertrain, VehicleId,
	VehicleRegistry, VehicleStatus,
};
pub use vin::{Vin, VinError, Wmi, VIN_LENGTH};

//! The matrix of pallet-vehicle-identity (index 20): 22 calls.

use super::{
	assert_every_call_has_rows, governance_only, lien, lien_consent, offer, on_base, refused, run,
	signed_only, sold, stolen, succeeds, text, Role::*, Row, BASE_BLOCK, V0, V1,
};
use crate::{Runtime, UNIT};
use pallet_vehicle_identity::Powertrain;
use polkadot_sdk::{
	frame_support::{traits::GetCallName, BoundedVec},
	sp_runtime::DispatchError,
};
use v2x_primitives::Vin;

type Call = pallet_vehicle_identity::Call<Runtime>;
type Error = pallet_vehicle_identity::Error<Runtime>;

const EXPIRES: u32 = BASE_BLOCK + 100;

/// A new vehicle of Ferdie's WMI 5YJ (check digit 9 is right).
fn register_vehicle() -> Call {
	Call::register_vehicle {
		vin: Vin(*b"5YJ3E1EA9RF000003"),
		owner: Owner.id(),
		model_year: 2024,
		powertrain: Powertrain::Bev,
		battery_capacity: Some(75_000),
		metadata_hash: [0; 32],
		metadata_uri: Default::default(),
	}
}

fn offer_sale(vehicle: v2x_primitives::VehicleId) -> Call {
	Call::offer_sale { vehicle, buyer: Buyer.id(), price: Some(10 * UNIT), expires_at: EXPIRES }
}

fn register_manufacturer() -> Call {
	Call::register_manufacturer {
		manufacturer: Stranger.id(),
		name: text(b"Dave Motors"),
		wmis: BoundedVec::truncate_from(vec![*b"WDD"]),
	}
}

/// BASE: the dev preset plus the parties of the matrix.
fn base_rows() -> Vec<Row> {
	[
		governance_only(&[Manufacturer, Stranger], register_manufacturer()),
		governance_only(
			&[Manufacturer, OtherManufacturer],
			Call::deregister_manufacturer { manufacturer: Manufacturer.id() },
		),
		refused(&[OtherManufacturer], register_vehicle(), Error::WmiNotOwned),
		refused(
			&[Owner, Stranger, Workshop, Insurer, Cpo, Device, Lender, Operator],
			register_vehicle(),
			Error::NotManufacturer,
		),
		signed_only(register_vehicle()),
		refused(
			&[
				AnotherOwner,
				Stranger,
				Manufacturer,
				OtherManufacturer,
				Workshop,
				Insurer,
				Cpo,
				Device,
				OtherDevice,
				Lender,
				Operator,
				ExpiredOperator,
			],
			offer_sale(V0),
			Error::NotOwner,
		),
		signed_only(offer_sale(V0)),
		refused(&[Stranger], offer_sale(99), Error::NotFound),
		refused(&[Owner], Call::cancel_offer { vehicle: V0 }, Error::NoOffer),
		refused(&[Buyer], Call::accept_offer { vehicle: V0, max_price: 10 * UNIT }, Error::NoOffer),
		governance_only(&[Stranger], Call::approve_lender { lender: Stranger.id() }),
		governance_only(&[Lender, Owner], Call::revoke_lender { lender: Lender.id() }),
		refused(
			&[Lender, AnotherOwner, Stranger, Manufacturer, Operator, Device],
			Call::consent_to_lien { vehicle: V0, lender: Lender.id() },
			Error::NotOwner,
		),
		signed_only(Call::consent_to_lien { vehicle: V0, lender: Lender.id() }),
		refused(
			&[Owner],
			Call::consent_to_lien { vehicle: V0, lender: Stranger.id() },
			Error::NotLender,
		),
		refused(&[Lender], Call::release_lien { vehicle: V0 }, Error::NotLienHolder),
		refused(
			&[AnotherOwner, Stranger, Manufacturer, Operator, Device, InvitedDevice, Lender],
			Call::bind_device { vehicle: V0, device: Stranger.id() },
			Error::NotOwner,
		),
		signed_only(Call::bind_device { vehicle: V0, device: Stranger.id() }),
		refused(
			&[Owner],
			Call::bind_device { vehicle: V0, device: OtherDevice.id() },
			Error::DeviceAlreadyBound,
		),
		refused(
			&[Owner],
			Call::bind_device { vehicle: V0, device: Owner.id() },
			Error::SelfDealing,
		),
		refused(
			&[Owner],
			Call::bind_device { vehicle: V0, device: InvitedDevice.id() },
			Error::AlreadyInvited,
		),
		refused(
			&[Device, AnotherOwner, Stranger, Manufacturer, Operator],
			Call::unbind_device { vehicle: V0, device: Device.id() },
			Error::NotOwner,
		),
		signed_only(Call::unbind_device { vehicle: V0, device: Device.id() }),
		refused(
			&[Owner],
			Call::unbind_device { vehicle: V0, device: OtherDevice.id() },
			Error::DeviceNotBound,
		),
		refused(
			&[Operator, ExpiredOperator, AnotherOwner, Stranger, Manufacturer, Device, Lender],
			Call::grant_operator { vehicle: V0, operator: Stranger.id(), until: EXPIRES },
			Error::NotOwner,
		),
		signed_only(Call::grant_operator { vehicle: V0, operator: Stranger.id(), until: EXPIRES }),
		refused(
			&[Owner],
			Call::grant_operator { vehicle: V0, operator: Owner.id(), until: EXPIRES },
			Error::SelfDealing,
		),
		refused(
			&[Operator, AnotherOwner, Stranger, Manufacturer, Device],
			Call::revoke_operator { vehicle: V0, operator: Operator.id() },
			Error::NotOwner,
		),
		signed_only(Call::revoke_operator { vehicle: V0, operator: Operator.id() }),
		refused(
			&[Owner],
			Call::revoke_operator { vehicle: V0, operator: Stranger.id() },
			Error::NotOperator,
		),
		refused(
			&[Operator, Device, Manufacturer, Lender, AnotherOwner, Stranger],
			Call::report_stolen { vehicle: V0 },
			Error::NotOwner,
		),
		// Governance cannot report a theft.
		refused(
			&[Root, Unsigned, CouncilTwoThirds],
			Call::report_stolen { vehicle: V0 },
			DispatchError::BadOrigin,
		),
		refused(&[Owner], Call::report_recovered { vehicle: V0 }, Error::NotStolen),
		// Not `NotOwner` and not `BadOrigin`: the caller check names both ways in.
		refused(
			&[
				AnotherOwner,
				Stranger,
				Manufacturer,
				OtherManufacturer,
				Workshop,
				Insurer,
				Cpo,
				Device,
				Operator,
				Lender,
				Unsigned,
				CouncilOneThird,
			],
			Call::scrap_vehicle { vehicle: V0 },
			Error::NotOwnerOrGovernance,
		),
		refused(&[Stranger], Call::scrap_vehicle { vehicle: 99 }, Error::NotFound),
		refused(
			&[Stranger, Device, OtherDevice, Owner],
			Call::accept_device_binding { vehicle: V0 },
			Error::NotInvited,
		),
		signed_only(Call::accept_device_binding { vehicle: V0 }),
		refused(
			&[OtherDevice, InvitedDevice, Owner, Stranger, Operator],
			Call::leave_vehicle { vehicle: V0 },
			Error::DeviceNotBound,
		),
		signed_only(Call::leave_vehicle { vehicle: V0 }),
		refused(&[Device], Call::leave_vehicle { vehicle: 99 }, Error::NotFound),
		refused(
			&[Owner, AnotherOwner, Stranger, Device],
			Call::renounce_operator { vehicle: V0 },
			Error::NotOperator,
		),
		signed_only(Call::renounce_operator { vehicle: V0 }),
		refused(&[Root], Call::force_release_lien { vehicle: V0 }, Error::NoLien),
	]
	.concat()
}

/// OFFER: Alice offers vehicle 0 to Bob.
fn offer_rows() -> Vec<Row> {
	let accept = Call::accept_offer { vehicle: V0, max_price: 10 * UNIT };
	[
		refused(
			&[Buyer, Stranger, Manufacturer, Operator, Device, Lender],
			Call::cancel_offer { vehicle: V0 },
			Error::NotOwner,
		),
		signed_only(Call::cancel_offer { vehicle: V0 }),
		refused(
			&[
				Owner,
				Stranger,
				Manufacturer,
				OtherManufacturer,
				Workshop,
				Insurer,
				Cpo,
				Device,
				Lender,
				Operator,
				ExpiredOperator,
			],
			accept.clone(),
			Error::NotBuyer,
		),
		signed_only(accept),
	]
	.concat()
}

/// SOLD: Bob bought vehicle 0 from Alice; every right Alice gave ended.
fn sold_rows() -> Vec<Row> {
	[
		refused(&[Seller], offer_sale(V0), Error::NotOwner),
		refused(&[Seller], Call::cancel_offer { vehicle: V0 }, Error::NotOwner),
		refused(&[NewOwner], Call::cancel_offer { vehicle: V0 }, Error::NoOffer),
		refused(
			&[Seller],
			Call::consent_to_lien { vehicle: V0, lender: Lender.id() },
			Error::NotOwner,
		),
		refused(
			&[Seller],
			Call::unbind_device { vehicle: V0, device: Device.id() },
			Error::NotOwner,
		),
		refused(
			&[NewOwner],
			Call::unbind_device { vehicle: V0, device: Device.id() },
			Error::DeviceNotBound,
		),
		refused(&[Device], Call::leave_vehicle { vehicle: V0 }, Error::DeviceNotBound),
		refused(&[Operator], Call::renounce_operator { vehicle: V0 }, Error::NotOperator),
		refused(&[Seller], Call::report_stolen { vehicle: V0 }, Error::NotOwner),
		refused(&[Seller], Call::scrap_vehicle { vehicle: V0 }, Error::NotOwnerOrGovernance),
	]
	.concat()
}

/// STOLEN: Alice reported vehicle 0 stolen.
fn stolen_rows() -> Vec<Row> {
	[
		refused(&[Stranger], offer_sale(V0), Error::NotOwner),
		refused(&[Owner], offer_sale(V0), Error::VehicleNotActive),
		refused(
			&[Owner],
			Call::consent_to_lien { vehicle: V0, lender: Lender.id() },
			Error::VehicleNotActive,
		),
		refused(
			&[Owner],
			Call::bind_device { vehicle: V0, device: Stranger.id() },
			Error::VehicleNotActive,
		),
		refused(&[Owner], Call::report_stolen { vehicle: V0 }, Error::AlreadyStolen),
		refused(
			&[Device, Operator, AnotherOwner, Stranger, Manufacturer],
			Call::report_recovered { vehicle: V0 },
			Error::NotOwner,
		),
		signed_only(Call::report_recovered { vehicle: V0 }),
		refused(
			&[Stranger, InvitedDevice],
			Call::accept_device_binding { vehicle: V0 },
			Error::VehicleNotActive,
		),
		refused(&[Operator], Call::renounce_operator { vehicle: V0 }, Error::NotOperator),
	]
	.concat()
}

/// LIEN_CONSENT: Alice consents to a lien by `Lender`.
fn lien_consent_rows() -> Vec<Row> {
	let place = Call::place_lien { vehicle: V0 };
	[
		refused(
			&[Owner, Stranger, Workshop, Insurer, Cpo, Device, Operator],
			place.clone(),
			Error::NotLender,
		),
		// Ferdie is an approved lender since the dev preset's lease (issue 18).
		refused(&[OtherLender, Manufacturer], place.clone(), Error::NoLienConsent),
		refused(&[Lender], Call::place_lien { vehicle: V1 }, Error::NoLienConsent),
		signed_only(place),
	]
	.concat()
}

/// LIEN: `Lender` holds a lien on vehicle 0.
fn lien_rows() -> Vec<Row> {
	let release = Call::release_lien { vehicle: V0 };
	[
		refused(
			&[Owner, OtherLender, Stranger, Manufacturer],
			release.clone(),
			Error::NotLienHolder,
		),
		// Governance has `force_release_lien` for this.
		signed_only(release),
		refused(&[Owner], offer_sale(V0), Error::LienPresent),
		refused(&[Owner], Call::scrap_vehicle { vehicle: V0 }, Error::LienPresent),
		governance_only(&[Lender, Owner], Call::force_release_lien { vehicle: V0 }),
	]
	.concat()
}

/// REVOKED: governance deregistered Ferdie and revoked the lender Alice consented to.
fn revoked_rows() -> Vec<Row> {
	[
		refused(&[Manufacturer], register_vehicle(), Error::NotManufacturer),
		refused(&[Lender], Call::place_lien { vehicle: V0 }, Error::NotLender),
	]
	.concat()
}

/// OFFER at block 103: the offer ran to block 102, inclusive.
fn offer_expired_rows() -> Vec<Row> {
	let accept = Call::accept_offer { vehicle: V0, max_price: 10 * UNIT };
	[
		refused(&[Buyer], accept.clone(), Error::OfferExpired),
		// Whose offer it is comes before whether it expired.
		refused(&[Stranger], accept, Error::NotBuyer),
	]
	.concat()
}

/// SCRAPPED: Alice scrapped vehicle 0.
fn scrapped_rows() -> Vec<Row> {
	[
		refused(&[Stranger], Call::scrap_vehicle { vehicle: V0 }, Error::NotOwnerOrGovernance),
		refused(&[Owner], Call::scrap_vehicle { vehicle: V0 }, Error::AlreadyScrapped),
	]
	.concat()
}

/// Every scenario's rows, by scenario (the docs table is written from these).
pub(super) fn scenarios() -> Vec<(&'static str, Vec<Row>)> {
	vec![
		("BASE", base_rows()),
		("OFFER", offer_rows()),
		("SOLD", sold_rows()),
		("STOLEN", stolen_rows()),
		("LIEN_CONSENT", lien_consent_rows()),
		("LIEN", lien_rows()),
		("SCRAPPED", scrapped_rows()),
		("REVOKED", revoked_rows()),
		("OFFER_EXPIRED", offer_expired_rows()),
	]
}

#[test]
fn every_identity_call_has_rows_in_the_matrix() {
	assert_every_call_has_rows("VehicleIdentity", Call::get_call_names(), &scenarios());
}

#[test]
fn on_the_base_chain_only_the_owner_maker_and_governance_change_identities() {
	on_base(|| {
		run("BASE", base_rows());
		succeeds(Root, register_manufacturer());
		succeeds(CouncilTwoThirds, Call::approve_lender { lender: Stranger.id() });
		succeeds(Manufacturer, register_vehicle());
		succeeds(InvitedDevice, Call::accept_device_binding { vehicle: V0 });
		succeeds(ExpiredOperator, Call::renounce_operator { vehicle: V0 });
		succeeds(Owner, offer_sale(V0));
	});
}

#[test]
fn an_open_offer_is_the_named_buyers_to_accept_and_the_owners_to_cancel() {
	on_base(|| {
		offer();
		run("OFFER", offer_rows());
		succeeds(Buyer, Call::accept_offer { vehicle: V0, max_price: 10 * UNIT });
	});
}

#[test]
fn after_a_sale_the_seller_and_her_delegates_have_no_say() {
	on_base(|| {
		sold();
		run("SOLD", sold_rows());
		succeeds(NewOwner, Call::report_stolen { vehicle: V0 });
	});
}

#[test]
fn a_stolen_vehicle_is_recovered_only_by_its_owner() {
	on_base(|| {
		stolen();
		run("STOLEN", stolen_rows());
		succeeds(Owner, Call::report_recovered { vehicle: V0 });
	});
}

#[test]
fn only_the_consented_lender_places_a_lien_and_only_it_or_governance_ends_it() {
	on_base(|| {
		lien_consent();
		run("LIEN_CONSENT", lien_consent_rows());
		succeeds(Lender, Call::place_lien { vehicle: V0 });
		run("LIEN", lien_rows());
		succeeds(CouncilTwoThirds, Call::force_release_lien { vehicle: V0 });
	});
	on_base(|| {
		lien();
		succeeds(Lender, Call::release_lien { vehicle: V0 });
	});
}

#[test]
fn a_scrapped_vehicle_cannot_be_scrapped_again_by_anyone() {
	on_base(|| {
		succeeds(Owner, Call::scrap_vehicle { vehicle: V0 });
		run("SCRAPPED", scrapped_rows());
	});
}

#[test]
fn a_deregistered_maker_and_a_revoked_lender_lose_their_rights() {
	on_base(|| {
		lien_consent();
		succeeds(Root, Call::deregister_manufacturer { manufacturer: Manufacturer.id() });
		succeeds(CouncilTwoThirds, Call::revoke_lender { lender: Lender.id() });
		run("REVOKED", revoked_rows());
	});
}

#[test]
fn an_offer_is_accepted_up_to_its_last_block_and_not_after() {
	on_base(|| {
		offer();
		super::run_to_block(EXPIRES);
		succeeds(Buyer, Call::accept_offer { vehicle: V0, max_price: 10 * UNIT });
	});
	on_base(|| {
		offer();
		super::run_to_block(EXPIRES + 1);
		run("OFFER at block 103", offer_expired_rows());
		succeeds(Owner, Call::cancel_offer { vehicle: V0 });
	});
}

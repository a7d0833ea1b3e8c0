//! Consent in the real runtime: a charger's meter acts only while it agrees, and a workshop
//! cannot certify the service of a vehicle it may operate (issue 14, F3 and F4).

use super::{account, assert_rejected, dev_chain, run_to_block, signed};
use crate::{RuntimeCall, SharedCharging, VehicleIdentity};
use pallet_service_book::{Call as BookCall, Error as BookError};
use pallet_shared_charging::{Call as ChargingCall, Error as ChargingError};
use polkadot_sdk::{frame_support::assert_ok, sp_keyring::Sr25519Keyring};

/// The dev preset's public charger, its meter Dave's stash, its operator Charlie's stash.
const PUBLIC_CHARGER: u32 = 0;
/// Alice's vehicle.
const ALICES_VEHICLE: u64 = 0;

#[test]
fn a_meter_that_left_has_no_powers_and_the_operator_confirms_instead() {
	dev_chain(|| {
		run_to_block(2);
		assert_ok!(SharedCharging::start_session(
			signed(Sr25519Keyring::Alice),
			PUBLIC_CHARGER,
			ALICES_VEHICLE,
			10_000
		));
		let session = pallet_shared_charging::NextSessionId::<crate::Runtime>::get() - 1;
		assert_ok!(SharedCharging::leave_charger_meter(
			signed(Sr25519Keyring::DaveStash),
			PUBLIC_CHARGER
		));

		assert_rejected(
			signed(Sr25519Keyring::DaveStash),
			RuntimeCall::SharedCharging(ChargingCall::confirm_session { session }),
			ChargingError::<crate::Runtime>::NotCharger,
		);
		assert_rejected(
			signed(Sr25519Keyring::DaveStash),
			RuntimeCall::SharedCharging(ChargingCall::accept_charger_meter {
				charger: PUBLIC_CHARGER,
			}),
			ChargingError::<crate::Runtime>::NotInvitedMeter,
		);
		assert_ok!(SharedCharging::confirm_session(signed(Sr25519Keyring::CharlieStash), session));
	});
}

#[test]
fn a_workshop_that_operates_a_vehicle_cannot_service_it() {
	dev_chain(|| {
		assert_ok!(VehicleIdentity::grant_operator(
			signed(Sr25519Keyring::Alice),
			ALICES_VEHICLE,
			account(Sr25519Keyring::Charlie),
			1_000
		));
		let order_for_charlie = || {
			RuntimeCall::ServiceBook(BookCall::open_work_order {
				vehicle: ALICES_VEHICLE,
				workshop: account(Sr25519Keyring::Charlie),
				expires_at: 100,
			})
		};
		for opener in [Sr25519Keyring::Alice, Sr25519Keyring::Charlie] {
			assert_rejected(
				signed(opener),
				order_for_charlie(),
				BookError::<crate::Runtime>::SelfDealing,
			);
		}
	});
}

//! The queries behind the `ChargingApi` runtime API.

use polkadot_sdk::frame_support::assert_ok;

use super::*;
use crate::{Dispute, SessionInfo, SessionState, Totals};

#[test]
fn chargers_near_a_geohash_come_in_pages() {
	ExtBuilder::ready().build_and_execute(|| {
		register(SIMPLE_TARIFF);
		let ids = |prefix: &str, start, limit| {
			SharedCharging::chargers_near(prefix.as_bytes().to_vec(), start, limit)
				.into_iter()
				.map(|c| c.id)
				.collect::<Vec<_>>()
		};
		assert_eq!(ids("u33dc", 0, 10), vec![0, 1]);
		assert_eq!(ids("u33dc", 2, 10), vec![2]);
		assert_eq!(ids("u33dc1", 0, 10), vec![1]);
		assert_eq!(ids("gcp", 0, 10), Vec::<u32>::new());
		let residence = &SharedCharging::chargers_near(b"u33dc1".to_vec(), 0, 1)[0];
		assert_eq!(residence.access, AccessRule::Members);
		assert!(residence.bidirectional && residence.enabled && !residence.busy);
	});
}

#[test]
fn a_quote_prices_a_charger_for_a_driver() {
	ExtBuilder::ready().build_and_execute(|| {
		let quote = SharedCharging::quote(PUBLIC, None, 10_000, 3_600, 1_800).unwrap();
		assert_eq!(quote.total, 50 + 3_000 + 60);
		let own = SharedCharging::quote(RESIDENCE, Some(OTHER_MEMBER), 10_000, 3_600, 0).unwrap();
		assert_eq!(own.total, 1_000);
		assert_eq!(SharedCharging::quote(RESIDENCE, Some(DRIVER), 1, 1, 0), None);
		assert_eq!(SharedCharging::quote(9, None, 1, 1, 0), None);
	});
}

#[test]
fn a_session_reads_open_then_completed() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = start(DRIVER, PUBLIC, VEHICLE, 10_000);
		assert!(matches!(
			SharedCharging::session(session),
			Some(SessionInfo::Open { state: SessionState::Pending, escrow: SIMPLE_ESCROW, .. })
		));
		assert_ok!(SharedCharging::close_session(signed(DRIVER), session));
		assert_eq!(SharedCharging::session(session), None);
		let session = completed_session();
		assert_ok!(SharedCharging::dispute_session(signed(DRIVER), session));
		match SharedCharging::session(session) {
			Some(SessionInfo::Completed { cost, dispute, .. }) => {
				assert_eq!(cost.total, COMPLETED_COST);
				assert_eq!(dispute, Some(Dispute::Open));
			}
			other => panic!("not completed: {other:?}"),
		}
	});
}

#[test]
fn vehicle_and_member_totals_are_read() {
	ExtBuilder::ready().build_and_execute(|| {
		completed_session();
		let expected = Totals { sessions: 1, energy_wh: 7_333, cost: COMPLETED_COST };
		assert_eq!(SharedCharging::vehicle_totals(VEHICLE), expected);
		assert_eq!(SharedCharging::member_totals(PUBLIC, DRIVER, None), expected);
		assert_eq!(SharedCharging::vehicle_totals(MEMBER_VEHICLE), Totals::default());
	});
}

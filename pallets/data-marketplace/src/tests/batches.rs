//! Data batches: published by the owner or a bound device, kept as a ring.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchResult,
};

use super::*;
use crate::{Batch, BatchCounts, Batches, Error, UriOf};

fn publish(who: u64, vehicle: VehicleId, hash: u8) -> DispatchResult {
	let uri = UriOf::<Test>::try_from(b"https://gw.example/b".to_vec()).unwrap();
	Marketplace::publish_batch(
		signed(who),
		vehicle,
		DataCategory::Battery,
		[hash; 32],
		uri,
		1_700_000_000,
		1_700_003_600,
	)
}

#[test]
fn the_owner_publishes_a_batch() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(publish(OWNER, VEHICLE, 1));
		assert_eq!(
			Batches::<Test>::get((VEHICLE, DataCategory::Battery), 0),
			Some(Batch {
				seq: 0,
				hash: [1; 32],
				uri: UriOf::<Test>::try_from(b"https://gw.example/b".to_vec()).unwrap(),
				from: 1_700_000_000,
				to: 1_700_003_600,
				publisher: OWNER,
				published_at: 1,
			})
		);
		assert_eq!(BatchCounts::<Test>::get((VEHICLE, DataCategory::Battery)), 1);
		System::assert_last_event(
			Event::BatchPublished {
				vehicle: VEHICLE,
				category: DataCategory::Battery,
				seq: 0,
				hash: [1; 32],
				publisher: OWNER,
			}
			.into(),
		);
	});
}

#[test]
fn a_bound_device_publishes_a_batch() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(publish(DEVICE, VEHICLE, 1));
		assert_eq!(
			Batches::<Test>::get((VEHICLE, DataCategory::Battery), 0).unwrap().publisher,
			DEVICE
		);
	});
}

#[test]
fn only_the_owner_or_a_bound_device_publishes() {
	ExtBuilder::ready().build_and_execute(|| {
		for who in [BUYER, MANUFACTURER, STRANGER] {
			assert_noop!(publish(who, VEHICLE, 1), Error::<Test>::NotPublisher);
		}
		// `DEVICE` is bound to `VEHICLE`, not to `OTHER_VEHICLE`.
		assert_noop!(publish(DEVICE, OTHER_VEHICLE, 1), Error::<Test>::NotPublisher);
	});
}

#[test]
fn batches_keep_the_last_ones_and_the_counter_keeps_counting() {
	ExtBuilder::ready().build_and_execute(|| {
		for hash in 0..5 {
			assert_ok!(publish(DEVICE, VEHICLE, hash));
		}
		let key = (VEHICLE, DataCategory::Battery);
		assert_eq!(BatchCounts::<Test>::get(key), 5);
		assert_eq!(Batches::<Test>::iter_prefix(key).count(), MAX_BATCHES as usize);
		let kept: Vec<u32> = Marketplace::batches(VEHICLE, DataCategory::Battery, 0, 10)
			.iter()
			.map(|b| b.seq)
			.collect();
		assert_eq!(kept, vec![2, 3, 4]);
		assert_eq!(Batches::<Test>::get(key, 0).unwrap().hash, [3; 32]);
	});
}

#[test]
fn a_batch_range_cannot_end_before_it_starts() {
	ExtBuilder::ready().build_and_execute(|| {
		let uri = UriOf::<Test>::try_from(b"ipfs://x".to_vec()).unwrap();
		assert_noop!(
			Marketplace::publish_batch(
				signed(OWNER),
				VEHICLE,
				DataCategory::Battery,
				[1; 32],
				uri,
				10,
				9
			),
			Error::<Test>::InvalidTimeRange
		);
	});
}

#[test]
fn a_scrapped_vehicle_takes_no_batches() {
	ExtBuilder::ready().build_and_execute(|| {
		set_status(VEHICLE, VehicleStatus::Scrapped);
		assert_noop!(publish(DEVICE, VEHICLE, 1), Error::<Test>::VehicleScrapped);
	});
}

#[test]
fn an_unknown_vehicle_takes_no_batches() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(publish(OWNER, UNKNOWN_VEHICLE, 1), Error::<Test>::VehicleNotFound);
	});
}

#[test]
fn a_stolen_vehicles_device_keeps_publishing() {
	ExtBuilder::ready().build_and_execute(|| {
		set_status(VEHICLE, VehicleStatus::Stolen);
		assert_ok!(publish(DEVICE, VEHICLE, 1));
	});
}

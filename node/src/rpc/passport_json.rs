//! A vehicle passport as the JSON of `v2x_vehiclePassport` (docs/rpc.md).

use serde_json::{json, Value};
use v2x_primitives::{
	FlagReason, IdentitySection, OdometerReading, OdometerSection, OwnershipSection, ReadingVerdict,
};
use v2x_runtime::{
	passport::{Passport, PassportListing, PassportPolicy, PassportRecord},
	AccountId, Balance, BlockNumber,
};

use super::format::{account, amount, hex, iso_time, text};

/// A block by its number, with its time where the chain knows it.
pub trait BlockTimes {
	/// The ISO 8601 time of block `number`; `None` for genesis or an unknown block.
	fn time_of(&mut self, number: BlockNumber) -> Option<String>;

	/// `{ "blockNumber", "timestamp" }`.
	fn block(&mut self, number: BlockNumber) -> Value {
		json!({ "blockNumber": number, "timestamp": self.time_of(number) })
	}
}

/// The passport's JSON, without `at` and `token` (the caller adds them).
pub fn passport(passport: Passport, times: &mut impl BlockTimes) -> Value {
	let Passport { identity, status, ownership, service_records, odometer, .. } = passport;
	json!({
		"identity": identity_json(identity, times),
		"status": format!("{status:?}"),
		"ownership": ownership_json(ownership, times),
		"serviceRecords": {
			"total": service_records.total,
			"records": service_records.items.into_iter().map(|record| record_json(record, times)).collect::<Vec<_>>(),
			"next": service_records.next,
		},
		"odometer": odometer_json(odometer, times),
		"insurance": passport.insurance.map(policy_json),
		"charging": {
			"sessions": passport.charging.sessions,
			"energyWh": passport.charging.energy_wh,
			"spent": amount(passport.charging.spent),
		},
		"dataListings": passport.data_listings.into_iter().map(listing_json).collect::<Vec<_>>(),
		"carSharing": passport.car_sharing.map(|sharing| json!({
			"coop": sharing.coop,
			"coopName": text(&sharing.coop_name),
			"members": sharing.members,
			"trips": sharing.trips,
			"km": sharing.km,
			"revenue": amount(sharing.revenue),
			"openBookings": sharing.open_bookings,
		})),
		"roadUsage": passport.road_usage.map(|road| json!({
			"provider": road.provider.as_ref().map(account),
			"prepaid": amount(road.prepaid),
			"tollsPaid": amount(road.tolls_paid),
			"passages": road.passages,
			"declarations": road.declarations,
			"platoon": road.platoon,
			"kmLed": road.km_led,
			"kmFollowed": road.km_followed,
		})),
		"leasing": passport.leasing.map(|lease| json!({
			"lease": lease.lease,
			"lessor": account(&lease.lessor),
			"holder": account(&lease.holder),
			"lessee": account(&lease.lessee),
			"standing": format!("{:?}", lease.standing),
			"nextDue": lease.next_due.map(|due| times.block(due)),
			"overdue": amount(lease.overdue),
			"prepaid": amount(lease.prepaid),
			"paid": amount(lease.paid),
			"kmBilled": lease.km_billed,
			"end": times.block(lease.end),
			"immobilisationAuthorised": lease.immobilisation_authorised,
		})),
		"freight": passport.freight,
		"software": passport.software.map(|software| json!({
			"campaign": software.campaign,
			"rxswin": software.rxswin.as_deref().map(text),
			"reportedAt": times.block(software.reported_at),
			"revealedAt": times.block(software.revealed_at),
			"images": software.images.iter().map(|image| json!({
				"hardwareId": text(&image.hardware_id),
				"hash": hex(&image.hash),
				"current": image.current,
			})).collect::<Vec<_>>(),
			"reports": software.reports,
		})),
	})
}

fn identity_json(
	identity: IdentitySection<AccountId, BlockNumber>,
	times: &mut impl BlockTimes,
) -> Value {
	json!({
		"id": identity.id,
		"vin": text(identity.vin.as_bytes()),
		"manufacturer": account(&identity.manufacturer),
		"manufacturerName": text(&identity.manufacturer_name),
		"modelYear": identity.model_year,
		"powertrain": format!("{:?}", identity.powertrain),
		"batteryCapacityWh": identity.battery_capacity_wh,
		"metadataHash": hex(&identity.metadata_hash),
		"metadataUri": text(&identity.metadata_uri),
		"registeredAt": times.block(identity.registered_at),
	})
}

fn ownership_json(
	ownership: OwnershipSection<AccountId, Balance, BlockNumber>,
	times: &mut impl BlockTimes,
) -> Value {
	let sales: Vec<Value> = ownership
		.recent_sales
		.into_iter()
		.map(|sale| {
			json!({
				"from": account(&sale.seller),
				"to": account(&sale.buyer),
				"price": sale.price.map(amount),
				"blockNumber": sale.at,
				"timestamp": times.time_of(sale.at),
			})
		})
		.collect();
	json!({
		"owner": account(&ownership.owner),
		"pastOwners": ownership.past_owners,
		"sales": sales,
		"lien": ownership.lien.as_ref().map(account),
		"openSaleOffer": ownership.open_offer.map(|offer| json!({
			"buyer": account(&offer.buyer),
			"price": offer.price.map(amount),
			"expiresAt": offer.expires_at,
		})),
	})
}

fn record_json((record, workshop_name): PassportRecord, times: &mut impl BlockTimes) -> Value {
	// Records carry their own time; genesis records have 0.
	let timestamp = (record.timestamp > 0)
		.then(|| iso_time(record.timestamp))
		.or_else(|| times.time_of(record.recorded_at));
	json!({
		"id": record.id,
		"workshop": account(&record.workshop),
		"workshopName": text(&workshop_name),
		"kind": record.kind,
		"odometerKm": record.odometer_km,
		"odometerVerdict": record.odometer_verdict.map(|verdict| verdict_name(verdict, false)),
		"blockNumber": record.recorded_at,
		"timestamp": timestamp,
		"documentHash": hex(&record.document_hash),
		"documentUri": text(&record.document_uri),
		"corrects": record.corrects,
		"brandAuthorised": record.brand_authorised,
	})
}

fn odometer_json(odometer: OdometerSection<BlockNumber>, times: &mut impl BlockTimes) -> Value {
	let mut readings = Vec::new();
	let mut flags = Vec::new();
	// The last accepted reading before each one, to explain a flag.
	let mut accepted: Option<&OdometerReading<BlockNumber>> = None;
	for reading in &odometer.readings {
		let timestamp = times.time_of(reading.at);
		if let ReadingVerdict::Flagged(reason) = reading.verdict {
			flags.push(json!({
				"seq": reading.seq,
				"km": reading.km,
				"reason": flag_reason(reason, reading.km, accepted.map(|before| before.km)),
				"blockNumber": reading.at,
				"timestamp": timestamp,
			}));
		} else {
			accepted = Some(reading);
		}
		readings.push(json!({
			"seq": reading.seq,
			"km": reading.km,
			"trueKm": reading.total_km,
			"source": format!("{:?}", reading.source),
			"verdict": verdict_name(reading.verdict, reading.new_cluster),
			"flagged": matches!(reading.verdict, ReadingVerdict::Flagged(_)),
			"blockNumber": reading.at,
			"timestamp": timestamp,
		}));
	}
	json!({
		"displayedKm": odometer.displayed_km,
		"trueKm": odometer.true_km,
		"readings": readings,
		"flags": flags,
		"flagCount": odometer.flag_count,
	})
}

fn verdict_name(verdict: ReadingVerdict, new_cluster: bool) -> &'static str {
	match verdict {
		ReadingVerdict::Consistent if new_cluster => "ClusterReplaced",
		ReadingVerdict::Consistent => "Accepted",
		ReadingVerdict::Flagged(FlagReason::Rollback) => "Rollback",
		ReadingVerdict::Flagged(FlagReason::ImplausibleJump) => "Jump",
	}
}

/// Why a reading of `km` was flagged, next to the last accepted reading before it (if kept).
fn flag_reason(reason: FlagReason, km: u32, accepted_km: Option<u32>) -> String {
	let before = accepted_km.map_or_else(
		|| "the last accepted reading".to_owned(),
		|km| format!("the {km} km accepted before"),
	);
	match reason {
		FlagReason::Rollback => format!("Rollback: {km} km is below {before}"),
		FlagReason::ImplausibleJump => format!(
			"Implausible jump: {km} km is further above {before} than the vehicle could have driven since"
		),
	}
}

fn policy_json((id, policy, insurer_name): PassportPolicy) -> Value {
	let status = match policy.status {
		pallet_usage_insurance::PolicyStatus::Active => json!("Active"),
		pallet_usage_insurance::PolicyStatus::Ended { at, reason } => {
			json!({ "Ended": { "at": at, "reason": format!("{reason:?}") } })
		}
	};
	json!({
		"policyId": id,
		"insurer": account(&policy.insurer),
		"insurerName": text(&insurer_name),
		"holder": account(&policy.holder),
		"productId": policy.product,
		"prepaid": amount(policy.prepaid),
		"coverLeft": amount(policy.cover_left),
		"status": status,
		"startedAt": policy.started_at,
		"periodEnd": policy.period_end,
		"periodKm": policy.usage.km,
	})
}

fn listing_json(listing: PassportListing) -> Value {
	json!({
		"id": listing.id,
		"seller": account(&listing.seller),
		"category": listing.category,
		"price": amount(listing.price),
		"accessBlocks": listing.duration,
		"termsHash": hex(&listing.terms_hash),
		"allowList": listing.allow_list.map(|list| list.iter().map(account).collect::<Vec<_>>()),
	})
}

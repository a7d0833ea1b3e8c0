//! The genesis config builds chargers, providers with their bonds, contexts with tariff
//! version 0, subscriptions, prepaid balances and platoons, holding what the calls would.

use polkadot_sdk::sp_runtime::Perbill;

use super::*;
use crate::{
	Chargers, Contexts, GenesisConfig, GenesisContext, GenesisPlatoon, PlatoonRule, Platoons,
	Prepaid, Providers, TariffVersions, VehiclePlatoon,
};

/// The dev preset in small: a charger with a passage and a distance context, a provider
/// serving `VEHICLE` and the trucks, prepaid for `VEHICLE`, and `LEADER` leading `FOLLOWER`
/// (paid 5 a km: half of a saving of 10) for up to 100 km.
fn demo() -> GenesisConfig<Test> {
	let price = |class, band, price| TariffPrice { class, band, price };
	GenesisConfig {
		chargers: vec![(CHARGER, b"Alpine Motorways".to_vec())],
		providers: vec![(PROVIDER, b"Toll Services".to_vec(), 2_000)],
		contexts: vec![
			GenesisContext {
				charger: CHARGER,
				domain: b"A13 Brenner".to_vec(),
				kind: ChargeKind::Passage,
				prices: vec![price(1, 0, 8), price(2, 0, 25)],
				gantries: vec![GANTRY, OTHER_GANTRY],
			},
			GenesisContext {
				charger: CHARGER,
				domain: b"Tyrol network".to_vec(),
				kind: ChargeKind::Distance,
				prices: vec![price(2, 0, 3), price(2, 1, 4)],
				gantries: vec![],
			},
		],
		subscriptions: vec![(VEHICLE, PROVIDER), (LEADER, PROVIDER), (FOLLOWER, PROVIDER)],
		prepaid: vec![(VEHICLE, 500)],
		platoons: vec![GenesisPlatoon {
			leader: LEADER,
			payee: HAULIER,
			rule: PlatoonRule { saving_per_km: 10, leader_share: Perbill::from_percent(50) },
			followers: vec![(FOLLOWER, OTHER_HAULIER, 100)],
		}],
	}
}

#[test]
fn genesis_builds_the_demo_with_its_holds() {
	ExtBuilder::default().with_genesis(demo()).build_and_execute(|| {
		assert_eq!(Chargers::<Test>::get(CHARGER).unwrap().contexts, 2);
		assert_eq!(held(HoldReason::Deposit, CHARGER), 2 * CONTEXT_DEPOSIT);
		let provider = Providers::<Test>::get(PROVIDER).unwrap();
		assert!(provider.active);
		assert_eq!((provider.bond, provider.obligations), (2_000, 0));
		assert_eq!(held(HoldReason::ProviderBond, PROVIDER), 2_000);

		let passage = Contexts::<Test>::get(0).unwrap();
		assert_eq!(passage.kind, ChargeKind::Passage);
		assert_eq!(passage.gantries.to_vec(), vec![GANTRY, OTHER_GANTRY]);
		assert_eq!((passage.oldest_version, passage.next_version), (0, 1));
		assert_eq!(TariffVersions::<Test>::get(0, 0).unwrap().valid_from, 0);
		assert_eq!(NextContextId::<Test>::get(), 2);
		assert_eq!(
			RoadUsage::quote(1, today(), 2, vec![crate::Usage { band: 1, quantity: 10 }]),
			Some(40)
		);

		assert_eq!(periods(VEHICLE), vec![(PROVIDER, 0, None)]);
		assert!(RoadUsage::serves(&PROVIDER, FOLLOWER, today()));
		assert_eq!(Prepaid::<Test>::get(VEHICLE).unwrap().owner, OWNER);
		assert_eq!(held(HoldReason::Prepaid, OWNER), 500);

		let platoon = Platoons::<Test>::get(0).unwrap();
		assert_eq!((platoon.leader, platoon.payee, platoon.price_per_km), (LEADER, HAULIER, 5));
		assert_eq!(platoon.followers.len(), 1);
		assert_eq!(platoon.followers[0].held, 500);
		assert_eq!(held(HoldReason::PlatoonEscrow, OTHER_HAULIER), 500);
		assert_eq!(held(HoldReason::Deposit, HAULIER), PLATOON_DEPOSIT);
		assert_eq!(VehiclePlatoon::<Test>::get(LEADER), Some(0));
		assert_eq!(VehiclePlatoon::<Test>::get(FOLLOWER), Some(0));
		assert_eq!(RoadUsage::passport_section(FOLLOWER).unwrap().platoon, Some(0));
	});
}

#[test]
fn the_demo_genesis_context_charges_from_day_zero() {
	ExtBuilder::default().with_genesis(demo()).build_and_execute(|| {
		assert_eq!(RoadUsage::tariff_version_at(0, 0).unwrap().0, 0);
		assert_eq!(RoadUsage::tariff_version_at(0, today()).unwrap().0, 0);
		// A new version starts tomorrow at the earliest.
		polkadot_sdk::frame_support::assert_ok!(RoadUsage::publish_tariff(
			signed(CHARGER),
			0,
			today() + 1,
			passage_prices()
		));
	});
}

#[test]
#[should_panic(expected = "its charger is not a genesis charger")]
fn a_genesis_context_needs_a_genesis_charger() {
	let mut genesis = demo();
	genesis.chargers.clear();
	ExtBuilder::default().with_genesis(genesis).build();
}

#[test]
#[should_panic(expected = "InvalidTariff")]
fn a_genesis_tariff_must_be_valid() {
	let mut genesis = demo();
	genesis.contexts[0].prices.reverse();
	ExtBuilder::default().with_genesis(genesis).build();
}

#[test]
#[should_panic(expected = "a gantry listed twice")]
fn a_genesis_gantry_is_listed_once() {
	let mut genesis = demo();
	genesis.contexts[0].gantries = vec![GANTRY, GANTRY];
	ExtBuilder::default().with_genesis(genesis).build();
}

#[test]
#[should_panic(expected = "not a genesis provider")]
fn a_genesis_subscription_needs_a_genesis_provider() {
	let mut genesis = demo();
	genesis.subscriptions.push((OTHER_VEHICLE, OTHER_PROVIDER));
	ExtBuilder::default().with_genesis(genesis).build();
}

#[test]
#[should_panic(expected = "is not registered")]
fn genesis_prepaid_needs_a_registered_vehicle() {
	let mut genesis = demo();
	genesis.prepaid.push((UNKNOWN_VEHICLE, 10));
	ExtBuilder::default().with_genesis(genesis).build();
}

#[test]
#[should_panic(expected = "cannot be held")]
fn a_genesis_bond_must_be_affordable() {
	let mut genesis = demo();
	genesis.providers[0].2 = BALANCE + 1;
	ExtBuilder::default().with_genesis(genesis).build();
}

#[test]
#[should_panic(expected = "is in another platoon")]
fn a_genesis_vehicle_drives_in_one_platoon() {
	let mut genesis = demo();
	genesis.platoons[0].followers.push((LEADER, HAULIER, 10));
	ExtBuilder::default().with_genesis(genesis).build();
}

#[test]
#[should_panic(expected = "pays the leader nothing")]
fn a_genesis_platoon_pays_its_leader() {
	let mut genesis = demo();
	genesis.platoons[0].rule.leader_share = Perbill::zero();
	ExtBuilder::default().with_genesis(genesis).build();
}

#[test]
fn the_genesis_config_reads_the_dev_presets_json() {
	let json = serde_json::json!({
		"chargers": [[CHARGER, b"Roads".to_vec()]],
		"providers": [[PROVIDER, b"Tolls".to_vec(), 1_000]],
		"contexts": [{
			"charger": CHARGER,
			"domain": b"Bridge".to_vec(),
			"kind": "Passage",
			"prices": [{ "class": 1, "band": 0, "price": 8 }],
			"gantries": [GANTRY],
		}],
		"subscriptions": [[VEHICLE, PROVIDER]],
		"prepaid": [[VEHICLE, 50]],
		"platoons": [{
			"leader": LEADER,
			"payee": HAULIER,
			"rule": { "savingPerKm": 10, "leaderShare": 500_000_000 },
			"followers": [[FOLLOWER, HAULIER, 10]],
		}],
	});
	let genesis: GenesisConfig<Test> = serde_json::from_value(json).expect("the JSON parses");
	assert_eq!(genesis.contexts[0].kind, ChargeKind::Passage);
	assert_eq!(genesis.platoons[0].rule.leader_share, Perbill::from_percent(50));
	ExtBuilder::default().with_genesis(genesis).build_and_execute(|| {
		assert_eq!(Platoons::<Test>::get(0).unwrap().price_per_km, 5);
	});
}

//! Chain spec presets: `development` (one validator, Alice), `local_testnet` (four
//! validators for multi-node tests: GRANDPA needs more than 2/3 of the votes, so with four
//! one validator may fail and finality goes on) and `production` (the template of a
//! consortium launch: no sudo key, the council governs from the first block).

use crate::{
	opaque::SessionKeys, AccountId, Balance, BalancesConfig, CarSharingConfig,
	CouncilMembershipConfig, DataMarketplaceConfig, FreightConfig, RoadUsageConfig, Runtime,
	RuntimeGenesisConfig, ServiceBookConfig, SessionConfig, SharedChargingConfig,
	SoftwareUpdatesConfig, SudoConfig, UsageInsuranceConfig, UsageLeasingConfig,
	ValidatorSetConfig, VehicleIdentityConfig, DAYS, MILLI_UNIT, UNIT,
};
use alloc::{vec, vec::Vec};
use pallet_car_sharing::{CoopRules, GenesisCoop, Pricing, Rate};
use pallet_data_marketplace::{DataCategory, GenesisListing};
use pallet_freight::{ConditionSpec, GenesisShipment, Leg, UnitKind};
use pallet_road_usage::{ChargeKind, GenesisContext, GenesisPlatoon, PlatoonRule, TariffPrice};
use pallet_service_book::RecordKind;
use pallet_shared_charging::{
	AccessRule, Connector, GenesisCharger, PriceComponents, TariffElement, TariffRestrictions,
};
use pallet_software_updates::{
	CampaignInput, CampaignTarget, GenesisReport, HardwareId, ImageName, Manifest, RoleKeys,
	RootMetadata, TargetInput, VehicleSelector,
};
use pallet_usage_insurance::{ProductTerms, RiskSurcharges};
use pallet_usage_leasing::LeaseTerms;
use pallet_vehicle_identity::Powertrain;
use polkadot_sdk::{
	frame_support::{build_struct_json_patch, traits::Get, BoundedVec},
	sp_core::H256,
	sp_genesis_builder::{self, PresetId},
	sp_keyring::{Ed25519Keyring, Sr25519Keyring},
	sp_runtime::{traits::AccountIdConversion, Perbill},
};
use serde_json::Value;

/// What each well-known dev account starts with.
const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// The `production` preset's name: `v2x-node build-spec --chain production`.
pub const PRODUCTION_RUNTIME_PRESET: &str = "production";

/// The genesis of a network: its validators (accounts with their session keys; Aura's and
/// GRANDPA's own authorities stay empty, the session pallet sets them), the council, the sudo
/// key if any, and the funded accounts. `pallet_treasury` keeps its own account alive.
fn network_genesis(
	validators: Vec<(AccountId, SessionKeys)>,
	council: Vec<AccountId>,
	sudo: Option<AccountId>,
	endowed: Vec<(AccountId, Balance)>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowed },
		validator_set: ValidatorSetConfig {
			initial_validators: validators.iter().map(|(account, _)| account.clone()).collect(),
		},
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|(account, keys)| (account.clone(), account, keys))
				.collect::<Vec<_>>(),
		},
		council_membership: CouncilMembershipConfig { members: BoundedVec::truncate_from(council) },
		sudo: SudoConfig { key: sudo },
	})
}

/// A well-known dev validator: its account and its session keys, Aura (sr25519) and GRANDPA
/// (ed25519) from the same seed, as `v2x-node --alice` puts them in its keystore.
fn validator(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AccountId, SessionKeys) {
	(sr.to_account_id(), SessionKeys { aura: sr.public().into(), grandpa: ed.public().into() })
}

/// The council of the dev and local chains: Alice, Bob and Charlie. A motion passes with
/// two of them.
fn dev_council() -> Vec<AccountId> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
		.map(|k| k.to_account_id())
		.to_vec()
}

/// The four validators of the local testnet: Alice, Bob, Charlie and Dave.
fn local_validators() -> Vec<(AccountId, SessionKeys)> {
	vec![
		validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	]
}

fn dev_accounts() -> Vec<(AccountId, Balance)> {
	Sr25519Keyring::well_known().map(|k| (k.to_account_id(), ENDOWMENT)).collect()
}

/// One validator (Alice), the council (Alice, Bob, Charlie), Alice is sudo, the dev accounts
/// are funded, and there is data to look at in Polkadot.js apps: a manufacturer, two
/// vehicles, a workshop and a service history with a flagged odometer rollback.
pub fn development_config_genesis() -> Value {
	let mut endowed = dev_accounts();
	// The demo co-op's account: its first reserve.
	endowed.push((demo_coop_account(), DEMO_COOP_RESERVE));
	// The road-usage cast, which has no well-known dev account of its own.
	endowed.extend(
		[TOLL_CHARGER, TOLL_PROVIDER, HAULIER_A, HAULIER_B]
			.map(|public| (road_account(public), ROAD_ENDOWMENT)),
	);
	// Car 0's primary ECU pays its own reports' fees and deposit.
	endowed.push((road_account(ECU_0), ECU_ENDOWMENT));
	let mut genesis = network_genesis(
		vec![validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_council(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		endowed,
	);
	// The two patches configure different pallets: their top-level keys do not overlap.
	if let (Value::Object(genesis), Value::Object(demo)) = (&mut genesis, demo_vehicle_data()) {
		genesis.extend(demo);
	}
	genesis
}

/// Ferdie is "V2X Demo Motors" (WMI 5YJ); vehicle 0 (a BEV) belongs to Alice, vehicle 1 (a
/// PHEV) to Bob, vehicle 2 (a BEV) to the neighbours' car-sharing co-op (see [`demo_coop`]),
/// trucks 3 and 4 to two hauliers (see [`demo_road_usage`]) and vehicle 5 to Ferdie, which
/// leases it to Dave (see [`demo_leasing`]). HaulierA's truck 3 carries Bob's vaccines to Dave
/// (see [`demo_freight`]). Charlie runs an approved workshop that serviced vehicle 0 at 15 000 and
/// 30 000 km; its device then reported 31 000 km, and a rollback to 12 000 km (flagged).
/// Eve is the insurer "V2X Mutual" with a 10 000 V2X pool and a daily pay-as-you-drive
/// product (product 0), which insures vehicle 0 with 100 V2X prepaid by Alice. Alice lists a
/// week of vehicle 0's battery data for 5 V2X (listing 0). Charlie's stash account runs two
/// chargers (see [`demo_charging`]).
fn demo_vehicle_data() -> Value {
	let manufacturer = Sr25519Keyring::Ferdie.to_account_id();
	let workshop = Sr25519Keyring::Charlie.to_account_id();
	let insurer = Sr25519Keyring::Eve.to_account_id();
	build_struct_json_patch!(RuntimeGenesisConfig {
		vehicle_identity: VehicleIdentityConfig {
			manufacturers: vec![(manufacturer.clone(), b"V2X Demo Motors".to_vec(), vec![*b"5YJ"])],
			vehicles: vec![
				(
					manufacturer.clone(),
					b"5YJ3E1EA5RF000001".to_vec(),
					Sr25519Keyring::Alice.to_account_id(),
					2024,
					Powertrain::Bev,
					Some(75_000),
				),
				(
					manufacturer.clone(),
					b"5YJYGDEE1RF000002".to_vec(),
					Sr25519Keyring::Bob.to_account_id(),
					2024,
					Powertrain::Phev,
					Some(18_000),
				),
				(
					manufacturer.clone(),
					b"5YJ3E1EA6RF900003".to_vec(),
					demo_coop_account(),
					2024,
					Powertrain::Bev,
					Some(60_000),
				),
				// The platoon's trucks (see [`demo_road_usage`]).
				(
					manufacturer.clone(),
					b"5YJSE1EA6RF000004".to_vec(),
					road_account(HAULIER_A),
					2024,
					Powertrain::Bev,
					Some(900_000),
				),
				(
					manufacturer.clone(),
					b"5YJSE1EA8RF000005".to_vec(),
					road_account(HAULIER_B),
					2024,
					Powertrain::Bev,
					Some(900_000),
				),
				// Leased to Dave (see [`demo_leasing`]).
				(
					manufacturer.clone(),
					b"5YJ3E1EA4RF000006".to_vec(),
					manufacturer.clone(),
					2025,
					Powertrain::Bev,
					Some(75_000),
				),
			],
			// The manufacturer's captive finance arm leases its cars out.
			lenders: vec![manufacturer],
			// Car 0's primary ECU, which reports its software installations.
			devices: vec![(0, road_account(ECU_0))],
		},
		service_book: ServiceBookConfig {
			workshops: vec![(
				workshop.clone(),
				b"Demo Garage".to_vec(),
				vec![b"ISO 9001".to_vec()]
			)],
			records: vec![
				(
					0,
					workshop.clone(),
					15_000,
					RecordKind::Maintenance,
					[1; 32],
					b"ipfs://service-15000".to_vec()
				),
				(
					0,
					workshop,
					30_000,
					RecordKind::Inspection { passed: true },
					[2; 32],
					b"ipfs://inspection-30000".to_vec(),
				),
			],
			readings: vec![(0, 31_000), (0, 12_000), (5, 1_200)],
		},
		usage_insurance: UsageInsuranceConfig {
			insurers: vec![(insurer.clone(), b"V2X Mutual".to_vec(), 10_000 * UNIT)],
			products: vec![(insurer, demo_product_terms())],
			policies: vec![(Sr25519Keyring::Alice.to_account_id(), 0, 0, 100 * UNIT)],
		},
		shared_charging: demo_charging(),
		car_sharing: CarSharingConfig { coops: vec![demo_coop()] },
		road_usage: demo_road_usage(),
		usage_leasing: demo_leasing(),
		freight: demo_freight(),
		software_updates: demo_software_updates(),
		data_marketplace: DataMarketplaceConfig {
			listings: vec![GenesisListing {
				vehicle: 0,
				category: DataCategory::Battery,
				price: 5 * UNIT,
				duration: 7 * DAYS,
				terms_hash: [3; 32],
				allow_list: None,
			}],
		},
	})
}

/// Charlie's stash account is the charge point operator. Charger 0 is public, with
/// time-of-use tariff 0: 0.40 V2X per kWh from 08:00 to 20:00 UTC, 0.20 V2X at night; its
/// meter is Dave's stash account. Charger 1 is a residence's shared charger for its members
/// Alice and Bob, on tariff 1 (0.25 V2X per kWh plus 0.10 V2X a session); its meter is Eve's
/// stash account. Both meters are recorded as accepted: genesis is the operator's and the
/// meters' joint setup, so it stands for the meter's own `accept_charger_meter`.
fn demo_charging() -> SharedChargingConfig {
	let operator = Sr25519Keyring::CharlieStash.to_account_id();
	let energy = |price_per_kwh: u128, restrictions: TariffRestrictions| TariffElement {
		prices: PriceComponents { energy_per_kwh: Some(price_per_kwh), ..Default::default() },
		restrictions,
	};
	let day = TariffRestrictions {
		start_minute: Some(8 * 60),
		end_minute: Some(20 * 60),
		..Default::default()
	};
	let time_of_use =
		vec![energy(400 * MILLI_UNIT, day), energy(200 * MILLI_UNIT, Default::default())];
	let residence = vec![TariffElement {
		prices: PriceComponents {
			energy_per_kwh: Some(250 * MILLI_UNIT),
			flat: Some(100 * MILLI_UNIT),
			..Default::default()
		},
		restrictions: Default::default(),
	}];
	let charger =
		|device: Sr25519Keyring, location: &str, access, tariff, members| GenesisCharger {
			operator: operator.clone(),
			device: device.to_account_id(),
			location: location.into(),
			max_power_kw: 22,
			connector: Connector::Type2,
			bidirectional: false,
			access,
			tariff,
			members,
		};
	SharedChargingConfig {
		tariffs: vec![(operator.clone(), time_of_use), (operator.clone(), residence)],
		chargers: vec![
			charger(Sr25519Keyring::DaveStash, "u0yjjd6", AccessRule::Public, 0, vec![]),
			charger(
				Sr25519Keyring::EveStash,
				"u0yjjd7",
				AccessRule::Members,
				1,
				vec![
					(Sr25519Keyring::Alice.to_account_id(), None),
					(Sr25519Keyring::Bob.to_account_id(), None),
				],
			),
		],
	}
}

/// What the demo co-op's account starts with.
const DEMO_COOP_RESERVE: Balance = 100 * UNIT;

/// The account of co-op 0, derived by the car-sharing pallet (nobody holds its key).
fn demo_coop_account() -> AccountId {
	<Runtime as pallet_car_sharing::Config>::PalletId::get().into_sub_account_truncating(0u32)
}

/// Co-op 0, "Neighbours' Car Share", owns vehicle 2. Bob (50 shares, also its fleet manager),
/// Charlie (30) and Dave (20) are its members; Eve assesses disputed damage claims. Members
/// pay 2 V2X an hour plus 0.1 V2X a km, others 4 V2X plus 0.2 V2X, and every renter leaves a
/// 50 V2X damage deposit. Half the shares must vote, two thirds of them must agree to sell a
/// car or change prices; 10% of the income stays in the reserve; cancelling less than an hour
/// before the start costs 20% of the held price.
fn demo_coop() -> GenesisCoop<AccountId, Balance, crate::BlockNumber> {
	let (bob, charlie, dave) = (
		Sr25519Keyring::Bob.to_account_id(),
		Sr25519Keyring::Charlie.to_account_id(),
		Sr25519Keyring::Dave.to_account_id(),
	);
	GenesisCoop {
		name: b"Neighbours' Car Share".to_vec(),
		rules: CoopRules {
			quorum: Perbill::from_percent(50),
			supermajority: Perbill::from_percent(67),
			reserve: Perbill::from_percent(10),
			free_cancellation: crate::HOURS,
			late_cancellation_fee: Perbill::from_percent(20),
		},
		pricing: Pricing {
			member: Rate { per_hour: 2 * UNIT, per_km: UNIT / 10 },
			renter: Rate { per_hour: 4 * UNIT, per_km: UNIT / 5 },
			damage_deposit: 50 * UNIT,
		},
		founders: vec![(bob.clone(), 50), (charlie, 30), (dave, 20)],
		fleet_manager: bob,
		assessor: Sr25519Keyring::Eve.to_account_id(),
		vehicles: vec![2],
	}
}

/// What each account of the road-usage cast starts with.
const ROAD_ENDOWMENT: Balance = 100_000 * UNIT;

/// The road-usage cast's sr25519 keys, from the dev seed phrase with these paths (add them to
/// Polkadot.js apps by their URI): the toll charger `//TollCharger`, the toll service provider
/// `//TollProvider`, the hauliers `//HaulierA` and `//HaulierB` and the gantries `//Gantry1`
/// and `//Gantry2`.
const TOLL_CHARGER: [u8; 32] = polkadot_sdk::sp_core::hex2array!(
	"2ebd01922a7c878d764904ad10599bdd1e675ae3ceca2da545c7b4a04fc88e09"
);
const TOLL_PROVIDER: [u8; 32] = polkadot_sdk::sp_core::hex2array!(
	"4205ce3e77db639dcc32cb07aae43dcc1a85c9ae9c806c785568c53d00ccbd68"
);
const HAULIER_A: [u8; 32] = polkadot_sdk::sp_core::hex2array!(
	"60eade808b2663daaa3f99749b39528a9bd1df34da9452e33add894465c1bf6a"
);
const HAULIER_B: [u8; 32] = polkadot_sdk::sp_core::hex2array!(
	"ace4bf0bda0d14da1fee6e015e61ca8bb3dbc49dbbb2aebfbb4452d951297f50"
);
const GANTRY_1: [u8; 32] = polkadot_sdk::sp_core::hex2array!(
	"38004d9950c91a9d977a6e9e5d1db04eb2095bb43c2668b67b3acb626a80b318"
);
const GANTRY_2: [u8; 32] = polkadot_sdk::sp_core::hex2array!(
	"b6160fe94d5c42cbf88eae34d393cd80ca33a79e70610611b92143e83d63871b"
);

fn road_account(public: [u8; 32]) -> AccountId {
	AccountId::new(public)
}

/// The toll charger "Alpine Motorways" runs context 0, the gantries of the A13 Brenner
/// motorway (per passage: 8 V2X a car, class 1; 25 V2X a truck, class 2; gantries 1 and 2),
/// and context 1, the Tyrol truck toll network (per km, class 2: 0.30 V2X by day, band 0;
/// 0.40 V2X at night, band 1). "V2X Toll Services" is the approved provider with a 1 000 V2X
/// bond; it serves Alice's vehicle 0 (50 V2X prepaid for direct passages) and the trucks 3
/// and 4. Truck 3 (HaulierA) leads a platoon that truck 4 (HaulierB) follows: the follower
/// saves an estimated 0.20 V2X of energy a km and pays the leader half of it, with 1 000 km
/// (100 V2X) in escrow.
fn demo_road_usage() -> RoadUsageConfig {
	let charger = road_account(TOLL_CHARGER);
	let provider = road_account(TOLL_PROVIDER);
	let price = |class, band, price| TariffPrice { class, band, price };
	RoadUsageConfig {
		chargers: vec![(charger.clone(), b"Alpine Motorways".to_vec())],
		providers: vec![(provider.clone(), b"V2X Toll Services".to_vec(), 1_000 * UNIT)],
		contexts: vec![
			GenesisContext {
				charger: charger.clone(),
				domain: b"A13 Brenner motorway".to_vec(),
				kind: ChargeKind::Passage,
				prices: vec![price(1, 0, 8 * UNIT), price(2, 0, 25 * UNIT)],
				gantries: vec![road_account(GANTRY_1), road_account(GANTRY_2)],
			},
			GenesisContext {
				charger,
				domain: b"Tyrol truck toll network".to_vec(),
				kind: ChargeKind::Distance,
				prices: vec![price(2, 0, 300 * MILLI_UNIT), price(2, 1, 400 * MILLI_UNIT)],
				gantries: vec![],
			},
		],
		subscriptions: vec![(0, provider.clone()), (3, provider.clone()), (4, provider)],
		prepaid: vec![(0, 50 * UNIT)],
		platoons: vec![GenesisPlatoon {
			leader: 3,
			payee: road_account(HAULIER_A),
			rule: PlatoonRule {
				saving_per_km: 200 * MILLI_UNIT,
				leader_share: Perbill::from_percent(50),
			},
			followers: vec![(4, road_account(HAULIER_B), 1_000)],
		}],
	}
}

/// A day's cover: 1 V2X plus 2 milli-V2X per km, surcharges for harsh braking (0.1 V2X),
/// speeding (0.2 V2X) and night km (1 milli-V2X each); 500 V2X deductible, 20 000 V2X cover.
/// Ferdie, as its captive finance arm (an approved lender), leases vehicle 5, a new BEV with
/// 1 200 km on its odometer, to Dave for 36 monthly periods: 300 V2X a month with 1 250 km
/// included, 0.10 V2X for each km beyond, 5 days of grace and 10 days of notice before a
/// default, and 18 000 V2X to buy the car.
fn demo_leasing() -> UsageLeasingConfig {
	UsageLeasingConfig {
		leases: vec![(
			5,
			Sr25519Keyring::Dave.to_account_id(),
			LeaseTerms {
				base_fee: 300 * UNIT,
				price_per_km: 100 * MILLI_UNIT,
				included_km: 1_250,
				period_length: 30 * DAYS,
				periods: 36,
				grace: 5 * DAYS,
				notice: 10 * DAYS,
				purchase_price: 18_000 * UNIT,
			},
		)],
	}
}

/// Bob ships a pallet of vaccines (2-8 °C) to Dave's pharmacy, with 500 V2X held for the
/// carrier until the 2-day claim window after delivery has passed. HaulierA, the contracting
/// carrier, runs the first leg (Bob's warehouse to the Brenner hub) and has taken custody: the
/// shipment is in transit, loaded on truck 3. HaulierB runs the second leg (the hub to the
/// pharmacy). Shipment 0; GS1 location numbers are examples.
fn demo_freight() -> FreightConfig {
	let haulier_a = road_account(HAULIER_A);
	let warehouse = *b"4012345000009";
	let hub = *b"9012345000004";
	let pharmacy = *b"4098765000002";
	FreightConfig {
		shipments: vec![GenesisShipment {
			shipper: Sr25519Keyring::Bob.to_account_id(),
			carrier: haulier_a.clone(),
			consignee: Sr25519Keyring::Dave.to_account_id(),
			kind: UnitKind::Pallet,
			legs: vec![
				Leg { carrier: haulier_a.clone(), from: warehouse, to: hub },
				Leg { carrier: road_account(HAULIER_B), from: hub, to: pharmacy },
			],
			condition: Some(ConditionSpec { min: 20, max: 80 }),
			escrow: 500 * UNIT,
			document: [0xec; 32].into(),
			claim_window: 2 * DAYS,
			custodian: haulier_a,
			vehicle: Some(3),
		}],
	}
}

fn demo_product_terms() -> ProductTerms<crate::Balance, crate::BlockNumber> {
	ProductTerms {
		base_premium: UNIT,
		rate_per_km: 2 * MILLI_UNIT,
		surcharges: RiskSurcharges {
			harsh_braking: UNIT / 10,
			speeding: UNIT / 5,
			night_km: MILLI_UNIT,
		},
		period_length: DAYS,
		deductible: 500 * UNIT,
		max_cover: 20_000 * UNIT,
		terms_hash: [7; 32],
	}
}

/// Four validators (Alice, Bob, Charlie, Dave), the council (Alice, Bob, Charlie), Alice is
/// sudo, the dev accounts are funded.
pub fn local_testnet_genesis() -> Value {
	network_genesis(
		local_validators(),
		dev_council(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		dev_accounts(),
	)
}

/// A consortium launch: no sudo key, so only council motions govern; no demo data. The
/// validators (their accounts and session keys), council seats and balances here are the
/// well-known dev ones and must be replaced in the chain spec before a real launch
/// (`docs/governance.md`, "Launching a production chain").
pub fn production_genesis() -> Value {
	let council = dev_council();
	let endowed = council.iter().map(|member| (member.clone(), 1_000 * UNIT)).collect();
	network_genesis(local_validators(), council, None, endowed)
}

/// The JSON genesis patch of a preset, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		PRODUCTION_RUNTIME_PRESET => production_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(PRODUCTION_RUNTIME_PRESET),
	]
}

/// What car 0's primary ECU starts with: fees and its report deposit.
const ECU_ENDOWMENT: Balance = 100 * UNIT;
/// `//Ecu0`: car 0's primary ECU.
const ECU_0: [u8; 32] = polkadot_sdk::sp_core::hex2array!(
	"c027a8357e02c91a934949205b7476a67ea9973f8482e7b99d5b68fc7fc66142"
);
/// `//OtaRoot`, `//OtaTargets` and `//OtaDirector`: the demo repository's offline keys (one a
/// role; a real manufacturer uses several, `threshold` of them signing).
const OTA_ROOT: [u8; 32] = polkadot_sdk::sp_core::hex2array!(
	"d29a861c608fd44bcf20520deb11192c70836a9837d79d9f32cd94dd5f16db7a"
);
const OTA_TARGETS: [u8; 32] = polkadot_sdk::sp_core::hex2array!(
	"6855f82b4916c90cd87aaf43a32b8f0fcfc97d6615b6ea9af2c34741b9c91609"
);
const OTA_DIRECTOR: [u8; 32] = polkadot_sdk::sp_core::hex2array!(
	"fe39e7973e957220e50b2466ebf9d0089589a7cb07db395dc2830ea8c6a5de0a"
);

/// The most keys a role of a repository has.
type OtaMaxKeys = <Runtime as pallet_software_updates::Config>::MaxKeys;

/// A role of the demo repository: one key, which alone signs.
fn ota_role(key: [u8; 32]) -> RoleKeys<AccountId, OtaMaxKeys> {
	RoleKeys { keys: BoundedVec::truncate_from(vec![road_account(key)]), threshold: 1 }
}

/// Bytes as a bounded vector; the preset's texts fit their bounds.
fn bounded<S: Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(bytes.to_vec())
}

/// Ferdie's ("V2X Demo Motors") image repository, valid a year: root version 1 with one key a
/// role (see the keys above); two images, release 3 of the battery management firmware
/// `bms-fw` for hardware `bms-a1` and release 7 of the camera firmware `adas-fw` for
/// `adas-cam-2`; campaign 0 installs both on every "5YJ3E1EA" car (vehicles 0, 2 and 5) within
/// 90 days, giving RXSWIN `R156-5YJ3-2026.11`. Car 0's primary ECU reported the installation
/// (report 0, salt `[0x5a; 32]`) and Alice revealed it, so car 0's passport shows the RXSWIN.
fn demo_software_updates() -> SoftwareUpdatesConfig {
	let manufacturer = Sr25519Keyring::Ferdie.to_account_id();
	let bms = (bounded(b"bms-a1"), bounded(b"bms-fw"), H256::repeat_byte(0xb1));
	let adas = (bounded(b"adas-cam-2"), bounded(b"adas-fw"), H256::repeat_byte(0xa7));
	let image = |(hardware, name, hash): &(HardwareId, ImageName, H256),
	             length,
	             release_counter| TargetInput {
		name: name.clone(),
		length,
		hash: *hash,
		hardware_ids: BoundedVec::truncate_from(vec![hardware.clone()]),
		release_counter,
	};
	let target = |(hardware, name, hash): &(HardwareId, ImageName, H256)| CampaignTarget {
		hardware_id: hardware.clone(),
		name: name.clone(),
		hash: *hash,
	};
	SoftwareUpdatesConfig {
		repositories: vec![(
			manufacturer.clone(),
			RootMetadata {
				version: 1,
				expires_at: 365 * DAYS,
				root: ota_role(OTA_ROOT),
				targets: ota_role(OTA_TARGETS),
				director: ota_role(OTA_DIRECTOR),
			},
		)],
		images: vec![
			(manufacturer.clone(), image(&bms, 1_048_576, 3)),
			(manufacturer.clone(), image(&adas, 8_388_608, 7)),
		],
		campaigns: vec![(
			manufacturer,
			CampaignInput {
				targets: BoundedVec::truncate_from(vec![target(&bms), target(&adas)]),
				vehicles: BoundedVec::truncate_from(vec![VehicleSelector {
					model: bounded(b"5YJ3E1EA"),
					serials: None,
				}]),
				rxswin: bounded(b"R156-5YJ3-2026.11"),
				expires_at: 90 * DAYS,
			},
		)],
		reports: vec![GenesisReport {
			vehicle: 0,
			device: road_account(ECU_0),
			salt: [0x5a; 32],
			manifest: Manifest {
				campaign: Some(0),
				images: BoundedVec::truncate_from(vec![(bms.0, bms.2), (adas.0, adas.2)]),
			},
			revealed: true,
		}],
	}
}

//! Software updates: root metadata of the wrong version, already expired or with invalid
//! roles (no keys, a threshold of 0 or above the keys, a key twice, a revoked key); signatures
//! by a key twice, over another payload or a stale nonce; delegations without a name, keys or
//! hardware, or expiring now, before or after the root; images without a name, of length 0,
//! without hardware ids or with one twice, with a hash already stored, a release counter not
//! above the newest (Uptane rollback protection), outside the delegation or of an unknown one;
//! campaigns without images, vehicles or an RXSWIN, with a hardware id twice, expiring outside
//! the root's life, of images not in the repository, for other hardware, signed by a revoked
//! delegation or superseded; reports committed twice; reveals of unknown reports, with the
//! wrong salt, or of manifests that are empty, list a hardware id twice, name images not in the
//! repository or for other hardware, an unknown campaign, one the car is not in, or only part
//! of a campaign's bundle or a mix of it with other images. Each by the role that may make the
//! call (Dave relays signed metadata), with valid signatures for everything but what is wrong.

use super::{assert_bound, check_rows, row, UNKNOWN};
use crate::{
	tests::{
		account,
		authorization::{
			software_updates::{
				campaign, commitment, hardware, hash, image, maker, manifest, ota_base, role,
				root_v2, sigs, supplier_delegation, tcu_campaign, ADAS, BASE_NONCE, BMS, CAMPAIGN,
				DIRECTOR, DIRECTOR2, REPORT, RETIRED, ROOT, ROOT2, ROOT_EXPIRES, SALT, SUPPLIER,
				TARGETS, TARGETS2, TCU1, TCU2,
			},
			succeeds, Role,
		},
		dev_chain,
		road_keys::account_of,
		run_to_block, signed,
	},
	AccountId, Runtime, RuntimeCall, RuntimeOrigin, SoftwareUpdates, VehicleIdentity,
};
use pallet_software_updates::{
	Call, CampaignInputOf, DelegationInputOf, Error, ImageSigner, Manifest, ManifestOf,
	Repositories, RootMetadata, RootOf, TargetInputOf,
};
use polkadot_sdk::{
	frame_support::{assert_ok, BoundedVec},
	sp_core::H256,
	sp_keyring::Sr25519Keyring::{Alice, Bob, Dave, Ferdie, FerdieStash},
};
use v2x_primitives::VehicleId;

type E = Error<Runtime>;

/// The block the rows run at.
const NOW: u32 = 10;
/// The repository's nonce after the setup: OTA_BASE's 3, delegation 1 and its withdrawal.
const NONCE: u32 = BASE_NONCE + 2;
const NEXT: u32 = NONCE + 1;
/// Bob's car, of another model than campaign 0's and 1's, and its device.
const BOBS_CAR: VehicleId = 1;
const ECU1: &str = "//Ecu1";
/// `bms-fw` release 4 (supersedes the preset's release 3, which campaign 0 lists) and the
/// image of the withdrawn delegation 1.
const BMS4: u8 = 0xb4;
const CAL: u8 = 0xad;
/// The runtime's `MaxKeys`.
const MAX_KEYS: usize = 8;

const TARGETS_KEYS: &[&str] = &[TARGETS, TARGETS2];
const DIRECTOR_KEYS: &[&str] = &[DIRECTOR, DIRECTOR2];
const ROOT_KEYS: &[&str] = &[ROOT, ROOT2];

fn relay() -> RuntimeOrigin {
	signed(Dave)
}

fn ecu() -> RuntimeOrigin {
	RuntimeOrigin::signed(account_of("//Ecu0"))
}

/// Delegation 1: `adas-` images for `adas-cam-2` by `//OtaSupplier2`.
fn optics_delegation() -> DelegationInputOf<Runtime> {
	let mut input = supplier_delegation();
	input.name = BoundedVec::truncate_from(b"Optics Ltd".to_vec());
	input.keys = role(&["//OtaSupplier2"], 1);
	input.path_prefix = BoundedVec::truncate_from(b"adas-".to_vec());
	input.hardware_ids = hardware(&["adas-cam-2"]);
	input
}

/// OTA_BASE (see the matrix), then at block 10: FerdieStash registered as a manufacturer
/// (WMI WVW, no repository); the targets role adds `bms-fw` release 4;
/// delegation 1 to `//OtaSupplier2`, which adds `adas-cal` release 1, then is withdrawn; Bob
/// binds `//Ecu1` to his car.
fn setup() {
	ota_base();
	run_to_block(NOW);
	assert_ok!(VehicleIdentity::register_manufacturer(
		RuntimeOrigin::root(),
		account(FerdieStash),
		BoundedVec::truncate_from(b"Other Motors".to_vec()),
		BoundedVec::truncate_from(vec![*b"WVW"]),
	));
	assert_ok!(crate::Balances::force_set_balance(
		RuntimeOrigin::root(),
		account_of(ECU1).into(),
		10 * crate::UNIT
	));
	let relay = Role::Relay;
	succeeds(relay, add(image("bms-fw", "bms-a1", BMS4, 4), ImageSigner::Targets, TARGETS_KEYS));
	let input = optics_delegation();
	let payload = SoftwareUpdates::delegate_payload(&maker(), BASE_NONCE + 1, &input);
	succeeds(
		relay,
		Call::delegate { manufacturer: maker(), input, signatures: sigs(TARGETS_KEYS, &payload) },
	);
	succeeds(
		relay,
		add(
			image("adas-cal", "adas-cam-2", CAL, 1),
			ImageSigner::Delegation(1),
			&["//OtaSupplier2"],
		),
	);
	let payload = SoftwareUpdates::revoke_delegation_payload(&maker(), NONCE, 1);
	succeeds(
		relay,
		Call::revoke_delegation {
			manufacturer: maker(),
			id: 1,
			signatures: sigs(TARGETS_KEYS, &payload),
		},
	);
	assert_eq!(Repositories::<Runtime>::get(maker()).unwrap().nonce, NONCE);
	assert_ok!(VehicleIdentity::bind_device(signed(Bob), BOBS_CAR, account_of(ECU1)));
	assert_ok!(VehicleIdentity::accept_device_binding(
		RuntimeOrigin::signed(account_of(ECU1)),
		BOBS_CAR
	));
}

fn add(target: TargetInputOf<Runtime>, signer: ImageSigner, keys: &[&str]) -> Call<Runtime> {
	let payload = SoftwareUpdates::target_payload(&maker(), &target);
	Call::add_target { manufacturer: maker(), target, signer, signatures: sigs(keys, &payload) }
}

/// `tcu-fw` release 3 for `tcu-1`, changed by `change`, signed by the targets role.
fn add_tcu(change: impl FnOnce(&mut TargetInputOf<Runtime>)) -> Call<Runtime> {
	let mut target = image("tcu-fw", "tcu-1", 0xc3, 3);
	change(&mut target);
	add(target, ImageSigner::Targets, TARGETS_KEYS)
}

/// Root version 3 (the version 2 keys but the retired one, expiring at 1 000), changed.
fn root_v3(change: impl FnOnce(&mut RootOf<Runtime>)) -> RootOf<Runtime> {
	let mut root = root_v2();
	root.version = 3;
	root.expires_at = 1_000;
	root.root = role(ROOT_KEYS, 2);
	root.targets = role(TARGETS_KEYS, 2);
	root.director = role(DIRECTOR_KEYS, 2);
	change(&mut root);
	root
}

/// A rotation to `root`, signed by `old` and by its own root keys `new`.
fn rotate(root: RootOf<Runtime>, old: &[&str], new: &[&str]) -> Call<Runtime> {
	let payload = SoftwareUpdates::root_payload(&maker(), &root);
	Call::rotate_root {
		manufacturer: maker(),
		new_root: root,
		old_signatures: sigs(old, &payload),
		new_signatures: sigs(new, &payload),
	}
}

/// FerdieStash's first root (he has no repository), changed, self-signed by `//OtherRoot`.
fn create(change: impl FnOnce(&mut RootOf<Runtime>)) -> Call<Runtime> {
	let mut root = RootMetadata {
		version: 1,
		expires_at: 1_000,
		root: role(&["//OtherRoot"], 1),
		targets: role(&["//OtherTargets"], 1),
		director: role(&["//OtherDirector"], 1),
	};
	change(&mut root);
	let payload = SoftwareUpdates::root_payload(&account(FerdieStash), &root);
	Call::create_repository { root, signatures: sigs(&["//OtherRoot"], &payload) }
}

fn delegate(change: impl FnOnce(&mut DelegationInputOf<Runtime>)) -> Call<Runtime> {
	let mut input = optics_delegation();
	input.keys = role(&["//OtaSupplier3"], 1);
	change(&mut input);
	let payload = SoftwareUpdates::delegate_payload(&maker(), NEXT, &input);
	Call::delegate { manufacturer: maker(), input, signatures: sigs(TARGETS_KEYS, &payload) }
}

/// Campaign 2: `adas-fw` 7 for "5YJ3E1EA" cars until block 300, changed, signed by the
/// director role.
fn create_campaign(change: impl FnOnce(&mut CampaignInputOf<Runtime>)) -> Call<Runtime> {
	let mut input = campaign(&[("adas-cam-2", "adas-fw", ADAS)], b"R156-ADAS-7", 300);
	change(&mut input);
	let payload = SoftwareUpdates::campaign_payload(&maker(), NEXT, &input);
	Call::create_campaign {
		manufacturer: maker(),
		input,
		signatures: sigs(DIRECTOR_KEYS, &payload),
	}
}

fn targets(list: &[(&str, &str, u8)]) -> impl FnOnce(&mut CampaignInputOf<Runtime>) {
	let targets = campaign(list, b"x", 300).targets;
	move |input| input.targets = targets
}

fn revoke_key(key: AccountId, nonce: u32) -> Call<Runtime> {
	let payload = SoftwareUpdates::revoke_key_payload(&maker(), nonce, &key);
	Call::revoke_key { manufacturer: maker(), key, signatures: sigs(ROOT_KEYS, &payload) }
}

fn images(
	list: &[(&str, u8)],
) -> BoundedVec<
	(pallet_software_updates::HardwareId, H256),
	<Runtime as pallet_software_updates::Config>::MaxEcus,
> {
	BoundedVec::truncate_from(
		list.iter()
			.map(|(hw, byte)| (BoundedVec::truncate_from(hw.as_bytes().to_vec()), hash(*byte)))
			.collect(),
	)
}

/// `vehicle`'s device commits to `manifest` (salt [`SALT`]); returns the report's index.
fn commit(device: &str, vehicle: VehicleId, manifest: &ManifestOf<Runtime>) -> u32 {
	let commitment = SoftwareUpdates::report_commitment(vehicle, &SALT, manifest);
	assert_ok!(SoftwareUpdates::report_installation(
		RuntimeOrigin::signed(account_of(device)),
		vehicle,
		commitment
	));
	pallet_software_updates::Reports::<Runtime>::get(vehicle).unwrap().next - 1
}

fn reveal(vehicle: VehicleId, report: u32, manifest: ManifestOf<Runtime>) -> Call<Runtime> {
	Call::reveal_report { vehicle, report, salt: SALT, manifest }
}

#[test]
fn software_updates_refuse_bad_input_with_typed_errors() {
	dev_chain(|| {
		setup();
		let (ferdie, stash, alice) = (|| signed(Ferdie), || signed(FerdieStash), || signed(Alice));
		let unknown = UNKNOWN;
		let stranger = account(Alice);
		let mut rows = vec![
			// Repositories (a manufacturer, FerdieStash, for his own).
			row("a first root of version 2", stash(), create(|r| r.version = 2), E::WrongVersion),
			row("a first root of version 0", stash(), create(|r| r.version = 0), E::WrongVersion),
			row("a root expiring now", stash(), create(|r| r.expires_at = NOW), E::AlreadyExpired),
			row(
				"a root expired at block 0",
				stash(),
				create(|r| r.expires_at = 0),
				E::AlreadyExpired,
			),
			row(
				"a root role of no keys",
				stash(),
				create(|r| r.root = role(&[], 1)),
				E::InvalidRole,
			),
			row(
				"a root role with threshold 0",
				stash(),
				create(|r| r.root.threshold = 0),
				E::InvalidRole,
			),
			row(
				"a targets role with threshold above its keys",
				stash(),
				create(|r| r.targets.threshold = 2),
				E::InvalidRole,
			),
			row(
				"a director role with a key twice",
				stash(),
				create(|r| r.director = role(&["//OtherDirector", "//OtherDirector"], 1)),
				E::InvalidRole,
			),
			row(
				"a director role of threshold u32::MAX",
				stash(),
				create(|r| r.director.threshold = u32::MAX),
				E::InvalidRole,
			),
			row(
				"a root signed by its key twice",
				stash(),
				{
					let mut call = create(|_| ());
					if let Call::create_repository { signatures, .. } = &mut call {
						let first = signatures[0].clone();
						signatures.try_push(first).unwrap();
					}
					call
				},
				E::DuplicateSignature,
			),
			row(
				"a root signed for another manufacturer",
				stash(),
				{
					let root = match create(|_| ()) {
						Call::create_repository { root, .. } => root,
						_ => unreachable!(),
					};
					let payload = SoftwareUpdates::root_payload(&maker(), &root);
					Call::create_repository { root, signatures: sigs(&["//OtherRoot"], &payload) }
				},
				E::BadSignature,
			),
			row("a second repository", ferdie(), create(|_| ()), E::RepositoryExists),
			row("a repository by no manufacturer", alice(), create(|_| ()), E::NotManufacturer),
			// Rotations (anyone signed, Dave).
			row(
				"a rotation of no repository",
				relay(),
				Call::rotate_root {
					manufacturer: stranger.clone(),
					new_root: root_v3(|_| ()),
					old_signatures: Default::default(),
					new_signatures: Default::default(),
				},
				E::UnknownRepository,
			),
			row(
				"a rotation to the current version",
				relay(),
				rotate(root_v3(|r| r.version = 2), ROOT_KEYS, ROOT_KEYS),
				E::WrongVersion,
			),
			row(
				"a rotation skipping a version",
				relay(),
				rotate(root_v3(|r| r.version = 4), ROOT_KEYS, ROOT_KEYS),
				E::WrongVersion,
			),
			row(
				"a rotation to version u32::MAX",
				relay(),
				rotate(root_v3(|r| r.version = u32::MAX), ROOT_KEYS, ROOT_KEYS),
				E::WrongVersion,
			),
			row(
				"a rotation to a root expiring now",
				relay(),
				rotate(root_v3(|r| r.expires_at = NOW), ROOT_KEYS, ROOT_KEYS),
				E::AlreadyExpired,
			),
			row(
				"a rotation to a director role of threshold 0",
				relay(),
				rotate(root_v3(|r| r.director.threshold = 0), ROOT_KEYS, ROOT_KEYS),
				E::InvalidRole,
			),
			row(
				"a rotation to a targets role of 3 of 2 keys",
				relay(),
				rotate(root_v3(|r| r.targets.threshold = 3), ROOT_KEYS, ROOT_KEYS),
				E::InvalidRole,
			),
			row(
				"a rotation to roles with the revoked key",
				relay(),
				rotate(root_v3(|r| r.targets = role(&[TARGETS, RETIRED], 1)), ROOT_KEYS, ROOT_KEYS),
				E::KeyRevoked,
			),
			row(
				"a rotation signed by an old key twice",
				relay(),
				rotate(root_v3(|_| ()), &[ROOT, ROOT], ROOT_KEYS),
				E::DuplicateSignature,
			),
			row(
				"a rotation signed by a new key twice",
				relay(),
				rotate(root_v3(|_| ()), ROOT_KEYS, &[ROOT2, ROOT2]),
				E::DuplicateSignature,
			),
			row(
				"a rotation whose old signatures are on another root",
				relay(),
				{
					let mut call = rotate(root_v3(|_| ()), ROOT_KEYS, ROOT_KEYS);
					if let Call::rotate_root { old_signatures, .. } = &mut call {
						let other = root_v3(|r| r.expires_at = 999);
						*old_signatures =
							sigs(ROOT_KEYS, &SoftwareUpdates::root_payload(&maker(), &other));
					}
					call
				},
				E::BadSignature,
			),
			// Key revocations (Dave relays the root role's signatures).
			row(
				"revoke a key in no repository",
				relay(),
				Call::revoke_key {
					manufacturer: stranger.clone(),
					key: account_of(MALLORY_KEY),
					signatures: Default::default(),
				},
				E::UnknownRepository,
			),
			row(
				"revoke the revoked key again",
				relay(),
				revoke_key(account_of(RETIRED), NEXT),
				E::KeyRevoked,
			),
			row(
				"revoke a root key the threshold needs",
				relay(),
				revoke_key(account_of(ROOT2), NEXT),
				E::WouldLockRoot,
			),
			row(
				"a revocation signed with a stale nonce",
				relay(),
				revoke_key(account_of(MALLORY_KEY), NONCE),
				E::BadSignature,
			),
			row(
				"a revocation signed with a future nonce",
				relay(),
				revoke_key(account_of(MALLORY_KEY), NEXT + 1),
				E::BadSignature,
			),
			// Delegations (Dave relays the targets role's signatures).
			row(
				"a delegation of no repository",
				relay(),
				Call::delegate {
					manufacturer: stranger.clone(),
					input: optics_delegation(),
					signatures: Default::default(),
				},
				E::UnknownRepository,
			),
			row(
				"a delegation without a name",
				relay(),
				delegate(|d| d.name = Default::default()),
				E::InvalidDelegation,
			),
			row(
				"a delegation of no keys",
				relay(),
				delegate(|d| d.keys = role(&[], 1)),
				E::InvalidDelegation,
			),
			row(
				"a delegation of threshold 0",
				relay(),
				delegate(|d| d.keys.threshold = 0),
				E::InvalidDelegation,
			),
			row(
				"a delegation with a key twice",
				relay(),
				delegate(|d| d.keys = role(&["//OtaSupplier3", "//OtaSupplier3"], 2)),
				E::InvalidDelegation,
			),
			row(
				"a delegation without hardware ids",
				relay(),
				delegate(|d| d.hardware_ids = Default::default()),
				E::InvalidDelegation,
			),
			row(
				"a delegation with a hardware id twice",
				relay(),
				delegate(|d| d.hardware_ids = hardware(&["adas-cam-2", "adas-cam-2"])),
				E::InvalidDelegation,
			),
			row(
				"a delegation to the revoked key",
				relay(),
				delegate(|d| d.keys = role(&[RETIRED], 1)),
				E::KeyRevoked,
			),
			row(
				"a delegation expiring now",
				relay(),
				delegate(|d| d.expires_at = NOW),
				E::InvalidExpiry,
			),
			row(
				"a delegation expired",
				relay(),
				delegate(|d| d.expires_at = NOW - 1),
				E::InvalidExpiry,
			),
			row(
				"a delegation outliving the root",
				relay(),
				delegate(|d| d.expires_at = ROOT_EXPIRES + 1),
				E::InvalidExpiry,
			),
			row(
				"a delegation signed with a stale nonce",
				relay(),
				{
					let input = optics_delegation();
					let payload =
						SoftwareUpdates::delegate_payload(&maker(), BASE_NONCE + 1, &input);
					Call::delegate {
						manufacturer: maker(),
						input,
						signatures: sigs(TARGETS_KEYS, &payload),
					}
				},
				E::BadSignature,
			),
			row(
				"a delegation signed by a targets key twice",
				relay(),
				{
					let mut call = delegate(|_| ());
					if let Call::delegate { signatures, .. } = &mut call {
						let mut list = signatures.clone().into_inner();
						list[1] = list[0].clone();
						*signatures = BoundedVec::truncate_from(list);
					}
					call
				},
				E::DuplicateSignature,
			),
			row(
				"withdraw an unknown delegation",
				relay(),
				Call::revoke_delegation {
					manufacturer: maker(),
					id: unknown,
					signatures: Default::default(),
				},
				E::UnknownDelegation,
			),
			row(
				"withdraw a withdrawn delegation",
				relay(),
				{
					let payload = SoftwareUpdates::revoke_delegation_payload(&maker(), NEXT, 1);
					Call::revoke_delegation {
						manufacturer: maker(),
						id: 1,
						signatures: sigs(TARGETS_KEYS, &payload),
					}
				},
				E::DelegationRevoked,
			),
			row(
				"a withdrawal signed with a stale nonce",
				relay(),
				{
					let payload = SoftwareUpdates::revoke_delegation_payload(&maker(), NONCE, 0);
					Call::revoke_delegation {
						manufacturer: maker(),
						id: 0,
						signatures: sigs(TARGETS_KEYS, &payload),
					}
				},
				E::BadSignature,
			),
			row(
				"withdraw in no repository",
				relay(),
				Call::revoke_delegation {
					manufacturer: stranger.clone(),
					id: 0,
					signatures: Default::default(),
				},
				E::UnknownRepository,
			),
			// Images (Dave relays the targets role's or a supplier's signatures).
			row(
				"an image of no repository",
				relay(),
				Call::add_target {
					manufacturer: stranger.clone(),
					target: image("tcu-fw", "tcu-1", 0xc3, 3),
					signer: ImageSigner::Targets,
					signatures: Default::default(),
				},
				E::UnknownRepository,
			),
			row(
				"an image without a name",
				relay(),
				add_tcu(|t| t.name = Default::default()),
				E::InvalidImage,
			),
			row("an image of length 0", relay(), add_tcu(|t| t.length = 0), E::InvalidImage),
			row(
				"an image without hardware ids",
				relay(),
				add_tcu(|t| t.hardware_ids = Default::default()),
				E::InvalidImage,
			),
			row(
				"an image with a hardware id twice",
				relay(),
				add_tcu(|t| t.hardware_ids = hardware(&["tcu-1", "tcu-1"])),
				E::InvalidImage,
			),
			row(
				"an image hash stored already",
				relay(),
				add_tcu(|t| t.hash = hash(TCU2)),
				E::ImageExists,
			),
			row(
				"a release counter equal to the newest",
				relay(),
				add_tcu(|t| t.release_counter = 2),
				E::ReleaseCounterNotIncreasing,
			),
			row(
				"a release counter below the newest",
				relay(),
				add_tcu(|t| t.release_counter = 1),
				E::ReleaseCounterNotIncreasing,
			),
			row(
				"a release counter of 0",
				relay(),
				add_tcu(|t| t.release_counter = 0),
				E::ReleaseCounterNotIncreasing,
			),
			row(
				"a release new for one hardware id and old for the other",
				relay(),
				add_tcu(|t| {
					t.hardware_ids = hardware(&["tcu-2", "tcu-1"]);
					t.release_counter = 2;
				}),
				E::ReleaseCounterNotIncreasing,
			),
			row(
				"an image of an unknown delegation",
				relay(),
				add(
					image("bms-boot", "bms-a1", 0xbc, 2),
					ImageSigner::Delegation(unknown),
					&[SUPPLIER],
				),
				E::UnknownDelegation,
			),
			row(
				"an image of a withdrawn delegation",
				relay(),
				add(
					image("adas-cal", "adas-cam-2", 0xae, 2),
					ImageSigner::Delegation(1),
					&["//OtaSupplier2"],
				),
				E::DelegationRevoked,
			),
			row(
				"a supplier's image outside its name prefix",
				relay(),
				add(image("tcu-boot", "bms-a1", 0xbc, 2), ImageSigner::Delegation(0), &[SUPPLIER]),
				E::OutsideDelegation,
			),
			row(
				"a supplier's image for other hardware",
				relay(),
				add(image("bms-boot", "bms-b2", 0xbc, 2), ImageSigner::Delegation(0), &[SUPPLIER]),
				E::OutsideDelegation,
			),
			row(
				"an image whose length the relay changed",
				relay(),
				{
					let target = image("tcu-fw", "tcu-1", 0xc3, 3);
					let payload = SoftwareUpdates::target_payload(&maker(), &target);
					let mut changed = target;
					changed.length += 1;
					Call::add_target {
						manufacturer: maker(),
						target: changed,
						signer: ImageSigner::Targets,
						signatures: sigs(TARGETS_KEYS, &payload),
					}
				},
				E::BadSignature,
			),
			// Pruning (Ferdie).
			row(
				"prune an unknown image",
				ferdie(),
				Call::prune_image { hash: hash(0x99) },
				E::UnknownImage,
			),
			row(
				"prune the newest release",
				ferdie(),
				Call::prune_image { hash: hash(TCU2) },
				E::StillLatest,
			),
			row(
				"prune a superseded image campaign 0 lists",
				ferdie(),
				Call::prune_image { hash: hash(BMS) },
				E::InCampaign,
			),
			row(
				"prune in no repository",
				alice(),
				Call::prune_image { hash: hash(TCU1) },
				E::UnknownRepository,
			),
			// Campaigns (Dave relays the director role's signatures).
			row(
				"a campaign of no repository",
				relay(),
				Call::create_campaign {
					manufacturer: stranger.clone(),
					input: campaign(&[("adas-cam-2", "adas-fw", ADAS)], b"x", 300),
					signatures: Default::default(),
				},
				E::UnknownRepository,
			),
			row(
				"a campaign of no images",
				relay(),
				create_campaign(|c| c.targets = Default::default()),
				E::InvalidCampaign,
			),
			row(
				"a campaign for no vehicles",
				relay(),
				create_campaign(|c| c.vehicles = Default::default()),
				E::InvalidCampaign,
			),
			row(
				"a campaign without an RXSWIN",
				relay(),
				create_campaign(|c| c.rxswin = Default::default()),
				E::InvalidCampaign,
			),
			row(
				"a campaign with a hardware id twice",
				relay(),
				create_campaign(targets(&[
					("adas-cam-2", "adas-fw", ADAS),
					("adas-cam-2", "adas-fw", ADAS),
				])),
				E::DuplicateHardware,
			),
			row(
				"a campaign expiring now",
				relay(),
				create_campaign(|c| c.expires_at = NOW),
				E::InvalidExpiry,
			),
			row(
				"a campaign outliving the root",
				relay(),
				create_campaign(|c| c.expires_at = ROOT_EXPIRES + 1),
				E::InvalidExpiry,
			),
			row(
				"a campaign of an image not in the repository",
				relay(),
				create_campaign(targets(&[("adas-cam-2", "adas-fw", 0x66)])),
				E::ImageNotInRepository,
			),
			row(
				"a campaign naming a stored image by another name",
				relay(),
				create_campaign(targets(&[("adas-cam-2", "adas-fw2", ADAS)])),
				E::ImageNotInRepository,
			),
			row(
				"a campaign of an image for other hardware",
				relay(),
				create_campaign(targets(&[("bms-a1", "adas-fw", ADAS)])),
				E::HardwareMismatch,
			),
			row(
				"a campaign of a withdrawn delegation's image",
				relay(),
				create_campaign(targets(&[("adas-cam-2", "adas-cal", CAL)])),
				E::ImageRevoked,
			),
			row(
				"a campaign of a superseded release",
				relay(),
				create_campaign(targets(&[("bms-a1", "bms-fw", BMS)])),
				E::Superseded,
			),
			row(
				"a campaign of the first tcu release",
				relay(),
				create_campaign(targets(&[("tcu-1", "tcu-fw", TCU1)])),
				E::Superseded,
			),
			row(
				"campaign 1's signatures replayed",
				relay(),
				{
					let input = tcu_campaign();
					let payload = SoftwareUpdates::campaign_payload(&maker(), BASE_NONCE, &input);
					Call::create_campaign {
						manufacturer: maker(),
						input,
						signatures: sigs(DIRECTOR_KEYS, &payload),
					}
				},
				E::BadSignature,
			),
			row(
				"cancel an unknown campaign",
				relay(),
				Call::cancel_campaign {
					manufacturer: maker(),
					id: unknown,
					signatures: Default::default(),
				},
				E::UnknownCampaign,
			),
			row(
				"cancel in no repository",
				relay(),
				Call::cancel_campaign {
					manufacturer: stranger.clone(),
					id: 0,
					signatures: Default::default(),
				},
				E::UnknownRepository,
			),
			row(
				"a cancellation signed with a stale nonce",
				relay(),
				{
					let payload =
						SoftwareUpdates::cancel_campaign_payload(&maker(), NONCE, CAMPAIGN);
					Call::cancel_campaign {
						manufacturer: maker(),
						id: CAMPAIGN,
						signatures: sigs(DIRECTOR_KEYS, &payload),
					}
				},
				E::BadSignature,
			),
			row(
				"remove an unknown campaign",
				ferdie(),
				Call::remove_campaign { id: unknown },
				E::UnknownCampaign,
			),
			row(
				"remove a live campaign",
				ferdie(),
				Call::remove_campaign { id: 0 },
				E::CampaignLive,
			),
			// Reports (car 0's ECU) and reveals (Alice).
			row(
				"a report committed already",
				ecu(),
				Call::report_installation { vehicle: 0, commitment: commitment() },
				E::DuplicateReport,
			),
			row(
				"a report for an unknown vehicle",
				ecu(),
				Call::report_installation { vehicle: u64::from(unknown), commitment: H256::zero() },
				E::NotVehicleDevice,
			),
			row(
				"reveal an unknown vehicle's report",
				alice(),
				reveal(u64::from(unknown), 0, manifest()),
				E::NotOwner,
			),
			row("reveal an unknown report", alice(), reveal(0, 99, manifest()), E::UnknownReport),
			row(
				"reveal with another salt",
				alice(),
				{
					Call::reveal_report {
						vehicle: 0,
						report: REPORT,
						salt: [8; 32],
						manifest: manifest(),
					}
				},
				E::CommitmentMismatch,
			),
			row(
				"reveal another manifest than committed",
				alice(),
				reveal(0, REPORT, Manifest { campaign: None, images: manifest().images }),
				E::CommitmentMismatch,
			),
			row(
				"reveal report 1 as report 0",
				alice(),
				reveal(0, 0, manifest()),
				E::CommitmentMismatch,
			),
		];
		println!("software updates: {} rows before the manifests", rows.len());
		let stash_rows = rows.len();
		check_rows(core::mem::take(&mut rows));

		// Manifests the devices committed to, wrong in what they reveal: four at a time (car
		// 0 keeps its newest four reports).
		let mut bad: Vec<(&'static str, ManifestOf<Runtime>, E)> = vec![
			(
				"an empty manifest",
				Manifest { campaign: None, images: Default::default() },
				E::InvalidManifest,
			),
			(
				"a manifest with a hardware id twice",
				Manifest { campaign: None, images: images(&[("bms-a1", BMS), ("bms-a1", BMS4)]) },
				E::DuplicateHardware,
			),
			(
				"a manifest of an image not in the repository",
				Manifest { campaign: None, images: images(&[("bms-a1", 0x66)]) },
				E::ImageNotInRepository,
			),
			(
				"a manifest of an image on other hardware",
				Manifest { campaign: None, images: images(&[("tcu-1", BMS)]) },
				E::HardwareMismatch,
			),
			(
				"a manifest completing an unknown campaign",
				Manifest { campaign: Some(unknown), images: images(&[("bms-a1", BMS)]) },
				E::UnknownCampaign,
			),
			(
				"a manifest with part of campaign 0's bundle",
				Manifest { campaign: Some(0), images: images(&[("bms-a1", BMS)]) },
				E::PartialBundle,
			),
			(
				"a manifest mixing campaign 0's bundle with a newer release",
				Manifest {
					campaign: Some(0),
					images: images(&[("bms-a1", BMS4), ("adas-cam-2", ADAS)]),
				},
				E::MixedBundle,
			),
			(
				"a manifest mixing campaign 1's image with another",
				Manifest { campaign: Some(CAMPAIGN), images: images(&[("tcu-1", TCU1)]) },
				E::MixedBundle,
			),
		];
		let mut count = stash_rows;
		while !bad.is_empty() {
			let mut rows = Vec::new();
			for (what, manifest, error) in bad.drain(..bad.len().min(4)) {
				let report = commit("//Ecu0", 0, &manifest);
				rows.push(row(what, alice(), reveal(0, report, manifest), error));
			}
			count += rows.len();
			check_rows(rows);
		}
		// Campaign 0 is for "5YJ3E1EA" cars: Bob's is another model.
		let whole = Manifest {
			campaign: Some(0),
			images: images(&[("bms-a1", BMS), ("adas-cam-2", ADAS)]),
		};
		let report = commit(ECU1, BOBS_CAR, &whole);
		check_rows(vec![row(
			"a manifest completing a campaign not for the car",
			signed(Bob),
			reveal(BOBS_CAR, report, whole),
			E::VehicleNotTargeted,
		)]);
		count += 1;
		println!("software updates: {count} rows");
	});
}

/// A key of no role, for revocations.
const MALLORY_KEY: &str = "//OtaStolen";

/// The repository's bounds: `MaxRevokedKeys` (32), `MaxDelegations` (16), `MaxCampaigns` (32)
/// and `MaxImages` (256) entries stored, one more is refused.
#[test]
fn software_updates_refuse_entries_over_the_repositorys_bounds() {
	dev_chain(|| {
		setup();
		let relay = Role::Relay;
		let mut nonce = NONCE;
		// Revoked keys: the setup revoked one.
		for i in 1..32 {
			nonce += 1;
			succeeds(relay, revoke_key(account_of(&format!("//Old{i}")), nonce));
		}
		// Delegations: the setup made two.
		for i in 2..16u8 {
			nonce += 1;
			let mut input = optics_delegation();
			input.keys = role(&[format!("//Supplier{i}").as_str()], 1);
			let payload = SoftwareUpdates::delegate_payload(&maker(), nonce, &input);
			succeeds(
				relay,
				Call::delegate {
					manufacturer: maker(),
					input,
					signatures: sigs(TARGETS_KEYS, &payload),
				},
			);
		}
		// Images: 7 stored; campaigns: 2, each of a new image.
		for i in 7..256u32 {
			let target = image("fleet-fw", &format!("hw-{i}"), 0, 1);
			let target = TargetInputOf::<Runtime> {
				hash: H256::from_low_u64_be(u64::from(i) + 1),
				..target
			};
			succeeds(relay, add(target, ImageSigner::Targets, TARGETS_KEYS));
		}
		for i in 2..32u32 {
			nonce += 1;
			let hw = format!("hw-{}", i + 7);
			let input = campaign(&[(hw.as_str(), "fleet-fw", 0)], b"R156-FLEET", 300);
			let mut input = input;
			input.targets[0].hash = H256::from_low_u64_be(u64::from(i + 7) + 1);
			let payload = SoftwareUpdates::campaign_payload(&maker(), nonce, &input);
			succeeds(
				relay,
				Call::create_campaign {
					manufacturer: maker(),
					input,
					signatures: sigs(DIRECTOR_KEYS, &payload),
				},
			);
		}
		let repository = Repositories::<Runtime>::get(maker()).unwrap();
		assert_eq!(
			(
				repository.revoked_keys,
				repository.delegations,
				repository.images,
				repository.campaigns
			),
			(32, 16, 256, 32)
		);
		let next = nonce + 1;
		let delegation = {
			let mut input = optics_delegation();
			input.keys = role(&["//Supplier99"], 1);
			let payload = SoftwareUpdates::delegate_payload(&maker(), next, &input);
			Call::delegate {
				manufacturer: maker(),
				input,
				signatures: sigs(TARGETS_KEYS, &payload),
			}
		};
		let campaign_call = {
			let input = campaign(&[("tcu-1", "tcu-fw", TCU2)], b"R156-FLEET", 300);
			let payload = SoftwareUpdates::campaign_payload(&maker(), next, &input);
			Call::create_campaign {
				manufacturer: maker(),
				input,
				signatures: sigs(DIRECTOR_KEYS, &payload),
			}
		};
		check_rows(vec![
			row(
				"a 33rd revoked key",
				relay.signed(),
				revoke_key(account_of("//Old99"), next),
				E::TooManyRevokedKeys,
			),
			row("a 17th delegation", relay.signed(), delegation, E::TooManyDelegations),
			row("a 257th image", relay.signed(), add_tcu(|_| ()), E::TooManyImages),
			row("a 33rd campaign", relay.signed(), campaign_call, E::TooManyCampaigns),
		]);
	});
}

/// Roles and signatures of `MaxKeys` (8) entries decode; 9 do not.
#[test]
fn software_updates_keys_and_signatures_over_their_bound_do_not_decode() {
	let keys: Vec<String> = (0..=MAX_KEYS).map(|i| format!("//Key{i}")).collect();
	let uris: Vec<&str> = keys.iter().map(String::as_str).collect();
	let root = |n: usize| RootMetadata {
		version: 1u32,
		expires_at: 1_000u32,
		root: role(&uris[..n.min(MAX_KEYS)], 1),
		targets: role(&["//T"], 1),
		director: role(&["//D"], 1),
	};
	let at_bound: RootOf<Runtime> = root(MAX_KEYS);
	let signatures = sigs(&uris[..MAX_KEYS], b"payload");
	let call: RuntimeCall = Call::<Runtime>::create_repository {
		root: at_bound.clone(),
		signatures: signatures.clone(),
	}
	.into();
	// The root role's keys one over: the same encoding with 9 keys.
	let all: Vec<AccountId> = uris.iter().map(|u| account_of(u)).collect();
	let over_keys =
		(1u32, 1_000u32, (all, 1u32), at_bound.targets.clone(), at_bound.director.clone());
	assert_bound(
		call.clone(),
		(at_bound.clone(), signatures.clone()),
		(over_keys, signatures.clone()),
	);
	// The signatures one over.
	let mut over = signatures.clone().into_inner();
	over.push(over[0].clone());
	assert_bound(call, (at_bound.clone(), signatures), (at_bound, over));
}

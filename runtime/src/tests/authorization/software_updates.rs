//! The matrix of pallet-software-updates (index 29): 12 calls. The dev preset's repository is
//! Ferdie's (`Manufacturer`), one key a role (`//OtaRoot`, `//OtaTargets`, `//OtaDirector`).
//! OTA_BASE rotates it to root version 2 with two-of-three roles that expire at block
//! [`ROOT_EXPIRES`], each role sharing the key [`RETIRED`], which the root then revokes; the
//! targets role delegates `bms-` images for `bms-a1` to a supplier (`//OtaSupplier` and
//! [`RETIRED`], one of them signing) and adds `tcu-fw` releases 1 and 2; the supplier adds
//! `bms-boot`; the director approves campaign 1 (`tcu-fw` 2 for every "5YJ3E1EA" car); car 0's
//! ECU (`Ecu`, `//Ecu0`) reports its installation of it (report 1).
//!
//! Signed metadata is submitted by any signed account (`Relay`, Dave): the "roles" of those
//! calls are the keys that signed. Each scenario tries a key of another role or none of the
//! repository's (`UnknownKey`), the revoked key with one valid key (`KeyRevoked`) and one key
//! short of the threshold (`BelowThreshold`).

use super::{
	on_base, refused, run, run_to_block, signed_only, succeeds, text,
	Role::{self, *},
	Row, V0, V1,
};
use crate::tests::road_keys::{account_of, pair};
use crate::{AccountId, Runtime, SoftwareUpdates, VehicleIdentity};
use pallet_software_updates::{
	CampaignInput, CampaignInputOf, CampaignTarget, Campaigns, DelegationInput, DelegationInputOf,
	Delegations, HardwareIdsOf, ImageSigner, Images, Manifest, ManifestOf, Reports, Repositories,
	RoleKeys, RoleKeysOf, RootMetadata, RootOf, SignaturesOf, TargetInput, TargetInputOf,
	VehicleSelector,
};
use polkadot_sdk::{
	frame_support::{assert_ok, traits::GetCallName, BoundedVec},
	sp_core::{Pair, H256},
	sp_runtime::MultiSignature,
};

type Call = pallet_software_updates::Call<Runtime>;
type Error = pallet_software_updates::Error<Runtime>;

/// The preset's keys, and the second keys of root version 2.
pub(in crate::tests) const ROOT: &str = "//OtaRoot";
pub(in crate::tests) const ROOT2: &str = "//OtaRoot2";
pub(in crate::tests) const TARGETS: &str = "//OtaTargets";
pub(in crate::tests) const TARGETS2: &str = "//OtaTargets2";
pub(in crate::tests) const DIRECTOR: &str = "//OtaDirector";
pub(in crate::tests) const DIRECTOR2: &str = "//OtaDirector2";
/// A key of every role of root version 2 (and of the delegation), revoked in OTA_BASE.
pub(in crate::tests) const RETIRED: &str = "//OtaRetired";
/// The supplier's key (delegation 0).
pub(in crate::tests) const SUPPLIER: &str = "//OtaSupplier";
/// A key of no role.
pub(in crate::tests) const MALLORY: &str = "//Mallory";
/// The keys of root version 3 (ROTATED).
const NEW_ROOT: &str = "//OtaRootNew";
const NEW_ROOT2: &str = "//OtaRootNew2";

/// Root version 2, delegation 0 and campaign 1 expire at these blocks (inclusive).
pub(in crate::tests) const ROOT_EXPIRES: u32 = 600;
pub(in crate::tests) const DELEGATION_EXPIRES: u32 = 400;
pub(in crate::tests) const CAMPAIGN_EXPIRES: u32 = 200;
/// The repository's nonce after OTA_BASE: a delegation, a revocation and a campaign.
pub(in crate::tests) const BASE_NONCE: u32 = 3;
/// Root version 4, after ROTATED: root version 3 renumbered.
fn root_v4() -> RootOf<Runtime> {
	let mut root = root_v3(ROOT_EXPIRES);
	root.version = 4;
	root
}

/// The supplier's delegation and the setup's campaign.
pub(in crate::tests) const DELEGATION: u32 = 0;
pub(in crate::tests) const CAMPAIGN: u32 = 1;
/// Car 0's report of campaign 1 (report 0 is the preset's).
pub(in crate::tests) const REPORT: u32 = 1;
pub(in crate::tests) const SALT: [u8; 32] = [7; 32];

/// The preset's images, and the setup's.
pub(in crate::tests) const BMS: u8 = 0xb1;
pub(in crate::tests) const ADAS: u8 = 0xa7;
pub(in crate::tests) const TCU1: u8 = 0xc1;
pub(in crate::tests) const TCU2: u8 = 0xc2;
pub(in crate::tests) const BOOT: u8 = 0xbb;

pub(in crate::tests) fn maker() -> AccountId {
	Manufacturer.id()
}

pub(in crate::tests) fn hash(byte: u8) -> H256 {
	H256::repeat_byte(byte)
}

/// `uris`' sr25519 signatures on `payload`, in that order.
pub(in crate::tests) fn sigs(uris: &[&str], payload: &[u8]) -> SignaturesOf<Runtime> {
	let list = uris
		.iter()
		.map(|uri| (account_of(uri), MultiSignature::Sr25519(pair(uri).sign(payload))))
		.collect::<Vec<_>>();
	BoundedVec::truncate_from(list)
}

pub(in crate::tests) fn role(uris: &[&str], threshold: u32) -> RoleKeysOf<Runtime> {
	RoleKeys {
		keys: BoundedVec::truncate_from(uris.iter().map(|u| account_of(u)).collect()),
		threshold,
	}
}

pub(in crate::tests) fn hardware(ids: &[&str]) -> HardwareIdsOf<Runtime> {
	BoundedVec::truncate_from(ids.iter().map(|id| text(id.as_bytes())).collect())
}

/// Root version 2: two of three keys a role, [`RETIRED`] in each.
pub(in crate::tests) fn root_v2() -> RootOf<Runtime> {
	RootMetadata {
		version: 2,
		expires_at: ROOT_EXPIRES,
		root: role(&[ROOT, ROOT2, RETIRED], 2),
		targets: role(&[TARGETS, TARGETS2, RETIRED], 2),
		director: role(&[DIRECTOR, DIRECTOR2, RETIRED], 2),
	}
}

/// Root version 3: new root keys (one of two), the targets and director roles kept.
fn root_v3(expires_at: u32) -> RootOf<Runtime> {
	let mut root = root_v2();
	root.version = 3;
	root.expires_at = expires_at;
	root.root = role(&[NEW_ROOT, NEW_ROOT2], 1);
	root.targets = role(&[TARGETS, TARGETS2], 2);
	root.director = role(&[DIRECTOR, DIRECTOR2], 2);
	root
}

/// The supplier's delegation: `bms-` images for `bms-a1`.
pub(in crate::tests) fn supplier_delegation() -> DelegationInputOf<Runtime> {
	DelegationInput {
		name: text(b"Cells Inc"),
		keys: role(&[SUPPLIER, RETIRED], 1),
		path_prefix: text(b"bms-"),
		hardware_ids: hardware(&["bms-a1"]),
		expires_at: DELEGATION_EXPIRES,
	}
}

/// Another delegation, for the rows: `adas-` images for `adas-cam-2`.
pub(in crate::tests) fn other_delegation() -> DelegationInputOf<Runtime> {
	DelegationInput {
		name: text(b"Optics Ltd"),
		keys: role(&[MALLORY], 1),
		path_prefix: text(b"adas-"),
		hardware_ids: hardware(&["adas-cam-2"]),
		expires_at: DELEGATION_EXPIRES,
	}
}

pub(in crate::tests) fn image(
	name: &str,
	hw: &str,
	byte: u8,
	release: u32,
) -> TargetInputOf<Runtime> {
	TargetInput {
		name: text(name.as_bytes()),
		length: 4_096,
		hash: hash(byte),
		hardware_ids: hardware(&[hw]),
		release_counter: release,
	}
}

pub(in crate::tests) fn campaign(
	targets: &[(&str, &str, u8)],
	rxswin: &[u8],
	expires_at: u32,
) -> CampaignInputOf<Runtime> {
	let targets = targets
		.iter()
		.map(|(hw, name, byte)| CampaignTarget {
			hardware_id: text(hw.as_bytes()),
			name: text(name.as_bytes()),
			hash: hash(*byte),
		})
		.collect();
	CampaignInput {
		targets: BoundedVec::truncate_from(targets),
		vehicles: BoundedVec::truncate_from(vec![VehicleSelector {
			model: text(b"5YJ3E1EA"),
			serials: None,
		}]),
		rxswin: text(rxswin),
		expires_at,
	}
}

/// Campaign 1: `tcu-fw` release 2 for every "5YJ3E1EA" car.
pub(in crate::tests) fn tcu_campaign() -> CampaignInputOf<Runtime> {
	campaign(&[("tcu-1", "tcu-fw", TCU2)], b"R156-TCU-2", CAMPAIGN_EXPIRES)
}

/// Car 0's installation of campaign 1 (with the preset's images).
pub(in crate::tests) fn manifest() -> ManifestOf<Runtime> {
	let images = [("bms-a1", BMS), ("adas-cam-2", ADAS), ("tcu-1", TCU2)]
		.iter()
		.map(|(hw, byte)| (text(hw.as_bytes()), hash(*byte)))
		.collect();
	Manifest { campaign: Some(CAMPAIGN), images: BoundedVec::truncate_from(images) }
}

pub(in crate::tests) fn commitment() -> H256 {
	SoftwareUpdates::report_commitment(V0, &SALT, &manifest())
}

// Calls, signed by `keys` (the payloads carry the nonce the repository expects after
// OTA_BASE unless said otherwise).

fn rotate(old: &[&str], new: &[&str], root: RootOf<Runtime>) -> Call {
	let payload = SoftwareUpdates::root_payload(&maker(), &root);
	Call::rotate_root {
		manufacturer: maker(),
		new_root: root,
		old_signatures: sigs(old, &payload),
		new_signatures: sigs(new, &payload),
	}
}

/// Revoke `//OtaStolen`, a key of no role, with `nonce`.
fn revoke_key(keys: &[&str], nonce: u32) -> Call {
	let key = account_of("//OtaStolen");
	let payload = SoftwareUpdates::revoke_key_payload(&maker(), nonce, &key);
	Call::revoke_key { manufacturer: maker(), key, signatures: sigs(keys, &payload) }
}

fn delegate(keys: &[&str], nonce: u32) -> Call {
	let input = other_delegation();
	let payload = SoftwareUpdates::delegate_payload(&maker(), nonce, &input);
	Call::delegate { manufacturer: maker(), input, signatures: sigs(keys, &payload) }
}

fn revoke_delegation(keys: &[&str], nonce: u32) -> Call {
	let payload = SoftwareUpdates::revoke_delegation_payload(&maker(), nonce, DELEGATION);
	Call::revoke_delegation {
		manufacturer: maker(),
		id: DELEGATION,
		signatures: sigs(keys, &payload),
	}
}

fn add(target: TargetInputOf<Runtime>, signer: ImageSigner, keys: &[&str]) -> Call {
	let payload = SoftwareUpdates::target_payload(&maker(), &target);
	Call::add_target { manufacturer: maker(), target, signer, signatures: sigs(keys, &payload) }
}

/// `tcu-fw` release 3, for the targets role.
fn add_tcu(keys: &[&str]) -> Call {
	add(image("tcu-fw", "tcu-1", 0xc3, 3), ImageSigner::Targets, keys)
}

/// `bms-boot` release 2, within the supplier's delegation.
fn add_boot(keys: &[&str]) -> Call {
	add(image("bms-boot", "bms-a1", 0xbc, 2), ImageSigner::Delegation(DELEGATION), keys)
}

/// Campaign 2: `adas-fw` 7 for every "5YJ3E1EA" car, until block 300.
fn create_campaign(keys: &[&str], nonce: u32) -> Call {
	let input = campaign(&[("adas-cam-2", "adas-fw", ADAS)], b"R156-ADAS-7", 300);
	let payload = SoftwareUpdates::campaign_payload(&maker(), nonce, &input);
	Call::create_campaign { manufacturer: maker(), input, signatures: sigs(keys, &payload) }
}

fn cancel_campaign(keys: &[&str], nonce: u32) -> Call {
	let payload = SoftwareUpdates::cancel_campaign_payload(&maker(), nonce, CAMPAIGN);
	Call::cancel_campaign { manufacturer: maker(), id: CAMPAIGN, signatures: sigs(keys, &payload) }
}

fn report(byte: u8) -> Call {
	Call::report_installation { vehicle: V0, commitment: hash(byte) }
}

fn reveal() -> Call {
	Call::reveal_report { vehicle: V0, report: REPORT, salt: SALT, manifest: manifest() }
}

/// FerdieStash's repository, one key a role, expiring at block 1 000.
fn other_root() -> RootOf<Runtime> {
	RootMetadata {
		version: 1,
		expires_at: 1_000,
		root: role(&["//OtherRoot"], 1),
		targets: role(&["//OtherTargets"], 1),
		director: role(&["//OtherDirector"], 1),
	}
}

fn create_repository(keys: &[&str]) -> Call {
	let payload = SoftwareUpdates::root_payload(&OtherManufacturer.id(), &other_root());
	Call::create_repository { root: other_root(), signatures: sigs(keys, &payload) }
}

/// The nonce the repository's next signed change carries.
fn next_nonce() -> u32 {
	Repositories::<Runtime>::get(maker()).unwrap().nonce + 1
}

/// OTA_BASE, at block 2: see the module's doc.
pub(in crate::tests) fn ota_base() {
	let relay = Relay;
	succeeds(relay, rotate(&[ROOT], &[ROOT, ROOT2], root_v2()));
	let input = supplier_delegation();
	let payload = SoftwareUpdates::delegate_payload(&maker(), 1, &input);
	succeeds(
		relay,
		Call::delegate {
			manufacturer: maker(),
			input,
			signatures: sigs(&[TARGETS, TARGETS2], &payload),
		},
	);
	let retired = account_of(RETIRED);
	let payload = SoftwareUpdates::revoke_key_payload(&maker(), 2, &retired);
	succeeds(
		relay,
		Call::revoke_key {
			manufacturer: maker(),
			key: retired,
			signatures: sigs(&[ROOT, ROOT2], &payload),
		},
	);
	succeeds(
		relay,
		add(image("tcu-fw", "tcu-1", TCU1, 1), ImageSigner::Targets, &[TARGETS, TARGETS2]),
	);
	succeeds(
		relay,
		add(image("tcu-fw", "tcu-1", TCU2, 2), ImageSigner::Targets, &[TARGETS2, TARGETS]),
	);
	succeeds(
		Supplier,
		add(image("bms-boot", "bms-a1", BOOT, 1), ImageSigner::Delegation(DELEGATION), &[SUPPLIER]),
	);
	let input = tcu_campaign();
	let payload = SoftwareUpdates::campaign_payload(&maker(), 3, &input);
	succeeds(
		relay,
		Call::create_campaign {
			manufacturer: maker(),
			input,
			signatures: sigs(&[DIRECTOR, DIRECTOR2], &payload),
		},
	);
	succeeds(Ecu, Call::report_installation { vehicle: V0, commitment: commitment() });
	assert_eq!(Repositories::<Runtime>::get(maker()).unwrap().nonce, BASE_NONCE);
	assert_eq!(Reports::<Runtime>::get(V0).unwrap().next, REPORT + 1);
}

fn on_ota_base(test: impl FnOnce()) {
	on_base(|| {
		ota_base();
		test();
	});
}

const N: u32 = BASE_NONCE + 1;

/// The refusals of a call signed by a role's keys, `call(keys)`: a key of each `other` role or
/// none of the repository's (`UnknownKey`), the revoked key with one of the role's keys
/// (`KeyRevoked`) and one key short of the threshold (`BelowThreshold`).
fn signed_by_role(call: impl Fn(&[&str]) -> Call, own: &str, others: &[&[&str]]) -> Vec<Row> {
	let mut rows = Vec::new();
	for keys in others {
		rows.extend(refused(&[Relay], call(keys), Error::UnknownKey));
	}
	rows.extend(refused(&[Relay], call(&[MALLORY]), Error::UnknownKey));
	rows.extend(refused(&[Relay], call(&[own, RETIRED]), Error::KeyRevoked));
	rows.extend(refused(&[Relay], call(&[own]), Error::BelowThreshold));
	rows.extend(refused(&[Relay], call(&[]), Error::BelowThreshold));
	rows.extend(signed_only(call(&[])));
	rows
}

const ROOT_KEYS: &[&str] = &[ROOT, ROOT2];
const TARGETS_KEYS: &[&str] = &[TARGETS, TARGETS2];
const DIRECTOR_KEYS: &[&str] = &[DIRECTOR, DIRECTOR2];

/// Every role of OTA_BASE that is not Ferdie, the manufacturer, and signs.
const NOT_MAKER: [Role; 5] = [Owner, Relay, Supplier, Ecu, OtherManufacturer];
/// Every role that is not car 0's bound device (`Ecu`; `Device` is bound to it in BASE too).
const NOT_DEVICE: [Role; 7] =
	[Owner, Manufacturer, OtherDevice, InvitedDevice, Operator, Relay, Supplier];
/// Every role that is not car 0's owner.
const NOT_OWNER: [Role; 7] = [Manufacturer, Ecu, Device, Operator, AnotherOwner, Relay, Supplier];

/// OTA_BASE at block 2.
fn ota_base_rows() -> Vec<Row> {
	let prune = Call::prune_image { hash: hash(TCU1) };
	let remove = Call::remove_campaign { id: CAMPAIGN };
	let rows = [
		// A manufacturer creates its own repository, self-signed by its root keys.
		refused(
			&[Owner, Relay, Supplier, Ecu],
			create_repository(&["//OtherRoot"]),
			Error::NotManufacturer,
		),
		refused(&[Manufacturer], create_repository(&["//OtherRoot"]), Error::RepositoryExists),
		refused(&[OtherManufacturer], create_repository(&[MALLORY]), Error::UnknownKey),
		refused(&[OtherManufacturer], create_repository(&["//OtherTargets"]), Error::UnknownKey),
		refused(&[OtherManufacturer], create_repository(&[]), Error::BelowThreshold),
		signed_only(create_repository(&["//OtherRoot"])),
		// Rotations: the current root's threshold and the new one's.
		signed_by_role(
			|keys| rotate(keys, &[NEW_ROOT], root_v3(ROOT_EXPIRES)),
			ROOT,
			&[TARGETS_KEYS, DIRECTOR_KEYS, &[NEW_ROOT, NEW_ROOT2]],
		),
		refused(&[Relay], rotate(ROOT_KEYS, &[], root_v3(ROOT_EXPIRES)), Error::BelowThreshold),
		refused(&[Relay], rotate(ROOT_KEYS, &[ROOT], root_v3(ROOT_EXPIRES)), Error::UnknownKey),
		refused(
			&[Manufacturer],
			rotate(&[ROOT], &[NEW_ROOT], root_v3(ROOT_EXPIRES)),
			Error::BelowThreshold,
		),
		// The root role revokes keys.
		signed_by_role(|keys| revoke_key(keys, N), ROOT, &[TARGETS_KEYS, DIRECTOR_KEYS]),
		refused(&[Manufacturer], revoke_key(&[ROOT], N), Error::BelowThreshold),
		// The targets role delegates and withdraws delegations.
		signed_by_role(|keys| delegate(keys, N), TARGETS, &[ROOT_KEYS, DIRECTOR_KEYS, &[SUPPLIER]]),
		signed_by_role(
			|keys| revoke_delegation(keys, N),
			TARGETS,
			&[ROOT_KEYS, DIRECTOR_KEYS, &[SUPPLIER]],
		),
		// Images: the targets role, or a delegation within its prefix and hardware.
		signed_by_role(add_tcu, TARGETS, &[ROOT_KEYS, DIRECTOR_KEYS, &[SUPPLIER]]),
		refused(&[Relay, Supplier], add_boot(TARGETS_KEYS), Error::UnknownKey),
		refused(&[Supplier], add_boot(&[MALLORY]), Error::UnknownKey),
		refused(&[Supplier], add_boot(&[RETIRED]), Error::KeyRevoked),
		refused(&[Supplier], add_boot(&[]), Error::BelowThreshold),
		refused(
			&[Supplier],
			add(
				image("tcu-fw", "tcu-1", 0xc3, 3),
				ImageSigner::Delegation(DELEGATION),
				&[SUPPLIER],
			),
			Error::OutsideDelegation,
		),
		refused(
			&[Supplier],
			add(
				image("bms-boot", "adas-cam-2", 0xbc, 2),
				ImageSigner::Delegation(DELEGATION),
				&[SUPPLIER],
			),
			Error::OutsideDelegation,
		),
		signed_only(add_boot(&[SUPPLIER])),
		// The manufacturer prunes and removes, from its own repository.
		refused(&NOT_MAKER, prune.clone(), Error::UnknownRepository),
		signed_only(prune),
		refused(&NOT_MAKER, remove.clone(), Error::UnknownRepository),
		refused(&[Manufacturer], remove.clone(), Error::CampaignLive),
		signed_only(remove),
		// The director approves and cancels campaigns.
		signed_by_role(|keys| create_campaign(keys, N), DIRECTOR, &[ROOT_KEYS, TARGETS_KEYS]),
		signed_by_role(|keys| cancel_campaign(keys, N), DIRECTOR, &[ROOT_KEYS, TARGETS_KEYS]),
		// Car 0's bound device reports; its owner reveals.
		refused(&NOT_DEVICE, report(0x01), Error::NotVehicleDevice),
		refused(
			&[Ecu, Device],
			Call::report_installation { vehicle: V0, commitment: commitment() },
			Error::DuplicateReport,
		),
		refused(
			&[Ecu],
			Call::report_installation { vehicle: V1, commitment: hash(1) },
			Error::NotVehicleDevice,
		),
		signed_only(report(0x01)),
		refused(&NOT_OWNER, reveal(), Error::NotOwner),
		signed_only(reveal()),
	];
	rows.concat()
}

/// SOLD: Alice sold car 0 to Bob (the sale unbound its devices).
fn sold_rows() -> Vec<Row> {
	[
		refused(&[Seller, Ecu, Device, Manufacturer], reveal(), Error::NotOwner),
		refused(&[Ecu, Device, Seller], report(0x02), Error::NotVehicleDevice),
	]
	.concat()
}

/// SCRAPPED: Alice scrapped car 0: its reports are gone, its devices unbound.
fn scrapped_rows() -> Vec<Row> {
	[
		refused(&[Owner], reveal(), Error::UnknownReport),
		refused(&[Manufacturer, Relay], reveal(), Error::NotOwner),
		refused(&[Ecu, Device], report(0x03), Error::NotVehicleDevice),
	]
	.concat()
}

/// ROOT_EXPIRED: one block after root version 2's last block: the repository is frozen.
fn root_expired_rows() -> Vec<Row> {
	[
		refused(&[Relay], add_tcu(TARGETS_KEYS), Error::RepositoryExpired),
		refused(&[Relay], revoke_key(ROOT_KEYS, N), Error::RepositoryExpired),
		refused(&[Relay], delegate(TARGETS_KEYS, N), Error::RepositoryExpired),
		refused(&[Relay], revoke_delegation(TARGETS_KEYS, N), Error::RepositoryExpired),
		refused(&[Relay], create_campaign(DIRECTOR_KEYS, N), Error::RepositoryExpired),
		// Rotating still needs both thresholds, and metadata that is not expired itself.
		refused(
			&[Relay],
			rotate(&[ROOT], &[NEW_ROOT], root_v3(ROOT_EXPIRES + 100)),
			Error::BelowThreshold,
		),
		refused(
			&[Relay],
			rotate(ROOT_KEYS, &[NEW_ROOT], root_v3(ROOT_EXPIRES + 1)),
			Error::AlreadyExpired,
		),
		// The ones that need the manufacturer still do.
		refused(&[Relay, Owner], Call::remove_campaign { id: CAMPAIGN }, Error::UnknownRepository),
	]
	.concat()
}

/// ROTATED: root version 3 (new root keys) replaced version 2: the old root keys count no more.
fn rotated_rows() -> Vec<Row> {
	let nonce = N;
	[
		refused(&[Relay], revoke_key(ROOT_KEYS, nonce), Error::UnknownKey),
		refused(&[Relay], revoke_key(&[ROOT, NEW_ROOT], nonce), Error::UnknownKey),
		refused(&[Relay], rotate(ROOT_KEYS, ROOT_KEYS, root_v4()), Error::UnknownKey),
	]
	.concat()
}

/// DELEGATION_EXPIRED: one block after delegation 0's last block.
fn delegation_expired_rows() -> Vec<Row> {
	refused(&[Supplier, Relay], add_boot(&[SUPPLIER]), Error::DelegationExpired)
}

/// WITHDRAWN: the targets role revoked delegation 0.
fn withdrawn_rows() -> Vec<Row> {
	[
		refused(&[Supplier, Relay], add_boot(&[SUPPLIER]), Error::DelegationRevoked),
		refused(&[Relay], revoke_delegation(TARGETS_KEYS, N + 1), Error::DelegationRevoked),
	]
	.concat()
}

/// CAMPAIGN_END: campaign 1's last block; CANCELLED: the director cancelled it.
fn campaign_end_rows() -> Vec<Row> {
	refused(&[Manufacturer], Call::remove_campaign { id: CAMPAIGN }, Error::CampaignLive)
}

fn cancelled_rows() -> Vec<Row> {
	[
		refused(&[Relay], cancel_campaign(DIRECTOR_KEYS, N + 1), Error::CampaignEnded),
		refused(&NOT_MAKER, Call::remove_campaign { id: CAMPAIGN }, Error::UnknownRepository),
	]
	.concat()
}

pub(super) fn scenarios() -> Vec<(&'static str, Vec<Row>)> {
	vec![
		("OTA_BASE", ota_base_rows()),
		("SOLD", sold_rows()),
		("SCRAPPED", scrapped_rows()),
		("ROOT_EXPIRED", root_expired_rows()),
		("ROTATED", rotated_rows()),
		("DELEGATION_EXPIRED", delegation_expired_rows()),
		("WITHDRAWN", withdrawn_rows()),
		("CAMPAIGN_END", campaign_end_rows()),
		("CANCELLED", cancelled_rows()),
	]
}

#[test]
fn every_software_updates_call_has_rows_in_the_matrix() {
	let scenarios = scenarios();
	super::assert_every_call_has_rows("SoftwareUpdates", Call::get_call_names(), &scenarios);
	let rows: usize = scenarios.iter().map(|(_, rows)| rows.len()).sum();
	println!("software updates: {rows} rows");
	for name in Call::get_call_names() {
		let calls = scenarios.iter().flat_map(|(_, rows)| rows);
		let count = calls
			.filter(|row| {
				use polkadot_sdk::frame_support::traits::GetCallMetadata;
				row.call.get_call_metadata().function_name == *name
			})
			.count();
		println!("  {name}: {count}");
	}
}

#[test]
fn signed_metadata_counts_only_the_keys_of_the_role_that_signs_it() {
	on_ota_base(|| {
		run("OTA_BASE", ota_base_rows());
		// Positive controls: each role's threshold, relayed by anyone; the manufacturer's own;
		// the device and the owner.
		succeeds(Device, report(0x01));
		succeeds(Ecu, report(0x02));
		succeeds(Owner, reveal());
		assert_eq!(Reports::<Runtime>::get(V0).unwrap().revealed.unwrap().report, REPORT);
		succeeds(OtherManufacturer, create_repository(&["//OtherRoot"]));
		succeeds(Supplier, add_boot(&[SUPPLIER]));
		succeeds(Relay, add_tcu(&[TARGETS2, TARGETS]));
		succeeds(Manufacturer, Call::prune_image { hash: hash(TCU1) });
		assert!(Images::<Runtime>::get(maker(), hash(TCU1)).is_none());
		succeeds(Relay, delegate(TARGETS_KEYS, N));
		succeeds(Relay, revoke_delegation(TARGETS_KEYS, N + 1));
		succeeds(Relay, create_campaign(DIRECTOR_KEYS, N + 2));
		succeeds(Relay, cancel_campaign(DIRECTOR_KEYS, N + 3));
		succeeds(Manufacturer, Call::remove_campaign { id: CAMPAIGN });
		succeeds(Relay, revoke_key(ROOT_KEYS, N + 4));
		succeeds(Relay, rotate(ROOT_KEYS, &[NEW_ROOT], root_v3(ROOT_EXPIRES)));
		assert_eq!(next_nonce(), N + 5);
	});
}

#[test]
fn a_report_is_the_current_owners_to_reveal_and_goes_with_a_scrapped_car() {
	on_ota_base(|| {
		super::sold();
		run("SOLD", sold_rows());
		succeeds(NewOwner, reveal());
	});
	on_ota_base(|| {
		assert_ok!(VehicleIdentity::scrap_vehicle(Owner.signed(), V0));
		assert!(Reports::<Runtime>::get(V0).is_none());
		run("SCRAPPED", scrapped_rows());
		// Other cars' devices still report.
		succeeds(OtherDevice, Call::report_installation { vehicle: V1, commitment: hash(4) });
	});
}

#[test]
fn the_repository_freezes_one_block_after_its_roots_last_block_until_a_rotation() {
	on_ota_base(|| {
		run_to_block(ROOT_EXPIRES);
		// At the last block everything is still accepted.
		succeeds(Relay, add(image("tcu-fw", "tcu-1", 0xc4, 4), ImageSigner::Targets, TARGETS_KEYS));
		succeeds(Relay, revoke_delegation(TARGETS_KEYS, N));
		run_to_block(ROOT_EXPIRES + 1);
		let n = next_nonce();
		assert_eq!(n, N + 1);
		run(
			"ROOT_EXPIRED",
			[
				refused(&[Relay], add_tcu(TARGETS_KEYS), Error::RepositoryExpired),
				refused(&[Relay], delegate(TARGETS_KEYS, n), Error::RepositoryExpired),
				refused(&[Relay], revoke_delegation(TARGETS_KEYS, n), Error::RepositoryExpired),
				refused(&[Relay], create_campaign(DIRECTOR_KEYS, n), Error::RepositoryExpired),
				refused(
					&[Relay],
					rotate(&[ROOT], &[NEW_ROOT], root_v3(ROOT_EXPIRES + 100)),
					Error::BelowThreshold,
				),
				refused(
					&[Relay],
					rotate(ROOT_KEYS, &[NEW_ROOT], root_v3(ROOT_EXPIRES + 1)),
					Error::AlreadyExpired,
				),
				refused(
					&[Relay, Owner],
					Call::remove_campaign { id: CAMPAIGN },
					Error::UnknownRepository,
				),
			]
			.concat(),
		);
		// Cancelling is always allowed; the ended campaign is the manufacturer's to remove.
		succeeds(Relay, cancel_campaign(DIRECTOR_KEYS, n));
		succeeds(Manufacturer, Call::remove_campaign { id: CAMPAIGN });
		// A rotation signed by both thresholds renews it.
		succeeds(Relay, rotate(ROOT_KEYS, &[NEW_ROOT], root_v3(ROOT_EXPIRES + 100)));
		run("ROTATED", rotated_rows_at(n + 1));
		succeeds(Relay, add(image("tcu-fw", "tcu-1", 0xc5, 5), ImageSigner::Targets, TARGETS_KEYS));
	});
	on_ota_base(|| {
		run_to_block(ROOT_EXPIRES + 1);
		run("ROOT_EXPIRED", root_expired_rows());
	});
	on_ota_base(|| {
		succeeds(Relay, rotate(ROOT_KEYS, &[NEW_ROOT], root_v3(ROOT_EXPIRES)));
		run("ROTATED", rotated_rows());
		let payload = SoftwareUpdates::revoke_key_payload(&maker(), N, &account_of("//OtaStolen"));
		succeeds(
			Relay,
			Call::revoke_key {
				manufacturer: maker(),
				key: account_of("//OtaStolen"),
				signatures: sigs(&[NEW_ROOT2], &payload),
			},
		);
	});
}

/// ROTATED's rows with the nonce the repository expects.
fn rotated_rows_at(nonce: u32) -> Vec<Row> {
	[
		refused(&[Relay], revoke_key(ROOT_KEYS, nonce), Error::UnknownKey),
		refused(&[Relay], revoke_key(&[ROOT, NEW_ROOT], nonce), Error::UnknownKey),
	]
	.concat()
}

#[test]
fn a_delegation_signs_until_its_last_block_or_its_withdrawal() {
	on_ota_base(|| {
		run_to_block(DELEGATION_EXPIRES);
		succeeds(Supplier, add_boot(&[SUPPLIER]));
		run_to_block(DELEGATION_EXPIRES + 1);
		run(
			"DELEGATION_EXPIRED",
			refused(
				&[Supplier, Relay],
				add(
					image("bms-boot", "bms-a1", 0xbd, 3),
					ImageSigner::Delegation(DELEGATION),
					&[SUPPLIER],
				),
				Error::DelegationExpired,
			),
		);
		succeeds(Relay, add_tcu(TARGETS_KEYS));
	});
	on_ota_base(|| {
		run_to_block(DELEGATION_EXPIRES + 1);
		run("DELEGATION_EXPIRED", delegation_expired_rows());
	});
	on_ota_base(|| {
		succeeds(Relay, revoke_delegation(TARGETS_KEYS, N));
		assert!(Delegations::<Runtime>::get(maker(), DELEGATION).unwrap().revoked);
		run("WITHDRAWN", withdrawn_rows());
		succeeds(Relay, add_tcu(TARGETS_KEYS));
	});
}

#[test]
fn a_campaign_is_removable_one_block_after_its_last_or_once_cancelled() {
	on_ota_base(|| {
		run_to_block(CAMPAIGN_EXPIRES);
		run("CAMPAIGN_END", campaign_end_rows());
		run_to_block(CAMPAIGN_EXPIRES + 1);
		run(
			"CAMPAIGN_OVER",
			refused(&NOT_MAKER, Call::remove_campaign { id: CAMPAIGN }, Error::UnknownRepository),
		);
		succeeds(Manufacturer, Call::remove_campaign { id: CAMPAIGN });
		assert!(Campaigns::<Runtime>::get(maker(), CAMPAIGN).is_none());
	});
	on_ota_base(|| {
		succeeds(Relay, cancel_campaign(DIRECTOR_KEYS, N));
		run("CANCELLED", cancelled_rows());
		succeeds(Manufacturer, Call::remove_campaign { id: CAMPAIGN });
	});
}

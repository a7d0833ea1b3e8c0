//! Calls of software updates: the dev preset's repository (Ferdie's) signed with its real
//! sr25519 keys (`//OtaRoot`, `//OtaTargets`, `//OtaDirector`, and `//OtaRoot2` and
//! `//OtaSupplier` that rotations and delegations bring in), sometimes with a stranger's key,
//! too few keys or a stale nonce; root rotations, revocations, delegations, images with the
//! next release counter or an old one, campaigns over the stored images, car 0's ECU reports
//! of a few manifests and their reveals by the owner, with the right salt or not.

use std::sync::OnceLock;

use pallet_software_updates::{
	Call, CampaignInput, CampaignTarget, Campaigns, DelegationInput, HardwareId, ImageName,
	ImageSigner, Images, Latest, Manifest, Repositories, RoleKeys, RootMetadata, TargetInput,
	VehicleSelector,
};
use polkadot_sdk::{
	frame_support::BoundedVec,
	sp_core::{sr25519, Pair, H256},
	sp_runtime::MultiSignature,
};
use v2x_runtime::{AccountId, BlockNumber, Runtime, RuntimeCall};

use super::Ctx;
use crate::{
	actors::{self, Caller},
	source::Source,
};

type SoftwareUpdates = pallet_software_updates::Pallet<Runtime>;
type MaxKeys = <Runtime as pallet_software_updates::Config>::MaxKeys;

/// The offline keys the program signs with: the preset's three roles, then a second root key
/// and a supplier's key (unknown to the repository until a rotation or delegation names them).
const KEY_URIS: [&str; 5] =
	["//OtaRoot", "//OtaTargets", "//OtaDirector", "//OtaRoot2", "//OtaSupplier"];

fn keys() -> &'static [sr25519::Pair] {
	static KEYS: OnceLock<Vec<sr25519::Pair>> = OnceLock::new();
	KEYS.get_or_init(|| {
		KEY_URIS
			.iter()
			.map(|uri| sr25519::Pair::from_string(uri, None).expect("a dev URI"))
			.collect()
	})
}

fn key_account(pair: &sr25519::Pair) -> AccountId {
	AccountId::new(pair.public().0)
}

/// The repository's owner in the dev preset.
fn maker() -> AccountId {
	actors::uri_account("//Ferdie")
}

/// Car 0's primary ECU in the dev preset.
fn ecu() -> AccountId {
	actors::uri_account("//Ecu0")
}

/// The preset's car with a reporting ECU.
const CAR: u64 = 0;

type ManifestOf = Manifest<<Runtime as pallet_software_updates::Config>::MaxEcus>;

/// Salts are `[s; 32]` for `s` below this: few enough that a reveal finds the one its report used.
const SALTS: u8 = 4;

fn bytes<S: polkadot_sdk::frame_support::traits::Get<u32>>(text: &[u8]) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(text.to_vec())
}

fn hardware(src: &mut Source) -> HardwareId {
	bytes(src.pick(&[&b"bms-a1"[..], b"bms-a1", b"adas-cam-2", b"tcu-9"]))
}

fn image_name(src: &mut Source) -> ImageName {
	bytes(src.pick(&[&b"bms-fw"[..], b"bms-fw", b"adas-fw", b"tcu-fw"]))
}

/// Signatures by the keys of `role` (mostly enough of them), sometimes by too few or by a
/// stranger's key, on `payload`.
fn signatures(
	src: &mut Source,
	role: Option<&RoleKeys<AccountId, MaxKeys>>,
	payload: &[u8],
) -> BoundedVec<(AccountId, MultiSignature), MaxKeys> {
	let known: Vec<&sr25519::Pair> = match role {
		Some(role) if src.chance(220) => keys()
			.iter()
			.filter(|pair| role.keys.contains(&key_account(pair)))
			.take(role.threshold as usize)
			.collect(),
		_ => vec![&keys()[src.below(KEY_URIS.len())]],
	};
	let list = known
		.into_iter()
		.map(|pair| {
			let signed = if src.chance(245) { payload.to_vec() } else { b"forged".to_vec() };
			(key_account(pair), MultiSignature::Sr25519(pair.sign(&signed)))
		})
		.collect::<Vec<_>>();
	BoundedVec::truncate_from(list)
}

fn role(src: &mut Source) -> RoleKeys<AccountId, MaxKeys> {
	let first = src.below(KEY_URIS.len());
	let mut keys_of_role = vec![key_account(&keys()[first])];
	if src.chance(60) {
		keys_of_role.push(key_account(&keys()[(first + 1) % KEY_URIS.len()]));
	}
	let threshold = src.pick(&[1, 1, 2, 0]);
	RoleKeys { keys: BoundedVec::truncate_from(keys_of_role), threshold }
}

pub fn generate(src: &mut Source, ctx: &Ctx, index: usize) -> (Caller, RuntimeCall) {
	let pool = ctx.pool;
	let now = ctx.now;
	let maker = maker();
	let repository = Repositories::<Runtime>::get(&maker);
	let root = repository.as_ref().map(|r| r.root.clone());
	let nonce = repository.as_ref().map_or(0, |r| r.nonce).wrapping_add(if src.chance(240) {
		1
	} else {
		0
	});
	let expires_at = src.pick(&[now + 1_000, now + 100_000, now, now.saturating_sub(1)]);
	let relay = actors::any(src, pool);
	let (likely, call) = match index {
		0 => {
			let new_root = RootMetadata {
				version: src.pick(&[1, 1, 2]),
				expires_at,
				root: role(src),
				targets: role(src),
				director: role(src),
			};
			let payload = SoftwareUpdates::root_payload(&maker, &new_root);
			let signatures = signatures(src, Some(&new_root.root), &payload);
			(vec![maker.clone()], Call::create_repository { root: new_root, signatures })
		}
		1 => {
			let Some(current) = root else { return (Caller::Signed(relay), noop()) };
			let mut new_root = current.clone();
			new_root.version = current.version.saturating_add(src.pick(&[1, 1, 1, 2, 0]));
			new_root.expires_at = expires_at;
			if src.bool() {
				new_root.root = role(src);
			}
			let payload = SoftwareUpdates::root_payload(&maker, &new_root);
			let old_signatures = signatures(src, Some(&current.root), &payload);
			let new_signatures = signatures(src, Some(&new_root.root), &payload);
			(
				vec![relay],
				Call::rotate_root { manufacturer: maker, new_root, old_signatures, new_signatures },
			)
		}
		2 => {
			let key = key_account(&keys()[src.below(KEY_URIS.len())]);
			let payload = SoftwareUpdates::revoke_key_payload(&maker, nonce, &key);
			let signatures = signatures(src, root.as_ref().map(|r| &r.root), &payload);
			(vec![relay], Call::revoke_key { manufacturer: maker, key, signatures })
		}
		3 => {
			let supplier = key_account(&keys()[4]);
			let input = DelegationInput {
				name: bytes(b"Battery Systems Ltd"),
				keys: RoleKeys { keys: BoundedVec::truncate_from(vec![supplier]), threshold: 1 },
				path_prefix: bytes(src.pick(&[&b"bms-"[..], b"", b"adas-"])),
				hardware_ids: BoundedVec::truncate_from(vec![hardware(src)]),
				expires_at,
			};
			let payload = SoftwareUpdates::delegate_payload(&maker, nonce, &input);
			let signatures = signatures(src, root.as_ref().map(|r| &r.targets), &payload);
			(vec![relay], Call::delegate { manufacturer: maker, input, signatures })
		}
		4 => {
			let next = repository.as_ref().map_or(0, |r| r.next_delegation);
			let id = src.below(next as usize + 1) as u32;
			let payload = SoftwareUpdates::revoke_delegation_payload(&maker, nonce, id);
			let signatures = signatures(src, root.as_ref().map(|r| &r.targets), &payload);
			(vec![relay], Call::revoke_delegation { manufacturer: maker, id, signatures })
		}
		5 => {
			let hardware_id = hardware(src);
			let name = image_name(src);
			let latest = Latest::<Runtime>::get(&maker, (hardware_id.clone(), name.clone()))
				.map_or(0, |(counter, _)| counter);
			let target = TargetInput {
				name,
				length: src.pick(&[1_048_576, 0, 1]),
				hash: H256::repeat_byte(src.byte()),
				hardware_ids: BoundedVec::truncate_from(vec![hardware_id]),
				release_counter: src.pick(&[
					latest + 1,
					latest + 1,
					latest,
					latest.saturating_sub(1),
				]),
			};
			let payload = SoftwareUpdates::target_payload(&maker, &target);
			let delegations = repository.as_ref().map_or(0, |r| r.next_delegation);
			let (signer, signatures) = if src.chance(64) && delegations > 0 {
				let id = src.below(delegations as usize) as u32;
				let supplier = RoleKeys {
					keys: BoundedVec::truncate_from(vec![key_account(&keys()[4])]),
					threshold: 1,
				};
				(ImageSigner::Delegation(id), signatures(src, Some(&supplier), &payload))
			} else {
				(ImageSigner::Targets, signatures(src, root.as_ref().map(|r| &r.targets), &payload))
			};
			(vec![relay], Call::add_target { manufacturer: maker, target, signer, signatures })
		}
		6 => {
			let hash = stored_image(src, &maker).map_or(H256::zero(), |(hash, _)| hash);
			(vec![maker], Call::prune_image { hash })
		}
		7 => {
			let mut targets = Vec::new();
			for _ in 0..src.pick(&[1, 2, 2, 0]) {
				if let Some((hash, hardware_id, name)) = latest_image(src, &maker) {
					targets.push(CampaignTarget { hardware_id, name, hash });
				}
			}
			let input = CampaignInput {
				targets: BoundedVec::truncate_from(targets),
				vehicles: BoundedVec::truncate_from(vec![VehicleSelector {
					model: bytes(src.pick(&[&b"5YJ3E1EA"[..], b"5YJ", b"1HGCM826"])),
					serials: src.some((*b"000000", *b"999999")),
				}]),
				rxswin: bytes(src.pick(&[&b"R156-FUZZ-1"[..], b""])),
				expires_at,
			};
			let payload = SoftwareUpdates::campaign_payload(&maker, nonce, &input);
			let signatures = signatures(src, root.as_ref().map(|r| &r.director), &payload);
			(vec![relay], Call::create_campaign { manufacturer: maker, input, signatures })
		}
		8 => {
			let id = campaign_id(src, &maker);
			let payload = SoftwareUpdates::cancel_campaign_payload(&maker, nonce, id);
			let signatures = signatures(src, root.as_ref().map(|r| &r.director), &payload);
			(vec![relay], Call::cancel_campaign { manufacturer: maker, id, signatures })
		}
		9 => (vec![maker.clone()], Call::remove_campaign { id: campaign_id(src, &maker) }),
		10 => {
			let salt = src.byte() % SALTS;
			let options = manifests(&maker);
			let manifest = if options.is_empty() { empty_manifest() } else { src.pick(&options) };
			let commitment = SoftwareUpdates::report_commitment(CAR, &[salt; 32], &manifest);
			(vec![ecu()], Call::report_installation { vehicle: CAR, commitment })
		}
		_ => {
			// The newest report, opened with the salt and manifest it committed (found among the
			// few the generator makes), or with a wrong salt.
			let newest = pallet_software_updates::Reports::<Runtime>::get(CAR)
				.and_then(|r| r.reports.last().map(|report| (report.index, report.commitment)));
			let (report, commitment) = newest.unwrap_or((0, H256::zero()));
			let (salt, manifest) = opening(&maker, commitment).unwrap_or((0, empty_manifest()));
			let salt = if src.chance(230) { salt } else { salt.wrapping_add(1) };
			let owner = crate::world::owner(CAR).into_iter().collect();
			(owner, Call::reveal_report { vehicle: CAR, report, salt: [salt; 32], manifest })
		}
	};
	(actors::signer(src, pool, &likely), RuntimeCall::SoftwareUpdates(call))
}

/// A call that fails at once (a rotation of a repository that does not exist).
fn noop() -> RuntimeCall {
	RuntimeCall::SoftwareUpdates(Call::prune_image { hash: H256::zero() })
}

/// A stored image of the repository, with its first hardware id and name.
fn stored_image(src: &mut Source, maker: &AccountId) -> Option<(H256, HardwareId)> {
	let images: Vec<(H256, HardwareId)> = Images::<Runtime>::iter_prefix(maker)
		.filter_map(|(hash, image)| image.hardware_ids.first().cloned().map(|hw| (hash, hw)))
		.collect();
	(!images.is_empty()).then(|| src.pick(&images))
}

/// The newest image of some hardware id and name.
fn latest_image(src: &mut Source, maker: &AccountId) -> Option<(H256, HardwareId, ImageName)> {
	let latest: Vec<(H256, HardwareId, ImageName)> = Latest::<Runtime>::iter_prefix(maker)
		.map(|((hardware_id, name), (_, hash))| (hash, hardware_id, name))
		.collect();
	(!latest.is_empty()).then(|| src.pick(&latest))
}

/// A stored campaign's id most of the time, else the next one.
fn campaign_id(src: &mut Source, maker: &AccountId) -> u32 {
	let ids: Vec<u32> = Campaigns::<Runtime>::iter_key_prefix(maker).collect();
	if !ids.is_empty() && src.byte() < 220 {
		return src.pick(&ids);
	}
	Repositories::<Runtime>::get(maker).map_or(0, |r| r.next_campaign)
}

/// The manifests car 0's ECU reports: each stored campaign's images (complete) and its first
/// image alone (partial), naming the campaign; each newest image alone, naming none.
fn manifests(maker: &AccountId) -> Vec<ManifestOf> {
	let mut options = Vec::new();
	for (id, campaign) in Campaigns::<Runtime>::iter_prefix(maker) {
		let images: Vec<(HardwareId, H256)> =
			campaign.targets.iter().map(|t| (t.hardware_id.clone(), t.hash)).collect();
		let first = images.first().cloned().into_iter().collect::<Vec<_>>();
		options.push(Manifest { campaign: Some(id), images: BoundedVec::truncate_from(images) });
		options.push(Manifest { campaign: Some(id), images: BoundedVec::truncate_from(first) });
	}
	for ((hardware_id, _), (_, hash)) in Latest::<Runtime>::iter_prefix(maker) {
		let images = BoundedVec::truncate_from(vec![(hardware_id, hash)]);
		options.push(Manifest { campaign: None, images });
	}
	options
}

fn empty_manifest() -> ManifestOf {
	Manifest { campaign: None, images: BoundedVec::new() }
}

/// The salt and manifest whose commitment for car 0 is `commitment`, if the generator made it.
fn opening(maker: &AccountId, commitment: H256) -> Option<(u8, ManifestOf)> {
	let options = manifests(maker);
	(0..SALTS).find_map(|salt| {
		options
			.iter()
			.find(|m| SoftwareUpdates::report_commitment(CAR, &[salt; 32], m) == commitment)
			.map(|m| (salt, m.clone()))
	})
}

/// Most of the time the next step of the update story: a new release, a campaign over the
/// newest images, a report, its reveal, a rotation now and then.
pub fn next_step(src: &mut Source, _now: BlockNumber) -> Option<usize> {
	if !src.chance(128) {
		return None;
	}
	Some(src.pick(&[5, 5, 7, 7, 10, 10, 11, 11, 1, 3, 9, 6]))
}

//! Benchmarks of every call and hook, each in its worst case.
//!
//! The repository is `BenchmarkHelper::manufacturer()`'s, created in each benchmark. Its roles
//! have `MaxKeys` keys (offline keys `0..MaxKeys`); the role that signs the benchmarked call
//! has threshold `s` and the last `s` keys sign (each key found at the end of the role's
//! list), so `s = MaxKeys` is the largest threshold. Names, hardware ids and RXSWINs are at
//! their length bounds and share long prefixes (the comparisons read every byte); every
//! signed input is at its bounds (the payload a signature covers is hashed whole). Images
//! and campaigns a call only reads or counts are checked and stored through the functions
//! the calls and the genesis build share (`check_target`/`insert_image`,
//! `check_campaign`/`insert_campaign`), minus the signatures. The verification ends with
//! `do_try_state` natively.

use super::*;
use alloc::vec::Vec;
use core::ops::Range;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{
		fungible::{Inspect, InspectHold, Mutate},
		Get,
	},
	frame_system::RawOrigin,
	sp_core::H256,
	sp_runtime::traits::Saturating,
};
use v2x_primitives::{OnVehicleStatusChanged, VehicleId, VehicleRegistry, VehicleStatus, Vin};

fn assert_last_event<T: Config>(event: Event<T>) {
	let event: <T as Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

/// The pallet's invariants hold after the call (natively; the Wasm runtime has no
/// `try_state` without `try-runtime`).
fn assert_invariants<T: Config>() {
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	Pallet::<T>::do_try_state().expect("the invariants hold");
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

/// What `who` has on hold for `reason`.
fn held<T: Config>(reason: HoldReason, who: &T::AccountId) -> BalanceOf<T> {
	T::Currency::balance_on_hold(&reason.into(), who)
}

/// Gives `who` twice `amount` and the existential deposit (keeping more if it has more).
fn fund<T: Config>(who: &T::AccountId, amount: BalanceOf<T>) {
	let amount = amount.saturating_add(T::Currency::minimum_balance()).saturating_mul(2u32.into());
	T::Currency::set_balance(who, T::Currency::balance(who).max(amount));
}

/// Whoever submits what offline keys signed (any signed account).
fn relay<T: Config>() -> T::AccountId {
	account("relay", 0, 0)
}

/// A distinct hash for (tag, n): images, commitments.
fn hash(tag: u8, n: u32) -> H256 {
	let mut bytes = [tag; 32];
	bytes[..4].copy_from_slice(&n.to_le_bytes());
	H256(bytes)
}

/// `len` bytes of `fill` but the last four, `n`: distinct values with a long common prefix.
fn bytes(fill: u8, len: u32, n: u32) -> Vec<u8> {
	let mut value = alloc::vec![fill; len as usize];
	let start = value.len().saturating_sub(4);
	for (place, byte) in value.iter_mut().skip(start).zip(n.to_be_bytes()) {
		*place = byte;
	}
	value
}

/// Image name `n` at `MAX_NAME_LEN`; all start with `name_prefix()`.
fn name(n: u32) -> ImageName {
	bytes(b'n', MAX_NAME_LEN, n).try_into().expect("MAX_NAME_LEN bytes")
}

/// The longest prefix all `name`s share: a delegation's path prefix.
fn name_prefix() -> ImageName {
	alloc::vec![b'n'; MAX_NAME_LEN.saturating_sub(4) as usize]
		.try_into()
		.expect("below MAX_NAME_LEN")
}

/// Hardware id `n` at `MAX_HARDWARE_ID_LEN`.
fn hardware_id(n: u32) -> HardwareId {
	bytes(b'h', MAX_HARDWARE_ID_LEN, n).try_into().expect("MAX_HARDWARE_ID_LEN bytes")
}

/// Hardware ids `first..first + count`.
fn hardware_ids<T: Config>(first: u32, count: u32) -> HardwareIdsOf<T> {
	(first..first.saturating_add(count))
		.map(hardware_id)
		.collect::<Vec<_>>()
		.try_into()
		.expect("at most MaxHardwareIds")
}

/// An RXSWIN at `MAX_RXSWIN_LEN`.
fn rxswin() -> Rxswin {
	bytes(b'r', MAX_RXSWIN_LEN, 0).try_into().expect("MAX_RXSWIN_LEN bytes")
}

fn max_keys<T: Config>() -> u32 {
	T::MaxKeys::get()
}

/// Offline keys `range` with `threshold`.
fn role<T: Config>(range: Range<u32>, threshold: u32) -> RoleKeysOf<T> {
	let keys: Vec<T::AccountId> = range.map(T::BenchmarkHelper::key).collect();
	RoleKeys { keys: keys.try_into().expect("at most MaxKeys keys"), threshold }
}

/// The repository's keys: `0..MaxKeys`.
fn all_keys<T: Config>() -> Range<u32> {
	0..max_keys::<T>()
}

/// The last `s` of the `MaxKeys` keys from `first`: they sign with threshold `s`.
fn last<T: Config>(first: u32, s: u32) -> Range<u32> {
	let end = first.saturating_add(max_keys::<T>());
	end.saturating_sub(s)..end
}

/// Keys `range` sign `payload`.
fn signatures<T: Config>(range: Range<u32>, payload: &[u8]) -> SignaturesOf<T> {
	range
		.map(|index| (T::BenchmarkHelper::key(index), T::BenchmarkHelper::sign(index, payload)))
		.collect::<Vec<_>>()
		.try_into()
		.expect("at most MaxKeys signatures")
}

/// The root's expiry, far ahead; delegations and campaigns expire with it (at the latest
/// block they may).
fn expiry<T: Config>() -> BlockNumberFor<T> {
	now::<T>().saturating_add(1_000_000u32.into())
}

/// Root metadata version 1: root, targets and director all keys `0..MaxKeys`, threshold
/// `threshold`.
fn root<T: Config>(threshold: u32) -> RootOf<T> {
	RootMetadata {
		version: 1,
		expires_at: expiry::<T>(),
		root: role::<T>(all_keys::<T>(), threshold),
		targets: role::<T>(all_keys::<T>(), threshold),
		director: role::<T>(all_keys::<T>(), threshold),
	}
}

/// The benchmarks' manufacturer, funded for a repository at its bounds.
fn manufacturer<T: Config>() -> T::AccountId {
	let manufacturer = T::BenchmarkHelper::manufacturer();
	let deposits = T::RepositoryDeposit::get()
		.saturating_add(T::RootVersionDeposit::get())
		.saturating_add(T::ImageDeposit::get().saturating_mul(T::MaxImages::get().into()))
		.saturating_add(T::CampaignDeposit::get().saturating_mul(T::MaxCampaigns::get().into()));
	fund::<T>(&manufacturer, deposits);
	manufacturer
}

/// The manufacturer's new repository, every role with threshold `threshold`.
fn repository<T: Config>(threshold: u32) -> T::AccountId {
	let manufacturer = manufacturer::<T>();
	let root = root::<T>(threshold);
	let payload = Pallet::<T>::root_payload(&manufacturer, &root);
	let signatures = signatures::<T>(last::<T>(0, threshold), &payload);
	Pallet::<T>::do_create_repository(manufacturer.clone(), root, signatures)
		.expect("the manufacturer creates its repository");
	manufacturer
}

fn stored_repository<T: Config>(manufacturer: &T::AccountId) -> RepositoryOf<T> {
	Repositories::<T>::get(manufacturer).expect("the repository exists")
}

/// The next nonce a signed change of `manufacturer`'s repository carries.
fn next_nonce<T: Config>(manufacturer: &T::AccountId) -> u32 {
	stored_repository::<T>(manufacturer).nonce.saturating_add(1)
}

/// A delegation at its bounds: keys `0..MaxKeys` with `threshold`, the `MaxHardwareIds`
/// hardware ids of `block` (see `image`), the longest prefix of every `name`.
fn delegation_input<T: Config>(
	manufacturer: &T::AccountId,
	threshold: u32,
	block: u32,
) -> DelegationInputOf<T> {
	let per_block = T::MaxHardwareIds::get();
	DelegationInput {
		name: name(u32::MAX),
		keys: role::<T>(all_keys::<T>(), threshold),
		path_prefix: name_prefix(),
		hardware_ids: hardware_ids::<T>(block.saturating_mul(per_block), per_block),
		expires_at: stored_repository::<T>(manufacturer).root.expires_at,
	}
}

/// A delegation (see `delegation_input`) stored through `delegate`, signed by the last
/// `targets_threshold` targets keys.
fn delegation<T: Config>(
	manufacturer: &T::AccountId,
	threshold: u32,
	targets_threshold: u32,
	block: u32,
) -> DelegationId {
	let id = stored_repository::<T>(manufacturer).next_delegation;
	let input = delegation_input::<T>(manufacturer, threshold, block);
	let payload =
		Pallet::<T>::delegate_payload(manufacturer, next_nonce::<T>(manufacturer), &input);
	let signatures = signatures::<T>(last::<T>(0, targets_threshold), &payload);
	Pallet::<T>::do_delegate(manufacturer.clone(), input, signatures)
		.expect("the targets role delegates");
	id
}

/// Image `n` with `release_counter`: `name(n)`, a length and a hash of its own, and all
/// `MaxHardwareIds` hardware ids of its block (`n / MaxHardwareIds`: the ids
/// `block * MaxHardwareIds..`), so images `0..count` have distinct ids `hardware_id(n)`.
fn image<T: Config>(n: u32, release_counter: u32) -> TargetInputOf<T> {
	let per_block = T::MaxHardwareIds::get();
	let block = n.checked_div(per_block).unwrap_or_default();
	TargetInput {
		name: name(n),
		length: u64::MAX,
		hash: hash(0x1a, n.saturating_add(release_counter.saturating_mul(1_000))),
		hardware_ids: hardware_ids::<T>(block.saturating_mul(per_block), per_block),
		release_counter,
	}
}

/// Stores `target` as `add_target` does once its signatures are checked.
fn store_image<T: Config>(
	manufacturer: &T::AccountId,
	target: TargetInputOf<T>,
	signer: ImageSigner,
) {
	let repository = stored_repository::<T>(manufacturer);
	Pallet::<T>::check_target(manufacturer, &repository, &target, signer).expect("a valid image");
	Pallet::<T>::insert_image(manufacturer.clone(), repository, target, signer)
		.expect("the manufacturer affords the image");
}

/// Images `0..count` stored, each signed by `signer(its block)`; returns each one's campaign
/// target (image `n` for `hardware_id(n)`).
fn images<T: Config>(
	manufacturer: &T::AccountId,
	count: u32,
	signer: impl Fn(u32) -> ImageSigner,
) -> Vec<CampaignTarget> {
	let per_block = T::MaxHardwareIds::get();
	(0..count)
		.map(|n| {
			let image = image::<T>(n, 1);
			let target = CampaignTarget {
				hardware_id: hardware_id(n),
				name: image.name.clone(),
				hash: image.hash,
			};
			store_image::<T>(
				manufacturer,
				image,
				signer(n.checked_div(per_block).unwrap_or_default()),
			);
			target
		})
		.collect()
}

/// `MaxSelectors` selectors of the model of `vin` (of any VIN if `None`), each with a serial
/// range; only the last selects `vin` (every one is tried).
fn selectors<T: Config>(vin: Option<Vin>) -> BoundedVec<VehicleSelector, T::MaxSelectors> {
	let vin = vin.unwrap_or(Vin(*b"1HGCM82633A000000"));
	let bytes = vin.as_bytes();
	let model = bytes.get(..8).unwrap_or_default().to_vec();
	let mut serial = [0u8; 6];
	serial.copy_from_slice(bytes.get(11..17).unwrap_or(&[b'0'; 6][..]));
	let count = T::MaxSelectors::get();
	(0..count)
		.map(|index| VehicleSelector {
			model: model.clone().try_into().expect("8 bytes"),
			// An empty range but for the last.
			serials: Some(if index.saturating_add(1) == count {
				(serial, serial)
			} else {
				([b'Z'; 6], [b'0'; 6])
			}),
		})
		.collect::<Vec<_>>()
		.try_into()
		.expect("MaxSelectors selectors")
}

/// A campaign of `targets` for `vin`'s model at its bounds, until the root expires.
fn campaign_input<T: Config>(
	manufacturer: &T::AccountId,
	targets: Vec<CampaignTarget>,
	vin: Option<Vin>,
) -> CampaignInputOf<T> {
	CampaignInput {
		targets: targets.try_into().expect("at most MaxCampaignTargets targets"),
		vehicles: selectors::<T>(vin),
		rxswin: rxswin(),
		expires_at: stored_repository::<T>(manufacturer).root.expires_at,
	}
}

/// Stores a campaign of `targets` as `create_campaign` does once its signatures are checked;
/// returns its id.
fn campaign<T: Config>(
	manufacturer: &T::AccountId,
	targets: Vec<CampaignTarget>,
	vin: Option<Vin>,
) -> CampaignId {
	let repository = stored_repository::<T>(manufacturer);
	let id = repository.next_campaign;
	let input = campaign_input::<T>(manufacturer, targets, vin);
	Pallet::<T>::check_campaign(manufacturer, &repository, &input).expect("a valid campaign");
	Pallet::<T>::insert_campaign(manufacturer.clone(), repository, input)
		.expect("the manufacturer affords the campaign");
	id
}

/// A new vehicle of the manufacturer with its owner and its device funded: (owner, device,
/// vehicle, its VIN).
fn vehicle<T: Config>() -> (T::AccountId, T::AccountId, VehicleId, Vin) {
	let owner: T::AccountId = account("owner", 0, 0);
	let device: T::AccountId = account("device", 0, 0);
	fund::<T>(&owner, T::ReportDeposit::get());
	fund::<T>(&device, T::ReportDeposit::get());
	let vehicle = T::BenchmarkHelper::create_vehicle(&owner, &device);
	let vin = T::Vehicles::vin(vehicle).expect("a registered vehicle has a VIN");
	(owner, device, vehicle, vin)
}

/// `MaxReports` reports of `vehicle`'s device, the newest committing to `commitment`;
/// returns its index.
fn full_reports<T: Config>(
	device: &T::AccountId,
	vehicle: VehicleId,
	commitment: H256,
) -> ReportIndex {
	for index in 1..T::MaxReports::get() {
		Pallet::<T>::do_report_installation(device.clone(), vehicle, hash(0xc0, index))
			.expect("the device reports");
	}
	Pallet::<T>::do_report_installation(device.clone(), vehicle, commitment)
		.expect("the device reports");
	Reports::<T>::get(vehicle).map(|reports| reports.next.saturating_sub(1)).unwrap_or_default()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Threshold `s` of `MaxKeys` root keys; every role at `MaxKeys` keys.
	#[benchmark]
	fn create_repository(s: Linear<1, { T::MaxKeys::get() }>) {
		let manufacturer = manufacturer::<T>();
		let root = root::<T>(s);
		let payload = Pallet::<T>::root_payload(&manufacturer, &root);
		let signatures = signatures::<T>(last::<T>(0, s), &payload);
		let root_hash = Pallet::<T>::root_hash(&root);

		#[extrinsic_call]
		_(RawOrigin::Signed(manufacturer.clone()), root, signatures);

		assert_last_event::<T>(Event::RepositoryCreated {
			manufacturer: manufacturer.clone(),
			root_hash,
		});
		assert_eq!(RootHistory::<T>::get(&manufacturer, 1), Some(root_hash));
		assert_eq!(held::<T>(HoldReason::Repository, &manufacturer), T::RepositoryDeposit::get());
		assert_invariants::<T>();
	}

	/// `s` signatures in all: the old root role's threshold `(s + 1) / 2` and the new one's
	/// `s / 2`, each of `MaxKeys` keys (the new root's keys `MaxKeys..2 * MaxKeys`).
	#[benchmark]
	fn rotate_root(s: Linear<2, { T::MaxKeys::get().saturating_mul(2) }>) {
		let old = s.saturating_add(1) / 2;
		let new = s.saturating_sub(old);
		let manufacturer = repository::<T>(old);
		let current = stored_repository::<T>(&manufacturer).root;
		let max_keys = max_keys::<T>();
		let new_root = RootMetadata {
			version: 2,
			expires_at: current.expires_at.saturating_add(1u32.into()),
			root: role::<T>(max_keys..max_keys.saturating_mul(2), new),
			targets: current.targets.clone(),
			director: current.director.clone(),
		};
		let payload = Pallet::<T>::root_payload(&manufacturer, &new_root);
		let old_signatures = signatures::<T>(last::<T>(0, old), &payload);
		let new_signatures = signatures::<T>(last::<T>(max_keys, new), &payload);
		let root_hash = Pallet::<T>::root_hash(&new_root);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(relay::<T>()),
			manufacturer.clone(),
			new_root.clone(),
			old_signatures,
			new_signatures,
		);

		assert_last_event::<T>(Event::RootRotated {
			manufacturer: manufacturer.clone(),
			version: 2,
			root_hash,
		});
		assert_eq!(stored_repository::<T>(&manufacturer).root, new_root);
		assert_eq!(RootHistory::<T>::get(&manufacturer, 2), Some(root_hash));
		assert_eq!(
			held::<T>(HoldReason::Repository, &manufacturer),
			T::RepositoryDeposit::get().saturating_add(T::RootVersionDeposit::get())
		);
		assert_invariants::<T>();
	}

	/// A key outside the root role (every root key checked for the lock), root threshold `s`.
	#[benchmark]
	fn revoke_key(s: Linear<1, { T::MaxKeys::get() }>) {
		let manufacturer = repository::<T>(s);
		let key = T::BenchmarkHelper::key(max_keys::<T>().saturating_mul(2));
		let nonce = next_nonce::<T>(&manufacturer);
		let payload = Pallet::<T>::revoke_key_payload(&manufacturer, nonce, &key);
		let signatures = signatures::<T>(last::<T>(0, s), &payload);

		#[extrinsic_call]
		_(RawOrigin::Signed(relay::<T>()), manufacturer.clone(), key.clone(), signatures);

		assert_last_event::<T>(Event::KeyRevoked {
			manufacturer: manufacturer.clone(),
			key: key.clone(),
		});
		assert!(RevokedKeys::<T>::contains_key(&manufacturer, &key));
		let repository = stored_repository::<T>(&manufacturer);
		assert_eq!((repository.nonce, repository.revoked_keys), (nonce, 1));
		assert_invariants::<T>();
	}

	/// A delegation at its bounds (`MaxKeys` keys, `MaxHardwareIds` hardware ids), targets
	/// threshold `s`.
	#[benchmark]
	fn delegate(s: Linear<1, { T::MaxKeys::get() }>) {
		let manufacturer = repository::<T>(s);
		let input = delegation_input::<T>(&manufacturer, max_keys::<T>(), 0);
		let nonce = next_nonce::<T>(&manufacturer);
		let payload = Pallet::<T>::delegate_payload(&manufacturer, nonce, &input);
		let signatures = signatures::<T>(last::<T>(0, s), &payload);

		#[extrinsic_call]
		_(RawOrigin::Signed(relay::<T>()), manufacturer.clone(), input.clone(), signatures);

		assert_last_event::<T>(Event::Delegated {
			manufacturer: manufacturer.clone(),
			delegation: 0,
			name: input.name.clone(),
		});
		assert_eq!(Delegations::<T>::get(&manufacturer, 0), Some(Delegation::new(input)));
		let repository = stored_repository::<T>(&manufacturer);
		assert_eq!((repository.nonce, repository.delegations), (nonce, 1));
		assert_invariants::<T>();
	}

	/// Targets threshold `s`.
	#[benchmark]
	fn revoke_delegation(s: Linear<1, { T::MaxKeys::get() }>) {
		let manufacturer = repository::<T>(s);
		let id = delegation::<T>(&manufacturer, max_keys::<T>(), s, 0);
		let nonce = next_nonce::<T>(&manufacturer);
		let payload = Pallet::<T>::revoke_delegation_payload(&manufacturer, nonce, id);
		let signatures = signatures::<T>(last::<T>(0, s), &payload);

		#[extrinsic_call]
		_(RawOrigin::Signed(relay::<T>()), manufacturer.clone(), id, signatures);

		assert_last_event::<T>(Event::DelegationWithdrawn {
			manufacturer: manufacturer.clone(),
			delegation: id,
		});
		assert!(Delegations::<T>::get(&manufacturer, id).is_some_and(|d| d.revoked));
		assert_eq!(stored_repository::<T>(&manufacturer).nonce, nonce);
		assert_invariants::<T>();
	}

	/// A delegation's image (the delegation read twice, the prefix and every hardware id
	/// checked against it), signed by `s` of its `MaxKeys` keys, for the last `h` of its
	/// hardware ids, each with an older release stored (every Latest entry read and
	/// replaced).
	#[benchmark]
	fn add_target(s: Linear<1, { T::MaxKeys::get() }>, h: Linear<1, { T::MaxHardwareIds::get() }>) {
		let manufacturer = repository::<T>(max_keys::<T>());
		let id = delegation::<T>(&manufacturer, s, max_keys::<T>(), 0);
		let signer = ImageSigner::Delegation(id);
		store_image::<T>(&manufacturer, image::<T>(0, 1), signer);
		let per_block = T::MaxHardwareIds::get();
		let target = TargetInput {
			hardware_ids: hardware_ids::<T>(per_block.saturating_sub(h), h),
			..image::<T>(0, 2)
		};
		let payload = Pallet::<T>::target_payload(&manufacturer, &target);
		let signatures = signatures::<T>(last::<T>(0, s), &payload);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(relay::<T>()),
			manufacturer.clone(),
			target.clone(),
			signer,
			signatures,
		);

		assert_last_event::<T>(Event::TargetAdded {
			manufacturer: manufacturer.clone(),
			hash: target.hash,
			name: target.name.clone(),
			release_counter: 2,
			signer,
		});
		for hardware_id in target.hardware_ids.iter() {
			let key = (hardware_id.clone(), target.name.clone());
			assert_eq!(Latest::<T>::get(&manufacturer, key), Some((2, target.hash)));
		}
		assert!(Images::<T>::contains_key(&manufacturer, target.hash));
		let deposits = T::ImageDeposit::get().saturating_mul(2u32.into());
		assert_eq!(
			held::<T>(HoldReason::Repository, &manufacturer),
			T::RepositoryDeposit::get().saturating_add(deposits)
		);
		assert_invariants::<T>();
	}

	/// An image of `h` hardware ids, a newer release for each (every Latest entry read).
	#[benchmark]
	fn prune_image(h: Linear<1, { T::MaxHardwareIds::get() }>) {
		let manufacturer = repository::<T>(max_keys::<T>());
		let old = TargetInput { hardware_ids: hardware_ids::<T>(0, h), ..image::<T>(0, 1) };
		let newer = TargetInput { hardware_ids: hardware_ids::<T>(0, h), ..image::<T>(0, 2) };
		store_image::<T>(&manufacturer, old.clone(), ImageSigner::Targets);
		store_image::<T>(&manufacturer, newer, ImageSigner::Targets);

		#[extrinsic_call]
		_(RawOrigin::Signed(manufacturer.clone()), old.hash);

		assert_last_event::<T>(Event::ImagePruned {
			manufacturer: manufacturer.clone(),
			hash: old.hash,
		});
		assert!(!Images::<T>::contains_key(&manufacturer, old.hash));
		assert_eq!(stored_repository::<T>(&manufacturer).images, 1);
		assert_eq!(
			held::<T>(HoldReason::Repository, &manufacturer),
			T::RepositoryDeposit::get().saturating_add(T::ImageDeposit::get())
		);
		assert_invariants::<T>();
	}

	/// `t` images, each of a live delegation (read) with `MaxHardwareIds` hardware ids and
	/// the newest for its target's; `MaxSelectors` selectors; director threshold `s`.
	#[benchmark]
	fn create_campaign(
		s: Linear<1, { T::MaxKeys::get() }>,
		t: Linear<1, { T::MaxCampaignTargets::get() }>,
	) {
		let manufacturer = repository::<T>(s);
		let per_block = T::MaxHardwareIds::get();
		let blocks = t.saturating_sub(1).checked_div(per_block).unwrap_or_default();
		let delegations: Vec<DelegationId> = (0..=blocks)
			.map(|block| delegation::<T>(&manufacturer, max_keys::<T>(), s, block))
			.collect();
		let targets = images::<T>(&manufacturer, t, |block| {
			ImageSigner::Delegation(delegations.get(block as usize).copied().unwrap_or_default())
		});
		let id = stored_repository::<T>(&manufacturer).next_campaign;
		let input = campaign_input::<T>(&manufacturer, targets.clone(), None);
		let nonce = next_nonce::<T>(&manufacturer);
		let payload = Pallet::<T>::campaign_payload(&manufacturer, nonce, &input);
		let signatures = signatures::<T>(last::<T>(0, s), &payload);

		#[extrinsic_call]
		_(RawOrigin::Signed(relay::<T>()), manufacturer.clone(), input, signatures);

		assert_last_event::<T>(Event::CampaignCreated {
			manufacturer: manufacturer.clone(),
			campaign: id,
			rxswin: rxswin(),
		});
		assert!(Campaigns::<T>::contains_key(&manufacturer, id));
		for target in targets {
			let image = Images::<T>::get(&manufacturer, target.hash).expect("stored");
			assert_eq!(image.campaigns, 1);
		}
		let repository = stored_repository::<T>(&manufacturer);
		assert_eq!((repository.nonce, repository.campaigns), (nonce, 1));
		let deposits = T::ImageDeposit::get()
			.saturating_mul(t.into())
			.saturating_add(T::CampaignDeposit::get());
		assert_eq!(
			held::<T>(HoldReason::Repository, &manufacturer),
			T::RepositoryDeposit::get().saturating_add(deposits)
		);
		assert_invariants::<T>();
	}

	/// A campaign at its bounds, director threshold `s`.
	#[benchmark]
	fn cancel_campaign(s: Linear<1, { T::MaxKeys::get() }>) {
		let manufacturer = repository::<T>(s);
		let targets =
			images::<T>(&manufacturer, T::MaxCampaignTargets::get(), |_| ImageSigner::Targets);
		let id = campaign::<T>(&manufacturer, targets, None);
		let nonce = next_nonce::<T>(&manufacturer);
		let payload = Pallet::<T>::cancel_campaign_payload(&manufacturer, nonce, id);
		let signatures = signatures::<T>(last::<T>(0, s), &payload);

		#[extrinsic_call]
		_(RawOrigin::Signed(relay::<T>()), manufacturer.clone(), id, signatures);

		assert_last_event::<T>(Event::CampaignCancelled {
			manufacturer: manufacturer.clone(),
			campaign: id,
		});
		assert!(Campaigns::<T>::get(&manufacturer, id).is_some_and(|c| c.cancelled));
		assert_eq!(stored_repository::<T>(&manufacturer).nonce, nonce);
		assert_invariants::<T>();
	}

	/// A cancelled campaign of `t` images (each one's count written).
	#[benchmark]
	fn remove_campaign(t: Linear<1, { T::MaxCampaignTargets::get() }>) {
		let manufacturer = repository::<T>(max_keys::<T>());
		let targets = images::<T>(&manufacturer, t, |_| ImageSigner::Targets);
		let id = campaign::<T>(&manufacturer, targets.clone(), None);
		Campaigns::<T>::mutate(&manufacturer, id, |campaign| {
			if let Some(campaign) = campaign {
				campaign.cancelled = true;
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(manufacturer.clone()), id);

		assert_last_event::<T>(Event::CampaignRemoved {
			manufacturer: manufacturer.clone(),
			campaign: id,
		});
		assert!(!Campaigns::<T>::contains_key(&manufacturer, id));
		for target in targets {
			let image = Images::<T>::get(&manufacturer, target.hash).expect("stored");
			assert_eq!(image.campaigns, 0);
		}
		assert_eq!(
			held::<T>(HoldReason::Repository, &manufacturer),
			T::RepositoryDeposit::get()
				.saturating_add(T::ImageDeposit::get().saturating_mul(t.into()))
		);
		assert_invariants::<T>();
	}

	/// The vehicle's first report: the record created and the device's deposit held (two
	/// more reads and writes than appending to a full window, which a record of
	/// `MaxEncodedLen` costs as much proof as).
	#[benchmark]
	fn report_installation() {
		let (_, device, vehicle, _) = vehicle::<T>();
		let commitment = hash(0xc0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(device.clone()), vehicle, commitment);

		assert_last_event::<T>(Event::InstallationReported { vehicle, report: 0, commitment });
		assert!(Reports::<T>::get(vehicle).is_some_and(|r| r.next == 1 && r.depositor == device));
		assert_eq!(held::<T>(HoldReason::Reports, &device), T::ReportDeposit::get());
		assert_invariants::<T>();
	}

	/// The newest of `MaxReports` reports, a manifest of `e` images (each looked up) that
	/// completes a campaign of `t` of them (at most `e`: a manifest lacking one of the
	/// campaign's is refused) listed last; the vehicle matches only the last of
	/// `MaxSelectors` selectors.
	#[benchmark]
	fn reveal_report(
		e: Linear<1, { T::MaxEcus::get() }>,
		t: Linear<1, { T::MaxCampaignTargets::get() }>,
	) {
		let t = t.min(e);
		let manufacturer = repository::<T>(max_keys::<T>());
		let (owner, device, vehicle, vin) = vehicle::<T>();
		let installed = images::<T>(&manufacturer, e, |_| ImageSigner::Targets);
		let bundle = installed.get(e.saturating_sub(t) as usize..).unwrap_or_default().to_vec();
		let id = campaign::<T>(&manufacturer, bundle, Some(vin));
		let manifest = Manifest {
			campaign: Some(id),
			images: installed
				.iter()
				.map(|target| (target.hardware_id.clone(), target.hash))
				.collect::<Vec<_>>()
				.try_into()
				.expect("at most MaxEcus images"),
		};
		let salt = [7u8; 32];
		let commitment = Pallet::<T>::report_commitment(vehicle, &salt, &manifest);
		let report = full_reports::<T>(&device, vehicle, commitment);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), vehicle, report, salt, manifest.clone());

		assert_last_event::<T>(Event::InstallationRevealed {
			vehicle,
			report,
			campaign: Some(id),
			rxswin: Some(rxswin()),
		});
		let revealed = Reports::<T>::get(vehicle).and_then(|r| r.revealed).expect("revealed");
		assert_eq!((revealed.report, revealed.images), (report, manifest.images));
		assert_invariants::<T>();
	}

	/// A scrapped vehicle with `MaxReports` reports and a revealed manifest of `MaxEcus`
	/// images: the record removed and the device's deposit released.
	#[benchmark]
	fn on_status_changed() {
		let manufacturer = repository::<T>(max_keys::<T>());
		let (owner, device, vehicle, _) = vehicle::<T>();
		let installed = images::<T>(&manufacturer, T::MaxEcus::get(), |_| ImageSigner::Targets);
		let manifest = Manifest {
			campaign: None,
			images: installed
				.iter()
				.map(|target| (target.hardware_id.clone(), target.hash))
				.collect::<Vec<_>>()
				.try_into()
				.expect("MaxEcus images"),
		};
		let salt = [7u8; 32];
		let commitment = Pallet::<T>::report_commitment(vehicle, &salt, &manifest);
		let report = full_reports::<T>(&device, vehicle, commitment);
		Pallet::<T>::do_reveal_report(owner, vehicle, report, salt, manifest)
			.expect("the owner reveals");

		#[block]
		{
			<Pallet<T> as OnVehicleStatusChanged>::on_status_changed(
				vehicle,
				VehicleStatus::Scrapped,
			);
		}

		assert_last_event::<T>(Event::ReportsCleared { vehicle });
		assert!(!Reports::<T>::contains_key(vehicle));
		assert_eq!(held::<T>(HoldReason::Reports, &device), 0u32.into());
		assert_invariants::<T>();
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

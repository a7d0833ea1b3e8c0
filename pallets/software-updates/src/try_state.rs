//! The invariants of software updates, checked after every test and by `try-runtime`.

use alloc::collections::{BTreeMap, BTreeSet};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::InspectHold, Get},
	},
	sp_core::H256,
	sp_runtime::{traits::Zero, Saturating, TryRuntimeError},
};

use crate::{
	BalanceOf, Campaigns, Config, Delegations, HoldReason, Images, Latest, Pallet, Reports,
	Repositories, RepositoryOf, RevokedKeys, RootHistory,
};

impl<T: Config> Pallet<T> {
	/// Checks every invariant; `Err` names the first one broken.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_orphans()?;
		for (manufacturer, repository) in Repositories::<T>::iter() {
			Self::check_root_chain(&manufacturer, &repository)?;
			Self::check_release_counters(&manufacturer)?;
			Self::check_counts(&manufacturer, &repository)?;
			Self::check_repository_deposit(&manufacturer, &repository)?;
		}
		Self::check_reports()
	}

	/// Nothing is stored for a manufacturer without a repository.
	fn check_orphans() -> Result<(), TryRuntimeError> {
		let known = |manufacturer: &T::AccountId| Repositories::<T>::contains_key(manufacturer);
		ensure!(RootHistory::<T>::iter_keys().all(|(m, _)| known(&m)), "an orphan root version");
		ensure!(RevokedKeys::<T>::iter_keys().all(|(m, _)| known(&m)), "an orphan revoked key");
		ensure!(Delegations::<T>::iter_keys().all(|(m, _)| known(&m)), "an orphan delegation");
		ensure!(Images::<T>::iter_keys().all(|(m, _)| known(&m)), "an orphan image");
		ensure!(Latest::<T>::iter_keys().all(|(m, _)| known(&m)), "an orphan Latest entry");
		ensure!(Campaigns::<T>::iter_keys().all(|(m, _)| known(&m)), "an orphan campaign");
		Ok(())
	}

	/// Root versions 1..=current are all kept and no other; the current one's hash is the
	/// root's; its roles are well formed.
	fn check_root_chain(
		manufacturer: &T::AccountId,
		repository: &RepositoryOf<T>,
	) -> Result<(), TryRuntimeError> {
		let root = &repository.root;
		for version in 1..=root.version {
			ensure!(
				RootHistory::<T>::contains_key(manufacturer, version),
				"a gap in the root chain"
			);
		}
		ensure!(
			RootHistory::<T>::iter_prefix(manufacturer).count() == root.version as usize,
			"a root version beyond the current one"
		);
		ensure!(
			RootHistory::<T>::get(manufacturer, root.version) == Some(Self::root_hash(root)),
			"the current root's hash is not the last in the chain"
		);
		ensure!(
			root.root.is_well_formed()
				&& root.targets.is_well_formed()
				&& root.director.is_well_formed(),
			"a role of the root is malformed"
		);
		Ok(())
	}

	/// Every Latest entry is a stored image's, with its name, hardware id and counter; no
	/// stored image is newer than Latest, and no two share a counter for a hardware id and
	/// name (Uptane's rollback protection).
	fn check_release_counters(manufacturer: &T::AccountId) -> Result<(), TryRuntimeError> {
		for ((hardware_id, name), (counter, hash)) in Latest::<T>::iter_prefix(manufacturer) {
			let Some(image) = Images::<T>::get(manufacturer, hash) else {
				return Err("a Latest entry names no stored image".into());
			};
			ensure!(
				image.name == name
					&& image.hardware_ids.contains(&hardware_id)
					&& image.release_counter == counter,
				"a Latest entry disagrees with its image"
			);
		}
		let mut counters = BTreeSet::new();
		for (_, image) in Images::<T>::iter_prefix(manufacturer) {
			for hardware_id in image.hardware_ids.iter() {
				let key = (hardware_id.clone(), image.name.clone());
				let latest = Latest::<T>::get(manufacturer, &key);
				ensure!(
					latest.is_some_and(|(newest, _)| image.release_counter <= newest),
					"a stored image is newer than Latest: a decreasing release counter"
				);
				ensure!(
					counters.insert((key, image.release_counter)),
					"two images share a release counter for a hardware id and name"
				);
			}
		}
		Ok(())
	}

	/// The repository's counts and next ids match what is stored; each image counts the
	/// campaigns listing it, and every campaign's images are stored.
	fn check_counts(
		manufacturer: &T::AccountId,
		repository: &RepositoryOf<T>,
	) -> Result<(), TryRuntimeError> {
		let images = Images::<T>::iter_prefix(manufacturer).count();
		ensure!(images == repository.images as usize, "the image count is off");
		let revoked = RevokedKeys::<T>::iter_prefix(manufacturer).count();
		ensure!(revoked == repository.revoked_keys as usize, "the revoked key count is off");
		let mut delegations = 0usize;
		for (id, _) in Delegations::<T>::iter_prefix(manufacturer) {
			ensure!(id < repository.next_delegation, "a delegation id at or beyond next");
			delegations = delegations.saturating_add(1);
		}
		ensure!(delegations == repository.delegations as usize, "the delegation count is off");
		let mut campaigns = 0usize;
		let mut listed = BTreeMap::<H256, u32>::new();
		for (id, campaign) in Campaigns::<T>::iter_prefix(manufacturer) {
			ensure!(id < repository.next_campaign, "a campaign id at or beyond next");
			campaigns = campaigns.saturating_add(1);
			for target in campaign.targets.iter() {
				ensure!(
					Images::<T>::contains_key(manufacturer, target.hash),
					"a campaign's image is not stored"
				);
				let count = listed.entry(target.hash).or_default();
				*count = count.saturating_add(1);
			}
		}
		ensure!(campaigns == repository.campaigns as usize, "the campaign count is off");
		for (hash, image) in Images::<T>::iter_prefix(manufacturer) {
			let count = listed.get(&hash).copied().unwrap_or(0);
			ensure!(image.campaigns == count, "an image's campaign count is off");
		}
		Ok(())
	}

	/// The manufacturer holds exactly the repository's, its root versions', images' and
	/// campaigns' deposits.
	fn check_repository_deposit(
		manufacturer: &T::AccountId,
		repository: &RepositoryOf<T>,
	) -> Result<(), TryRuntimeError> {
		let times = |deposit: BalanceOf<T>, count: u32| deposit.saturating_mul(count.into());
		let expected = T::RepositoryDeposit::get()
			.saturating_add(times(
				T::RootVersionDeposit::get(),
				repository.root.version.saturating_sub(1),
			))
			.saturating_add(times(T::ImageDeposit::get(), repository.images))
			.saturating_add(times(T::CampaignDeposit::get(), repository.campaigns));
		let held = T::Currency::balance_on_hold(&HoldReason::Repository.into(), manufacturer);
		ensure!(held == expected, "held Repository != the repository's deposits");
		Ok(())
	}

	/// Each vehicle keeps at most `MaxReports` reports with increasing indices below `next`,
	/// and reveals one below `next`; each device holds the deposits of the vehicles it is the
	/// depositor of.
	fn check_reports() -> Result<(), TryRuntimeError> {
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (_, reports) in Reports::<T>::iter() {
			ensure!(
				reports.reports.len() <= T::MaxReports::get() as usize,
				"more reports than MaxReports"
			);
			let mut previous: Option<u32> = None;
			for report in reports.reports.iter() {
				ensure!(
					previous.is_none_or(|before| before < report.index),
					"report indices do not increase"
				);
				ensure!(report.index < reports.next, "a report index at or beyond next");
				previous = Some(report.index);
			}
			if let Some(revealed) = &reports.revealed {
				ensure!(revealed.report < reports.next, "a revealed report at or beyond next");
			}
			let held = deposits.entry(reports.depositor.clone()).or_insert_with(Zero::zero);
			*held = held.saturating_add(reports.deposit);
		}
		for (device, amount) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::Reports.into(), &device);
			ensure!(held == amount, "held Reports != the deposits of the device's vehicles");
		}
		Ok(())
	}
}

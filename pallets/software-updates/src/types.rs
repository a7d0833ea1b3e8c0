//! What the software-updates pallet stores, what its calls take, and what its genesis builds:
//! Uptane 2.1.0 metadata (root, targets, delegations, director campaigns) and the vehicles'
//! committed installation reports (UN R156).
//!
//! The bounded types are generic over their bounds (`MaxKeys`, ...), so the runtime preset and
//! clients can name them; the aliases binding a runtime's `Config` are in `lib.rs`.

// The `NoBound` derives need the parameters' bounds on the types; the codec derives add theirs
// in a where clause.
#![allow(clippy::multiple_bound_locations)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use polkadot_sdk::{
	frame_support::{
		traits::{ConstU32, Get},
		BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	sp_core::H256,
};
use scale_info::TypeInfo;
use v2x_primitives::VehicleId;

/// The longest image name, delegation name or name prefix, in bytes.
pub const MAX_NAME_LEN: u32 = 64;
/// The longest ECU hardware identifier, in bytes.
pub const MAX_HARDWARE_ID_LEN: u32 = 32;
/// The longest UN R156 RX Software Identification Number, in bytes.
pub const MAX_RXSWIN_LEN: u32 = 32;

/// An image's name (a file path in Uptane terms), a delegation's name or a name prefix.
pub type ImageName = BoundedVec<u8, ConstU32<MAX_NAME_LEN>>;
/// An ECU hardware identifier: which ECUs an image is for.
pub type HardwareId = BoundedVec<u8, ConstU32<MAX_HARDWARE_ID_LEN>>;
/// A UN R156 RX Software Identification Number: the type-approval relevant software state.
pub type Rxswin = BoundedVec<u8, ConstU32<MAX_RXSWIN_LEN>>;
/// A supplier delegation's number within its repository, assigned in order from 0.
pub type DelegationId = u32;
/// A campaign's number within its repository, assigned in order from 0.
pub type CampaignId = u32;
/// A vehicle's report number, assigned in order from 0.
pub type ReportIndex = u32;

/// Keys of one role and how many of them must sign. Valid: `1 <= threshold <= keys.len()`,
/// keys distinct (see [`RoleKeys::is_well_formed`]).
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
#[scale_info(skip_type_params(MaxKeys))]
#[codec(mel_bound(AccountId: MaxEncodedLen))]
#[serde(bound(
	serialize = "AccountId: serde::Serialize",
	deserialize = "AccountId: serde::Deserialize<'de>"
))]
pub struct RoleKeys<AccountId: Clone + PartialEq + Eq + Debug, MaxKeys: Get<u32>> {
	pub keys: BoundedVec<AccountId, MaxKeys>,
	pub threshold: u32,
}

impl<AccountId: Clone + PartialEq + Eq + Debug, MaxKeys: Get<u32>> RoleKeys<AccountId, MaxKeys> {
	/// At least one signature needed, no more than there are keys, and no key twice: a
	/// threshold a duplicated key could reach alone would not be a threshold.
	pub fn is_well_formed(&self) -> bool {
		self.threshold >= 1
			&& (self.threshold as usize) <= self.keys.len()
			&& are_distinct(&self.keys)
	}
}

/// Uptane root metadata: the role keys of a repository. Signed by the root role itself (and, on
/// a rotation, by the previous root role too).
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
#[scale_info(skip_type_params(MaxKeys))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
#[serde(bound(
	serialize = "AccountId: serde::Serialize, BlockNumber: serde::Serialize",
	deserialize = "AccountId: serde::Deserialize<'de>, BlockNumber: serde::Deserialize<'de>"
))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RootMetadata<
	AccountId: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxKeys: Get<u32>,
> {
	/// 1 at creation, +1 per rotation.
	pub version: u32,
	/// After this block the repository is frozen: nothing new is accepted and its images read
	/// `Expired`, until a rotation renews it.
	pub expires_at: BlockNumber,
	/// Signs root metadata (itself and its rotations) and key revocations.
	pub root: RoleKeys<AccountId, MaxKeys>,
	/// Signs images and delegations to suppliers.
	pub targets: RoleKeys<AccountId, MaxKeys>,
	/// Approves campaigns.
	pub director: RoleKeys<AccountId, MaxKeys>,
}

/// What an image is, as its signers sign it (`add_target`'s argument).
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
#[scale_info(skip_type_params(MaxHardwareIds))]
#[codec(mel_bound())]
#[serde(bound(serialize = "", deserialize = ""))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TargetInput<MaxHardwareIds: Get<u32>> {
	/// Non-empty.
	pub name: ImageName,
	/// Bytes, above zero.
	pub length: u64,
	/// SHA-256 or BLAKE2-256 of the image: its identity in the repository.
	pub hash: H256,
	/// The ECUs it is for: non-empty, distinct.
	pub hardware_ids: BoundedVec<HardwareId, MaxHardwareIds>,
	/// Strictly above every stored image's for each (hardware id, name): Uptane's rollback
	/// protection.
	pub release_counter: u32,
}

impl<MaxHardwareIds: Get<u32>> TargetInput<MaxHardwareIds> {
	/// A name, a length and distinct hardware ids.
	pub fn is_well_formed(&self) -> bool {
		!self.name.is_empty() && self.length > 0 && are_distinct(&self.hardware_ids)
	}
}

/// Whether `items` (keys, hardware ids) is non-empty with no item twice.
pub fn are_distinct<Item: PartialEq>(items: &[Item]) -> bool {
	!items.is_empty()
		&& items.iter().enumerate().all(|(i, item)| !items.iter().skip(i + 1).any(|o| o == item))
}

/// Who signed an image: the targets role itself or a supplier's delegation.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum ImageSigner {
	/// The repository's targets role.
	Targets,
	/// A supplier's delegation (its keys, within its name prefix and hardware ids).
	Delegation(DelegationId),
}

/// A stored image (its hash is the key).
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxHardwareIds))]
#[codec(mel_bound(BlockNumber: MaxEncodedLen))]
pub struct Image<BlockNumber: Clone + PartialEq + Eq + Debug, MaxHardwareIds: Get<u32>> {
	pub name: ImageName,
	pub length: u64,
	pub hardware_ids: BoundedVec<HardwareId, MaxHardwareIds>,
	pub release_counter: u32,
	pub signer: ImageSigner,
	pub added_at: BlockNumber,
	/// Stored campaigns listing it: it may not be pruned while above zero.
	pub campaigns: u32,
}

/// A delegation of the targets role to a supplier, as the targets role signs it
/// (`delegate`'s argument).
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxKeys, MaxHardwareIds))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct DelegationInput<
	AccountId: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxKeys: Get<u32>,
	MaxHardwareIds: Get<u32>,
> {
	/// The supplier's name, for people: non-empty.
	pub name: ImageName,
	/// The supplier's keys and threshold.
	pub keys: RoleKeys<AccountId, MaxKeys>,
	/// Images it signs must have names starting with it (empty: any name).
	pub path_prefix: ImageName,
	/// Non-empty, distinct: an image's ids must all be among them.
	pub hardware_ids: BoundedVec<HardwareId, MaxHardwareIds>,
	/// The last block it may sign images in; at most the root's expiry.
	pub expires_at: BlockNumber,
}

/// A stored delegation. Revoked ones stay, so their images read `Revoked`.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxKeys, MaxHardwareIds))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Delegation<
	AccountId: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxKeys: Get<u32>,
	MaxHardwareIds: Get<u32>,
> {
	pub name: ImageName,
	pub keys: RoleKeys<AccountId, MaxKeys>,
	pub path_prefix: ImageName,
	pub hardware_ids: BoundedVec<HardwareId, MaxHardwareIds>,
	pub expires_at: BlockNumber,
	pub revoked: bool,
}

impl<
		AccountId: Clone + PartialEq + Eq + Debug,
		BlockNumber: Clone + PartialEq + Eq + Debug,
		MaxKeys: Get<u32>,
		MaxHardwareIds: Get<u32>,
	> Delegation<AccountId, BlockNumber, MaxKeys, MaxHardwareIds>
{
	/// A new, unrevoked delegation from what the targets role signed.
	pub fn new(input: DelegationInput<AccountId, BlockNumber, MaxKeys, MaxHardwareIds>) -> Self {
		Delegation {
			name: input.name,
			keys: input.keys,
			path_prefix: input.path_prefix,
			hardware_ids: input.hardware_ids,
			expires_at: input.expires_at,
			revoked: false,
		}
	}

	/// Whether an image named `name` for `hardware_ids` lies within this delegation.
	pub fn covers(&self, name: &[u8], hardware_ids: &[HardwareId]) -> bool {
		name.starts_with(&self.path_prefix)
			&& hardware_ids.iter().all(|id| self.hardware_ids.contains(id))
	}
}

/// Which vehicles a campaign is for: VIN positions 1-8 (WMI and vehicle descriptor: the model,
/// or a shorter prefix), and optionally a serial range (VIN positions 12-17, inclusive,
/// compared as bytes).
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VehicleSelector {
	pub model: BoundedVec<u8, ConstU32<8>>,
	pub serials: Option<([u8; 6], [u8; 6])>,
}

/// One image of a campaign: the ECUs of `hardware_id` install the image `name` with `hash`.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CampaignTarget {
	pub hardware_id: HardwareId,
	pub name: ImageName,
	pub hash: H256,
}

/// A campaign as the director role signs it (`create_campaign`'s argument).
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
#[scale_info(skip_type_params(MaxCampaignTargets, MaxSelectors))]
#[codec(mel_bound(BlockNumber: MaxEncodedLen))]
#[serde(bound(
	serialize = "BlockNumber: serde::Serialize",
	deserialize = "BlockNumber: serde::Deserialize<'de>"
))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CampaignInput<
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxCampaignTargets: Get<u32>,
	MaxSelectors: Get<u32>,
> {
	/// Non-empty, hardware ids distinct: one image per ECU type.
	pub targets: BoundedVec<CampaignTarget, MaxCampaignTargets>,
	/// Non-empty.
	pub vehicles: BoundedVec<VehicleSelector, MaxSelectors>,
	/// Non-empty: the RXSWIN an installation results in.
	pub rxswin: Rxswin,
	/// The last block the campaign is live in; at most the root's expiry.
	pub expires_at: BlockNumber,
}

/// A stored campaign.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxCampaignTargets, MaxSelectors))]
#[codec(mel_bound(BlockNumber: MaxEncodedLen))]
pub struct Campaign<
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxCampaignTargets: Get<u32>,
	MaxSelectors: Get<u32>,
> {
	pub targets: BoundedVec<CampaignTarget, MaxCampaignTargets>,
	pub vehicles: BoundedVec<VehicleSelector, MaxSelectors>,
	pub rxswin: Rxswin,
	pub expires_at: BlockNumber,
	pub created_at: BlockNumber,
	pub cancelled: bool,
}

/// What a vehicle has installed (its Uptane vehicle version manifest), as committed and
/// revealed.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
#[scale_info(skip_type_params(MaxEcus))]
#[codec(mel_bound())]
#[serde(bound(serialize = "", deserialize = ""))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Manifest<MaxEcus: Get<u32>> {
	/// The campaign the installation completes, if any (of the vehicle's manufacturer's
	/// repository).
	pub campaign: Option<CampaignId>,
	/// Each ECU's hardware id and installed image hash: non-empty, hardware ids distinct.
	pub images: BoundedVec<(HardwareId, H256), MaxEcus>,
}

/// One committed report: the commitment to a manifest, revealed later by the owner.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Report<BlockNumber> {
	pub index: ReportIndex,
	pub commitment: H256,
	pub at: BlockNumber,
}

/// The installation a vehicle's owner revealed last.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxEcus))]
#[codec(mel_bound(BlockNumber: MaxEncodedLen))]
pub struct RevealedInstallation<BlockNumber: Clone + PartialEq + Eq + Debug, MaxEcus: Get<u32>> {
	pub report: ReportIndex,
	pub reported_at: BlockNumber,
	pub revealed_at: BlockNumber,
	pub campaign: Option<CampaignId>,
	/// The campaign's RXSWIN.
	pub rxswin: Option<Rxswin>,
	pub images: BoundedVec<(HardwareId, H256), MaxEcus>,
}

/// A vehicle's reports: the newest `MaxReports` commitments and the last revealed one.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxReports, MaxEcus))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct VehicleReports<
	AccountId: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxReports: Get<u32>,
	MaxEcus: Get<u32>,
> {
	/// The device that made the first report, and holds the deposit.
	pub depositor: AccountId,
	pub deposit: Balance,
	/// The index of the next report.
	pub next: ReportIndex,
	/// The newest `MaxReports`, oldest first.
	pub reports: BoundedVec<Report<BlockNumber>, MaxReports>,
	pub revealed: Option<RevealedInstallation<BlockNumber, MaxEcus>>,
}

/// A manufacturer's image repository.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxKeys))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Repository<
	AccountId: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxKeys: Get<u32>,
> {
	pub root: RootMetadata<AccountId, BlockNumber, MaxKeys>,
	/// +1 per signed change other than images and rotations (delegations, revocations,
	/// campaigns): part of their payloads, so their signatures cannot be replayed.
	pub nonce: u32,
	/// Stored images.
	pub images: u32,
	/// Stored delegations, revoked ones included.
	pub delegations: u32,
	/// Revoked keys.
	pub revoked_keys: u32,
	/// Stored campaigns.
	pub campaigns: u32,
	pub next_delegation: DelegationId,
	pub next_campaign: CampaignId,
}

impl<
		AccountId: Clone + PartialEq + Eq + Debug,
		BlockNumber: Clone + PartialEq + Eq + Debug,
		MaxKeys: Get<u32>,
	> Repository<AccountId, BlockNumber, MaxKeys>
{
	/// A repository with `root` and nothing in it yet.
	pub fn new(root: RootMetadata<AccountId, BlockNumber, MaxKeys>) -> Self {
		Repository {
			root,
			nonce: 0,
			images: 0,
			delegations: 0,
			revoked_keys: 0,
			campaigns: 0,
			next_delegation: 0,
			next_campaign: 0,
		}
	}
}

/// What `check_image` tells a vehicle about an image its director (or anyone) offers it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum ImageStatus {
	/// No vehicle has this id.
	UnknownVehicle,
	/// The vehicle's manufacturer has no repository.
	NoRepository,
	/// Arbitrary software: no such hash in the manufacturer's repository.
	NotInRepository,
	/// The image is not for this hardware id.
	WrongHardware,
	/// Signed by a delegation since revoked.
	Revoked,
	/// The root (or the signing delegation) expired: a freeze; trust nothing.
	Expired,
	/// The offered release counter is below the installed one.
	RolledBack { installed: u32, offered: u32 },
	/// A newer release exists for this hardware id and name.
	Superseded { latest: u32 },
	/// The newest image for this hardware id and name.
	Current { release_counter: u32 },
}

/// A report the genesis config makes (and, with `revealed`, reveals) for a vehicle.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, serde::Serialize, serde::Deserialize,
)]
#[serde(bound(
	serialize = "AccountId: serde::Serialize",
	deserialize = "AccountId: serde::Deserialize<'de>"
))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisReport<AccountId: Clone + PartialEq + Eq + Debug, MaxEcus: Get<u32>> {
	pub vehicle: VehicleId,
	/// The device bound to the vehicle: it makes the report and holds its deposit.
	pub device: AccountId,
	pub salt: [u8; 32],
	pub manifest: Manifest<MaxEcus>,
	/// Whether the vehicle's owner at genesis revealed it.
	pub revealed: bool,
}

//! Governance on the dev preset's genesis (council: Alice, Bob, Charlie): a council motion
//! carried by two thirds, or root, is every pallet's governance origin, and anything less is
//! refused; disputes are decided by motion; the treasury pays what a motion spends; three
//! quarters of the council dispatch a call as root.

use super::{account, dev_chain, signed};
use crate::{
	Balances, Council, CouncilMembership, Preimage, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin, System, Treasury, UsageInsurance, UNIT,
};
use codec::Encode;
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		dispatch::GetDispatchInfo,
		traits::{
			fungible::{Inspect, InspectHold},
			Hooks,
		},
	},
	sp_keyring::Sr25519Keyring,
	sp_runtime::{
		traits::{BlakeTwo256, Dispatchable, Hash},
		DispatchError, DispatchResult,
	},
	*,
};

/// The result of the council's `Executed` event for the motion `hash`, if it ran.
fn executed(hash: <Runtime as frame_system::Config>::Hash) -> Option<DispatchResult> {
	System::events().into_iter().find_map(|record| match record.event {
		RuntimeEvent::Council(pallet_collective::Event::Executed { proposal_hash, result })
			if proposal_hash == hash =>
		{
			Some(result)
		}
		_ => None,
	})
}

/// A council motion for `call` that the council members `ayes` vote for (the first one
/// proposes; the proposer votes too, proposing is not voting), with as many ayes as its
/// threshold, closed at once; returns what its execution returned, or `None` if it never ran.
pub(super) fn motion(
	ayes: &[Sr25519Keyring],
	call: impl Into<RuntimeCall>,
) -> Option<DispatchResult> {
	let call: RuntimeCall = call.into();
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = BlakeTwo256::hash_of(&call);
	let threshold = ayes.len() as u32;
	let index = pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get();
	// Only this motion's events: an earlier one may have carried the same call.
	System::reset_events();
	assert_ok!(Council::propose(signed(ayes[0]), threshold, Box::new(call), length));
	if threshold > 1 {
		for voter in ayes {
			assert_ok!(Council::vote(signed(*voter), hash, index, true));
		}
		assert_ok!(Council::close(signed(ayes[0]), hash, index, weight, length));
	}
	executed(hash)
}

pub(super) const ONE_OF_THREE: &[Sr25519Keyring] = &[Sr25519Keyring::Charlie];
pub(super) const TWO_OF_THREE: &[Sr25519Keyring] = &[Sr25519Keyring::Alice, Sr25519Keyring::Bob];
const ALL_THREE: &[Sr25519Keyring] =
	&[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie];

/// A governance call, named by its pallet, with a check that its effect is there.
type GovernanceCall = (&'static str, RuntimeCall, fn() -> bool);

/// One governance call of each pallet, approving Dave in a role, with a check that he has it.
fn governance_calls() -> Vec<GovernanceCall> {
	let dave = account(Sr25519Keyring::Dave);
	vec![
		(
			"vehicle identity",
			pallet_vehicle_identity::Call::register_manufacturer {
				manufacturer: dave.clone(),
				name: b"Dave Motors".to_vec().try_into().unwrap(),
				wmis: vec![*b"WDD"].try_into().unwrap(),
			}
			.into(),
			|| {
				pallet_vehicle_identity::Manufacturers::<Runtime>::contains_key(account(
					Sr25519Keyring::Dave,
				))
			},
		),
		(
			"service book",
			pallet_service_book::Call::approve_workshop {
				workshop: dave.clone(),
				name: b"Dave's Garage".to_vec().try_into().unwrap(),
				certifications: Default::default(),
			}
			.into(),
			|| {
				pallet_service_book::Workshops::<Runtime>::contains_key(account(
					Sr25519Keyring::Dave,
				))
			},
		),
		(
			"usage insurance",
			pallet_usage_insurance::Call::approve_insurer {
				insurer: dave.clone(),
				name: b"Dave Mutual".to_vec().try_into().unwrap(),
			}
			.into(),
			|| {
				pallet_usage_insurance::Insurers::<Runtime>::contains_key(account(
					Sr25519Keyring::Dave,
				))
			},
		),
		(
			"shared charging",
			pallet_shared_charging::Call::approve_grid_operator { operator: dave.clone() }.into(),
			|| {
				pallet_shared_charging::GridOperators::<Runtime>::contains_key(account(
					Sr25519Keyring::Dave,
				))
			},
		),
		(
			"council membership",
			pallet_membership::Call::add_member { who: dave.into() }.into(),
			|| CouncilMembership::members().contains(&account(Sr25519Keyring::Dave)),
		),
	]
}

#[test]
fn a_two_thirds_council_motion_is_every_pallets_governance_origin() {
	for (pallet, call, has_role) in governance_calls() {
		dev_chain(|| {
			assert!(!has_role(), "{pallet}");
			assert_eq!(motion(TWO_OF_THREE, call), Some(Ok(())), "{pallet}");
			assert!(has_role(), "{pallet}");
		});
	}
}

#[test]
fn a_motion_below_two_thirds_is_refused_and_changes_nothing() {
	for (pallet, call, has_role) in governance_calls() {
		dev_chain(|| {
			// One of three members: the motion runs at once, as the origin Members(1, 3).
			assert_eq!(motion(ONE_OF_THREE, call), Some(Err(DispatchError::BadOrigin)), "{pallet}");
			assert!(!has_role(), "{pallet}");
		});
	}
}

#[test]
fn root_is_accepted_and_a_single_signed_member_is_not() {
	for (pallet, call, has_role) in governance_calls() {
		dev_chain(|| {
			let by_member = call.clone().dispatch(signed(Sr25519Keyring::Alice));
			assert_eq!(by_member.map_err(|e| e.error), Err(DispatchError::BadOrigin), "{pallet}");
			assert!(!has_role(), "{pallet}");
			assert_ok!(call.dispatch(RuntimeOrigin::root()));
			assert!(has_role(), "{pallet}");
		});
	}
}

#[test]
fn a_motion_short_of_its_ayes_fails_when_closed_after_its_duration() {
	dev_chain(|| {
		let (_, call, has_role) = governance_calls().remove(0);
		let length = call.encoded_size() as u32;
		let weight = call.get_dispatch_info().call_weight;
		let hash = BlakeTwo256::hash_of(&call);
		assert_ok!(Council::propose(signed(Sr25519Keyring::Alice), 2, Box::new(call), length));
		let alice = signed(Sr25519Keyring::Alice);
		assert_ok!(Council::vote(alice.clone(), hash, 0, true));
		assert_noop!(
			Council::close(alice.clone(), hash, 0, weight, length),
			pallet_collective::Error::<Runtime, pallet_collective::Instance1>::TooEarly
		);
		let end = 1 + <Runtime as pallet_collective::Config<pallet_collective::Instance1>>::MotionDuration::get();
		System::set_block_number(end);
		assert_ok!(Council::close(alice, hash, 0, weight, length));
		System::assert_has_event(RuntimeEvent::Council(pallet_collective::Event::Disapproved {
			proposal_hash: hash,
		}));
		assert_eq!(executed(hash), None);
		assert!(!has_role());
	});
}

#[test]
fn an_escalated_insurance_claim_is_decided_by_council_motion() {
	dev_chain(|| {
		// The dev preset insures vehicle 0 (policy 0, Alice) with Eve's product.
		let alice = account(Sr25519Keyring::Alice);
		assert_ok!(UsageInsurance::file_claim(
			signed(Sr25519Keyring::Alice),
			0,
			540 * UNIT,
			[9; 32]
		));
		let claim = System::events()
			.into_iter()
			.find_map(|record| match record.event {
				RuntimeEvent::UsageInsurance(pallet_usage_insurance::Event::ClaimFiled {
					claim,
					..
				}) => Some(claim),
				_ => None,
			})
			.expect("the claim is filed");
		assert_ok!(UsageInsurance::reject_claim(
			signed(Sr25519Keyring::Eve),
			claim,
			pallet_usage_insurance::RejectionReason::InsufficientEvidence
		));
		assert_ok!(UsageInsurance::escalate_claim(signed(Sr25519Keyring::Alice), claim));
		let decide = pallet_usage_insurance::Call::decide_claim { claim, approve: true };

		assert_eq!(motion(ONE_OF_THREE, decide.clone()), Some(Err(DispatchError::BadOrigin)));
		let before = Balances::balance(&alice);
		assert_eq!(motion(TWO_OF_THREE, decide), Some(Ok(())));
		System::assert_has_event(RuntimeEvent::UsageInsurance(
			pallet_usage_insurance::Event::ClaimDecided {
				claim,
				approved: true,
				payout: 40 * UNIT,
			},
		));
		// 540 claimed, less the product's 500 deductible; the claim deposit comes back.
		let deposit = <Runtime as pallet_usage_insurance::Config>::ClaimDeposit::get();
		assert_eq!(Balances::balance(&alice), before + 40 * UNIT + deposit);
	});
}

#[test]
fn the_treasury_pays_what_a_council_motion_spends() {
	dev_chain(|| {
		let treasury = Treasury::account_id();
		assert_eq!(treasury, crate::configs::TreasuryAccount::get());
		let ferdie = account(Sr25519Keyring::Ferdie);
		assert_ok!(Balances::transfer_keep_alive(
			signed(Sr25519Keyring::Dave),
			treasury.clone().into(),
			100 * UNIT
		));
		let spend = pallet_treasury::Call::spend {
			asset_kind: Box::new(()),
			amount: 30 * UNIT,
			beneficiary: Box::new(ferdie.clone()),
			valid_from: None,
		};
		assert_eq!(motion(ONE_OF_THREE, spend.clone()), Some(Err(DispatchError::BadOrigin)));
		assert_eq!(motion(TWO_OF_THREE, spend), Some(Ok(())));
		let before = Balances::balance(&ferdie);
		let treasury_before = Balances::balance(&treasury);
		assert_ok!(Treasury::payout(signed(Sr25519Keyring::Bob), 0));
		assert_eq!(Balances::balance(&ferdie), before + 30 * UNIT);
		assert_eq!(Balances::balance(&treasury), treasury_before - 30 * UNIT);
		// Nothing is burnt at the end of a spend period.
		let issuance = Balances::total_issuance();
		Treasury::on_initialize(crate::DAYS);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

#[test]
fn three_quarters_of_the_council_dispatch_a_call_as_root() {
	dev_chain(|| {
		let ferdie = account(Sr25519Keyring::Ferdie);
		// A root-only call (a runtime upgrade would be `system.set_code`).
		let root_call: RuntimeCall = pallet_balances::Call::force_set_balance {
			who: ferdie.clone().into(),
			new_free: 7 * UNIT,
		}
		.into();
		assert_eq!(
			root_call.clone().dispatch(signed(Sr25519Keyring::Alice)).map_err(|e| e.error),
			Err(DispatchError::BadOrigin)
		);
		let call_hash = BlakeTwo256::hash_of(&root_call);
		let as_root = pallet_utility::Call::batch_all {
			calls: vec![
				pallet_whitelist::Call::whitelist_call { call_hash }.into(),
				pallet_whitelist::Call::dispatch_whitelisted_call {
					call_hash,
					call_encoded_len: root_call.encoded_size() as u32,
					call_weight_witness: root_call.get_dispatch_info().call_weight,
				}
				.into(),
			],
		};
		// Anyone may store the call; its deposit is held until it is unnoted.
		let dave = account(Sr25519Keyring::Dave);
		assert_ok!(Preimage::note_preimage(signed(Sr25519Keyring::Dave), root_call.encode()));
		let preimage_hold = RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
		assert!(Balances::balance_on_hold(&preimage_hold, &dave) > 0);

		// Two thirds govern the pallets, but do not make root.
		assert_eq!(motion(TWO_OF_THREE, as_root.clone()), Some(Err(DispatchError::BadOrigin)));
		assert_ne!(Balances::balance(&ferdie), 7 * UNIT);
		assert_eq!(motion(ALL_THREE, as_root), Some(Ok(())));
		assert_eq!(Balances::balance(&ferdie), 7 * UNIT);
	});
}

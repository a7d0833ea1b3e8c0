//! Builds the genesis state (the dev chain's toll charger, provider, contexts, subscribed
//! vehicles and platoon) with the same deposits, bonds, prepaid balances and escrows the calls
//! would hold, so it passes `try_state`. Invalid entries stop the build with a message.

use polkadot_sdk::{
	frame_support::traits::Get,
	sp_runtime::traits::{CheckedMul, Zero},
};
use v2x_primitives::{VehicleId, VehicleRegistry};

use crate::{
	BalanceOf, Chargers, Config, Contexts, Follower, GenesisConfig, GenesisContext, GenesisPlatoon,
	HoldReason, NameOf, NextContextId, NextPlatoonId, Pallet, Platoon, Platoons, Prepaid,
	PrepaidBalance, Provider, Providers, ServicePeriod, ServicePeriods, ServicePeriodsOf,
	TariffVersion, TariffVersions, TollContext, VehiclePlatoon,
};

impl<T: Config> GenesisConfig<T> {
	/// Builds the genesis state. The vehicles must already exist in `T::Vehicles` (the
	/// identity pallet's genesis runs first) and the accounts be funded (balances' genesis).
	pub(crate) fn seed(&self) {
		for (who, name) in &self.chargers {
			let name = Self::name(name);
			if let Err(e) = Pallet::<T>::do_approve_charger(who.clone(), name) {
				panic!("genesis charger: {e:?}");
			}
		}
		for (who, name, bond) in &self.providers {
			if Providers::<T>::contains_key(who) {
				panic!("genesis provider listed twice");
			}
			let name = Self::name(name);
			let provider = Provider { name, active: true, bond: *bond, obligations: Zero::zero() };
			Providers::<T>::insert(who, provider);
			Self::hold(HoldReason::ProviderBond, who, *bond, "a provider's bond");
		}
		for context in &self.contexts {
			Self::add_context(context);
		}
		for (vehicle, provider) in &self.subscriptions {
			Self::subscribe(*vehicle, provider);
		}
		for (vehicle, amount) in &self.prepaid {
			Self::top_up(*vehicle, *amount);
		}
		for platoon in &self.platoons {
			Self::add_platoon(platoon);
		}
	}

	fn name(name: &[u8]) -> NameOf<T> {
		match NameOf::<T>::try_from(name.to_vec()) {
			Ok(name) if !name.is_empty() => name,
			_ => panic!("genesis name {name:?} empty or too long"),
		}
	}

	fn hold(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>, what: &str) {
		if let Err(e) = Pallet::<T>::hold(reason, who, amount) {
			panic!("genesis: {what} cannot be held: {e:?}");
		}
	}

	/// A context with tariff version 0 valid from day 0; the deposit held from its charger.
	fn add_context(genesis: &GenesisContext<T::AccountId, BalanceOf<T>>) {
		let id = NextContextId::<T>::get();
		let Some(mut charger) = Chargers::<T>::get(&genesis.charger) else {
			panic!("genesis context {id}: its charger is not a genesis charger");
		};
		let Ok(domain) = genesis.domain.clone().try_into() else {
			panic!("genesis context {id}: domain too long");
		};
		let Ok(prices) = genesis.prices.clone().try_into() else {
			panic!("genesis context {id}: too many prices");
		};
		if let Err(e) = Pallet::<T>::validate_prices(genesis.kind, &genesis.prices) {
			panic!("genesis context {id}: {e:?}");
		}
		let mut gantries = genesis.gantries.clone();
		gantries.sort();
		gantries.dedup();
		if gantries.len() != genesis.gantries.len() {
			panic!("genesis context {id}: a gantry listed twice");
		}
		let Ok(gantries) = genesis.gantries.clone().try_into() else {
			panic!("genesis context {id}: too many gantries");
		};
		let deposit = T::ContextDeposit::get();
		Self::hold(HoldReason::Deposit, &genesis.charger, deposit, "a context deposit");
		charger.contexts = charger.contexts.saturating_add(1);
		Chargers::<T>::insert(&genesis.charger, charger);
		TariffVersions::<T>::insert(id, 0, TariffVersion { valid_from: 0, prices });
		Contexts::<T>::insert(
			id,
			TollContext {
				charger: genesis.charger.clone(),
				domain,
				kind: genesis.kind,
				next_version: 1,
				oldest_version: 0,
				gantries,
				deposit,
			},
		);
		NextContextId::<T>::put(id.saturating_add(1));
	}

	/// `provider` serves `vehicle` from day 0.
	fn subscribe(vehicle: VehicleId, provider: &T::AccountId) {
		if T::Vehicles::owner(vehicle).is_none() {
			panic!("genesis subscription: vehicle {vehicle} is not registered");
		}
		if !Providers::<T>::contains_key(provider) {
			panic!("genesis subscription of vehicle {vehicle}: not a genesis provider");
		}
		if ServicePeriods::<T>::contains_key(vehicle) {
			panic!("genesis subscription: vehicle {vehicle} listed twice");
		}
		let period = ServicePeriod { provider: provider.clone(), from: 0, until: None };
		let Ok(periods) = ServicePeriodsOf::<T>::try_from(alloc::vec![period]) else {
			panic!("genesis subscription: MaxServicePeriods is zero");
		};
		ServicePeriods::<T>::insert(vehicle, periods);
	}

	/// `amount` prepaid for `vehicle`, held from its owner.
	fn top_up(vehicle: VehicleId, amount: BalanceOf<T>) {
		let Some(owner) = T::Vehicles::owner(vehicle) else {
			panic!("genesis prepaid: vehicle {vehicle} is not registered");
		};
		if amount.is_zero() || Prepaid::<T>::contains_key(vehicle) {
			panic!("genesis prepaid of vehicle {vehicle}: zero or listed twice");
		}
		Self::hold(HoldReason::Prepaid, &owner, amount, "a prepaid balance");
		Prepaid::<T>::insert(vehicle, PrepaidBalance { owner, amount });
	}

	/// A platoon: the deposit held from the payee, each follower's escrow from its payer.
	fn add_platoon(genesis: &GenesisPlatoon<T::AccountId, BalanceOf<T>>) {
		let id = NextPlatoonId::<T>::get();
		let price_per_km = genesis.rule.leader_share.mul_floor(genesis.rule.saving_per_km);
		if price_per_km.is_zero() {
			panic!("genesis platoon {id}: the rule pays the leader nothing");
		}
		let mut followers = alloc::vec::Vec::new();
		for (vehicle, payer, max_km) in &genesis.followers {
			let Some(held) = price_per_km.checked_mul(&BalanceOf::<T>::from(*max_km)) else {
				panic!("genesis platoon {id}: a follower's escrow overflows");
			};
			if *max_km == 0 {
				panic!("genesis platoon {id}: a follower with no km");
			}
			Self::join(id, *vehicle);
			Self::hold(HoldReason::PlatoonEscrow, payer, held, "a follower's escrow");
			followers.push(Follower {
				vehicle: *vehicle,
				payer: payer.clone(),
				max_km: *max_km,
				paid_km: 0,
				held,
			});
		}
		let Ok(followers) = followers.try_into() else {
			panic!("genesis platoon {id}: too many followers");
		};
		Self::join(id, genesis.leader);
		let deposit = T::PlatoonDeposit::get();
		Self::hold(HoldReason::Deposit, &genesis.payee, deposit, "a platoon deposit");
		Platoons::<T>::insert(
			id,
			Platoon {
				leader: genesis.leader,
				payee: genesis.payee.clone(),
				rule: genesis.rule,
				price_per_km,
				followers,
				segment: None,
				next_segment: 0,
				deposit,
			},
		);
		NextPlatoonId::<T>::put(id.saturating_add(1));
	}

	/// Records that `vehicle`, registered and in no other platoon, drives in `platoon`.
	fn join(platoon: crate::PlatoonId, vehicle: VehicleId) {
		if T::Vehicles::owner(vehicle).is_none() {
			panic!("genesis platoon {platoon}: vehicle {vehicle} is not registered");
		}
		if VehiclePlatoon::<T>::contains_key(vehicle) {
			panic!("genesis platoon {platoon}: vehicle {vehicle} is in another platoon");
		}
		VehiclePlatoon::<T>::insert(vehicle, platoon);
	}
}

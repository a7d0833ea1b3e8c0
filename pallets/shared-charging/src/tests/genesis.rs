//! Genesis seeds tariffs and chargers with members, without deposits.

use super::*;
use crate::{ChargerMeter, Chargers, Members, TariffVersions, Tariffs};

#[test]
fn genesis_seeds_a_public_charger_and_a_residence_with_two_members() {
	ExtBuilder::ready().build_and_execute(|| {
		let public = Chargers::<Test>::get(PUBLIC).unwrap();
		assert_eq!((public.access, public.tariff, public.deposit), (AccessRule::Public, 0, 0));
		let residence = Chargers::<Test>::get(RESIDENCE).unwrap();
		assert_eq!((residence.access, residence.members), (AccessRule::Members, 2));
		// Genesis is the operator's and the meters' joint setup: the meters accepted.
		assert_eq!(public.meter, ChargerMeter::Accepted(DEVICE));
		assert_eq!(residence.meter, ChargerMeter::Accepted(RESIDENCE_DEVICE));
		assert!(Members::<Test>::contains_key(RESIDENCE, MEMBER));
		assert_eq!(
			Members::<Test>::get(RESIDENCE, OTHER_MEMBER).unwrap().tariff,
			Some(MEMBER_TARIFF)
		);
		assert_eq!(
			TariffVersions::<Test>::get(TIME_OF_USE_TARIFF, 0).unwrap().elements,
			elements(time_of_use_tariff())
		);
		assert_eq!(Tariffs::<Test>::get(SIMPLE_TARIFF).unwrap().users, 2);
		assert_eq!(held(HoldReason::Charger, CPO), 0);
		assert_eq!(held(HoldReason::Tariff, CPO), 0);
	});
}

#[test]
#[should_panic(expected = "invalid genesis charger")]
fn a_genesis_charger_on_a_missing_tariff_fails() {
	let mut builder = ExtBuilder::ready();
	builder.break_first_charger_tariff();
	builder.build();
}

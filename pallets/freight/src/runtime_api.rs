//! The runtime API apps use (`FreightApi`), and the queries on [`Pallet`](crate::Pallet) that
//! the runtime's implementation calls.

// helper B implements: `FreightApi<AccountId, Balance, BlockNumber>` with `shipment`,
// `shipment_events`, `carried_by`, backed by `Pallet::shipment_view`, `Pallet::event_log`,
// `Pallet::carried_by`.

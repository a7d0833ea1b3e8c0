//! The schedule: periods settled for their km, the prepayment drawn, completion.

//! Insights: how the cities compare.
//!
//! **Owns** the quarterly rollups of each city's measures (computed from its event
//! history, refreshed when the city's records change), the cities' opt-ins (which
//! measure they share with which state programme, and with peer cities), the state
//! programmes with their cities and officers, and the disclosure control every
//! published figure passes ([`disclosure`]: the cell-key method and a minimum
//! publishable count).
//!
//! **Must never** publish a figure that has not passed [`disclosure::publish`], hand
//! out a household, a person, a user or any id of a city's records, or let a state
//! officer reach a city that has not opted in or a measure it did not share. It reads
//! the other services' `lookup` modules inside each city's own transaction; nothing
//! below it imports it.

pub mod cells;
pub mod disclosure;
pub mod measures;

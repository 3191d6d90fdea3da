//! Insights: how the cities compare.
//!
//! **Owns** the quarterly rollups of each city's measures ([`cells`], [`rollup`]:
//! counted from its event history, refreshed when the city's audit chain moves on),
//! the measures' written definitions ([`measures`]), the cities' opt-ins ([`sharing`]:
//! which measure each shares with which state programme, and with peer cities), the
//! state programmes with their cities and officers ([`programmes`]), the benchmark
//! read ([`benchmark`]) and the disclosure control every published figure passes
//! ([`disclosure`]: the cell-key method and a minimum publishable count).
//!
//! **Must never** publish a figure that has not passed [`disclosure::publish`], hand
//! out a household, a person, a user or any id of a city's records, or let a state
//! officer reach a city that has not opted in or a measure it did not share. It reads
//! the other services' `lookup` modules inside each city's own transaction; nothing
//! below it imports it. Who may do what is the table in `access.rs`.

mod access;
pub mod benchmark;
pub mod cells;
pub mod demo;
pub mod disclosure;
mod entity;
pub mod measures;
pub mod programmes;
pub mod rollup;
pub mod sharing;

use wohnweg_kernel::Db;

/// The insights service.
#[derive(Clone, Debug)]
pub struct Insights {
    db: Db,
    threshold: i64,
}

impl Insights {
    /// The service on `db`, publishing no count below `threshold` (never below
    /// [`disclosure::MIN_THRESHOLD`]).
    #[must_use]
    pub fn new(db: Db, threshold: i64) -> Self {
        Self {
            db,
            threshold: threshold.max(disclosure::MIN_THRESHOLD),
        }
    }

    /// The minimum publishable count in force.
    #[must_use]
    pub fn threshold(&self) -> i64 {
        self.threshold
    }

    /// The measures with their definitions (anyone signed in but carriers).
    ///
    /// # Errors
    /// `FORBIDDEN` for carriers.
    pub fn measures(
        &self,
        ctx: &wohnweg_kernel::Ctx,
    ) -> wohnweg_kernel::Result<&'static [measures::Measure]> {
        access::reader(ctx)?;
        Ok(measures::MEASURES)
    }
}

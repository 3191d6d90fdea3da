//! # wohnweg-programmes
//!
//! **What it owns:** each organisation's move-out **programme** for its city (a
//! carrier's, or the city department's own for its coordinator): the contract period,
//! **funding sources** (city budget, the state's KIM programme, other) with amounts,
//! periods and end dates and what they pay for, **positions** (FTE, permanent or
//! fixed-term, funded by which source, filled or vacant since when) and yearly
//! **targets** ([`programmes`]). From casework, housing and learning it computes, for
//! each programme, the households in scope, the caseload per filled full-time position
//! and each target's progress against its pro-rata path ([`figures`]), and the
//! **warnings** a city coordinator sees on the worklist ([`warnings`]). The
//! [`report`] for any period — the city's joint one or a carrier's — is counted from
//! the other services' event history, as recorded by a stated cut-off.
//!
//! Who may do what is in [`access`]. Layers: gateway → programmes → housing →
//! learning → casework → identity → kernel; other services' rows are read only through
//! their `lookup` modules, inside this service's tenant transaction.
//!
//! **What it must never do:** reach another tenant's rows, show a carrier another
//! organisation's programme, hold a person's data (positions carry titles, never
//! names), or speak HTTP or GraphQL.

pub mod access;
pub mod dashboard;
pub mod demo;
mod entity;
pub mod figures;
pub mod lookup;
pub mod programmes;
pub mod release;
pub mod report;
pub mod report_pdf;
pub mod types;
pub mod warnings;

use wohnweg_kernel::Db;

/// The programmes service. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Programmes {
    db: Db,
}

impl Programmes {
    /// The service on `db`.
    #[must_use]
    pub fn new(db: Db) -> Self {
        Self { db }
    }
}

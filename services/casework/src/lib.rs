//! # wohnweg-casework
//!
//! **What it owns:** the case of a household on its way out of a shelter — the
//! household and its members (residence prospects, benefit framework, language,
//! occupation), the case workflow and its full history, dated housing-readiness
//! assessments, consents, counselling sessions, goal plans with steps, and the
//! assignment of a household to a carrier with proposed, accepted or rejected
//! transfers, aftercare follow-ups with tenancy coaching, the tenant's casework
//! settings, and data-subject rights (export, erasure, retention). Who may do what is
//! in [`access`].
//!
//! - Reads ([`Casework::households`], [`Casework::household`]) load every part the
//!   caller asks for ([`Want`]) for the whole page in one statement per part, so a list
//!   costs the same number of statements whatever its length.
//! - Every write and every read that reveals residence, readiness or counselling data
//!   is appended to the tenant's hash-chained audit log in the same transaction
//!   (field names, never values).
//! - Household-level changes take the household's `version`; a stale one is
//!   `CONFLICT`. Changes whose checks span rows (one head, consent still given, one
//!   pending transfer) lock the household row first, so concurrent writers line up.
//! - [`lookup`] is what other services (housing) may use inside their own tenant
//!   transaction: a household's size, state and carrier, the pool of households looking
//!   for a flat with what matching weighs (ranked in SQL by the score defined once in
//!   [`lookup::score`]), a row lock, and moving a case on (with the
//!   workflow's rules, history, aftercare and audit) — never names or residence data.
//! - [`worklist`] is a caseworker's day (follow-ups, overdue steps, incoming transfers,
//!   permits expiring, benefit switches, coaching), one statement per section over the
//!   caller's reach; households name a responsible city caseworker, and an
//!   organisation may narrow its plain caseworkers to their own cases (the condition
//!   is part of every scoped statement, see [`access`]).
//! - Erasure removes or replaces every personal field of a closed case in place and
//!   keeps the coded facts, so counts and durations stay; retention applies it per the
//!   tenant's setting.
//!
//! **What it must never do:** reach a household outside the caller's scope (another
//! tenant's or, for a carrier, one not assigned to it — both look missing), log or put
//! into a span any personal value, or let a carrier see a household without the
//! household's consent to share with a carrier.

pub mod access;
mod aftercare;
mod caseload;
pub mod coaching;
mod consents;
pub mod demo;
mod entity;
mod gdpr;
mod goals;
mod households;
pub mod lookup;
pub mod model;
pub mod parts;
mod pool;
mod read;
mod transfers;
pub mod types;
mod workflow;
pub mod worklist;
mod write;

pub use model::{
    AssessmentData, AssessmentView, AssignmentView, ConsentView, FollowUpInput, FollowUpView,
    GoalView, HouseholdFilter, HouseholdPatch, HouseholdView, Joining, NewAssessment, NewConsent,
    NewHousehold, NewSession, NewStep, PersonInput, PersonView, Residence, SessionView, Settings,
    StepView, TransitionView, Want,
};
pub use read::CaseworkKind;

use wohnweg_kernel::Db;

/// The casework service. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Casework {
    db: Db,
    parts: std::sync::Arc<[std::sync::Arc<dyn parts::HouseholdPart>]>,
}

impl Casework {
    /// The service on `db`, with no other service's part registered.
    #[must_use]
    pub fn new(db: Db) -> Self {
        Self {
            db,
            parts: std::sync::Arc::new([]),
        }
    }

    /// Registers another service's part of a household's record: it joins every
    /// export, erasure and transition out of the active work, in casework's
    /// transaction (see [`parts`]).
    #[must_use]
    pub fn with_part(mut self, part: std::sync::Arc<dyn parts::HouseholdPart>) -> Self {
        let mut all: Vec<_> = self.parts.iter().cloned().collect();
        all.push(part);
        self.parts = all.into();
        self
    }
}

/// A unique-index violation (a racing insert) as `CONFLICT`; anything else unchanged.
/// For other services' writes.
pub fn write_unique_conflict(
    e: wohnweg_kernel::Error,
    message: &'static str,
) -> wohnweg_kernel::Error {
    write::unique_conflict(e, message)
}

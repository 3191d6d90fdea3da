//! Other services' parts of a household's record.
//!
//! Casework owns the case, but other services hold rows about the same household
//! (housing: matches, guarantees, repayments, occupancies). A data subject's export
//! must show them, an erasure must clear their personal text, and a case that leaves
//! the active work (closed, paused, contact lost) must not leave their open business
//! behind. Casework cannot read those tables (the layers run one way), so each such
//! service implements [`HouseholdPart`] and the gateway registers it with
//! [`crate::Casework::with_part`]. Casework calls every part **inside its own
//! transaction**, so an export is one snapshot and an erasure or a transition is all
//! or nothing across services.

use std::fmt::Debug;
use std::future::Future;
use std::pin::Pin;

use serde_json::Value;
use uuid::Uuid;
use wohnweg_kernel::{Ctx, Result, TenantTx};

use crate::types::CaseState;

/// A boxed future of a part's work (keeps [`HouseholdPart`] object-safe).
pub type PartFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T>> + Send + 'a>>;

/// A service's share of a household's record. Every method runs in the caller's
/// tenant transaction, after casework has located and locked the household and
/// checked the caller's scope.
pub trait HouseholdPart: Debug + Send + Sync {
    /// Named sections for a data subject's export: everything this service holds
    /// about the household.
    fn export<'a>(
        &'a self,
        tx: &'a TenantTx,
        household: Uuid,
    ) -> PartFuture<'a, Vec<(&'static str, Value)>>;

    /// Clears every personal text this service holds about the household (closed
    /// cases only; coded facts stay), and returns the fields cleared as the audit
    /// log names them (`table.column`).
    fn erase<'a>(
        &'a self,
        tx: &'a TenantTx,
        household: Uuid,
    ) -> PartFuture<'a, &'static [&'static str]>;

    /// The case has just moved to `to` (closed, paused or contact lost): end this
    /// service's open business for the household, audited as `ctx`.
    fn case_left_work<'a>(
        &'a self,
        tx: &'a TenantTx,
        ctx: &'a Ctx,
        household: Uuid,
        to: CaseState,
    ) -> PartFuture<'a, ()>;

    /// The ids of the households living now in a place of kind `kind` (a code of this
    /// service's register), as a subquery for the household list's filter; `None` when
    /// this service keeps no such register.
    fn households_in_place(
        &self,
        _tx: &TenantTx,
        _kind: &str,
    ) -> Option<sea_orm::sea_query::SelectStatement> {
        None
    }
}

/// Whether a case in state `to` has left the active work, so that other services end
/// their open business for it.
#[must_use]
pub fn leaves_work(to: CaseState) -> bool {
    matches!(
        to,
        CaseState::Closed | CaseState::Paused | CaseState::ContactLost
    )
}

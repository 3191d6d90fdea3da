//! What other services (housing) may learn about a household inside their own tenant
//! transaction: that it exists, its size, state and carrier, and whether its rent needs
//! the benefit office's acceptance — no personal data.

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;
use wohnweg_kernel::{OrganisationId, Result, TenantTx, UserId};

use crate::entity::{household, person, visibility};
use crate::types::{CaseState, stored};

/// A household as other services see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HouseholdBrief {
    /// Id.
    pub id: Uuid,
    /// Size for matching: its members and those expected to join.
    pub size: i32,
    /// Of `size`, family members expected to join (family reunification).
    pub expected: i32,
    /// Case state.
    pub state: CaseState,
    /// Assigned carrier.
    pub carrier: Option<OrganisationId>,
}

/// The household `id` of the transaction's tenant, if any (one statement).
pub async fn household(tx: &TenantTx, id: Uuid) -> Result<Option<HouseholdBrief>> {
    let Some(h) = tx
        .find::<household::Entity>()
        .filter(household::Column::Id.eq(id))
        .one(tx.conn())
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(HouseholdBrief {
        id: h.id,
        size: h.member_count + h.expected_members,
        expected: h.expected_members,
        state: stored(&h.state, CaseState::from_code)?,
        carrier: h.carrier_org.map(OrganisationId::from_uuid),
    }))
}

/// The households among `ids` (one statement), optionally only those assigned to
/// `carrier`.
pub async fn households(
    tx: &TenantTx,
    ids: &[Uuid],
    carrier: Option<OrganisationId>,
) -> Result<Vec<HouseholdBrief>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut q = tx
        .find::<household::Entity>()
        .filter(household::Column::Id.is_in(ids.iter().copied()));
    if let Some(c) = carrier {
        q = q.filter(household::Column::CarrierOrg.eq(c.uuid()));
    }
    q.all(tx.conn())
        .await?
        .into_iter()
        .map(|h| {
            Ok(HouseholdBrief {
                id: h.id,
                size: h.member_count + h.expected_members,
                expected: h.expected_members,
                state: stored(&h.state, CaseState::from_code)?,
                carrier: h.carrier_org.map(OrganisationId::from_uuid),
            })
        })
        .collect()
}

/// Whether the benefit office must accept a flat's rent before the household signs a
/// lease: some member draws SGB II (Jobcenter) or SGB XII (social welfare office),
/// which then pays the housing costs (one statement).
pub async fn rent_needs_benefit_office(tx: &TenantTx, household_id: Uuid) -> Result<bool> {
    use crate::types::BenefitFramework;
    let found = tx
        .find::<person::Entity>()
        .filter(person::Column::HouseholdId.eq(household_id))
        .filter(person::Column::Benefit.is_in([
            BenefitFramework::Sgb2.code(),
            BenefitFramework::Sgb12.code(),
        ]))
        .one(tx.conn())
        .await?;
    Ok(found.is_some())
}

pub use crate::pool::{Eligibility, PoolMember, PoolQuery, Rank, districts, pool, score};

/// Moves the case of household `id` to `to` inside the caller's transaction, with the
/// workflow's rules, history, aftercare scheduling and audit — for housing's match
/// workflow and the move, which must change the case together with their own rows.
pub async fn advance(
    tx: &TenantTx,
    ctx: &wohnweg_kernel::Ctx,
    id: Uuid,
    to: CaseState,
    reason: &str,
    on: chrono::NaiveDate,
) -> Result<()> {
    advance_at(tx, ctx, id, to, reason, on, chrono::Utc::now().date_naive()).await
}

/// [`advance`] as of the day `today` (a job applying what fell due on that day).
pub async fn advance_at(
    tx: &TenantTx,
    ctx: &wohnweg_kernel::Ctx,
    id: Uuid,
    to: CaseState,
    reason: &str,
    on: chrono::NaiveDate,
    today: chrono::NaiveDate,
) -> Result<()> {
    let h = locked(tx, id).await?;
    let reason = crate::types::Text::parse("reason", reason, 500, false)?;
    crate::workflow::apply_transition_at(tx, ctx, &h, None, to, reason, on, today).await
}

/// The ids of the households assigned to `carrier` that its caseworker `caseworker`
/// reaches (narrowed to their own cases where the carrier asks for it), as a subquery
/// for other services' filters (`household_id IN (…)`).
#[must_use]
pub fn carrier_households(
    tx: &TenantTx,
    carrier: OrganisationId,
    caseworker: UserId,
) -> sea_orm::sea_query::SelectStatement {
    use sea_orm::sea_query::Query;
    Query::select()
        .column(household::Column::Id)
        .from(household::Entity)
        .and_where(household::Column::TenantId.eq(tx.tenant().uuid()))
        .and_where(household::Column::CarrierOrg.eq(carrier.uuid()))
        .cond_where(own_cases(
            tx,
            carrier,
            caseworker,
            household::Column::CarrierCaseworker,
        ))
        .to_owned()
}

/// The own-cases condition for a caseworker of `org`: the household names `user` in
/// `responsible`, or `org` does not restrict its caseworkers to their own cases.
pub(crate) fn own_cases(
    tx: &TenantTx,
    org: OrganisationId,
    user: UserId,
    responsible: household::Column,
) -> sea_orm::Condition {
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    let restricted = Query::select()
        .expr(Expr::val(1))
        .from(visibility::Entity)
        .and_where(visibility::Column::TenantId.eq(tx.tenant().uuid()))
        .and_where(visibility::Column::OrganisationId.eq(org.uuid()))
        .and_where(visibility::Column::OwnCasesOnly.eq(true))
        .to_owned();
    sea_orm::Condition::any()
        .add(Expr::col((household::Entity, responsible)).eq(user.uuid()))
        .add(Expr::exists(restricted).not())
}

/// Locks household `id`'s row for the rest of the caller's transaction (`FOR UPDATE`
/// on PostgreSQL; SQLite transactions are serial already), so checks across its
/// matches, occupancy and case made afterwards still hold at commit. `NOT_FOUND` when
/// it does not exist in the tenant.
pub async fn lock_household(tx: &TenantTx, id: Uuid) -> Result<()> {
    locked(tx, id).await.map(|_| ())
}

/// Locks household `id` like [`lock_household`] and refuses a closed or erased case
/// with `BAD_USER_INPUT` on `field`: a closed case takes no new decisions, requests or
/// payments in any service. `NOT_FOUND` when it does not exist in the tenant.
pub async fn lock_open_household(
    tx: &TenantTx,
    id: Uuid,
    field: &'static str,
) -> Result<HouseholdBrief> {
    let h = locked(tx, id).await?;
    if h.state == CaseState::Closed.code() || h.erased_at.is_some() {
        return Err(wohnweg_kernel::Error::bad_input(
            field,
            "the case is closed",
        ));
    }
    Ok(HouseholdBrief {
        id: h.id,
        size: h.member_count + h.expected_members,
        expected: h.expected_members,
        state: stored(&h.state, CaseState::from_code)?,
        carrier: h.carrier_org.map(OrganisationId::from_uuid),
    })
}

/// Household `id`, locked for the rest of `tx`.
async fn locked(tx: &TenantTx, id: Uuid) -> Result<household::Model> {
    tx.for_update(
        tx.find::<household::Entity>()
            .filter(household::Column::Id.eq(id)),
    )
    .one(tx.conn())
    .await?
    .ok_or(wohnweg_kernel::Error::NotFound {
        entity: "household",
    })
}

/// Ends the aftercare of household `id` because it returned to a shelter on `on`
/// (inside housing's return, which holds the household's lock): the first follow-up
/// still open records the outcome "returned to shelter", the later ones are
/// cancelled (no longer due). Audited as `ctx`.
pub async fn end_aftercare_on_return(
    tx: &TenantTx,
    ctx: &wohnweg_kernel::Ctx,
    id: Uuid,
    on: chrono::NaiveDate,
) -> Result<()> {
    use sea_orm::QueryOrder;
    use wohnweg_kernel::audit::{self, AuditEntry};
    use wohnweg_kernel::scoped::TenantScoped;

    use crate::entity::followup;
    use crate::types::FollowUpOutcome;
    let open = tx
        .find::<followup::Entity>()
        .filter(followup::Column::HouseholdId.eq(id))
        .filter(followup::Column::Outcome.is_null())
        .order_by_asc(followup::Column::DueOn)
        .all(tx.conn())
        .await?;
    let mut entries = Vec::with_capacity(open.len());
    for (i, f) in open.iter().enumerate() {
        let outcome = if i == 0 {
            FollowUpOutcome::ReturnedToShelter
        } else {
            FollowUpOutcome::Cancelled
        };
        followup::Entity::secure_update_many(tx)
            .col_expr(followup::Column::Outcome, Expr::value(outcome.code()))
            .col_expr(followup::Column::RecordedOn, Expr::value(Some(on)))
            .col_expr(
                followup::Column::RecordedBy,
                Expr::value(Some(ctx.principal().user_id.uuid())),
            )
            .col_expr(
                followup::Column::Version,
                Expr::col(followup::Column::Version).add(1),
            )
            .filter(followup::Column::Id.eq(f.id))
            .exec(tx.conn())
            .await?;
        entries.push(AuditEntry::new(
            "aftercare_followup",
            f.id,
            "record",
            &["outcome", "recorded_on", "recorded_by"],
        ));
    }
    audit::append_many(tx, ctx, &entries).await
}

/// A household member as another service records them (learning enrols members in
/// courses): the name to print and the household. Personal data: the caller audits
/// what it does with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberBrief {
    /// The person.
    pub id: Uuid,
    /// Their household.
    pub household_id: Uuid,
    /// Given and family name, as a certificate prints them.
    pub full_name: String,
}

/// Member `id` of the transaction's tenant, if it exists and — for a carrier's
/// caseworker — belongs to a household that caseworker reaches (two statements).
pub async fn member(
    tx: &TenantTx,
    id: Uuid,
    carrier: Option<(OrganisationId, UserId)>,
) -> Result<Option<MemberBrief>> {
    let Some(p) = tx
        .find::<person::Entity>()
        .filter(person::Column::Id.eq(id))
        .one(tx.conn())
        .await?
    else {
        return Ok(None);
    };
    if let Some((org, user)) = carrier {
        let reached = tx
            .find::<household::Entity>()
            .filter(household::Column::Id.eq(p.household_id))
            .filter(household::Column::Id.in_subquery(carrier_households(tx, org, user)))
            .one(tx.conn())
            .await?;
        if reached.is_none() {
            return Ok(None);
        }
    }
    Ok(Some(MemberBrief {
        id: p.id,
        household_id: p.household_id,
        full_name: format!("{} {}", p.given_name, p.family_name),
    }))
}

/// Whether household `id` exists and — for a carrier's caseworker — is one that
/// caseworker reaches (one statement).
pub async fn reaches_household(
    tx: &TenantTx,
    id: Uuid,
    carrier: Option<(OrganisationId, UserId)>,
) -> Result<bool> {
    let mut q = tx
        .find::<household::Entity>()
        .filter(household::Column::Id.eq(id));
    if let Some((org, user)) = carrier {
        q = q.filter(household::Column::Id.in_subquery(carrier_households(tx, org, user)));
    }
    Ok(q.one(tx.conn()).await?.is_some())
}

/// Every household of the transaction's tenant that has not been erased, with the
/// day it was registered (one statement) — for figures that compare groups of
/// households by id, never by name.
pub async fn registered_households(tx: &TenantTx) -> Result<Vec<(Uuid, chrono::NaiveDate)>> {
    use sea_orm::QuerySelect;
    let rows: Vec<(Uuid, chrono::DateTime<chrono::Utc>)> = tx
        .find::<household::Entity>()
        .select_only()
        .column(household::Column::Id)
        .column(household::Column::CreatedAt)
        .filter(household::Column::ErasedAt.is_null())
        .into_tuple()
        .all(tx.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, at)| (id, at.date_naive()))
        .collect())
}

/// Every household of the transaction's tenant that a carrier is assigned to and that
/// has not been erased: `(household, carrier, case state)` (one statement) — for
/// programme figures by carrier.
pub async fn carrier_caseload(tx: &TenantTx) -> Result<Vec<(Uuid, OrganisationId, CaseState)>> {
    use sea_orm::QuerySelect;
    let rows: Vec<(Uuid, Option<Uuid>, String)> = tx
        .find::<household::Entity>()
        .select_only()
        .column(household::Column::Id)
        .column(household::Column::CarrierOrg)
        .column(household::Column::State)
        .filter(household::Column::ErasedAt.is_null())
        .filter(household::Column::CarrierOrg.is_not_null())
        .into_tuple()
        .all(tx.conn())
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, org, state) in rows {
        if let Some(org) = org {
            out.push((
                id,
                OrganisationId::from_uuid(org),
                stored(&state, CaseState::from_code)?,
            ));
        }
    }
    Ok(out)
}

/// The aftercare follow-ups recorded from `from` to `to` (both inclusive):
/// `(household, recorded on)` (one statement).
pub async fn followups_recorded(
    tx: &TenantTx,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<(Uuid, chrono::NaiveDate)>> {
    use sea_orm::QuerySelect;
    let rows: Vec<(Uuid, Option<chrono::NaiveDate>)> = tx
        .find::<crate::entity::followup::Entity>()
        .select_only()
        .column(crate::entity::followup::Column::HouseholdId)
        .column(crate::entity::followup::Column::RecordedOn)
        .filter(crate::entity::followup::Column::RecordedOn.gte(from))
        .filter(crate::entity::followup::Column::RecordedOn.lte(to))
        // A follow-up cancelled by a return before it was no contact.
        .filter(
            crate::entity::followup::Column::Outcome
                .ne(crate::types::FollowUpOutcome::Cancelled.code()),
        )
        .into_tuple()
        .all(tx.conn())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(h, on)| on.map(|d| (h, d)))
        .collect())
}

/// A carrier assignment that took effect: household, carrier, from, until.
pub type AssignmentSpan = (
    Uuid,
    OrganisationId,
    chrono::DateTime<chrono::Utc>,
    Option<chrono::DateTime<chrono::Utc>>,
);

/// What a report by period needs of the city's cases, as ids, dates and codes only.
#[derive(Clone, Debug, Default)]
pub struct CaseHistory {
    /// Every household (erased ones too: their dates stay): id, registered at,
    /// members.
    pub households: Vec<(Uuid, chrono::DateTime<chrono::Utc>, i32)>,
    /// Every case transition: household, to which state, effective on, recorded at.
    pub transitions: Vec<(
        Uuid,
        CaseState,
        chrono::NaiveDate,
        chrono::DateTime<chrono::Utc>,
    )>,
    /// Every carrier assignment that took effect: household, carrier, from, until.
    pub assignments: Vec<AssignmentSpan>,
    /// Every aftercare follow-up recorded: household, recorded on, outcome.
    pub followups: Vec<(Uuid, chrono::NaiveDate, crate::types::FollowUpOutcome)>,
    /// Every readiness assessment that found the household ready (with or without
    /// support): household, assessed on, recorded at.
    pub ready: Vec<(Uuid, chrono::NaiveDate, chrono::DateTime<chrono::Utc>)>,
}

/// The city's case history for reports (five statements).
pub async fn case_history(tx: &TenantTx) -> Result<CaseHistory> {
    use sea_orm::QuerySelect;

    use crate::entity::{assignment, followup, transition};
    use crate::types::{AssignmentStatus, FollowUpOutcome};
    let households: Vec<(Uuid, chrono::DateTime<chrono::Utc>, i32)> = tx
        .find::<household::Entity>()
        .select_only()
        .column(household::Column::Id)
        .column(household::Column::CreatedAt)
        .column(household::Column::MemberCount)
        .into_tuple()
        .all(tx.conn())
        .await?;
    let rows: Vec<(
        Uuid,
        String,
        chrono::NaiveDate,
        chrono::DateTime<chrono::Utc>,
    )> = tx
        .find::<transition::Entity>()
        .select_only()
        .column(transition::Column::HouseholdId)
        .column(transition::Column::ToState)
        .column(transition::Column::EffectiveOn)
        .column(transition::Column::At)
        .into_tuple()
        .all(tx.conn())
        .await?;
    let mut transitions = Vec::with_capacity(rows.len());
    for (h, to, on, at) in rows {
        transitions.push((h, stored(&to, CaseState::from_code)?, on, at));
    }
    type AssignmentRow = (
        Uuid,
        Uuid,
        String,
        chrono::DateTime<chrono::Utc>,
        Option<chrono::DateTime<chrono::Utc>>,
        Option<chrono::DateTime<chrono::Utc>>,
    );
    let rows: Vec<AssignmentRow> = tx
        .find::<assignment::Entity>()
        .select_only()
        .column(assignment::Column::HouseholdId)
        .column(assignment::Column::OrganisationId)
        .column(assignment::Column::Status)
        .column(assignment::Column::ProposedAt)
        .column(assignment::Column::DecidedAt)
        .column(assignment::Column::EndedAt)
        .filter(assignment::Column::Status.is_in([
            AssignmentStatus::Active.code(),
            AssignmentStatus::Ended.code(),
        ]))
        .into_tuple()
        .all(tx.conn())
        .await?;
    let assignments = rows
        .into_iter()
        .map(|(h, org, _, proposed, decided, ended)| {
            (
                h,
                OrganisationId::from_uuid(org),
                decided.unwrap_or(proposed),
                ended,
            )
        })
        .collect();
    let rows: Vec<(Uuid, Option<chrono::NaiveDate>, Option<String>)> = tx
        .find::<followup::Entity>()
        .select_only()
        .column(followup::Column::HouseholdId)
        .column(followup::Column::RecordedOn)
        .column(followup::Column::Outcome)
        .filter(followup::Column::RecordedOn.is_not_null())
        .into_tuple()
        .all(tx.conn())
        .await?;
    let mut followups = Vec::with_capacity(rows.len());
    for (h, on, outcome) in rows {
        if let (Some(on), Some(o)) = (on, outcome) {
            followups.push((h, on, stored(&o, FollowUpOutcome::from_code)?));
        }
    }
    let ready = tx
        .find::<crate::entity::readiness::Entity>()
        .select_only()
        .column(crate::entity::readiness::Column::HouseholdId)
        .column(crate::entity::readiness::Column::AssessedOn)
        .column(crate::entity::readiness::Column::CreatedAt)
        .filter(crate::entity::readiness::Column::Overall.is_in([
            crate::types::ReadinessLevel::Ready.code(),
            crate::types::ReadinessLevel::ReadyWithSupport.code(),
        ]))
        .into_tuple()
        .all(tx.conn())
        .await?;
    Ok(CaseHistory {
        households,
        transitions,
        assignments,
        followups,
        ready,
    })
}

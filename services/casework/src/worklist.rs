//! The worklist: what a caseworker has to do today, within their reach. Each section is
//! one statement over the caller's scoped households (own cases too, where their
//! organisation asks for it); one more loads the references of every household named.
//! Sections that reveal residence or benefit data are audited as reads of it.

use std::collections::{BTreeSet, HashMap};

use chrono::{Days, NaiveDate, Utc};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait};
use uuid::Uuid;
use wohnweg_kernel::{Ctx, Error, Result, TenantTx};

use crate::Casework;
use crate::access::{Access, Scope};
use crate::entity::{assignment, followup, goal_step, household, person};
use crate::read::{RESIDENCE_FIELDS, audit_reveal, scoped_households};
use crate::types::{AssignmentStatus, CaseState};

/// The most items a section lists (the oldest, most urgent first).
pub const SECTION_LIMIT: u64 = 200;

/// How far ahead the worklist looks.
#[derive(Clone, Copy, Debug)]
pub struct WorklistOptions {
    /// Follow-ups due within this many days (and every overdue one).
    pub follow_up_days: u32,
    /// Residence permits expiring within this many days (and expired ones).
    pub permit_days: u32,
    /// Benefit framework switches within this many days.
    pub benefit_days: u32,
    /// Only the caller's own cases.
    pub mine: bool,
}

impl WorklistOptions {
    /// Checks the horizons (0–730 days).
    pub fn new(
        follow_up_days: i32,
        permit_days: i32,
        benefit_days: i32,
        mine: bool,
    ) -> Result<Self> {
        let days = |field: &'static str, v: i32| match u32::try_from(v) {
            Ok(d @ 0..=730) => Ok(d),
            _ => Err(Error::bad_input(field, "must be 0–730 days")),
        };
        Ok(Self {
            follow_up_days: days("followUpDays", follow_up_days)?,
            permit_days: days("permitDays", permit_days)?,
            benefit_days: days("benefitDays", benefit_days)?,
            mine,
        })
    }
}

/// One thing to do about one household.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkItem {
    /// The household.
    pub household_id: Uuid,
    /// Its reference (file number).
    pub reference: String,
    /// The date that makes it due (due date, expiry, switch, proposal day).
    pub on: NaiveDate,
    /// Whether that date has passed.
    pub overdue: bool,
    /// What it is about: the follow-up's months, the goal step, the carrier proposing.
    pub detail: String,
    /// The row it is about (follow-up, goal step, transfer, person).
    pub subject_id: Uuid,
}

/// The caseworker's worklist.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Worklist {
    /// Aftercare follow-ups due or overdue.
    pub follow_ups: Vec<WorkItem>,
    /// Goal steps past their due date.
    pub overdue_steps: Vec<WorkItem>,
    /// Transfers proposed to the caller's carrier.
    pub incoming_transfers: Vec<WorkItem>,
    /// Residence permits expiring (or expired).
    pub permits_expiring: Vec<WorkItem>,
    /// Benefit framework switches coming (AsylbLG → SGB II moves the rent onto the
    /// tenant).
    pub benefit_switches: Vec<WorkItem>,
    /// Households in tenancy coaching.
    pub in_coaching: Vec<WorkItem>,
}

impl Casework {
    /// The signed-in caseworker's worklist (city or carrier caseworkers).
    pub async fn worklist(&self, ctx: &Ctx, opts: WorklistOptions) -> Result<Worklist> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        let today = Utc::now().date_naive();
        let ahead = |d: u32| {
            today
                .checked_add_days(Days::new(u64::from(d)))
                .unwrap_or(today)
        };
        let tx = self.db.begin_tenant(access.tenant).await?;
        let reach = || reach(&tx, &access, opts.mine);

        let follow_ups = tx
            .find::<followup::Entity>()
            .filter(followup::Column::HouseholdId.in_subquery(reach()))
            .filter(followup::Column::Outcome.is_null())
            .filter(followup::Column::DueOn.lte(ahead(opts.follow_up_days)))
            .order_by_asc(followup::Column::DueOn)
            .order_by_asc(followup::Column::Id)
            .limit(SECTION_LIMIT)
            .all(tx.conn())
            .await?;
        let steps = tx
            .find::<goal_step::Entity>()
            .filter(goal_step::Column::HouseholdId.in_subquery(reach()))
            .filter(goal_step::Column::DoneOn.is_null())
            .filter(goal_step::Column::DueOn.lt(today))
            .order_by_asc(goal_step::Column::DueOn)
            .order_by_asc(goal_step::Column::Id)
            .limit(SECTION_LIMIT)
            .all(tx.conn())
            .await?;
        let transfers = match access.scope {
            Scope::Carrier(org) => {
                // Proposed to the caller's carrier: the household is not in its reach
                // yet, so this section is not narrowed to it.
                tx.find::<assignment::Entity>()
                    .filter(assignment::Column::OrganisationId.eq(org.uuid()))
                    .filter(assignment::Column::Status.eq(AssignmentStatus::Proposed.code()))
                    .order_by_asc(assignment::Column::Id)
                    .limit(SECTION_LIMIT)
                    .all(tx.conn())
                    .await?
            }
            Scope::City => Vec::new(),
        };
        let permits = tx
            .find::<person::Entity>()
            .filter(person::Column::HouseholdId.in_subquery(reach()))
            .filter(person::Column::PermitExpiresOn.lte(ahead(opts.permit_days)))
            .order_by_asc(person::Column::PermitExpiresOn)
            .order_by_asc(person::Column::Id)
            .limit(SECTION_LIMIT)
            .all(tx.conn())
            .await?;
        let switches = tx
            .find::<person::Entity>()
            .filter(person::Column::HouseholdId.in_subquery(reach()))
            .filter(person::Column::BenefitChangesOn.gte(today))
            .filter(person::Column::BenefitChangesOn.lte(ahead(opts.benefit_days)))
            .order_by_asc(person::Column::BenefitChangesOn)
            .order_by_asc(person::Column::Id)
            .limit(SECTION_LIMIT)
            .all(tx.conn())
            .await?;
        let coaching = scoped(&tx, &access, opts.mine)
            .filter(household::Column::TenancyCoaching.eq(true))
            .order_by_asc(household::Column::Id)
            .limit(SECTION_LIMIT)
            .all(tx.conn())
            .await?;

        // The references of every household named, in one statement.
        let mut named: BTreeSet<Uuid> = BTreeSet::new();
        named.extend(follow_ups.iter().map(|f| f.household_id));
        named.extend(steps.iter().map(|s| s.household_id));
        named.extend(transfers.iter().map(|a| a.household_id));
        named.extend(permits.iter().map(|p| p.household_id));
        named.extend(switches.iter().map(|p| p.household_id));
        let refs: HashMap<Uuid, String> = if named.is_empty() {
            HashMap::new()
        } else {
            tx.find::<household::Entity>()
                .filter(household::Column::Id.is_in(named.iter().copied()))
                .all(tx.conn())
                .await?
                .into_iter()
                .map(|h| (h.id, h.reference))
                .collect()
        };
        let item = |household_id: Uuid, on: NaiveDate, detail: String, subject_id: Uuid| WorkItem {
            reference: refs.get(&household_id).cloned().unwrap_or_default(),
            household_id,
            on,
            overdue: on < today,
            detail,
            subject_id,
        };
        let list = Worklist {
            follow_ups: follow_ups
                .iter()
                .map(|f| {
                    item(
                        f.household_id,
                        f.due_on,
                        format!("{} Monate", f.months),
                        f.id,
                    )
                })
                .collect(),
            overdue_steps: steps
                .iter()
                .map(|s| item(s.household_id, s.due_on, s.description.clone(), s.id))
                .collect(),
            incoming_transfers: transfers
                .iter()
                .map(|a| {
                    item(
                        a.household_id,
                        a.proposed_at.date_naive(),
                        String::new(),
                        a.id,
                    )
                })
                .collect(),
            permits_expiring: permits
                .iter()
                .filter_map(|p| {
                    p.permit_expires_on
                        .map(|d| item(p.household_id, d, p.residence.clone(), p.id))
                })
                .collect(),
            benefit_switches: switches
                .iter()
                .filter_map(|p| {
                    p.benefit_changes_on
                        .map(|d| item(p.household_id, d, p.benefit.clone(), p.id))
                })
                .collect(),
            in_coaching: coaching
                .into_iter()
                .map(|h| WorkItem {
                    household_id: h.id,
                    reference: h.reference,
                    on: h.state_since,
                    overdue: false,
                    detail: String::new(),
                    subject_id: h.id,
                })
                .collect(),
        };
        // Expiring permits and coming switches reveal residence and benefit data.
        let revealed: BTreeSet<Uuid> = list
            .permits_expiring
            .iter()
            .chain(&list.benefit_switches)
            .map(|i| i.household_id)
            .collect();
        let revealed: Vec<Uuid> = revealed.into_iter().collect();
        audit_reveal(&tx, ctx, &revealed, &[RESIDENCE_FIELDS], None).await?;
        tx.commit().await?;
        Ok(list)
    }
}

/// The caller's open cases (not closed or erased), narrowed to their own when `mine`.
fn scoped(tx: &TenantTx, access: &Access, mine: bool) -> sea_orm::Select<household::Entity> {
    let q = scoped_households(tx, access)
        .filter(household::Column::State.ne(CaseState::Closed.code()))
        .filter(household::Column::ErasedAt.is_null());
    if mine {
        q.filter(crate::read::mine(access))
    } else {
        q
    }
}

/// The ids of the caller's households, as a subquery.
fn reach(tx: &TenantTx, access: &Access, mine: bool) -> sea_orm::sea_query::SelectStatement {
    scoped(tx, access, mine)
        .select_only()
        .column(household::Column::Id)
        .into_query()
}

//! GraphQL surface of a caseworker's day: the worklist, the responsible city
//! caseworker of a household, and each organisation's own-cases setting.

use super::scalars::Date;
use async_graphql::{Context, ID, Object, SimpleObject};
use wohnweg_casework::Casework;
use wohnweg_casework::worklist::{WorkItem as WorkItemView, WorklistOptions};
use wohnweg_kernel::{OrganisationId, UserId};

use super::casework::Household;
use super::guarantees::Guarantee;
use super::housing::housing;
use super::{Services, parse_id, request_ctx, uuid};
use crate::error::GqlResultExt;

fn casework<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a Casework> {
    Ok(&ctx.data::<Services>()?.casework)
}

/// One thing to do about one household.
#[derive(SimpleObject)]
pub struct WorkItem {
    /// The household.
    pub household_id: ID,
    /// Its reference (file number).
    pub reference: String,
    /// The date that makes it due (due date, expiry, switch, proposal day).
    pub on: Date,
    /// Whether that date has passed.
    pub overdue: bool,
    /// What it is about: the follow-up's interval, the goal step, the residence status
    /// or benefit framework code.
    pub detail: String,
    /// The follow-up, goal step, transfer, person or household it is about.
    pub subject_id: ID,
}

impl From<WorkItemView> for WorkItem {
    fn from(i: WorkItemView) -> Self {
        Self {
            household_id: ID(i.household_id.to_string()),
            reference: i.reference,
            on: Date(i.on),
            overdue: i.overdue,
            detail: i.detail,
            subject_id: ID(i.subject_id.to_string()),
        }
    }
}

/// What the signed-in caseworker has to do, section by section (each at most 200
/// items, most urgent first).
#[derive(SimpleObject)]
pub struct Worklist {
    /// Aftercare follow-ups due within the horizon or overdue.
    pub follow_ups: Vec<WorkItem>,
    /// Goal steps past their due date.
    pub overdue_steps: Vec<WorkItem>,
    /// Transfers proposed to the caller's carrier, awaiting its decision.
    pub incoming_transfers: Vec<WorkItem>,
    /// Residence permits expiring within the horizon (or expired).
    pub permits_expiring: Vec<WorkItem>,
    /// Benefit framework switches within the horizon (AsylbLG → SGB II moves the rent
    /// onto the tenant).
    pub benefit_switches: Vec<WorkItem>,
    /// Households in tenancy coaching.
    pub in_coaching: Vec<WorkItem>,
    /// Guarantee requests awaiting a decision (coordinators; empty for others).
    pub guarantee_requests: Vec<Guarantee>,
    /// Leases signed ahead of the move-in, soonest first.
    pub scheduled_moves: Vec<super::scheduled::ScheduledMove>,
    /// Programme warnings (city coordinators; empty for everyone else): funding or a
    /// fixed-term position ending within six months, vacant positions, a caseload
    /// above its limit, a target behind its pro-rata path.
    pub programme_warnings: Vec<super::programmes::ProgrammeWarning>,
}

/// An organisation's own-cases setting.
#[derive(SimpleObject)]
pub struct CaseVisibility {
    /// The organisation (a city department or a carrier).
    pub organisation_id: ID,
    /// Its caseworkers see only the households they are responsible for; coordinators
    /// and carrier administrators keep the organisation's view.
    pub own_cases_only: bool,
    /// Version (0 while the default applies).
    pub version: i32,
}

impl From<wohnweg_casework::model::Visibility> for CaseVisibility {
    fn from(v: wohnweg_casework::model::Visibility) -> Self {
        Self {
            organisation_id: ID(v.organisation.to_string()),
            own_cases_only: v.own_cases_only,
            version: v.version,
        }
    }
}

/// Caseload queries.
#[derive(Default)]
pub struct CaseloadQuery;

#[Object]
impl CaseloadQuery {
    /// The signed-in caseworker's worklist, within their reach (`mine`: only the
    /// households they are responsible for). Follow-ups show from 31 days ahead (the
    /// shortest aftercare interval is a month, so each shows once its month begins);
    /// permits and benefit switches from 90 days. Expiring permits and benefit switches
    /// are audited as reads of residence data.
    async fn worklist(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 31)] follow_up_days: i32,
        #[graphql(default = 90)] permit_days: i32,
        #[graphql(default = 90)] benefit_days: i32,
        #[graphql(default = false)] mine: bool,
    ) -> async_graphql::Result<Worklist> {
        let rctx = request_ctx(ctx).await?;
        let opts = WorklistOptions::new(follow_up_days, permit_days, benefit_days, mine).gql()?;
        let list = casework(ctx)?.worklist(&rctx, opts).await.gql()?;
        let guarantees = if ctx.look_ahead().field("guaranteeRequests").exists() {
            housing(ctx)?
                .guarantees_to_decide(&rctx)
                .await
                .gql()?
                .into_iter()
                .map(Guarantee::from)
                .collect()
        } else {
            Vec::new()
        };
        let moves = if ctx.look_ahead().field("scheduledMoves").exists() {
            housing(ctx)?
                .pending_moves(&rctx)
                .await
                .gql()?
                .into_iter()
                .map(Into::into)
                .collect()
        } else {
            Vec::new()
        };
        let coordinator = rctx
            .principal()
            .has_role(wohnweg_kernel::Role::CityCoordinator);
        let warnings = if coordinator && ctx.look_ahead().field("programmeWarnings").exists() {
            super::programmes::programmes(ctx)?
                .warnings(&rctx)
                .await
                .gql()?
                .into_iter()
                .map(Into::into)
                .collect()
        } else {
            Vec::new()
        };
        let items = |v: Vec<WorkItemView>| v.into_iter().map(WorkItem::from).collect();
        Ok(Worklist {
            follow_ups: items(list.follow_ups),
            overdue_steps: items(list.overdue_steps),
            incoming_transfers: items(list.incoming_transfers),
            permits_expiring: items(list.permits_expiring),
            benefit_switches: items(list.benefit_switches),
            in_coaching: items(list.in_coaching),
            guarantee_requests: guarantees,
            scheduled_moves: moves,
            programme_warnings: warnings,
        })
    }

    /// An organisation's own-cases setting (city administrators: any organisation;
    /// carrier administrators: their own).
    async fn case_visibility(
        &self,
        ctx: &Context<'_>,
        organisation_id: ID,
    ) -> async_graphql::Result<CaseVisibility> {
        let rctx = request_ctx(ctx).await?;
        let org = parse_id::<OrganisationId>("organisationId", &organisation_id).gql()?;
        Ok(casework(ctx)?.visibility(&rctx, org).await.gql()?.into())
    }
}

/// Caseload mutations.
#[derive(Default)]
pub struct CaseloadMutation;

#[Object]
impl CaseloadMutation {
    /// Decides whether an organisation's caseworkers see its cases or only their own
    /// (data minimisation). `version` is 0 while the default applies.
    async fn set_case_visibility(
        &self,
        ctx: &Context<'_>,
        organisation_id: ID,
        version: i32,
        own_cases_only: bool,
    ) -> async_graphql::Result<CaseVisibility> {
        let rctx = request_ctx(ctx).await?;
        let org = parse_id::<OrganisationId>("organisationId", &organisation_id).gql()?;
        Ok(casework(ctx)?
            .set_visibility(&rctx, org, version, own_cases_only)
            .await
            .gql()?
            .into())
    }

    /// Names (or, with no id, clears) the household's responsible city caseworker
    /// (city staff).
    async fn set_city_caseworker(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        version: i32,
        caseworker_id: Option<ID>,
    ) -> async_graphql::Result<Household> {
        let rctx = request_ctx(ctx).await?;
        let hid = uuid("householdId", &household_id).gql()?;
        let cw = caseworker_id
            .as_ref()
            .map(|c| parse_id::<UserId>("caseworkerId", c))
            .transpose()
            .gql()?;
        let look = ctx.look_ahead();
        let view = casework(ctx)?
            .set_city_caseworker(&rctx, hid, version, cw, super::casework::want_of(&look))
            .await
            .gql()?;
        let places = look.field("currentAccommodation").exists();
        super::casework::with_places(ctx, &rctx, vec![view], places)
            .await?
            .pop()
            .ok_or_else(|| async_graphql::Error::new("household not found"))
    }
}

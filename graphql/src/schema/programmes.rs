//! GraphQL surface of programmes: each organisation's move-out programme with its
//! funding sources, positions, yearly targets and computed figures, the coordinator's
//! writes, and the warnings on the coordinator's worklist (see `caseload`).

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use wohnweg_casework::types::Text;
use wohnweg_housing::types::cents_up_to;
use wohnweg_kernel::OrganisationId;
use wohnweg_programmes::Programmes;
use wohnweg_programmes::programmes::{
    FundingView, NewFunding, NewPosition, NewProgramme, PositionView, ProgrammeView, TargetView,
};
use wohnweg_programmes::types::fte_hundredths;
use wohnweg_programmes::warnings::Warning;

use super::scalars::{Date, Decimal, euros};
use super::{Services, gql_enum, parse_id, request_ctx, uuid};
use crate::error::GqlResultExt;

gql_enum!(/// Where a programme's money comes from.
    FundingKindCode => "wohnweg_programmes::types::FundingKind", "FundingKind" { CityBudget, Kim, Other });
gql_enum!(/// What a yearly target counts.
    TargetKindCode => "wohnweg_programmes::types::TargetKind", "TargetKind" { MoveOuts, CourseCompletions, AftercareContacts, LandlordsWon });
gql_enum!(/// What a programme warning is about.
    WarningKindCode => "wohnweg_programmes::types::WarningKind", "ProgrammeWarningKind" { FundingEnding, PositionEnding, PositionVacant, CaseloadAboveLimit, TargetBehind });

pub(crate) fn programmes<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a Programmes> {
    Ok(&ctx.data::<Services>()?.programmes)
}

fn id(u: uuid::Uuid) -> ID {
    ID(u.to_string())
}

fn fte(hundredths: i64) -> f64 {
    #[allow(clippy::cast_precision_loss)] // at most a few thousand hundredths
    {
        hundredths as f64 / 100.0
    }
}

fn count(n: i64) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// A funding source.
#[derive(SimpleObject)]
pub struct FundingSource {
    /// Id.
    pub id: ID,
    /// City budget, KIM, other.
    pub kind: FundingKindCode,
    /// Name.
    pub name: String,
    /// Amount for the whole period, in euros.
    pub amount: Decimal,
    /// First day.
    pub starts_on: Date,
    /// Last day.
    pub ends_on: Date,
    /// What it pays for.
    pub pays_for: String,
    /// Paid out so far, in euros.
    pub spent: Decimal,
}

impl From<FundingView> for FundingSource {
    fn from(f: FundingView) -> Self {
        Self {
            id: id(f.id),
            kind: f.kind.into(),
            name: f.name,
            amount: euros(f.amount_cents),
            starts_on: f.starts_on.into(),
            ends_on: f.ends_on.into(),
            pays_for: f.pays_for,
            spent: euros(i32::try_from(f.spent_cents).unwrap_or(i32::MAX)),
        }
    }
}

/// A position (a title, never a person's name).
#[derive(SimpleObject)]
pub struct Position {
    /// Id.
    pub id: ID,
    /// Title.
    pub title: String,
    /// Full-time equivalent (`1`, `0.5`).
    pub fte: f64,
    /// Permanent, or fixed-term until `endsOn`.
    pub permanent: bool,
    /// A fixed-term position's last day.
    pub ends_on: Option<Date>,
    /// The funding source that pays for it.
    pub funding_id: Option<ID>,
    /// Filled or vacant …
    pub filled: bool,
    /// … since this day.
    pub since: Date,
    /// Version (for `setPositionFilled`).
    pub version: i32,
}

impl From<PositionView> for Position {
    fn from(p: PositionView) -> Self {
        Self {
            id: id(p.id),
            title: p.title,
            fte: fte(i64::from(p.fte_hundredths)),
            permanent: p.permanent,
            ends_on: p.ends_on.map(Into::into),
            funding_id: p.funding_id.map(id),
            filled: p.filled,
            since: p.since.into(),
            version: p.version,
        }
    }
}

/// A yearly target and, for this year, how it stands.
#[derive(SimpleObject)]
pub struct ProgrammeTarget {
    /// The year.
    pub year: i32,
    /// What it counts.
    pub kind: TargetKindCode,
    /// The target.
    pub target: i32,
    /// This year's count so far (null for other years).
    pub actual: Option<i32>,
    /// Where the pro-rata path stands today.
    pub expected_by_now: i32,
    /// This year's count is below the path.
    pub behind: bool,
}

impl From<TargetView> for ProgrammeTarget {
    fn from(t: TargetView) -> Self {
        Self {
            year: t.year,
            kind: t.kind.into(),
            target: t.target,
            actual: t.actual.map(count),
            expected_by_now: count(t.expected_by_now),
            behind: t.behind,
        }
    }
}

/// An organisation's move-out programme for the city.
#[derive(SimpleObject)]
pub struct Programme {
    /// Id.
    pub id: ID,
    /// The organisation that runs it.
    pub organisation_id: ID,
    /// Its name.
    pub organisation_name: String,
    /// Title.
    pub title: String,
    /// Contract period: first day …
    pub starts_on: Date,
    /// … and last (null: open-ended).
    pub ends_on: Option<Date>,
    /// Households per filled full-time position it should not exceed.
    pub caseload_limit: Option<i32>,
    /// Funding sources, by end date.
    pub funding: Vec<FundingSource>,
    /// Positions.
    pub positions: Vec<Position>,
    /// Targets, newest year first.
    pub targets: Vec<ProgrammeTarget>,
    /// Open households assigned to the organisation.
    pub households: i32,
    /// Filled full-time equivalents (current positions).
    pub filled_fte: f64,
    /// Vacant full-time equivalents.
    pub vacant_fte: f64,
    /// Households per filled full-time position (null with nothing filled).
    pub caseload_per_fte: Option<f64>,
    /// Version.
    pub version: i32,
}

impl From<ProgrammeView> for Programme {
    fn from(p: ProgrammeView) -> Self {
        Self {
            id: id(p.id),
            organisation_id: ID(p.organisation.to_string()),
            organisation_name: p.organisation_name,
            title: p.title,
            starts_on: p.starts_on.into(),
            ends_on: p.ends_on.map(Into::into),
            caseload_limit: p.caseload_limit,
            funding: p.funding.into_iter().map(Into::into).collect(),
            positions: p.positions.into_iter().map(Into::into).collect(),
            targets: p.targets.into_iter().map(Into::into).collect(),
            households: count(p.households),
            filled_fte: fte(p.filled_fte_hundredths),
            vacant_fte: fte(p.vacant_fte_hundredths),
            caseload_per_fte: p.caseload_per_fte,
            version: p.version,
        }
    }
}

/// A warning about a running programme on a coordinator's worklist.
#[derive(SimpleObject)]
pub struct ProgrammeWarning {
    /// What it is about.
    pub kind: WarningKindCode,
    /// The programme.
    pub programme_id: ID,
    /// The organisation that runs it.
    pub organisation_name: String,
    /// The funding source's name, the position's title, the programme's title
    /// (caseload) or the target's kind code.
    pub subject: String,
    /// The day that matters: the last day, or vacant since.
    pub on: Option<Date>,
    /// A funding source: what it pays for …
    pub pays_for: Option<String>,
    /// … and the positions it funds.
    pub funded_positions: Vec<String>,
    /// A position's FTE, or the filled FTE (caseload).
    pub fte: Option<f64>,
    /// Caseload: open households …
    pub households: Option<i32>,
    /// … against the limit per filled FTE.
    pub caseload_limit: Option<i32>,
    /// A target: this year's count …
    pub actual: Option<i32>,
    /// … the target …
    pub target: Option<i32>,
    /// … and its pro-rata path today.
    pub expected_by_now: Option<i32>,
}

impl From<Warning> for ProgrammeWarning {
    fn from(w: Warning) -> Self {
        Self {
            kind: w.kind.into(),
            programme_id: id(w.programme_id),
            organisation_name: w.organisation_name,
            subject: w.subject,
            on: w.on.map(Into::into),
            pays_for: w.pays_for,
            funded_positions: w.funded_positions,
            fte: w.fte_hundredths.map(fte),
            households: w.households.map(count),
            caseload_limit: w.caseload_limit,
            actual: w.actual.map(count),
            target: w.target,
            expected_by_now: w.expected_by_now.map(count),
        }
    }
}

/// A new programme.
#[derive(InputObject)]
pub struct ProgrammeInput {
    /// The organisation of the city that runs it (a carrier or the city's department).
    pub organisation_id: ID,
    /// Title.
    pub title: String,
    /// First day of the contract period.
    pub starts_on: Date,
    /// Last day (omit: open-ended).
    pub ends_on: Option<Date>,
    /// Households per filled full-time position, at most.
    pub caseload_limit: Option<i32>,
}

/// A new funding source.
#[derive(InputObject)]
pub struct FundingInput {
    /// Kind.
    pub kind: FundingKindCode,
    /// Name.
    pub name: String,
    /// Amount for the whole period, in euros (up to 20 000 000).
    pub amount: Decimal,
    /// First day.
    pub starts_on: Date,
    /// Last day.
    pub ends_on: Date,
    /// What it pays for.
    pub pays_for: String,
}

/// A new position.
#[derive(InputObject)]
pub struct PositionInput {
    /// Title (a role, never a person's name).
    pub title: String,
    /// Full-time equivalent (above 0, at most 5, two decimals).
    pub fte: f64,
    /// Permanent (no last day) or fixed-term (`endsOn` required).
    pub permanent: bool,
    /// A fixed-term position's last day.
    pub ends_on: Option<Date>,
    /// One of the programme's funding sources.
    pub funding_id: Option<ID>,
    /// Filled or vacant …
    pub filled: bool,
    /// … since this day.
    pub since: Date,
}

/// Programme queries.
#[derive(Default)]
pub struct ProgrammesQuery;

#[Object]
impl ProgrammesQuery {
    /// The city's programmes with funding, positions, targets and figures (a
    /// carrier's caseworker: its own organisation's).
    async fn programmes(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Programme>> {
        let rctx = request_ctx(ctx).await?;
        Ok(programmes(ctx)?
            .programmes(&rctx)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// One programme.
    async fn programme(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Programme> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        Ok(programmes(ctx)?.programme(&rctx, id).await.gql()?.into())
    }
}

/// Programme mutations (city coordinators).
#[derive(Default)]
pub struct ProgrammesMutation;

#[Object]
impl ProgrammesMutation {
    /// Creates a programme for an organisation of the city.
    async fn create_programme(
        &self,
        ctx: &Context<'_>,
        input: ProgrammeInput,
    ) -> async_graphql::Result<Programme> {
        let rctx = request_ctx(ctx).await?;
        let new = NewProgramme {
            organisation: parse_id::<OrganisationId>(
                "input.organisationId",
                &input.organisation_id,
            )
            .gql()?,
            title: Text::parse("input.title", &input.title, 200, false).gql()?,
            starts_on: input.starts_on.into(),
            ends_on: input.ends_on.map(Into::into),
            caseload_limit: input.caseload_limit,
        };
        Ok(programmes(ctx)?
            .create_programme(&rctx, new)
            .await
            .gql()?
            .into())
    }

    /// Adds a funding source to a programme.
    async fn add_funding_source(
        &self,
        ctx: &Context<'_>,
        programme_id: ID,
        input: FundingInput,
    ) -> async_graphql::Result<Programme> {
        let rctx = request_ctx(ctx).await?;
        let p = uuid("programmeId", &programme_id).gql()?;
        let new = NewFunding {
            kind: input.kind.into(),
            name: Text::parse("input.name", &input.name, 200, false).gql()?,
            amount_cents: cents_up_to("input.amount", &input.amount, 20_000_000).gql()?,
            starts_on: input.starts_on.into(),
            ends_on: input.ends_on.into(),
            pays_for: Text::parse("input.paysFor", &input.pays_for, 1000, true).gql()?,
        };
        Ok(programmes(ctx)?
            .add_funding(&rctx, p, new)
            .await
            .gql()?
            .into())
    }

    /// Adds a position to a programme.
    async fn add_position(
        &self,
        ctx: &Context<'_>,
        programme_id: ID,
        input: PositionInput,
    ) -> async_graphql::Result<Programme> {
        let rctx = request_ctx(ctx).await?;
        let p = uuid("programmeId", &programme_id).gql()?;
        let new = NewPosition {
            title: Text::parse("input.title", &input.title, 200, false).gql()?,
            fte_hundredths: fte_hundredths("input.fte", input.fte).gql()?,
            permanent: input.permanent,
            ends_on: input.ends_on.map(Into::into),
            funding_id: input
                .funding_id
                .as_ref()
                .map(|f| uuid("input.fundingId", f))
                .transpose()
                .gql()?,
            filled: input.filled,
            since: input.since.into(),
        };
        Ok(programmes(ctx)?
            .add_position(&rctx, p, new)
            .await
            .gql()?
            .into())
    }

    /// Records a position as filled or vacant since a day.
    async fn set_position_filled(
        &self,
        ctx: &Context<'_>,
        position_id: ID,
        version: i32,
        filled: bool,
        since: Date,
    ) -> async_graphql::Result<Programme> {
        let rctx = request_ctx(ctx).await?;
        let p = uuid("positionId", &position_id).gql()?;
        Ok(programmes(ctx)?
            .set_position_filled(&rctx, p, version, filled, since.into())
            .await
            .gql()?
            .into())
    }

    /// Books what a funding source paid out on a day (within its term; never more in
    /// all than its amount).
    async fn record_funding_spending(
        &self,
        ctx: &Context<'_>,
        funding_id: ID,
        amount: Decimal,
        spent_on: Date,
        note: String,
    ) -> async_graphql::Result<Programme> {
        let rctx = request_ctx(ctx).await?;
        let f = uuid("fundingId", &funding_id).gql()?;
        let cents = cents_up_to("amount", &amount, 20_000_000).gql()?;
        let note = Text::parse("note", &note, 500, false).gql()?;
        Ok(programmes(ctx)?
            .record_spending(&rctx, f, cents, spent_on.into(), note)
            .await
            .gql()?
            .into())
    }

    /// Sets a programme's target of one kind for a year (again: replaces it).
    async fn set_programme_target(
        &self,
        ctx: &Context<'_>,
        programme_id: ID,
        year: i32,
        kind: TargetKindCode,
        target: i32,
    ) -> async_graphql::Result<Programme> {
        let rctx = request_ctx(ctx).await?;
        let p = uuid("programmeId", &programme_id).gql()?;
        Ok(programmes(ctx)?
            .set_target(&rctx, p, year, kind.into(), target)
            .await
            .gql()?
            .into())
    }
}

/// One figure of a report.
#[derive(SimpleObject)]
pub struct ReportFigure {
    /// Stable key (`moves.households`, `state.searching.persons`).
    pub key: String,
    /// German label.
    pub label: String,
    /// As printed: `12`, `<3`, `5 von 8 (62,5 %)`.
    pub display: String,
    /// The count, a share's numerator or a duration's median in days (null when
    /// withheld, and for amounts).
    pub count: Option<i32>,
    /// A share's denominator or the cases a duration was measured on (null for counts
    /// and when withheld).
    pub of: Option<i32>,
    /// A small cell of a carrier's report, withheld ("<3").
    pub suppressed: bool,
}

/// A section of a report.
#[derive(SimpleObject)]
pub struct ReportSection {
    /// Stable key.
    pub key: String,
    /// German title.
    pub title: String,
    /// Its figures.
    pub figures: Vec<ReportFigure>,
}

/// A report by period: the city's joint one or a carrier's.
#[derive(SimpleObject)]
pub struct ProgrammeReport {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// Only what was recorded by then counts; the same period and cut-off give the
    /// same figures.
    pub cut_off: chrono::DateTime<chrono::Utc>,
    /// The city's or the carrier's name.
    pub scope_name: String,
    /// A carrier's report (small cells withheld).
    pub carrier_level: bool,
    /// A joint report the city released: when. Its figures are those kept at the
    /// release.
    pub released_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The sections.
    pub sections: Vec<ReportSection>,
    /// The report as CSV (RFC 4180, commas).
    pub csv: String,
    /// The report as CSV for German spreadsheet programs (semicolons).
    pub csv_semicolon: String,
}

/// A report's PDF.
#[derive(SimpleObject)]
pub struct ReportPdf {
    /// A file name (`Bericht-Köln-2025-01-01-2025-06-30.pdf`).
    pub file_name: String,
    /// The PDF, base64.
    pub base64: String,
}

fn scope_of(
    organisation_id: Option<ID>,
) -> async_graphql::Result<wohnweg_programmes::report::Scope> {
    use wohnweg_programmes::report::Scope;
    Ok(match organisation_id {
        Some(o) => Scope::Carrier(parse_id::<OrganisationId>("organisationId", &o).gql()?),
        None => Scope::City,
    })
}

/// The city's figures for one quarter.
#[derive(SimpleObject)]
pub struct DashboardQuarter {
    /// `2026-Q3`.
    pub label: String,
    /// First day.
    pub from: Date,
    /// Last day (today for the running quarter).
    pub to: Date,
    /// Households taken in.
    pub intakes: i32,
    /// Moves into a home of their own (households).
    pub moves: i32,
    /// Aftercare contacts.
    pub followups: i32,
    /// Returns to a shelter.
    pub returns: i32,
    /// Course completions.
    pub completions: i32,
}

/// A release of the city's joint report to its carriers.
#[derive(SimpleObject)]
pub struct ReportRelease {
    /// Id.
    pub id: ID,
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// The cut-off that fixes its figures (ask `programmeReport` with it).
    pub cut_off: chrono::DateTime<chrono::Utc>,
    /// When it was released.
    pub released_at: chrono::DateTime<chrono::Utc>,
}

impl From<wohnweg_programmes::release::Release> for ReportRelease {
    fn from(r: wohnweg_programmes::release::Release) -> Self {
        Self {
            id: id(r.id),
            from: r.from.into(),
            to: r.to.into(),
            cut_off: r.cut_off,
            released_at: r.released_at,
        }
    }
}

/// Report mutations.
#[derive(Default)]
pub struct ReportMutation;

#[Object]
impl ReportMutation {
    /// Releases the city's joint report for `from`–`to` as of `cutOff` to its carriers
    /// (city coordinators); they may then read exactly that report.
    async fn release_joint_report(
        &self,
        ctx: &Context<'_>,
        from: Date,
        to: Date,
        cut_off: chrono::DateTime<chrono::Utc>,
    ) -> async_graphql::Result<ReportRelease> {
        let rctx = request_ctx(ctx).await?;
        Ok(programmes(ctx)?
            .release_joint_report(&rctx, from.into(), to.into(), cut_off)
            .await
            .gql()?
            .into())
    }
}

/// Report queries.
#[derive(Default)]
pub struct ReportQuery;

#[Object]
impl ReportQuery {
    /// The city's released joint reports, newest first.
    async fn released_reports(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<ReportRelease>> {
        let rctx = request_ctx(ctx).await?;
        Ok(programmes(ctx)?
            .released_reports(&rctx)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The city's own figures for the last `quarters` quarters (1–20, oldest first),
    /// each the joint report for that quarter (city staff).
    async fn city_dashboard(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 8)] quarters: i32,
    ) -> async_graphql::Result<Vec<DashboardQuarter>> {
        let rctx = request_ctx(ctx).await?;
        Ok(programmes(ctx)?
            .dashboard(&rctx, quarters)
            .await
            .gql()?
            .into_iter()
            .map(|q| DashboardQuarter {
                label: q.label,
                from: q.from.into(),
                to: q.to.into(),
                intakes: count(q.intakes),
                moves: count(q.moves),
                followups: count(q.followups),
                returns: count(q.returns),
                completions: count(q.completions),
            })
            .collect())
    }

    /// The same report as `programmeReport`, as a PDF in German with tables and charts
    /// for a council committee.
    async fn programme_report_pdf(
        &self,
        ctx: &Context<'_>,
        from: Date,
        to: Date,
        organisation_id: Option<ID>,
        cut_off: Option<chrono::DateTime<chrono::Utc>>,
    ) -> async_graphql::Result<ReportPdf> {
        use base64::Engine as _;
        let rctx = request_ctx(ctx).await?;
        let scope = scope_of(organisation_id)?;
        let r = programmes(ctx)?
            .report(&rctx, scope, from.into(), to.into(), cut_off)
            .await
            .gql()?;
        let pdf = wohnweg_programmes::report_pdf::render(&r).gql()?;
        Ok(ReportPdf {
            file_name: wohnweg_programmes::report_pdf::file_name(&r),
            base64: base64::engine::general_purpose::STANDARD.encode(pdf),
        })
    }

    /// The report for `from`–`to` (YYYY-MM-DD): a carrier's with `organisationId`,
    /// else the city's joint report; counted from the event history as recorded by
    /// `cutOff` (default now). City staff: any; a carrier's caseworker: its own.
    async fn programme_report(
        &self,
        ctx: &Context<'_>,
        from: Date,
        to: Date,
        organisation_id: Option<ID>,
        cut_off: Option<chrono::DateTime<chrono::Utc>>,
    ) -> async_graphql::Result<ProgrammeReport> {
        use wohnweg_programmes::report::{Scope, Value, csv};
        let rctx = request_ctx(ctx).await?;
        let scope = scope_of(organisation_id)?;
        let r = programmes(ctx)?
            .report(&rctx, scope, from.into(), to.into(), cut_off)
            .await
            .gql()?;
        let sections = r
            .sections
            .iter()
            .map(|s| ReportSection {
                key: s.key.to_owned(),
                title: s.title.to_owned(),
                figures: s
                    .figures
                    .iter()
                    .map(|f| {
                        let (n, of) = match (f.suppressed, f.value) {
                            (true, _) => (None, None),
                            (false, Value::Count(n)) => (Some(count(n)), None),
                            (false, Value::Euros(_) | Value::Hundredths(_)) => (None, None),
                            (false, Value::Days { median, n, .. }) => {
                                (Some(count(median)), Some(count(n)))
                            }
                            (false, Value::Share { yes, of }) => {
                                (Some(count(yes)), Some(count(of)))
                            }
                        };
                        ReportFigure {
                            key: f.key.clone(),
                            label: f.label.clone(),
                            display: f.display(),
                            count: n,
                            of,
                            suppressed: f.suppressed,
                        }
                    })
                    .collect(),
            })
            .collect();
        Ok(ProgrammeReport {
            from: r.from.into(),
            to: r.to.into(),
            cut_off: r.cut_off,
            scope_name: r.scope_name.clone(),
            carrier_level: matches!(r.scope, Scope::Carrier(_)),
            released_at: r.released_at,
            csv: csv(&r, false).gql()?,
            csv_semicolon: csv(&r, true).gql()?,
            sections,
        })
    }
}

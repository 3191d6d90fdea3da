//! GraphQL surface of insights: the measures with their definitions, the benchmark
//! (state officers and city staff), what a city shares, and the state programmes.
//!
//! What a state officer may call is [`STATE_OFFICER_ROOTS`]; nothing reachable from
//! those fields carries an id (`integration::insights` walks the schema to prove it).

use async_graphql::{Context, ID, Object, SimpleObject};
use wohnweg_casework::types::Text;
use wohnweg_insights::Insights;
use wohnweg_insights::benchmark::{self, Benchmark as Domain, Withheld};
use wohnweg_insights::measures::{Kind, Measure};
use wohnweg_insights::sharing::{Audience, SharedMeasure};

use super::{Services, request_ctx, uuid};
use crate::error::GqlResultExt;

/// The root fields a state officer may call. Every other root field refuses it.
pub const STATE_OFFICER_ROOTS: &[&str] = &["viewer", "insightMeasures", "benchmark"];

pub(crate) fn insights<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a Insights> {
    Ok(&ctx.data::<Services>()?.insights)
}

/// How a measure is published.
#[derive(async_graphql::Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum MeasureKind {
    /// A count of households (or of events, each with its household).
    Count,
    /// A sum over the households of another measure (persons, euros).
    Sum,
    /// Median and 75th percentile of days.
    Days,
    /// A share of another measure's households.
    Share,
    /// Households per filled full-time position.
    PerFte,
}

/// A measure with its written definition.
#[derive(SimpleObject)]
pub struct InsightMeasure {
    /// Stable code.
    pub code: String,
    /// German name.
    pub label: String,
    /// English name.
    pub label_en: String,
    /// How it is published.
    pub kind: MeasureKind,
    /// What is counted.
    pub numerator: String,
    /// Over what.
    pub denominator: String,
    /// Which period a quarter's figure covers.
    pub period: String,
    /// What is left out.
    pub exclusions: String,
}

fn measure_view(m: &Measure) -> InsightMeasure {
    InsightMeasure {
        code: m.code.to_owned(),
        label: m.label.to_owned(),
        label_en: m.label_en.to_owned(),
        kind: match m.kind {
            Kind::Count => MeasureKind::Count,
            Kind::Sum { .. } => MeasureKind::Sum,
            Kind::Days => MeasureKind::Days,
            Kind::Share { .. } => MeasureKind::Share,
            Kind::PerFte => MeasureKind::PerFte,
        },
        numerator: m.numerator.to_owned(),
        denominator: m.denominator.to_owned(),
        period: m.period.to_owned(),
        exclusions: m.exclusions.to_owned(),
    }
}

/// Why a figure is not shown.
#[derive(async_graphql::Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum WithheldReason {
    /// Fewer households than the minimum publishable count.
    Small,
    /// A share whose numerator is below the minimum publishable count.
    SmallNumerator,
    /// A share whose follow-up window has not closed yet.
    Pending,
}

/// One quarter of one city's measure, as published.
#[derive(SimpleObject)]
pub struct BenchmarkPoint {
    /// `2026 Q3`.
    pub quarter: String,
    /// A count or sum: the published value; a time: households measured; a share:
    /// the published numerator.
    pub value: Option<i64>,
    /// A share: the published base.
    pub of: Option<i64>,
    /// A share, in per cent (one decimal).
    pub percent: Option<f64>,
    /// A time: median days.
    pub median: Option<i32>,
    /// A time: 75th percentile days.
    pub p75: Option<i32>,
    /// Households per filled full-time position (one decimal).
    pub ratio: Option<f64>,
    /// Why it is not shown.
    pub withheld: Option<WithheldReason>,
    /// As the console prints it in German (`—` when withheld).
    pub display: String,
}

/// One city's series of a measure.
#[derive(SimpleObject)]
pub struct BenchmarkCity {
    /// The city's name.
    pub city: String,
    /// The asker's own city.
    pub own: bool,
    /// One point per quarter, oldest first.
    pub points: Vec<BenchmarkPoint>,
}

/// One measure across the cities.
#[derive(SimpleObject)]
pub struct BenchmarkMeasure {
    /// The measure and its definition.
    pub measure: InsightMeasure,
    /// The cities that show it to the asker, the own city first.
    pub cities: Vec<BenchmarkCity>,
}

/// Measures over quarters, city beside city, through disclosure control.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Benchmark {
    /// The quarters, oldest first (`2026 Q3`).
    pub quarters: Vec<String>,
    /// Counts below this are not shown.
    pub threshold: i64,
    /// A state officer's programme.
    pub programme: Option<String>,
    /// The measures.
    pub measures: Vec<BenchmarkMeasure>,
    #[graphql(skip)]
    domain: Domain,
}

#[async_graphql::ComplexObject]
impl Benchmark {
    /// The same as CSV (RFC 4180).
    async fn csv(&self) -> async_graphql::Result<String> {
        benchmark::csv(&self.domain, false).gql()
    }

    /// The same as CSV for German spreadsheet programs (semicolons).
    async fn csv_semicolon(&self) -> async_graphql::Result<String> {
        benchmark::csv(&self.domain, true).gql()
    }

    /// Chart-ready JSON: per measure, the quarters as labels and one series per city
    /// (`null` where withheld).
    async fn chart_json(&self) -> String {
        chart(&self.domain).to_string()
    }
}

fn chart(b: &Domain) -> serde_json::Value {
    let quarters: Vec<String> = b.quarters.iter().map(|q| q.label()).collect();
    serde_json::json!({
        "quarters": quarters,
        "measures": b.columns.iter().map(|c| serde_json::json!({
            "code": c.measure.code,
            "label": c.measure.label,
            "series": c.cities.iter().map(|s| serde_json::json!({
                "city": s.city,
                "own": s.own,
                "data": s.points.iter().map(|p| charted(c.measure.kind, p)).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn display(kind: Kind, p: &benchmark::Point) -> String {
    if p.withheld.is_some() {
        return "—".to_owned();
    }
    match kind {
        Kind::Count | Kind::Sum { .. } => p.value.map(|v| v.to_string()).unwrap_or_default(),
        Kind::Days => match (p.median, p.p75) {
            (Some(m), Some(q)) => format!("Median {m} Tage, 75 % bis {q} Tage"),
            _ => "–".to_owned(),
        },
        Kind::Share { .. } => match (p.per_mille, p.value, p.of) {
            (Some(pm), Some(v), Some(of)) => {
                format!("{},{} % ({v} von {of})", pm / 10, pm % 10)
            }
            _ => "–".to_owned(),
        },
        Kind::PerFte => p.ratio_tenths.map_or_else(
            || "–".to_owned(),
            |r| format!("{},{} je Stelle", r / 10, r % 10),
        ),
    }
}

/// The figure a chart draws for a point: the value, the share in per cent, or the
/// median days.
fn charted(kind: Kind, p: &benchmark::Point) -> Option<f64> {
    if p.withheld.is_some() {
        return None;
    }
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    match kind {
        Kind::Count | Kind::Sum { .. } => p.value.map(|v| v as f64),
        Kind::Days => p.median.map(f64::from),
        Kind::Share { .. } => p.per_mille.map(|v| v as f64 / 10.0),
        Kind::PerFte => p.ratio_tenths.map(|v| v as f64 / 10.0),
    }
}

fn view(b: Domain) -> Benchmark {
    let quarters: Vec<String> = b.quarters.iter().map(|q| q.label()).collect();
    Benchmark {
        quarters,
        threshold: b.threshold,
        programme: b.programme.clone(),
        measures: b
            .columns
            .iter()
            .map(|c| BenchmarkMeasure {
                measure: measure_view(c.measure),
                cities: c
                    .cities
                    .iter()
                    .map(|s| BenchmarkCity {
                        city: s.city.clone(),
                        own: s.own,
                        points: s
                            .points
                            .iter()
                            .map(|p| BenchmarkPoint {
                                quarter: p.quarter.label(),
                                value: p.value,
                                of: p.of,
                                #[allow(clippy::cast_precision_loss)] // per mille
                                percent: p.per_mille.map(|v| v as f64 / 10.0),
                                median: p.median,
                                p75: p.p75,
                                #[allow(clippy::cast_precision_loss)] // tenths
                                ratio: p.ratio_tenths.map(|v| v as f64 / 10.0),
                                withheld: p.withheld.map(|w| match w {
                                    Withheld::Small => WithheldReason::Small,
                                    Withheld::SmallNumerator => WithheldReason::SmallNumerator,
                                    Withheld::Pending => WithheldReason::Pending,
                                }),
                                display: display(c.measure.kind, p),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        domain: b,
    }
}

/// A state programme the city may share with.
#[derive(SimpleObject)]
pub struct ProgrammeShare {
    /// The programme's id.
    pub id: ID,
    /// Its name.
    pub name: String,
    /// Whether the city shares the measure with it.
    pub shared: bool,
}

/// A measure and with whom the city shares it.
#[derive(SimpleObject)]
pub struct MeasureSharing {
    /// The measure.
    pub measure: InsightMeasure,
    /// Shared with peer cities (who see it only if they share it too).
    pub peers: bool,
    /// Per state programme covering the city.
    pub programmes: Vec<ProgrammeShare>,
}

fn sharing_view(s: SharedMeasure) -> MeasureSharing {
    MeasureSharing {
        measure: measure_view(s.measure),
        peers: s.peers,
        programmes: s
            .programmes
            .into_iter()
            .map(|(id, name, shared)| ProgrammeShare {
                id: ID(id.to_string()),
                name,
                shared,
            })
            .collect(),
    }
}

/// A state programme.
#[derive(SimpleObject)]
pub struct StateProgramme {
    /// Id.
    pub id: ID,
    /// Name.
    pub name: String,
    /// The cities it covers, by name.
    pub cities: Vec<String>,
}

/// A state officer, for the operator assigning officers.
#[derive(SimpleObject)]
pub struct StateOfficer {
    /// The user's id.
    pub id: ID,
    /// Name.
    pub name: String,
    /// The programme it belongs to.
    pub programme: Option<String>,
}

/// Insights queries.
#[derive(Default)]
pub struct InsightsQuery;

#[Object]
impl InsightsQuery {
    /// The measures cities compare, each with its written definition.
    async fn insight_measures(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<InsightMeasure>> {
        let rctx = request_ctx(ctx).await?;
        Ok(insights(ctx)?
            .measures(&rctx)
            .gql()?
            .iter()
            .map(measure_view)
            .collect())
    }

    /// Measures over the last `quarters` quarters (1–12, default 8), city beside city.
    /// A state officer: the cities of its programme, each with what it shares with the
    /// programme; city staff: the own city, and the peers sharing a measure the city
    /// shares with its peers too. Figures pass disclosure control.
    async fn benchmark(
        &self,
        ctx: &Context<'_>,
        measures: Option<Vec<String>>,
        quarters: Option<i32>,
    ) -> async_graphql::Result<Benchmark> {
        let rctx = request_ctx(ctx).await?;
        let b = insights(ctx)?
            .benchmark(
                &rctx,
                measures.as_deref(),
                quarters,
                chrono::Utc::now().date_naive(),
            )
            .await
            .gql()?;
        Ok(view(b))
    }

    /// What the city shares, per measure (city staff).
    async fn insight_sharing(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<MeasureSharing>> {
        let rctx = request_ctx(ctx).await?;
        Ok(insights(ctx)?
            .sharing(&rctx)
            .await
            .gql()?
            .into_iter()
            .map(sharing_view)
            .collect())
    }

    /// Every active state officer with its programme (platform operators).
    async fn state_officers(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<StateOfficer>> {
        let rctx = request_ctx(ctx).await?;
        Ok(insights(ctx)?
            .state_officers(&rctx)
            .await
            .gql()?
            .into_iter()
            .map(|o| StateOfficer {
                id: ID(o.user.to_string()),
                name: o.name,
                programme: o.programme,
            })
            .collect())
    }

    /// State programmes: all (operators), those covering the city (city staff).
    async fn state_programmes(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<StateProgramme>> {
        let rctx = request_ctx(ctx).await?;
        if rctx
            .principal()
            .has_role(wohnweg_kernel::Role::StateOfficer)
        {
            return Err(wohnweg_kernel::Error::Forbidden).gql();
        }
        Ok(insights(ctx)?
            .state_programmes(&rctx)
            .await
            .gql()?
            .into_iter()
            .map(|p| StateProgramme {
                id: ID(p.id.to_string()),
                name: p.name,
                cities: p.cities,
            })
            .collect())
    }
}

/// Insights mutations.
#[derive(Default)]
pub struct InsightsMutation;

#[Object]
impl InsightsMutation {
    /// Shares `measure` with the state programme `programmeId` (left out: with peer
    /// cities), or stops sharing it (the city's coordinator).
    async fn set_insight_sharing(
        &self,
        ctx: &Context<'_>,
        measure: String,
        programme_id: Option<ID>,
        shared: bool,
    ) -> async_graphql::Result<MeasureSharing> {
        let rctx = request_ctx(ctx).await?;
        let audience = match programme_id {
            None => Audience::Peers,
            Some(id) => Audience::Programme(uuid("programmeId", &id).gql()?),
        };
        Ok(sharing_view(
            insights(ctx)?
                .set_sharing(&rctx, &measure, audience, shared)
                .await
                .gql()?,
        ))
    }

    /// Sets up a state programme covering the cities with the given slugs (platform
    /// operators).
    async fn create_state_programme(
        &self,
        ctx: &Context<'_>,
        name: String,
        city_slugs: Vec<String>,
    ) -> async_graphql::Result<StateProgramme> {
        let rctx = request_ctx(ctx).await?;
        let name = Text::parse("name", &name, 200, false).gql()?;
        let p = insights(ctx)?
            .create_state_programme(&rctx, name, &city_slugs)
            .await
            .gql()?;
        Ok(StateProgramme {
            id: ID(p.id.to_string()),
            name: p.name,
            cities: p.cities,
        })
    }

    /// Makes a state officer an officer of a programme (platform operators).
    async fn assign_state_officer(
        &self,
        ctx: &Context<'_>,
        programme_id: ID,
        user_id: ID,
    ) -> async_graphql::Result<bool> {
        let rctx = request_ctx(ctx).await?;
        let programme = uuid("programmeId", &programme_id).gql()?;
        let user = wohnweg_kernel::UserId::from_uuid(uuid("userId", &user_id).gql()?);
        insights(ctx)?
            .assign_state_officer(&rctx, programme, user)
            .await
            .gql()?;
        Ok(true)
    }
}

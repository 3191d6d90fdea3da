//! The pool of households looking for a flat, as matching draws from it: the hard
//! rules on the household's side as SQL conditions, and the soft score computed in SQL
//! so the database returns only the best `limit` candidates (`ORDER BY score DESC, id
//! LIMIT k`) — matching builds its exact explanation for those rows alone.
//!
//! The score is defined once, in [`score`], in whole tenths of a point: each part has
//! a Rust function (housing's explanation uses it) and its SQL counterpart next to it
//! (the ranking uses it). Integer tenths make both exact, so the SQL order is the order
//! of the explanations; the matching property test holds them equal on random data.

use chrono::NaiveDate;
use sea_orm::sea_query::{Expr, ExprTrait, Func, Query, SelectStatement, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, FromQueryResult, Order, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;
use wohnweg_kernel::{OrganisationId, Result, TenantTx};

use crate::entity::{consent, household};
use crate::types::{CaseState, ConsentScope, ReadinessLevel, stored};

/// Score parts in tenths of a point, each as a Rust function and as the SQL that
/// computes the same number.
///
/// | part | tenths |
/// | --- | --- |
/// | readiness | ready 250, ready with support 150, else 0 |
/// | waiting | `round(300 × days / 365)`, days searching clamped to 0–365 |
/// | district | 200 for a preferred district, 100 when none is stated, else 0 |
/// | size fit | `max(0, 150 − 5 × |rooms in tenths − 5 × (persons + 1)|)`: 15 points less 5 per room away from (persons + 1) / 2 |
/// | certificate | 100 when the household holds a valid renter's licence (a member's certificate, not revoked) |
pub mod score {
    use super::{DbBackend, Expr, ExprTrait, Func, NaiveDate, ReadinessLevel, SimpleExpr};
    use crate::entity::household;

    /// The days of searching that earn the full waiting score.
    pub const WAITING_DAYS: i64 = 365;
    /// Readiness "ready".
    pub const READY: i32 = 250;
    /// Readiness "ready with support".
    pub const READY_WITH_SUPPORT: i32 = 150;
    /// The flat is in a preferred district.
    pub const DISTRICT_PREFERRED: i32 = 200;
    /// The household states no preference.
    pub const DISTRICT_NONE_STATED: i32 = 100;
    /// A flat of exactly (persons + 1) / 2 rooms.
    pub const FIT_BEST: i32 = 150;
    /// Less per tenth of a room away from the best size.
    pub const FIT_PER_TENTH: i32 = 5;
    /// A member holds a valid renter's licence.
    pub const CERTIFICATE: i32 = 100;

    /// The certificate part in SQL: [`CERTIFICATE`] when the household is among
    /// `certified` (a subquery of household ids), else 0.
    pub(crate) fn certificate_sql(
        certified: Option<&sea_orm::sea_query::SelectStatement>,
    ) -> SimpleExpr {
        match certified {
            Some(sub) => Expr::case(
                col(household::Column::Id).in_subquery(sub.clone()),
                CERTIFICATE,
            )
            .finally(0)
            .into(),
            None => Expr::val(0),
        }
    }

    /// Readiness.
    #[must_use]
    pub fn readiness(r: Option<ReadinessLevel>) -> i32 {
        match r {
            Some(ReadinessLevel::Ready) => READY,
            Some(ReadinessLevel::ReadyWithSupport) => READY_WITH_SUPPORT,
            _ => 0,
        }
    }

    /// Waiting: up to 300, linear over the first year; `days` is clamped to 0–365.
    /// `(600 d + 365) / 730` is `300 d / 365` rounded (never a half: 600 d is even,
    /// 365 odd).
    #[must_use]
    pub fn waiting(days: i64) -> i32 {
        let d = days.clamp(0, WAITING_DAYS);
        i32::try_from((600 * d + 365) / 730).unwrap_or(300)
    }

    /// District: preferred, none stated, or neither.
    #[must_use]
    pub fn district(preferred: &[String], district: &str) -> i32 {
        if preferred.is_empty() {
            DISTRICT_NONE_STATED
        } else if preferred.iter().any(|d| d == district) {
            DISTRICT_PREFERRED
        } else {
            0
        }
    }

    /// Size fit: best less 5 per tenth of a room away from (persons + 1) / 2 rooms.
    #[must_use]
    pub fn size_fit(rooms_tenths: i32, persons: i32) -> i32 {
        let away = (i64::from(rooms_tenths) - 5 * (i64::from(persons) + 1)).abs();
        let fit = i64::from(FIT_BEST) - i64::from(FIT_PER_TENTH) * away;
        i32::try_from(Ord::max(fit, 0)).unwrap_or(0)
    }

    /// [`size_fit`] in SQL, for rooms and persons as expressions (a column of either
    /// side, a value of the other).
    #[must_use]
    pub fn size_fit_sql(rooms_tenths: SimpleExpr, persons: SimpleExpr) -> SimpleExpr {
        let away = || {
            SimpleExpr::from(Func::abs(
                rooms_tenths.clone().sub(persons.clone().add(1).mul(5)),
            ))
        };
        let zero_from = (FIT_BEST + FIT_PER_TENTH - 1) / FIT_PER_TENTH;
        Expr::case(away().gte(zero_from), 0)
            .finally(Expr::val(FIT_BEST).sub(away().mul(FIT_PER_TENTH)))
            .into()
    }

    fn col(c: household::Column) -> Expr {
        Expr::col((household::Entity, c))
    }

    /// [`readiness`] of the household row.
    pub(crate) fn readiness_sql() -> SimpleExpr {
        Expr::case(
            col(household::Column::Readiness).eq(ReadinessLevel::Ready.code()),
            READY,
        )
        .case(
            col(household::Column::Readiness).eq(ReadinessLevel::ReadyWithSupport.code()),
            READY_WITH_SUPPORT,
        )
        .finally(0)
        .into()
    }

    /// Days from the household's `state_since` to `today` (negative when ahead).
    fn days_searching(backend: DbBackend, today: NaiveDate) -> SimpleExpr {
        match backend {
            DbBackend::Postgres => {
                Expr::cust_with_values(r#"($1::date - "households"."state_since")"#, [today])
            }
            _ => Expr::cust_with_values(
                r#"CAST(julianday(?) - julianday("households"."state_since") AS INTEGER)"#,
                [today],
            ),
        }
    }

    /// [`waiting`] of the household row on `today`.
    pub(crate) fn waiting_sql(backend: DbBackend, today: NaiveDate) -> SimpleExpr {
        let days = || days_searching(backend, today);
        let clamped: SimpleExpr = Expr::case(days().lte(0), 0)
            .case(days().gte(WAITING_DAYS), WAITING_DAYS)
            .finally(days())
            .into();
        clamped.mul(600).add(365).div(730)
    }

    /// [`district`] of the household row for a flat in `district`. The stored form is
    /// `A|B|C` and a preferred district never holds `|`, so a flat whose district does
    /// is in nobody's list.
    pub(crate) fn district_sql(backend: DbBackend, district: &str) -> SimpleExpr {
        let none = col(household::Column::PreferredDistricts).eq("");
        if district.contains('|') {
            return Expr::case(none, DISTRICT_NONE_STATED).finally(0).into();
        }
        let needle = format!("|{district}|");
        let found = match backend {
            DbBackend::Postgres => Expr::cust_with_values(
                r#"strpos('|' || "households"."preferred_districts" || '|', $1) > 0"#,
                [needle],
            ),
            _ => Expr::cust_with_values(
                r#"instr('|' || "households"."preferred_districts" || '|', ?) > 0"#,
                [needle],
            ),
        };
        Expr::case(none, DISTRICT_NONE_STATED)
            .case(found, DISTRICT_PREFERRED)
            .finally(0)
            .into()
    }

    /// [`size_fit`] of the household row for a flat of `rooms_tenths`.
    pub(crate) fn household_fit_sql(rooms_tenths: i32) -> SimpleExpr {
        size_fit_sql(
            Expr::val(rooms_tenths),
            col(household::Column::MemberCount).add(col(household::Column::ExpectedMembers)),
        )
    }
}

/// Reads the stored preferred districts.
#[must_use]
pub fn districts(stored: &str) -> Vec<String> {
    stored
        .split('|')
        .filter(|d| !d.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A household looking for a flat, with what matching weighs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoolMember {
    /// Id.
    pub id: Uuid,
    /// Reference number.
    pub reference: String,
    /// Size for matching: its members and those expected to join.
    pub size: i32,
    /// Of `size`, family members expected to join (family reunification).
    pub expected: i32,
    /// Latest readiness level.
    pub readiness: Option<ReadinessLevel>,
    /// Searching since.
    pub searching_since: NaiveDate,
    /// WBS valid until.
    pub wbs_until: Option<NaiveDate>,
    /// Needs step-free access.
    pub needs_step_free: bool,
    /// Preferred districts.
    pub preferred_districts: Vec<String>,
    /// Has an active consent to share a profile with landlords.
    pub landlord_consent: bool,
    /// When ranked: the score SQL ordered by, in tenths (−1 for an excluded household).
    pub rank_score: Option<i64>,
    /// Holds a valid renter's licence ([`PoolQuery::certified`]).
    pub certified: bool,
}

/// The hard rules of an offer, as conditions on households: SQL does the excluding.
#[derive(Clone, Debug, Default)]
pub struct Eligibility {
    /// Household sizes that fit the flat, the landlord's limit and the rent cap.
    pub sizes: Vec<i32>,
    /// The flat needs a WBS valid on this date.
    pub wbs_on: Option<NaiveDate>,
    /// The flat is step-free.
    pub step_free: bool,
}

/// Rank the pool for one flat: eligible households by [`score`] (best first, ties by
/// id), then — with `include_excluded` — the excluded ones by id; `limit` rows from
/// `offset`.
#[derive(Clone, Debug, Default)]
pub struct Rank {
    /// The flat's hard rules on the household's side.
    pub eligible: Eligibility,
    /// Also the households that fail a hard rule (after every eligible one).
    pub include_excluded: bool,
    /// The flat's district.
    pub district: String,
    /// The flat's rooms in tenths.
    pub rooms_tenths: i32,
    /// The day waiting is counted to.
    pub today: NaiveDate,
    /// Rows to skip.
    pub offset: u64,
    /// Rows to return.
    pub limit: u64,
}

/// Which households to draw from the pool.
#[derive(Clone, Debug, Default)]
pub struct PoolQuery {
    /// Only this carrier's households.
    pub carrier: Option<OrganisationId>,
    /// Only this household.
    pub household: Option<Uuid>,
    /// Also households with an offer in progress (not only `searching`).
    pub in_progress_too: bool,
    /// Rank for a flat (without it: every household `q` names, by id).
    pub rank: Option<Rank>,
    /// The ids of households holding a valid renter's licence, as a subquery another
    /// service supplies (learning's certificates): they earn the certificate part.
    pub certified: Option<SelectStatement>,
}

#[derive(FromQueryResult)]
struct Row {
    id: Uuid,
    reference: String,
    member_count: i32,
    expected_members: i32,
    readiness: Option<String>,
    state_since: NaiveDate,
    wbs_until: Option<NaiveDate>,
    needs_step_free: bool,
    preferred_districts: String,
    landlord_consent: i32,
    certified: i32,
    rank_score: Option<i64>,
}

/// Households in state `searching` (not erased), as `q` narrows and ranks them, with
/// only the columns matching weighs (never residence data): one statement.
pub async fn pool(tx: &TenantTx, q: &PoolQuery) -> Result<Vec<PoolMember>> {
    let consenting = Query::select()
        .column(consent::Column::HouseholdId)
        .from(consent::Entity)
        .and_where(consent::Column::TenantId.eq(tx.tenant().uuid()))
        .and_where(consent::Column::Scope.eq(ConsentScope::ShareWithLandlords.code()))
        .and_where(consent::Column::WithdrawnOn.is_null())
        .to_owned();
    let consents = || household::Column::Id.in_subquery(consenting.clone());
    let states: &[&str] = if q.in_progress_too {
        &[
            CaseState::Searching.code(),
            CaseState::OfferInProgress.code(),
        ]
    } else {
        &[CaseState::Searching.code()]
    };
    let mut sel = tx
        .find::<household::Entity>()
        .select_only()
        .columns([
            household::Column::Id,
            household::Column::Reference,
            household::Column::MemberCount,
            household::Column::ExpectedMembers,
            household::Column::Readiness,
            household::Column::StateSince,
            household::Column::WbsUntil,
            household::Column::NeedsStepFree,
            household::Column::PreferredDistricts,
        ])
        .expr_as(
            // Ranking eligible households only: the filter below requires consent,
            // so the column need not look it up a second time.
            if q.rank.as_ref().is_some_and(|r| !r.include_excluded) {
                SimpleExpr::from(Expr::val(1))
            } else {
                Expr::case(consents(), 1).finally(0).into()
            },
            "landlord_consent",
        )
        .expr_as(
            match &q.certified {
                Some(sub) => Expr::case(household::Column::Id.in_subquery(sub.clone()), 1)
                    .finally(0)
                    .into(),
                None => SimpleExpr::from(Expr::val(0)),
            },
            "certified",
        )
        .filter(household::Column::State.is_in(states.iter().copied()))
        .filter(household::Column::ErasedAt.is_null());
    if let Some(c) = q.carrier {
        sel = sel.filter(household::Column::CarrierOrg.eq(c.uuid()));
    }
    if let Some(h) = q.household {
        sel = sel.filter(household::Column::Id.eq(h));
    }
    if let Some(r) = &q.rank {
        let e = &r.eligible;
        let mut eligible = Condition::all()
            .add(
                Expr::col(household::Column::MemberCount)
                    .add(Expr::col(household::Column::ExpectedMembers))
                    .is_in(e.sizes.iter().copied()),
            )
            .add(household::Column::Readiness.is_in([
                ReadinessLevel::Ready.code(),
                ReadinessLevel::ReadyWithSupport.code(),
            ]))
            .add(consents());
        if let Some(d) = e.wbs_on {
            eligible = eligible.add(household::Column::WbsUntil.gte(d));
        }
        if !e.step_free {
            eligible = eligible.add(household::Column::NeedsStepFree.eq(false));
        }
        let backend = tx.conn().get_database_backend();
        let points = score::readiness_sql()
            .add(score::waiting_sql(backend, r.today))
            .add(score::district_sql(backend, &r.district))
            .add(score::household_fit_sql(r.rooms_tenths))
            .add(score::certificate_sql(q.certified.as_ref()));
        let key: SimpleExpr = if r.include_excluded {
            // Eligible ones by score, then the excluded ones (below every score).
            Expr::case(eligible, points).finally(-1).into()
        } else {
            sel = sel.filter(eligible);
            points
        };
        sel = sel
            .expr_as(key.cast_as("BIGINT"), "rank_score")
            .order_by(Expr::col("rank_score"), Order::Desc)
            .offset(r.offset)
            .limit(r.limit);
    } else {
        sel = sel.expr_as(Expr::val(None::<i64>), "rank_score");
    }
    let rows = sel
        .order_by_asc(household::Column::Id)
        .into_model::<Row>()
        .all(tx.conn())
        .await?;
    rows.into_iter()
        .map(|h| {
            Ok(PoolMember {
                landlord_consent: h.landlord_consent == 1,
                certified: h.certified == 1,
                readiness: h
                    .readiness
                    .as_deref()
                    .map(|r| stored(r, ReadinessLevel::from_code))
                    .transpose()?,
                preferred_districts: districts(&h.preferred_districts),
                id: h.id,
                reference: h.reference,
                size: h.member_count + h.expected_members,
                expected: h.expected_members,
                searching_since: h.state_since,
                wbs_until: h.wbs_until,
                needs_step_free: h.needs_step_free,
                rank_score: h.rank_score,
            })
        })
        .collect()
}

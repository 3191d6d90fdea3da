//! Matching: for an offer, rank the households looking for a flat; for a household,
//! rank the open offers. **Hard rules** exclude and **soft scores** rank, both in SQL:
//! the database returns one page (`ORDER BY score DESC, id LIMIT first OFFSET
//! offset`; with `include_excluded` the excluded ones follow the eligible ones, by
//! id), whatever the size of the pool. Every returned row carries its explanation —
//! each rule with passed/failed and why, each score part with its points — computed
//! by `rules` and `score` for that row alone from the same data the SQL filtered
//! on. The score parts are defined once in [`lookup::score`] (Rust and SQL side by
//! side, whole tenths), and the score a candidate shows is the one SQL ranked it by;
//! the property test holds it to the sum of the explained parts and every page to its
//! slice of the full ranking.
//!
//! | rule | excludes when |
//! | --- | --- |
//! | `FLAT_SIZE` | more persons than two per room |
//! | `LANDLORD_LIMIT` | more persons than the landlord accepts |
//! | `RENT_CAP` | gross cold rent over the cap for the household size (valid on the day the flat is available, or today), or no cap for that size |
//! | `SPACE_CAP` | living space over the cap's maximum for the size |
//! | `WBS` | the flat needs a WBS and the household has none valid that day |
//! | `ACCESSIBILITY` | the household needs step-free access and the flat has none |
//! | `LANDLORD_CONSENT` | no active consent to share a profile with landlords |
//! | `READINESS` | readiness not at least "ready with support" (or never assessed) |
//!
//! | score part | points |
//! | --- | --- |
//! | `READINESS` | ready 25, ready with support 15 |
//! | `WAITING` | up to 30, linear over the first year of searching |
//! | `DISTRICT` | 20 for a preferred district, 10 when none is stated |
//! | `SIZE_FIT` | up to 15, less the further the rooms are from (persons + 1) / 2 |
//! | `CERTIFICATE` | 10 when a member holds a valid renter's licence (learning's certificates) |

use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, FromQueryResult, Order, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;
use wohnweg_casework::lookup::{self, Eligibility, PoolMember, PoolQuery, Rank};
use wohnweg_casework::types::ReadinessLevel;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::{Ctx, Error, Result, TenantTx};

use crate::Housing;
use crate::access::Access;
use crate::entity::{offer, rent_cap};
use crate::market::{OfferView, offer_view};
use crate::types::{OfferStatus, euros};

/// One hard rule's outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleResult {
    /// Rule code.
    pub rule: &'static str,
    /// Whether it passed.
    pub passed: bool,
    /// Why, in numbers.
    pub detail: String,
}

/// One score part.
#[derive(Clone, Debug, PartialEq)]
pub struct ScorePart {
    /// Part code.
    pub part: &'static str,
    /// Points.
    pub points: f64,
    /// Why.
    pub detail: String,
}

/// Why a candidate ranks where it does.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// Every hard rule.
    pub rules: Vec<RuleResult>,
    /// Every score part (empty when excluded).
    pub parts: Vec<ScorePart>,
}

impl Explanation {
    /// The rules that failed.
    #[must_use]
    pub fn failed(&self) -> Vec<&'static str> {
        self.rules
            .iter()
            .filter(|r| !r.passed)
            .map(|r| r.rule)
            .collect()
    }
}

/// A ranked (or excluded) household for an offer.
#[derive(Clone, Debug)]
pub struct HouseholdCandidate {
    /// The household.
    pub household: PoolMember,
    /// Total score (0 when excluded).
    pub score: f64,
    /// Whether every hard rule passed.
    pub eligible: bool,
    /// Why.
    pub explanation: Explanation,
}

/// A ranked (or excluded) offer for a household.
#[derive(Clone, Debug)]
pub struct OfferCandidate {
    /// The offer.
    pub offer: OfferView,
    /// Total score.
    pub score: f64,
    /// Whether every hard rule passed.
    pub eligible: bool,
    /// Why.
    pub explanation: Explanation,
}

/// The caps in force on one day, by household size.
#[derive(Clone, Debug, Default)]
pub(crate) struct Caps(Vec<rent_cap::Model>);

impl Caps {
    fn for_size(&self, size: i32) -> Option<&rent_cap::Model> {
        let s = Ord::min(size, 12);
        self.0.iter().find(|c| c.household_size == s)
    }
}

pub(crate) async fn caps_on(tx: &TenantTx, on: NaiveDate) -> Result<Caps> {
    Ok(Caps(
        tx.find::<rent_cap::Entity>()
            .filter(rent_cap::Column::ValidFrom.lte(on))
            .filter(
                Condition::any()
                    .add(rent_cap::Column::ValidUntil.is_null())
                    .add(rent_cap::Column::ValidUntil.gte(on)),
            )
            .order_by_asc(rent_cap::Column::HouseholdSize)
            .all(tx.conn())
            .await?,
    ))
}

/// The day a rent would start: when the flat is available, or today.
pub(crate) fn rent_day(o: &offer::Model, today: NaiveDate) -> NaiveDate {
    Ord::max(o.available_from, today)
}

/// "4 persons", or "4 persons (2 expected to join)" for a family awaiting members:
/// the explanation shows when family reunification counted.
fn persons(h: &PoolMember) -> String {
    if h.expected > 0 {
        format!("{} persons ({} expected to join)", h.size, h.expected)
    } else {
        format!("{} persons", h.size)
    }
}

/// Every hard rule for `h` and `o`. The single source of the rules: the SQL filters
/// are derived from the same thresholds, and tests check that both agree.
#[must_use]
pub(crate) fn rules(
    h: &PoolMember,
    o: &offer::Model,
    caps: &Caps,
    today: NaiveDate,
) -> Vec<RuleResult> {
    let gross = o.cold_rent_cents.saturating_add(o.service_cents);
    let flat_max = o.rooms_tenths * 2 / 10;
    let cap = caps.for_size(h.size);
    let day = rent_day(o, today);
    vec![
        RuleResult {
            rule: "FLAT_SIZE",
            passed: h.size <= flat_max,
            detail: format!(
                "{}, at most {flat_max} for {} rooms",
                persons(h),
                f64::from(o.rooms_tenths) / 10.0
            ),
        },
        RuleResult {
            rule: "LANDLORD_LIMIT",
            passed: o.max_persons.is_none_or(|m| h.size <= m),
            detail: match o.max_persons {
                Some(m) => format!("{}, the landlord accepts {m}", persons(h)),
                None => "the landlord states no limit".to_owned(),
            },
        },
        RuleResult {
            rule: "RENT_CAP",
            passed: cap.is_some_and(|c| gross <= c.max_rent_cents),
            detail: match cap {
                Some(c) => format!(
                    "gross cold rent {} €, cap for {} {} €",
                    euros(gross),
                    persons(h),
                    euros(c.max_rent_cents)
                ),
                None => format!("no rent cap for {} on {day}", persons(h)),
            },
        },
        RuleResult {
            rule: "SPACE_CAP",
            passed: cap.is_none_or(|c| c.max_space_tenths.is_none_or(|m| o.space_tenths <= m)),
            detail: match cap.and_then(|c| c.max_space_tenths) {
                Some(m) => format!(
                    "{} m², at most {} m²",
                    f64::from(o.space_tenths) / 10.0,
                    f64::from(m) / 10.0
                ),
                None => "no space limit".to_owned(),
            },
        },
        RuleResult {
            rule: "WBS",
            passed: !o.wbs_required || h.wbs_until.is_some_and(|w| w >= day),
            detail: if o.wbs_required {
                match h.wbs_until {
                    Some(w) => format!("WBS required, valid until {w}"),
                    None => "WBS required, the household has none".to_owned(),
                }
            } else {
                "no WBS required".to_owned()
            },
        },
        RuleResult {
            rule: "ACCESSIBILITY",
            passed: !h.needs_step_free || o.step_free,
            detail: if h.needs_step_free {
                if o.step_free {
                    "step-free access needed and given"
                } else {
                    "step-free access needed, the flat has none"
                }
            } else {
                "no access needs"
            }
            .to_owned(),
        },
        RuleResult {
            rule: "LANDLORD_CONSENT",
            passed: h.landlord_consent,
            detail: if h.landlord_consent {
                "consent to share with landlords given"
            } else {
                "no consent to share with landlords"
            }
            .to_owned(),
        },
        RuleResult {
            rule: "READINESS",
            passed: matches!(
                h.readiness,
                Some(ReadinessLevel::Ready | ReadinessLevel::ReadyWithSupport)
            ),
            detail: match h.readiness {
                Some(r) => format!("readiness {}", r.code()),
                None => "never assessed".to_owned(),
            },
        },
    ]
}

/// The soft score parts for an eligible pair, from the same definitions
/// ([`lookup::score`], whole tenths) the SQL ranks by.
#[must_use]
pub(crate) fn score(h: &PoolMember, o: &offer::Model, today: NaiveDate) -> Vec<ScorePart> {
    let waited = (today - h.searching_since).num_days();
    let ideal = f64::from(h.size + 1) / 2.0;
    let rooms = f64::from(o.rooms_tenths) / 10.0;
    let district = lookup::score::district(&h.preferred_districts, &o.district);
    let district_why = if h.preferred_districts.is_empty() {
        "no district preference stated".to_owned()
    } else if district > 0 {
        format!("{} is a preferred district", o.district)
    } else {
        format!("{} is not among the preferred districts", o.district)
    };
    let points = |tenths: i32| f64::from(tenths) / 10.0;
    vec![
        ScorePart {
            part: "READINESS",
            points: points(lookup::score::readiness(h.readiness)),
            detail: h
                .readiness
                .map_or("never assessed", ReadinessLevel::code)
                .to_owned(),
        },
        ScorePart {
            part: "WAITING",
            points: points(lookup::score::waiting(waited)),
            detail: format!(
                "searching for {} days",
                waited.clamp(0, lookup::score::WAITING_DAYS)
            ),
        },
        ScorePart {
            part: "DISTRICT",
            points: points(district),
            detail: district_why,
        },
        ScorePart {
            part: "SIZE_FIT",
            points: points(lookup::score::size_fit(o.rooms_tenths, h.size)),
            detail: format!("{rooms} rooms for {} (ideal {ideal})", persons(h)),
        },
        ScorePart {
            part: "CERTIFICATE",
            points: points(if h.certified {
                lookup::score::CERTIFICATE
            } else {
                0
            }),
            detail: if h.certified {
                "a member holds a valid renter's licence (Mietführerschein)".to_owned()
            } else {
                "no renter's licence yet".to_owned()
            },
        },
    ]
}

pub(crate) fn total(parts: &[ScorePart]) -> f64 {
    (parts.iter().map(|p| p.points).sum::<f64>() * 10.0).round() / 10.0
}

/// The household sizes that pass the size, limit, rent and space rules for `o`.
fn eligible_sizes(o: &offer::Model, caps: &Caps) -> Vec<i32> {
    let gross = o.cold_rent_cents.saturating_add(o.service_cents);
    (1..=20)
        .filter(|s| *s <= o.rooms_tenths * 2 / 10)
        .filter(|s| o.max_persons.is_none_or(|m| *s <= m))
        .filter(|s| {
            caps.for_size(*s).is_some_and(|c| {
                gross <= c.max_rent_cents && c.max_space_tenths.is_none_or(|m| o.space_tenths <= m)
            })
        })
        .collect()
}

/// The score a candidate shows: the number SQL ranked it by (the sum of its parts,
/// which the property test checks), or — when not ranked in SQL — the sum.
#[allow(clippy::cast_precision_loss)] // tenths of at most 100 points
fn ranked(eligible: bool, sql_tenths: Option<i64>, parts: &[ScorePart]) -> f64 {
    match sql_tenths {
        Some(t) if eligible => t as f64 / 10.0,
        _ => total(parts),
    }
}

/// An offer with the score SQL ranked it by.
#[derive(FromQueryResult)]
struct ScoredOffer {
    #[sea_orm(nested)]
    offer: offer::Model,
    rank_score: i64,
}

/// The largest `offset` a ranking accepts.
const MAX_OFFSET: usize = 100_000;

fn page(first: usize, offset: usize) -> Result<(u64, u64)> {
    if !(1..=500).contains(&first) {
        return Err(Error::bad_input("first", "must be 1–500"));
    }
    if offset > MAX_OFFSET {
        return Err(Error::bad_input(
            "offset",
            format!("must be 0–{MAX_OFFSET}"),
        ));
    }
    Ok((first as u64, offset as u64))
}

/// The day a rent for an `offers` row starts, in SQL: its availability, or today.
fn rent_day_sql(today: NaiveDate) -> SimpleExpr {
    let from = || Expr::col((offer::Entity, offer::Column::AvailableFrom));
    Expr::case(from().gt(today), from()).finally(today).into()
}

/// The offers for which a cap for `size` persons, valid on the rent day, holds both
/// the gross cold rent and the living space (`RENT_CAP` and `SPACE_CAP` pass): a
/// correlated `EXISTS` over the tenant's caps (they never overlap for one size).
fn within_cap(tx: &TenantTx, size: i32, today: NaiveDate) -> SimpleExpr {
    let o = |c: offer::Column| Expr::col((offer::Entity, c));
    let c = |c: rent_cap::Column| Expr::col((rent_cap::Entity, c));
    Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(rent_cap::Entity)
            .and_where(c(rent_cap::Column::TenantId).eq(tx.tenant().uuid()))
            .and_where(c(rent_cap::Column::HouseholdSize).eq(Ord::min(size, 12)))
            .and_where(c(rent_cap::Column::ValidFrom).lte(rent_day_sql(today)))
            .cond_where(
                Condition::any()
                    .add(c(rent_cap::Column::ValidUntil).is_null())
                    .add(c(rent_cap::Column::ValidUntil).gte(rent_day_sql(today))),
            )
            .and_where(
                c(rent_cap::Column::MaxRentCents)
                    .gte(o(offer::Column::ColdRentCents).add(o(offer::Column::ServiceCents))),
            )
            .cond_where(
                Condition::any()
                    .add(c(rent_cap::Column::MaxSpaceTenths).is_null())
                    .add(c(rent_cap::Column::MaxSpaceTenths).gte(o(offer::Column::SpaceTenths))),
            )
            .to_owned(),
    )
}

/// Every hard rule of the offers for household `h`, as one condition on `offers`.
fn offer_eligible(tx: &TenantTx, h: &PoolMember, today: NaiveDate) -> Condition {
    let mut c = Condition::all()
        // FLAT_SIZE: size ≤ ⌊rooms × 2⌋ ⇔ rooms in tenths ≥ 5 × size.
        .add(offer::Column::RoomsTenths.gte(5 * h.size))
        .add(
            Condition::any()
                .add(offer::Column::MaxPersons.is_null())
                .add(offer::Column::MaxPersons.gte(h.size)),
        )
        .add(within_cap(tx, h.size, today));
    if h.needs_step_free {
        c = c.add(offer::Column::StepFree.eq(true));
    }
    c.add(match h.wbs_until {
        // Valid on the rent day: until ≥ today and ≥ the flat's availability.
        Some(w) if w >= today => Condition::any()
            .add(offer::Column::WbsRequired.eq(false))
            .add(offer::Column::AvailableFrom.lte(w)),
        _ => Condition::all().add(offer::Column::WbsRequired.eq(false)),
    })
}

/// The score of the offers for household `h`, in tenths, in SQL: the household's
/// parts are constants, district and size fit come from each offer.
fn offer_score(h: &PoolMember, today: NaiveDate) -> SimpleExpr {
    use lookup::score;
    let constant = score::readiness(h.readiness)
        + score::waiting((today - h.searching_since).num_days())
        + if h.certified { score::CERTIFICATE } else { 0 };
    let district: SimpleExpr = if h.preferred_districts.is_empty() {
        Expr::val(score::DISTRICT_NONE_STATED)
    } else {
        Expr::case(
            offer::Column::District.is_in(h.preferred_districts.iter().map(String::as_str)),
            score::DISTRICT_PREFERRED,
        )
        .finally(0)
        .into()
    };
    Expr::val(constant).add(district).add(score::size_fit_sql(
        Expr::col((offer::Entity, offer::Column::RoomsTenths)),
        Expr::val(h.size),
    ))
}

impl Housing {
    /// Ranks the households looking for a flat for offer `offer_id` (best first,
    /// `first` of them from `offset`); with `include_excluded`, the excluded ones
    /// follow with the rules they fail. Carrier caseworkers rank their own households
    /// for open offers. SQL applies the hard rules, scores and keeps the page; the
    /// explanation is built for the rows returned. Audited: one entry per household
    /// returned, in one append.
    pub async fn rank_households(
        &self,
        ctx: &Ctx,
        offer_id: Uuid,
        first: usize,
        offset: usize,
        include_excluded: bool,
    ) -> Result<Vec<HouseholdCandidate>> {
        let access = Access::of(ctx)?;
        let (limit, offset) = page(first, offset)?;
        let today = Utc::now().date_naive();
        let tx = self.db.begin_tenant(access.tenant).await?;
        let mut q = tx
            .find::<offer::Entity>()
            .filter(offer::Column::Id.eq(offer_id));
        if !access.city {
            q = q.filter(offer::Column::Status.eq(OfferStatus::Open.code()));
        }
        let o = q
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "offer" })?;
        let caps = caps_on(&tx, rent_day(&o, today)).await?;
        let pool = lookup::pool(
            &tx,
            &PoolQuery {
                carrier: access.carrier,
                household: None,
                in_progress_too: false,
                rank: Some(Rank {
                    eligible: Eligibility {
                        sizes: eligible_sizes(&o, &caps),
                        wbs_on: o.wbs_required.then(|| rent_day(&o, today)),
                        step_free: o.step_free,
                    },
                    include_excluded,
                    district: o.district.clone(),
                    rooms_tenths: o.rooms_tenths,
                    today,
                    offset,
                    limit,
                }),
                certified: Some(wohnweg_learning::certificates::certified_households(&tx)),
            },
        )
        .await?;
        let mut out: Vec<HouseholdCandidate> = pool
            .into_iter()
            .map(|h| {
                let rules = rules(&h, &o, &caps, today);
                let eligible = rules.iter().all(|r| r.passed);
                let parts = if eligible {
                    score(&h, &o, today)
                } else {
                    Vec::new()
                };
                HouseholdCandidate {
                    score: ranked(eligible, h.rank_score, &parts),
                    eligible,
                    explanation: Explanation { rules, parts },
                    household: h,
                }
            })
            .collect();
        // SQL's order stands (not re-sorted here, so the property test sees any
        // drift between the SQL score and the explanation's).
        if !include_excluded {
            out.retain(|c| c.eligible);
        }
        let entries: Vec<AuditEntry<'_>> = out
            .iter()
            .map(|c| AuditEntry {
                entity: "household",
                entity_id: c.household.id,
                action: "match_read",
                fields: &[
                    "size",
                    "readiness",
                    "wbs_until",
                    "needs_step_free",
                    "preferred_districts",
                ],
                purpose: None,
            })
            .collect();
        audit::append_many(&tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Ranks the open offers for household `household_id` (best first, `first` of
    /// them from `offset`); with `include_excluded`, the excluded ones follow. The
    /// household must be looking for a flat (state `searching`) and in the caller's
    /// reach. SQL applies the hard rules (the caps of each offer's rent day
    /// included), scores and keeps the page.
    pub async fn rank_offers(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        first: usize,
        offset: usize,
        include_excluded: bool,
    ) -> Result<Vec<OfferCandidate>> {
        let access = Access::of(ctx)?;
        let (limit, offset) = page(first, offset)?;
        let today = Utc::now().date_naive();
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = lookup::pool(
            &tx,
            &PoolQuery {
                carrier: access.carrier,
                household: Some(household_id),
                in_progress_too: false,
                rank: None,
                certified: Some(wohnweg_learning::certificates::certified_households(&tx)),
            },
        )
        .await?
        .pop();
        let Some(h) = h else {
            // In reach but not looking for a flat: say so; out of reach: missing.
            let known = lookup::households(&tx, &[household_id], access.carrier).await?;
            return Err(match known.first() {
                Some(k) => Error::bad_input(
                    "householdId",
                    format!(
                        "the household is not searching (its case is {}); offers are ranked for searching households",
                        k.state.code()
                    ),
                ),
                None => Error::NotFound {
                    entity: "household",
                },
            });
        };
        let household_ok = h.landlord_consent
            && matches!(
                h.readiness,
                Some(ReadinessLevel::Ready | ReadinessLevel::ReadyWithSupport)
            );
        let mut q = tx
            .find::<offer::Entity>()
            .filter(offer::Column::Status.eq(OfferStatus::Open.code()));
        let key: SimpleExpr = if household_ok {
            let eligible = offer_eligible(&tx, &h, today);
            if include_excluded {
                // Eligible ones by score, then the excluded ones (below every score).
                Expr::case(eligible, offer_score(&h, today))
                    .finally(-1)
                    .into()
            } else {
                q = q.filter(eligible);
                offer_score(&h, today)
            }
        } else if include_excluded {
            // Consent or readiness fail: every offer is excluded, listed by id.
            Expr::val(-1)
        } else {
            tx.commit().await?;
            return Ok(Vec::new());
        };
        let offers = q
            .column_as(key.cast_as("BIGINT"), "rank_score")
            .order_by(Expr::col("rank_score"), Order::Desc)
            .order_by_asc(offer::Column::Id)
            .offset(offset)
            .limit(limit)
            .into_model::<ScoredOffer>()
            .all(tx.conn())
            .await?;
        // The caps once; each offer's rent day picks its own.
        let all_caps = tx.find::<rent_cap::Entity>().all(tx.conn()).await?;
        let mut out = Vec::with_capacity(offers.len());
        for ScoredOffer {
            offer: o,
            rank_score,
        } in offers
        {
            let day = rent_day(&o, today);
            let caps = Caps(
                all_caps
                    .iter()
                    .filter(|c| c.valid_from <= day && c.valid_until.is_none_or(|u| u >= day))
                    .cloned()
                    .collect(),
            );
            let rules = rules(&h, &o, &caps, today);
            let eligible = rules.iter().all(|r| r.passed);
            if !eligible && !include_excluded {
                continue;
            }
            let parts = if eligible {
                score(&h, &o, today)
            } else {
                Vec::new()
            };
            out.push(OfferCandidate {
                score: ranked(eligible, Some(rank_score), &parts),
                eligible,
                explanation: Explanation { rules, parts },
                offer: offer_view(o)?,
            });
        }
        let mut offers: Vec<OfferView> = out.iter().map(|c| c.offer.clone()).collect();
        crate::market::with_landlords(&tx, &mut offers).await?;
        for (c, o) in out.iter_mut().zip(offers) {
            c.offer = o;
        }
        audit::append(
            &tx,
            ctx,
            &AuditEntry {
                entity: "household",
                entity_id: household_id,
                action: "match_read",
                fields: &[
                    "size",
                    "readiness",
                    "wbs_until",
                    "needs_step_free",
                    "preferred_districts",
                ],
                purpose: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(out)
    }
}

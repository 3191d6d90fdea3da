//! Matching: for an offer, rank the households looking for a flat; for a household,
//! rank the open offers. **Hard rules** exclude and are pushed into SQL (only
//! eligible rows come back); **soft scores** rank. Every result carries its
//! explanation — each rule with passed/failed and why, each score part with its
//! points — computed by [`rules`] and [`score`] from the same data the SQL filtered
//! on, so the explanation of a ranked candidate is exact; with `include_excluded` the
//! excluded ones come back too, with exactly the rules they fail.
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
//! | `CERTIFICATE` | 0 for now: the renter's licence comes with the learning issue |

use chrono::{NaiveDate, Utc};
use sea_orm::{ColumnTrait, Condition, QueryFilter, QueryOrder};
use uuid::Uuid;
use wohnweg_casework::lookup::{self, Eligibility, PoolMember, PoolQuery};
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
        let s = size.min(12);
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
    o.available_from.max(today)
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

/// The soft score parts for an eligible pair.
#[must_use]
pub(crate) fn score(h: &PoolMember, o: &offer::Model, today: NaiveDate) -> Vec<ScorePart> {
    let waited = (today - h.searching_since).num_days().clamp(0, 365);
    #[allow(clippy::cast_precision_loss)] // at most 365
    let waiting = 30.0 * waited as f64 / 365.0;
    let ideal = f64::from(h.size + 1) / 2.0;
    let rooms = f64::from(o.rooms_tenths) / 10.0;
    let fit = (15.0 * (1.0 - (rooms - ideal).abs() / 3.0)).max(0.0);
    let (district, district_why) = if h.preferred_districts.is_empty() {
        (10.0, "no district preference stated".to_owned())
    } else if h.preferred_districts.iter().any(|d| d == &o.district) {
        (20.0, format!("{} is a preferred district", o.district))
    } else {
        (
            0.0,
            format!("{} is not among the preferred districts", o.district),
        )
    };
    let round = |x: f64| (x * 10.0).round() / 10.0;
    vec![
        ScorePart {
            part: "READINESS",
            points: match h.readiness {
                Some(ReadinessLevel::Ready) => 25.0,
                Some(ReadinessLevel::ReadyWithSupport) => 15.0,
                _ => 0.0,
            },
            detail: h
                .readiness
                .map_or("never assessed", ReadinessLevel::code)
                .to_owned(),
        },
        ScorePart {
            part: "WAITING",
            points: round(waiting),
            detail: format!("searching for {waited} days"),
        },
        ScorePart {
            part: "DISTRICT",
            points: district,
            detail: district_why,
        },
        ScorePart {
            part: "SIZE_FIT",
            points: round(fit),
            detail: format!("{rooms} rooms for {} (ideal {ideal})", persons(h)),
        },
        ScorePart {
            part: "CERTIFICATE",
            points: 0.0,
            detail: "renter's licence: comes with the learning issue".to_owned(),
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

fn sort<T>(v: &mut [T], key: impl Fn(&T) -> (bool, f64, Uuid)) {
    v.sort_by(|a, b| {
        let (ea, sa, ia) = key(a);
        let (eb, sb, ib) = key(b);
        eb.cmp(&ea)
            .then(sb.partial_cmp(&sa).unwrap_or(std::cmp::Ordering::Equal))
            .then(ia.cmp(&ib))
    });
}

impl Housing {
    /// Ranks the households looking for a flat for offer `offer_id` (best first, at
    /// most `first`); with `include_excluded`, the excluded ones follow with the rules
    /// they fail. Carrier caseworkers rank their own households for open offers.
    /// Audited: one entry per household returned.
    pub async fn rank_households(
        &self,
        ctx: &Ctx,
        offer_id: Uuid,
        first: usize,
        include_excluded: bool,
    ) -> Result<Vec<HouseholdCandidate>> {
        let access = Access::of(ctx)?;
        if !(1..=500).contains(&first) {
            return Err(Error::bad_input("first", "must be 1–500"));
        }
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
        let eligible = Eligibility {
            sizes: eligible_sizes(&o, &caps),
            wbs_on: o.wbs_required.then(|| rent_day(&o, today)),
            step_free: o.step_free,
        };
        let pool = lookup::pool(
            &tx,
            &PoolQuery {
                carrier: access.carrier,
                household: None,
                eligible: (!include_excluded).then_some(eligible),
                in_progress_too: false,
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
                    score: total(&parts),
                    eligible,
                    explanation: Explanation { rules, parts },
                    household: h,
                }
            })
            .collect();
        sort(&mut out, |c| (c.eligible, c.score, c.household.id));
        if !include_excluded {
            out.retain(|c| c.eligible);
        }
        out.truncate(first);
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

    /// Ranks the open offers for household `household_id` (best first, at most
    /// `first`); with `include_excluded`, the excluded ones follow. The household must
    /// be looking for a flat (state `searching`) and in the caller's reach.
    pub async fn rank_offers(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        first: usize,
        include_excluded: bool,
    ) -> Result<Vec<OfferCandidate>> {
        let access = Access::of(ctx)?;
        if !(1..=500).contains(&first) {
            return Err(Error::bad_input("first", "must be 1–500"));
        }
        let today = Utc::now().date_naive();
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = lookup::pool(
            &tx,
            &PoolQuery {
                carrier: access.carrier,
                household: Some(household_id),
                eligible: None,
                in_progress_too: false,
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
        let mut q = tx
            .find::<offer::Entity>()
            .filter(offer::Column::Status.eq(OfferStatus::Open.code()));
        let household_ok = h.landlord_consent
            && matches!(
                h.readiness,
                Some(ReadinessLevel::Ready | ReadinessLevel::ReadyWithSupport)
            );
        // The caps depend on each offer's day; the rules on the household's side are
        // constant. Push what SQL can check; the rest is exact in `rules`.
        if !include_excluded {
            if !household_ok {
                tx.commit().await?;
                return Ok(Vec::new());
            }
            q = q
                .filter(
                    Condition::any()
                        .add(offer::Column::MaxPersons.is_null())
                        .add(offer::Column::MaxPersons.gte(h.size)),
                )
                .filter(offer::Column::RoomsTenths.gte((h.size * 10 + 1) / 2));
            if h.needs_step_free {
                q = q.filter(offer::Column::StepFree.eq(true));
            }
            match h.wbs_until {
                None => q = q.filter(offer::Column::WbsRequired.eq(false)),
                Some(w) => {
                    q = q.filter(
                        Condition::any()
                            .add(offer::Column::WbsRequired.eq(false))
                            .add(offer::Column::AvailableFrom.lte(w)),
                    );
                }
            }
        }
        let offers = q.order_by_asc(offer::Column::Id).all(tx.conn()).await?;
        // Every cap once; each offer's day picks its own (no statement per offer).
        let all_caps = tx.find::<rent_cap::Entity>().all(tx.conn()).await?;
        let mut out = Vec::new();
        for o in offers {
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
                score: total(&parts),
                eligible,
                explanation: Explanation { rules, parts },
                offer: offer_view(o)?,
            });
        }
        sort(&mut out, |c| (c.eligible, c.score, c.offer.id));
        out.truncate(first);
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

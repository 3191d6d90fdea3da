//! A city's cells: every measure of [`crate::measures::MEASURES`] for each quarter,
//! counted from the city's history (case transitions, placements and returns,
//! matches, guarantees, follow-ups, course runs) with the cell key of the households
//! in it. Pure: the rollup loads the facts and stores what this returns.

use std::collections::HashMap;

use chrono::{Months, NaiveDate};
use uuid::Uuid;
use wohnweg_casework::lookup::CaseHistory;
use wohnweg_casework::types::{CaseState, FollowUpOutcome};
use wohnweg_housing::lookup::{GuaranteeFact, MatchFact, PlacementFact};
use wohnweg_housing::types::{DeclineReason, PlacementSource};
use wohnweg_learning::lookup::RunFact;
use wohnweg_learning::types::EnrolmentStatus;

use crate::disclosure::{Cell, record_key};
use crate::measures::Quarter;

/// The measures of declines by coded reason.
const DECLINE_REASONS: [(&str, DeclineReason); 8] = [
    (
        "declines_reason_household_refused_area",
        DeclineReason::HouseholdRefusedArea,
    ),
    (
        "declines_reason_household_refused_flat",
        DeclineReason::HouseholdRefusedFlat,
    ),
    (
        "declines_reason_household_unreachable",
        DeclineReason::HouseholdUnreachable,
    ),
    (
        "declines_reason_landlord_chose_other",
        DeclineReason::LandlordChoseOther,
    ),
    (
        "declines_reason_income_documents_missing",
        DeclineReason::IncomeDocumentsMissing,
    ),
    (
        "declines_reason_benefit_office_refused",
        DeclineReason::BenefitOfficeRefused,
    ),
    (
        "declines_reason_landlord_no_reason",
        DeclineReason::LandlordNoReason,
    ),
    ("declines_reason_other", DeclineReason::Other),
];

/// What a city's cells are counted from.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Casework's history.
    pub cases: CaseHistory,
    /// Housing's placements (with returns).
    pub placements: Vec<PlacementFact>,
    /// Housing's matches.
    pub matches: Vec<MatchFact>,
    /// Housing's guarantees.
    pub guarantees: Vec<GuaranteeFact>,
    /// Learning's course runs.
    pub runs: Vec<RunFact>,
    /// The programmes' filled full-time equivalents (hundredths) on each quarter's last
    /// day.
    pub filled_fte: HashMap<NaiveDate, i64>,
    /// Housing's dwellings per district.
    pub stock: Vec<(String, i64)>,
}

/// One measure of one quarter: its households (as a cell), the value counted over
/// them, and for times the median and 75th percentile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The quarter.
    pub quarter: Quarter,
    /// The measure's code.
    pub measure: &'static str,
    /// The households counted (count and cell key).
    pub cell: Cell,
    /// The value: the count, or the sum over the cell (persons, euros).
    pub value: i64,
    /// Days: the median.
    pub median: Option<i32>,
    /// Days: the 75th percentile.
    pub p75: Option<i32>,
}

/// The median and 75th percentile by nearest rank (the reports' rule).
fn ranks(days: Vec<i64>) -> (Option<i32>, Option<i32>) {
    match wohnweg_programmes::report::percentiles(days) {
        wohnweg_programmes::report::Value::Days { median, p75, n } if n > 0 => {
            (i32::try_from(median).ok(), i32::try_from(p75).ok())
        }
        _ => (None, None),
    }
}

fn row(quarter: Quarter, measure: &'static str, households: &[Uuid]) -> Row {
    let cell = Cell::of(households.iter().map(|h| record_key(*h)));
    Row {
        quarter,
        measure,
        cell,
        value: cell.count,
        median: None,
        p75: None,
    }
}

/// Every measure of every quarter in `quarters`.
#[must_use]
#[allow(clippy::too_many_lines)] // one block per measure, read top to bottom
pub fn compute(f: &Facts, quarters: &[Quarter]) -> Vec<Row> {
    let registered: HashMap<Uuid, NaiveDate> = f
        .cases
        .households
        .iter()
        .map(|(h, at, _)| (*h, at.date_naive()))
        .collect();
    let members: HashMap<Uuid, i64> = f
        .cases
        .households
        .iter()
        .map(|(h, _, m)| (*h, i64::from(*m)))
        .collect();
    let mut states: HashMap<Uuid, Vec<(NaiveDate, chrono::DateTime<chrono::Utc>, CaseState)>> =
        HashMap::new();
    for (h, s, on, at) in &f.cases.transitions {
        states.entry(*h).or_default().push((*on, *at, *s));
    }
    for list in states.values_mut() {
        list.sort_by_key(|(on, at, _)| (*on, *at));
    }
    let mut first_ready: HashMap<Uuid, Vec<NaiveDate>> = HashMap::new();
    for (h, on, _) in &f.cases.ready {
        first_ready.entry(*h).or_default().push(*on);
    }
    let lease_of: HashMap<Uuid, NaiveDate> = f
        .matches
        .iter()
        .filter_map(|m| m.lease_signed_on.map(|d| (m.id, d)))
        .collect();

    let mut out = Vec::new();
    for &q in quarters {
        // Households in scope on the quarter's last day.
        let working: Vec<Uuid> = registered
            .iter()
            .filter(|(h, on)| {
                **on <= q.end()
                    && states
                        .get(*h)
                        .and_then(|l| l.iter().rev().find(|(d, _, _)| *d <= q.end()))
                        .is_some_and(|(_, _, s)| {
                            !matches!(
                                s,
                                CaseState::MovedOut | CaseState::Aftercare | CaseState::Closed
                            )
                        })
            })
            .map(|(h, _)| *h)
            .collect();
        let in_scope = row(q, "in_scope", &working);
        out.push(Row {
            measure: "caseload_per_fte",
            value: f.filled_fte.get(&q.end()).copied().unwrap_or(0),
            ..in_scope.clone()
        });
        out.push(in_scope);

        // Moves into a home of their own, by source, with the persons moving.
        let moves: Vec<&PlacementFact> = f
            .placements
            .iter()
            .filter(|p| q.contains(p.move_in_on))
            .collect();
        let households: Vec<Uuid> = moves.iter().map(|p| p.household_id).collect();
        let moved = row(q, "moves", &households);
        out.push(Row {
            measure: "moves_persons",
            value: households
                .iter()
                .map(|h| members.get(h).copied().unwrap_or(0))
                .sum(),
            ..moved.clone()
        });
        out.push(moved);
        for (code, source) in [
            ("moves_match", PlacementSource::Match),
            ("moves_self_found", PlacementSource::SelfFound),
            ("moves_lease_takeover", PlacementSource::LeaseTakeover),
        ] {
            let of: Vec<Uuid> = moves
                .iter()
                .filter(|p| p.source == source)
                .map(|p| p.household_id)
                .collect();
            out.push(row(q, code, &of));
        }

        // Moves into districts that took more than their share (the segregation
        // indicator over the quarter's moves).
        let clustering: std::collections::HashSet<String> =
            wohnweg_housing::segregation::indicator(
                moves.iter().map(|p| p.district.clone()),
                &f.stock,
            )
            .into_iter()
            .filter(|d| d.clustering)
            .map(|d| d.district)
            .collect();
        out.push(row(
            q,
            "moves_clustered",
            &moves
                .iter()
                .filter(|p| clustering.contains(&p.district))
                .map(|p| p.household_id)
                .collect::<Vec<_>>(),
        ));

        // The time it took, over the quarter's moves.
        let mut spans: [(&'static str, Vec<(Uuid, i64)>); 3] = [
            ("days_intake_ready", Vec::new()),
            ("days_ready_lease", Vec::new()),
            ("days_lease_move_in", Vec::new()),
        ];
        for p in &moves {
            let ready = first_ready
                .get(&p.household_id)
                .and_then(|l| l.iter().filter(|d| **d <= p.move_in_on).min().copied());
            let lease = p.match_id.and_then(|m| lease_of.get(&m).copied());
            if let (Some(r), Some(start)) = (ready, registered.get(&p.household_id)) {
                spans[0]
                    .1
                    .push((p.household_id, (r - *start).num_days().max(0)));
            }
            if let (Some(r), Some(l)) = (ready, lease) {
                spans[1].1.push((p.household_id, (l - r).num_days().max(0)));
            }
            if let Some(l) = lease {
                spans[2]
                    .1
                    .push((p.household_id, (p.move_in_on - l).num_days().max(0)));
            }
        }
        for (code, list) in spans {
            let hs: Vec<Uuid> = list.iter().map(|(h, _)| *h).collect();
            let (median, p75) = ranks(list.into_iter().map(|(_, d)| d).collect());
            out.push(Row {
                median,
                p75,
                ..row(q, code, &hs)
            });
        }

        // After the move: returns within 6 and 12 months, tenancies held at 12.
        let back_within = |p: &PlacementFact, months: u32| {
            p.returned_on.is_some_and(|r| {
                p.move_in_on
                    .checked_add_months(Months::new(months))
                    .is_some_and(|limit| r <= limit)
            })
        };
        for (code, months, returned) in [
            ("returns_6m", 6, true),
            ("returns_12m", 12, true),
            ("held_12m", 12, false),
            ("returns_24m", 24, true),
            ("held_24m", 24, false),
        ] {
            let of: Vec<Uuid> = moves
                .iter()
                .filter(|p| back_within(p, months) == returned)
                .map(|p| p.household_id)
                .collect();
            out.push(row(q, code, &of));
        }

        // Placing: declines (all, and by who declined) and guarantees.
        let declined: Vec<(Uuid, Option<&str>, DeclineReason)> = f
            .matches
            .iter()
            .filter_map(|m| {
                let (reason, by, at) = m.declined.as_ref()?;
                q.contains(at.date_naive())
                    .then_some((m.household_id, by.as_deref(), *reason))
            })
            .collect();
        out.push(row(
            q,
            "declines",
            &declined.iter().map(|(h, _, _)| *h).collect::<Vec<_>>(),
        ));
        for (code, reason) in DECLINE_REASONS {
            let of: Vec<Uuid> = declined
                .iter()
                .filter(|(_, _, r)| *r == reason)
                .map(|(h, _, _)| *h)
                .collect();
            out.push(row(q, code, &of));
        }
        for (code, actor) in [
            ("declines_household", "household"),
            ("declines_landlord", "landlord"),
            ("declines_carrier", "carrier"),
            ("declines_city", "city"),
        ] {
            let of: Vec<Uuid> = declined
                .iter()
                .filter(|(_, by, _)| *by == Some(actor))
                .map(|(h, _, _)| *h)
                .collect();
            out.push(row(q, code, &of));
        }
        let approved: Vec<&GuaranteeFact> = f
            .guarantees
            .iter()
            .filter(|g| g.approved_on.is_some_and(|d| q.contains(d)))
            .collect();
        let guaranteed = row(
            q,
            "guarantees",
            &approved.iter().map(|g| g.household_id).collect::<Vec<_>>(),
        );
        out.push(Row {
            measure: "guarantees_per_move",
            ..guaranteed.clone()
        });
        out.push(Row {
            measure: "guarantee_euros",
            value: approved
                .iter()
                .map(|g| (i64::from(g.amount_cents) + 50) / 100)
                .sum(),
            ..guaranteed.clone()
        });
        out.push(guaranteed);

        // Aftercare contacts, and those that found the contact lost.
        let contacts: Vec<(Uuid, FollowUpOutcome)> = f
            .cases
            .followups
            .iter()
            .filter(|(_, on, o)| q.contains(*on) && *o != FollowUpOutcome::Cancelled)
            .map(|(h, _, o)| (*h, *o))
            .collect();
        out.push(row(
            q,
            "followups",
            &contacts.iter().map(|(h, _)| *h).collect::<Vec<_>>(),
        ));
        out.push(row(
            q,
            "contact_lost",
            &contacts
                .iter()
                .filter(|(_, o)| *o == FollowUpOutcome::Lost)
                .map(|(h, _)| *h)
                .collect::<Vec<_>>(),
        ));

        // Courses whose last session lay in the quarter, and whether their households
        // moved out within six months of it.
        let taking: Vec<(Uuid, EnrolmentStatus, NaiveDate)> = f
            .runs
            .iter()
            .filter_map(|r| r.last_session.filter(|d| q.contains(*d)).map(|d| (r, d)))
            .flat_map(|(r, end)| r.participants.iter().map(move |p| (p, end)))
            .filter_map(|((h, s), end)| h.map(|h| (h, *s, end)))
            .filter(|(_, s, _)| *s != EnrolmentStatus::Waiting)
            .collect();
        let moved_after = |h: Uuid, end: NaiveDate| {
            f.placements.iter().any(|p| {
                p.household_id == h
                    && p.move_in_on > end
                    && end
                        .checked_add_months(Months::new(6))
                        .is_some_and(|limit| p.move_in_on <= limit)
            })
        };
        let of = |completed: bool, moved: bool| -> Vec<Uuid> {
            taking
                .iter()
                .filter(|(h, s, end)| {
                    (*s == EnrolmentStatus::Completed) == completed
                        && (!moved || moved_after(*h, *end))
                })
                .map(|(h, _, _)| *h)
                .collect()
        };
        out.push(row(q, "course_non_completers", &of(false, false)));
        out.push(row(q, "completers_moved_6m", &of(true, true)));
        out.push(row(q, "non_completers_moved_6m", &of(false, true)));
        out.push(row(
            q,
            "course_places",
            &taking.iter().map(|(h, _, _)| *h).collect::<Vec<_>>(),
        ));
        out.push(row(
            q,
            "course_completion",
            &taking
                .iter()
                .filter(|(_, s, _)| *s == EnrolmentStatus::Completed)
                .map(|(h, _, _)| *h)
                .collect::<Vec<_>>(),
        ));
    }
    out
}

#[cfg(test)]
#[path = "cells_tests.rs"]
mod tests;

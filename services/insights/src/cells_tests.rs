//! Hand-counted: four households over the first half of 2025. A household's record
//! key is the low 32 bits of its id, so `h(n)` has key `n` and a cell's key is the
//! sum of its households' numbers.

use chrono::{DateTime, Utc};
use wohnweg_housing::types::{DeclineReason, GuaranteeKind, LandlordKind};

use super::*;
use crate::disclosure::Cell;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str, hour: u32) -> DateTime<Utc> {
    d(s).and_hms_opt(hour, 0, 0).unwrap().and_utc()
}

fn h(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn facts() -> Facts {
    use CaseState::{Active, Aftercare, Intake, MovedOut, Searching};
    let t = |n, s, on: &str, hour| (h(n), s, d(on), at(on, hour));
    let place = |n, source, on: &str, back: Option<&str>, m: Option<u128>| PlacementFact {
        district: if n == 1 { "Kalk" } else { "Porz" }.to_owned(),
        household_id: h(n),
        source,
        landlord_kind: LandlordKind::Private,
        housing_company: None,
        move_in_on: d(on),
        recorded_at: at(on, 9),
        returned_on: back.map(d),
        match_id: m.map(|m| Uuid::from_u128(500 + m)),
    };
    let matched = |m: u128, n, lease: Option<&str>, declined: Option<&str>| MatchFact {
        id: Uuid::from_u128(500 + m),
        household_id: h(n),
        created_at: at("2025-01-01", 9),
        declined: declined.map(|on| {
            (
                DeclineReason::LandlordChoseOther,
                Some("landlord".to_owned()),
                at(on, 9),
            )
        }),
        overridden: false,
        lease_signed_on: lease.map(d),
        offer_id: Uuid::from_u128(600 + m),
    };
    Facts {
        cases: CaseHistory {
            households: vec![
                (h(1), at("2025-01-05", 9), 3),
                (h(2), at("2025-01-20", 9), 1),
                (h(3), at("2025-02-10", 9), 4),
                (h(4), at("2025-04-02", 9), 2),
            ],
            transitions: vec![
                t(1, Intake, "2025-01-05", 9),
                t(1, Active, "2025-01-10", 9),
                t(1, Searching, "2025-02-01", 9),
                t(1, MovedOut, "2025-03-15", 9),
                t(1, Aftercare, "2025-03-15", 10),
                t(2, Intake, "2025-01-20", 9),
                t(2, Active, "2025-01-25", 9),
                t(3, Intake, "2025-02-10", 9),
                t(3, Searching, "2025-03-01", 9),
                t(3, MovedOut, "2025-05-10", 9),
                t(4, Intake, "2025-04-02", 9),
            ],
            assignments: Vec::new(),
            followups: vec![
                (h(1), d("2025-04-15"), FollowUpOutcome::Stable),
                (h(1), d("2025-05-20"), FollowUpOutcome::Lost),
                (h(3), d("2025-06-10"), FollowUpOutcome::Cancelled),
            ],
            ready: vec![
                (h(1), d("2025-02-01"), at("2025-02-01", 9)),
                (h(3), d("2025-03-01"), at("2025-03-01", 9)),
            ],
        },
        placements: vec![
            place(
                1,
                PlacementSource::Match,
                "2025-03-15",
                Some("2025-06-01"),
                Some(1),
            ),
            place(3, PlacementSource::SelfFound, "2025-05-10", None, None),
        ],
        matches: vec![
            matched(1, 1, Some("2025-03-01"), None),
            matched(2, 2, None, Some("2025-02-15")),
        ],
        guarantees: vec![GuaranteeFact {
            household_id: h(1),
            kind: GuaranteeKind::Deposit,
            approved_on: Some(d("2025-03-10")),
            amount_cents: 150_049,
            repayments: Vec::new(),
        }],
        // One and a half filled positions at the end of March, none at the end of June.
        filled_fte: [(d("2025-03-31"), 150)].into_iter().collect(),
        stock: vec![("Kalk".to_owned(), 100), ("Porz".to_owned(), 900)],
        runs: vec![RunFact {
            run_id: Uuid::from_u128(900),
            delivering_org: None,
            last_session: Some(d("2025-02-20")),
            participants: vec![
                (Some(h(1)), EnrolmentStatus::Completed),
                (Some(h(2)), EnrolmentStatus::DroppedOut),
                (Some(h(4)), EnrolmentStatus::Waiting),
                (None, EnrolmentStatus::Completed),
            ],
        }],
    }
}

/// `(measure, count, key, value, median, p75)`; every measure not listed is empty.
type Want = (&'static str, i64, u32, i64, Option<i32>, Option<i32>);

fn check(rows: &[Row], q: Quarter, want: &[Want]) {
    let of_q: Vec<&Row> = rows.iter().filter(|r| r.quarter == q).collect();
    assert_eq!(
        of_q.len(),
        crate::measures::MEASURES.len(),
        "one row per measure"
    );
    for r in of_q {
        let got = (
            r.measure,
            r.cell.count,
            r.cell.key,
            r.value,
            r.median,
            r.p75,
        );
        let expected = want
            .iter()
            .find(|w| w.0 == r.measure)
            .copied()
            .unwrap_or((r.measure, 0, 0, 0, None, None));
        assert_eq!(got, expected, "{} in {}", r.measure, q.label());
    }
}

#[test]
fn each_quarter_counts_its_measures_from_the_history() {
    let q1 = Quarter::of(d("2025-02-01"));
    let q2 = q1.next();
    let rows = compute(&facts(), &[q1, q2]);
    check(
        &rows,
        q1,
        &[
            ("in_scope", 2, 2 + 3, 2, None, None),
            ("caseload_per_fte", 2, 2 + 3, 150, None, None),
            ("moves", 1, 1, 1, None, None),
            ("moves_persons", 1, 1, 3, None, None),
            ("moves_match", 1, 1, 1, None, None),
            ("days_intake_ready", 1, 1, 1, Some(27), Some(27)),
            ("days_ready_lease", 1, 1, 1, Some(28), Some(28)),
            ("days_lease_move_in", 1, 1, 1, Some(14), Some(14)),
            ("returns_6m", 1, 1, 1, None, None),
            ("returns_12m", 1, 1, 1, None, None),
            ("returns_24m", 1, 1, 1, None, None),
            ("declines", 1, 2, 1, None, None),
            ("declines_landlord", 1, 2, 1, None, None),
            ("declines_reason_landlord_chose_other", 1, 2, 1, None, None),
            ("guarantees", 1, 1, 1, None, None),
            ("guarantees_per_move", 1, 1, 1, None, None),
            ("guarantee_euros", 1, 1, 1500, None, None),
            ("course_places", 2, 1 + 2, 2, None, None),
            ("course_completion", 1, 1, 1, None, None),
            ("course_non_completers", 1, 2, 1, None, None),
            ("completers_moved_6m", 1, 1, 1, None, None),
        ],
    );
    check(
        &rows,
        q2,
        &[
            ("in_scope", 2, 2 + 4, 2, None, None),
            ("caseload_per_fte", 2, 2 + 4, 0, None, None),
            ("moves", 1, 3, 1, None, None),
            ("moves_persons", 1, 3, 4, None, None),
            ("moves_self_found", 1, 3, 1, None, None),
            ("days_intake_ready", 1, 3, 1, Some(19), Some(19)),
            ("held_12m", 1, 3, 1, None, None),
            ("held_24m", 1, 3, 1, None, None),
            ("followups", 2, 1 + 1, 2, None, None),
            ("contact_lost", 1, 1, 1, None, None),
        ],
    );
}

#[test]
fn quarters_run_on_calendar_quarters() {
    let q = Quarter::of(d("2026-11-30"));
    assert_eq!((q.start, q.end()), (d("2026-10-01"), d("2026-12-31")));
    assert_eq!(q.label(), "2026 Q4");
    assert_eq!(q.next().start, d("2027-01-01"));
    assert_eq!(q.previous().end(), d("2026-09-30"));
    let last = Quarter::last(8, d("2026-11-30"));
    assert_eq!(last.len(), 8);
    assert_eq!(last[0].start, d("2025-01-01"));
    assert_eq!(
        Quarter::starting(d("2026-04-01")),
        Some(Quarter::of(d("2026-05-05")))
    );
    assert_eq!(Quarter::starting(d("2026-04-02")), None);
    assert_eq!(ranks(vec![5, 1, 9, 3]), (Some(3), Some(5)));
}

/// Four of five moves went to a district with a tenth of the city's dwellings: those
/// four count as moves into a clustering district; a district without entered stock
/// never does.
#[test]
fn moves_into_a_district_taking_more_than_its_share_are_counted() {
    let q = Quarter::of(d("2025-05-01"));
    let mv = |n: u128, district: &str| PlacementFact {
        household_id: h(n),
        source: PlacementSource::SelfFound,
        landlord_kind: LandlordKind::Private,
        housing_company: None,
        move_in_on: d("2025-05-10"),
        recorded_at: at("2025-05-10", 9),
        returned_on: None,
        match_id: None,
        district: district.to_owned(),
    };
    let mut f = Facts {
        placements: vec![
            mv(1, "Kalk"),
            mv(2, "Kalk"),
            mv(3, "Kalk"),
            mv(4, "Kalk"),
            mv(5, "Porz"),
        ],
        stock: vec![("Kalk".to_owned(), 100), ("Porz".to_owned(), 900)],
        ..Facts::default()
    };
    let of = |f: &Facts| {
        compute(f, &[q])
            .into_iter()
            .find(|r| r.measure == "moves_clustered")
            .unwrap()
            .cell
    };
    assert_eq!(of(&f), Cell::of([1, 2, 3, 4]));
    f.stock.clear();
    assert_eq!(of(&f), Cell::default(), "no stock entered, no clustering");
}

#[test]
fn every_decline_reason_has_its_measure() {
    for r in DeclineReason::ALL {
        let code = format!("declines_reason_{}", r.code());
        assert!(crate::measures::measure(&code).is_some(), "{code}");
        assert!(DECLINE_REASONS.iter().any(|(c, x)| *c == code && x == r));
    }
}

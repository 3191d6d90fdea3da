//! What a programme has achieved, computed — never stored: the households in scope,
//! the caseload per filled full-time position, and each target's progress this year
//! against its pro-rata path.
//!
//! Households count for the carrier they are assigned to now (casework's current
//! assignment), and so do their moves, completions and follow-ups of this year; the
//! reports by period (the next part of this service) follow the assignment history.
//! A landlord is *won* in the year its first flat for the city was moved into, by the
//! programme whose household moved in.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use uuid::Uuid;
use wohnweg_casework::lookup as casework;
use wohnweg_casework::types::CaseState;
use wohnweg_housing::lookup as housing;
use wohnweg_kernel::{OrganisationId, Result, TenantTx};
use wohnweg_learning::lookup as learning;

use crate::types::TargetKind;

/// The city's facts for this year's figures, loaded once for every programme.
#[derive(Debug, Default)]
pub struct Facts {
    /// Open households per carrier.
    caseload: HashMap<OrganisationId, i64>,
    /// This year's counts per carrier and target kind.
    actual: HashMap<(OrganisationId, TargetKind), i64>,
    /// The year counted.
    pub year: i32,
    /// The day counted to.
    pub today: NaiveDate,
}

impl Facts {
    /// Loads the facts as of `today` (four statements).
    pub(crate) async fn load(tx: &TenantTx, today: NaiveDate) -> Result<Self> {
        let year = today.year();
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
        let assigned = casework::carrier_caseload(tx).await?;
        let placements = housing::placements(tx).await?;
        let completions = learning::completions(tx, first, today).await?;
        let followups = casework::followups_recorded(tx, first, today).await?;
        Ok(Self::from_rows(
            &assigned,
            &placements,
            &completions,
            &followups,
            today,
        ))
    }

    /// The facts from the rows of casework, housing and learning.
    #[must_use]
    pub fn from_rows(
        assigned: &[(Uuid, OrganisationId, CaseState)],
        placements: &[(Uuid, Option<Uuid>, NaiveDate)],
        completions: &[(Uuid, NaiveDate)],
        followups: &[(Uuid, NaiveDate)],
        today: NaiveDate,
    ) -> Self {
        let year = today.year();
        let in_year = |d: NaiveDate| d.year() == year && d <= today;
        let mut caseload: HashMap<OrganisationId, i64> = HashMap::new();
        let mut carrier_of: HashMap<Uuid, OrganisationId> = HashMap::new();
        for (h, org, state) in assigned {
            carrier_of.insert(*h, *org);
            if *state != CaseState::Closed {
                *caseload.entry(*org).or_default() += 1;
            }
        }
        let mut actual: HashMap<(OrganisationId, TargetKind), i64> = HashMap::new();
        let mut count = |h: &Uuid, kind: TargetKind| {
            if let Some(org) = carrier_of.get(h) {
                *actual.entry((*org, kind)).or_default() += 1;
            }
        };
        // Each landlord's first placement with the city.
        let mut first: HashMap<Uuid, (NaiveDate, Uuid)> = HashMap::new();
        for (h, landlord, on) in placements {
            if in_year(*on) {
                count(h, TargetKind::MoveOuts);
            }
            if let Some(l) = landlord {
                let e = first.entry(*l).or_insert((*on, *h));
                if (*on, *h) < *e {
                    *e = (*on, *h);
                }
            }
        }
        for (on, h) in first.values() {
            if in_year(*on) {
                count(h, TargetKind::LandlordsWon);
            }
        }
        for (h, on) in completions {
            if in_year(*on) {
                count(h, TargetKind::CourseCompletions);
            }
        }
        for (h, on) in followups {
            if in_year(*on) {
                count(h, TargetKind::AftercareContacts);
            }
        }
        Self {
            caseload,
            actual,
            year,
            today,
        }
    }

    /// The open households assigned to `org`.
    #[must_use]
    pub fn households(&self, org: OrganisationId) -> i64 {
        self.caseload.get(&org).copied().unwrap_or(0)
    }

    /// This year's count of `kind` for `org`.
    #[must_use]
    pub fn actual(&self, org: OrganisationId, kind: TargetKind) -> i64 {
        self.actual.get(&(org, kind)).copied().unwrap_or(0)
    }
}

/// Where a yearly target of `target` should stand on `today`: the whole target for a
/// past year, nothing for a later one, and for this year the share of the year's days
/// passed (rounded down).
#[must_use]
pub fn expected_by(target: i32, year: i32, today: NaiveDate) -> i64 {
    let target = i64::from(target);
    if year < today.year() {
        return target;
    }
    if year > today.year() {
        return 0;
    }
    let days = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    };
    target * i64::from(today.ordinal()) / days
}

/// Households per filled full-time position (`None` with nothing filled).
#[must_use]
pub fn caseload_per_fte(households: i64, filled_hundredths: i64) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    (filled_hundredths > 0).then(|| households as f64 * 100.0 / filled_hundredths as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_pro_rata_path_runs_through_the_year() {
        assert_eq!(expected_by(365, 2026, d("2026-01-01")), 1);
        assert_eq!(expected_by(40, 2026, d("2026-07-02")), 40 * 183 / 365);
        assert_eq!(expected_by(40, 2026, d("2026-12-31")), 40);
        assert_eq!(expected_by(40, 2025, d("2026-03-01")), 40);
        assert_eq!(expected_by(40, 2027, d("2026-03-01")), 0);
        // 2028 is a leap year: the 366th day completes the path.
        assert_eq!(expected_by(366, 2028, d("2028-12-31")), 366);
    }

    #[test]
    fn caseload_counts_per_filled_full_time_position() {
        assert_eq!(caseload_per_fte(30, 150), Some(20.0));
        assert_eq!(caseload_per_fte(30, 0), None);
    }

    #[test]
    fn this_years_events_count_for_the_assigned_carrier() {
        let a = OrganisationId::from_uuid(Uuid::from_u128(1));
        let b = OrganisationId::from_uuid(Uuid::from_u128(2));
        let h = |n: u128| Uuid::from_u128(100 + n);
        let l = |n: u128| Some(Uuid::from_u128(900 + n));
        let assigned = vec![
            (h(1), a, CaseState::Searching),
            (h(2), a, CaseState::Aftercare),
            (h(3), a, CaseState::Closed),
            (h(4), b, CaseState::Active),
        ];
        let placements = vec![
            // Landlord 1 first let to b's household last year: not won this year.
            (h(4), l(1), d("2025-06-01")),
            (h(2), l(1), d("2026-03-01")),
            // Landlord 2's first flat went to a's household this year.
            (h(3), l(2), d("2026-05-01")),
            (h(1), l(2), d("2026-06-01")),
            // Not assigned to any carrier.
            (h(9), l(3), d("2026-02-01")),
        ];
        let completions = vec![(h(1), d("2026-04-01")), (h(4), d("2026-04-01"))];
        let followups = vec![(h(2), d("2026-09-01")), (h(2), d("2026-10-01"))];
        let f = Facts::from_rows(
            &assigned,
            &placements,
            &completions,
            &followups,
            d("2026-11-30"),
        );
        assert_eq!(f.households(a), 2, "the closed case is out of scope");
        assert_eq!(f.households(b), 1);
        assert_eq!(f.actual(a, TargetKind::MoveOuts), 3);
        assert_eq!(f.actual(b, TargetKind::MoveOuts), 0);
        assert_eq!(f.actual(a, TargetKind::LandlordsWon), 1);
        assert_eq!(f.actual(b, TargetKind::LandlordsWon), 0);
        assert_eq!(f.actual(a, TargetKind::CourseCompletions), 1);
        assert_eq!(f.actual(b, TargetKind::CourseCompletions), 1);
        assert_eq!(f.actual(a, TargetKind::AftercareContacts), 2);
    }
}

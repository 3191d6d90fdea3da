//! The city's own figures over time, quarter by quarter, for city staff — the figures
//! the Mülheim interview wanted to "name": households taken in, moves into a home of
//! their own, aftercare contacts, returns to a shelter and course completions. Each
//! quarter is the joint [`crate::report`] for that quarter, so the dashboard and the
//! reports never disagree.

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use wohnweg_kernel::{Ctx, Error, Result};

use crate::Programmes;
use crate::access::Access;
use crate::report::{Facts, Report, Scope, Value, compute};

/// The figures of one quarter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarter {
    /// `2026-Q3`.
    pub label: String,
    /// First day.
    pub from: NaiveDate,
    /// Last day (today for the running quarter).
    pub to: NaiveDate,
    /// Households taken in.
    pub intakes: i64,
    /// Moves into a home of their own (households).
    pub moves: i64,
    /// Aftercare contacts.
    pub followups: i64,
    /// Returns to a shelter.
    pub returns: i64,
    /// Course completions (runs that ended in the quarter).
    pub completions: i64,
}

/// The `n` quarters up to the one holding `today` (which ends today), oldest first.
#[must_use]
pub fn quarters(n: u32, today: NaiveDate) -> Vec<(String, NaiveDate, NaiveDate)> {
    let q0 = (today.month0() / 3) * 3 + 1;
    let start = NaiveDate::from_ymd_opt(today.year(), q0, 1).unwrap_or(today);
    let mut out = Vec::new();
    for back in (0..n).rev() {
        let Some(from) = start.checked_sub_months(Months::new(3 * back)) else {
            continue;
        };
        let to = from
            .checked_add_months(Months::new(3))
            .and_then(|d| d.pred_opt())
            .unwrap_or(from)
            .min(today);
        out.push((
            format!("{}-Q{}", from.year(), from.month0() / 3 + 1),
            from,
            to,
        ));
    }
    out
}

fn figure(r: &Report, key: &str) -> i64 {
    r.sections
        .iter()
        .flat_map(|s| &s.figures)
        .find(|f| f.key == key)
        .map_or(0, |f| match f.value {
            Value::Count(n)
            | Value::Euros(n)
            | Value::Share { yes: n, .. }
            | Value::Days { n, .. } => n,
            Value::Hundredths(h) => h.unwrap_or(0),
        })
}

/// The dashboard from `facts` for the `n` quarters up to `today`, as recorded by
/// `cut_off`.
#[must_use]
pub fn compute_quarters(
    facts: &Facts,
    n: u32,
    today: NaiveDate,
    cut_off: DateTime<Utc>,
) -> Vec<Quarter> {
    quarters(n, today)
        .into_iter()
        .map(|(label, from, to)| {
            let r = compute(facts, Scope::City, "", from, to, cut_off);
            Quarter {
                label,
                from,
                to,
                intakes: figure(&r, "intakes.households"),
                moves: figure(&r, "moves.households"),
                followups: figure(&r, "aftercare.followups"),
                returns: figure(&r, "aftercare.returns"),
                completions: figure(&r, "courses.completed"),
            }
        })
        .collect()
}

impl Programmes {
    /// The city's figures for the last `n` quarters (1–20), city staff only. Ten
    /// statements, whatever `n`.
    pub async fn dashboard(&self, ctx: &Ctx, n: i32) -> Result<Vec<Quarter>> {
        let access = Access::of(ctx)?;
        if access.carrier.is_some() {
            return Err(Error::Forbidden);
        }
        let n = u32::try_from(n)
            .ok()
            .filter(|n| (1..=20).contains(n))
            .ok_or_else(|| Error::bad_input("quarters", "must be 1–20"))?;
        let now = Utc::now();
        let tx = self.db.begin_tenant(access.tenant).await?;
        let facts = Facts {
            cases: wohnweg_casework::lookup::case_history(&tx).await?,
            placements: wohnweg_housing::lookup::placement_facts(&tx).await?,
            runs: wohnweg_learning::lookup::run_facts(&tx).await?,
            matches: Vec::new(),
            offers: Vec::new(),
            guarantees: Vec::new(),
            positions: Vec::new(),
            funding: Vec::new(),
        };
        tx.commit().await?;
        Ok(compute_quarters(&facts, n, now.date_naive(), now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn quarters_run_up_to_today() {
        let q = quarters(3, d("2026-11-30"));
        assert_eq!(
            q,
            vec![
                ("2026-Q2".to_owned(), d("2026-04-01"), d("2026-06-30")),
                ("2026-Q3".to_owned(), d("2026-07-01"), d("2026-09-30")),
                ("2026-Q4".to_owned(), d("2026-10-01"), d("2026-11-30")),
            ]
        );
        let across = quarters(2, d("2026-02-10"));
        assert_eq!(
            across[0],
            ("2025-Q4".to_owned(), d("2025-10-01"), d("2025-12-31"))
        );
    }

    #[test]
    fn each_quarter_counts_what_the_report_for_it_counts() {
        // The report's hand-counted fixture, quarter by quarter.
        let facts = crate::report::tests::facts();
        let cut_off = d("2026-01-15").and_hms_opt(10, 0, 0).unwrap().and_utc();
        let q = compute_quarters(&facts, 4, d("2025-12-31"), cut_off);
        let rows: Vec<(&str, [i64; 5])> = q
            .iter()
            .map(|q| {
                (
                    q.label.as_str(),
                    [q.intakes, q.moves, q.followups, q.returns, q.completions],
                )
            })
            .collect();
        assert_eq!(
            rows,
            vec![
                ("2025-Q1", [2, 0, 0, 0, 2]),
                ("2025-Q2", [1, 1, 1, 0, 0]),
                ("2025-Q3", [1, 1, 1, 0, 0]),
                ("2025-Q4", [1, 1, 1, 1, 1]),
            ]
        );
    }
}

//! Do the moves last? Returns to a shelter within 6, 12 and 24 months of a move.
//!
//! Every move-out is a placement ([`crate::moves`]); a return to a shelter marks the
//! placement it ended ([`Housing::record_return`]). For each window the figure counts
//! the placements whose move-in lies in the asked range **and whose whole window has
//! passed** (observed) — a move three months ago cannot yet say whether it lasted a
//! year — and how many of those returned within the window. Placements still inside
//! their window are counted apart (`pending`), with the returns already seen among
//! them. One row per window for all placements, and one per window and way out
//! (match, self-found flat, lease takeover).

use chrono::{Months, NaiveDate, Utc};
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use wohnweg_casework::lookup;
use wohnweg_kernel::{Ctx, Error, Result};

use crate::Housing;
use crate::access::Access;
use crate::entity::placement;
use crate::types::PlacementSource;

/// The windows counted, in months after the move-in.
pub const WINDOWS: [u32; 3] = [6, 12, 24];

/// Returns within one window, for all placements or one way out.
#[derive(Clone, Debug, PartialEq)]
pub struct ReturnWindow {
    /// Months after the move-in.
    pub months: u32,
    /// One way out, or all (`None`).
    pub source: Option<PlacementSource>,
    /// Placements whose window has passed.
    pub observed: i64,
    /// Of those, returned to a shelter within the window.
    pub returned: i64,
    /// `returned ÷ observed` (none when nothing is observed yet).
    pub rate: Option<f64>,
    /// Placements still inside the window.
    pub pending: i64,
    /// Of those, returned already.
    pub pending_returned: i64,
}

/// Counts the windows over `(source, move-in, returned on)` rows as of `today`.
fn count(rows: &[(String, NaiveDate, Option<NaiveDate>)], today: NaiveDate) -> Vec<ReturnWindow> {
    let mut out = Vec::new();
    for months in WINDOWS {
        let sources = std::iter::once(None).chain(PlacementSource::ALL.iter().copied().map(Some));
        for source in sources {
            let mut w = ReturnWindow {
                months,
                source,
                observed: 0,
                returned: 0,
                rate: None,
                pending: 0,
                pending_returned: 0,
            };
            for (code, moved, back) in rows {
                if source.is_some_and(|s| s.code() != code) {
                    continue;
                }
                let Some(end) = moved.checked_add_months(Months::new(months)) else {
                    continue;
                };
                let within = back.is_some_and(|b| b < end);
                if end <= today {
                    w.observed += 1;
                    w.returned += i64::from(within);
                } else {
                    w.pending += 1;
                    w.pending_returned += i64::from(within);
                }
            }
            #[allow(clippy::cast_precision_loss)] // counts far below 2^52
            if w.observed > 0 {
                w.rate = Some(w.returned as f64 / w.observed as f64);
            }
            out.push(w);
        }
    }
    out
}

impl Housing {
    /// Returns within 6, 12 and 24 months of the moves whose move-in lies in
    /// `from..=to` (both optional), as of today: city staff see the city's, a carrier
    /// caseworker its households'. One statement (three date columns per placement).
    pub async fn returns_after_moves(
        &self,
        ctx: &Ctx,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<ReturnWindow>> {
        self.returns_after_moves_at(ctx, from, to, Utc::now().date_naive())
            .await
    }

    /// [`Self::returns_after_moves`] as of `today` (a report for a past or chosen day).
    pub async fn returns_after_moves_at(
        &self,
        ctx: &Ctx,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<Vec<ReturnWindow>> {
        let access = Access::of(ctx)?;
        if let (Some(f), Some(t)) = (from, to)
            && t < f
        {
            return Err(Error::bad_input("to", "must not lie before from"));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let mut q = tx
            .find::<placement::Entity>()
            .select_only()
            .column(placement::Column::Source)
            .column(placement::Column::MoveInOn)
            .column(placement::Column::ReturnedOn);
        if let Some(c) = access.carrier {
            q = q.filter(
                placement::Column::HouseholdId.in_subquery(lookup::carrier_households(
                    &tx,
                    c,
                    access.user,
                )),
            );
        }
        if let Some(f) = from {
            q = q.filter(placement::Column::MoveInOn.gte(f));
        }
        if let Some(t) = to {
            q = q.filter(placement::Column::MoveInOn.lte(t));
        }
        let rows: Vec<(String, NaiveDate, Option<NaiveDate>)> =
            q.into_tuple().all(tx.conn()).await?;
        tx.commit().await?;
        Ok(count(&rows, today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_window_counts_only_placements_it_has_seen_through() {
        let today = d("2026-11-30");
        let rows = vec![
            // Moved 13 months ago, back after 5: a return in every window it passed.
            ("match".to_owned(), d("2025-10-30"), Some(d("2026-03-30"))),
            // Moved 25 months ago, back after 13: not within 6 or 12, within 24.
            (
                "self_found".to_owned(),
                d("2024-10-30"),
                Some(d("2025-11-29")),
            ),
            // Moved 7 months ago, still housed.
            ("match".to_owned(), d("2026-04-30"), None),
            // Moved a month ago, back already: pending in every window.
            (
                "lease_takeover".to_owned(),
                d("2026-10-30"),
                Some(d("2026-11-15")),
            ),
        ];
        let all = count(&rows, today);
        let get = |m: u32, s: Option<PlacementSource>| {
            all.iter()
                .find(|w| w.months == m && w.source == s)
                .unwrap()
                .clone()
        };
        let six = get(6, None);
        assert_eq!(
            (
                six.observed,
                six.returned,
                six.pending,
                six.pending_returned
            ),
            (3, 1, 1, 1)
        );
        assert_eq!(six.rate, Some(1.0 / 3.0));
        let twelve = get(12, None);
        assert_eq!(
            (twelve.observed, twelve.returned, twelve.pending),
            (2, 1, 2)
        );
        let two_years = get(24, None);
        assert_eq!(
            (two_years.observed, two_years.returned, two_years.pending),
            (1, 1, 3)
        );
        let matched = get(6, Some(PlacementSource::Match));
        assert_eq!((matched.observed, matched.returned), (2, 1));
        let takeover = get(24, Some(PlacementSource::LeaseTakeover));
        assert_eq!((takeover.observed, takeover.rate), (0, None));
        // A return on the last day of the window is outside it.
        let edge = count(
            &[("match".to_owned(), d("2026-01-15"), Some(d("2026-07-15")))],
            today,
        );
        assert_eq!((edge[0].observed, edge[0].returned), (1, 0));
    }
}

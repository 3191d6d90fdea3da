//! Does the renter's licence help? Hagen's evaluation, planned from the start:
//! households whose member completed a course against comparable households that
//! never took part — moved out within 6 and 12 months, and the tenancy still held
//! 12 months after the move-in.
//!
//! **The groups.** Each run that has ended (its last session lies on or before today)
//! fixes a reference day, the day of its last session. Its *completers* are the
//! households with a member who completed it; its *comparison group* is every other
//! household of the city that never had a member in any run of the course (waiting
//! list included) — and both only if, on the reference day, the household was
//! registered and not yet in a home of its own (no placement in force). Completers
//! already housed on the day are counted apart. For the course as a whole, each
//! household counts once: a completer at the earliest run it completed, a comparison
//! household at the earliest run end at which it qualified. Drop-outs and those still
//! enrolled belong to neither group. Walk-ins belong to no household and are not
//! followed. The comparison is plain — no weighting by household size or district —
//! so it describes and does not prove; the console says so.
//!
//! **The windows.** As in [`crate::lasting`], a window counts only households it has
//! seen through (`observed`); those still inside it are `pending`, with the outcomes
//! already seen among them. Moves are placements ([`crate::moves`]), whatever the way
//! out; the tenancy is the first placement after the reference day, held if no return
//! to a shelter ended it within 12 months of its move-in.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Months, NaiveDate, Utc};
use sea_orm::QuerySelect;
use uuid::Uuid;
use wohnweg_casework::lookup as casework;
use wohnweg_kernel::{Ctx, Error, Result};
use wohnweg_learning::lookup as learning;
use wohnweg_learning::types::EnrolmentStatus;

use crate::Housing;
use crate::access::Access;
use crate::entity::placement;

/// The windows after the reference day in which a move-out is counted, in months.
pub const MOVE_WINDOWS: [u32; 2] = [6, 12];
/// How long after its move-in a tenancy must have held, in months.
pub const TENANCY_MONTHS: u32 = 12;

/// An outcome counted over households whose window has passed, and apart over those
/// still inside it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Share {
    /// Households whose window has passed.
    pub observed: i64,
    /// Of those, with the outcome.
    pub yes: i64,
    /// `yes ÷ observed` (none while nothing is observed).
    pub rate: Option<f64>,
    /// Households still inside the window.
    pub pending: i64,
    /// Of those, with the outcome so far (moved already; tenancy not ended yet).
    pub pending_yes: i64,
}

impl Share {
    fn count(&mut self, passed: bool, yes: bool) {
        if passed {
            self.observed += 1;
            self.yes += i64::from(yes);
        } else {
            self.pending += 1;
            self.pending_yes += i64::from(yes);
        }
    }

    fn finish(&mut self) {
        #[allow(clippy::cast_precision_loss)] // counts far below 2^52
        if self.observed > 0 {
            self.rate = Some(self.yes as f64 / self.observed as f64);
        }
    }
}

/// The outcomes of one group of households.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupOutcome {
    /// Households in the group.
    pub households: i64,
    /// Moved out within each of [`MOVE_WINDOWS`], in that order: `(months, share)`.
    pub moved_within: Vec<(u32, Share)>,
    /// Of those that moved out after the reference day, the tenancy still held
    /// [`TENANCY_MONTHS`] after the move-in.
    pub tenancy_held: Share,
}

/// Completers against the comparison group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// Households with a member who completed.
    pub completers: GroupOutcome,
    /// Comparable households that never took part.
    pub comparison: GroupOutcome,
    /// Completer households already in a home of their own on the reference day
    /// (left out of both groups).
    pub housed_at_completion: i64,
}

/// One run's comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct RunOutcome {
    /// The run.
    pub run_id: Uuid,
    /// The day of its last session (the reference day).
    pub ended_on: Option<NaiveDate>,
    /// `None` while the run has not ended.
    pub comparison: Option<Comparison>,
}

/// A course's evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct CourseOutcomes {
    /// The course.
    pub course_id: Uuid,
    /// Its title.
    pub title: String,
    /// Per run, oldest first.
    pub runs: Vec<RunOutcome>,
    /// All ended runs together, each household once.
    pub overall: Comparison,
    /// The day the windows were counted to.
    pub as_of: NaiveDate,
}

/// A household's placements: `(move-in, returned on)`.
type Placements = HashMap<Uuid, Vec<(NaiveDate, Option<NaiveDate>)>>;

/// What the comparison needs besides the groups.
struct Facts<'a> {
    registered: &'a HashMap<Uuid, NaiveDate>,
    placements: &'a Placements,
    today: NaiveDate,
}

impl Facts<'_> {
    /// Whether household `h` was registered and not yet housed on `day`.
    fn waiting_on(&self, h: Uuid, day: NaiveDate) -> bool {
        self.registered.get(&h).is_some_and(|r| *r <= day) && !self.housed_on(h, day)
    }

    /// Whether a placement of `h` was in force on `day`.
    fn housed_on(&self, h: Uuid, day: NaiveDate) -> bool {
        self.placements.get(&h).is_some_and(|ps| {
            ps.iter()
                .any(|(i, r)| *i <= day && r.is_none_or(|r| r > day))
        })
    }

    /// Adds household `h`, waiting on `day`, to `g`.
    fn add(&self, g: &mut GroupOutcome, h: Uuid, day: NaiveDate) {
        let first = self.placements.get(&h).and_then(|ps| {
            ps.iter()
                .filter(|(i, _)| *i > day && *i <= self.today)
                .min_by_key(|(i, _)| *i)
        });
        g.households += 1;
        for (months, share) in &mut g.moved_within {
            let Some(end) = day.checked_add_months(Months::new(*months)) else {
                continue;
            };
            share.count(end <= self.today, first.is_some_and(|(i, _)| *i <= end));
        }
        if let Some((moved, back)) = first
            && let Some(end) = moved.checked_add_months(Months::new(TENANCY_MONTHS))
        {
            let held = if end <= self.today {
                back.is_none_or(|b| b >= end)
            } else {
                back.is_none_or(|b| b > self.today)
            };
            g.tenancy_held.count(end <= self.today, held);
        }
    }

    /// Completers and comparison households, each with its reference day.
    fn compare(
        &self,
        completers: &[(Uuid, NaiveDate)],
        others: &[(Uuid, NaiveDate)],
    ) -> Comparison {
        let empty = || GroupOutcome {
            households: 0,
            moved_within: MOVE_WINDOWS
                .iter()
                .map(|m| (*m, Share::default()))
                .collect(),
            tenancy_held: Share::default(),
        };
        let mut c = Comparison {
            completers: empty(),
            comparison: empty(),
            housed_at_completion: 0,
        };
        for (h, day) in completers {
            if !self.registered.contains_key(h) {
                continue;
            }
            if self.housed_on(*h, *day) {
                c.housed_at_completion += 1;
            } else {
                self.add(&mut c.completers, *h, *day);
            }
        }
        for (h, day) in others {
            if self.waiting_on(*h, *day) {
                self.add(&mut c.comparison, *h, *day);
            }
        }
        for g in [&mut c.completers, &mut c.comparison] {
            for (_, s) in &mut g.moved_within {
                s.finish();
            }
            g.tenancy_held.finish();
        }
        c
    }
}

/// The evaluation of a course from its cohorts, the city's households and their
/// placements, as of `today`.
fn evaluate(
    course_id: Uuid,
    cohorts: learning::CourseCohorts,
    registered: &HashMap<Uuid, NaiveDate>,
    placements: &Placements,
    today: NaiveDate,
) -> CourseOutcomes {
    let facts = Facts {
        registered,
        placements,
        today,
    };
    let took_part: HashSet<Uuid> = cohorts.households.iter().map(|p| p.household_id).collect();
    let never: Vec<Uuid> = {
        let mut v: Vec<Uuid> = registered
            .keys()
            .filter(|h| !took_part.contains(h))
            .copied()
            .collect();
        v.sort_unstable();
        v
    };
    let mut runs = Vec::new();
    // Course-wide: each household at its earliest qualifying run end.
    let mut first_completed: BTreeMap<Uuid, NaiveDate> = BTreeMap::new();
    let mut first_waiting: BTreeMap<Uuid, NaiveDate> = BTreeMap::new();
    for r in &cohorts.runs {
        let Some(day) = r.last_session.filter(|d| *d <= today) else {
            runs.push(RunOutcome {
                run_id: r.run_id,
                ended_on: r.last_session,
                comparison: None,
            });
            continue;
        };
        let mut completers: Vec<(Uuid, NaiveDate)> = cohorts
            .households
            .iter()
            .filter(|p| p.run_id == r.run_id && p.status == EnrolmentStatus::Completed)
            .map(|p| (p.household_id, day))
            .collect();
        completers.sort_unstable();
        completers.dedup();
        for (h, d) in &completers {
            first_completed.entry(*h).or_insert(*d);
        }
        let others: Vec<(Uuid, NaiveDate)> = never.iter().map(|h| (*h, day)).collect();
        for h in &never {
            if !first_waiting.contains_key(h) && facts.waiting_on(*h, day) {
                first_waiting.insert(*h, day);
            }
        }
        runs.push(RunOutcome {
            run_id: r.run_id,
            ended_on: Some(day),
            comparison: Some(facts.compare(&completers, &others)),
        });
    }
    let completers: Vec<(Uuid, NaiveDate)> = first_completed.into_iter().collect();
    let others: Vec<(Uuid, NaiveDate)> = first_waiting.into_iter().collect();
    CourseOutcomes {
        course_id,
        title: cohorts.title,
        runs,
        overall: facts.compare(&completers, &others),
        as_of: today,
    }
}

impl Housing {
    /// Hagen's evaluation of course `course_id`: per ended run and for the course,
    /// completers against comparable households that never took part (see the
    /// module). City staff only; another tenant's course is `NOT_FOUND`. Six
    /// statements, whatever the number of runs and households.
    pub async fn course_outcomes(&self, ctx: &Ctx, course_id: Uuid) -> Result<CourseOutcomes> {
        self.course_outcomes_at(ctx, course_id, Utc::now().date_naive())
            .await
    }

    /// [`Self::course_outcomes`] as of `today`.
    pub async fn course_outcomes_at(
        &self,
        ctx: &Ctx,
        course_id: Uuid,
        today: NaiveDate,
    ) -> Result<CourseOutcomes> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let cohorts = learning::course_cohorts(&tx, course_id)
            .await?
            .ok_or(Error::NotFound { entity: "course" })?;
        let registered: HashMap<Uuid, NaiveDate> = casework::registered_households(&tx)
            .await?
            .into_iter()
            .collect();
        let rows: Vec<(Uuid, NaiveDate, Option<NaiveDate>)> = tx
            .find::<placement::Entity>()
            .select_only()
            .column(placement::Column::HouseholdId)
            .column(placement::Column::MoveInOn)
            .column(placement::Column::ReturnedOn)
            .into_tuple()
            .all(tx.conn())
            .await?;
        tx.commit().await?;
        let mut placements: Placements = HashMap::new();
        for (h, i, r) in rows {
            placements.entry(h).or_default().push((i, r));
        }
        Ok(evaluate(
            course_id,
            cohorts,
            &registered,
            &placements,
            today,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wohnweg_learning::lookup::{CourseCohorts, HouseholdTakingPart, RunEnd};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn part(run: u128, h: u128, status: EnrolmentStatus) -> HouseholdTakingPart {
        HouseholdTakingPart {
            run_id: id(run),
            household_id: id(h),
            status,
        }
    }

    /// Run 100 ended 2025-01-31; run 200 ended 2025-07-31; run 300 ends in the future.
    /// Households 1–2 completed run 100, 3 completed run 200 (after dropping out of
    /// 100), 4 dropped out of 200, 5 was housed when it completed 100; 10–13 never
    /// took part, 13 registered only after both runs.
    fn world() -> (CourseCohorts, HashMap<Uuid, NaiveDate>, Placements) {
        let cohorts = CourseCohorts {
            title: "Mietführerschein".into(),
            runs: vec![
                RunEnd {
                    run_id: id(100),
                    last_session: Some(d("2025-01-31")),
                },
                RunEnd {
                    run_id: id(200),
                    last_session: Some(d("2025-07-31")),
                },
                RunEnd {
                    run_id: id(300),
                    last_session: Some(d("2026-12-31")),
                },
            ],
            households: vec![
                part(100, 1, EnrolmentStatus::Completed),
                part(100, 2, EnrolmentStatus::Completed),
                part(100, 3, EnrolmentStatus::DroppedOut),
                part(100, 5, EnrolmentStatus::Completed),
                part(200, 3, EnrolmentStatus::Completed),
                part(200, 4, EnrolmentStatus::DroppedOut),
                part(300, 1, EnrolmentStatus::Waiting),
            ],
        };
        let registered: HashMap<Uuid, NaiveDate> = [1, 2, 3, 4, 5, 10, 11, 12]
            .iter()
            .map(|h| (id(*h), d("2024-06-01")))
            .chain([(id(13), d("2025-09-01"))])
            .collect();
        let mut placements: Placements = HashMap::new();
        // 1: moved 3 months after run 100, still there.
        placements.insert(id(1), vec![(d("2025-04-30"), None)]);
        // 2: moved 9 months after, returned after 5 months.
        placements.insert(id(2), vec![(d("2025-10-31"), Some(d("2026-03-31")))]);
        // 3: moved 1 month after run 200.
        placements.insert(id(3), vec![(d("2025-08-31"), None)]);
        // 5: housed since 2024, before completing.
        placements.insert(id(5), vec![(d("2024-09-01"), None)]);
        // 10: moved 2025-03-15 (within 6 months of run 100).
        placements.insert(id(10), vec![(d("2025-03-15"), None)]);
        // 11: moved 2026-06-30 (more than 12 months after either run).
        placements.insert(id(11), vec![(d("2026-06-30"), None)]);
        // 12: never moved.
        (cohorts, registered, placements)
    }

    #[test]
    fn each_run_compares_its_completers_with_households_that_never_took_part() {
        let (cohorts, registered, placements) = world();
        let today = d("2026-11-30");
        let out = evaluate(id(9), cohorts, &registered, &placements, today);
        assert_eq!(out.runs.len(), 3);
        let first = out.runs[0].comparison.clone().unwrap();
        // Completers 1 and 2; 5 was housed already.
        assert_eq!(first.completers.households, 2);
        assert_eq!(first.housed_at_completion, 1);
        let six = &first.completers.moved_within[0];
        assert_eq!(six.0, 6);
        assert_eq!((six.1.observed, six.1.yes), (2, 1));
        assert_eq!(six.1.rate, Some(0.5));
        let twelve = &first.completers.moved_within[1].1;
        assert_eq!((twelve.observed, twelve.yes), (2, 2));
        // 1 moved 2025-04-30: held through 2026-04-30. 2 returned within 12 months.
        // 2's window ends 2026-10-31, passed.
        assert_eq!(
            (
                first.completers.tenancy_held.observed,
                first.completers.tenancy_held.yes
            ),
            (2, 1)
        );
        // Comparison: 10, 11, 12 (13 registered later; 3, 4 took part).
        assert_eq!(first.comparison.households, 3);
        let c6 = &first.comparison.moved_within[0].1;
        assert_eq!((c6.observed, c6.yes), (3, 1));
        let c12 = &first.comparison.moved_within[1].1;
        assert_eq!((c12.observed, c12.yes), (3, 1));
        // 10 held (2025-03-15 + 12 passed); 11 moved 2026-06-30, still pending.
        let t = &first.comparison.tenancy_held;
        assert_eq!((t.observed, t.yes, t.pending, t.pending_yes), (1, 1, 1, 1));
    }

    #[test]
    fn a_run_not_ended_has_no_groups_and_later_runs_see_who_still_waits() {
        let (cohorts, registered, placements) = world();
        let out = evaluate(id(9), cohorts, &registered, &placements, d("2026-11-30"));
        assert!(out.runs[2].comparison.is_none());
        assert_eq!(out.runs[2].ended_on, Some(d("2026-12-31")));
        let second = out.runs[1].comparison.clone().unwrap();
        // Completer 3; comparison 11, 12 (10 housed on 2025-07-31).
        assert_eq!(second.completers.households, 1);
        assert_eq!(second.comparison.households, 2);
        // Run 200 ended 2025-07-31: the 12-month window ends 2026-07-31, passed.
        let c12 = &second.comparison.moved_within[1].1;
        assert_eq!((c12.observed, c12.yes), (2, 1));
    }

    #[test]
    fn the_course_counts_each_household_once_at_its_earliest_run() {
        let (cohorts, registered, placements) = world();
        let out = evaluate(id(9), cohorts, &registered, &placements, d("2026-11-30"));
        // Completers 1, 2 (run 100) and 3 (run 200); 5 housed.
        assert_eq!(out.overall.completers.households, 3);
        assert_eq!(out.overall.housed_at_completion, 1);
        // 10, 11, 12 at run 100; 13 never waiting on a run end.
        assert_eq!(out.overall.comparison.households, 3);
        let six = &out.overall.completers.moved_within[0].1;
        assert_eq!((six.observed, six.yes), (3, 2));
    }

    #[test]
    fn windows_still_open_are_pending_and_report_what_is_seen_so_far() {
        let (cohorts, registered, placements) = world();
        // As of 2025-05-31, run 100's windows are open; 1 has moved already.
        let out = evaluate(id(9), cohorts, &registered, &placements, d("2025-05-31"));
        assert!(out.runs[1].comparison.is_none(), "run 200 had not ended");
        let first = out.runs[0].comparison.clone().unwrap();
        let six = &first.completers.moved_within[0].1;
        assert_eq!((six.observed, six.pending, six.pending_yes), (0, 2, 1));
        assert_eq!(six.rate, None);
        // Tenancy of 1 (moved 2025-04-30) pending and holding so far.
        let t = &first.completers.tenancy_held;
        assert_eq!((t.observed, t.pending, t.pending_yes), (0, 1, 1));
    }
}

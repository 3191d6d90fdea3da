//! What services above learning (housing's course evaluation) may learn about a
//! course inside their own tenant transaction: its runs with the day each ended, and
//! which households took part in which run and whether they completed — ids, dates
//! and statuses only, never a name.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait};
use uuid::Uuid;
use wohnweg_kernel::{Result, TenantTx};

use crate::entity::{course, enrolment, run, session};
use crate::types::{EnrolmentStatus, stored};

/// A run of the course and the day of its last session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunEnd {
    /// The run.
    pub run_id: Uuid,
    /// The day of its last session (`None`: no sessions).
    pub last_session: Option<NaiveDate>,
}

/// A household's place in a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HouseholdTakingPart {
    /// The run.
    pub run_id: Uuid,
    /// The household of the participant.
    pub household_id: Uuid,
    /// Where the participant stands.
    pub status: EnrolmentStatus,
}

/// A course's runs and the households that took part in them (walk-ins, who belong
/// to no household, are not listed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CourseCohorts {
    /// The title of the course.
    pub title: String,
    /// Its runs, oldest first.
    pub runs: Vec<RunEnd>,
    /// Every enrolment of a household member, in any status (waiting included).
    pub households: Vec<HouseholdTakingPart>,
}

/// The runs and participating households of course `course_id` of the transaction's
/// tenant; `None` when there is no such course (four statements).
///
/// # Errors
/// A database error, or a stored status the code does not know.
pub async fn course_cohorts(tx: &TenantTx, course_id: Uuid) -> Result<Option<CourseCohorts>> {
    let Some(c) = tx
        .find::<course::Entity>()
        .filter(course::Column::Id.eq(course_id))
        .one(tx.conn())
        .await?
    else {
        return Ok(None);
    };
    let runs: Vec<Uuid> = tx
        .find::<run::Entity>()
        .select_only()
        .column(run::Column::Id)
        .filter(run::Column::CourseId.eq(course_id))
        .order_by_asc(run::Column::Id)
        .into_tuple()
        .all(tx.conn())
        .await?;
    let in_course = || {
        tx.find::<run::Entity>()
            .select_only()
            .column(run::Column::Id)
            .filter(run::Column::CourseId.eq(course_id))
            .into_query()
    };
    let sessions: Vec<(Uuid, NaiveDate)> = tx
        .find::<session::Entity>()
        .select_only()
        .column(session::Column::RunId)
        .column(session::Column::OnDate)
        .filter(session::Column::RunId.in_subquery(in_course()))
        .into_tuple()
        .all(tx.conn())
        .await?;
    let mut last: BTreeMap<Uuid, NaiveDate> = BTreeMap::new();
    for (r, d) in sessions {
        let e = last.entry(r).or_insert(d);
        *e = (*e).max(d);
    }
    let rows: Vec<(Uuid, Option<Uuid>, String)> = tx
        .find::<enrolment::Entity>()
        .select_only()
        .column(enrolment::Column::RunId)
        .column(enrolment::Column::HouseholdId)
        .column(enrolment::Column::Status)
        .filter(enrolment::Column::RunId.in_subquery(in_course()))
        .filter(enrolment::Column::HouseholdId.is_not_null())
        .into_tuple()
        .all(tx.conn())
        .await?;
    let mut households = Vec::with_capacity(rows.len());
    for (run_id, household, status) in rows {
        let Some(household_id) = household else {
            continue;
        };
        households.push(HouseholdTakingPart {
            run_id,
            household_id,
            status: stored(&status, EnrolmentStatus::from_code)?,
        });
    }
    let mut runs: Vec<RunEnd> = runs
        .into_iter()
        .map(|run_id| RunEnd {
            run_id,
            last_session: last.get(&run_id).copied(),
        })
        .collect();
    runs.sort_by_key(|r| (r.last_session, r.run_id));
    Ok(Some(CourseCohorts {
        title: c.title,
        runs,
        households,
    }))
}

/// The completions of household members with a completion day from `from` to `to`
/// (both inclusive), in any course: `(household, completed on)` (one statement).
///
/// # Errors
/// A database error.
pub async fn completions(
    tx: &TenantTx,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Uuid, NaiveDate)>> {
    let rows: Vec<(Option<Uuid>, Option<NaiveDate>)> = tx
        .find::<enrolment::Entity>()
        .select_only()
        .column(enrolment::Column::HouseholdId)
        .column(enrolment::Column::CompletedOn)
        .filter(enrolment::Column::Status.eq(EnrolmentStatus::Completed.code()))
        .filter(enrolment::Column::HouseholdId.is_not_null())
        .filter(enrolment::Column::CompletedOn.gte(from))
        .filter(enrolment::Column::CompletedOn.lte(to))
        .into_tuple()
        .all(tx.conn())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(h, on)| Some((h?, on?)))
        .collect())
}

/// A run as a report by period needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunFact {
    /// The run.
    pub run_id: Uuid,
    /// The carrier that delivers it (`None`: the city).
    pub delivering_org: Option<Uuid>,
    /// The day of its last session.
    pub last_session: Option<NaiveDate>,
    /// Its participants: household (walk-ins: none), status.
    pub participants: Vec<(Option<Uuid>, EnrolmentStatus)>,
}

/// Every run of the transaction's tenant with its last session and participants
/// (three statements).
///
/// # Errors
/// A database error, or a stored status the code does not know.
pub async fn run_facts(tx: &TenantTx) -> Result<Vec<RunFact>> {
    let runs: Vec<(Uuid, Option<Uuid>)> = tx
        .find::<run::Entity>()
        .select_only()
        .column(run::Column::Id)
        .column(run::Column::DeliveringOrg)
        .order_by_asc(run::Column::Id)
        .into_tuple()
        .all(tx.conn())
        .await?;
    let sessions: Vec<(Uuid, NaiveDate)> = tx
        .find::<session::Entity>()
        .select_only()
        .column(session::Column::RunId)
        .column(session::Column::OnDate)
        .into_tuple()
        .all(tx.conn())
        .await?;
    let mut last: BTreeMap<Uuid, NaiveDate> = BTreeMap::new();
    for (r, d) in sessions {
        let e = last.entry(r).or_insert(d);
        *e = (*e).max(d);
    }
    let rows: Vec<(Uuid, Option<Uuid>, String)> = tx
        .find::<enrolment::Entity>()
        .select_only()
        .column(enrolment::Column::RunId)
        .column(enrolment::Column::HouseholdId)
        .column(enrolment::Column::Status)
        .into_tuple()
        .all(tx.conn())
        .await?;
    let mut participants: BTreeMap<Uuid, Vec<(Option<Uuid>, EnrolmentStatus)>> = BTreeMap::new();
    for (r, h, s) in rows {
        participants
            .entry(r)
            .or_default()
            .push((h, stored(&s, EnrolmentStatus::from_code)?));
    }
    Ok(runs
        .into_iter()
        .map(|(run_id, delivering_org)| RunFact {
            run_id,
            delivering_org,
            last_session: last.get(&run_id).copied(),
            participants: participants.remove(&run_id).unwrap_or_default(),
        })
        .collect())
}

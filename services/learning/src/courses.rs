//! A city's courses and runs.
//!
//! A city adopts one version of a catalogue template as a course, may add local
//! modules (its own waste rules), and schedules runs: a language, an interpreter,
//! a trainer, a place near where the participants live, a capacity, the delivering
//! organisation and the sessions with the modules each covers. A run keeps the
//! catalogue version it was scheduled with; adopting a newer version changes only
//! the runs scheduled afterwards.

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use uuid::Uuid;
use wohnweg_casework::types::{Text, date_in_range};
use wohnweg_identity::directory;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::{ReferenceTable, TenantScoped};
use wohnweg_kernel::{Ctx, Error, OrganisationId, Result, TenantTx};

use crate::Learning;
use crate::access::Access;
use crate::catalogue::{ModuleView, TemplateView, local_view, templates};
use crate::entity::{course, course_template, enrolment, local_module, run, session};
use crate::types::{EnrolmentStatus, Language, StartTime, TemplateStatus, stored};

/// A city's course: the catalogue version new runs use, and its local modules.
#[derive(Clone, Debug)]
pub struct CourseView {
    /// Id.
    pub id: Uuid,
    /// Title (the template's German title when adopted).
    pub title: String,
    /// The catalogue version new runs use.
    pub template: TemplateView,
    /// A newer published version of the same template, if any: `(id, version)`.
    pub newer_version: Option<(Uuid, i32)>,
    /// The city's own modules.
    pub local_modules: Vec<ModuleView>,
    /// The carrier that adopted it on the city's behalf.
    pub adopted_by_org: Option<OrganisationId>,
    /// Version (for concurrent edits).
    pub version: i32,
}

/// A session of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionView {
    /// Id.
    pub id: Uuid,
    /// 1, 2, 3, …
    pub position: i32,
    /// Date.
    pub on_date: NaiveDate,
    /// Start, `HH:MM`.
    pub starts_at: String,
    /// Place.
    pub place: String,
    /// Keys of the modules it covers.
    pub modules: Vec<String>,
}

/// How a run is going, without names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunFigures {
    /// Participants with a place (enrolled, completed, dropped out).
    pub enrolled: i64,
    /// On the waiting list.
    pub waiting: i64,
    /// Completed.
    pub completed: i64,
    /// Dropped out.
    pub dropped_out: i64,
    /// Of the sessions held, the share attended by participants with a place, in
    /// percent (attendance records / possible ones); `None` before any record.
    pub attended_percent: Option<i64>,
    /// Drop-outs by the last session they attended (0: none): `(session, count)`.
    pub dropped_after: Vec<(i32, i64)>,
}

/// A run of a course.
#[derive(Clone, Debug)]
pub struct RunView {
    /// Id.
    pub id: Uuid,
    /// The course.
    pub course_id: Uuid,
    /// The course's title.
    pub course_title: String,
    /// The catalogue version it runs.
    pub template_id: Uuid,
    /// Language of instruction.
    pub language: String,
    /// Interpreted into.
    pub interpreter_language: Option<String>,
    /// Trainer.
    pub trainer: String,
    /// Place.
    pub place: String,
    /// District.
    pub district: String,
    /// Places.
    pub capacity: i32,
    /// Delivering organisation; `None`: the city.
    pub delivering_org: Option<OrganisationId>,
    /// Sessions in order.
    pub sessions: Vec<SessionView>,
    /// Figures.
    pub figures: RunFigures,
    /// Version.
    pub version: i32,
}

/// A local module to add.
#[derive(Clone, Debug)]
pub struct NewLocalModule {
    /// Title.
    pub title: Text,
    /// Learning goals.
    pub goals: Text,
    /// Minutes (15–600).
    pub minutes: i32,
    /// Mandatory.
    pub mandatory: bool,
}

/// A session to schedule.
#[derive(Clone, Debug)]
pub struct NewSession {
    /// Date.
    pub on_date: NaiveDate,
    /// Start.
    pub starts_at: StartTime,
    /// Place; `None`: the run's.
    pub place: Option<Text>,
    /// Module keys it covers (of the course: catalogue keys, `local:<n>`).
    pub modules: Vec<String>,
}

/// A run to schedule.
#[derive(Clone, Debug)]
pub struct NewRun {
    /// Language of instruction.
    pub language: Language,
    /// Interpreted into.
    pub interpreter_language: Option<Language>,
    /// Trainer.
    pub trainer: Text,
    /// Place (near where the participants live).
    pub place: Text,
    /// District.
    pub district: Text,
    /// Places (1–200).
    pub capacity: i32,
    /// Delivering organisation (a carrier); `None`: the city. A carrier's caseworker
    /// schedules runs only for their own organisation.
    pub delivering_org: Option<OrganisationId>,
    /// Sessions (1–30), in date order.
    pub sessions: Vec<NewSession>,
}

pub(crate) async fn find_course(tx: &TenantTx, id: Uuid) -> Result<course::Model> {
    tx.find::<course::Entity>()
        .filter(course::Column::Id.eq(id))
        .one(tx.conn())
        .await?
        .ok_or(Error::NotFound { entity: "course" })
}

/// The catalogue version a course's new runs use.
pub(crate) async fn course_template(tx: &TenantTx, c: &course::Model) -> Result<TemplateView> {
    templates(tx.conn(), &[c.template_id], Some(tx.tenant().uuid()))
        .await?
        .remove(&c.template_id)
        .ok_or_else(|| Error::internal(std::io::Error::other("a course's template is missing")))
}

/// The local modules of `courses` (one statement).
pub(crate) async fn local_modules(
    tx: &TenantTx,
    courses: &[Uuid],
) -> Result<HashMap<Uuid, Vec<ModuleView>>> {
    let mut out: HashMap<Uuid, Vec<ModuleView>> = HashMap::new();
    if courses.is_empty() {
        return Ok(out);
    }
    for m in tx
        .find::<local_module::Entity>()
        .filter(local_module::Column::CourseId.is_in(courses.iter().copied()))
        .order_by_asc(local_module::Column::Position)
        .all(tx.conn())
        .await?
    {
        out.entry(m.course_id).or_default().push(local_view(&m));
    }
    Ok(out)
}

/// Every module of a run: its catalogue version's, then the course's local ones.
pub(crate) async fn run_modules(
    tx: &TenantTx,
    r: &run::Model,
) -> Result<(TemplateView, Vec<ModuleView>)> {
    let t = templates(tx.conn(), &[r.template_id], Some(tx.tenant().uuid()))
        .await?
        .remove(&r.template_id)
        .ok_or_else(|| Error::internal(std::io::Error::other("a run's template is missing")))?;
    let mut modules = t.modules.clone();
    modules.extend(
        local_modules(tx, &[r.course_id])
            .await?
            .remove(&r.course_id)
            .unwrap_or_default(),
    );
    Ok((t, modules))
}

/// A run the caller may manage (a carrier: only runs its organisation delivers).
pub(crate) async fn find_run(tx: &TenantTx, access: &Access, id: Uuid) -> Result<run::Model> {
    let mut q = tx.find::<run::Entity>().filter(run::Column::Id.eq(id));
    if let Some(c) = access.carrier {
        q = q.filter(run::Column::DeliveringOrg.eq(c.uuid()));
    }
    q.one(tx.conn()).await?.ok_or(Error::NotFound {
        entity: "course run",
    })
}

/// The sessions of `runs`, in order (one statement).
pub(crate) async fn sessions_of(
    tx: &TenantTx,
    runs: &[Uuid],
) -> Result<HashMap<Uuid, Vec<SessionView>>> {
    let mut out: HashMap<Uuid, Vec<SessionView>> = HashMap::new();
    if runs.is_empty() {
        return Ok(out);
    }
    for s in tx
        .find::<session::Entity>()
        .filter(session::Column::RunId.is_in(runs.iter().copied()))
        .order_by_asc(session::Column::Position)
        .all(tx.conn())
        .await?
    {
        out.entry(s.run_id).or_default().push(SessionView {
            id: s.id,
            position: s.position,
            on_date: s.on_date,
            starts_at: s.starts_at.clone(),
            place: s.place.clone(),
            modules: s
                .modules
                .split(',')
                .filter(|m| !m.is_empty())
                .map(str::to_owned)
                .collect(),
        });
    }
    Ok(out)
}

async fn newer_versions(tx: &TenantTx, keys: &[String]) -> Result<HashMap<String, (Uuid, i32)>> {
    let mut out: HashMap<String, (Uuid, i32)> = HashMap::new();
    if keys.is_empty() {
        return Ok(out);
    }
    for t in course_template::Entity::global_find()
        .filter(course_template::Column::Key.is_in(keys.iter().cloned()))
        .filter(course_template::Column::Status.eq(TemplateStatus::Published.code()))
        .all(tx.conn())
        .await?
    {
        let e = out.entry(t.key.clone()).or_insert((t.id, t.version));
        if t.version > e.1 {
            *e = (t.id, t.version);
        }
    }
    Ok(out)
}

async fn course_views(tx: &TenantTx, rows: Vec<course::Model>) -> Result<Vec<CourseView>> {
    let template_ids: Vec<Uuid> = rows.iter().map(|c| c.template_id).collect();
    let ts = templates(tx.conn(), &template_ids, Some(tx.tenant().uuid())).await?;
    let mut locals = local_modules(tx, &rows.iter().map(|c| c.id).collect::<Vec<_>>()).await?;
    let keys: Vec<String> = ts.values().map(|t| t.key.clone()).collect();
    let latest = newer_versions(tx, &keys).await?;
    rows.into_iter()
        .map(|c| {
            let template = ts.get(&c.template_id).cloned().ok_or_else(|| {
                Error::internal(std::io::Error::other("a course's template is missing"))
            })?;
            let newer = latest
                .get(&template.key)
                .copied()
                .filter(|(_, v)| *v > template.version);
            Ok(CourseView {
                id: c.id,
                title: c.title,
                newer_version: newer,
                local_modules: locals.remove(&c.id).unwrap_or_default(),
                adopted_by_org: c.adopted_by_org.map(OrganisationId::from_uuid),
                version: c.version,
                template,
            })
        })
        .collect::<Result<Vec<_>>>()
}

/// Runs with their sessions and figures (three statements for any number of runs).
pub(crate) async fn run_views(tx: &TenantTx, rows: Vec<run::Model>) -> Result<Vec<RunView>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut sessions = sessions_of(tx, &ids).await?;
    let mut figures = figures_of(tx, &ids, &sessions).await?;
    let course_ids: Vec<Uuid> = rows.iter().map(|r| r.course_id).collect();
    let titles: HashMap<Uuid, String> = if course_ids.is_empty() {
        HashMap::new()
    } else {
        tx.find::<course::Entity>()
            .filter(course::Column::Id.is_in(course_ids))
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|c| (c.id, c.title))
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|r| RunView {
            id: r.id,
            course_id: r.course_id,
            course_title: titles.get(&r.course_id).cloned().unwrap_or_default(),
            template_id: r.template_id,
            language: r.language,
            interpreter_language: r.interpreter_language,
            trainer: r.trainer,
            place: r.place,
            district: r.district,
            capacity: r.capacity,
            delivering_org: r.delivering_org.map(OrganisationId::from_uuid),
            sessions: sessions.remove(&r.id).unwrap_or_default(),
            figures: figures.remove(&r.id).unwrap_or_default(),
            version: r.version,
        })
        .collect())
}

/// Figures of `runs` from their enrolments and attendance: no names are read.
async fn figures_of(
    tx: &TenantTx,
    runs: &[Uuid],
    sessions: &HashMap<Uuid, Vec<SessionView>>,
) -> Result<HashMap<Uuid, RunFigures>> {
    use sea_orm::QuerySelect;
    let mut out: HashMap<Uuid, RunFigures> = HashMap::new();
    if runs.is_empty() {
        return Ok(out);
    }
    let rows: Vec<(Uuid, String, Option<i32>, i64)> = tx
        .find::<enrolment::Entity>()
        .select_only()
        .column(enrolment::Column::RunId)
        .column(enrolment::Column::Status)
        .column(enrolment::Column::DroppedAfter)
        .column_as(
            Expr::cust(
                "(SELECT COUNT(*) FROM course_attendance a WHERE a.tenant_id = course_enrolments.tenant_id \
                 AND a.enrolment_id = course_enrolments.id AND a.present)",
            ),
            "present",
        )
        .filter(enrolment::Column::RunId.is_in(runs.iter().copied()))
        .into_tuple()
        .all(tx.conn())
        .await?;
    let today = Utc::now().date_naive();
    let mut present: HashMap<Uuid, (i64, i64)> = HashMap::new();
    let mut dropped: HashMap<Uuid, BTreeMap<i32, i64>> = HashMap::new();
    for (run_id, status, after, n) in rows {
        let f = out.entry(run_id).or_default();
        let held = sessions
            .get(&run_id)
            .map_or(0, |s| s.iter().filter(|s| s.on_date <= today).count());
        match stored(&status, EnrolmentStatus::from_code)? {
            EnrolmentStatus::Waiting => {
                f.waiting += 1;
                continue;
            }
            EnrolmentStatus::Completed => f.completed += 1,
            EnrolmentStatus::DroppedOut => {
                f.dropped_out += 1;
                *dropped
                    .entry(run_id)
                    .or_default()
                    .entry(after.unwrap_or(0))
                    .or_default() += 1;
            }
            EnrolmentStatus::Enrolled => {}
        }
        f.enrolled += 1;
        let p = present.entry(run_id).or_default();
        p.0 += n;
        p.1 += i64::try_from(held).unwrap_or(0);
    }
    for (run_id, (n, possible)) in present {
        if let Some(f) = out.get_mut(&run_id) {
            f.attended_percent =
                (possible > 0).then(|| std::cmp::Ord::min(n * 100 / possible, 100));
        }
    }
    for (run_id, d) in dropped {
        if let Some(f) = out.get_mut(&run_id) {
            f.dropped_after = d.into_iter().collect();
        }
    }
    Ok(out)
}

impl Learning {
    /// The city's courses with the catalogue version new runs use, any newer version,
    /// and local modules.
    pub async fn courses(&self, ctx: &Ctx) -> Result<Vec<CourseView>> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let rows = tx
            .find::<course::Entity>()
            .order_by_asc(course::Column::Title)
            .all(tx.conn())
            .await?;
        course_views(&tx, rows).await
    }

    /// Adopts a published catalogue version as a course of the city.
    pub async fn adopt_course(&self, ctx: &Ctx, template_id: Uuid) -> Result<CourseView> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let t = templates(tx.conn(), &[template_id], None)
            .await?
            .remove(&template_id)
            .filter(|t| t.status == TemplateStatus::Published)
            .ok_or(Error::NotFound {
                entity: "course template",
            })?;
        let row = course::Entity::secure_insert(
            &tx,
            course::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                template_id: Set(t.id),
                title: Set(t.title_de.clone()),
                adopted_by_org: Set(access.carrier.map(OrganisationId::uuid)),
                created_at: Set(Utc::now()),
                version: Set(1),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("course", row.id, "adopt", &["template_id"]),
        )
        .await?;
        let view = course_views(&tx, vec![row]).await?.pop();
        tx.commit().await?;
        view.ok_or(Error::NotFound { entity: "course" })
    }

    /// Moves a course to another published version of its template for the runs
    /// scheduled from now on; runs already scheduled keep theirs.
    pub async fn adopt_version(
        &self,
        ctx: &Ctx,
        course_id: Uuid,
        version: i32,
        template_id: Uuid,
    ) -> Result<CourseView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let c = find_course(&tx, course_id).await?;
        let current = course_template(&tx, &c).await?;
        let t = templates(tx.conn(), &[template_id], None)
            .await?
            .remove(&template_id)
            .filter(|t| t.status == TemplateStatus::Published)
            .ok_or(Error::NotFound {
                entity: "course template",
            })?;
        if t.key != current.key {
            return Err(Error::bad_input(
                "templateId",
                "is a version of another course",
            ));
        }
        let done = course::Entity::secure_update_many(&tx)
            .col_expr(course::Column::TemplateId, Expr::value(t.id))
            .col_expr(
                course::Column::Version,
                Expr::col(course::Column::Version).add(1),
            )
            .filter(course::Column::Id.eq(c.id))
            .filter(course::Column::Version.eq(version))
            .exec(tx.conn())
            .await?;
        if done.rows_affected != 1 {
            return Err(Error::stale("course"));
        }
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("course", c.id, "adopt_version", &["template_id"]),
        )
        .await?;
        let c = find_course(&tx, course_id).await?;
        let view = course_views(&tx, vec![c]).await?.pop();
        tx.commit().await?;
        view.ok_or(Error::NotFound { entity: "course" })
    }

    /// Adds a local module to a course (city staff).
    pub async fn add_local_module(
        &self,
        ctx: &Ctx,
        course_id: Uuid,
        new: NewLocalModule,
    ) -> Result<CourseView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        if !(15..=600).contains(&new.minutes) {
            return Err(Error::bad_input(
                "input.minutes",
                "must be between 15 and 600",
            ));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let c = tx
            .for_update(
                tx.find::<course::Entity>()
                    .filter(course::Column::Id.eq(course_id)),
            )
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "course" })?;
        let position = local_modules(&tx, &[c.id])
            .await?
            .get(&c.id)
            .map_or(0, Vec::len);
        if position >= 20 {
            return Err(Error::bad_input(
                "courseId",
                "a course has at most 20 local modules",
            ));
        }
        let row = local_module::Entity::secure_insert(
            &tx,
            local_module::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                course_id: Set(c.id),
                position: Set(i32::try_from(position).unwrap_or(0) + 1),
                title: Set(new.title.into_string()),
                goals: Set(new.goals.into_string()),
                minutes: Set(new.minutes),
                mandatory: Set(new.mandatory),
                created_at: Set(Utc::now()),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "course_local_module",
                row.id,
                "create",
                &["title", "goals", "minutes", "mandatory"],
            ),
        )
        .await?;
        let view = course_views(&tx, vec![c]).await?.pop();
        tx.commit().await?;
        view.ok_or(Error::NotFound { entity: "course" })
    }

    /// Schedules a run of a course with its sessions.
    pub async fn schedule_run(&self, ctx: &Ctx, course_id: Uuid, new: NewRun) -> Result<RunView> {
        let access = Access::of(ctx)?;
        if !(1..=200).contains(&new.capacity) {
            return Err(Error::bad_input(
                "input.capacity",
                "must be between 1 and 200",
            ));
        }
        if new.sessions.is_empty() || new.sessions.len() > 30 {
            return Err(Error::bad_input("input.sessions", "name 1 to 30 sessions"));
        }
        let today = Utc::now().date_naive();
        for (i, s) in new.sessions.iter().enumerate() {
            date_in_range(format!("input.sessions.{i}.onDate"), s.on_date, today, 2)?;
            if i > 0
                && new
                    .sessions
                    .get(i - 1)
                    .is_some_and(|p| p.on_date > s.on_date)
            {
                return Err(Error::bad_input(
                    format!("input.sessions.{i}.onDate"),
                    "sessions must be in date order",
                ));
            }
        }
        if let Some(c) = access.carrier
            && new.delivering_org != Some(c)
        {
            return Err(Error::bad_input(
                "input.deliveringOrgId",
                "a carrier schedules runs only for its own organisation",
            ));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let c = find_course(&tx, course_id).await?;
        if let Some(org) = new.delivering_org
            && directory::organisation(&tx, org).await?.is_none()
        {
            return Err(Error::bad_input(
                "input.deliveringOrgId",
                "is not an organisation of the city",
            ));
        }
        let t = course_template(&tx, &c).await?;
        let mut keys: Vec<String> = t.modules.iter().map(|m| m.key.clone()).collect();
        keys.extend(
            local_modules(&tx, &[c.id])
                .await?
                .remove(&c.id)
                .unwrap_or_default()
                .into_iter()
                .map(|m| m.key),
        );
        for (i, s) in new.sessions.iter().enumerate() {
            if let Some(unknown) = s.modules.iter().find(|m| !keys.contains(m)) {
                return Err(Error::bad_input(
                    format!("input.sessions.{i}.modules"),
                    format!("names a module the course does not have: {unknown}"),
                ));
            }
        }
        let run_id = Uuid::now_v7();
        let row = run::Entity::secure_insert(
            &tx,
            run::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(run_id),
                course_id: Set(c.id),
                template_id: Set(t.id),
                language: Set(new.language.as_str().to_owned()),
                interpreter_language: Set(new
                    .interpreter_language
                    .as_ref()
                    .map(|l| l.as_str().to_owned())),
                trainer: Set(new.trainer.into_string()),
                place: Set(new.place.as_str().to_owned()),
                district: Set(new.district.into_string()),
                capacity: Set(new.capacity),
                delivering_org: Set(new.delivering_org.map(OrganisationId::uuid)),
                created_by: Set(access.user.uuid()),
                created_at: Set(Utc::now()),
                version: Set(1),
            },
        )
        .await?;
        for (i, s) in new.sessions.iter().enumerate() {
            session::Entity::secure_insert(
                &tx,
                session::ActiveModel {
                    tenant_id: Set(Uuid::nil()),
                    id: Set(Uuid::now_v7()),
                    run_id: Set(run_id),
                    position: Set(i32::try_from(i).unwrap_or(0) + 1),
                    on_date: Set(s.on_date),
                    starts_at: Set(s.starts_at.as_str().to_owned()),
                    place: Set(s
                        .place
                        .as_ref()
                        .map_or_else(|| new.place.as_str().to_owned(), |p| p.as_str().to_owned())),
                    modules: Set(s.modules.join(",")),
                },
            )
            .await?;
        }
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "course_run",
                run_id,
                "create",
                &["language", "trainer", "place", "capacity", "sessions"],
            ),
        )
        .await?;
        let view = run_views(&tx, vec![row]).await?.pop();
        tx.commit().await?;
        view.ok_or(Error::NotFound {
            entity: "course run",
        })
    }

    /// The city's runs, newest first (a carrier: those its organisation delivers),
    /// optionally of one course. Four statements.
    pub async fn runs(&self, ctx: &Ctx, course_id: Option<Uuid>) -> Result<Vec<RunView>> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let mut q = tx.find::<run::Entity>().order_by_desc(run::Column::Id);
        if let Some(c) = course_id {
            q = q.filter(run::Column::CourseId.eq(c));
        }
        if let Some(c) = access.carrier {
            q = q.filter(run::Column::DeliveringOrg.eq(c.uuid()));
        }
        run_views(&tx, q.all(tx.conn()).await?).await
    }
}

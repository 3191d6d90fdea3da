//! Participants of a run: household members from casework or walk-ins recorded
//! minimally (the name to print and a language), a waiting list when the run is full,
//! attendance per session, completion by the course's rule, drop-outs with a coded
//! reason (the next on the waiting list moves up). Open to everyone in the target
//! group: nothing here reads a residence status.

use std::collections::{BTreeSet, HashMap};

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use uuid::Uuid;
use wohnweg_casework::lookup;
use wohnweg_casework::types::Text;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Result, TenantTx};

use crate::Learning;
use crate::access::Access;
use crate::catalogue::ModuleView;
use crate::courses::{RunView, SessionView, find_run, run_modules, run_views};
use crate::entity::{attendance, certificate, enrolment, run, session};
use crate::rule::{ModuleRef, Progress};
use crate::types::{AbsenceReason, DropReason, EnrolmentStatus, Language, stored};

/// Who to enrol.
#[derive(Clone, Debug)]
pub enum NewParticipant {
    /// A household member from casework; the certificate prints their name.
    Member {
        /// The person.
        person_id: Uuid,
        /// Language they follow the course in.
        language: Language,
    },
    /// Someone without a case here, recorded minimally.
    WalkIn {
        /// The name as the certificate should print it.
        printed_name: Text,
        /// Language.
        language: Language,
    },
}

/// A participant's mark for one session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// The session.
    pub session_id: Uuid,
    /// Present.
    pub present: bool,
    /// Why absent.
    pub absence_reason: Option<AbsenceReason>,
}

/// A certificate as a participant's row shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateBrief {
    /// Id.
    pub id: Uuid,
    /// Number.
    pub number: String,
    /// Issued on.
    pub issued_on: NaiveDate,
    /// Revoked.
    pub revoked: bool,
}

/// A participant of a run.
#[derive(Clone, Debug)]
pub struct ParticipantView {
    /// Enrolment id.
    pub id: Uuid,
    /// The person, for members.
    pub person_id: Option<Uuid>,
    /// Their household, for members.
    pub household_id: Option<Uuid>,
    /// Name to print.
    pub printed_name: String,
    /// Language.
    pub language: String,
    /// Status.
    pub status: EnrolmentStatus,
    /// Why they left.
    pub drop_reason: Option<DropReason>,
    /// The last session they attended before leaving (0: none).
    pub dropped_after: Option<i32>,
    /// Completed on.
    pub completed_on: Option<NaiveDate>,
    /// Marks recorded, by session.
    pub marks: Vec<Mark>,
    /// Against the completion rule.
    pub progress: Progress,
    /// Certificates, newest first.
    pub certificates: Vec<CertificateBrief>,
    /// Version.
    pub version: i32,
}

/// A run with its modules and participants.
#[derive(Clone, Debug)]
pub struct RunDetail {
    /// The run.
    pub run: RunView,
    /// Its modules (catalogue version, then local).
    pub modules: Vec<ModuleView>,
    /// Participants: with a place first, then the waiting list, each in enrolment order.
    pub participants: Vec<ParticipantView>,
}

async fn lock_run(tx: &TenantTx, access: &Access, id: Uuid) -> Result<run::Model> {
    let r = find_run(tx, access, id).await?;
    tx.for_update(tx.find::<run::Entity>().filter(run::Column::Id.eq(r.id)))
        .one(tx.conn())
        .await?
        .ok_or(Error::NotFound {
            entity: "course run",
        })
}

async fn find_enrolment(
    tx: &TenantTx,
    access: &Access,
    id: Uuid,
) -> Result<(enrolment::Model, run::Model)> {
    let e = tx
        .find::<enrolment::Entity>()
        .filter(enrolment::Column::Id.eq(id))
        .one(tx.conn())
        .await?
        .ok_or(Error::NotFound {
            entity: "enrolment",
        })?;
    let r = lock_run(tx, access, e.run_id)
        .await
        .map_err(|_| Error::NotFound {
            entity: "enrolment",
        })?;
    Ok((e, r))
}

fn rule_refs(modules: &[ModuleView]) -> Vec<ModuleRef> {
    modules
        .iter()
        .map(|m| ModuleRef {
            key: m.key.clone(),
            mandatory: m.mandatory,
        })
        .collect()
}

/// The participants of `r` with marks, progress and certificates (three statements).
async fn participants(
    tx: &TenantTx,
    r: &run::Model,
    sessions: &[SessionView],
    modules: &[ModuleView],
    rule: &crate::rule::CompletionRule,
) -> Result<Vec<ParticipantView>> {
    let rows = tx
        .find::<enrolment::Entity>()
        .filter(enrolment::Column::RunId.eq(r.id))
        .order_by_asc(enrolment::Column::Id)
        .all(tx.conn())
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|e| e.id).collect();
    let mut marks: HashMap<Uuid, Vec<Mark>> = HashMap::new();
    let mut certs: HashMap<Uuid, Vec<CertificateBrief>> = HashMap::new();
    if !ids.is_empty() {
        for a in tx
            .find::<attendance::Entity>()
            .filter(attendance::Column::EnrolmentId.is_in(ids.iter().copied()))
            .all(tx.conn())
            .await?
        {
            marks.entry(a.enrolment_id).or_default().push(Mark {
                session_id: a.session_id,
                present: a.present,
                absence_reason: a
                    .absence_reason
                    .as_deref()
                    .map(|c| stored(c, AbsenceReason::from_code))
                    .transpose()?,
            });
        }
        for c in tx
            .find::<certificate::Entity>()
            .filter(certificate::Column::EnrolmentId.is_in(ids.iter().copied()))
            .order_by_desc(certificate::Column::Id)
            .all(tx.conn())
            .await?
        {
            certs
                .entry(c.enrolment_id)
                .or_default()
                .push(CertificateBrief {
                    id: c.id,
                    number: c.number,
                    issued_on: c.issued_on,
                    revoked: c.revoked_at.is_some(),
                });
        }
    }
    let session_modules: Vec<Vec<String>> = sessions.iter().map(|s| s.modules.clone()).collect();
    let refs = rule_refs(modules);
    let mut out: Vec<ParticipantView> = rows
        .into_iter()
        .map(|e| {
            let m = marks.remove(&e.id).unwrap_or_default();
            let attended: BTreeSet<usize> = sessions
                .iter()
                .enumerate()
                .filter(|(_, s)| m.iter().any(|k| k.session_id == s.id && k.present))
                .map(|(i, _)| i)
                .collect();
            Ok(ParticipantView {
                id: e.id,
                person_id: e.person_id,
                household_id: e.household_id,
                printed_name: e.printed_name,
                language: e.language,
                status: stored(&e.status, EnrolmentStatus::from_code)?,
                drop_reason: e
                    .drop_reason
                    .as_deref()
                    .map(|c| stored(c, DropReason::from_code))
                    .transpose()?,
                dropped_after: e.dropped_after,
                completed_on: e.completed_on,
                progress: rule.evaluate(&refs, &session_modules, &attended),
                marks: m,
                certificates: certs.remove(&e.id).unwrap_or_default(),
                version: e.version,
            })
        })
        .collect::<Result<_>>()?;
    out.sort_by_key(|p| (p.status == EnrolmentStatus::Waiting, p.id));
    Ok(out)
}

/// The run's detail in `tx` (the caller has checked access).
pub(crate) async fn detail(tx: &TenantTx, r: run::Model) -> Result<RunDetail> {
    let (template, modules) = run_modules(tx, &r).await?;
    let view = run_views(tx, vec![r.clone()])
        .await?
        .pop()
        .ok_or(Error::NotFound {
            entity: "course run",
        })?;
    let participants = participants(tx, &r, &view.sessions, &modules, &template.rule).await?;
    Ok(RunDetail {
        run: view,
        modules,
        participants,
    })
}

/// After marks changed: participants with a place who now meet the rule complete
/// (on the date of the last session they attended); a correction that undoes it
/// while no certificate was issued takes them back to enrolled.
async fn settle(tx: &TenantTx, ctx: &Ctx, d: &RunDetail) -> Result<bool> {
    let mut changed = false;
    for p in &d.participants {
        let certified = p.certificates.iter().any(|c| !c.revoked);
        let next = match p.status {
            EnrolmentStatus::Enrolled if p.progress.complete => Some(EnrolmentStatus::Completed),
            EnrolmentStatus::Completed if !p.progress.complete && !certified => {
                Some(EnrolmentStatus::Enrolled)
            }
            _ => None,
        };
        let Some(next) = next else { continue };
        let on = (next == EnrolmentStatus::Completed).then(|| {
            d.run
                .sessions
                .iter()
                .filter(|s| p.marks.iter().any(|m| m.session_id == s.id && m.present))
                .map(|s| s.on_date)
                .max()
                .unwrap_or_else(|| Utc::now().date_naive())
        });
        enrolment::Entity::secure_update_many(tx)
            .col_expr(enrolment::Column::Status, Expr::value(next.code()))
            .col_expr(enrolment::Column::CompletedOn, Expr::value(on))
            .col_expr(
                enrolment::Column::Version,
                Expr::col(enrolment::Column::Version).add(1),
            )
            .filter(enrolment::Column::Id.eq(p.id))
            .exec(tx.conn())
            .await?;
        audit::append(
            tx,
            ctx,
            &AuditEntry::new(
                "course_enrolment",
                p.id,
                if next == EnrolmentStatus::Completed {
                    "complete"
                } else {
                    "reopen"
                },
                &["status", "completed_on"],
            ),
        )
        .await?;
        changed = true;
    }
    Ok(changed)
}

impl Learning {
    /// A run with its sessions, modules and participants (names: the read is audited).
    pub async fn run(&self, ctx: &Ctx, id: Uuid) -> Result<RunDetail> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let r = find_run(&tx, &access, id).await?;
        let d = detail(&tx, r).await?;
        if !d.participants.is_empty() {
            audit::append(
                &tx,
                ctx,
                &AuditEntry::new(
                    "course_run",
                    d.run.id,
                    "read",
                    &["participants.printed_name"],
                ),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(d)
    }

    /// Enrols someone in a run: a place while the run has one, else the waiting list.
    /// A carrier enrols members of its own households (and walk-ins) in runs its
    /// organisation delivers.
    pub async fn enrol(
        &self,
        ctx: &Ctx,
        run_id: Uuid,
        who: NewParticipant,
    ) -> Result<ParticipantView> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let r = lock_run(&tx, &access, run_id).await?;
        let carrier = access.carrier.map(|c| (c, access.user));
        let (person_id, household_id, name, language) = match who {
            NewParticipant::Member {
                person_id,
                language,
            } => {
                let m = lookup::member(&tx, person_id, carrier)
                    .await?
                    .ok_or(Error::NotFound { entity: "person" })?;
                (Some(m.id), Some(m.household_id), m.full_name, language)
            }
            NewParticipant::WalkIn {
                printed_name,
                language,
            } => (None, None, printed_name.into_string(), language),
        };
        let existing = tx
            .find::<enrolment::Entity>()
            .filter(enrolment::Column::RunId.eq(r.id))
            .all(tx.conn())
            .await?;
        if let Some(p) = person_id
            && existing
                .iter()
                .any(|e| e.person_id == Some(p) && e.status != EnrolmentStatus::DroppedOut.code())
        {
            return Err(Error::bad_input(
                "input.personId",
                "is enrolled in this run already",
            ));
        }
        let taken = existing
            .iter()
            .filter(|e| {
                e.status == EnrolmentStatus::Enrolled.code()
                    || e.status == EnrolmentStatus::Completed.code()
            })
            .count();
        let status = if i32::try_from(taken).unwrap_or(i32::MAX) < r.capacity {
            EnrolmentStatus::Enrolled
        } else {
            EnrolmentStatus::Waiting
        };
        let id = Uuid::now_v7();
        enrolment::Entity::secure_insert(
            &tx,
            enrolment::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(id),
                run_id: Set(r.id),
                person_id: Set(person_id),
                household_id: Set(household_id),
                printed_name: Set(name),
                language: Set(language.as_str().to_owned()),
                status: Set(status.code().to_owned()),
                drop_reason: Set(None),
                dropped_after: Set(None),
                completed_on: Set(None),
                enrolled_by: Set(access.user.uuid()),
                enrolled_at: Set(Utc::now()),
                version: Set(1),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "course_enrolment",
                id,
                "create",
                &["person_id", "printed_name", "language", "status"],
            ),
        )
        .await?;
        let d = detail(&tx, r).await?;
        tx.commit().await?;
        d.participants
            .into_iter()
            .find(|p| p.id == id)
            .ok_or(Error::NotFound {
                entity: "enrolment",
            })
    }

    /// Records who attended one session of a run (and why others were absent);
    /// participants who now meet the rule complete.
    pub async fn record_attendance(
        &self,
        ctx: &Ctx,
        run_id: Uuid,
        session_id: Uuid,
        marks: Vec<(Uuid, bool, Option<AbsenceReason>)>,
    ) -> Result<RunDetail> {
        let access = Access::of(ctx)?;
        if marks.is_empty() || marks.len() > 200 {
            return Err(Error::bad_input("marks", "name 1 to 200 participants"));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let r = lock_run(&tx, &access, run_id).await?;
        let s = tx
            .find::<session::Entity>()
            .filter(session::Column::Id.eq(session_id))
            .filter(session::Column::RunId.eq(r.id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "session" })?;
        if s.on_date > Utc::now().date_naive() {
            return Err(Error::bad_input(
                "sessionId",
                "the session has not taken place yet",
            ));
        }
        let enrolled: HashMap<Uuid, enrolment::Model> = tx
            .find::<enrolment::Entity>()
            .filter(enrolment::Column::RunId.eq(r.id))
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect();
        let mut seen = BTreeSet::new();
        for (i, (id, present, reason)) in marks.iter().enumerate() {
            let e = enrolled.get(id).ok_or_else(|| {
                Error::bad_input(
                    format!("marks.{i}.enrolmentId"),
                    "is not a participant of this run",
                )
            })?;
            if !seen.insert(*id) {
                return Err(Error::bad_input(
                    format!("marks.{i}.enrolmentId"),
                    "is named twice",
                ));
            }
            if e.status == EnrolmentStatus::Waiting.code()
                || e.status == EnrolmentStatus::DroppedOut.code()
            {
                return Err(Error::bad_input(
                    format!("marks.{i}.enrolmentId"),
                    "has no place in the run (waiting list or dropped out)",
                ));
            }
            if *present && reason.is_some() {
                return Err(Error::bad_input(
                    format!("marks.{i}.absenceReason"),
                    "only for an absence",
                ));
            }
        }
        // A mark recorded before is corrected in place (attendance keeps no deletes).
        let earlier: HashMap<Uuid, Uuid> = tx
            .find::<attendance::Entity>()
            .filter(attendance::Column::SessionId.eq(s.id))
            .filter(attendance::Column::EnrolmentId.is_in(marks.iter().map(|m| m.0)))
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|a| (a.enrolment_id, a.id))
            .collect();
        let now = Utc::now();
        for (id, present, reason) in &marks {
            let reason = reason.map(|r| r.code().to_owned());
            if let Some(mark) = earlier.get(id) {
                attendance::Entity::secure_update_many(&tx)
                    .col_expr(attendance::Column::Present, Expr::value(*present))
                    .col_expr(attendance::Column::AbsenceReason, Expr::value(reason))
                    .col_expr(
                        attendance::Column::RecordedBy,
                        Expr::value(access.user.uuid()),
                    )
                    .col_expr(attendance::Column::RecordedAt, Expr::value(now))
                    .filter(attendance::Column::Id.eq(*mark))
                    .exec(tx.conn())
                    .await?;
                continue;
            }
            attendance::Entity::secure_insert(
                &tx,
                attendance::ActiveModel {
                    tenant_id: Set(Uuid::nil()),
                    id: Set(Uuid::now_v7()),
                    enrolment_id: Set(*id),
                    session_id: Set(s.id),
                    present: Set(*present),
                    absence_reason: Set(reason),
                    recorded_by: Set(access.user.uuid()),
                    recorded_at: Set(now),
                },
            )
            .await?;
        }
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "course_session",
                s.id,
                "record_attendance",
                &["present", "absence_reason"],
            ),
        )
        .await?;
        let d = detail(&tx, r.clone()).await?;
        let d = if settle(&tx, ctx, &d).await? {
            detail(&tx, r).await?
        } else {
            d
        };
        tx.commit().await?;
        Ok(d)
    }

    /// Records that a participant left the run, with a coded reason; the first on the
    /// waiting list takes the place.
    pub async fn drop_out(
        &self,
        ctx: &Ctx,
        enrolment_id: Uuid,
        version: i32,
        reason: DropReason,
    ) -> Result<RunDetail> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let (e, r) = find_enrolment(&tx, &access, enrolment_id).await?;
        let status = stored(&e.status, EnrolmentStatus::from_code)?;
        if matches!(
            status,
            EnrolmentStatus::DroppedOut | EnrolmentStatus::Completed
        ) {
            return Err(Error::bad_input(
                "id",
                "has completed or left the run already",
            ));
        }
        let d = detail(&tx, r.clone()).await?;
        let after = d
            .participants
            .iter()
            .find(|p| p.id == e.id)
            .map(|p| {
                d.run
                    .sessions
                    .iter()
                    .filter(|s| p.marks.iter().any(|m| m.session_id == s.id && m.present))
                    .map(|s| s.position)
                    .max()
                    .unwrap_or(0)
            })
            .unwrap_or(0);
        let done = enrolment::Entity::secure_update_many(&tx)
            .col_expr(
                enrolment::Column::Status,
                Expr::value(EnrolmentStatus::DroppedOut.code()),
            )
            .col_expr(enrolment::Column::DropReason, Expr::value(reason.code()))
            .col_expr(enrolment::Column::DroppedAfter, Expr::value(after))
            .col_expr(
                enrolment::Column::Version,
                Expr::col(enrolment::Column::Version).add(1),
            )
            .filter(enrolment::Column::Id.eq(e.id))
            .filter(enrolment::Column::Version.eq(version))
            .exec(tx.conn())
            .await?;
        if done.rows_affected != 1 {
            return Err(Error::stale("enrolment"));
        }
        let mut entries = vec![AuditEntry::new(
            "course_enrolment",
            e.id,
            "drop_out",
            &["status", "drop_reason", "dropped_after"],
        )];
        if status == EnrolmentStatus::Enrolled
            && let Some(next) = d
                .participants
                .iter()
                .find(|p| p.status == EnrolmentStatus::Waiting)
        {
            enrolment::Entity::secure_update_many(&tx)
                .col_expr(
                    enrolment::Column::Status,
                    Expr::value(EnrolmentStatus::Enrolled.code()),
                )
                .col_expr(
                    enrolment::Column::Version,
                    Expr::col(enrolment::Column::Version).add(1),
                )
                .filter(enrolment::Column::Id.eq(next.id))
                .exec(tx.conn())
                .await?;
            entries.push(AuditEntry::new(
                "course_enrolment",
                next.id,
                "move_up",
                &["status"],
            ));
        }
        audit::append_many(&tx, ctx, &entries).await?;
        let d = detail(&tx, r).await?;
        tx.commit().await?;
        Ok(d)
    }
}

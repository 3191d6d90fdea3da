//! Counselling sessions and goal plans with their steps.

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Result, TenantTx};

use crate::Casework;
use crate::access::Access;
use crate::entity::{counselling, goal, goal_step};
use crate::model::{GoalView, NewSession, NewStep, SessionView, StepView};
use crate::read::{find_household_for_write, session_view, step_view};
use crate::types::{Text, date_in_range, store_codes};
use crate::write::{MAX_STEPS, closed_check, not_future, today};

impl Casework {
    /// Records a counselling session.
    pub async fn record_counselling(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        s: NewSession,
    ) -> Result<SessionView> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        not_future("input.heldOn", s.held_on)?;
        if s.topics.is_empty() {
            return Err(Error::bad_input("input.topics", "name at least one topic"));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, household_id).await?;
        closed_check(&h)?;
        let row = counselling::Entity::secure_insert(
            &tx,
            counselling::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_id: Set(h.id),
                held_on: Set(s.held_on),
                participants: Set(s.participants.into_string()),
                topics: Set(store_codes(&s.topics, crate::types::Topic::code)),
                barriers: Set(store_codes(&s.barriers, crate::types::Barrier::code)),
                notes: Set(s.notes.map(Text::into_string)),
                next_steps: Set(s.next_steps.map(Text::into_string)),
                recorded_by: Set(access.user.uuid()),
                created_at: Set(Utc::now()),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "counselling_session",
                row.id,
                "create",
                &[
                    "household_id",
                    "held_on",
                    "participants",
                    "topics",
                    "barriers",
                    "notes",
                    "next_steps",
                ],
            ),
        )
        .await?;
        tx.commit().await?;
        session_view(&row)
    }

    /// Adds a goal with its first steps.
    pub async fn add_goal(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        title: Text,
        steps: Vec<NewStep>,
    ) -> Result<GoalView> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        if steps.len() > MAX_STEPS {
            return Err(Error::bad_input("input.steps", "at most 20 steps"));
        }
        for (i, s) in steps.iter().enumerate() {
            date_in_range(format!("input.steps.{i}.dueOn"), s.due_on, today(), 5)?;
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, household_id).await?;
        closed_check(&h)?;
        let g = goal::Entity::secure_insert(
            &tx,
            goal::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_id: Set(h.id),
                title: Set(title.into_string()),
                created_by: Set(access.user.uuid()),
                created_at: Set(Utc::now()),
            },
        )
        .await?;
        let mut views = Vec::with_capacity(steps.len());
        for s in steps {
            let row = insert_step(&tx, &g, s).await?;
            views.push(step_view(&row, today())?);
        }
        let mut entries = vec![AuditEntry::new(
            "goal",
            g.id,
            "create",
            &["household_id", "title"],
        )];
        entries.extend(views.iter().map(|s| {
            AuditEntry::new(
                "goal_step",
                s.id,
                "create",
                &["description", "owner", "due_on"],
            )
        }));
        audit::append_many(&tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(GoalView {
            id: g.id,
            household_id: g.household_id,
            title: g.title,
            steps: views,
            created_at: g.created_at,
        })
    }

    /// Adds a step to a goal.
    pub async fn add_goal_step(&self, ctx: &Ctx, goal_id: Uuid, s: NewStep) -> Result<StepView> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        date_in_range("input.dueOn", s.due_on, today(), 5)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let g = tx
            .find::<goal::Entity>()
            .filter(goal::Column::Id.eq(goal_id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "goal" })?;
        let h = find_household_for_write(&tx, &access, g.household_id)
            .await
            .map_err(|_| Error::NotFound { entity: "goal" })?;
        closed_check(&h)?;
        let row = insert_step(&tx, &g, s).await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "goal_step",
                row.id,
                "create",
                &["description", "owner", "due_on"],
            ),
        )
        .await?;
        tx.commit().await?;
        step_view(&row, today())
    }

    /// Marks a step done on a date, or not done (`None`).
    pub async fn set_step_done(
        &self,
        ctx: &Ctx,
        step_id: Uuid,
        version: i32,
        done_on: Option<NaiveDate>,
    ) -> Result<StepView> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        if let Some(d) = done_on {
            not_future("doneOn", d)?;
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let s = tx
            .find::<goal_step::Entity>()
            .filter(goal_step::Column::Id.eq(step_id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound {
                entity: "goal step",
            })?;
        let h = find_household_for_write(&tx, &access, s.household_id)
            .await
            .map_err(|_| Error::NotFound {
                entity: "goal step",
            })?;
        closed_check(&h)?;
        let res = goal_step::Entity::secure_update_many(&tx)
            .col_expr(goal_step::Column::DoneOn, Expr::value(done_on))
            .col_expr(
                goal_step::Column::Version,
                Expr::value(version.saturating_add(1)),
            )
            .filter(goal_step::Column::Id.eq(step_id))
            .filter(goal_step::Column::Version.eq(version))
            .exec(tx.conn())
            .await?;
        if res.rows_affected != 1 {
            return Err(Error::stale("step"));
        }
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("goal_step", step_id, "update", &["done_on"]),
        )
        .await?;
        let row = tx
            .find::<goal_step::Entity>()
            .filter(goal_step::Column::Id.eq(step_id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound {
                entity: "goal step",
            })?;
        tx.commit().await?;
        step_view(&row, today())
    }
}

pub(crate) async fn insert_step(
    tx: &TenantTx,
    g: &goal::Model,
    s: NewStep,
) -> Result<goal_step::Model> {
    goal_step::Entity::secure_insert(
        tx,
        goal_step::ActiveModel {
            tenant_id: Set(Uuid::nil()),
            id: Set(Uuid::now_v7()),
            goal_id: Set(g.id),
            household_id: Set(g.household_id),
            description: Set(s.description.into_string()),
            owner: Set(s.owner.code().to_owned()),
            due_on: Set(s.due_on),
            done_on: Set(None),
            version: Set(1),
        },
    )
    .await
}

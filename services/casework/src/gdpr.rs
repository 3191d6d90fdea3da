//! Data-subject rights and retention.
//!
//! - **Export** (GDPR Art. 15): everything held about a person — their own record and
//!   the household's case, which is theirs too — as JSON, audited as an export.
//! - **Erasure** (Art. 17) of a *closed* case: every personal field is removed or
//!   replaced in place (names, dates of birth, nationality, permit dates, free text,
//!   the reference number), so nothing links the rows back to a person; the coded,
//!   non-identifying facts (state history with dates, household size, readiness
//!   levels, carrier, outcomes) stay, so counts and durations still add up. The audit
//!   log holds no values, so its chain is untouched.
//! - **Retention**: a tenant setting (years after closing); [`Casework::apply_retention`]
//!   erases every closed case past it. Run it daily (`wohnweg retention`).

use chrono::{Months, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use uuid::Uuid;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Principal, PrincipalKind, Result, TenantId, TenantTx, UserId};

use crate::Casework;
use crate::access::Access;
use crate::aftercare::load_settings;
use crate::entity::{
    assignment, consent, counselling, followup, goal, goal_step, household, person, readiness,
    transition,
};
use crate::parts::HouseholdPart;
use crate::read::{find_household, find_household_for_write};
use crate::types::CaseState;

/// What replaces a removed name or free text.
const ERASED: &str = "—";

/// The fields erasure replaces, as the audit log names them.
const ERASED_FIELDS: &[&str] = &[
    "households.reference",
    "households.notes",
    "households.accommodation",
    "households.search_text",
    "households.languages",
    "households.preferred_districts",
    "households.wbs_until",
    "households.needs_step_free",
    "persons.given_name",
    "persons.family_name",
    "persons.date_of_birth",
    "persons.nationality",
    "persons.permit_expires_on",
    "persons.benefit_changes_on",
    "case_transitions.reason",
    "readiness_assessments.notes",
    "consents.note",
    "carrier_assignments.reason",
    "carrier_assignments.decision_reason",
    "counselling_sessions.participants",
    "counselling_sessions.barriers",
    "counselling_sessions.notes",
    "counselling_sessions.next_steps",
    "goals.title",
    "goal_steps.description",
    "aftercare_followups.notes",
];

async fn rows<E: TenantScoped>(
    tx: &TenantTx,
    household_col: E::Column,
    household_id: Uuid,
) -> Result<Vec<Value>>
where
    E::Model: Sync,
{
    Ok(tx
        .find::<E>()
        .filter(household_col.eq(household_id))
        .into_json()
        .all(tx.conn())
        .await?)
}

/// Erases one closed household in `tx` (callers check scope and state), with every
/// registered part of other services.
async fn erase_in(
    tx: &TenantTx,
    ctx: &Ctx,
    parts: &[std::sync::Arc<dyn HouseholdPart>],
    h: &household::Model,
) -> Result<()> {
    let hid = h.id;
    let now = Utc::now();
    let token = Uuid::new_v4().simple().to_string();
    let res = household::Entity::secure_update_many(tx)
        .col_expr(
            household::Column::Reference,
            Expr::value(format!("ERASED-{}", &token[..12])),
        )
        .col_expr(
            household::Column::Notes,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            household::Column::Accommodation,
            Expr::value(Option::<String>::None),
        )
        .col_expr(household::Column::SearchText, Expr::value(""))
        .col_expr(household::Column::ErasedAt, Expr::value(Some(now)))
        .col_expr(household::Column::UpdatedAt, Expr::value(now))
        .col_expr(household::Column::Languages, Expr::value(""))
        .col_expr(household::Column::PreferredDistricts, Expr::value(""))
        .col_expr(
            household::Column::WbsUntil,
            Expr::value(Option::<chrono::NaiveDate>::None),
        )
        .col_expr(household::Column::NeedsStepFree, Expr::value(false))
        .col_expr(
            household::Column::Version,
            Expr::col(household::Column::Version).add(1),
        )
        .filter(household::Column::Id.eq(hid))
        .filter(household::Column::ErasedAt.is_null())
        .exec(tx.conn())
        .await?;
    if res.rows_affected != 1 {
        return Err(Error::Conflict {
            message: "the case is already erased".into(),
        });
    }
    person::Entity::secure_update_many(tx)
        .col_expr(person::Column::GivenName, Expr::value(ERASED))
        .col_expr(person::Column::FamilyName, Expr::value(ERASED))
        .col_expr(
            person::Column::DateOfBirth,
            Expr::value(Option::<chrono::NaiveDate>::None),
        )
        .col_expr(
            person::Column::Nationality,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            person::Column::PermitExpiresOn,
            Expr::value(Option::<chrono::NaiveDate>::None),
        )
        .col_expr(
            person::Column::BenefitChangesOn,
            Expr::value(Option::<chrono::NaiveDate>::None),
        )
        .col_expr(
            person::Column::Version,
            Expr::col(person::Column::Version).add(1),
        )
        .filter(person::Column::HouseholdId.eq(hid))
        .exec(tx.conn())
        .await?;
    transition::Entity::secure_update_many(tx)
        .col_expr(transition::Column::Reason, Expr::value(ERASED))
        .filter(transition::Column::HouseholdId.eq(hid))
        .exec(tx.conn())
        .await?;
    readiness::Entity::secure_update_many(tx)
        .col_expr(
            readiness::Column::Notes,
            Expr::value(Option::<String>::None),
        )
        .filter(readiness::Column::HouseholdId.eq(hid))
        .exec(tx.conn())
        .await?;
    consent::Entity::secure_update_many(tx)
        .col_expr(consent::Column::Note, Expr::value(Option::<String>::None))
        .filter(consent::Column::HouseholdId.eq(hid))
        .exec(tx.conn())
        .await?;
    assignment::Entity::secure_update_many(tx)
        .col_expr(
            assignment::Column::Reason,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            assignment::Column::DecisionReason,
            Expr::value(Option::<String>::None),
        )
        .filter(assignment::Column::HouseholdId.eq(hid))
        .exec(tx.conn())
        .await?;
    counselling::Entity::secure_update_many(tx)
        .col_expr(counselling::Column::Participants, Expr::value(ERASED))
        .col_expr(counselling::Column::Barriers, Expr::value(""))
        .col_expr(
            counselling::Column::Notes,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            counselling::Column::NextSteps,
            Expr::value(Option::<String>::None),
        )
        .filter(counselling::Column::HouseholdId.eq(hid))
        .exec(tx.conn())
        .await?;
    goal::Entity::secure_update_many(tx)
        .col_expr(goal::Column::Title, Expr::value(ERASED))
        .filter(goal::Column::HouseholdId.eq(hid))
        .exec(tx.conn())
        .await?;
    goal_step::Entity::secure_update_many(tx)
        .col_expr(goal_step::Column::Description, Expr::value(ERASED))
        .filter(goal_step::Column::HouseholdId.eq(hid))
        .exec(tx.conn())
        .await?;
    followup::Entity::secure_update_many(tx)
        .col_expr(followup::Column::Notes, Expr::value(Option::<String>::None))
        .filter(followup::Column::HouseholdId.eq(hid))
        .exec(tx.conn())
        .await?;
    let mut fields = ERASED_FIELDS.to_vec();
    for part in parts {
        fields.extend_from_slice(part.erase(tx, hid).await?);
    }
    audit::append(
        tx,
        ctx,
        &AuditEntry::new("household", hid, "erase", &fields),
    )
    .await
}

impl Casework {
    /// Everything held about a person, as JSON (city staff). Audited as an export.
    pub async fn export_person(
        &self,
        ctx: &Ctx,
        person_id: Uuid,
        purpose: Option<crate::types::AccessPurpose>,
    ) -> Result<Value> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let me = tx
            .find::<person::Entity>()
            .filter(person::Column::Id.eq(person_id))
            .into_json()
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "person" })?;
        let hid = me
            .get("household_id")
            .and_then(Value::as_str)
            .and_then(|s| Uuid::parse_str(s).ok())
            .ok_or_else(|| Error::internal(std::io::Error::other("person without household")))?;
        find_household(&tx, &access, hid).await?;
        let house = tx
            .find::<household::Entity>()
            .filter(household::Column::Id.eq(hid))
            .into_json()
            .one(tx.conn())
            .await?;
        let goals = tx
            .find::<goal::Entity>()
            .filter(goal::Column::HouseholdId.eq(hid))
            .order_by_asc(goal::Column::Id)
            .into_json()
            .all(tx.conn())
            .await?;
        let others: Vec<Value> = tx
            .find::<person::Entity>()
            .filter(person::Column::HouseholdId.eq(hid))
            .filter(person::Column::Id.ne(person_id))
            .order_by_asc(person::Column::Id)
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|m| {
                json!({ "id": m.id, "given_name": m.given_name, "family_name": m.family_name,
                        "relation": m.relation })
            })
            .collect();
        // Who read, changed or exported this person's or household's data, when, why.
        let access_log: Vec<Value> = tx
            .find::<audit::tenant_log::Entity>()
            .filter(audit::tenant_log::Column::EntityId.is_in([person_id, hid]))
            .order_by_asc(audit::tenant_log::Column::Seq)
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|e| {
                json!({ "at": e.at.to_rfc3339(), "userId": e.actor_user,
                        "organisationId": e.actor_organisation, "action": e.action,
                        "entity": e.entity, "fields": e.fields, "purpose": e.purpose })
            })
            .collect();
        let mut export = json!({
            "exportedAt": Utc::now().to_rfc3339(),
            "person": me,
            "household": house,
            // Of the other members only what names them as family (Art. 15(4)).
            "householdMembers": others,
            "accessLog": access_log,
            "caseHistory": rows::<transition::Entity>(&tx, transition::Column::HouseholdId, hid).await?,
            "readinessAssessments": rows::<readiness::Entity>(&tx, readiness::Column::HouseholdId, hid).await?,
            "consents": rows::<consent::Entity>(&tx, consent::Column::HouseholdId, hid).await?,
            "carrierAssignments": rows::<assignment::Entity>(&tx, assignment::Column::HouseholdId, hid).await?,
            "counsellingSessions": rows::<counselling::Entity>(&tx, counselling::Column::HouseholdId, hid).await?,
            "goals": goals,
            "goalSteps": rows::<goal_step::Entity>(&tx, goal_step::Column::HouseholdId, hid).await?,
            "aftercareFollowUps": rows::<followup::Entity>(&tx, followup::Column::HouseholdId, hid).await?,
            "tenancyCoachings": rows::<crate::entity::coaching::Entity>(&tx, crate::entity::coaching::Column::HouseholdId, hid).await?,
        });
        // What other services hold about the household (housing: occupancies,
        // matches, guarantees, repayments), from the same snapshot.
        for part in self.parts.iter() {
            for (name, section) in part.export(&tx, hid).await? {
                export[name] = section;
            }
        }
        audit::append(
            &tx,
            ctx,
            &AuditEntry {
                entity: "person",
                entity_id: person_id,
                action: "export",
                fields: &["*"],
                purpose: purpose.map(crate::types::AccessPurpose::code),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(export)
    }

    /// Erases a closed case now (city staff), e.g. on a data subject's request.
    pub async fn erase_household(&self, ctx: &Ctx, id: Uuid, version: i32) -> Result<Uuid> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, id).await?;
        if h.erased_at.is_some() {
            return Err(Error::Conflict {
                message: "the case is already erased".into(),
            });
        }
        if h.state != CaseState::Closed.code() {
            return Err(Error::bad_input(
                "id",
                "only a closed case can be erased; close it first",
            ));
        }
        if h.version != version {
            return Err(Error::stale("household"));
        }
        erase_in(&tx, ctx, &self.parts, &h).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Erases every closed case of `tenant` whose closing lies more than the tenant's
    /// retention period back. Runs as the system (audited with the nil user id).
    /// Returns how many cases were erased.
    pub async fn apply_retention(&self, tenant: TenantId) -> Result<u64> {
        let ctx = Ctx::new(Principal {
            user_id: UserId::from_uuid(Uuid::nil()),
            kind: PrincipalKind::TenantUser,
            tenant: Some(tenant),
            organisation: None,
            roles: std::collections::BTreeSet::new(),
        });
        let tx = self.db.begin_tenant(tenant).await?;
        let settings = load_settings(&tx).await?;
        let today = Utc::now().date_naive();
        let cutoff = today
            .checked_sub_months(Months::new(settings.retention_years.saturating_mul(12)))
            .unwrap_or(today);
        let due = tx
            .find::<household::Entity>()
            .filter(household::Column::State.eq(CaseState::Closed.code()))
            .filter(household::Column::ErasedAt.is_null())
            .filter(household::Column::StateSince.lt(cutoff))
            .all(tx.conn())
            .await?;
        let mut erased = 0;
        for h in &due {
            match erase_in(&tx, &ctx, &self.parts, h).await {
                Ok(()) => erased += 1,
                // Erased meanwhile by someone else: nothing left to do.
                Err(Error::Conflict { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        tx.commit().await?;
        Ok(erased)
    }
}

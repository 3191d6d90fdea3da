//! Writes. Each runs in one tenant transaction: scope check, validation against the
//! stored state, the change, its audit entries — all or nothing. Household-level
//! changes take the household's `version` and fail with `CONFLICT` when it moved.

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter, UpdateMany};
use uuid::Uuid;
use wohnweg_identity::{OrganisationKind, directory};
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, OrganisationId, Result, Role, TenantTx, UserId};

use crate::Casework;
use crate::access::{Access, Scope};
use crate::entity::{
    assignment, consent, counselling, goal, goal_step, household, person, readiness, transition,
};
use crate::model::{
    AssessmentView, AssignmentView, ConsentView, GoalView, HouseholdPatch, NewAssessment,
    NewConsent, NewHousehold, NewSession, NewStep, PersonInput, PersonView, SessionView, StepView,
};
use crate::read::{
    assessment_view, assignment_view, consent_view, find_household_for_write, person_view,
    session_view, step_view,
};
use crate::types::{
    AssignmentStatus, CaseState, ConsentScope, ReadinessLevel, Relation, Text, date_in_range, fold,
    store_codes, stored,
};

/// Most members a household may have.
const MAX_MEMBERS: usize = 20;
/// Most steps a goal may be created with.
const MAX_STEPS: usize = 20;

/// A person's writable columns, by the name the audit log records.
const PERSON_COLUMNS: [(&str, person::Column); 11] = [
    ("given_name", person::Column::GivenName),
    ("family_name", person::Column::FamilyName),
    ("date_of_birth", person::Column::DateOfBirth),
    ("relation", person::Column::Relation),
    ("nationality", person::Column::Nationality),
    ("residence", person::Column::Residence),
    ("permit_expires_on", person::Column::PermitExpiresOn),
    ("benefit", person::Column::Benefit),
    ("benefit_changes_on", person::Column::BenefitChangesOn),
    ("language_level", person::Column::LanguageLevel),
    ("occupation", person::Column::Occupation),
];

const PERSON_FIELDS: &[&str] = &[
    "given_name",
    "family_name",
    "date_of_birth",
    "relation",
    "nationality",
    "residence",
    "permit_expires_on",
    "benefit",
    "benefit_changes_on",
    "language_level",
    "occupation",
];

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn not_future(field: &'static str, d: NaiveDate) -> Result<NaiveDate> {
    date_in_range(field, d, today(), 0)
}

/// `UPDATE households … SET version = version + 1 WHERE id = $id AND version = $v`;
/// `CONFLICT` when the version moved.
async fn bump(
    tx: &TenantTx,
    id: Uuid,
    expected: Option<i32>,
    change: impl FnOnce(UpdateMany<household::Entity>) -> UpdateMany<household::Entity>,
) -> Result<()> {
    let mut q = household::Entity::secure_update_many(tx)
        .col_expr(
            household::Column::Version,
            Expr::col(household::Column::Version).add(1),
        )
        .col_expr(household::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(household::Column::Id.eq(id));
    if let Some(v) = expected {
        q = q.filter(household::Column::Version.eq(v));
    }
    let res = change(q).exec(tx.conn()).await?;
    if res.rows_affected == 1 {
        Ok(())
    } else {
        Err(Error::stale("household"))
    }
}

/// Checks a person's data against the rest of the household.
fn check_person(field: &str, p: &PersonInput) -> Result<()> {
    let t = today();
    if let Some(d) = p.date_of_birth {
        date_in_range(format!("{field}.dateOfBirth"), d, t, 0)?;
    }
    if let Some(d) = p.permit_expires_on {
        date_in_range(format!("{field}.permitExpiresOn"), d, t, 20)?;
    }
    if let Some(d) = p.benefit_changes_on {
        date_in_range(format!("{field}.benefitChangesOn"), d, t, 5)?;
    }
    Ok(())
}

fn person_model(household_id: Uuid, p: &PersonInput) -> person::ActiveModel {
    person::ActiveModel {
        tenant_id: Set(Uuid::nil()),
        id: Set(Uuid::now_v7()),
        household_id: Set(household_id),
        given_name: Set(p.given_name.as_str().to_owned()),
        family_name: Set(p.family_name.as_str().to_owned()),
        date_of_birth: Set(p.date_of_birth),
        relation: Set(p.relation.code().to_owned()),
        nationality: Set(p.nationality.map(|n| n.as_str().to_owned())),
        residence: Set(p.residence.code().to_owned()),
        permit_expires_on: Set(p.permit_expires_on),
        benefit: Set(p.benefit.code().to_owned()),
        benefit_changes_on: Set(p.benefit_changes_on),
        language_level: Set(p.language_level.code().to_owned()),
        occupation: Set(p.occupation.code().to_owned()),
        version: Set(1),
        created_at: Set(Utc::now()),
    }
}

/// The search key of a household: its reference and every member's folded name.
fn search_text(reference: &str, members: &[person::Model]) -> String {
    let mut s = fold(reference);
    for m in members {
        s.push(' ');
        s.push_str(&fold(&m.given_name));
        s.push(' ');
        s.push_str(&fold(&m.family_name));
    }
    s
}

/// Recomputes the derived member count and search key after a member change.
async fn refresh_members(tx: &TenantTx, h: &household::Model) -> Result<()> {
    let members = tx
        .find::<person::Entity>()
        .filter(person::Column::HouseholdId.eq(h.id))
        .all(tx.conn())
        .await?;
    household::Entity::secure_update_many(tx)
        .col_expr(
            household::Column::MemberCount,
            Expr::value(i32::try_from(members.len()).unwrap_or(i32::MAX)),
        )
        .col_expr(
            household::Column::SearchText,
            Expr::value(search_text(&h.reference, &members)),
        )
        .filter(household::Column::Id.eq(h.id))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// Whether the household has an active (not withdrawn) consent of `scope`.
async fn has_consent(tx: &TenantTx, household_id: Uuid, scope: ConsentScope) -> Result<bool> {
    Ok(tx
        .find::<consent::Entity>()
        .filter(consent::Column::HouseholdId.eq(household_id))
        .filter(consent::Column::Scope.eq(scope.code()))
        .filter(consent::Column::WithdrawnOn.is_null())
        .one(tx.conn())
        .await?
        .is_some())
}

async fn require_share_consent(tx: &TenantTx, household_id: Uuid) -> Result<()> {
    if has_consent(tx, household_id, ConsentScope::ShareWithCarrier).await? {
        Ok(())
    } else {
        Err(Error::bad_input(
            "householdId",
            "the household has not consented to sharing its case with a carrier",
        ))
    }
}

/// The carrier `org` of this tenant, or `NOT_FOUND` / `BAD_USER_INPUT`.
async fn require_carrier(tx: &TenantTx, org: OrganisationId) -> Result<()> {
    match directory::organisation(tx, org).await? {
        None => Err(Error::NotFound {
            entity: "organisation",
        }),
        Some(o) if o.kind != OrganisationKind::Carrier => {
            Err(Error::bad_input("organisationId", "is not a carrier"))
        }
        Some(_) => Ok(()),
    }
}

async fn require_caseworker(tx: &TenantTx, org: OrganisationId, cw: Option<UserId>) -> Result<()> {
    if let Some(cw) = cw
        && !directory::is_member_with_role(tx, org, cw, Role::CarrierCaseworker).await?
    {
        return Err(Error::bad_input(
            "caseworkerId",
            "is not an active caseworker of that carrier",
        ));
    }
    Ok(())
}

/// A closed (or erased) case is read-only, except for consent withdrawal and erasure.
pub(crate) fn closed_check(h: &household::Model) -> Result<()> {
    if h.state == CaseState::Closed.code() || h.erased_at.is_some() {
        Err(Error::bad_input("householdId", "the case is closed"))
    } else {
        Ok(())
    }
}

/// A unique-index violation (a racing insert) as `CONFLICT`; anything else unchanged.
pub(crate) fn unique_conflict(e: Error, message: &'static str) -> Error {
    let unique = e
        .internal_cause()
        .and_then(|c| c.downcast_ref::<sea_orm::DbErr>())
        .and_then(sea_orm::DbErr::sql_err)
        .is_some_and(|s| matches!(s, sea_orm::SqlErr::UniqueConstraintViolation(_)));
    if unique {
        Error::Conflict {
            message: message.into(),
        }
    } else {
        e
    }
}

impl Casework {
    /// Takes in a household with its members: state `intake`. City staff only.
    pub async fn create_household(&self, ctx: &Ctx, new: NewHousehold) -> Result<Uuid> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        if new.members.is_empty() || new.members.len() > MAX_MEMBERS {
            return Err(Error::bad_input("members", "give 1–20 members"));
        }
        if new.primary_contact >= new.members.len() {
            return Err(Error::bad_input(
                "primaryContact",
                "must be the index of a member",
            ));
        }
        let heads = new
            .members
            .iter()
            .filter(|m| m.relation == Relation::Head)
            .count();
        if heads != 1 {
            return Err(Error::bad_input(
                "members",
                "exactly one member must be the head of the household",
            ));
        }
        for (i, m) in new.members.iter().enumerate() {
            check_person(&format!("members.{i}"), m)?;
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let exists = tx
            .find::<household::Entity>()
            .filter(household::Column::Reference.eq(new.reference.as_str()))
            .one(tx.conn())
            .await?;
        if exists.is_some() {
            return Err(Error::Conflict {
                message: "a household with this reference exists".into(),
            });
        }
        let id = Uuid::now_v7();
        let now = Utc::now();
        let models: Vec<person::ActiveModel> =
            new.members.iter().map(|m| person_model(id, m)).collect();
        let person_ids: Vec<Uuid> = models
            .iter()
            .map(|m| match &m.id {
                sea_orm::ActiveValue::Set(v) | sea_orm::ActiveValue::Unchanged(v) => *v,
                sea_orm::ActiveValue::NotSet => Uuid::nil(),
            })
            .collect();
        household::Entity::secure_insert(
            &tx,
            household::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(id),
                reference: Set(new.reference.as_str().to_owned()),
                primary_contact: Set(person_ids.get(new.primary_contact).copied()),
                languages: Set(new.languages.stored()),
                notes: Set(new.notes.map(Text::into_string)),
                accommodation: Set(new.accommodation.map(Text::into_string)),
                state: Set(CaseState::Intake.code().to_owned()),
                state_since: Set(now.date_naive()),
                carrier_org: Set(None),
                carrier_caseworker: Set(None),
                readiness: Set(None),
                readiness_on: Set(None),
                member_count: Set(0),
                search_text: Set(String::new()),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
                erased_at: Set(None),
                tenancy_coaching: Set(false),
                wbs_until: Set(None),
                needs_step_free: Set(false),
                preferred_districts: Set(String::new()),
            },
        )
        .await
        .map_err(|e| unique_conflict(e, "a household with this reference exists"))?;
        let mut inserted = Vec::with_capacity(models.len());
        for m in models {
            inserted.push(person::Entity::secure_insert(&tx, m).await?);
        }
        let h = find_household_for_write(&tx, &access, id).await?;
        refresh_members(&tx, &h).await?;
        let t = transition::Entity::secure_insert(
            &tx,
            transition::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_id: Set(id),
                from_state: Set(None),
                to_state: Set(CaseState::Intake.code().to_owned()),
                reason: Set("intake".to_owned()),
                effective_on: Set(now.date_naive()),
                at: Set(now),
                actor: Set(access.user.uuid()),
            },
        )
        .await?;
        let mut entries = vec![
            AuditEntry::new(
                "household",
                id,
                "create",
                &[
                    "reference",
                    "primary_contact",
                    "languages",
                    "notes",
                    "accommodation",
                    "state",
                ],
            ),
            AuditEntry::new(
                "case_transition",
                t.id,
                "create",
                &["to_state", "reason", "effective_on"],
            ),
        ];
        entries.extend(
            inserted
                .iter()
                .map(|p| AuditEntry::new("person", p.id, "create", PERSON_FIELDS)),
        );
        audit::append_many(&tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes a household's own fields.
    pub async fn update_household(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        patch: HouseholdPatch,
    ) -> Result<Uuid> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        if patch.languages.is_none()
            && patch.notes.is_none()
            && patch.accommodation.is_none()
            && patch.primary_contact.is_none()
            && patch.wbs_until.is_none()
            && patch.needs_step_free.is_none()
            && patch.preferred_districts.is_none()
        {
            return Err(Error::bad_input(
                "input",
                "name at least one field to change",
            ));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, id).await?;
        closed_check(&h)?;
        if let Some(pc) = patch.primary_contact {
            let member = tx
                .find::<person::Entity>()
                .filter(person::Column::Id.eq(pc))
                .filter(person::Column::HouseholdId.eq(h.id))
                .one(tx.conn())
                .await?;
            if member.is_none() {
                return Err(Error::bad_input(
                    "primaryContactId",
                    "must be a member of the household",
                ));
            }
        }
        let mut fields: Vec<&'static str> = Vec::new();
        let HouseholdPatch {
            languages,
            notes,
            accommodation,
            primary_contact,
            wbs_until,
            needs_step_free,
            preferred_districts,
        } = patch;
        bump(&tx, h.id, Some(version), |mut q| {
            if let Some(l) = languages {
                fields.push("languages");
                q = q.col_expr(household::Column::Languages, Expr::value(l.stored()));
            }
            if let Some(n) = notes {
                fields.push("notes");
                q = q.col_expr(
                    household::Column::Notes,
                    Expr::value(n.map(Text::into_string)),
                );
            }
            if let Some(a) = accommodation {
                fields.push("accommodation");
                q = q.col_expr(
                    household::Column::Accommodation,
                    Expr::value(a.map(Text::into_string)),
                );
            }
            if let Some(w) = wbs_until {
                fields.push("wbs_until");
                q = q.col_expr(household::Column::WbsUntil, Expr::value(w));
            }
            if let Some(n) = needs_step_free {
                fields.push("needs_step_free");
                q = q.col_expr(household::Column::NeedsStepFree, Expr::value(n));
            }
            if let Some(d) = preferred_districts {
                fields.push("preferred_districts");
                q = q.col_expr(
                    household::Column::PreferredDistricts,
                    Expr::value(d.join("|")),
                );
            }
            if let Some(pc) = primary_contact {
                fields.push("primary_contact");
                q = q.col_expr(household::Column::PrimaryContact, Expr::value(pc));
            }
            q
        })
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("household", h.id, "update", &fields),
        )
        .await?;
        tx.commit().await?;
        Ok(h.id)
    }

    /// Adds a member.
    pub async fn add_person(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        input: PersonInput,
    ) -> Result<PersonView> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        check_person("input", &input)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, household_id).await?;
        closed_check(&h)?;
        let members = tx
            .find::<person::Entity>()
            .filter(person::Column::HouseholdId.eq(h.id))
            .all(tx.conn())
            .await?;
        if members.len() >= MAX_MEMBERS {
            return Err(Error::bad_input(
                "householdId",
                "the household has 20 members",
            ));
        }
        if input.relation == Relation::Head
            && members.iter().any(|m| m.relation == Relation::Head.code())
        {
            return Err(Error::bad_input(
                "input.relation",
                "the household already has a head",
            ));
        }
        let p = person::Entity::secure_insert(&tx, person_model(h.id, &input)).await?;
        refresh_members(&tx, &h).await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("person", p.id, "create", PERSON_FIELDS),
        )
        .await?;
        tx.commit().await?;
        person_view(&p, true)
    }

    /// Replaces a member's data.
    pub async fn update_person(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        input: PersonInput,
    ) -> Result<PersonView> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        check_person("input", &input)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let old = tx
            .find::<person::Entity>()
            .filter(person::Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "person" })?;
        let h = find_household_for_write(&tx, &access, old.household_id)
            .await
            .map_err(|_| Error::NotFound { entity: "person" })?;
        closed_check(&h)?;
        if input.relation != Relation::Head && old.relation == Relation::Head.code() {
            return Err(Error::bad_input(
                "input.relation",
                "the household needs a head; make another member the head first",
            ));
        }
        if input.relation == Relation::Head && old.relation != Relation::Head.code() {
            let head = tx
                .find::<person::Entity>()
                .filter(person::Column::HouseholdId.eq(h.id))
                .filter(person::Column::Relation.eq(Relation::Head.code()))
                .one(tx.conn())
                .await?;
            if head.is_some() {
                return Err(Error::bad_input(
                    "input.relation",
                    "the household already has a head",
                ));
            }
        }
        let mut new = person_model(h.id, &input);
        new.id = Set(id);
        // Write and audit only the fields whose value changes.
        let before = {
            use sea_orm::IntoActiveModel;
            old.clone().into_active_model()
        };
        let mut q = person::Entity::secure_update_many(&tx)
            .filter(person::Column::Id.eq(id))
            .filter(person::Column::Version.eq(version))
            .col_expr(
                person::Column::Version,
                Expr::value(version.saturating_add(1)),
            );
        let mut changed: Vec<&'static str> = Vec::new();
        for (name, col) in PERSON_COLUMNS {
            use sea_orm::ActiveModelTrait;
            let value = new.get(col).into_value();
            if before.get(col).into_value() != value {
                changed.push(name);
                if let Some(v) = value {
                    q = q.col_expr(col, Expr::value(v));
                }
            }
        }
        if q.exec(tx.conn()).await?.rows_affected != 1 {
            return Err(Error::stale("person"));
        }
        refresh_members(&tx, &h).await?;
        audit::append(&tx, ctx, &AuditEntry::new("person", id, "update", &changed)).await?;
        let p = tx
            .find::<person::Entity>()
            .filter(person::Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "person" })?;
        tx.commit().await?;
        person_view(&p, true)
    }

    /// Moves the case to `to`, if the workflow allows it from where it stands.
    pub async fn transition(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        to: CaseState,
        reason: Text,
        effective_on: NaiveDate,
    ) -> Result<Uuid> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        if let Some(why) = CaseState::Intake.move_needed_for(to) {
            return Err(Error::bad_input("to", why));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, id).await?;
        if let Some(why) = stored(&h.state, CaseState::from_code)?.move_needed_for(to) {
            return Err(Error::bad_input("to", why));
        }
        apply_transition(&tx, ctx, &h, Some(version), to, reason, effective_on).await?;
        // Other services end their open business for a case that left the work
        // (housing: open matches withdrawn, reserved offers reopened), in this
        // transaction.
        if crate::parts::leaves_work(to) {
            for part in self.parts.iter() {
                part.case_left_work(&tx, ctx, h.id, to).await?;
            }
        }
        tx.commit().await?;
        Ok(h.id)
    }

    /// Records a readiness assessment; the latest by date becomes the household's level.
    pub async fn record_readiness(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        a: NewAssessment,
    ) -> Result<AssessmentView> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        not_future("input.assessedOn", a.assessed_on)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, household_id).await?;
        closed_check(&h)?;
        let row = readiness::Entity::secure_insert(
            &tx,
            readiness::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_id: Set(h.id),
                assessed_on: Set(a.assessed_on),
                assessor: Set(access.user.uuid()),
                rent_payment: Set(a.rent_payment.code().to_owned()),
                household_management: Set(a.household_management.code().to_owned()),
                neighbourhood: Set(a.neighbourhood.code().to_owned()),
                tenancy_language: Set(a.tenancy_language.code().to_owned()),
                id_document: Set(a.id_document),
                income_proof: Set(a.income_proof),
                schufa: Set(a.schufa),
                overall: Set(a.overall.code().to_owned()),
                notes: Set(a.notes.map(Text::into_string)),
                created_at: Set(Utc::now()),
            },
        )
        .await?;
        // The latest assessment by date is the household's level; the date test is in
        // the statement, so a racing older assessment cannot overwrite a newer one.
        household::Entity::secure_update_many(&tx)
            .col_expr(household::Column::Readiness, Expr::value(a.overall.code()))
            .col_expr(household::Column::ReadinessOn, Expr::value(a.assessed_on))
            .filter(household::Column::Id.eq(h.id))
            .filter(
                sea_orm::Condition::any()
                    .add(household::Column::ReadinessOn.is_null())
                    .add(household::Column::ReadinessOn.lte(a.assessed_on)),
            )
            .exec(tx.conn())
            .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "readiness_assessment",
                row.id,
                "create",
                &[
                    "household_id",
                    "assessed_on",
                    "rent_payment",
                    "household_management",
                    "neighbourhood",
                    "tenancy_language",
                    "id_document",
                    "income_proof",
                    "schufa",
                    "overall",
                    "notes",
                ],
            ),
        )
        .await?;
        tx.commit().await?;
        assessment_view(&row)
    }

    /// Records a consent. One active consent per scope.
    pub async fn record_consent(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        c: NewConsent,
    ) -> Result<ConsentView> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        not_future("input.givenOn", c.given_on)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, household_id).await?;
        closed_check(&h)?;
        if has_consent(&tx, h.id, c.scope).await? {
            return Err(Error::Conflict {
                message: "an active consent of this scope exists".into(),
            });
        }
        let row = consent::Entity::secure_insert(
            &tx,
            consent::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_id: Set(h.id),
                scope: Set(c.scope.code().to_owned()),
                given_on: Set(c.given_on),
                withdrawn_on: Set(None),
                note: Set(c.note.map(Text::into_string)),
                recorded_by: Set(access.user.uuid()),
                version: Set(1),
                created_at: Set(Utc::now()),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "consent",
                row.id,
                "create",
                &["household_id", "scope", "given_on", "note"],
            ),
        )
        .await?;
        tx.commit().await?;
        consent_view(&row)
    }

    /// Withdraws a consent. Withdrawing the consent to share with a carrier ends the
    /// carrier's assignment and any pending transfer at once: from then on no carrier
    /// sees the household.
    pub async fn withdraw_consent(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        withdrawn_on: NaiveDate,
    ) -> Result<ConsentView> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        not_future("withdrawnOn", withdrawn_on)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let c = tx
            .find::<consent::Entity>()
            .filter(consent::Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "consent" })?;
        let h = find_household_for_write(&tx, &access, c.household_id)
            .await
            .map_err(|_| Error::NotFound { entity: "consent" })?;
        if c.withdrawn_on.is_some() {
            return Err(Error::Conflict {
                message: "the consent is already withdrawn".into(),
            });
        }
        if withdrawn_on < c.given_on {
            return Err(Error::bad_input(
                "withdrawnOn",
                "must not lie before the consent was given",
            ));
        }
        let res = consent::Entity::secure_update_many(&tx)
            .col_expr(consent::Column::WithdrawnOn, Expr::value(withdrawn_on))
            .col_expr(
                consent::Column::Version,
                Expr::value(version.saturating_add(1)),
            )
            .filter(consent::Column::Id.eq(id))
            .filter(consent::Column::Version.eq(version))
            .exec(tx.conn())
            .await?;
        if res.rows_affected != 1 {
            return Err(Error::stale("consent"));
        }
        let mut entries = vec![AuditEntry::new(
            "consent",
            id,
            "withdraw",
            &["withdrawn_on"],
        )];
        let mut ended: Vec<Uuid> = Vec::new();
        if c.scope == ConsentScope::ShareWithCarrier.code() {
            let now = Utc::now();
            let open = tx
                .find::<assignment::Entity>()
                .filter(assignment::Column::HouseholdId.eq(h.id))
                .filter(assignment::Column::Status.is_in([
                    AssignmentStatus::Active.code(),
                    AssignmentStatus::Proposed.code(),
                ]))
                .all(tx.conn())
                .await?;
            for a in &open {
                let (status, reason) = if a.status == AssignmentStatus::Active.code() {
                    (AssignmentStatus::Ended, None)
                } else {
                    (AssignmentStatus::Rejected, Some("consent withdrawn"))
                };
                assignment::Entity::secure_update_many(&tx)
                    .col_expr(assignment::Column::Status, Expr::value(status.code()))
                    .col_expr(assignment::Column::EndedAt, Expr::value(Some(now)))
                    .col_expr(
                        assignment::Column::DecisionReason,
                        Expr::value(
                            reason
                                .map(str::to_owned)
                                .or_else(|| a.decision_reason.clone()),
                        ),
                    )
                    .col_expr(
                        assignment::Column::Version,
                        Expr::col(assignment::Column::Version).add(1),
                    )
                    .filter(assignment::Column::Id.eq(a.id))
                    .exec(tx.conn())
                    .await?;
                ended.push(a.id);
            }
            if h.carrier_org.is_some() {
                bump(&tx, h.id, None, |q| {
                    q.col_expr(
                        household::Column::CarrierOrg,
                        Expr::value(Option::<Uuid>::None),
                    )
                    .col_expr(
                        household::Column::CarrierCaseworker,
                        Expr::value(Option::<Uuid>::None),
                    )
                })
                .await?;
                entries.push(AuditEntry::new(
                    "household",
                    h.id,
                    "unassign_carrier",
                    &["carrier_org", "carrier_caseworker"],
                ));
            }
        }
        entries.extend(
            ended
                .iter()
                .map(|a| AuditEntry::new("carrier_assignment", *a, "end", &["status", "ended_at"])),
        );
        audit::append_many(&tx, ctx, &entries).await?;
        let row = tx
            .find::<consent::Entity>()
            .filter(consent::Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "consent" })?;
        tx.commit().await?;
        consent_view(&row)
    }

    /// Assigns a first carrier (and optionally its caseworker). City staff only; needs
    /// the consent to share with a carrier.
    pub async fn assign_carrier(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        version: i32,
        org: OrganisationId,
        caseworker: Option<UserId>,
    ) -> Result<Uuid> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, household_id).await?;
        closed_check(&h)?;
        if h.carrier_org.is_some() {
            return Err(Error::Conflict {
                message: "the household already has a carrier; propose a transfer instead".into(),
            });
        }
        require_carrier(&tx, org).await?;
        require_caseworker(&tx, org, caseworker).await?;
        // Change (and so lock) the household first, then check the consent: a
        // withdrawal locks the same row, so the two cannot interleave.
        bump(&tx, h.id, Some(version), |q| {
            q.col_expr(household::Column::CarrierOrg, Expr::value(org.uuid()))
                .col_expr(
                    household::Column::CarrierCaseworker,
                    Expr::value(caseworker.map(UserId::uuid)),
                )
        })
        .await?;
        require_share_consent(&tx, h.id).await?;
        let now = Utc::now();
        let a = assignment::Entity::secure_insert(
            &tx,
            assignment::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_id: Set(h.id),
                organisation_id: Set(org.uuid()),
                caseworker_id: Set(caseworker.map(UserId::uuid)),
                status: Set(AssignmentStatus::Active.code().to_owned()),
                reason: Set(None),
                decision_reason: Set(None),
                proposed_by: Set(access.user.uuid()),
                proposed_at: Set(now),
                decided_by: Set(Some(access.user.uuid())),
                decided_at: Set(Some(now)),
                ended_at: Set(None),
                version: Set(1),
            },
        )
        .await?;
        audit::append_many(
            &tx,
            ctx,
            &[
                AuditEntry::new(
                    "household",
                    h.id,
                    "assign_carrier",
                    &["carrier_org", "carrier_caseworker"],
                ),
                AuditEntry::new(
                    "carrier_assignment",
                    a.id,
                    "create",
                    &["organisation_id", "caseworker_id", "status"],
                ),
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(h.id)
    }

    /// Proposes handing the household to another carrier: city staff, or the current
    /// carrier. The receiving carrier accepts or rejects.
    pub async fn propose_transfer(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        org: OrganisationId,
        reason: Text,
    ) -> Result<AssignmentView> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, household_id).await?;
        closed_check(&h)?;
        let Some(current) = h.carrier_org else {
            return Err(Error::bad_input(
                "householdId",
                "the household has no carrier yet; assign one",
            ));
        };
        if current == org.uuid() {
            return Err(Error::bad_input(
                "organisationId",
                "is already the household's carrier",
            ));
        }
        require_carrier(&tx, org).await?;
        // Serialise on the household row, then check consent and pending proposals.
        require_share_consent(&tx, h.id).await?;
        let pending = tx
            .find::<assignment::Entity>()
            .filter(assignment::Column::HouseholdId.eq(h.id))
            .filter(assignment::Column::Status.eq(AssignmentStatus::Proposed.code()))
            .one(tx.conn())
            .await?;
        if pending.is_some() {
            return Err(Error::Conflict {
                message: "a transfer of this household is already pending".into(),
            });
        }
        let a = assignment::Entity::secure_insert(
            &tx,
            assignment::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_id: Set(h.id),
                organisation_id: Set(org.uuid()),
                caseworker_id: Set(None),
                status: Set(AssignmentStatus::Proposed.code().to_owned()),
                reason: Set(Some(reason.into_string())),
                decision_reason: Set(None),
                proposed_by: Set(access.user.uuid()),
                proposed_at: Set(Utc::now()),
                decided_by: Set(None),
                decided_at: Set(None),
                ended_at: Set(None),
                version: Set(1),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "carrier_assignment",
                a.id,
                "propose_transfer",
                &["organisation_id", "reason", "status"],
            ),
        )
        .await?;
        tx.commit().await?;
        assignment_view(&a)
    }

    /// The receiving carrier accepts a transfer: from now on it sees the household and
    /// the previous carrier does not.
    pub async fn accept_transfer(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        caseworker: Option<UserId>,
    ) -> Result<AssignmentView> {
        let access = Access::of(ctx)?;
        let (tx, a) = self.receiving(&access, id).await?;
        require_caseworker(
            &tx,
            OrganisationId::from_uuid(a.organisation_id),
            caseworker,
        )
        .await?;
        require_share_consent(&tx, a.household_id).await?;
        let now = Utc::now();
        decide(
            &tx,
            &a,
            version,
            AssignmentStatus::Active,
            None,
            caseworker,
            access.user,
        )
        .await?;
        let previous = tx
            .find::<assignment::Entity>()
            .filter(assignment::Column::HouseholdId.eq(a.household_id))
            .filter(assignment::Column::Status.eq(AssignmentStatus::Active.code()))
            .filter(assignment::Column::Id.ne(a.id))
            .all(tx.conn())
            .await?;
        for p in &previous {
            assignment::Entity::secure_update_many(&tx)
                .col_expr(
                    assignment::Column::Status,
                    Expr::value(AssignmentStatus::Ended.code()),
                )
                .col_expr(assignment::Column::EndedAt, Expr::value(Some(now)))
                .col_expr(
                    assignment::Column::Version,
                    Expr::col(assignment::Column::Version).add(1),
                )
                .filter(assignment::Column::Id.eq(p.id))
                .exec(tx.conn())
                .await?;
        }
        bump(&tx, a.household_id, None, |q| {
            q.col_expr(
                household::Column::CarrierOrg,
                Expr::value(a.organisation_id),
            )
            .col_expr(
                household::Column::CarrierCaseworker,
                Expr::value(caseworker.map(UserId::uuid)),
            )
        })
        .await?;
        let mut entries = vec![
            AuditEntry::new(
                "carrier_assignment",
                a.id,
                "accept_transfer",
                &[
                    "status",
                    "caseworker_id",
                    "decided_by",
                    "decided_at",
                    "version",
                ],
            ),
            AuditEntry::new(
                "household",
                a.household_id,
                "assign_carrier",
                &["carrier_org", "carrier_caseworker"],
            ),
        ];
        entries.extend(
            previous.iter().map(|p| {
                AuditEntry::new("carrier_assignment", p.id, "end", &["status", "ended_at"])
            }),
        );
        audit::append_many(&tx, ctx, &entries).await?;
        let row = reload_assignment(&tx, a.id).await?;
        tx.commit().await?;
        assignment_view(&row)
    }

    /// The receiving carrier rejects a transfer, with a reason.
    pub async fn reject_transfer(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        reason: Text,
    ) -> Result<AssignmentView> {
        let access = Access::of(ctx)?;
        let (tx, a) = self.receiving(&access, id).await?;
        decide(
            &tx,
            &a,
            version,
            AssignmentStatus::Rejected,
            Some(reason),
            None,
            access.user,
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "carrier_assignment",
                a.id,
                "reject_transfer",
                &[
                    "status",
                    "decision_reason",
                    "decided_by",
                    "decided_at",
                    "version",
                ],
            ),
        )
        .await?;
        let row = reload_assignment(&tx, a.id).await?;
        tx.commit().await?;
        assignment_view(&row)
    }

    /// A pending transfer to the caller's own carrier, or `NOT_FOUND`.
    async fn receiving(&self, access: &Access, id: Uuid) -> Result<(TenantTx, assignment::Model)> {
        let Scope::Carrier(org) = access.scope else {
            return Err(Error::Forbidden);
        };
        let tx = self.db.begin_tenant(access.tenant).await?;
        let a = tx
            .find::<assignment::Entity>()
            .filter(assignment::Column::Id.eq(id))
            .filter(assignment::Column::OrganisationId.eq(org.uuid()))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "transfer" })?;
        // Lock the household, then re-read the proposal: a withdrawal of consent or
        // the closing of the case decides it first.
        crate::lookup::lock_household(&tx, a.household_id).await?;
        let a = tx
            .find::<assignment::Entity>()
            .filter(assignment::Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "transfer" })?;
        if a.status != AssignmentStatus::Proposed.code() {
            return Err(Error::Conflict {
                message: "the transfer has already been decided".into(),
            });
        }
        Ok((tx, a))
    }

    /// Names (or clears) the carrier's caseworker of a household: city staff, or the
    /// assigned carrier's administrator.
    pub async fn set_caseworker(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        version: i32,
        caseworker: Option<UserId>,
    ) -> Result<Uuid> {
        let access = Access::of(ctx)?;
        if !access.is_city() && !access.carrier_admin {
            return Err(Error::Forbidden);
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, household_id).await?;
        closed_check(&h)?;
        let Some(org) = h.carrier_org else {
            return Err(Error::bad_input(
                "householdId",
                "the household has no carrier",
            ));
        };
        require_caseworker(&tx, OrganisationId::from_uuid(org), caseworker).await?;
        bump(&tx, h.id, Some(version), |q| {
            q.col_expr(
                household::Column::CarrierCaseworker,
                Expr::value(caseworker.map(UserId::uuid)),
            )
        })
        .await?;
        assignment::Entity::secure_update_many(&tx)
            .col_expr(
                assignment::Column::CaseworkerId,
                Expr::value(caseworker.map(UserId::uuid)),
            )
            .col_expr(
                assignment::Column::Version,
                Expr::col(assignment::Column::Version).add(1),
            )
            .filter(assignment::Column::HouseholdId.eq(h.id))
            .filter(assignment::Column::Status.eq(AssignmentStatus::Active.code()))
            .exec(tx.conn())
            .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("household", h.id, "set_caseworker", &["carrier_caseworker"]),
        )
        .await?;
        tx.commit().await?;
        Ok(h.id)
    }

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

async fn insert_step(tx: &TenantTx, g: &goal::Model, s: NewStep) -> Result<goal_step::Model> {
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

async fn reload_assignment(tx: &TenantTx, id: Uuid) -> Result<assignment::Model> {
    tx.find::<assignment::Entity>()
        .filter(assignment::Column::Id.eq(id))
        .one(tx.conn())
        .await?
        .ok_or(Error::NotFound { entity: "transfer" })
}

async fn decide(
    tx: &TenantTx,
    a: &assignment::Model,
    version: i32,
    status: AssignmentStatus,
    reason: Option<Text>,
    caseworker: Option<UserId>,
    by: UserId,
) -> Result<()> {
    let res = assignment::Entity::secure_update_many(tx)
        .col_expr(assignment::Column::Status, Expr::value(status.code()))
        .col_expr(
            assignment::Column::DecisionReason,
            Expr::value(reason.map(Text::into_string)),
        )
        .col_expr(
            assignment::Column::CaseworkerId,
            Expr::value(caseworker.map(UserId::uuid)),
        )
        .col_expr(assignment::Column::DecidedBy, Expr::value(Some(by.uuid())))
        .col_expr(assignment::Column::DecidedAt, Expr::value(Some(Utc::now())))
        .col_expr(
            assignment::Column::Version,
            Expr::value(version.saturating_add(1)),
        )
        .filter(assignment::Column::Id.eq(a.id))
        .filter(assignment::Column::Version.eq(version))
        .exec(tx.conn())
        .await?;
    if res.rows_affected == 1 {
        Ok(())
    } else {
        Err(Error::stale("transfer"))
    }
}

/// Moves `h` to `to` inside `tx`: the workflow's rules, the history entry, closing
/// pending transfers, scheduling aftercare on a move, and the audit entries. With
/// `expected_version`, a stale version is `CONFLICT`.
pub(crate) async fn apply_transition(
    tx: &TenantTx,
    ctx: &Ctx,
    h: &household::Model,
    expected_version: Option<i32>,
    to: CaseState,
    reason: Text,
    effective_on: NaiveDate,
) -> Result<()> {
    let from = stored(&h.state, CaseState::from_code)?;
    if !from.can_move_to(to) {
        return Err(Error::bad_input(
            "to",
            format!("a case cannot move from {} to {}", from.code(), to.code()),
        ));
    }
    if to == CaseState::Searching {
        let ready = h.readiness.as_deref().and_then(ReadinessLevel::from_code);
        if !matches!(
            ready,
            Some(ReadinessLevel::Ready | ReadinessLevel::ReadyWithSupport)
        ) {
            return Err(Error::bad_input(
                "to",
                "searching needs a housing-readiness assessment of at least 'ready with support'",
            ));
        }
    }
    not_future("effectiveOn", effective_on)?;
    if effective_on < h.state_since {
        return Err(Error::bad_input(
            "effectiveOn",
            "must not lie before the current state began",
        ));
    }
    bump(tx, h.id, expected_version, |q| {
        q.col_expr(household::Column::State, Expr::value(to.code()))
            .col_expr(household::Column::StateSince, Expr::value(effective_on))
    })
    .await?;
    let t = transition::Entity::secure_insert(
        tx,
        transition::ActiveModel {
            tenant_id: Set(Uuid::nil()),
            id: Set(Uuid::now_v7()),
            household_id: Set(h.id),
            from_state: Set(Some(from.code().to_owned())),
            to_state: Set(to.code().to_owned()),
            reason: Set(reason.into_string()),
            effective_on: Set(effective_on),
            at: Set(Utc::now()),
            actor: Set(ctx.principal().user_id.uuid()),
        },
    )
    .await?;
    // Closing a case decides its pending transfer.
    let mut closed_proposals = Vec::new();
    if to == CaseState::Closed {
        let pending = tx
            .find::<assignment::Entity>()
            .filter(assignment::Column::HouseholdId.eq(h.id))
            .filter(assignment::Column::Status.eq(AssignmentStatus::Proposed.code()))
            .all(tx.conn())
            .await?;
        for p in pending {
            assignment::Entity::secure_update_many(tx)
                .col_expr(
                    assignment::Column::Status,
                    Expr::value(AssignmentStatus::Rejected.code()),
                )
                .col_expr(
                    assignment::Column::DecisionReason,
                    Expr::value("case closed"),
                )
                .col_expr(assignment::Column::DecidedAt, Expr::value(Some(Utc::now())))
                .col_expr(
                    assignment::Column::Version,
                    Expr::col(assignment::Column::Version).add(1),
                )
                .filter(assignment::Column::Id.eq(p.id))
                .exec(tx.conn())
                .await?;
            closed_proposals.push(p.id);
        }
    }
    // A move schedules the aftercare follow-ups.
    let scheduled = if to == CaseState::MovedOut {
        crate::aftercare::schedule(tx, h.id, effective_on).await?
    } else {
        Vec::new()
    };
    let mut entries = vec![
        AuditEntry::new("household", h.id, "transition", &["state", "state_since"]),
        AuditEntry::new(
            "case_transition",
            t.id,
            "create",
            &["from_state", "to_state", "reason", "effective_on"],
        ),
    ];
    entries.extend(closed_proposals.iter().map(|p| {
        AuditEntry::new(
            "carrier_assignment",
            *p,
            "reject_transfer",
            &["status", "decision_reason", "decided_at", "version"],
        )
    }));
    entries.extend(
        scheduled
            .iter()
            .map(|f| AuditEntry::new("aftercare_followup", *f, "schedule", &["due_on", "months"])),
    );
    audit::append_many(tx, ctx, &entries).await?;
    Ok(())
}

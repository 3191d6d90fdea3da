//! Households and their members: intake, changes to the household, members added
//! and changed (one head, at most 20 members), with the derived size and search key.

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Result, TenantTx};

use crate::Casework;
use crate::access::Access;
use crate::entity::{household, person, transition};
use crate::model::{HouseholdPatch, NewHousehold, PersonInput, PersonView};
use crate::read::{find_household_for_write, person_view};
use crate::types::{CaseState, Relation, Text, date_in_range, fold};
use crate::write::{MAX_MEMBERS, bump, closed_check, today, unique_conflict};

/// A person's writable columns, by the name the audit log records.
pub(crate) const PERSON_COLUMNS: [(&str, person::Column); 11] = [
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

pub(crate) const PERSON_FIELDS: &[&str] = &[
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

/// Checks a person's data against the rest of the household.
pub(crate) fn check_person(field: &str, p: &PersonInput) -> Result<()> {
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

pub(crate) fn person_model(household_id: Uuid, p: &PersonInput) -> person::ActiveModel {
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
pub(crate) fn search_text(reference: &str, members: &[person::Model]) -> String {
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
pub(crate) async fn refresh_members(tx: &TenantTx, h: &household::Model) -> Result<()> {
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
                // Whoever opens the case is responsible for it until someone else is named.
                city_caseworker: Set(Some(access.user.uuid())),
                expected_members: Set(0),
                expected_on: Set(None),
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
            && patch.expected_to_join.is_none()
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
            expected_to_join,
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
            if let Some(j) = expected_to_join {
                fields.push("expected_members");
                fields.push("expected_on");
                q = q
                    .col_expr(
                        household::Column::ExpectedMembers,
                        Expr::value(j.map_or(0, |j| j.count)),
                    )
                    .col_expr(household::Column::ExpectedOn, Expr::value(j.map(|j| j.on)));
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
        person_view(&p)
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
        person_view(&p)
    }
}

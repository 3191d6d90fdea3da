//! Reads: the household list and the single household, loading every wanted part for
//! the whole page in one statement each, and auditing every reveal of residence,
//! readiness or counselling data in one batched append.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;
use wohnweg_identity::directory::{self, OrganisationRef};
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::page::{Page, PageRequest};
use wohnweg_kernel::{Ctx, Error, OrganisationId, Result, TenantTx, UserId};

use crate::Casework;
use crate::access::{Access, Scope};
use crate::entity::{
    assignment, consent, counselling, followup, goal, goal_step, household, person, readiness,
    transition,
};
use crate::model::{
    AssessmentData, AssessmentView, AssignmentView, ConsentView, GoalView, HouseholdFilter,
    HouseholdView, PersonView, Residence, SessionView, StepView, TransitionView, Want,
};
use crate::types::{
    AssignmentStatus, BenefitFramework, CaseState, ConsentScope, LanguageLevel, Occupation, Rating,
    ReadinessLevel, Relation, ResidenceStatus, StepOwner, fold, load_codes, stored,
};
use crate::types::{Barrier, Topic};

/// The casework records that are nodes (global ids).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseworkKind {
    /// A household.
    Household,
}

/// The fields a reveal of residence data names in the audit log.
pub(crate) const RESIDENCE_FIELDS: &str = "persons.nationality,persons.residence,persons.permit_expires_on,persons.benefit,persons.benefit_changes_on";

impl Casework {
    /// A page of the caller's households, filtered, in id order.
    pub async fn households(
        &self,
        ctx: &Ctx,
        filter: &HouseholdFilter,
        page: PageRequest,
        want: Want,
        purpose: Option<crate::types::AccessPurpose>,
    ) -> Result<Page<HouseholdView>> {
        let access = Access::of(ctx)?;
        check_want(&access, want)?;
        // Searching by name or filtering by readiness reveals what a carrier admin may
        // not see.
        if !access.works_cases
            && (filter.search.is_some()
                || filter.readiness.is_some()
                || filter.touches_residence()
                || filter.in_coaching.is_some()
                || filter.follow_up_due_before.is_some())
        {
            return Err(Error::Forbidden);
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let mut q = scoped_households(&tx, &access).order_by_asc(household::Column::Id);
        if let Some(search) = &filter.search {
            let words: Vec<String> = fold(search)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect();
            if words.is_empty() || words.len() > 5 {
                return Err(Error::bad_input("filter.search", "give 1–5 words"));
            }
            for w in words {
                // Folded text holds only letters, digits and spaces: no LIKE wildcards.
                q = q.filter(household::Column::SearchText.like(format!("%{w}%")));
            }
        }
        if let Some(r) = &filter.reference {
            q = q.filter(household::Column::Reference.eq(r.trim()));
        }
        if let Some(s) = filter.state {
            q = q.filter(household::Column::State.eq(s.code()));
        }
        if let Some(c) = filter.carrier {
            q = q.filter(household::Column::CarrierOrg.eq(c.uuid()));
        }
        if let Some(r) = filter.readiness {
            q = q.filter(household::Column::Readiness.eq(r.code()));
        }
        q = self.narrow(&tx, &access, filter, q)?;
        let total = page.total(&q, tx.conn()).await?;
        if let Some(after) = page.after {
            q = q.filter(household::Column::Id.gt(after));
        }
        let rows = q.limit(page.first + 1).all(tx.conn()).await?;
        let page = Page::from_overfetch(rows, page);
        if filter.touches_residence() && !want.residence {
            // Being in the result reveals a member's residence or benefit data.
            audit_reveal(&tx, ctx, &ids(&page.items), &[RESIDENCE_FIELDS], purpose).await?;
        }
        let items = load(&tx, ctx, &access, page.items, want, purpose).await?;
        tx.commit().await?;
        Ok(Page {
            items,
            has_next: page.has_next,
            total,
        })
    }

    /// Which casework record `id` names in the caller's city (one statement), or
    /// `None` — for another city's id too. Whether the caller may read it is for the
    /// record's own read to say.
    pub async fn which(&self, ctx: &Ctx, id: Uuid) -> Result<Option<CaseworkKind>> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let kind = tx
            .which(vec![tx.probe::<household::Entity, _>(
                CaseworkKind::Household,
                household::Column::Id,
                id,
            )])
            .await?;
        tx.commit().await?;
        Ok(kind)
    }

    /// One household, or `NOT_FOUND` (also for another tenant's or carrier's).
    pub async fn household(
        &self,
        ctx: &Ctx,
        id: Uuid,
        want: Want,
        purpose: Option<crate::types::AccessPurpose>,
    ) -> Result<HouseholdView> {
        let access = Access::of(ctx)?;
        check_want(&access, want)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let row = find_household(&tx, &access, id).await?;
        let mut items = load(&tx, ctx, &access, vec![row], want, purpose).await?;
        tx.commit().await?;
        items.pop().ok_or(Error::NotFound {
            entity: "household",
        })
    }

    /// `FORBIDDEN` if the caller may not read `want`: mutations check this before they
    /// write, so a selection the caller may not read never follows a saved change.
    pub fn check_read(&self, ctx: &Ctx, want: Want) -> Result<()> {
        check_want(&Access::of(ctx)?, want)
    }

    /// The city's carriers by name: whom a household can be assigned or transferred
    /// to. Anyone doing casework in the city (city staff, carrier staff); one
    /// statement. Names and ids only: no people.
    pub async fn carriers(&self, ctx: &Ctx) -> Result<Vec<OrganisationRef>> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let list = directory::carriers(&tx).await?;
        tx.commit().await?;
        Ok(list)
    }

    /// Transfers proposed to the caller's carrier and not yet decided.
    pub async fn incoming_transfers(&self, ctx: &Ctx) -> Result<Vec<AssignmentView>> {
        let access = Access::of(ctx)?;
        let Scope::Carrier(org) = access.scope else {
            return Ok(Vec::new());
        };
        let tx = self.db.begin_tenant(access.tenant).await?;
        let rows = tx
            .find::<assignment::Entity>()
            .filter(assignment::Column::OrganisationId.eq(org.uuid()))
            .filter(assignment::Column::Status.eq(AssignmentStatus::Proposed.code()))
            .order_by_asc(assignment::Column::Id)
            .limit(200)
            .all(tx.conn())
            .await?;
        tx.commit().await?;
        rows.iter().map(assignment_view).collect()
    }
}

/// Carrier admins see the case frame (state, carrier, consents, assignments), not the
/// people in it.
pub(crate) fn check_want(access: &Access, want: Want) -> Result<()> {
    let personal = want.members
        || want.residence
        || want.readiness
        || want.counselling
        || want.goals
        || want.aftercare
        || want.coaching;
    if personal && !access.works_cases {
        return Err(Error::Forbidden);
    }
    Ok(())
}

/// One household in the caller's reach, locked for the rest of the transaction
/// (`FOR UPDATE` on PostgreSQL; SQLite transactions hold the write lock already), or
/// `NOT_FOUND`. Every write starts here, so checks made after it — one head, consent
/// still given, case not closed or erased — still hold at commit.
pub(crate) async fn find_household_for_write(
    tx: &TenantTx,
    access: &Access,
    id: Uuid,
) -> Result<household::Model> {
    let mut q = scoped_households(tx, access).filter(household::Column::Id.eq(id));
    q = tx.for_update(q);
    q.one(tx.conn()).await?.ok_or(Error::NotFound {
        entity: "household",
    })
}

/// Households the caller may reach: the tenant's (city) or the carrier's, narrowed to
/// the caller's own cases where their organisation asks for it.
pub(crate) fn scoped_households(
    tx: &TenantTx,
    access: &Access,
) -> sea_orm::Select<household::Entity> {
    let q = tx.find::<household::Entity>();
    let (q, responsible) = match access.scope {
        Scope::City => (q, household::Column::CityCaseworker),
        Scope::Carrier(org) => (
            q.filter(household::Column::CarrierOrg.eq(org.uuid())),
            household::Column::CarrierCaseworker,
        ),
    };
    match access.narrowable {
        Some(org) => q.filter(crate::lookup::own_cases(tx, org, access.user, responsible)),
        None => q,
    }
}

/// One household in the caller's reach, or `NOT_FOUND`.
pub(crate) async fn find_household(
    tx: &TenantTx,
    access: &Access,
    id: Uuid,
) -> Result<household::Model> {
    scoped_households(tx, access)
        .filter(household::Column::Id.eq(id))
        .one(tx.conn())
        .await?
        .ok_or(Error::NotFound {
            entity: "household",
        })
}

fn ids(rows: &[household::Model]) -> Vec<Uuid> {
    rows.iter().map(|h| h.id).collect()
}

fn group<T>(items: Vec<T>, key: impl Fn(&T) -> Uuid) -> HashMap<Uuid, Vec<T>> {
    let mut map: HashMap<Uuid, Vec<T>> = HashMap::new();
    for item in items {
        map.entry(key(&item)).or_default().push(item);
    }
    map
}

/// Loads the wanted parts of `rows` (one statement per part) and audits reveals.
pub(crate) async fn load(
    tx: &TenantTx,
    ctx: &Ctx,
    access: &Access,
    rows: Vec<household::Model>,
    want: Want,
    purpose: Option<crate::types::AccessPurpose>,
) -> Result<Vec<HouseholdView>> {
    let hids = ids(&rows);
    let today = chrono::Utc::now().date_naive();
    let carriers: Vec<OrganisationId> = {
        let mut v: Vec<OrganisationId> = rows
            .iter()
            .filter_map(|h| h.carrier_org.map(OrganisationId::from_uuid))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let orgs = directory::organisations(tx, &carriers).await?;
    let mut members = if want.residence {
        let rows = tx
            .find::<person::Entity>()
            .filter(person::Column::HouseholdId.is_in(hids.clone()))
            .order_by_asc(person::Column::Id)
            .all(tx.conn())
            .await?;
        let views = rows.iter().map(person_view).collect::<Result<Vec<_>>>()?;
        Some(group(views, |p| p.household_id))
    } else if want.members {
        // Without residence data asked for, its columns are not even fetched.
        let rows: Vec<PersonBrief> = tx
            .find::<person::Entity>()
            .filter(person::Column::HouseholdId.is_in(hids.clone()))
            .order_by_asc(person::Column::Id)
            .into_partial_model()
            .all(tx.conn())
            .await?;
        let views = rows
            .into_iter()
            .map(PersonBrief::view)
            .collect::<Result<Vec<_>>>()?;
        Some(group(views, |p| p.household_id))
    } else {
        None
    };
    let mut history = if want.history {
        let rows = tx
            .find::<transition::Entity>()
            .filter(transition::Column::HouseholdId.is_in(hids.clone()))
            .order_by_asc(transition::Column::Id)
            .all(tx.conn())
            .await?;
        Some(group(
            rows.iter()
                .map(transition_view)
                .collect::<Result<Vec<_>>>()?,
            |t| t.household_id,
        ))
    } else {
        None
    };
    let mut assessments = if want.readiness {
        let rows = tx
            .find::<readiness::Entity>()
            .filter(readiness::Column::HouseholdId.is_in(hids.clone()))
            .order_by_desc(readiness::Column::AssessedOn)
            .order_by_desc(readiness::Column::Id)
            .all(tx.conn())
            .await?;
        Some(group(
            rows.iter()
                .map(assessment_view)
                .collect::<Result<Vec<_>>>()?,
            |a| a.household_id,
        ))
    } else {
        None
    };
    let mut consents = if want.consents {
        let rows = tx
            .find::<consent::Entity>()
            .filter(consent::Column::HouseholdId.is_in(hids.clone()))
            .order_by_desc(consent::Column::Id)
            .all(tx.conn())
            .await?;
        Some(group(
            rows.iter().map(consent_view).collect::<Result<Vec<_>>>()?,
            |c| c.household_id,
        ))
    } else {
        None
    };
    let mut assignments = if want.assignments {
        let mut q = tx
            .find::<assignment::Entity>()
            .filter(assignment::Column::HouseholdId.is_in(hids.clone()));
        // A carrier sees its own part of the household's carrier history only.
        if let Scope::Carrier(org) = access.scope {
            q = q.filter(assignment::Column::OrganisationId.eq(org.uuid()));
        }
        let rows = q
            .order_by_desc(assignment::Column::Id)
            .all(tx.conn())
            .await?;
        Some(group(
            rows.iter()
                .map(assignment_view)
                .collect::<Result<Vec<_>>>()?,
            |a| a.household_id,
        ))
    } else {
        None
    };
    let mut sessions = if want.counselling {
        let rows = tx
            .find::<counselling::Entity>()
            .filter(counselling::Column::HouseholdId.is_in(hids.clone()))
            .order_by_desc(counselling::Column::HeldOn)
            .order_by_desc(counselling::Column::Id)
            .all(tx.conn())
            .await?;
        Some(group(
            rows.iter().map(session_view).collect::<Result<Vec<_>>>()?,
            |s| s.household_id,
        ))
    } else {
        None
    };
    let mut goals = if want.goals {
        let goal_rows = tx
            .find::<goal::Entity>()
            .filter(goal::Column::HouseholdId.is_in(hids.clone()))
            .order_by_asc(goal::Column::Id)
            .all(tx.conn())
            .await?;
        let step_rows = tx
            .find::<goal_step::Entity>()
            .filter(goal_step::Column::HouseholdId.is_in(hids.clone()))
            .order_by_asc(goal_step::Column::DueOn)
            .order_by_asc(goal_step::Column::Id)
            .all(tx.conn())
            .await?;
        let mut steps = group(
            step_rows
                .iter()
                .map(|s| step_view(s, today))
                .collect::<Result<Vec<_>>>()?,
            |s| s.goal_id,
        );
        let views = goal_rows
            .into_iter()
            .map(|g| GoalView {
                steps: steps.remove(&g.id).unwrap_or_default(),
                id: g.id,
                household_id: g.household_id,
                title: g.title,
                created_at: g.created_at,
            })
            .collect();
        Some(group(views, |g| g.household_id))
    } else {
        None
    };

    let mut followups = if want.aftercare {
        let rows = tx
            .find::<followup::Entity>()
            .filter(followup::Column::HouseholdId.is_in(hids.clone()))
            .order_by_asc(followup::Column::DueOn)
            .order_by_asc(followup::Column::Id)
            .all(tx.conn())
            .await?;
        Some(group(
            rows.iter()
                .map(|f| followup_view(f, today))
                .collect::<Result<Vec<_>>>()?,
            |f| f.household_id,
        ))
    } else {
        None
    };

    let mut coachings = if want.coaching {
        let rows = tx
            .find::<crate::entity::coaching::Entity>()
            .filter(crate::entity::coaching::Column::HouseholdId.is_in(hids.clone()))
            .order_by_desc(crate::entity::coaching::Column::Id)
            .all(tx.conn())
            .await?;
        Some(group(
            rows.iter()
                .map(crate::coaching::view)
                .collect::<Result<Vec<_>>>()?,
            |c| c.household_id,
        ))
    } else {
        None
    };

    // Audit what this read reveals, one entry per household, in one append.
    let mut revealed: Vec<&'static str> = Vec::new();
    if want.residence {
        revealed.push(RESIDENCE_FIELDS);
    }
    if want.readiness {
        revealed.push("readiness_assessments");
    }
    if want.counselling {
        revealed.push("counselling_sessions");
    }
    if !revealed.is_empty() {
        audit_reveal(tx, ctx, &hids, &revealed, purpose).await?;
    }

    rows.into_iter()
        .map(|h| {
            let id = h.id;
            let mut view = household_view(h, &orgs)?;
            if !access.works_cases {
                // The case frame only: no notes, place or readiness for carrier admins.
                view.notes = None;
                view.accommodation = None;
                view.readiness = None;
                view.readiness_on = None;
                view.needs_step_free = false;
                view.wbs_until = None;
                view.preferred_districts = Vec::new();
                view.languages = Vec::new();
                view.expected_to_join = None;
            }
            view.members = members.as_mut().map(|m| m.remove(&id).unwrap_or_default());
            view.history = history.as_mut().map(|m| m.remove(&id).unwrap_or_default());
            view.assessments = assessments
                .as_mut()
                .map(|m| m.remove(&id).unwrap_or_default());
            view.consents = consents.as_mut().map(|m| m.remove(&id).unwrap_or_default());
            view.assignments = assignments
                .as_mut()
                .map(|m| m.remove(&id).unwrap_or_default());
            view.sessions = sessions.as_mut().map(|m| m.remove(&id).unwrap_or_default());
            view.goals = goals.as_mut().map(|m| m.remove(&id).unwrap_or_default());
            view.followups = followups
                .as_mut()
                .map(|m| m.remove(&id).unwrap_or_default());
            view.coachings = coachings
                .as_mut()
                .map(|m| m.remove(&id).unwrap_or_default());
            if !access.works_cases {
                // The frame keeps the steps and consents, not the free text on them
                // (a reason or note may name people or their circumstances).
                for t in view.history.iter_mut().flatten() {
                    t.reason = String::new();
                }
                for c in view.consents.iter_mut().flatten() {
                    c.note = None;
                }
            }
            Ok(view)
        })
        .collect()
}

/// The caller's own cases: the households naming them as the city caseworker (city
/// staff) or the carrier's caseworker (carrier staff).
pub(crate) fn mine(access: &Access) -> sea_orm::sea_query::SimpleExpr {
    match access.scope {
        Scope::City => household::Column::CityCaseworker.eq(access.user.uuid()),
        Scope::Carrier(_) => household::Column::CarrierCaseworker.eq(access.user.uuid()),
    }
}

/// One audited read per household, naming the `fields` revealed, in one append.
pub(crate) async fn audit_reveal(
    tx: &TenantTx,
    ctx: &Ctx,
    households: &[Uuid],
    fields: &[&'static str],
    purpose: Option<crate::types::AccessPurpose>,
) -> Result<()> {
    if households.is_empty() {
        return Ok(());
    }
    let entries: Vec<AuditEntry<'_>> = households
        .iter()
        .map(|id| AuditEntry {
            entity: "household",
            entity_id: *id,
            action: "read",
            fields,
            purpose: purpose.map(crate::types::AccessPurpose::code),
        })
        .collect();
    audit::append_many(tx, ctx, &entries).await
}

impl Casework {
    /// Applies the filters that look beyond the household row: own cases, the place it
    /// lives in, its members' residence and benefit data, coaching and follow-ups. Each
    /// is a condition (a subquery at most) of the one list statement.
    fn narrow(
        &self,
        tx: &TenantTx,
        access: &Access,
        filter: &HouseholdFilter,
        mut q: sea_orm::Select<household::Entity>,
    ) -> Result<sea_orm::Select<household::Entity>> {
        use sea_orm::sea_query::Query;
        let tenant = tx.tenant().uuid();
        if filter.mine {
            q = q.filter(mine(access));
        }
        if let Some(kind) = &filter.place_kind {
            let mut any = sea_orm::Condition::any();
            let mut answered = false;
            for part in self.parts.iter() {
                if let Some(sub) = part.households_in_place(tx, kind) {
                    any = any.add(household::Column::Id.in_subquery(sub));
                    answered = true;
                }
            }
            if !answered {
                return Err(Error::bad_input(
                    "filter.accommodationKind",
                    "no register answers this filter here",
                ));
            }
            q = q.filter(any);
        }
        let members = |cond: sea_orm::Condition| {
            Query::select()
                .column(person::Column::HouseholdId)
                .from(person::Entity)
                .and_where(person::Column::TenantId.eq(tenant))
                .cond_where(cond)
                .to_owned()
        };
        if let Some(r) = filter.residence {
            q = q.filter(household::Column::Id.in_subquery(members(
                sea_orm::Condition::all().add(person::Column::Residence.eq(r.code())),
            )));
        }
        if let Some(b) = filter.benefit {
            q = q.filter(household::Column::Id.in_subquery(members(
                sea_orm::Condition::all().add(person::Column::Benefit.eq(b.code())),
            )));
        }
        if let Some(d) = filter.permit_expires_before {
            q = q.filter(household::Column::Id.in_subquery(members(
                sea_orm::Condition::all().add(person::Column::PermitExpiresOn.lte(d)),
            )));
        }
        if let Some(d) = filter.benefit_switch_before {
            let today = chrono::Utc::now().date_naive();
            q = q.filter(
                household::Column::Id.in_subquery(members(
                    sea_orm::Condition::all()
                        .add(person::Column::BenefitChangesOn.gte(today))
                        .add(person::Column::BenefitChangesOn.lte(d)),
                )),
            );
        }
        if let Some(c) = filter.in_coaching {
            q = q.filter(household::Column::TenancyCoaching.eq(c));
        }
        if let Some(d) = filter.follow_up_due_before {
            q = q.filter(
                household::Column::Id.in_subquery(
                    Query::select()
                        .column(followup::Column::HouseholdId)
                        .from(followup::Entity)
                        .and_where(followup::Column::TenantId.eq(tenant))
                        .and_where(followup::Column::Outcome.is_null())
                        .and_where(followup::Column::DueOn.lte(d))
                        .to_owned(),
                ),
            );
        }
        Ok(q)
    }
}

pub(crate) fn household_view(
    h: household::Model,
    orgs: &HashMap<OrganisationId, wohnweg_identity::OrganisationRef>,
) -> Result<HouseholdView> {
    Ok(HouseholdView {
        id: h.id,
        reference: h.reference,
        primary_contact: h.primary_contact,
        languages: crate::types::Languages::from_stored(&h.languages),
        notes: h.notes,
        accommodation: h.accommodation,
        state: stored(&h.state, CaseState::from_code)?,
        state_since: h.state_since,
        carrier: h
            .carrier_org
            .and_then(|o| orgs.get(&OrganisationId::from_uuid(o)).cloned()),
        carrier_caseworker: h.carrier_caseworker.map(UserId::from_uuid),
        city_caseworker: h.city_caseworker.map(UserId::from_uuid),
        expected_to_join: h.expected_on.map(|on| crate::model::Joining {
            count: h.expected_members,
            on,
        }),
        readiness: h
            .readiness
            .as_deref()
            .map(|r| stored(r, ReadinessLevel::from_code))
            .transpose()?,
        readiness_on: h.readiness_on,
        size: h.member_count,
        tenancy_coaching: h.tenancy_coaching,
        wbs_until: h.wbs_until,
        needs_step_free: h.needs_step_free,
        preferred_districts: crate::lookup::districts(&h.preferred_districts),
        erased: h.erased_at.is_some(),
        version: h.version,
        created_at: h.created_at,
        members: None,
        history: None,
        assessments: None,
        consents: None,
        assignments: None,
        sessions: None,
        goals: None,
        followups: None,
        coachings: None,
    })
}

/// A member without residence, benefit or nationality: what a page reads when the
/// query does not ask for them.
#[derive(sea_orm::DerivePartialModel)]
#[sea_orm(entity = "person::Entity")]
struct PersonBrief {
    id: Uuid,
    household_id: Uuid,
    given_name: String,
    family_name: String,
    date_of_birth: Option<chrono::NaiveDate>,
    relation: String,
    language_level: String,
    occupation: String,
    version: i32,
}

impl PersonBrief {
    fn view(self) -> Result<PersonView> {
        Ok(PersonView {
            id: self.id,
            household_id: self.household_id,
            relation: stored(&self.relation, Relation::from_code)?,
            language_level: stored(&self.language_level, LanguageLevel::from_code)?,
            occupation: stored(&self.occupation, Occupation::from_code)?,
            given_name: self.given_name,
            family_name: self.family_name,
            date_of_birth: self.date_of_birth,
            residence: None,
            version: self.version,
        })
    }
}

/// A member with residence, benefit and nationality (the caller audits the read).
pub(crate) fn person_view(p: &person::Model) -> Result<PersonView> {
    Ok(PersonView {
        id: p.id,
        household_id: p.household_id,
        given_name: p.given_name.clone(),
        family_name: p.family_name.clone(),
        date_of_birth: p.date_of_birth,
        relation: stored(&p.relation, Relation::from_code)?,
        language_level: stored(&p.language_level, LanguageLevel::from_code)?,
        occupation: stored(&p.occupation, Occupation::from_code)?,
        residence: Some(Residence {
            nationality: p.nationality.clone(),
            status: stored(&p.residence, ResidenceStatus::from_code)?,
            permit_expires_on: p.permit_expires_on,
            benefit: stored(&p.benefit, BenefitFramework::from_code)?,
            benefit_changes_on: p.benefit_changes_on,
        }),
        version: p.version,
    })
}

fn transition_view(t: &transition::Model) -> Result<TransitionView> {
    Ok(TransitionView {
        id: t.id,
        household_id: t.household_id,
        from: t
            .from_state
            .as_deref()
            .map(|s| stored(s, CaseState::from_code))
            .transpose()?,
        to: stored(&t.to_state, CaseState::from_code)?,
        reason: t.reason.clone(),
        effective_on: t.effective_on,
        at: t.at,
        actor: UserId::from_uuid(t.actor),
    })
}

pub(crate) fn assessment_view(a: &readiness::Model) -> Result<AssessmentView> {
    Ok(AssessmentView {
        id: a.id,
        household_id: a.household_id,
        assessor: UserId::from_uuid(a.assessor),
        input: AssessmentData {
            assessed_on: a.assessed_on,
            rent_payment: stored(&a.rent_payment, Rating::from_code)?,
            household_management: stored(&a.household_management, Rating::from_code)?,
            neighbourhood: stored(&a.neighbourhood, Rating::from_code)?,
            tenancy_language: stored(&a.tenancy_language, Rating::from_code)?,
            id_document: a.id_document,
            income_proof: a.income_proof,
            schufa: a.schufa,
            overall: stored(&a.overall, ReadinessLevel::from_code)?,
            notes: a.notes.clone(),
        },
    })
}

pub(crate) fn consent_view(c: &consent::Model) -> Result<ConsentView> {
    Ok(ConsentView {
        id: c.id,
        household_id: c.household_id,
        scope: stored(&c.scope, ConsentScope::from_code)?,
        given_on: c.given_on,
        withdrawn_on: c.withdrawn_on,
        note: c.note.clone(),
        version: c.version,
    })
}

pub(crate) fn assignment_view(a: &assignment::Model) -> Result<AssignmentView> {
    Ok(AssignmentView {
        id: a.id,
        household_id: a.household_id,
        organisation: OrganisationId::from_uuid(a.organisation_id),
        caseworker: a.caseworker_id.map(UserId::from_uuid),
        status: stored(&a.status, AssignmentStatus::from_code)?,
        reason: a.reason.clone(),
        decision_reason: a.decision_reason.clone(),
        proposed_at: a.proposed_at,
        decided_at: a.decided_at,
        ended_at: a.ended_at,
        reject_code: a
            .reject_code
            .as_deref()
            .map(|c| stored(c, crate::types::TransferRejection::from_code))
            .transpose()?,
        rejected_by: a
            .rejected_by
            .as_deref()
            .map(|c| stored(c, crate::types::DecisionActor::from_code))
            .transpose()?,
        version: a.version,
    })
}

pub(crate) fn session_view(s: &counselling::Model) -> Result<SessionView> {
    Ok(SessionView {
        id: s.id,
        household_id: s.household_id,
        held_on: s.held_on,
        participants: s.participants.clone(),
        topics: load_codes(&s.topics, Topic::from_code)?,
        barriers: load_codes(&s.barriers, Barrier::from_code)?,
        notes: s.notes.clone(),
        next_steps: s.next_steps.clone(),
        recorded_by: UserId::from_uuid(s.recorded_by),
    })
}

pub(crate) fn step_view(s: &goal_step::Model, today: chrono::NaiveDate) -> Result<StepView> {
    Ok(StepView {
        id: s.id,
        goal_id: s.goal_id,
        description: s.description.clone(),
        owner: stored(&s.owner, StepOwner::from_code)?,
        due_on: s.due_on,
        done_on: s.done_on,
        overdue: s.done_on.is_none() && s.due_on < today,
        version: s.version,
    })
}

pub(crate) fn followup_view(
    f: &followup::Model,
    today: chrono::NaiveDate,
) -> Result<crate::model::FollowUpView> {
    Ok(crate::model::FollowUpView {
        id: f.id,
        household_id: f.household_id,
        months: f.months,
        due_on: f.due_on,
        outcome: f
            .outcome
            .as_deref()
            .map(|o| stored(o, crate::types::FollowUpOutcome::from_code))
            .transpose()?,
        risk: f
            .risk
            .as_deref()
            .map(|r| stored(r, crate::types::TenancyRisk::from_code))
            .transpose()?,
        notes: f.notes.clone(),
        recorded_on: f.recorded_on,
        overdue: f.outcome.is_none() && f.due_on < today,
        version: f.version,
    })
}

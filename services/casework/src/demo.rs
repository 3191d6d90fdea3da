//! Demo only: a city's past — households that came in over the last eighteen months
//! and went their way (ready, searching, moved out into a home of their own, back to a
//! shelter for some, closed) — so that reports, the city's dashboard and the cross-city
//! comparison have something to count. The households are invented (`V-…`
//! references, placeholder names); each is written like an import, in one tenant
//! transaction with one audit entry per household. Never called outside the demo
//! seed.

use chrono::{Days, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use uuid::Uuid;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Result};

use crate::Casework;
use crate::entity::{household, person, readiness, transition};
use crate::types::CaseState;

/// How a city's past looks.
#[derive(Clone, Copy, Debug)]
pub struct PastSpec {
    /// Households.
    pub households: u32,
    /// Days from intake to readiness and from readiness to the move scale with this
    /// (per cent; 100 is the demo's middle).
    pub pace: u32,
    /// Varies the households between cities.
    pub seed: u32,
}

/// A past household that moved out: when, and whether (and when) it came back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PastMove {
    /// The household.
    pub household: Uuid,
    /// Moved into its own home on.
    pub moved_on: NaiveDate,
    /// Took over the lease of its city-rented flat (else found one itself).
    pub lease_takeover: bool,
    /// Returned to a shelter on.
    pub returned_on: Option<NaiveDate>,
}

fn day(from: NaiveDate, days: u32) -> NaiveDate {
    from.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(from)
}

impl Casework {
    /// Writes `spec.households` past households for the caller's city (the caller's
    /// user is the caseworker of record) and returns those that moved out, for housing
    /// to record the moves. Skips a city that has a `V-` household already.
    ///
    /// # Errors
    /// A database error.
    pub async fn demo_past(
        &self,
        ctx: &Ctx,
        spec: PastSpec,
        today: NaiveDate,
    ) -> Result<Vec<PastMove>> {
        let tenant = ctx.tenant()?;
        let user = ctx.principal().user_id.uuid();
        let tx = self.db.begin_tenant(tenant).await?;
        {
            use sea_orm::{ColumnTrait, QueryFilter};
            if tx
                .find::<household::Entity>()
                .filter(household::Column::Reference.starts_with("V-"))
                .one(tx.conn())
                .await?
                .is_some()
            {
                return Ok(Vec::new());
            }
        }
        let now = Utc::now();
        let at = |d: NaiveDate, hour: u32| {
            d.and_hms_opt(hour, 0, 0)
                .map_or(now, |t| t.and_utc())
                .min(now)
        };
        let (mut households, mut persons, mut steps, mut ready) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut moves = Vec::new();
        for i in 0..spec.households {
            let n = i
                .wrapping_mul(2_654_435_761)
                .wrapping_add(spec.seed.wrapping_mul(40_503));
            let registered = today
                .checked_sub_days(Days::new(u64::from(20 + n % 540)))
                .unwrap_or(today);
            let id = Uuid::now_v7();
            let members = 1 + (n >> 7) % 5;
            let mut path: Vec<(CaseState, NaiveDate, &'static str)> = vec![
                (CaseState::Intake, registered, "Aufnahme"),
                (
                    CaseState::Active,
                    day(registered, 7 + n % 15),
                    "Fallbearbeitung begonnen",
                ),
            ];
            let ready_on = day(registered, (30 + (n >> 3) % 90) * spec.pace / 100);
            let searching = day(ready_on, 3);
            let moved_on = day(searching, (20 + (n >> 11) % 120) * spec.pace / 100);
            if ready_on < today {
                ready.push((id, ready_on));
            }
            if searching < today {
                path.push((CaseState::Searching, searching, "Wohnfähig: Suche beginnt"));
            }
            let moves_out = (n >> 5) % 10 < 6 && moved_on < today;
            if moves_out {
                path.push((CaseState::MovedOut, moved_on, "Eigene Wohnung"));
                path.push((CaseState::Aftercare, moved_on, "Nachbetreuung beginnt"));
                let back = ((n >> 9) % 12 == 0)
                    .then(|| day(moved_on, 40 + (n >> 13) % 250))
                    .filter(|d| *d < today);
                if let Some(b) = back {
                    path.push((CaseState::Active, b, "Rückkehr in eine Unterkunft"));
                    let closed = day(b, 90);
                    if closed < today {
                        path.push((CaseState::Closed, closed, "Abgeschlossen"));
                    }
                } else if day(moved_on, 365) < today {
                    path.push((
                        CaseState::Closed,
                        day(moved_on, 365),
                        "Nachbetreuung beendet",
                    ));
                }
                moves.push(PastMove {
                    household: id,
                    moved_on,
                    lease_takeover: (n >> 17) % 10 < 3,
                    returned_on: back,
                });
            } else if day(registered, 240) < today && (n >> 5) % 10 < 8 {
                path.push((CaseState::Closed, day(registered, 240), "Weggezogen"));
            }
            let (last, since, _) = *path.last().unwrap_or(&(CaseState::Intake, registered, ""));
            households.push(household::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(id),
                reference: Set(format!("V-{:04}", i + 1)),
                primary_contact: Set(None),
                languages: Set(["ar", "fa", "ti", "uk", "tr"][(n % 5) as usize].to_owned()),
                notes: Set(None),
                accommodation: Set(None),
                state: Set(last.code().to_owned()),
                state_since: Set(since),
                carrier_org: Set(None),
                carrier_caseworker: Set(None),
                readiness: Set(ready_on.le(&today).then(|| "ready".to_owned())),
                readiness_on: Set(ready_on.le(&today).then_some(ready_on)),
                member_count: Set(i32::try_from(members).unwrap_or(1)),
                search_text: Set({
                    // As `households::search_text` keys a household: reference, names.
                    let mut key = crate::types::fold(&format!("V-{:04}", i + 1));
                    for k in 0..members {
                        key.push_str(&format!(" person {} verlauf {:04}", k + 1, i + 1));
                    }
                    key
                }),
                version: Set(1),
                created_at: Set(at(registered, 9)),
                updated_at: Set(now),
                erased_at: Set(None),
                tenancy_coaching: Set(false),
                wbs_until: Set(None),
                needs_step_free: Set(false),
                preferred_districts: Set(String::new()),
                city_caseworker: Set(Some(user)),
                expected_members: Set(0),
                expected_on: Set(None),
            });
            for k in 0..members {
                persons.push(person::ActiveModel {
                    tenant_id: Set(Uuid::nil()),
                    id: Set(Uuid::now_v7()),
                    household_id: Set(id),
                    given_name: Set(format!("Person {}", k + 1)),
                    family_name: Set(format!("Verlauf {:04}", i + 1)),
                    date_of_birth: Set(None),
                    relation: Set(if k == 0 { "head" } else { "child" }.to_owned()),
                    nationality: Set(None),
                    residence: Set("recognised_refugee".to_owned()),
                    permit_expires_on: Set(None),
                    benefit: Set("sgb2".to_owned()),
                    benefit_changes_on: Set(None),
                    language_level: Set("B1".to_owned()),
                    occupation: Set(if k == 0 { "employed" } else { "school" }.to_owned()),
                    version: Set(1),
                    created_at: Set(at(registered, 9)),
                });
            }
            let mut from: Option<CaseState> = None;
            for (hour, (to, on, reason)) in (9..).zip(path) {
                steps.push(transition::ActiveModel {
                    tenant_id: Set(Uuid::nil()),
                    id: Set(Uuid::now_v7()),
                    household_id: Set(id),
                    from_state: Set(from.map(|s| s.code().to_owned())),
                    to_state: Set(to.code().to_owned()),
                    reason: Set(reason.to_owned()),
                    effective_on: Set(on),
                    at: Set(at(on, hour.min(20))),
                    actor: Set(user),
                });
                from = Some(to);
            }
        }
        let assessments: Vec<readiness::ActiveModel> = ready
            .iter()
            .map(|(h, on)| readiness::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_id: Set(*h),
                assessed_on: Set(*on),
                assessor: Set(user),
                rent_payment: Set("met".to_owned()),
                household_management: Set("met".to_owned()),
                neighbourhood: Set("met".to_owned()),
                tenancy_language: Set("met".to_owned()),
                id_document: Set(true),
                income_proof: Set(true),
                schufa: Set(true),
                overall: Set("ready".to_owned()),
                notes: Set(None),
                created_at: Set(at(*on, 12)),
            })
            .collect();
        let ids: Vec<Uuid> = households
            .iter()
            .filter_map(|h| match &h.id {
                Set(id) => Some(*id),
                _ => None,
            })
            .collect();
        for chunk in households.chunks(200) {
            household::Entity::secure_insert_many(&tx, chunk.to_vec()).await?;
        }
        for chunk in persons.chunks(500) {
            person::Entity::secure_insert_many(&tx, chunk.to_vec()).await?;
        }
        for chunk in steps.chunks(1000) {
            transition::Entity::secure_insert_many(&tx, chunk.to_vec()).await?;
        }
        for chunk in assessments.chunks(500) {
            readiness::Entity::secure_insert_many(&tx, chunk.to_vec()).await?;
        }
        let entries: Vec<AuditEntry<'_>> = ids
            .iter()
            .map(|id| AuditEntry::new("household", *id, "import", &["history", "members"]))
            .collect();
        audit::append_many(&tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(moves)
    }
}

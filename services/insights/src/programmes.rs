//! State programmes (e.g. NRW's *Kommunales Integrationsmanagement*): the cities each
//! covers and the officers who belong to it. The platform operator sets them up; a
//! city sees the programmes covering it (to choose what it shares with each); an
//! officer sees its own.

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, QueryFilter, TransactionTrait};
use uuid::Uuid;
use wohnweg_casework::types::Text;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::ReferenceTable;
use wohnweg_kernel::{Ctx, Error, Result, TenantId, UserId};

use crate::Insights;
use crate::access::{Viewer, operator};
use crate::entity::{officer, programme, programme_city};

/// A state programme with its cities' names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateProgramme {
    /// Id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// The cities it covers, by name.
    pub cities: Vec<String>,
}

/// The programmes covering `city` (one statement).
pub(crate) async fn covering<C: sea_orm::ConnectionTrait>(
    conn: &C,
    city: TenantId,
) -> Result<Vec<Uuid>> {
    Ok(programme_city::Entity::global_find()
        .filter(programme_city::Column::CityId.eq(city.uuid()))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.programme_id)
        .collect())
}

/// The programme `user` is an officer of (one statement).
pub(crate) async fn of_officer<C: sea_orm::ConnectionTrait>(
    conn: &C,
    user: UserId,
) -> Result<Option<Uuid>> {
    Ok(officer::Entity::global_find()
        .filter(officer::Column::UserId.eq(user.uuid()))
        .one(conn)
        .await?
        .map(|o| o.programme_id))
}

/// A state officer and the programme it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Officer {
    /// The user.
    pub user: UserId,
    /// Name.
    pub name: String,
    /// Its programme's name, if it belongs to one.
    pub programme: Option<String>,
}

impl Insights {
    /// Every active state officer with its programme, by name (operator; three
    /// statements).
    ///
    /// # Errors
    /// `FORBIDDEN` for anyone else.
    pub async fn state_officers(&self, ctx: &Ctx) -> Result<Vec<Officer>> {
        operator(ctx)?;
        let conn = self.db.raw();
        let people = wohnweg_identity::directory::state_officers(conn).await?;
        let of: std::collections::HashMap<Uuid, Uuid> = officer::Entity::global_find()
            .all(conn)
            .await?
            .into_iter()
            .map(|o| (o.user_id, o.programme_id))
            .collect();
        let names: std::collections::HashMap<Uuid, String> = programme::Entity::global_find()
            .all(conn)
            .await?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        let mut out: Vec<Officer> = people
            .into_iter()
            .map(|(user, name)| Officer {
                programme: of.get(&user.uuid()).and_then(|p| names.get(p).cloned()),
                user,
                name,
            })
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// The state programmes the caller may see: all (operator), its own (officer),
    /// those covering the city (city staff). Three statements (four for officers and
    /// city staff: which programmes first).
    ///
    /// # Errors
    /// `FORBIDDEN` for anyone else.
    pub async fn state_programmes(&self, ctx: &Ctx) -> Result<Vec<StateProgramme>> {
        let conn = self.db.raw();
        let ids: Option<Vec<Uuid>> = if operator(ctx).is_ok() {
            None
        } else {
            match Viewer::of(ctx)? {
                Viewer::Officer(user) => Some(of_officer(conn, user).await?.into_iter().collect()),
                Viewer::City { tenant, .. } => Some(covering(conn, tenant).await?),
            }
        };
        let mut q = programme::Entity::global_find();
        if let Some(ids) = &ids {
            q = q.filter(programme::Column::Id.is_in(ids.iter().copied()));
        }
        let rows = q.all(conn).await?;
        let members = programme_city::Entity::global_find()
            .filter(programme_city::Column::ProgrammeId.is_in(rows.iter().map(|p| p.id)))
            .all(conn)
            .await?;
        let names: std::collections::HashMap<Uuid, String> =
            wohnweg_identity::directory::cities(conn)
                .await?
                .into_iter()
                .map(|(id, _, name)| (id, name))
                .collect();
        let mut out: Vec<StateProgramme> = rows
            .into_iter()
            .map(|p| {
                let mut cities: Vec<String> = members
                    .iter()
                    .filter(|m| m.programme_id == p.id)
                    .filter_map(|m| names.get(&m.city_id).cloned())
                    .collect();
                cities.sort();
                StateProgramme {
                    id: p.id,
                    name: p.name,
                    cities,
                }
            })
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// Sets up a state programme covering the cities with the slugs `cities`
    /// (operator).
    ///
    /// # Errors
    /// `FORBIDDEN` for anyone else; `BAD_USER_INPUT` (`cities`) naming an unknown
    /// city or none.
    pub async fn create_state_programme(
        &self,
        ctx: &Ctx,
        name: Text,
        cities: &[String],
    ) -> Result<StateProgramme> {
        operator(ctx)?;
        if cities.is_empty() {
            return Err(Error::bad_input("cities", "name at least one city"));
        }
        let txn = self.db.raw().begin().await?;
        let known: std::collections::HashMap<String, Uuid> =
            wohnweg_identity::directory::cities(&txn)
                .await?
                .into_iter()
                .map(|(id, slug, _)| (slug, id))
                .collect();
        let mut members: Vec<Uuid> = cities
            .iter()
            .map(|slug| {
                known
                    .get(slug.trim())
                    .copied()
                    .ok_or_else(|| Error::bad_input("cities", "no such city"))
            })
            .collect::<Result<_>>()?;
        members.sort();
        members.dedup();
        let id = Uuid::now_v7();
        programme::Entity::global_insert(
            &txn,
            programme::ActiveModel {
                id: Set(id),
                name: Set(name.into_string()),
                created_at: Set(Utc::now()),
            },
        )
        .await?;
        for c in members {
            programme_city::Entity::global_insert(
                &txn,
                programme_city::ActiveModel {
                    programme_id: Set(id),
                    city_id: Set(c),
                },
            )
            .await?;
        }
        audit::append_platform(
            &txn,
            ctx,
            &AuditEntry::new("state_programme", id, "create", &["name", "cities"]),
        )
        .await?;
        txn.commit().await?;
        self.state_programmes(ctx)
            .await?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or(Error::NotFound {
                entity: "state programme",
            })
    }

    /// Makes `user` (a state officer) an officer of `programme` (operator); an officer
    /// belongs to one programme.
    ///
    /// # Errors
    /// `FORBIDDEN` for anyone else; `NOT_FOUND` for an unknown programme;
    /// `BAD_USER_INPUT` (`userId`) for anyone but an active state officer; `CONFLICT`
    /// when the officer belongs to a programme already.
    pub async fn assign_state_officer(
        &self,
        ctx: &Ctx,
        programme_id: Uuid,
        user: UserId,
    ) -> Result<()> {
        operator(ctx)?;
        let txn = self.db.raw().begin().await?;
        programme::Entity::global_find()
            .filter(programme::Column::Id.eq(programme_id))
            .one(&txn)
            .await?
            .ok_or(Error::NotFound {
                entity: "state programme",
            })?;
        if !wohnweg_identity::directory::is_state_officer(&txn, user).await? {
            return Err(Error::bad_input("userId", "is not an active state officer"));
        }
        if of_officer(&txn, user).await?.is_some() {
            return Err(Error::Conflict {
                message: "this officer belongs to a programme already".into(),
            });
        }
        officer::Entity::global_insert(
            &txn,
            officer::ActiveModel {
                programme_id: Set(programme_id),
                user_id: Set(user.uuid()),
            },
        )
        .await?;
        audit::append_platform(
            &txn,
            ctx,
            &AuditEntry::new("state_programme", programme_id, "add_officer", &["user"]),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}

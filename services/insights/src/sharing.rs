//! What a city shares: per measure, with its peer cities and with each state
//! programme covering it. Nothing is shared until the city's coordinator opts in.

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::ReferenceTable;
use wohnweg_kernel::{Ctx, Error, Result};

use crate::Insights;
use crate::access::Viewer;
use crate::entity::{programme, share};
use crate::measures::{MEASURES, Measure, measure};
use crate::programmes::covering;

/// Who a measure is shared with.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Other cities that share the same measure with their peers.
    Peers,
    /// A state programme covering the city.
    Programme(Uuid),
}

impl Audience {
    /// As stored.
    #[must_use]
    pub fn code(&self) -> String {
        match self {
            Self::Peers => "peers".to_owned(),
            Self::Programme(id) => id.to_string(),
        }
    }
}

/// One measure and with whom the city shares it.
#[derive(Clone, Debug)]
pub struct SharedMeasure {
    /// The measure.
    pub measure: &'static Measure,
    /// Shared with peer cities.
    pub peers: bool,
    /// Per state programme covering the city: id, name, shared.
    pub programmes: Vec<(Uuid, String, bool)>,
}

/// The `(city, measure)` pairs shared with `audience` (one statement).
pub(crate) async fn shared_with<C: sea_orm::ConnectionTrait>(
    conn: &C,
    audience: &Audience,
) -> Result<Vec<(Uuid, String)>> {
    Ok(share::Entity::global_find()
        .filter(share::Column::Audience.eq(audience.code()))
        .filter(share::Column::Shared.eq(true))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.city_id, s.measure))
        .collect())
}

impl Insights {
    /// What the caller's city shares, per measure (city staff; three statements).
    ///
    /// # Errors
    /// `FORBIDDEN` for state officers, carriers and operators.
    pub async fn sharing(&self, ctx: &Ctx) -> Result<Vec<SharedMeasure>> {
        let Viewer::City { tenant, .. } = Viewer::of(ctx)? else {
            return Err(Error::Forbidden);
        };
        let conn = self.db.raw();
        let ids = covering(conn, tenant).await?;
        let mut programmes: Vec<(Uuid, String)> = programme::Entity::global_find()
            .filter(programme::Column::Id.is_in(ids))
            .all(conn)
            .await?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        programmes.sort_by(|a, b| a.1.cmp(&b.1));
        let on: std::collections::HashSet<(String, String)> = share::Entity::global_find()
            .filter(share::Column::CityId.eq(tenant.uuid()))
            .filter(share::Column::Shared.eq(true))
            .all(conn)
            .await?
            .into_iter()
            .map(|s| (s.measure, s.audience))
            .collect();
        Ok(MEASURES
            .iter()
            .map(|m| SharedMeasure {
                measure: m,
                peers: on.contains(&(m.code.to_owned(), Audience::Peers.code())),
                programmes: programmes
                    .iter()
                    .map(|(id, name)| {
                        let shared = on.contains(&(m.code.to_owned(), id.to_string()));
                        (*id, name.clone(), shared)
                    })
                    .collect(),
            })
            .collect())
    }

    /// Shares `measure` with `audience`, or stops sharing it (the city's
    /// coordinator). A programme not covering the city looks missing.
    ///
    /// # Errors
    /// `FORBIDDEN` for anyone but a city coordinator; `BAD_USER_INPUT` (`measure`)
    /// for an unknown measure; `NOT_FOUND` for a programme not covering the city.
    pub async fn set_sharing(
        &self,
        ctx: &Ctx,
        measure_code: &str,
        audience: Audience,
        shared: bool,
    ) -> Result<SharedMeasure> {
        let Viewer::City {
            tenant,
            user,
            coordinator: true,
        } = Viewer::of(ctx)?
        else {
            return Err(Error::Forbidden);
        };
        let m =
            measure(measure_code).ok_or_else(|| Error::bad_input("measure", "no such measure"))?;
        let tx = self.db.begin_tenant(tenant).await?;
        if let Audience::Programme(id) = audience
            && !covering(tx.conn(), tenant).await?.contains(&id)
        {
            return Err(Error::NotFound {
                entity: "state programme",
            });
        }
        #[allow(clippy::disallowed_methods)] // a reference table: scoped by city_id here
        share::Entity::insert(share::ActiveModel {
            city_id: Set(tenant.uuid()),
            measure: Set(m.code.to_owned()),
            audience: Set(audience.code()),
            shared: Set(shared),
            changed_by: Set(user.uuid()),
            changed_at: Set(Utc::now()),
        })
        .on_conflict(
            OnConflict::columns([
                share::Column::CityId,
                share::Column::Measure,
                share::Column::Audience,
            ])
            .update_columns([
                share::Column::Shared,
                share::Column::ChangedBy,
                share::Column::ChangedAt,
            ])
            .to_owned(),
        )
        .exec(tx.conn())
        .await?;
        let id = match audience {
            Audience::Peers => Uuid::nil(),
            Audience::Programme(id) => id,
        };
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "insight_share",
                id,
                if shared { "share" } else { "unshare" },
                &["measure", "audience"],
            ),
        )
        .await?;
        tx.commit().await?;
        self.sharing(ctx)
            .await?
            .into_iter()
            .find(|s| s.measure.code == m.code)
            .ok_or(Error::NotFound { entity: "measure" })
    }
}

/// Whether `city` shares `measure` with `audience` in `pairs`.
pub(crate) fn shares(pairs: &[(Uuid, String)], city: Uuid, measure: &str) -> bool {
    pairs.iter().any(|(c, m)| *c == city && m == measure)
}

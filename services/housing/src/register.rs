//! The accommodation register and occupancy: which household lives where since when.
//! A household has at most one open occupancy (a unique index backs the check), and an
//! accommodation's capacity is never exceeded silently: a move-in beyond it needs an
//! explicit reason, which is stored.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;
use wohnweg_casework::lookup;
use wohnweg_casework::types::{CaseState, Text, date_in_range};
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::page::{Page, PageRequest};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Result, TenantTx};

use crate::Housing;
use crate::access::Access;
use crate::entity::{accommodation, occupancy};
use crate::types::AccommodationKind;

/// A new accommodation.
#[derive(Clone, Debug)]
pub struct NewAccommodation {
    /// Name, unique in the city.
    pub name: Text,
    /// Kind.
    pub kind: AccommodationKind,
    /// Street and number.
    pub street: Text,
    /// Postal code.
    pub postal_code: String,
    /// District (*Stadtteil*).
    pub district: Text,
    /// Places.
    pub capacity: i32,
}

/// Changes to an accommodation; `None` keeps the value.
#[derive(Clone, Debug, Default)]
pub struct AccommodationPatch {
    /// Name.
    pub name: Option<Text>,
    /// Places.
    pub capacity: Option<i32>,
    /// Still in use.
    pub active: Option<bool>,
}

/// An accommodation with its occupancy.
#[derive(Clone, Debug)]
pub struct AccommodationView {
    /// Id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: AccommodationKind,
    /// Street.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// District.
    pub district: String,
    /// Places.
    pub capacity: i32,
    /// Places taken by the households living there.
    pub occupied: i32,
    /// In use.
    pub active: bool,
    /// Version.
    pub version: i32,
}

/// Filters of the accommodation list.
#[derive(Clone, Debug, Default)]
pub struct AccommodationFilter {
    /// District.
    pub district: Option<String>,
    /// Kind.
    pub kind: Option<AccommodationKind>,
    /// Only those with free places.
    pub with_free_places: bool,
}

/// An occupancy.
#[derive(Clone, Debug)]
pub struct OccupancyView {
    /// Id.
    pub id: Uuid,
    /// Accommodation.
    pub accommodation_id: Uuid,
    /// Household.
    pub household_id: Uuid,
    /// Places taken.
    pub places: i32,
    /// Since.
    pub since: NaiveDate,
    /// Until (open while living there).
    pub until: Option<NaiveDate>,
    /// Why capacity was exceeded, if it was.
    pub over_capacity_reason: Option<String>,
}

/// Occupancy of one district.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DistrictOccupancy {
    /// District.
    pub district: String,
    /// Accommodations in use.
    pub accommodations: i32,
    /// Places.
    pub capacity: i32,
    /// Places taken.
    pub occupied: i32,
}

/// Where a household lives now.
#[derive(Clone, Debug)]
pub struct CurrentPlace {
    /// The accommodation.
    pub accommodation: AccommodationView,
    /// Since.
    pub since: NaiveDate,
}

fn kind(code: &str) -> Result<AccommodationKind> {
    AccommodationKind::from_code(code)
        .ok_or_else(|| Error::internal(std::io::Error::other("unknown accommodation kind")))
}

fn view(a: accommodation::Model, occupied: i32) -> Result<AccommodationView> {
    Ok(AccommodationView {
        kind: kind(&a.kind)?,
        id: a.id,
        name: a.name,
        street: a.street,
        postal_code: a.postal_code,
        district: a.district,
        capacity: a.capacity,
        occupied,
        active: a.active,
        version: a.version,
    })
}

fn occupancy_view(o: &occupancy::Model) -> OccupancyView {
    OccupancyView {
        id: o.id,
        accommodation_id: o.accommodation_id,
        household_id: o.household_id,
        places: o.places,
        since: o.since,
        until: o.until_on,
        over_capacity_reason: o.over_capacity_reason.clone(),
    }
}

/// Places taken per accommodation among `ids` (one statement).
async fn occupied(tx: &TenantTx, ids: &[Uuid]) -> Result<HashMap<Uuid, i32>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(Uuid, Option<i64>)> = tx
        .find::<occupancy::Entity>()
        .select_only()
        .column(occupancy::Column::AccommodationId)
        .column_as(occupancy::Column::Places.sum(), "taken")
        .filter(occupancy::Column::AccommodationId.is_in(ids.iter().copied()))
        .filter(occupancy::Column::UntilOn.is_null())
        .group_by(occupancy::Column::AccommodationId)
        .into_tuple()
        .all(tx.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, n)| (id, i32::try_from(n.unwrap_or(0)).unwrap_or(i32::MAX)))
        .collect())
}

fn check_capacity(capacity: i32) -> Result<i32> {
    if (1..=2000).contains(&capacity) {
        Ok(capacity)
    } else {
        Err(Error::bad_input("input.capacity", "must be 1–2000 places"))
    }
}

async fn find(tx: &TenantTx, id: Uuid, lock: bool) -> Result<accommodation::Model> {
    let mut q = tx
        .find::<accommodation::Entity>()
        .filter(accommodation::Column::Id.eq(id));
    if lock {
        q = tx.for_update(q);
    }
    q.one(tx.conn()).await?.ok_or(Error::NotFound {
        entity: "accommodation",
    })
}

fn not_future(field: &'static str, d: NaiveDate) -> Result<NaiveDate> {
    date_in_range(field, d, Utc::now().date_naive(), 0)
}

impl Housing {
    /// A page of the city's accommodations with their occupancy.
    pub async fn accommodations(
        &self,
        ctx: &Ctx,
        filter: &AccommodationFilter,
        page: PageRequest,
    ) -> Result<Page<AccommodationView>> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let mut q = tx
            .find::<accommodation::Entity>()
            .order_by_asc(accommodation::Column::Id);
        if let Some(d) = &filter.district {
            q = q.filter(accommodation::Column::District.eq(d.trim()));
        }
        if let Some(k) = filter.kind {
            q = q.filter(accommodation::Column::Kind.eq(k.code()));
        }
        if filter.with_free_places {
            q = q.filter(accommodation::Column::Active.eq(true)).filter(
                Expr::col(accommodation::Column::Capacity).gt(Expr::cust(
                    "(SELECT COALESCE(SUM(o.places), 0) FROM occupancies o \
                      WHERE o.tenant_id = accommodations.tenant_id \
                        AND o.accommodation_id = accommodations.id AND o.until_on IS NULL)",
                )),
            );
        }
        let total = page.total(&q, tx.conn()).await?;
        if let Some(after) = page.after {
            q = q.filter(accommodation::Column::Id.gt(after));
        }
        let rows = q.limit(page.first + 1).all(tx.conn()).await?;
        let page_rows = Page::from_overfetch(rows, page);
        let ids: Vec<Uuid> = page_rows.items.iter().map(|a| a.id).collect();
        let taken = occupied(&tx, &ids).await?;
        tx.commit().await?;
        Ok(Page {
            items: page_rows
                .items
                .into_iter()
                .map(|a| {
                    let n = taken.get(&a.id).copied().unwrap_or(0);
                    view(a, n)
                })
                .collect::<Result<_>>()?,
            has_next: page_rows.has_next,
            total,
        })
    }

    /// One accommodation with the households living there now.
    pub async fn accommodation(
        &self,
        ctx: &Ctx,
        id: Uuid,
    ) -> Result<(AccommodationView, Vec<OccupancyView>)> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let a = find(&tx, id, false).await?;
        let residents = tx
            .find::<occupancy::Entity>()
            .filter(occupancy::Column::AccommodationId.eq(id))
            .filter(occupancy::Column::UntilOn.is_null())
            .order_by_asc(occupancy::Column::Since)
            .all(tx.conn())
            .await?;
        tx.commit().await?;
        let taken = residents.iter().map(|o| o.places).sum();
        Ok((
            view(a, taken)?,
            residents.iter().map(occupancy_view).collect(),
        ))
    }

    /// Places and occupancy per district, for the whole city.
    pub async fn occupancy_by_district(&self, ctx: &Ctx) -> Result<Vec<DistrictOccupancy>> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let all = tx
            .find::<accommodation::Entity>()
            .filter(accommodation::Column::Active.eq(true))
            .all(tx.conn())
            .await?;
        let ids: Vec<Uuid> = all.iter().map(|a| a.id).collect();
        let taken = occupied(&tx, &ids).await?;
        tx.commit().await?;
        let mut by: std::collections::BTreeMap<String, DistrictOccupancy> =
            std::collections::BTreeMap::new();
        for a in all {
            let d = by
                .entry(a.district.clone())
                .or_insert_with(|| DistrictOccupancy {
                    district: a.district.clone(),
                    accommodations: 0,
                    capacity: 0,
                    occupied: 0,
                });
            d.accommodations += 1;
            d.capacity += a.capacity;
            d.occupied += taken.get(&a.id).copied().unwrap_or(0);
        }
        Ok(by.into_values().collect())
    }

    /// Registers an accommodation.
    pub async fn create_accommodation(
        &self,
        ctx: &Ctx,
        new: NewAccommodation,
    ) -> Result<AccommodationView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        check_capacity(new.capacity)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let clash = tx
            .find::<accommodation::Entity>()
            .filter(accommodation::Column::Name.eq(new.name.as_str()))
            .one(tx.conn())
            .await?;
        if clash.is_some() {
            return Err(Error::Conflict {
                message: "an accommodation with this name exists".into(),
            });
        }
        let row = accommodation::Entity::secure_insert(
            &tx,
            accommodation::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                name: Set(new.name.into_string()),
                kind: Set(new.kind.code().to_owned()),
                street: Set(new.street.into_string()),
                postal_code: Set(new.postal_code),
                district: Set(new.district.into_string()),
                capacity: Set(new.capacity),
                active: Set(true),
                version: Set(1),
                created_at: Set(Utc::now()),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "accommodation",
                row.id,
                "create",
                &[
                    "name",
                    "kind",
                    "street",
                    "postal_code",
                    "district",
                    "capacity",
                ],
            ),
        )
        .await?;
        tx.commit().await?;
        view(row, 0)
    }

    /// Changes an accommodation. Capacity cannot drop below the places taken, and an
    /// accommodation with residents cannot be taken out of use.
    pub async fn update_accommodation(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        patch: AccommodationPatch,
    ) -> Result<AccommodationView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        if patch.name.is_none() && patch.capacity.is_none() && patch.active.is_none() {
            return Err(Error::bad_input(
                "input",
                "name at least one field to change",
            ));
        }
        if let Some(c) = patch.capacity {
            check_capacity(c)?;
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        find(&tx, id, true).await?;
        let taken = occupied(&tx, &[id]).await?.get(&id).copied().unwrap_or(0);
        if patch.capacity.is_some_and(|c| c < taken) {
            return Err(Error::bad_input(
                "input.capacity",
                format!("{taken} places are taken; move households out first"),
            ));
        }
        if patch.active == Some(false) && taken > 0 {
            return Err(Error::bad_input(
                "input.active",
                "households still live there",
            ));
        }
        let mut fields: Vec<&'static str> = Vec::new();
        let mut q = accommodation::Entity::secure_update_many(&tx)
            .col_expr(
                accommodation::Column::Version,
                Expr::value(version.saturating_add(1)),
            )
            .filter(accommodation::Column::Id.eq(id))
            .filter(accommodation::Column::Version.eq(version));
        if let Some(n) = patch.name {
            fields.push("name");
            q = q.col_expr(accommodation::Column::Name, Expr::value(n.into_string()));
        }
        if let Some(c) = patch.capacity {
            fields.push("capacity");
            q = q.col_expr(accommodation::Column::Capacity, Expr::value(c));
        }
        if let Some(act) = patch.active {
            fields.push("active");
            q = q.col_expr(accommodation::Column::Active, Expr::value(act));
        }
        let res = q.exec(tx.conn()).await.map_err(|e| {
            wohnweg_casework::write_unique_conflict(
                e.into(),
                "an accommodation with this name exists",
            )
        })?;
        if res.rows_affected != 1 {
            return Err(Error::stale("accommodation"));
        }
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("accommodation", id, "update", &fields),
        )
        .await?;
        let row = find(&tx, id, false).await?;
        tx.commit().await?;
        view(row, taken)
    }

    /// A household moves into an accommodation on `since`. With `relocate`, its
    /// current occupancy ends that day; without, a household that lives somewhere is
    /// refused. Beyond capacity only with `over_capacity_reason`.
    pub async fn move_in(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        accommodation_id: Uuid,
        since: NaiveDate,
        relocate: bool,
        over_capacity_reason: Option<Text>,
    ) -> Result<OccupancyView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        not_future("since", since)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let a = find(&tx, accommodation_id, true).await?;
        if !a.active {
            return Err(Error::bad_input(
                "accommodationId",
                "the accommodation is not in use",
            ));
        }
        let h = lookup::household(&tx, household_id)
            .await?
            .ok_or(Error::NotFound {
                entity: "household",
            })?;
        lookup::lock_household(&tx, household_id).await?;
        if h.state == CaseState::Closed {
            return Err(Error::bad_input("householdId", "the case is closed"));
        }
        if matches!(h.state, CaseState::MovedOut | CaseState::Aftercare) {
            return Err(Error::bad_input(
                "householdId",
                "the household has moved out; record its return with recordReturnToShelter",
            ));
        }
        let current = tx
            .find::<occupancy::Entity>()
            .filter(occupancy::Column::HouseholdId.eq(household_id))
            .filter(occupancy::Column::UntilOn.is_null())
            .one(tx.conn())
            .await?;
        let mut entries_ended = None;
        if let Some(cur) = &current {
            if !relocate {
                return Err(Error::bad_input(
                    "householdId",
                    "the household lives in an accommodation; relocate it or move it out first",
                ));
            }
            if cur.accommodation_id == accommodation_id {
                return Err(Error::bad_input(
                    "accommodationId",
                    "the household already lives there",
                ));
            }
            if since < cur.since {
                return Err(Error::bad_input(
                    "since",
                    "must not lie before the current occupancy began",
                ));
            }
            end(&tx, cur, since, "relocated").await?;
            entries_ended = Some(cur.id);
        }
        let row = occupy(&tx, &a, household_id, h.size, since, over_capacity_reason).await?;
        let mut entries = vec![AuditEntry::new(
            "occupancy",
            row.id,
            "move_in",
            MOVE_IN_FIELDS,
        )];
        if let Some(ended) = entries_ended {
            entries.push(AuditEntry::new(
                "occupancy",
                ended,
                "move_out",
                &["until_on", "end_reason"],
            ));
        }
        audit::append_many(&tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(occupancy_view(&row))
    }

    /// A household moves out of its accommodation on `on`.
    pub async fn move_out(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        on: NaiveDate,
        reason: Text,
    ) -> Result<OccupancyView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        not_future("on", on)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        lookup::lock_household(&tx, household_id)
            .await
            .map_err(|_| Error::NotFound {
                entity: "occupancy",
            })?;
        let cur = tx
            .find::<occupancy::Entity>()
            .filter(occupancy::Column::HouseholdId.eq(household_id))
            .filter(occupancy::Column::UntilOn.is_null())
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound {
                entity: "occupancy",
            })?;
        if on < cur.since {
            return Err(Error::bad_input(
                "on",
                "must not lie before the occupancy began",
            ));
        }
        end(&tx, &cur, on, reason.as_str()).await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("occupancy", cur.id, "move_out", &["until_on", "end_reason"]),
        )
        .await?;
        let row = tx
            .find::<occupancy::Entity>()
            .filter(occupancy::Column::Id.eq(cur.id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound {
                entity: "occupancy",
            })?;
        tx.commit().await?;
        Ok(occupancy_view(&row))
    }

    /// Where each of `households` lives now (one statement per part, whatever their
    /// number). A carrier caseworker learns it for its carrier's households only.
    pub async fn current_places(
        &self,
        ctx: &Ctx,
        households: &[Uuid],
    ) -> Result<HashMap<Uuid, CurrentPlace>> {
        let access = Access::of(ctx)?;
        if households.is_empty() {
            return Ok(HashMap::new());
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let allowed: Vec<Uuid> = if access.city {
            households.to_vec()
        } else {
            lookup::households(&tx, households, access.carrier)
                .await?
                .into_iter()
                .map(|h| h.id)
                .collect()
        };
        let occ = if allowed.is_empty() {
            Vec::new()
        } else {
            tx.find::<occupancy::Entity>()
                .filter(occupancy::Column::HouseholdId.is_in(allowed))
                .filter(occupancy::Column::UntilOn.is_null())
                .all(tx.conn())
                .await?
        };
        let ids: Vec<Uuid> = occ.iter().map(|o| o.accommodation_id).collect();
        let places = if ids.is_empty() {
            Vec::new()
        } else {
            tx.find::<accommodation::Entity>()
                .filter(accommodation::Column::Id.is_in(ids))
                .all(tx.conn())
                .await?
        };
        tx.commit().await?;
        let by_id: HashMap<Uuid, accommodation::Model> =
            places.into_iter().map(|a| (a.id, a)).collect();
        let mut out = HashMap::new();
        for o in occ {
            if let Some(a) = by_id.get(&o.accommodation_id) {
                out.insert(
                    o.household_id,
                    CurrentPlace {
                        accommodation: view(a.clone(), 0)?,
                        since: o.since,
                    },
                );
            }
        }
        Ok(out)
    }
}

/// Ends an open occupancy; `CONFLICT` if it was ended meanwhile.
/// The fields a move into an accommodation writes, as the audit log names them.
pub(crate) const MOVE_IN_FIELDS: &[&str] = &[
    "accommodation_id",
    "household_id",
    "places",
    "since",
    "over_capacity_reason",
];

/// Gives household `household_id` (of `size` persons) a place in `a` from `since`, in
/// `tx`: beyond the free places only with a stated reason. The caller has locked the
/// household and checked it holds no other place.
pub(crate) async fn occupy(
    tx: &TenantTx,
    a: &accommodation::Model,
    household_id: Uuid,
    size: i32,
    since: NaiveDate,
    over_capacity_reason: Option<Text>,
) -> Result<occupancy::Model> {
    let taken = occupied(tx, &[a.id])
        .await?
        .get(&a.id)
        .copied()
        .unwrap_or(0);
    let free = a.capacity - taken;
    if size > free && over_capacity_reason.is_none() {
        return Err(Error::bad_input(
            "overCapacityReason",
            format!(
                "{} of {} places are free; give a reason to exceed the capacity",
                Ord::max(free, 0),
                a.capacity
            ),
        ));
    }
    let over = if size > free {
        over_capacity_reason.map(Text::into_string)
    } else {
        None
    };
    occupancy::Entity::secure_insert(
        tx,
        occupancy::ActiveModel {
            tenant_id: Set(Uuid::nil()),
            id: Set(Uuid::now_v7()),
            accommodation_id: Set(a.id),
            household_id: Set(household_id),
            places: Set(Ord::max(size, 1)),
            since: Set(since),
            until_on: Set(None),
            over_capacity_reason: Set(over),
            end_reason: Set(None),
            version: Set(1),
        },
    )
    .await
    .map_err(|e| {
        wohnweg_casework::write_unique_conflict(
            e,
            "the household was moved by someone else; reload",
        )
    })
}

/// Accommodation `id`, locked, for a change of its occupancy.
pub(crate) async fn find_locked(tx: &TenantTx, id: Uuid) -> Result<accommodation::Model> {
    find(tx, id, true).await
}

pub(crate) async fn end(
    tx: &TenantTx,
    cur: &occupancy::Model,
    on: NaiveDate,
    reason: &str,
) -> Result<()> {
    let res = occupancy::Entity::secure_update_many(tx)
        .col_expr(occupancy::Column::UntilOn, Expr::value(on))
        .col_expr(occupancy::Column::EndReason, Expr::value(reason))
        .col_expr(
            occupancy::Column::Version,
            Expr::col(occupancy::Column::Version).add(1),
        )
        .filter(occupancy::Column::Id.eq(cur.id))
        .filter(occupancy::Column::UntilOn.is_null())
        .exec(tx.conn())
        .await?;
    if res.rows_affected != 1 {
        return Err(Error::Conflict {
            message: "the household was moved by someone else; reload".into(),
        });
    }
    Ok(())
}

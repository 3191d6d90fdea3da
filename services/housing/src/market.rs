//! Landlords (with the annual quota of housing companies), rent caps by household size
//! with validity dates, and housing offers.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;
use wohnweg_casework::types::{Text, date_in_range};
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::page::{Page, PageRequest};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Result, TenantTx};

use crate::Housing;
use crate::access::Access;
use crate::entity::{landlord, offer, rent_cap};
use crate::types::{LandlordKind, OfferChannel, OfferStatus, PartnerStatus};

/// A landlord's data, new or replacing the old.
#[derive(Clone, Debug)]
pub struct LandlordInput {
    /// Kind.
    pub kind: LandlordKind,
    /// Name (of a person or a company).
    pub name: Text,
    /// Contact (phone, e-mail, address).
    pub contact: Option<Text>,
    /// Partner status.
    pub partner_status: PartnerStatus,
    /// Flats promised per year (companies and cooperatives only).
    pub annual_quota: Option<i32>,
}

/// A landlord.
#[derive(Clone, Debug)]
pub struct LandlordView {
    /// Id.
    pub id: Uuid,
    /// Kind.
    pub kind: LandlordKind,
    /// Name.
    pub name: String,
    /// Contact.
    pub contact: Option<String>,
    /// Partner status.
    pub partner_status: PartnerStatus,
    /// Flats promised per year.
    pub annual_quota: Option<i32>,
    /// Flats let this calendar year.
    pub delivered_this_year: i32,
    /// Version.
    pub version: i32,
}

/// A rent cap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RentCapView {
    /// Id.
    pub id: Uuid,
    /// Household size it applies to.
    pub household_size: i32,
    /// Highest gross cold rent, in cents.
    pub max_rent_cents: i32,
    /// Largest living space, in tenths of m².
    pub max_space_tenths: Option<i32>,
    /// Valid from (inclusive).
    pub valid_from: NaiveDate,
    /// Valid until (inclusive; open when none).
    pub valid_until: Option<NaiveDate>,
}

/// A new rent cap.
#[derive(Clone, Debug)]
pub struct NewRentCap {
    /// Household size, 1–12 (12 stands for 12 and more).
    pub household_size: i32,
    /// Highest gross cold rent, in cents.
    pub max_rent_cents: i32,
    /// Largest living space, in tenths of m².
    pub max_space_tenths: Option<i32>,
    /// Valid from.
    pub valid_from: NaiveDate,
    /// Valid until.
    pub valid_until: Option<NaiveDate>,
}

/// An offer's data, new or replacing the old.
#[derive(Clone, Debug)]
pub struct OfferInput {
    /// Landlord.
    pub landlord_id: Uuid,
    /// Street and number.
    pub street: Text,
    /// Postal code.
    pub postal_code: String,
    /// District.
    pub district: Text,
    /// Rooms, in tenths.
    pub rooms_tenths: i32,
    /// Living space, in tenths of m².
    pub space_tenths: i32,
    /// Cold rent, cents.
    pub cold_rent_cents: i32,
    /// Service charges, cents.
    pub service_cents: i32,
    /// Heating, cents.
    pub heating_cents: i32,
    /// Deposit, cents.
    pub deposit_cents: i32,
    /// Available from.
    pub available_from: NaiveDate,
    /// Needs a housing entitlement certificate (WBS).
    pub wbs_required: bool,
    /// Step-free access.
    pub step_free: bool,
    /// Lift.
    pub lift: bool,
    /// Floor (0 = ground floor).
    pub floor: i32,
    /// Most persons the landlord accepts.
    pub max_persons: Option<i32>,
    /// Pets allowed (unknown when none).
    pub pets_allowed: Option<bool>,
    /// Notes.
    pub notes: Option<Text>,
    /// How it reached the city; `None` on a change keeps what was recorded, on a
    /// new offer records "not recorded".
    pub channel: Option<OfferChannel>,
}

/// An offer.
#[derive(Clone, Debug)]
pub struct OfferView {
    /// Id.
    pub id: Uuid,
    /// Data.
    pub data: OfferData,
    /// Status.
    pub status: OfferStatus,
    /// Since when.
    pub status_on: NaiveDate,
    /// Version.
    pub version: i32,
    /// The landlord's name and contact: what staff and a carrier matching its
    /// household to this offer may know of the landlord (nothing else of the
    /// register). Filled for every offer the service hands out.
    pub landlord: Option<LandlordContact>,
}

/// The stored data of an offer.
#[derive(Clone, Debug)]
pub struct OfferData {
    /// Landlord.
    pub landlord_id: Uuid,
    /// Street.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// District.
    pub district: String,
    /// Rooms, tenths.
    pub rooms_tenths: i32,
    /// Space, tenths of m².
    pub space_tenths: i32,
    /// Cold rent.
    pub cold_rent_cents: i32,
    /// Service charges.
    pub service_cents: i32,
    /// Heating.
    pub heating_cents: i32,
    /// Deposit.
    pub deposit_cents: i32,
    /// Available from.
    pub available_from: NaiveDate,
    /// WBS required.
    pub wbs_required: bool,
    /// Step-free.
    pub step_free: bool,
    /// Lift.
    pub lift: bool,
    /// Floor.
    pub floor: i32,
    /// Max persons.
    pub max_persons: Option<i32>,
    /// Pets.
    pub pets_allowed: Option<bool>,
    /// Notes.
    pub notes: Option<String>,
    /// How it reached the city (`None`: not recorded).
    pub channel: Option<OfferChannel>,
}

/// Filters of the offer list.
#[derive(Clone, Debug, Default)]
pub struct OfferFilter {
    /// Status (carrier caseworkers see open offers only).
    pub status: Option<OfferStatus>,
    /// District.
    pub district: Option<String>,
    /// Landlord.
    pub landlord_id: Option<Uuid>,
}

fn code<T>(s: &str, from: fn(&str) -> Option<T>) -> Result<T> {
    from(s).ok_or_else(|| Error::internal(std::io::Error::other("unknown stored code")))
}

fn landlord_view(l: landlord::Model, delivered: i32) -> Result<LandlordView> {
    Ok(LandlordView {
        kind: code(&l.kind, LandlordKind::from_code)?,
        partner_status: code(&l.partner_status, PartnerStatus::from_code)?,
        id: l.id,
        name: l.name,
        contact: l.contact,
        annual_quota: l.annual_quota,
        delivered_this_year: delivered,
        version: l.version,
    })
}

fn cap_view(c: &rent_cap::Model) -> RentCapView {
    RentCapView {
        id: c.id,
        household_size: c.household_size,
        max_rent_cents: c.max_rent_cents,
        max_space_tenths: c.max_space_tenths,
        valid_from: c.valid_from,
        valid_until: c.valid_until,
    }
}

/// A landlord as an offer shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LandlordContact {
    /// Name.
    pub name: String,
    /// How to reach them.
    pub contact: Option<String>,
}

/// Fills the landlord's name and contact into `views` (one statement for them all).
pub(crate) async fn with_landlords(tx: &TenantTx, views: &mut [OfferView]) -> Result<()> {
    let ids: Vec<Uuid> = views.iter().map(|v| v.data.landlord_id).collect();
    if ids.is_empty() {
        return Ok(());
    }
    let found: HashMap<Uuid, LandlordContact> = tx
        .find::<landlord::Entity>()
        .filter(landlord::Column::Id.is_in(ids))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|l| {
            (
                l.id,
                LandlordContact {
                    name: l.name,
                    contact: l.contact,
                },
            )
        })
        .collect();
    for v in views {
        v.landlord = found.get(&v.data.landlord_id).cloned();
    }
    Ok(())
}

pub(crate) fn offer_view(o: offer::Model) -> Result<OfferView> {
    Ok(OfferView {
        landlord: None,
        id: o.id,
        status: code(&o.status, OfferStatus::from_code)?,
        status_on: o.status_on,
        version: o.version,
        data: OfferData {
            landlord_id: o.landlord_id,
            street: o.street,
            postal_code: o.postal_code,
            district: o.district,
            rooms_tenths: o.rooms_tenths,
            space_tenths: o.space_tenths,
            cold_rent_cents: o.cold_rent_cents,
            service_cents: o.service_cents,
            heating_cents: o.heating_cents,
            deposit_cents: o.deposit_cents,
            available_from: o.available_from,
            wbs_required: o.wbs_required,
            step_free: o.step_free,
            lift: o.lift,
            floor: o.floor,
            max_persons: o.max_persons,
            pets_allowed: o.pets_allowed,
            notes: o.notes,
            channel: o
                .channel
                .as_deref()
                .map(|c| code(c, OfferChannel::from_code))
                .transpose()?,
        },
    })
}

fn check_landlord(l: &LandlordInput) -> Result<()> {
    match (l.kind, l.annual_quota) {
        (LandlordKind::Private, Some(_)) => Err(Error::bad_input(
            "input.annualQuota",
            "only housing companies and cooperatives agree quotas",
        )),
        (_, Some(q)) if !(1..=10_000).contains(&q) => Err(Error::bad_input(
            "input.annualQuota",
            "must be 1–10000 flats",
        )),
        _ => Ok(()),
    }
}

/// Checks what the field parsers cannot; `prefix` is where the fields sit in the
/// caller's input (`"input."` in GraphQL, `""` on the public form).
fn check_offer(o: &OfferInput, prefix: &str) -> Result<()> {
    if !(-2..=60).contains(&o.floor) {
        return Err(Error::bad_input(
            format!("{prefix}floor"),
            "must be between -2 and 60",
        ));
    }
    if o.max_persons.is_some_and(|m| !(1..=20).contains(&m)) {
        return Err(Error::bad_input(
            format!("{prefix}maxPersons"),
            "must be 1–20",
        ));
    }
    let today = Utc::now().date_naive();
    date_in_range(format!("{prefix}availableFrom"), o.available_from, today, 2)?;
    if o.available_from < today.checked_sub_days(Days::new(366)).unwrap_or(today) {
        return Err(Error::bad_input(
            format!("{prefix}availableFrom"),
            "lies more than a year back",
        ));
    }
    Ok(())
}

/// Flats let this calendar year per landlord among `ids` (one statement).
async fn delivered(tx: &TenantTx, ids: &[Uuid]) -> Result<HashMap<Uuid, i32>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let year = Utc::now().date_naive().year();
    let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    let rows: Vec<(Uuid, i64)> = tx
        .find::<offer::Entity>()
        .select_only()
        .column(offer::Column::LandlordId)
        .column_as(offer::Column::Id.count(), "n")
        .filter(offer::Column::LandlordId.is_in(ids.iter().copied()))
        .filter(offer::Column::Status.eq(OfferStatus::Let.code()))
        .filter(offer::Column::StatusOn.gte(start))
        .group_by(offer::Column::LandlordId)
        .into_tuple()
        .all(tx.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, n)| (id, i32::try_from(n).unwrap_or(i32::MAX)))
        .collect())
}

async fn find_landlord(tx: &TenantTx, id: Uuid) -> Result<landlord::Model> {
    tx.find::<landlord::Entity>()
        .filter(landlord::Column::Id.eq(id))
        .one(tx.conn())
        .await?
        .ok_or(Error::NotFound { entity: "landlord" })
}

/// The offer `id` as `access` may see it: carriers see open offers only.
async fn find_offer(tx: &TenantTx, access: &Access, id: Uuid) -> Result<offer::Model> {
    let mut q = tx.find::<offer::Entity>().filter(offer::Column::Id.eq(id));
    if !access.city {
        q = q.filter(offer::Column::Status.eq(OfferStatus::Open.code()));
    }
    q.one(tx.conn())
        .await?
        .ok_or(Error::NotFound { entity: "offer" })
}

fn offer_model(o: OfferInput) -> offer::ActiveModel {
    offer_model_with(o, OfferStatus::Open)
}

fn offer_model_with(o: OfferInput, status: OfferStatus) -> offer::ActiveModel {
    offer::ActiveModel {
        tenant_id: Set(Uuid::nil()),
        id: Set(Uuid::now_v7()),
        landlord_id: Set(o.landlord_id),
        street: Set(o.street.into_string()),
        postal_code: Set(o.postal_code),
        district: Set(o.district.into_string()),
        rooms_tenths: Set(o.rooms_tenths),
        space_tenths: Set(o.space_tenths),
        cold_rent_cents: Set(o.cold_rent_cents),
        service_cents: Set(o.service_cents),
        heating_cents: Set(o.heating_cents),
        deposit_cents: Set(o.deposit_cents),
        available_from: Set(o.available_from),
        wbs_required: Set(o.wbs_required),
        step_free: Set(o.step_free),
        lift: Set(o.lift),
        floor: Set(o.floor),
        max_persons: Set(o.max_persons),
        pets_allowed: Set(o.pets_allowed),
        notes: Set(o.notes.map(Text::into_string)),
        status: Set(status.code().to_owned()),
        status_on: Set(Utc::now().date_naive()),
        version: Set(1),
        created_at: Set(Utc::now()),
        channel: Set(o.channel.map(|c| c.code().to_owned())),
    }
}

const OFFER_FIELDS: &[&str] = &[
    "landlord_id",
    "street",
    "postal_code",
    "district",
    "rooms",
    "space",
    "cold_rent",
    "service_charges",
    "heating",
    "deposit",
    "available_from",
    "wbs_required",
    "step_free",
    "lift",
    "floor",
    "max_persons",
    "pets_allowed",
    "notes",
    "channel",
];

impl Housing {
    /// A page of the city's landlords, with the flats they let this year.
    pub async fn landlords(
        &self,
        ctx: &Ctx,
        partner_status: Option<PartnerStatus>,
        page: PageRequest,
    ) -> Result<Page<LandlordView>> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let mut q = tx
            .find::<landlord::Entity>()
            .order_by_asc(landlord::Column::Id);
        if let Some(s) = partner_status {
            q = q.filter(landlord::Column::PartnerStatus.eq(s.code()));
        }
        let total = page.total(&q, tx.conn()).await?;
        if let Some(after) = page.after {
            q = q.filter(landlord::Column::Id.gt(after));
        }
        let rows = Page::from_overfetch(q.limit(page.first + 1).all(tx.conn()).await?, page);
        let ids: Vec<Uuid> = rows.items.iter().map(|l| l.id).collect();
        let done = delivered(&tx, &ids).await?;
        tx.commit().await?;
        Ok(Page {
            items: rows
                .items
                .into_iter()
                .map(|l| {
                    let n = done.get(&l.id).copied().unwrap_or(0);
                    landlord_view(l, n)
                })
                .collect::<Result<_>>()?,
            has_next: rows.has_next,
            total,
        })
    }

    /// One landlord of the city (city staff), with the flats they let this year.
    pub async fn landlord(&self, ctx: &Ctx, id: Uuid) -> Result<LandlordView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let l = find_landlord(&tx, id).await?;
        let done = delivered(&tx, &[l.id]).await?;
        tx.commit().await?;
        let n = done.get(&l.id).copied().unwrap_or(0);
        landlord_view(l, n)
    }

    /// Registers a landlord.
    pub async fn create_landlord(&self, ctx: &Ctx, input: LandlordInput) -> Result<LandlordView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        check_landlord(&input)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let row = landlord::Entity::secure_insert(
            &tx,
            landlord::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                kind: Set(input.kind.code().to_owned()),
                name: Set(input.name.into_string()),
                contact: Set(input.contact.map(Text::into_string)),
                partner_status: Set(input.partner_status.code().to_owned()),
                annual_quota: Set(input.annual_quota),
                version: Set(1),
                created_at: Set(Utc::now()),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "landlord",
                row.id,
                "create",
                &["kind", "name", "contact", "partner_status", "annual_quota"],
            ),
        )
        .await?;
        tx.commit().await?;
        landlord_view(row, 0)
    }

    /// Replaces a landlord's data.
    pub async fn update_landlord(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        input: LandlordInput,
    ) -> Result<LandlordView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        check_landlord(&input)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        find_landlord(&tx, id).await?;
        let res = landlord::Entity::secure_update_many(&tx)
            .col_expr(landlord::Column::Kind, Expr::value(input.kind.code()))
            .col_expr(
                landlord::Column::Name,
                Expr::value(input.name.into_string()),
            )
            .col_expr(
                landlord::Column::Contact,
                Expr::value(input.contact.map(Text::into_string)),
            )
            .col_expr(
                landlord::Column::PartnerStatus,
                Expr::value(input.partner_status.code()),
            )
            .col_expr(
                landlord::Column::AnnualQuota,
                Expr::value(input.annual_quota),
            )
            .col_expr(
                landlord::Column::Version,
                Expr::value(version.saturating_add(1)),
            )
            .filter(landlord::Column::Id.eq(id))
            .filter(landlord::Column::Version.eq(version))
            .exec(tx.conn())
            .await?;
        if res.rows_affected != 1 {
            return Err(Error::stale("landlord"));
        }
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "landlord",
                id,
                "update",
                &["kind", "name", "contact", "partner_status", "annual_quota"],
            ),
        )
        .await?;
        let row = find_landlord(&tx, id).await?;
        let done = delivered(&tx, &[id]).await?.get(&id).copied().unwrap_or(0);
        tx.commit().await?;
        landlord_view(row, done)
    }

    /// The city's rent caps, all or those valid on `on`, by household size.
    pub async fn rent_caps(&self, ctx: &Ctx, on: Option<NaiveDate>) -> Result<Vec<RentCapView>> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let mut q = tx
            .find::<rent_cap::Entity>()
            .order_by_asc(rent_cap::Column::HouseholdSize)
            .order_by_asc(rent_cap::Column::ValidFrom);
        if let Some(d) = on {
            q = q.filter(rent_cap::Column::ValidFrom.lte(d)).filter(
                Condition::any()
                    .add(rent_cap::Column::ValidUntil.is_null())
                    .add(rent_cap::Column::ValidUntil.gte(d)),
            );
        }
        let rows = q.all(tx.conn()).await?;
        tx.commit().await?;
        Ok(rows.iter().map(cap_view).collect())
    }

    /// Adds a rent cap. An open-ended cap for the same size that began earlier ends
    /// the day before the new one begins; any other overlap is refused.
    pub async fn add_rent_cap(&self, ctx: &Ctx, cap: NewRentCap) -> Result<RentCapView> {
        let access = Access::of(ctx)?;
        access.require_coordinator()?;
        if !(1..=12).contains(&cap.household_size) {
            return Err(Error::bad_input("input.householdSize", "must be 1–12"));
        }
        if cap.max_rent_cents < 1 {
            return Err(Error::bad_input("input.maxRent", "must be more than 0"));
        }
        if cap.valid_until.is_some_and(|u| u < cap.valid_from) {
            return Err(Error::bad_input(
                "input.validUntil",
                "must not lie before validFrom",
            ));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        // Serialise cap changes per tenant and size (PostgreSQL; SQLite is serial).
        if tx.conn().get_database_backend() == sea_orm::DbBackend::Postgres {
            let key = i64::from_le_bytes(
                tx.tenant().uuid().as_bytes()[..8]
                    .try_into()
                    .unwrap_or([0; 8]),
            ) ^ i64::from(cap.household_size);
            tx.conn()
                .execute_raw(sea_orm::Statement::from_sql_and_values(
                    sea_orm::DbBackend::Postgres,
                    "SELECT pg_advisory_xact_lock($1)",
                    [key.into()],
                ))
                .await?;
        }
        let same = tx
            .find::<rent_cap::Entity>()
            .filter(rent_cap::Column::HouseholdSize.eq(cap.household_size))
            .all(tx.conn())
            .await?;
        let mut closed = None;
        for c in &same {
            let ends_before = c.valid_until.is_some_and(|u| u < cap.valid_from);
            let starts_after = cap.valid_until.is_some_and(|u| u < c.valid_from);
            if ends_before || starts_after {
                continue;
            }
            if c.valid_until.is_none() && c.valid_from < cap.valid_from {
                closed = Some(c.id);
                continue;
            }
            return Err(Error::bad_input(
                "input.validFrom",
                format!("overlaps the cap valid from {}", c.valid_from),
            ));
        }
        let mut entries_closed = None;
        if let Some(id) = closed {
            let until = cap.valid_from.pred_opt().unwrap_or(cap.valid_from);
            rent_cap::Entity::secure_update_many(&tx)
                .col_expr(rent_cap::Column::ValidUntil, Expr::value(until))
                .filter(rent_cap::Column::Id.eq(id))
                .exec(tx.conn())
                .await?;
            entries_closed = Some(id);
        }
        let row = rent_cap::Entity::secure_insert(
            &tx,
            rent_cap::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_size: Set(cap.household_size),
                max_rent_cents: Set(cap.max_rent_cents),
                max_space_tenths: Set(cap.max_space_tenths),
                valid_from: Set(cap.valid_from),
                valid_until: Set(cap.valid_until),
                created_at: Set(Utc::now()),
            },
        )
        .await?;
        let mut entries = vec![AuditEntry::new(
            "rent_cap",
            row.id,
            "create",
            &[
                "household_size",
                "max_rent",
                "max_space",
                "valid_from",
                "valid_until",
            ],
        )];
        if let Some(id) = entries_closed {
            entries.push(AuditEntry::new("rent_cap", id, "end", &["valid_until"]));
        }
        audit::append_many(&tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(cap_view(&row))
    }

    /// A page of offers. Carrier caseworkers see open offers only.
    pub async fn offers(
        &self,
        ctx: &Ctx,
        filter: &OfferFilter,
        page: PageRequest,
    ) -> Result<Page<OfferView>> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let mut q = tx.find::<offer::Entity>().order_by_asc(offer::Column::Id);
        let status = if access.city {
            filter.status
        } else {
            Some(OfferStatus::Open)
        };
        if !access.city && filter.status.is_some_and(|s| s != OfferStatus::Open) {
            return Err(Error::Forbidden);
        }
        if let Some(s) = status {
            q = q.filter(offer::Column::Status.eq(s.code()));
        }
        if let Some(d) = &filter.district {
            q = q.filter(offer::Column::District.eq(d.trim()));
        }
        if let Some(l) = filter.landlord_id {
            q = q.filter(offer::Column::LandlordId.eq(l));
        }
        let total = page.total(&q, tx.conn()).await?;
        if let Some(after) = page.after {
            q = q.filter(offer::Column::Id.gt(after));
        }
        let rows = Page::from_overfetch(q.limit(page.first + 1).all(tx.conn()).await?, page);
        let mut items: Vec<OfferView> = rows
            .items
            .into_iter()
            .map(offer_view)
            .collect::<Result<_>>()?;
        with_landlords(&tx, &mut items).await?;
        tx.commit().await?;
        Ok(Page {
            items,
            has_next: rows.has_next,
            total,
        })
    }

    /// One offer; `NOT_FOUND` for another city's, and for a carrier a not-open one.
    pub async fn offer(&self, ctx: &Ctx, id: Uuid) -> Result<OfferView> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let o = find_offer(&tx, &access, id).await?;
        let mut v = [offer_view(o)?];
        with_landlords(&tx, &mut v).await?;
        tx.commit().await?;
        let [v] = v;
        Ok(v)
    }

    /// Records an offer staff took in (status open).
    pub async fn create_offer(&self, ctx: &Ctx, input: OfferInput) -> Result<OfferView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        check_offer(&input, "input.")?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        find_landlord(&tx, input.landlord_id)
            .await
            .map_err(|_| Error::bad_input("input.landlordId", "no such landlord"))?;
        let row = offer::Entity::secure_insert(&tx, offer_model(input)).await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("offer", row.id, "create", OFFER_FIELDS),
        )
        .await?;
        let mut v = [offer_view(row)?];
        with_landlords(&tx, &mut v).await?;
        tx.commit().await?;
        let [v] = v;
        Ok(v)
    }

    /// Replaces an offer's data while it is received or open.
    pub async fn update_offer(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        input: OfferInput,
    ) -> Result<OfferView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        check_offer(&input, "input.")?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let old = find_offer(&tx, &access, id).await?;
        if !matches!(
            OfferStatus::from_code(&old.status),
            Some(OfferStatus::Received | OfferStatus::Open)
        ) {
            return Err(Error::bad_input(
                "id",
                "only a received or open offer can be changed",
            ));
        }
        find_landlord(&tx, input.landlord_id)
            .await
            .map_err(|_| Error::bad_input("input.landlordId", "no such landlord"))?;
        let mut input = input;
        if input.channel.is_none() {
            // Not given: what was recorded stays.
            input.channel = old.channel.as_deref().and_then(OfferChannel::from_code);
        }
        let m = offer_model(input);
        let mut q = offer::Entity::secure_update_many(&tx)
            .col_expr(
                offer::Column::Version,
                Expr::value(version.saturating_add(1)),
            )
            .filter(offer::Column::Id.eq(id))
            .filter(offer::Column::Version.eq(version));
        {
            use sea_orm::{ActiveModelTrait, Iterable};
            for col in offer::Column::iter() {
                if matches!(
                    col,
                    offer::Column::TenantId
                        | offer::Column::Id
                        | offer::Column::Status
                        | offer::Column::StatusOn
                        | offer::Column::Version
                        | offer::Column::CreatedAt
                ) {
                    continue;
                }
                if let Some(v) = m.get(col).into_value() {
                    q = q.col_expr(col, Expr::value(v));
                }
            }
        }
        if q.exec(tx.conn()).await?.rows_affected != 1 {
            return Err(Error::stale("offer"));
        }
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("offer", id, "update", OFFER_FIELDS),
        )
        .await?;
        let row = find_offer(&tx, &access, id).await?;
        let mut v = [offer_view(row)?];
        with_landlords(&tx, &mut v).await?;
        tx.commit().await?;
        let [v] = v;
        Ok(v)
    }

    /// Moves an offer to another status, if allowed from where it stands.
    pub async fn set_offer_status(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        to: OfferStatus,
    ) -> Result<OfferView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let old = find_offer(&tx, &access, id).await?;
        let from = code(&old.status, OfferStatus::from_code)?;
        if !from.next().contains(&to) {
            return Err(Error::bad_input(
                "status",
                format!("an offer cannot move from {} to {}", from.code(), to.code()),
            ));
        }
        let res = offer::Entity::secure_update_many(&tx)
            .col_expr(offer::Column::Status, Expr::value(to.code()))
            .col_expr(
                offer::Column::StatusOn,
                Expr::value(Utc::now().date_naive()),
            )
            .col_expr(
                offer::Column::Version,
                Expr::value(version.saturating_add(1)),
            )
            .filter(offer::Column::Id.eq(id))
            .filter(offer::Column::Version.eq(version))
            .exec(tx.conn())
            .await?;
        if res.rows_affected != 1 {
            return Err(Error::stale("offer"));
        }
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("offer", id, "set_status", &["status", "status_on"]),
        )
        .await?;
        let row = find_offer(&tx, &access, id).await?;
        let mut v = [offer_view(row)?];
        with_landlords(&tx, &mut v).await?;
        tx.commit().await?;
        let [v] = v;
        Ok(v)
    }
}

/// An offer sent through the public form, with who sent it.
#[derive(Clone, Debug)]
pub struct PublicOffer {
    /// The landlord's name.
    pub landlord_name: Text,
    /// How to reach them.
    pub landlord_contact: Text,
    /// The flat (`landlord_id` is ignored: a prospect landlord is created).
    pub offer: OfferInput,
}

impl Housing {
    /// Takes in an offer from the public form: a prospect landlord and a *received*
    /// offer that staff review before it opens. No user: audited as the system.
    pub async fn receive_public_offer(
        &self,
        tenant: wohnweg_kernel::TenantId,
        p: PublicOffer,
    ) -> Result<Uuid> {
        check_offer(&p.offer, "")?;
        let ctx = Ctx::new(wohnweg_kernel::Principal {
            user_id: wohnweg_kernel::UserId::from_uuid(Uuid::nil()),
            kind: wohnweg_kernel::PrincipalKind::TenantUser,
            tenant: Some(tenant),
            organisation: None,
            roles: std::collections::BTreeSet::new(),
        });
        let tx = self.db.begin_tenant(tenant).await?;
        let l = landlord::Entity::secure_insert(
            &tx,
            landlord::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                kind: Set(LandlordKind::Private.code().to_owned()),
                name: Set(p.landlord_name.into_string()),
                contact: Set(Some(p.landlord_contact.into_string())),
                partner_status: Set(PartnerStatus::Prospect.code().to_owned()),
                annual_quota: Set(None),
                version: Set(1),
                created_at: Set(Utc::now()),
            },
        )
        .await?;
        let mut offer = p.offer;
        offer.landlord_id = l.id;
        offer.channel = Some(OfferChannel::PublicForm);
        let o = offer::Entity::secure_insert(&tx, offer_model_with(offer, OfferStatus::Received))
            .await?;
        audit::append_many(
            &tx,
            &ctx,
            &[
                AuditEntry::new(
                    "landlord",
                    l.id,
                    "public_form",
                    &["kind", "name", "contact", "partner_status"],
                ),
                AuditEntry::new("offer", o.id, "public_form", OFFER_FIELDS),
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(o.id)
    }
}

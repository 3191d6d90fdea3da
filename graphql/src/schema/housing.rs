//! GraphQL surface of housing: the accommodation register and occupancy, landlords,
//! rent caps and offers. Money is given and shown in euros as strings (`"612.50"`),
//! rooms and living space as numbers with one decimal.

use super::scalars::{Date, Decimal, euros};
use async_graphql::connection::Connection;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::NaiveDate;
use wohnweg_casework::types::Text;
use wohnweg_housing::types::{cents, postal_code, tenths};
use wohnweg_housing::{
    AccommodationFilter, AccommodationPatch, AccommodationView, DistrictOccupancy, Housing,
    LandlordInput as DomainLandlord, LandlordView, NewAccommodation, NewRentCap, OccupancyView,
    OfferFilter, OfferInput as DomainOffer, OfferView, RentCapView,
};
use wohnweg_kernel::Error;
use wohnweg_kernel::page::PageRequest;

use super::{Counted, Services, connection, counted, gql_enum, request_ctx, uuid};
use crate::error::GqlResultExt;

pub(crate) fn housing<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a Housing> {
    Ok(&ctx.data::<Services>()?.housing)
}

gql_enum!(/// Kind of accommodation.
    AccommodationKindCode => "wohnweg_housing::types::AccommodationKind", "AccommodationKind" {
    Shelter, CityRentedFlat, Emergency });
gql_enum!(/// Kind of landlord.
    LandlordKindCode => "wohnweg_housing::types::LandlordKind", "LandlordKind" {
    Private, HousingCompany, Cooperative, Other });
gql_enum!(/// Where the city stands with a landlord.
    PartnerStatusCode => "wohnweg_housing::types::PartnerStatus", "PartnerStatus" {
    Prospect, Partner, Paused, Ended });
gql_enum!(/// Status of an offer.
    OfferStatusCode => "wohnweg_housing::types::OfferStatus", "OfferStatus" {
    Received, Open, Reserved, Let, Withdrawn });
gql_enum!(/// How an offer reached the city.
    OfferChannelCode => "wohnweg_housing::types::OfferChannel", "OfferChannel" {
    PublicForm, PartnerCompany, LandlordDirect, Carrier, Household, Listing, Other });

fn tenth(v: i32) -> f64 {
    f64::from(v) / 10.0
}

/// A shelter or city-rented flat.
#[derive(SimpleObject)]
pub struct Accommodation {
    /// Id (a global id: `node(id:)` reads it back).
    #[graphql(owned)]
    pub id: ID,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: AccommodationKindCode,
    /// Street and number.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// District.
    pub district: String,
    /// Places.
    pub capacity: i32,
    /// Places taken.
    pub occupied: i32,
    /// Places free (negative when over capacity).
    pub free_places: i32,
    /// In use.
    pub active: bool,
    /// Version.
    pub version: i32,
    /// The households living there now (on `accommodation(id)` only).
    pub residents: Option<Vec<Occupancy>>,
}

impl From<AccommodationView> for Accommodation {
    fn from(a: AccommodationView) -> Self {
        Self {
            id: ID(a.id.to_string()),
            name: a.name,
            kind: a.kind.into(),
            street: a.street,
            postal_code: a.postal_code,
            district: a.district,
            capacity: a.capacity,
            occupied: a.occupied,
            free_places: a.capacity - a.occupied,
            active: a.active,
            version: a.version,
            residents: None,
        }
    }
}

/// Which household lives where since when.
#[derive(SimpleObject)]
pub struct Occupancy {
    /// Id.
    pub id: ID,
    /// Accommodation.
    pub accommodation_id: ID,
    /// Household.
    pub household_id: ID,
    /// Places taken.
    pub places: i32,
    /// Since.
    pub since: Date,
    /// Until (none while living there).
    pub until: Option<Date>,
    /// Why the capacity was exceeded, if it was.
    pub over_capacity_reason: Option<String>,
}

impl From<OccupancyView> for Occupancy {
    fn from(o: OccupancyView) -> Self {
        Self {
            id: ID(o.id.to_string()),
            accommodation_id: ID(o.accommodation_id.to_string()),
            household_id: ID(o.household_id.to_string()),
            places: o.places,
            since: Date(o.since),
            until: o.until.map(Date),
            over_capacity_reason: o.over_capacity_reason,
        }
    }
}

/// Occupancy of a district.
#[derive(SimpleObject)]
pub struct DistrictOccupancyRow {
    /// District.
    pub district: String,
    /// Accommodations in use.
    pub accommodations: i32,
    /// Places.
    pub capacity: i32,
    /// Places taken.
    pub occupied: i32,
}

impl From<DistrictOccupancy> for DistrictOccupancyRow {
    fn from(d: DistrictOccupancy) -> Self {
        Self {
            district: d.district,
            accommodations: d.accommodations,
            capacity: d.capacity,
            occupied: d.occupied,
        }
    }
}

/// Where a household lives now.
#[derive(SimpleObject, Clone)]
pub struct CurrentAccommodation {
    /// Accommodation id.
    pub id: ID,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: AccommodationKindCode,
    /// District.
    pub district: String,
    /// Since.
    pub since: Date,
}

impl From<wohnweg_housing::CurrentPlace> for CurrentAccommodation {
    fn from(p: wohnweg_housing::CurrentPlace) -> Self {
        Self {
            id: ID(p.accommodation.id.to_string()),
            name: p.accommodation.name,
            kind: p.accommodation.kind.into(),
            district: p.accommodation.district,
            since: Date(p.since),
        }
    }
}

/// A landlord.
#[derive(SimpleObject)]
pub struct Landlord {
    /// Id (a global id: `node(id:)` reads it back).
    #[graphql(owned)]
    pub id: ID,
    /// Kind.
    pub kind: LandlordKindCode,
    /// Name.
    pub name: String,
    /// Contact.
    pub contact: Option<String>,
    /// Partner status.
    pub partner_status: PartnerStatusCode,
    /// Flats promised per year (companies and cooperatives).
    pub annual_quota: Option<i32>,
    /// Flats let this calendar year.
    pub delivered_this_year: i32,
    /// Version.
    pub version: i32,
}

impl From<LandlordView> for Landlord {
    fn from(l: LandlordView) -> Self {
        Self {
            id: ID(l.id.to_string()),
            kind: l.kind.into(),
            name: l.name,
            contact: l.contact,
            partner_status: l.partner_status.into(),
            annual_quota: l.annual_quota,
            delivered_this_year: l.delivered_this_year,
            version: l.version,
        }
    }
}

/// A rent cap (Mietobergrenze) for one household size.
#[derive(SimpleObject)]
pub struct RentCap {
    /// Id.
    pub id: ID,
    /// Household size (12 stands for 12 and more).
    pub household_size: i32,
    /// Highest gross cold rent, euros.
    pub max_gross_cold_rent: Decimal,
    /// Largest living space, m².
    pub max_living_space: Option<f64>,
    /// Valid from (inclusive).
    pub valid_from: Date,
    /// Valid until (inclusive; open when none).
    pub valid_until: Option<Date>,
}

impl From<RentCapView> for RentCap {
    fn from(c: RentCapView) -> Self {
        Self {
            id: ID(c.id.to_string()),
            household_size: c.household_size,
            max_gross_cold_rent: euros(c.max_rent_cents),
            max_living_space: c.max_space_tenths.map(tenth),
            valid_from: Date(c.valid_from),
            valid_until: c.valid_until.map(Date),
        }
    }
}

/// A housing offer.
#[derive(SimpleObject)]
pub struct Offer {
    /// Id (a global id: `node(id:)` reads it back).
    #[graphql(owned)]
    pub id: ID,
    /// Landlord.
    pub landlord_id: ID,
    /// Street and number.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// District.
    pub district: String,
    /// Rooms.
    pub rooms: f64,
    /// Living space, m².
    pub living_space: f64,
    /// Cold rent, euros.
    pub cold_rent: Decimal,
    /// Service charges, euros.
    pub service_charges: Decimal,
    /// Heating, euros.
    pub heating: Decimal,
    /// Gross cold rent (cold rent plus service charges), euros: what a rent cap limits.
    pub gross_cold_rent: Decimal,
    /// Deposit, euros.
    pub deposit: Decimal,
    /// Available from.
    pub available_from: Date,
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
    /// Pets allowed.
    pub pets_allowed: Option<bool>,
    /// Notes.
    pub notes: Option<String>,
    /// How it reached the city (empty: not recorded).
    pub channel: Option<OfferChannelCode>,
    /// Status.
    pub status: OfferStatusCode,
    /// Since when.
    pub status_on: Date,
    /// Version.
    pub version: i32,
    /// The landlord's name (what a carrier matching its household may know of the
    /// landlord, with the contact).
    pub landlord_name: Option<String>,
    /// How to reach the landlord.
    pub landlord_contact: Option<String>,
}

impl From<OfferView> for Offer {
    fn from(o: OfferView) -> Self {
        let d = o.data;
        let (landlord_name, landlord_contact) = o
            .landlord
            .map_or((None, None), |l| (Some(l.name), l.contact));
        Self {
            landlord_name,
            landlord_contact,
            id: ID(o.id.to_string()),
            landlord_id: ID(d.landlord_id.to_string()),
            street: d.street,
            postal_code: d.postal_code,
            district: d.district,
            rooms: tenth(d.rooms_tenths),
            living_space: tenth(d.space_tenths),
            cold_rent: euros(d.cold_rent_cents),
            service_charges: euros(d.service_cents),
            heating: euros(d.heating_cents),
            gross_cold_rent: euros(d.cold_rent_cents.saturating_add(d.service_cents)),
            deposit: euros(d.deposit_cents),
            available_from: Date(d.available_from),
            wbs_required: d.wbs_required,
            step_free: d.step_free,
            lift: d.lift,
            floor: d.floor,
            max_persons: d.max_persons,
            pets_allowed: d.pets_allowed,
            notes: d.notes,
            channel: d.channel.map(Into::into),
            status: o.status.into(),
            status_on: Date(o.status_on),
            version: o.version,
        }
    }
}

/// A new accommodation.
#[derive(InputObject)]
pub struct AccommodationInput {
    /// Name, unique in the city.
    pub name: String,
    /// Kind.
    pub kind: AccommodationKindCode,
    /// Street and number.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// District.
    pub district: String,
    /// Places.
    pub capacity: i32,
}

/// Changes to an accommodation.
#[derive(InputObject, Default)]
pub struct UpdateAccommodationInput {
    /// Name.
    pub name: Option<String>,
    /// Places.
    pub capacity: Option<i32>,
    /// In use.
    pub active: Option<bool>,
}

/// Filters of the accommodation list.
#[derive(InputObject, Default)]
pub struct AccommodationFilterInput {
    /// District.
    pub district: Option<String>,
    /// Kind.
    pub kind: Option<AccommodationKindCode>,
    /// Only those with free places.
    #[graphql(default)]
    pub with_free_places: bool,
}

/// A landlord's data.
#[derive(InputObject)]
pub struct LandlordInput {
    /// Kind.
    pub kind: LandlordKindCode,
    /// Name.
    pub name: String,
    /// Contact.
    pub contact: Option<String>,
    /// Partner status.
    pub partner_status: PartnerStatusCode,
    /// Flats promised per year (companies and cooperatives).
    pub annual_quota: Option<i32>,
}

fn landlord_input(l: &LandlordInput) -> Result<DomainLandlord, Error> {
    Ok(DomainLandlord {
        kind: l.kind.into(),
        name: Text::parse("input.name", &l.name, 200, false)?,
        contact: Text::parse_opt("input.contact", l.contact.as_deref(), 500, true)?,
        partner_status: l.partner_status.into(),
        annual_quota: l.annual_quota,
    })
}

/// A new rent cap.
#[derive(InputObject)]
pub struct RentCapInput {
    /// Household size, 1–12 (12 stands for 12 and more).
    pub household_size: i32,
    /// Highest gross cold rent, euros.
    pub max_gross_cold_rent: Decimal,
    /// Largest living space, m².
    pub max_living_space: Option<f64>,
    /// Valid from (YYYY-MM-DD).
    pub valid_from: Date,
    /// Valid until (YYYY-MM-DD; open when none).
    pub valid_until: Option<Date>,
}

/// An offer's data.
#[derive(InputObject)]
pub struct OfferInput {
    /// Landlord.
    pub landlord_id: ID,
    /// Street and number.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// District.
    pub district: String,
    /// Rooms (one decimal).
    pub rooms: f64,
    /// Living space, m² (one decimal).
    pub living_space: f64,
    /// Cold rent, euros.
    pub cold_rent: Decimal,
    /// Service charges, euros.
    pub service_charges: Decimal,
    /// Heating, euros.
    pub heating: Decimal,
    /// Deposit, euros.
    pub deposit: Decimal,
    /// Available from (YYYY-MM-DD).
    pub available_from: Date,
    /// Needs a WBS.
    #[graphql(default)]
    pub wbs_required: bool,
    /// Step-free access.
    #[graphql(default)]
    pub step_free: bool,
    /// Lift.
    #[graphql(default)]
    pub lift: bool,
    /// Floor (0 = ground floor).
    #[graphql(default)]
    pub floor: i32,
    /// Most persons the landlord accepts.
    pub max_persons: Option<i32>,
    /// Pets allowed.
    pub pets_allowed: Option<bool>,
    /// Notes.
    pub notes: Option<String>,
    /// How it reached the city. On a new offer leave it out only when it is not
    /// known (reports count it as "not recorded"); on a change, left out keeps what
    /// was recorded.
    pub channel: Option<OfferChannelCode>,
}

fn offer_input(o: &OfferInput) -> Result<DomainOffer, Error> {
    Ok(DomainOffer {
        landlord_id: uuid("input.landlordId", &o.landlord_id)?,
        street: Text::parse("input.street", &o.street, 200, false)?,
        postal_code: postal_code("input.postalCode", &o.postal_code)?,
        district: Text::parse("input.district", &o.district, 100, false)?,
        rooms_tenths: tenths("input.rooms", o.rooms, 200)?,
        space_tenths: tenths("input.livingSpace", o.living_space, 5000)?,
        cold_rent_cents: cents("input.coldRent", &o.cold_rent)?,
        service_cents: cents("input.serviceCharges", &o.service_charges)?,
        heating_cents: cents("input.heating", &o.heating)?,
        deposit_cents: cents("input.deposit", &o.deposit)?,
        available_from: o.available_from.0,
        wbs_required: o.wbs_required,
        step_free: o.step_free,
        lift: o.lift,
        floor: o.floor,
        max_persons: o.max_persons,
        pets_allowed: o.pets_allowed,
        notes: Text::parse_opt("input.notes", o.notes.as_deref(), 2000, true)?,
        channel: o.channel.map(Into::into),
    })
}

/// Filters of the offer list.
#[derive(InputObject, Default)]
pub struct OfferFilterInput {
    /// Status.
    pub status: Option<OfferStatusCode>,
    /// District.
    pub district: Option<String>,
    /// Landlord.
    pub landlord_id: Option<ID>,
}

/// Housing queries.
#[derive(Default)]
pub struct HousingQuery;

#[Object]
impl HousingQuery {
    /// The city's accommodations with their occupancy (city staff).
    async fn accommodations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<AccommodationFilterInput>,
    ) -> async_graphql::Result<Connection<String, Accommodation, Counted>> {
        let rctx = request_ctx(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref())
            .gql()?
            .counting(counted(ctx));
        let f = filter.unwrap_or_default();
        let filter = AccommodationFilter {
            district: f.district,
            kind: f.kind.map(Into::into),
            with_free_places: f.with_free_places,
        };
        let items = housing(ctx)?
            .accommodations(&rctx, &filter, page)
            .await
            .gql()?;
        Ok(connection(
            items,
            page.after.is_some(),
            |a| a.id.to_string(),
            Accommodation::from,
        ))
    }

    /// One accommodation with the households living there now.
    async fn accommodation(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Accommodation> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        load_accommodation(ctx, &rctx, id).await
    }

    /// Places and occupancy per district.
    async fn occupancy_by_district(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<DistrictOccupancyRow>> {
        let rctx = request_ctx(ctx).await?;
        Ok(housing(ctx)?
            .occupancy_by_district(&rctx)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The city's landlords, with the flats they let this year (city staff).
    async fn landlords(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        partner_status: Option<PartnerStatusCode>,
    ) -> async_graphql::Result<Connection<String, Landlord, Counted>> {
        let rctx = request_ctx(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref())
            .gql()?
            .counting(counted(ctx));
        let items = housing(ctx)?
            .landlords(&rctx, partner_status.map(Into::into), page)
            .await
            .gql()?;
        Ok(connection(
            items,
            page.after.is_some(),
            |l| l.id.to_string(),
            Landlord::from,
        ))
    }

    /// The city's rent caps: all, or those valid on `on` (YYYY-MM-DD).
    async fn rent_caps(
        &self,
        ctx: &Context<'_>,
        on: Option<Date>,
    ) -> async_graphql::Result<Vec<RentCap>> {
        let rctx = request_ctx(ctx).await?;
        let on = on.map(NaiveDate::from);
        Ok(housing(ctx)?
            .rent_caps(&rctx, on)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Offers; carrier caseworkers see open offers only.
    async fn offers(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<OfferFilterInput>,
    ) -> async_graphql::Result<Connection<String, Offer, Counted>> {
        let rctx = request_ctx(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref())
            .gql()?
            .counting(counted(ctx));
        let f = filter.unwrap_or_default();
        let filter = OfferFilter {
            status: f.status.map(Into::into),
            district: f.district,
            landlord_id: f
                .landlord_id
                .as_ref()
                .map(|l| uuid("filter.landlordId", l))
                .transpose()
                .gql()?,
        };
        let items = housing(ctx)?.offers(&rctx, &filter, page).await.gql()?;
        Ok(connection(
            items,
            page.after.is_some(),
            |o| o.id.to_string(),
            Offer::from,
        ))
    }

    /// One offer.
    async fn offer(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Offer> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        Ok(housing(ctx)?.offer(&rctx, id).await.gql()?.into())
    }
}

/// One accommodation with its residents (`accommodation(id:)` and `node(id:)`).
pub(crate) async fn load_accommodation(
    ctx: &Context<'_>,
    rctx: &wohnweg_kernel::Ctx,
    id: uuid::Uuid,
) -> async_graphql::Result<Accommodation> {
    let (a, residents) = housing(ctx)?.accommodation(rctx, id).await.gql()?;
    let mut out = Accommodation::from(a);
    out.residents = Some(residents.into_iter().map(Occupancy::from).collect());
    Ok(out)
}

/// Housing mutations.
#[derive(Default)]
pub struct HousingMutation;

#[Object]
impl HousingMutation {
    /// Registers an accommodation (city staff).
    async fn create_accommodation(
        &self,
        ctx: &Context<'_>,
        input: AccommodationInput,
    ) -> async_graphql::Result<Accommodation> {
        let rctx = request_ctx(ctx).await?;
        let new = (|| -> Result<NewAccommodation, Error> {
            Ok(NewAccommodation {
                name: Text::parse("input.name", &input.name, 200, false)?,
                kind: input.kind.into(),
                street: Text::parse("input.street", &input.street, 200, false)?,
                postal_code: postal_code("input.postalCode", &input.postal_code)?,
                district: Text::parse("input.district", &input.district, 100, false)?,
                capacity: input.capacity,
            })
        })()
        .gql()?;
        Ok(housing(ctx)?
            .create_accommodation(&rctx, new)
            .await
            .gql()?
            .into())
    }

    /// Changes an accommodation's name, capacity or use.
    async fn update_accommodation(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        input: UpdateAccommodationInput,
    ) -> async_graphql::Result<Accommodation> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let patch = AccommodationPatch {
            name: input
                .name
                .as_deref()
                .map(|n| Text::parse("input.name", n, 200, false))
                .transpose()
                .gql()?,
            capacity: input.capacity,
            active: input.active,
        };
        Ok(housing(ctx)?
            .update_accommodation(&rctx, id, version, patch)
            .await
            .gql()?
            .into())
    }

    /// A household moves into an accommodation. With `relocate`, from where it lives
    /// now; beyond capacity only with `overCapacityReason`.
    async fn move_in(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        accommodation_id: ID,
        since: Option<Date>,
        relocate: Option<bool>,
        over_capacity_reason: Option<String>,
    ) -> async_graphql::Result<Occupancy> {
        let rctx = request_ctx(ctx).await?;
        let hid = uuid("householdId", &household_id).gql()?;
        let aid = uuid("accommodationId", &accommodation_id).gql()?;
        let since = since
            .map(NaiveDate::from)
            .unwrap_or_else(|| chrono::Utc::now().date_naive());
        let reason = Text::parse_opt(
            "overCapacityReason",
            over_capacity_reason.as_deref(),
            500,
            false,
        )
        .gql()?;
        Ok(housing(ctx)?
            .move_in(&rctx, hid, aid, since, relocate.unwrap_or(false), reason)
            .await
            .gql()?
            .into())
    }

    /// A household moves out of its accommodation.
    async fn move_out(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        on: Option<Date>,
        reason: String,
    ) -> async_graphql::Result<Occupancy> {
        let rctx = request_ctx(ctx).await?;
        let hid = uuid("householdId", &household_id).gql()?;
        let on = on
            .map(NaiveDate::from)
            .unwrap_or_else(|| chrono::Utc::now().date_naive());
        let reason = Text::parse("reason", &reason, 500, false).gql()?;
        Ok(housing(ctx)?
            .move_out(&rctx, hid, on, reason)
            .await
            .gql()?
            .into())
    }

    /// Registers a landlord (city staff).
    async fn create_landlord(
        &self,
        ctx: &Context<'_>,
        input: LandlordInput,
    ) -> async_graphql::Result<Landlord> {
        let rctx = request_ctx(ctx).await?;
        let l = landlord_input(&input).gql()?;
        Ok(housing(ctx)?.create_landlord(&rctx, l).await.gql()?.into())
    }

    /// Replaces a landlord's data.
    async fn update_landlord(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        input: LandlordInput,
    ) -> async_graphql::Result<Landlord> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let l = landlord_input(&input).gql()?;
        Ok(housing(ctx)?
            .update_landlord(&rctx, id, version, l)
            .await
            .gql()?
            .into())
    }

    /// Adds a rent cap (city coordinator). An open-ended cap for the same size that
    /// began earlier ends the day before.
    async fn add_rent_cap(
        &self,
        ctx: &Context<'_>,
        input: RentCapInput,
    ) -> async_graphql::Result<RentCap> {
        let rctx = request_ctx(ctx).await?;
        let cap = (|| -> Result<NewRentCap, Error> {
            Ok(NewRentCap {
                household_size: input.household_size,
                max_rent_cents: cents("input.maxGrossColdRent", &input.max_gross_cold_rent)?,
                max_space_tenths: input
                    .max_living_space
                    .map(|s| tenths("input.maxLivingSpace", s, 5000))
                    .transpose()?,
                valid_from: input.valid_from.0,
                valid_until: input.valid_until.map(NaiveDate::from),
            })
        })()
        .gql()?;
        Ok(housing(ctx)?.add_rent_cap(&rctx, cap).await.gql()?.into())
    }

    /// Records an offer (city staff); it is open for matching at once.
    async fn create_offer(
        &self,
        ctx: &Context<'_>,
        input: OfferInput,
    ) -> async_graphql::Result<Offer> {
        let rctx = request_ctx(ctx).await?;
        let o = offer_input(&input).gql()?;
        Ok(housing(ctx)?.create_offer(&rctx, o).await.gql()?.into())
    }

    /// Replaces an offer's data while it is received or open.
    async fn update_offer(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        input: OfferInput,
    ) -> async_graphql::Result<Offer> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let o = offer_input(&input).gql()?;
        Ok(housing(ctx)?
            .update_offer(&rctx, id, version, o)
            .await
            .gql()?
            .into())
    }

    /// Moves an offer to another status (received → open, open → withdrawn, …).
    async fn set_offer_status(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        status: OfferStatusCode,
    ) -> async_graphql::Result<Offer> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        Ok(housing(ctx)?
            .set_offer_status(&rctx, id, version, status.into())
            .await
            .gql()?
            .into())
    }
}

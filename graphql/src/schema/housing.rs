//! GraphQL surface of housing: the accommodation register and occupancy, landlords,
//! rent caps and offers. Money is given and shown in euros as strings (`"612.50"`),
//! rooms and living space as numbers with one decimal.

use async_graphql::connection::Connection;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::NaiveDate;
use wohnweg_casework::types::Text;
use wohnweg_housing::types::{cents, euros, postal_code, tenths};
use wohnweg_housing::{
    AccommodationFilter, AccommodationPatch, AccommodationView, DistrictOccupancy, Housing,
    LandlordInput as DomainLandlord, LandlordView, NewAccommodation, NewRentCap, OccupancyView,
    OfferFilter, OfferInput as DomainOffer, OfferView, RentCapView,
};
use wohnweg_kernel::Error;
use wohnweg_kernel::page::PageRequest;

use super::{Services, connection, date, gql_enum, opt_date, request_ctx, uuid};
use crate::error::GqlResultExt;

fn housing<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a Housing> {
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

fn tenth(v: i32) -> f64 {
    f64::from(v) / 10.0
}

/// A shelter or city-rented flat.
#[derive(SimpleObject)]
pub struct Accommodation {
    /// Id.
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
    pub since: NaiveDate,
    /// Until (none while living there).
    pub until: Option<NaiveDate>,
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
            since: o.since,
            until: o.until,
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
    pub since: NaiveDate,
}

impl From<wohnweg_housing::CurrentPlace> for CurrentAccommodation {
    fn from(p: wohnweg_housing::CurrentPlace) -> Self {
        Self {
            id: ID(p.accommodation.id.to_string()),
            name: p.accommodation.name,
            kind: p.accommodation.kind.into(),
            district: p.accommodation.district,
            since: p.since,
        }
    }
}

/// A landlord.
#[derive(SimpleObject)]
pub struct Landlord {
    /// Id.
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
    pub max_gross_cold_rent: String,
    /// Largest living space, m².
    pub max_living_space: Option<f64>,
    /// Valid from (inclusive).
    pub valid_from: NaiveDate,
    /// Valid until (inclusive; open when none).
    pub valid_until: Option<NaiveDate>,
}

impl From<RentCapView> for RentCap {
    fn from(c: RentCapView) -> Self {
        Self {
            id: ID(c.id.to_string()),
            household_size: c.household_size,
            max_gross_cold_rent: euros(c.max_rent_cents),
            max_living_space: c.max_space_tenths.map(tenth),
            valid_from: c.valid_from,
            valid_until: c.valid_until,
        }
    }
}

/// A housing offer.
#[derive(SimpleObject)]
pub struct Offer {
    /// Id.
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
    pub cold_rent: String,
    /// Service charges, euros.
    pub service_charges: String,
    /// Heating, euros.
    pub heating: String,
    /// Gross cold rent (cold rent plus service charges), euros: what a rent cap limits.
    pub gross_cold_rent: String,
    /// Deposit, euros.
    pub deposit: String,
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
    /// Pets allowed.
    pub pets_allowed: Option<bool>,
    /// Notes.
    pub notes: Option<String>,
    /// Status.
    pub status: OfferStatusCode,
    /// Since when.
    pub status_on: NaiveDate,
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
            available_from: d.available_from,
            wbs_required: d.wbs_required,
            step_free: d.step_free,
            lift: d.lift,
            floor: d.floor,
            max_persons: d.max_persons,
            pets_allowed: d.pets_allowed,
            notes: d.notes,
            status: o.status.into(),
            status_on: o.status_on,
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
    pub max_gross_cold_rent: String,
    /// Largest living space, m².
    pub max_living_space: Option<f64>,
    /// Valid from (YYYY-MM-DD).
    pub valid_from: String,
    /// Valid until (YYYY-MM-DD; open when none).
    pub valid_until: Option<String>,
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
    pub cold_rent: String,
    /// Service charges, euros.
    pub service_charges: String,
    /// Heating, euros.
    pub heating: String,
    /// Deposit, euros.
    pub deposit: String,
    /// Available from (YYYY-MM-DD).
    pub available_from: String,
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
        available_from: date("input.availableFrom", &o.available_from)?,
        wbs_required: o.wbs_required,
        step_free: o.step_free,
        lift: o.lift,
        floor: o.floor,
        max_persons: o.max_persons,
        pets_allowed: o.pets_allowed,
        notes: Text::parse_opt("input.notes", o.notes.as_deref(), 2000, true)?,
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
    ) -> async_graphql::Result<Connection<String, Accommodation>> {
        let rctx = request_ctx(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref()).gql()?;
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
        let (a, residents) = housing(ctx)?.accommodation(&rctx, id).await.gql()?;
        let mut out = Accommodation::from(a);
        out.residents = Some(residents.into_iter().map(Occupancy::from).collect());
        Ok(out)
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
    ) -> async_graphql::Result<Connection<String, Landlord>> {
        let rctx = request_ctx(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref()).gql()?;
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
        on: Option<String>,
    ) -> async_graphql::Result<Vec<RentCap>> {
        let rctx = request_ctx(ctx).await?;
        let on = opt_date("on", on.as_ref()).gql()?;
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
    ) -> async_graphql::Result<Connection<String, Offer>> {
        let rctx = request_ctx(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref()).gql()?;
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
        since: Option<String>,
        relocate: Option<bool>,
        over_capacity_reason: Option<String>,
    ) -> async_graphql::Result<Occupancy> {
        let rctx = request_ctx(ctx).await?;
        let hid = uuid("householdId", &household_id).gql()?;
        let aid = uuid("accommodationId", &accommodation_id).gql()?;
        let since = opt_date("since", since.as_ref())
            .gql()?
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
        on: Option<String>,
        reason: String,
    ) -> async_graphql::Result<Occupancy> {
        let rctx = request_ctx(ctx).await?;
        let hid = uuid("householdId", &household_id).gql()?;
        let on = opt_date("on", on.as_ref())
            .gql()?
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
                valid_from: date("input.validFrom", &input.valid_from)?,
                valid_until: opt_date("input.validUntil", input.valid_until.as_ref())?,
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

/// One hard rule's outcome.
#[derive(SimpleObject)]
pub struct MatchRule {
    /// Rule code (`FLAT_SIZE`, `LANDLORD_LIMIT`, `RENT_CAP`, `SPACE_CAP`, `WBS`,
    /// `ACCESSIBILITY`, `LANDLORD_CONSENT`, `READINESS`).
    pub rule: String,
    /// Whether it passed.
    pub passed: bool,
    /// Why, in numbers.
    pub detail: String,
}

/// One part of a score.
#[derive(SimpleObject)]
pub struct MatchScorePart {
    /// Part code (`READINESS`, `WAITING`, `DISTRICT`, `SIZE_FIT`, `CERTIFICATE`).
    pub part: String,
    /// Points.
    pub points: f64,
    /// Why.
    pub detail: String,
}

/// Why a candidate ranks where it does: every rule, every score part.
#[derive(SimpleObject)]
pub struct MatchExplanation {
    /// Every hard rule.
    pub rules: Vec<MatchRule>,
    /// The rules that failed (empty for an eligible candidate).
    pub failed_rules: Vec<String>,
    /// Score parts (empty when excluded).
    pub parts: Vec<MatchScorePart>,
}

impl From<wohnweg_housing::Explanation> for MatchExplanation {
    fn from(e: wohnweg_housing::Explanation) -> Self {
        Self {
            failed_rules: e.failed().into_iter().map(str::to_owned).collect(),
            rules: e
                .rules
                .into_iter()
                .map(|r| MatchRule {
                    rule: r.rule.to_owned(),
                    passed: r.passed,
                    detail: r.detail,
                })
                .collect(),
            parts: e
                .parts
                .into_iter()
                .map(|p| MatchScorePart {
                    part: p.part.to_owned(),
                    points: p.points,
                    detail: p.detail,
                })
                .collect(),
        }
    }
}

/// A household ranked for an offer.
#[derive(SimpleObject)]
pub struct HouseholdMatch {
    /// Household id.
    pub household_id: ID,
    /// Reference number.
    pub reference: String,
    /// Members.
    pub size: i32,
    /// Score (none when excluded: an excluded candidate is not ranked).
    pub score: Option<f64>,
    /// Whether every hard rule passed.
    pub eligible: bool,
    /// Why.
    pub explanation: MatchExplanation,
}

/// An offer ranked for a household.
#[derive(SimpleObject)]
pub struct OfferMatch {
    /// The offer.
    pub offer: Offer,
    /// Score (none when excluded: an excluded offer is not ranked).
    pub score: Option<f64>,
    /// Whether every hard rule passed.
    pub eligible: bool,
    /// Why.
    pub explanation: MatchExplanation,
}

/// Matching queries.
#[derive(Default)]
pub struct MatchingQuery;

#[Object]
impl MatchingQuery {
    /// The households looking for a flat, ranked for an offer (best first). With
    /// `includeExcluded`, the excluded ones follow with the rules they fail. Carrier
    /// caseworkers rank their own households for open offers.
    async fn rank_households_for_offer(
        &self,
        ctx: &Context<'_>,
        offer_id: ID,
        #[graphql(default = 50)] first: i32,
        include_excluded: Option<bool>,
    ) -> async_graphql::Result<Vec<HouseholdMatch>> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("offerId", &offer_id).gql()?;
        let first = usize::try_from(first)
            .map_err(|_| Error::bad_input("first", "must be 1–500"))
            .gql()?;
        Ok(housing(ctx)?
            .rank_households(&rctx, id, first, include_excluded.unwrap_or(false))
            .await
            .gql()?
            .into_iter()
            .map(|c| HouseholdMatch {
                household_id: ID(c.household.id.to_string()),
                reference: c.household.reference,
                size: c.household.size,
                score: c.eligible.then_some(c.score),
                eligible: c.eligible,
                explanation: c.explanation.into(),
            })
            .collect())
    }

    /// The open offers ranked for a household looking for a flat (best first).
    async fn rank_offers_for_household(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        #[graphql(default = 50)] first: i32,
        include_excluded: Option<bool>,
    ) -> async_graphql::Result<Vec<OfferMatch>> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("householdId", &household_id).gql()?;
        let first = usize::try_from(first)
            .map_err(|_| Error::bad_input("first", "must be 1–500"))
            .gql()?;
        Ok(housing(ctx)?
            .rank_offers(&rctx, id, first, include_excluded.unwrap_or(false))
            .await
            .gql()?
            .into_iter()
            .map(|c| OfferMatch {
                offer: c.offer.into(),
                score: c.eligible.then_some(c.score),
                eligible: c.eligible,
                explanation: c.explanation.into(),
            })
            .collect())
    }
}

gql_enum!(/// Where a match stands.
    MatchStatusCode => "wohnweg_housing::types::MatchStatus", "MatchStatus" {
    Proposed, ViewingScheduled, LandlordAccepted, Declined, Withdrawn, MovedIn });
gql_enum!(/// Why a match was declined, from either side.
    DeclineReasonCode => "wohnweg_housing::types::DeclineReason", "DeclineReason" {
    HouseholdRefusedArea, HouseholdRefusedFlat, HouseholdUnreachable, LandlordChoseOther,
    IncomeDocumentsMissing, LandlordNoReason, Other });

/// A match between an offer and a household.
#[derive(SimpleObject)]
pub struct Match {
    /// Id.
    pub id: ID,
    /// Offer.
    pub offer_id: ID,
    /// Household.
    pub household_id: ID,
    /// Status.
    pub status: MatchStatusCode,
    /// Score when proposed.
    pub score: f64,
    /// Viewing date.
    pub viewing_on: Option<NaiveDate>,
    /// Why declined.
    pub decline_reason: Option<DeclineReasonCode>,
    /// More on the decline or withdrawal.
    pub decline_text: Option<String>,
    /// Lease signed on.
    pub lease_signed_on: Option<NaiveDate>,
    /// Moved in on.
    pub move_in_on: Option<NaiveDate>,
    /// Version.
    pub version: i32,
}

impl From<wohnweg_housing::MatchView> for Match {
    fn from(m: wohnweg_housing::MatchView) -> Self {
        Self {
            id: ID(m.id.to_string()),
            offer_id: ID(m.offer_id.to_string()),
            household_id: ID(m.household_id.to_string()),
            status: m.status.into(),
            score: m.score,
            viewing_on: m.viewing_on,
            decline_reason: m.decline_reason.map(Into::into),
            decline_text: m.decline_text,
            lease_signed_on: m.lease_signed_on,
            move_in_on: m.move_in_on,
            version: m.version,
        }
    }
}

/// Filters of the match list.
#[derive(InputObject, Default)]
pub struct MatchFilterInput {
    /// Offer.
    pub offer_id: Option<ID>,
    /// Household.
    pub household_id: Option<ID>,
    /// Status.
    pub status: Option<MatchStatusCode>,
}

/// Match queries.
#[derive(Default)]
pub struct MatchQuery;

#[Object]
impl MatchQuery {
    /// Matches; carrier caseworkers see their households' only.
    async fn matches(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<MatchFilterInput>,
    ) -> async_graphql::Result<Connection<String, Match>> {
        let rctx = request_ctx(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref()).gql()?;
        let f = filter.unwrap_or_default();
        let filter = wohnweg_housing::MatchFilter {
            offer_id: f
                .offer_id
                .as_ref()
                .map(|i| uuid("filter.offerId", i))
                .transpose()
                .gql()?,
            household_id: f
                .household_id
                .as_ref()
                .map(|i| uuid("filter.householdId", i))
                .transpose()
                .gql()?,
            status: f.status.map(Into::into),
        };
        let items = housing(ctx)?.matches(&rctx, &filter, page).await.gql()?;
        Ok(connection(
            items,
            page.after.is_some(),
            |m| m.id.to_string(),
            Match::from,
        ))
    }
}

/// Match mutations.
#[derive(Default)]
pub struct MatchMutation;

#[Object]
impl MatchMutation {
    /// Proposes a household for an open offer; it must pass every hard rule. The case
    /// moves to "offer in progress".
    async fn propose_match(
        &self,
        ctx: &Context<'_>,
        offer_id: ID,
        household_id: ID,
    ) -> async_graphql::Result<Match> {
        let rctx = request_ctx(ctx).await?;
        let o = uuid("offerId", &offer_id).gql()?;
        let h = uuid("householdId", &household_id).gql()?;
        Ok(housing(ctx)?.propose_match(&rctx, o, h).await.gql()?.into())
    }

    /// Schedules (or moves) the viewing.
    async fn schedule_viewing(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        on: String,
    ) -> async_graphql::Result<Match> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let on = date("on", &on).gql()?;
        Ok(housing(ctx)?
            .schedule_viewing(&rctx, id, version, on)
            .await
            .gql()?
            .into())
    }

    /// Records that the landlord accepted the household: the offer is reserved, its
    /// other candidates declined, the household's other matches withdrawn.
    async fn record_landlord_acceptance(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
    ) -> async_graphql::Result<Match> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        Ok(housing(ctx)?
            .landlord_accepts(&rctx, id, version)
            .await
            .gql()?
            .into())
    }

    /// Declines a match with a coded reason from either side (and text).
    async fn decline_match(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        reason: DeclineReasonCode,
        text: Option<String>,
    ) -> async_graphql::Result<Match> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let text = Text::parse_opt("text", text.as_deref(), 500, false).gql()?;
        Ok(housing(ctx)?
            .close_match(&rctx, id, version, Some(reason.into()), text)
            .await
            .gql()?
            .into())
    }

    /// Withdraws a match (e.g. staff end it).
    async fn withdraw_match(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        text: Option<String>,
    ) -> async_graphql::Result<Match> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let text = Text::parse_opt("text", text.as_deref(), 500, false).gql()?;
        Ok(housing(ctx)?
            .close_match(&rctx, id, version, None, text)
            .await
            .gql()?
            .into())
    }

    /// Records the signed lease and the move: the offer is let, the household's place
    /// in the register freed, its case moved out with aftercare scheduled — all at
    /// once or not at all.
    async fn sign_lease(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        signed_on: String,
        move_in_on: String,
    ) -> async_graphql::Result<Match> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let signed = date("signedOn", &signed_on).gql()?;
        let moved = date("moveInOn", &move_in_on).gql()?;
        Ok(housing(ctx)?
            .sign_lease(&rctx, id, version, signed, moved)
            .await
            .gql()?
            .into())
    }
}

gql_enum!(/// What the city guarantees.
    GuaranteeKindCode => "wohnweg_housing::types::GuaranteeKind", "GuaranteeKind" {
    Deposit, RentAssumption, SecurityGuarantee, Release });
gql_enum!(/// Where a guarantee request stands.
    GuaranteeStatusCode => "wohnweg_housing::types::GuaranteeStatus", "GuaranteeStatus" {
    Requested, Approved, Rejected });

/// A guarantee request.
#[derive(SimpleObject)]
pub struct Guarantee {
    /// Id.
    pub id: ID,
    /// Household.
    pub household_id: ID,
    /// Kind.
    pub kind: GuaranteeKindCode,
    /// Amount, euros.
    pub amount: String,
    /// Why.
    pub justification: String,
    /// Budget year.
    pub budget_year: i32,
    /// Status.
    pub status: GuaranteeStatusCode,
    /// Decided on.
    pub decided_on: Option<NaiveDate>,
    /// Why rejected (or a note on the approval).
    pub decision_reason: Option<String>,
    /// Agreed instalment, euros (deposit loans).
    pub instalment: Option<String>,
    /// Agreed number of instalments.
    pub instalments: Option<i32>,
    /// Repaid so far, euros.
    pub repaid: String,
    /// Still owed, euros (deposit loans with an agreed repayment).
    pub outstanding: Option<String>,
    /// Version.
    pub version: i32,
}

impl From<wohnweg_housing::GuaranteeView> for Guarantee {
    fn from(g: wohnweg_housing::GuaranteeView) -> Self {
        Self {
            id: ID(g.id.to_string()),
            household_id: ID(g.household_id.to_string()),
            kind: g.kind.into(),
            amount: euros(g.amount_cents),
            justification: g.justification,
            budget_year: g.budget_year,
            status: g.status.into(),
            decided_on: g.decided_on,
            decision_reason: g.decision_reason,
            instalment: g.instalment_cents.map(euros),
            instalments: g.instalments,
            repaid: euros(g.repaid_cents),
            outstanding: g
                .instalments
                .map(|_| euros(g.amount_cents - g.repaid_cents)),
            version: g.version,
        }
    }
}

/// A kind's budget for a year.
#[derive(SimpleObject)]
pub struct GuaranteeBudget {
    /// Year.
    pub year: i32,
    /// Kind.
    pub kind: GuaranteeKindCode,
    /// Budget, euros ("0.00" when none is set).
    pub budget: String,
    /// Approved so far, euros.
    pub committed: String,
    /// Left, euros.
    pub remaining: String,
    /// Version (0 when none is set).
    pub version: i32,
}

impl From<wohnweg_housing::BudgetView> for GuaranteeBudget {
    fn from(b: wohnweg_housing::BudgetView) -> Self {
        let committed = i32::try_from(b.committed_cents).unwrap_or(i32::MAX);
        Self {
            year: b.year,
            kind: b.kind.into(),
            budget: euros(b.budget_cents),
            committed: euros(committed),
            remaining: euros(b.budget_cents.saturating_sub(committed)),
            version: b.version,
        }
    }
}

/// A guarantee request.
#[derive(InputObject)]
pub struct GuaranteeInput {
    /// Kind.
    pub kind: GuaranteeKindCode,
    /// Amount, euros.
    pub amount: String,
    /// Why.
    pub justification: String,
}

/// Guarantee queries.
#[derive(Default)]
pub struct GuaranteeQuery;

#[Object]
impl GuaranteeQuery {
    /// Guarantee requests; carriers see their households' only.
    async fn guarantees(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        status: Option<GuaranteeStatusCode>,
        household_id: Option<ID>,
    ) -> async_graphql::Result<Connection<String, Guarantee>> {
        let rctx = request_ctx(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref()).gql()?;
        let h = household_id
            .as_ref()
            .map(|h| uuid("householdId", h))
            .transpose()
            .gql()?;
        let items = housing(ctx)?
            .guarantees(&rctx, status.map(Into::into), h, page)
            .await
            .gql()?;
        Ok(connection(
            items,
            page.after.is_some(),
            |g| g.id.to_string(),
            Guarantee::from,
        ))
    }

    /// Budget, committed and remaining per kind for a year (city staff).
    async fn guarantee_budgets(
        &self,
        ctx: &Context<'_>,
        year: i32,
    ) -> async_graphql::Result<Vec<GuaranteeBudget>> {
        let rctx = request_ctx(ctx).await?;
        Ok(housing(ctx)?
            .budgets(&rctx, year)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}

/// Guarantee mutations.
#[derive(Default)]
pub struct GuaranteeMutation;

#[Object]
impl GuaranteeMutation {
    /// Requests a guarantee for a household.
    async fn request_guarantee(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        input: GuaranteeInput,
    ) -> async_graphql::Result<Guarantee> {
        let rctx = request_ctx(ctx).await?;
        let h = uuid("householdId", &household_id).gql()?;
        let amount = cents("input.amount", &input.amount).gql()?;
        let why = Text::parse("input.justification", &input.justification, 2000, true).gql()?;
        Ok(housing(ctx)?
            .request_guarantee(&rctx, h, input.kind.into(), amount, why)
            .await
            .gql()?
            .into())
    }

    /// The coordinator approves (within the budget) or rejects (with a reason).
    async fn decide_guarantee(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        approve: bool,
        reason: Option<String>,
    ) -> async_graphql::Result<Guarantee> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let reason = Text::parse_opt("reason", reason.as_deref(), 500, false).gql()?;
        Ok(housing(ctx)?
            .decide_guarantee(&rctx, id, version, approve, reason)
            .await
            .gql()?
            .into())
    }

    /// Sets a year's budget for a kind (coordinator; `version` 0 creates it).
    async fn set_guarantee_budget(
        &self,
        ctx: &Context<'_>,
        year: i32,
        kind: GuaranteeKindCode,
        amount: String,
        version: Option<i32>,
    ) -> async_graphql::Result<GuaranteeBudget> {
        let rctx = request_ctx(ctx).await?;
        let amount = cents("amount", &amount).gql()?;
        Ok(housing(ctx)?
            .set_budget(&rctx, year, kind.into(), amount, version.unwrap_or(0))
            .await
            .gql()?
            .into())
    }

    /// Agrees the repayment of an approved deposit loan.
    async fn agree_repayment(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        instalment: String,
        instalments: i32,
    ) -> async_graphql::Result<Guarantee> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let instalment = cents("instalment", &instalment).gql()?;
        Ok(housing(ctx)?
            .agree_repayment(&rctx, id, version, instalment, instalments)
            .await
            .gql()?
            .into())
    }

    /// Records a repayment received on a deposit loan.
    async fn record_repayment(
        &self,
        ctx: &Context<'_>,
        id: ID,
        amount: String,
        received_on: Option<String>,
    ) -> async_graphql::Result<Guarantee> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let amount = cents("amount", &amount).gql()?;
        let on = opt_date("receivedOn", received_on.as_ref())
            .gql()?
            .unwrap_or_else(|| chrono::Utc::now().date_naive());
        Ok(housing(ctx)?
            .record_repayment(&rctx, id, on, amount)
            .await
            .gql()?
            .into())
    }
}

/// One district in the segregation indicator.
#[derive(SimpleObject)]
pub struct DistrictPlacementRow {
    /// District.
    pub district: String,
    /// Placements in the window.
    pub placements: i32,
    /// Share of all placements (0–1).
    pub placement_share: f64,
    /// Dwellings entered for the district.
    pub dwellings: i32,
    /// Share of the city's dwellings (0–1).
    pub housing_share: f64,
    /// Placement share ÷ housing share (none without stock).
    pub ratio: Option<f64>,
    /// Placements cluster here (at least 3, and 1.5 times the housing share or more).
    pub clustering: bool,
}

/// Segregation queries.
#[derive(Default)]
pub struct SegregationQuery;

#[Object]
impl SegregationQuery {
    /// Where households were placed from `from` to `to` (YYYY-MM-DD), per district,
    /// against each district's share of the city's housing (city staff).
    async fn segregation_indicator(
        &self,
        ctx: &Context<'_>,
        from: String,
        to: String,
    ) -> async_graphql::Result<Vec<DistrictPlacementRow>> {
        let rctx = request_ctx(ctx).await?;
        let from = date("from", &from).gql()?;
        let to = date("to", &to).gql()?;
        Ok(housing(ctx)?
            .segregation(&rctx, from, to)
            .await
            .gql()?
            .into_iter()
            .map(|d| DistrictPlacementRow {
                district: d.district,
                placements: i32::try_from(d.placements).unwrap_or(i32::MAX),
                placement_share: d.placement_share,
                dwellings: d.dwellings,
                housing_share: d.housing_share,
                ratio: d.ratio,
                clustering: d.clustering,
            })
            .collect())
    }
}

/// Segregation mutations.
#[derive(Default)]
pub struct SegregationMutation;

#[Object]
impl SegregationMutation {
    /// Enters the number of dwellings of a district (city statistics).
    async fn set_district_housing_stock(
        &self,
        ctx: &Context<'_>,
        district: String,
        dwellings: i32,
    ) -> async_graphql::Result<bool> {
        let rctx = request_ctx(ctx).await?;
        let district = Text::parse("district", &district, 100, false).gql()?;
        housing(ctx)?
            .set_district_stock(&rctx, district, dwellings)
            .await
            .gql()?;
        Ok(true)
    }
}

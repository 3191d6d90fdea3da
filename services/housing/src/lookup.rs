//! What services above housing (programmes) may learn about the city's moves inside
//! their own tenant transaction: which household moved in when, to which landlord —
//! ids and dates only.

use chrono::NaiveDate;
use sea_orm::QuerySelect;
use uuid::Uuid;
use wohnweg_kernel::{Result, TenantTx};

use crate::entity::placement;

/// Every placement of the transaction's tenant: `(household, landlord, move-in)`
/// (one statement).
///
/// # Errors
/// A database error.
pub async fn placements(tx: &TenantTx) -> Result<Vec<(Uuid, Option<Uuid>, NaiveDate)>> {
    Ok(tx
        .find::<placement::Entity>()
        .select_only()
        .column(placement::Column::HouseholdId)
        .column(placement::Column::LandlordId)
        .column(placement::Column::MoveInOn)
        .into_tuple()
        .all(tx.conn())
        .await?)
}

/// A placement as a report by period needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacementFact {
    /// The household.
    pub household_id: Uuid,
    /// How the flat came about.
    pub source: crate::types::PlacementSource,
    /// The landlord's kind.
    pub landlord_kind: crate::types::LandlordKind,
    /// A housing company's name (reports name them); `None` for everyone else.
    pub housing_company: Option<String>,
    /// The move-in.
    pub move_in_on: NaiveDate,
    /// When the move was recorded.
    pub recorded_at: chrono::DateTime<chrono::Utc>,
    /// A return to a shelter.
    pub returned_on: Option<NaiveDate>,
    /// The match it came through.
    pub match_id: Option<Uuid>,
    /// The flat's district.
    pub district: String,
}

/// Every placement of the transaction's tenant with what reports count of it (two
/// statements: the placements, and the names of the housing companies among their
/// landlords).
///
/// # Errors
/// A database error, or a stored code the code does not know.
pub async fn placement_facts(tx: &TenantTx) -> Result<Vec<PlacementFact>> {
    use std::collections::HashMap;

    use sea_orm::{ColumnTrait, QueryFilter};
    use wohnweg_casework::types::stored;

    use crate::entity::landlord;
    use crate::types::{LandlordKind, PlacementSource};
    let rows = tx.find::<placement::Entity>().all(tx.conn()).await?;
    let companies: HashMap<Uuid, String> = tx
        .find::<landlord::Entity>()
        .select_only()
        .column(landlord::Column::Id)
        .column(landlord::Column::Name)
        .filter(landlord::Column::Kind.eq(LandlordKind::HousingCompany.code()))
        .into_tuple::<(Uuid, String)>()
        .all(tx.conn())
        .await?
        .into_iter()
        .collect();
    let mut out = Vec::with_capacity(rows.len());
    for p in rows {
        let landlord_kind = stored(&p.landlord_kind, LandlordKind::from_code)?;
        out.push(PlacementFact {
            household_id: p.household_id,
            source: stored(&p.source, PlacementSource::from_code)?,
            landlord_kind,
            housing_company: p
                .landlord_id
                .filter(|_| landlord_kind == LandlordKind::HousingCompany)
                .and_then(|l| companies.get(&l).cloned()),
            move_in_on: p.move_in_on,
            recorded_at: p.recorded_at,
            returned_on: p.returned_on,
            match_id: p.match_id,
            district: p.district,
        });
    }
    Ok(out)
}

/// A match as a report by period needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchFact {
    /// Id.
    pub id: Uuid,
    /// The household.
    pub household_id: Uuid,
    /// When it was proposed.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// A declined match: why, who declined, and when (its last change).
    pub declined: Option<(
        crate::types::DeclineReason,
        Option<String>,
        chrono::DateTime<chrono::Utc>,
    )>,
    /// Proposed although a rule did not hold (a recorded override).
    pub overridden: bool,
    /// The lease was signed on.
    pub lease_signed_on: Option<NaiveDate>,
    /// The offer it proposed.
    pub offer_id: Uuid,
}

/// An offer as a report by period needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfferFact {
    /// Id.
    pub id: Uuid,
    /// How it reached the city (`None`: not recorded).
    pub channel: Option<crate::types::OfferChannel>,
    /// When it was taken in.
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// Every offer of the transaction's tenant: id, channel, when taken in (one
/// statement).
///
/// # Errors
/// A database error, or a stored code the code does not know.
pub async fn offer_facts(tx: &TenantTx) -> Result<Vec<OfferFact>> {
    use wohnweg_casework::types::stored;

    use crate::entity::offer;
    use crate::types::OfferChannel;
    let rows: Vec<(Uuid, Option<String>, chrono::DateTime<chrono::Utc>)> = tx
        .find::<offer::Entity>()
        .select_only()
        .column(offer::Column::Id)
        .column(offer::Column::Channel)
        .column(offer::Column::CreatedAt)
        .into_tuple()
        .all(tx.conn())
        .await?;
    rows.into_iter()
        .map(|(id, channel, created_at)| {
            Ok(OfferFact {
                id,
                channel: channel
                    .as_deref()
                    .map(|c| stored(c, OfferChannel::from_code))
                    .transpose()?,
                created_at,
            })
        })
        .collect()
}

/// A guarantee as a report by period needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuaranteeFact {
    /// The household.
    pub household_id: Uuid,
    /// Deposit loan, rent assumption, security guarantee, release.
    pub kind: crate::types::GuaranteeKind,
    /// Approved on (`None`: not approved).
    pub approved_on: Option<NaiveDate>,
    /// Amount in cents.
    pub amount_cents: i32,
    /// Repayments received: day, cents.
    pub repayments: Vec<(NaiveDate, i32)>,
}

/// Every match of the transaction's tenant (one statement).
///
/// # Errors
/// A database error, or a stored code the code does not know.
pub async fn match_facts(tx: &TenantTx) -> Result<Vec<MatchFact>> {
    use wohnweg_casework::types::stored;

    use crate::entity::matched as matching;
    use crate::types::{DeclineReason, MatchStatus};
    let rows = tx.find::<matching::Entity>().all(tx.conn()).await?;
    let mut out = Vec::with_capacity(rows.len());
    for m in rows {
        let status = stored(&m.status, MatchStatus::from_code)?;
        let declined = match (status, &m.decline_reason) {
            (MatchStatus::Declined, Some(r)) => Some((
                stored(r, DeclineReason::from_code)?,
                m.declined_by.clone(),
                m.updated_at,
            )),
            _ => None,
        };
        out.push(MatchFact {
            id: m.id,
            household_id: m.household_id,
            created_at: m.created_at,
            declined,
            overridden: m.override_rules.as_deref().is_some_and(|r| !r.is_empty()),
            lease_signed_on: m.lease_signed_on,
            offer_id: m.offer_id,
        });
    }
    Ok(out)
}

/// Every guarantee of the transaction's tenant with its repayments (two statements).
///
/// # Errors
/// A database error, or a stored code the code does not know.
pub async fn guarantee_facts(tx: &TenantTx) -> Result<Vec<GuaranteeFact>> {
    use std::collections::HashMap;

    use wohnweg_casework::types::stored;

    use crate::entity::{guarantee, repayment};
    use crate::types::{GuaranteeKind, GuaranteeStatus};
    let rows = tx.find::<guarantee::Entity>().all(tx.conn()).await?;
    let mut paid: HashMap<Uuid, Vec<(NaiveDate, i32)>> = HashMap::new();
    for r in tx.find::<repayment::Entity>().all(tx.conn()).await? {
        paid.entry(r.guarantee_id)
            .or_default()
            .push((r.received_on, r.amount_cents));
    }
    let mut out = Vec::with_capacity(rows.len());
    for g in rows {
        let approved = stored(&g.status, GuaranteeStatus::from_code)? == GuaranteeStatus::Approved;
        out.push(GuaranteeFact {
            household_id: g.household_id,
            kind: stored(&g.kind, GuaranteeKind::from_code)?,
            approved_on: g.decided_on.filter(|_| approved),
            amount_cents: g.amount_cents,
            repayments: paid.remove(&g.id).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// The city's housing stock: dwellings per district, as the city entered them (one
/// statement).
///
/// # Errors
/// A database error.
pub async fn district_stock(tx: &TenantTx) -> Result<std::collections::HashMap<String, i64>> {
    use crate::entity::district_stock;
    Ok(tx
        .find::<district_stock::Entity>()
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|d| (d.district, i64::from(d.dwellings)))
        .collect())
}

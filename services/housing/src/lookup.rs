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

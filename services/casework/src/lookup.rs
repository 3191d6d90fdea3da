//! What other services (housing) may learn about a household inside their own tenant
//! transaction: that it exists, its size, state and carrier — no personal data.

use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;
use wohnweg_kernel::{OrganisationId, Result, TenantTx};

use crate::entity::household;
use crate::types::{CaseState, stored};

/// A household as other services see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HouseholdBrief {
    /// Id.
    pub id: Uuid,
    /// Number of members.
    pub size: i32,
    /// Case state.
    pub state: CaseState,
    /// Assigned carrier.
    pub carrier: Option<OrganisationId>,
}

/// The household `id` of the transaction's tenant, if any (one statement).
pub async fn household(tx: &TenantTx, id: Uuid) -> Result<Option<HouseholdBrief>> {
    let Some(h) = tx
        .find::<household::Entity>()
        .filter(household::Column::Id.eq(id))
        .one(tx.conn())
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(HouseholdBrief {
        id: h.id,
        size: h.member_count,
        state: stored(&h.state, CaseState::from_code)?,
        carrier: h.carrier_org.map(OrganisationId::from_uuid),
    }))
}

/// The households among `ids` (one statement), optionally only those assigned to
/// `carrier`.
pub async fn households(
    tx: &TenantTx,
    ids: &[Uuid],
    carrier: Option<OrganisationId>,
) -> Result<Vec<HouseholdBrief>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut q = tx
        .find::<household::Entity>()
        .filter(household::Column::Id.is_in(ids.iter().copied()));
    if let Some(c) = carrier {
        q = q.filter(household::Column::CarrierOrg.eq(c.uuid()));
    }
    q.all(tx.conn())
        .await?
        .into_iter()
        .map(|h| {
            Ok(HouseholdBrief {
                id: h.id,
                size: h.member_count,
                state: stored(&h.state, CaseState::from_code)?,
                carrier: h.carrier_org.map(OrganisationId::from_uuid),
            })
        })
        .collect()
}

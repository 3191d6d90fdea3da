//! Which housing record a bare id names, for the gateway's `node(id:)`: ids are
//! UUIDs, unique across every table, so a global id needs no type prefix.

use uuid::Uuid;
use wohnweg_kernel::{Ctx, Result};

use crate::Housing;
use crate::access::Access;
use crate::entity::{accommodation, guarantee, landlord, matched, offer};

/// The housing records that are nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HousingKind {
    /// An accommodation of the register.
    Accommodation,
    /// A housing offer.
    Offer,
    /// A landlord.
    Landlord,
    /// A match of an offer and a household.
    Match,
    /// A guarantee request.
    Guarantee,
}

impl Housing {
    /// Which of the caller's city's housing records `id` names (one statement), or
    /// `None` — for another city's id too. Says nothing about whether the caller may
    /// read it: the record's own read decides that.
    pub async fn which(&self, ctx: &Ctx, id: Uuid) -> Result<Option<HousingKind>> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let kind = tx
            .which(vec![
                tx.probe::<offer::Entity, _>(HousingKind::Offer, offer::Column::Id, id),
                tx.probe::<matched::Entity, _>(HousingKind::Match, matched::Column::Id, id),
                tx.probe::<accommodation::Entity, _>(
                    HousingKind::Accommodation,
                    accommodation::Column::Id,
                    id,
                ),
                tx.probe::<landlord::Entity, _>(HousingKind::Landlord, landlord::Column::Id, id),
                tx.probe::<guarantee::Entity, _>(HousingKind::Guarantee, guarantee::Column::Id, id),
            ])
            .await?;
        tx.commit().await?;
        Ok(kind)
    }
}

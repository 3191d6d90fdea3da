//! Demo only: the moves of a city's invented past households
//! (`wohnweg_casework::demo`): a flat found by the household or a lease taken over,
//! and the return to a shelter where there was one. One tenant transaction, one audit
//! entry per move. Never called outside the demo seed.

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use uuid::Uuid;
use wohnweg_casework::demo::PastMove;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Result};

use crate::Housing;
use crate::entity::placement;

impl Housing {
    /// Records the moves of the caller's city's past households.
    ///
    /// # Errors
    /// A database error.
    pub async fn demo_past_moves(&self, ctx: &Ctx, moves: &[PastMove]) -> Result<()> {
        if moves.is_empty() {
            return Ok(());
        }
        let tx = self.db.begin_tenant(ctx.tenant()?).await?;
        let user = ctx.principal().user_id.uuid();
        let districts = ["Mitte", "Nord", "Süd", "Ost", "West", "Altstadt"];
        let at = |d: NaiveDate| {
            d.and_hms_opt(15, 0, 0)
                .map_or_else(Utc::now, |t| t.and_utc())
                .min(Utc::now())
        };
        let rows: Vec<placement::ActiveModel> = moves
            .iter()
            .enumerate()
            .map(|(i, m)| placement::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_id: Set(m.household),
                source: Set(if m.lease_takeover {
                    "lease_takeover"
                } else {
                    "self_found"
                }
                .to_owned()),
                match_id: Set(None),
                accommodation_id: Set(None),
                landlord_id: Set(None),
                landlord_kind: Set(if i % 3 == 0 {
                    "housing_company"
                } else {
                    "private"
                }
                .to_owned()),
                district: Set(districts[i % districts.len()].to_owned()),
                rooms_tenths: Set(20 + 5 * i32::try_from(i % 5).unwrap_or(0)),
                space_tenths: Set(450 + 40 * i32::try_from(i % 7).unwrap_or(0)),
                gross_rent_cents: Set(48_000 + 2_500 * i32::try_from(i % 9).unwrap_or(0)),
                move_in_on: Set(m.moved_on),
                recorded_at: Set(at(m.moved_on)),
                actor: Set(user),
                returned_on: Set(m.returned_on),
                return_reason: Set(m.returned_on.map(|_| "rent_arrears".to_owned())),
            })
            .collect();
        let ids: Vec<Uuid> = rows
            .iter()
            .filter_map(|r| match &r.id {
                Set(id) => Some(*id),
                _ => None,
            })
            .collect();
        for chunk in rows.chunks(300) {
            placement::Entity::secure_insert_many(&tx, chunk.to_vec()).await?;
        }
        let entries: Vec<AuditEntry<'_>> = ids
            .iter()
            .map(|id| AuditEntry::new("placement", *id, "import", &["move_in_on", "source"]))
            .collect();
        audit::append_many(&tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(())
    }
}

//! Housing's part of a household's record, for casework's data-subject rights and
//! workflow ([`wohnweg_casework::parts`]): what housing holds about a household
//! (occupancies, matches, guarantees, repayments) goes into a person's export; erasure
//! clears its free text (a guarantee's justification and decision reason, a match's
//! decline text, override and benefit-office reasons, an occupancy's reasons) and
//! keeps the coded facts and amounts; a case that leaves the active work withdraws its
//! open matches (a reserved offer opens again), and a closed case's pending guarantee
//! requests are rejected.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use serde_json::Value;
use uuid::Uuid;
use wohnweg_casework::parts::{HouseholdPart, PartFuture};
use wohnweg_casework::types::CaseState;
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, TenantTx};

use crate::entity::{accommodation, guarantee, matched, occupancy, repayment, scheduled_move};

/// What replaces an erased text that may not be empty.
const ERASED: &str = "—";

/// The fields erasure clears, as the audit log names them.
const ERASED_FIELDS: &[&str] = &[
    "guarantees.justification",
    "guarantees.decision_reason",
    "matches.decline_text",
    "matches.override_reason",
    "matches.benefit_office_reason",
    "occupancies.over_capacity_reason",
    "occupancies.end_reason",
    "scheduled_moves.cancel_reason",
];

/// Housing's [`HouseholdPart`]; register it with `Casework::with_part`.
#[derive(Clone, Copy, Debug, Default)]
pub struct HousingPart;

impl HouseholdPart for HousingPart {
    fn households_in_place(
        &self,
        tx: &TenantTx,
        kind: &str,
    ) -> Option<sea_orm::sea_query::SelectStatement> {
        use sea_orm::sea_query::Query;
        let tenant = tx.tenant().uuid();
        let places = Query::select()
            .column(accommodation::Column::Id)
            .from(accommodation::Entity)
            .and_where(accommodation::Column::TenantId.eq(tenant))
            .and_where(accommodation::Column::Kind.eq(kind))
            .to_owned();
        Some(
            Query::select()
                .column(occupancy::Column::HouseholdId)
                .from(occupancy::Entity)
                .and_where(occupancy::Column::TenantId.eq(tenant))
                .and_where(occupancy::Column::UntilOn.is_null())
                .and_where(occupancy::Column::AccommodationId.in_subquery(places))
                .to_owned(),
        )
    }

    fn export<'a>(
        &'a self,
        tx: &'a TenantTx,
        household: Uuid,
    ) -> PartFuture<'a, Vec<(&'static str, Value)>> {
        Box::pin(async move {
            let occupancies = tx
                .find::<occupancy::Entity>()
                .filter(occupancy::Column::HouseholdId.eq(household))
                .order_by_asc(occupancy::Column::Id)
                .into_json()
                .all(tx.conn())
                .await?;
            let matches = tx
                .find::<matched::Entity>()
                .filter(matched::Column::HouseholdId.eq(household))
                .order_by_asc(matched::Column::Id)
                .into_json()
                .all(tx.conn())
                .await?;
            let guarantees = tx
                .find::<guarantee::Entity>()
                .filter(guarantee::Column::HouseholdId.eq(household))
                .order_by_asc(guarantee::Column::Id)
                .into_json()
                .all(tx.conn())
                .await?;
            let ids: Vec<Uuid> = guarantees
                .iter()
                .filter_map(|g| g.get("id").and_then(Value::as_str))
                .filter_map(|s| Uuid::parse_str(s).ok())
                .collect();
            let repayments = tx
                .find::<repayment::Entity>()
                .filter(repayment::Column::GuaranteeId.is_in(ids))
                .order_by_asc(repayment::Column::Id)
                .into_json()
                .all(tx.conn())
                .await?;
            let scheduled = tx
                .find::<scheduled_move::Entity>()
                .filter(scheduled_move::Column::HouseholdId.eq(household))
                .order_by_asc(scheduled_move::Column::Id)
                .into_json()
                .all(tx.conn())
                .await?;
            Ok(vec![
                ("occupancies", Value::Array(occupancies)),
                ("scheduled_moves", Value::Array(scheduled)),
                ("matches", Value::Array(matches)),
                ("guarantees", Value::Array(guarantees)),
                ("repayments", Value::Array(repayments)),
            ])
        })
    }

    fn erase<'a>(
        &'a self,
        tx: &'a TenantTx,
        household: Uuid,
    ) -> PartFuture<'a, &'static [&'static str]> {
        Box::pin(async move {
            guarantee::Entity::secure_update_many(tx)
                .col_expr(guarantee::Column::Justification, Expr::value(ERASED))
                .col_expr(
                    guarantee::Column::DecisionReason,
                    Expr::value(Option::<String>::None),
                )
                .filter(guarantee::Column::HouseholdId.eq(household))
                .exec(tx.conn())
                .await?;
            matched::Entity::secure_update_many(tx)
                .col_expr(
                    matched::Column::DeclineText,
                    Expr::value(Option::<String>::None),
                )
                .col_expr(
                    matched::Column::OverrideReason,
                    Expr::value(Option::<String>::None),
                )
                .col_expr(
                    matched::Column::BenefitOfficeReason,
                    Expr::value(Option::<String>::None),
                )
                .filter(matched::Column::HouseholdId.eq(household))
                .exec(tx.conn())
                .await?;
            occupancy::Entity::secure_update_many(tx)
                .col_expr(
                    occupancy::Column::OverCapacityReason,
                    Expr::value(Option::<String>::None),
                )
                .col_expr(
                    occupancy::Column::EndReason,
                    Expr::value(Option::<String>::None),
                )
                .filter(occupancy::Column::HouseholdId.eq(household))
                .exec(tx.conn())
                .await?;
            scheduled_move::Entity::secure_update_many(tx)
                .col_expr(
                    scheduled_move::Column::CancelReason,
                    Expr::value(Option::<String>::None),
                )
                .filter(scheduled_move::Column::HouseholdId.eq(household))
                .exec(tx.conn())
                .await?;
            Ok(ERASED_FIELDS)
        })
    }

    fn case_left_work<'a>(
        &'a self,
        tx: &'a TenantTx,
        ctx: &'a Ctx,
        household: Uuid,
        to: CaseState,
    ) -> PartFuture<'a, ()> {
        Box::pin(async move {
            let why = match to {
                CaseState::Closed => "case closed",
                CaseState::Paused => "case paused",
                _ => "contact lost",
            };
            crate::workflow::withdraw_open_matches(tx, ctx, household, why).await?;
            if let Some(r) = crate::scheduled::pending_for(tx, household).await? {
                crate::scheduled::cancel(tx, ctx, &r, None, why, true).await?;
            }
            if to == CaseState::Closed {
                crate::guarantees::reject_pending(tx, ctx, household).await?;
            }
            Ok(())
        })
    }
}

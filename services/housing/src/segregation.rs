//! The segregation indicator (Solingen's concern): where households were placed over a
//! window, per district, against each district's share of the city's housing. A
//! district whose share of placements is [`CLUSTER_RATIO`] times its share of
//! dwellings or more, with at least [`MIN_PLACEMENTS`] placements, is flagged as
//! clustering. A district without entered stock has no ratio and is never flagged;
//! enter every district's stock for the shares to mean what they say.
//! Placements are every move-out — through a match, into a self-found flat, or by a
//! lease takeover — by move-in date and the flat's district (see [`crate::moves`]);
//! the housing stock per district is entered by the city.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use uuid::Uuid;
use wohnweg_casework::types::Text;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Result};

use crate::Housing;
use crate::access::Access;
use crate::entity::{district_stock, placement};

/// A district places this many times its share of dwellings or more: clustering.
pub const CLUSTER_RATIO: f64 = 1.5;
/// Fewer placements than this are never flagged (too few to mean anything).
pub const MIN_PLACEMENTS: i64 = 3;

/// One district's row of the indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct DistrictPlacement {
    /// District.
    pub district: String,
    /// Placements in the window.
    pub placements: i64,
    /// Share of all placements (0–1).
    pub placement_share: f64,
    /// Dwellings entered for the district.
    pub dwellings: i32,
    /// Share of the city's dwellings (0–1; 0 when no stock is entered).
    pub housing_share: f64,
    /// Placement share ÷ housing share (none without stock).
    pub ratio: Option<f64>,
    /// Placements cluster here.
    pub clustering: bool,
}

impl Housing {
    /// Sets the number of dwellings of a district (city staff).
    pub async fn set_district_stock(
        &self,
        ctx: &Ctx,
        district: Text,
        dwellings: i32,
    ) -> Result<()> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        if !(0..=2_000_000).contains(&dwellings) {
            return Err(Error::bad_input("dwellings", "must be 0–2000000"));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let current = tx
            .find::<district_stock::Entity>()
            .filter(district_stock::Column::District.eq(district.as_str()))
            .one(tx.conn())
            .await?;
        let id = match current {
            Some(row) => {
                district_stock::Entity::secure_update_many(&tx)
                    .col_expr(district_stock::Column::Dwellings, Expr::value(dwellings))
                    .col_expr(
                        district_stock::Column::Version,
                        Expr::col(district_stock::Column::Version).add(1),
                    )
                    .filter(district_stock::Column::Id.eq(row.id))
                    .exec(tx.conn())
                    .await?;
                row.id
            }
            None => {
                district_stock::Entity::secure_insert(
                    &tx,
                    district_stock::ActiveModel {
                        tenant_id: Set(Uuid::nil()),
                        id: Set(Uuid::now_v7()),
                        district: Set(district.into_string()),
                        dwellings: Set(dwellings),
                        version: Set(1),
                    },
                )
                .await
                .map_err(|e| {
                    wohnweg_casework::write_unique_conflict(
                        e,
                        "the district was entered by someone else; reload",
                    )
                })?
                .id
            }
        };
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("district_stock", id, "set", &["district", "dwellings"]),
        )
        .await?;
        tx.commit().await
    }

    /// The indicator for moves in `from..=to` (city staff).
    pub async fn segregation(
        &self,
        ctx: &Ctx,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<DistrictPlacement>> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        if to < from {
            return Err(Error::bad_input("to", "must not lie before from"));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        // One row per move-out, whichever way it came about (match, self-found,
        // lease takeover): the placements, each counted once.
        let districts: Vec<String> = tx
            .find::<placement::Entity>()
            .select_only()
            .column(placement::Column::District)
            .filter(placement::Column::MoveInOn.gte(from))
            .filter(placement::Column::MoveInOn.lte(to))
            .into_tuple()
            .all(tx.conn())
            .await?;
        let stock = tx.find::<district_stock::Entity>().all(tx.conn()).await?;
        tx.commit().await?;
        let stock: Vec<(String, i64)> = stock
            .into_iter()
            .map(|s| (s.district, i64::from(s.dwellings)))
            .collect();
        Ok(indicator(districts, &stock))
    }
}

/// The indicator over the placements' districts `placed` (one per move-out) against
/// the city's dwellings per district `stock`: one row per district that was placed in
/// or has stock entered.
#[must_use]
pub fn indicator(
    placed: impl IntoIterator<Item = String>,
    stock: &[(String, i64)],
) -> Vec<DistrictPlacement> {
    let mut placements: BTreeMap<String, i64> = BTreeMap::new();
    for d in placed {
        *placements.entry(d).or_default() += 1;
    }
    for (district, _) in stock {
        placements.entry(district.clone()).or_default();
    }
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let total = placements.values().sum::<i64>() as f64;
    let dwellings: i64 = stock.iter().map(|(_, n)| *n).sum();
    placements
        .into_iter()
        .map(|(district, n)| {
            let d = stock
                .iter()
                .find(|(s, _)| *s == district)
                .map_or(0, |(_, n)| *n);
            #[allow(clippy::cast_precision_loss)]
            let placement_share = if total > 0.0 { n as f64 / total } else { 0.0 };
            #[allow(clippy::cast_precision_loss)]
            let housing_share = if dwellings > 0 {
                d as f64 / dwellings as f64
            } else {
                0.0
            };
            let ratio = (housing_share > 0.0).then(|| placement_share / housing_share);
            DistrictPlacement {
                clustering: n >= MIN_PLACEMENTS && ratio.is_some_and(|r| r >= CLUSTER_RATIO),
                district,
                placements: n,
                placement_share,
                dwellings: i32::try_from(d).unwrap_or(i32::MAX),
                housing_share,
                ratio,
            }
        })
        .collect()
}

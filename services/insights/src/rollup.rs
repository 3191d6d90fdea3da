//! The quarterly rollups: a city's cells, recounted from its history whenever its
//! records changed, and kept in `insight_cells` so that no read ever scans a city's
//! households. A change is seen by the city's audit chain moving on (every write
//! appends to it in the same transaction); [`crate::Insights::refresh_changed`] runs
//! every few seconds in the server, so a dashboard is at most that much behind.

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::OnConflict;
use sea_orm::{EntityTrait, TransactionTrait};
use wohnweg_kernel::scoped::ReferenceTable;
use wohnweg_kernel::{Result, TenantId};

use crate::Insights;
use crate::cells::{Facts, compute};
use crate::entity::{cell, refresh};
use crate::measures::Quarter;

/// How many quarters each refresh counts: the dashboard's eight and the four before,
/// whose cohorts' 12-month windows close within them.
pub const QUARTERS: usize = 12;

/// The head of `tx`'s audit chain (one statement).
async fn audit_seq(tx: &wohnweg_kernel::TenantTx) -> Result<i64> {
    Ok(tx
        .find::<wohnweg_kernel::audit::heads::Entity>()
        .one(tx.conn())
        .await?
        .map_or(0, |h| h.seq))
}

impl Insights {
    /// Recounts `city`'s cells for the [`QUARTERS`] quarters up to `today` and stores
    /// them; returns how many cells were written. One tenant transaction reads the
    /// audit chain's head and the history (eighteen statements), one more writes the
    /// cells and the refresh mark (two statements).
    ///
    /// # Errors
    /// A database error.
    pub async fn refresh(&self, city: TenantId, today: NaiveDate) -> Result<usize> {
        let quarters = Quarter::last(QUARTERS, today);
        let ends: Vec<NaiveDate> = quarters.iter().map(|q| q.end()).collect();
        let tx = self.db.begin_tenant(city).await?;
        let seq = audit_seq(&tx).await?;
        let fte = wohnweg_programmes::lookup::filled_fte(&tx, &ends).await?;
        let facts = Facts {
            cases: wohnweg_casework::lookup::case_history(&tx).await?,
            placements: wohnweg_housing::lookup::placement_facts(&tx).await?,
            matches: wohnweg_housing::lookup::match_facts(&tx).await?,
            guarantees: wohnweg_housing::lookup::guarantee_facts(&tx).await?,
            runs: wohnweg_learning::lookup::run_facts(&tx).await?,
            filled_fte: ends.iter().copied().zip(fte).collect(),
            stock: wohnweg_housing::lookup::district_stock(&tx)
                .await?
                .into_iter()
                .collect(),
        };
        tx.commit().await?;
        let rows = compute(&facts, &quarters);
        let now = Utc::now();
        let models: Vec<cell::ActiveModel> = rows
            .iter()
            .map(|r| cell::ActiveModel {
                city_id: Set(city.uuid()),
                quarter: Set(r.quarter.start),
                measure: Set(r.measure.to_owned()),
                records: Set(r.cell.count),
                cell_key: Set(i64::from(r.cell.key)),
                value: Set(r.value),
                median: Set(r.median),
                p75: Set(r.p75),
                computed_at: Set(now),
            })
            .collect();
        let n = models.len();
        let txn = self.db.raw().begin().await?;
        #[allow(clippy::disallowed_methods)] // a reference table: no tenant to scope by
        cell::Entity::insert_many(models)
            .on_conflict(
                OnConflict::columns([
                    cell::Column::CityId,
                    cell::Column::Quarter,
                    cell::Column::Measure,
                ])
                .update_columns([
                    cell::Column::Records,
                    cell::Column::CellKey,
                    cell::Column::Value,
                    cell::Column::Median,
                    cell::Column::P75,
                    cell::Column::ComputedAt,
                ])
                .to_owned(),
            )
            .exec(&txn)
            .await?;
        #[allow(clippy::disallowed_methods)] // a reference table: no tenant to scope by
        refresh::Entity::insert(refresh::ActiveModel {
            city_id: Set(city.uuid()),
            audit_seq: Set(seq),
            refreshed_at: Set(now),
        })
        .on_conflict(
            OnConflict::column(refresh::Column::CityId)
                .update_columns([refresh::Column::AuditSeq, refresh::Column::RefreshedAt])
                .to_owned(),
        )
        .exec(&txn)
        .await?;
        txn.commit().await?;
        Ok(n)
    }

    /// Refreshes each of `cities` whose audit chain moved on since its last refresh
    /// (or that was never counted, or last counted in an earlier quarter); returns the
    /// cities refreshed. One city failing
    /// does not stop the others; its error is returned after the rest ran.
    ///
    /// # Errors
    /// The first city's error, after every city was tried.
    pub async fn refresh_changed(&self, cities: &[TenantId], today: NaiveDate) -> Result<usize> {
        // A city counted in an earlier quarter is counted again: its quarters move on.
        let this_quarter = Quarter::of(today);
        let seen: std::collections::HashMap<uuid::Uuid, i64> = refresh::Entity::global_find()
            .all(self.db.raw())
            .await?
            .into_iter()
            .filter(|r| Quarter::of(r.refreshed_at.date_naive()) == this_quarter)
            .map(|r| (r.city_id, r.audit_seq))
            .collect();
        let mut refreshed = 0;
        let mut first_error = None;
        for &city in cities {
            let changed = async {
                let tx = self.db.begin_tenant(city).await?;
                let seq = audit_seq(&tx).await?;
                tx.commit().await?;
                Ok::<_, wohnweg_kernel::Error>(seen.get(&city.uuid()) != Some(&seq))
            }
            .await;
            let result = match changed {
                Ok(true) => self.refresh(city, today).await.map(|_| 1),
                Ok(false) => Ok(0),
                Err(e) => Err(e),
            };
            match result {
                Ok(n) => refreshed += n,
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        match first_error {
            Some(e) => Err(e),
            None => Ok(refreshed),
        }
    }
}

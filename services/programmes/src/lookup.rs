//! What services above programmes (insights) may learn about the city's programmes
//! inside their own tenant transaction: staffing in full-time equivalents, nothing of
//! a position's holder.

use chrono::NaiveDate;
use wohnweg_kernel::{Result, TenantTx};

/// The filled full-time equivalents (hundredths) of all the city's programmes on each
/// of `days` (five statements: the programmes, positions, their history, and the
/// funding the report loads with them).
///
/// # Errors
/// A database error.
pub async fn filled_fte(tx: &TenantTx, days: &[NaiveDate]) -> Result<Vec<i64>> {
    let (positions, _) = crate::report::programme_facts(tx).await?;
    Ok(days
        .iter()
        .map(|d| crate::report::staffing_on(positions.iter(), *d, |_| true).0)
        .collect())
}

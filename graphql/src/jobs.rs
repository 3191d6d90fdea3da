//! Jobs the operator schedules outside the request path.

use wohnweg_identity::Provisioning;
use wohnweg_kernel::{Cache, Db};

/// Applies every tenant's retention setting (erases closed cases past it); returns how
/// many cases were erased. One tenant's failure does not stop the others; it is
/// reported as an error at the end.
pub async fn retention(db: &Db, cache: &Cache) -> anyhow::Result<u64> {
    let tenants = Provisioning::new(db.clone(), cache.clone())
        .tenant_ids()
        .await
        .map_err(|e| anyhow::anyhow!("listing tenants failed: {}", e.public_message()))?;
    let casework = crate::schema::casework_service(db);
    let mut erased = 0;
    let mut failed = 0;
    for t in tenants {
        match casework.apply_retention(t).await {
            Ok(n) => erased += n,
            Err(e) => {
                failed += 1;
                tracing::error!(tenant = %t, code = e.code().as_str(), "retention failed for a tenant");
            }
        }
    }
    if failed > 0 {
        anyhow::bail!("retention failed for {failed} tenant(s) after erasing {erased} case(s)");
    }
    Ok(erased)
}

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

/// Makes every tenant's scheduled moves due on or before today take effect; returns
/// how many did. A move that cannot is left pending and reported (by id and error
/// code, never personal data); one tenant's failure does not stop the others.
pub async fn scheduled_moves(db: &Db, cache: &Cache) -> anyhow::Result<u64> {
    let tenants = Provisioning::new(db.clone(), cache.clone())
        .tenant_ids()
        .await
        .map_err(|e| anyhow::anyhow!("listing tenants failed: {}", e.public_message()))?;
    let housing = wohnweg_housing::Housing::new(db.clone());
    let today = chrono::Utc::now().date_naive();
    let mut applied = 0;
    let mut failed = 0;
    for t in tenants {
        match housing.apply_due_moves(t, today).await {
            Ok(done) => {
                applied += done.applied;
                for (id, code) in &done.failed {
                    failed += 1;
                    tracing::error!(tenant = %t, scheduled_move = %id, code, "a scheduled move could not take effect");
                }
            }
            Err(e) => {
                failed += 1;
                tracing::error!(tenant = %t, code = e.code().as_str(), "scheduled moves failed for a tenant");
            }
        }
    }
    if failed > 0 {
        anyhow::bail!(
            "{failed} scheduled move(s) or tenant(s) failed after {applied} move(s) took effect"
        );
    }
    Ok(applied)
}

/// Runs [`scheduled_moves`] now and then every `every`, for the life of the server
/// (so a move takes effect on its date without an operator's cron).
pub async fn scheduled_moves_every(db: Db, cache: Cache, every: std::time::Duration) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match scheduled_moves(&db, &cache).await {
            Ok(0) => {}
            Ok(applied) => tracing::info!(applied, "scheduled moves took effect"),
            Err(e) => tracing::error!(error = %e, "scheduled moves"),
        }
    }
}

/// Recounts the measures of every city whose records changed (see
/// `wohnweg_insights::rollup`); returns how many cities were recounted.
pub async fn insights(db: &Db, cache: &Cache, min_count: i64) -> anyhow::Result<usize> {
    let tenants = Provisioning::new(db.clone(), cache.clone())
        .tenant_ids()
        .await
        .map_err(|e| anyhow::anyhow!("listing tenants failed: {}", e.public_message()))?;
    wohnweg_insights::Insights::new(db.clone(), min_count)
        .refresh_changed(&tenants, chrono::Utc::now().date_naive())
        .await
        .map_err(|e| anyhow::anyhow!("recounting the measures failed: {}", e.public_message()))
}

/// Runs [`insights`] every `every`, from the start.
pub async fn insights_every(db: Db, cache: Cache, min_count: i64, every: std::time::Duration) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match insights(&db, &cache, min_count).await {
            Ok(0) => {}
            Ok(cities) => tracing::info!(cities, "measures recounted"),
            Err(e) => tracing::error!(error = %e, "recounting measures"),
        }
    }
}

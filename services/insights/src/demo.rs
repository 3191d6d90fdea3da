//! The demo's state programme: NRW's *Kommunales Integrationsmanagement* covering the
//! demo cities, with its officer. The cities whose coordinators are given share every
//! measure with the programme, and with their peers where asked; every other city
//! shares nothing, so the officer does not see it. Then every city's measures are
//! counted once.

use wohnweg_casework::types::Text;
use wohnweg_kernel::{Ctx, Error, Result, TenantId, UserId};

use crate::Insights;
use crate::measures::MEASURES;
use crate::sharing::Audience;

/// The programme's name.
pub const PROGRAMME: &str = "NRW – Kommunales Integrationsmanagement (KIM)";

/// Seeds the programme (skipped when one exists), its officer, the opt-ins of the
/// coordinators in `sharing` (each a city coordinator's context, and whether the city
/// shares with its peers too), and counts the measures of `cities`.
///
/// # Errors
/// A database error.
pub async fn seed(
    insights: &Insights,
    operator: &Ctx,
    officer: UserId,
    city_slugs: &[&str],
    sharing: &[(Ctx, bool)],
    cities: &[TenantId],
    today: chrono::NaiveDate,
) -> Result<()> {
    if insights.state_programmes(operator).await?.is_empty() {
        let slugs: Vec<String> = city_slugs.iter().map(|s| (*s).to_owned()).collect();
        let p = insights
            .create_state_programme(
                operator,
                Text::parse("name", PROGRAMME, 200, false)?,
                &slugs,
            )
            .await?;
        match insights.assign_state_officer(operator, p.id, officer).await {
            Ok(()) | Err(Error::Conflict { .. }) => {}
            Err(e) => return Err(e),
        }
        for (coordinator, with_peers) in sharing {
            let programmes = insights.state_programmes(coordinator).await?;
            for m in MEASURES {
                if *with_peers {
                    insights
                        .set_sharing(coordinator, m.code, Audience::Peers, true)
                        .await?;
                }
                for p in &programmes {
                    insights
                        .set_sharing(coordinator, m.code, Audience::Programme(p.id), true)
                        .await?;
                }
            }
        }
    }
    insights.refresh_changed(cities, today).await?;
    Ok(())
}

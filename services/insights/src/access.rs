//! Who may do what with insights.
//!
//! | | state_officer | city_coordinator | city_caseworker, city_admin | platform_operator | carriers |
//! | --- | --- | --- | --- | --- | --- |
//! | the measures and their definitions | yes | yes | yes | yes | no |
//! | the benchmark | the cities of its programme, the measures each shares with it | its own city, and the peers sharing a measure it shares with peers | as the coordinator | no | no |
//! | what the city shares | no | read and change | read | no | no |
//! | state programmes | its own | those covering the city | those covering the city | create, add cities and officers | no |
//!
//! A state officer has no tenant: it reaches cells through the programme it belongs
//! to, never a city's records.

use wohnweg_kernel::{Ctx, Error, Result, Role, TenantId, UserId};

/// Who is asking.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Viewer {
    /// A state programme's officer.
    Officer(UserId),
    /// A city's staff.
    City {
        tenant: TenantId,
        user: UserId,
        coordinator: bool,
    },
}

impl Viewer {
    pub(crate) fn of(ctx: &Ctx) -> Result<Self> {
        let p = ctx.principal();
        if p.has_role(Role::StateOfficer) {
            return Ok(Self::Officer(p.user_id));
        }
        let coordinator = p.has_role(Role::CityCoordinator);
        if coordinator || p.has_role(Role::CityCaseworker) || p.has_role(Role::CityAdmin) {
            return Ok(Self::City {
                tenant: ctx.tenant()?,
                user: p.user_id,
                coordinator,
            });
        }
        Err(Error::Forbidden)
    }
}

/// The platform operator, or `FORBIDDEN`.
pub(crate) fn operator(ctx: &Ctx) -> Result<UserId> {
    let p = ctx.principal();
    if p.has_role(Role::PlatformOperator) {
        Ok(p.user_id)
    } else {
        Err(Error::Forbidden)
    }
}

/// Anyone who may read the measures' definitions.
pub(crate) fn reader(ctx: &Ctx) -> Result<()> {
    if ctx.principal().has_role(Role::PlatformOperator) {
        return Ok(());
    }
    Viewer::of(ctx).map(|_| ())
}

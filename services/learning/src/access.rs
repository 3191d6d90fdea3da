//! Who may do what with courses and certificates.
//!
//! | | city_caseworker | city_coordinator | carrier_caseworker | platform_operator | everyone else |
//! | --- | --- | --- | --- | --- | --- |
//! | read the catalogue | yes | yes | yes | yes (and submissions) | no |
//! | publish templates, review submissions | no | no | no | yes | no |
//! | submit the city's course to the catalogue | no | yes | no | no | no |
//! | adopt a course, add local modules | yes | yes | yes (on the city's behalf) | no | no |
//! | schedule runs | yes | yes | runs its organisation delivers | no | no |
//! | enrol, record attendance and drop-outs, issue certificates | yes | yes | in runs its organisation delivers; members of its own households only | no | no |
//! | a household's certificates | yes | yes | its own households' | no | no |
//! | revoke and reissue certificates | yes | yes | no | no | no |
//! | rotate or revoke the city's signing key | no | yes | no | no | no |
//! | published keys and status list, the verification page | everyone, no sign-in | | | | |
//!
//! Another tenant's id — and, for a carrier, a run another organisation delivers or a
//! household not its own — behaves exactly like a missing one (`NOT_FOUND`).

use wohnweg_kernel::{Ctx, Error, OrganisationId, Result, Role, TenantId, UserId};

/// The caller's rights on a city's courses.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Access {
    pub tenant: TenantId,
    pub user: UserId,
    /// City caseworker or coordinator.
    pub city: bool,
    /// City coordinator.
    pub coordinator: bool,
    /// A carrier caseworker's organisation.
    pub carrier: Option<OrganisationId>,
}

impl Access {
    pub(crate) fn of(ctx: &Ctx) -> Result<Self> {
        let p = ctx.principal();
        let coordinator = p.has_role(Role::CityCoordinator);
        let city = coordinator || p.has_role(Role::CityCaseworker);
        let carrier = if !city && p.has_role(Role::CarrierCaseworker) {
            Some(p.organisation.ok_or(Error::Forbidden)?)
        } else {
            None
        };
        if !city && carrier.is_none() {
            return Err(Error::Forbidden);
        }
        Ok(Self {
            tenant: ctx.tenant()?,
            user: p.user_id,
            city,
            coordinator,
            carrier,
        })
    }

    pub(crate) fn require_city(&self) -> Result<()> {
        if self.city {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    pub(crate) fn require_coordinator(&self) -> Result<()> {
        if self.coordinator {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }
}

/// The caller is a platform operator (no tenant).
pub(crate) fn require_operator(ctx: &Ctx) -> Result<()> {
    if ctx.principal().has_role(Role::PlatformOperator) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

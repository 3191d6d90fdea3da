//! Who may do what with programmes.
//!
//! | | city_caseworker | city_coordinator | carrier_caseworker | everyone else |
//! | --- | --- | --- | --- | --- |
//! | read programmes with their funding, positions, targets and figures | all of the city | all of the city | its own organisation's | no |
//! | create programmes, add funding and positions, fill or vacate positions, set targets | no | yes | no | no |
//! | warnings on the worklist | no | yes | no | no |
//! | the city's joint report | yes | yes | as released (the same period and cut-off) | no |
//! | release the joint report to the carriers | no | yes | no | no |
//! | the list of released joint reports | yes | yes | yes | no |
//! | a carrier's report | any carrier of the city | any carrier of the city | its own | no |
//!
//! Another tenant's id — and, for a carrier, another organisation's programme —
//! behaves exactly like a missing one (`NOT_FOUND`).

use wohnweg_kernel::{Ctx, Error, OrganisationId, Result, Role, TenantId, UserId};

/// The caller's rights on the city's programmes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Access {
    pub tenant: TenantId,
    pub user: UserId,
    /// City coordinator.
    pub coordinator: bool,
    /// A carrier caseworker's organisation (reads its own programmes only).
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
            coordinator,
            carrier,
        })
    }

    pub(crate) fn require_coordinator(&self) -> Result<()> {
        if self.coordinator {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }
}

//! Who may do what with housing data.
//!
//! | | city_caseworker | city_coordinator | carrier_caseworker | everyone else |
//! | --- | --- | --- | --- | --- |
//! | accommodations, occupancy, moves | yes | yes | no | no |
//! | landlords | yes | yes | no | no |
//! | offers | all, and change them | all, and change them | open offers, read only | no |
//! | rent caps | read | read and add | read | no |
//! | current accommodation of a household | yes | yes | its carrier's households | no |
//! | rank, propose and advance matches (viewing, acceptance, decline) | yes | yes | its carrier's households, open offers | no |
//! | record the benefit office's decision on a match's rent | yes | yes | its carrier's households | no |
//! | sign the lease (the move, or a scheduled move when the move-in lies ahead) | yes | yes | no | no |
//! | scheduled moves | see and cancel | see and cancel | see its carrier's households' | no |
//! | self-found moves, lease takeovers, returns to a shelter | yes | yes | no | no |
//! | returns within 6/12/24 months of a move (figures) | yes | yes | its carrier's households' | no |
//! | request guarantees | yes | yes | its carrier's households | no |
//! | decide guarantees, set budgets | no | yes | no | no |
//! | guarantee requests in the worklist | no | yes | no | no |
//!
//! Another tenant's id — and, for a carrier, an offer that is not open — behaves
//! exactly like a missing one (`NOT_FOUND`).

use wohnweg_kernel::{Ctx, Error, OrganisationId, Result, Role, TenantId, UserId};

/// The caller's rights on housing.
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
        let tenant = ctx.tenant()?;
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
            tenant,
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

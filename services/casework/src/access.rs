//! Who may do what with a case. Resolved once per call from the principal's roles.
//!
//! | | city_caseworker, city_coordinator | carrier_caseworker | carrier_admin | city_admin, platform users |
//! | --- | --- | --- | --- | --- |
//! | households it sees | all of the tenant | assigned to its organisation | assigned to its organisation | none (`FORBIDDEN`) |
//! | members, residence, counselling, goals, readiness, follow-ups, notes; search by name | yes | yes | no (`FORBIDDEN`, or left empty on the frame) | – |
//! | create a household | yes | no | no | – |
//! | update, transition, readiness, consent, counselling, goals, follow-ups | yes | yes | no | – |
//! | export a person's data, erase a closed case | yes | no | no | – |
//! | casework settings (aftercare schedule, retention) | read | no | no | city_admin: read and change |
//! | assign a first carrier | yes | no | no | – |
//! | propose a transfer | yes | own households | own households | – |
//! | accept / reject a transfer | no | when receiving | when receiving | – |
//! | set the carrier caseworker | yes | no | own households | – |
//! | set the city caseworker | yes | no | no | – |
//! | own-cases setting of an organisation | no | no | its own | city_admin: any |
//!
//! **Own cases.** An organisation (a city department or a carrier) may restrict its
//! caseworkers to the households they are responsible for (`city_caseworker` or
//! `carrier_caseworker`); coordinators and carrier administrators keep the
//! organisation's view. The restriction is part of the scope of every read and write,
//! a condition in the same statement (no extra round trip).
//!
//! A household outside the caller's scope behaves exactly like a missing one
//! (`NOT_FOUND`), whether it belongs to another carrier or another tenant. A city
//! administrator administers and does not read cases: special-category data only for
//! those who work them.

use wohnweg_kernel::{Ctx, Error, OrganisationId, Result, Role, TenantId, UserId};

/// Which households the caller reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    /// All of the tenant.
    City,
    /// Those assigned to this carrier.
    Carrier(OrganisationId),
}

/// The caller's rights on casework.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Access {
    pub tenant: TenantId,
    pub user: UserId,
    pub scope: Scope,
    /// May read members, residence, counselling and goals, and change the case.
    pub works_cases: bool,
    /// May decide on transfers to its carrier and name the carrier caseworker.
    pub carrier_admin: bool,
    /// A plain caseworker (no coordinator or carrier admin role) of this organisation:
    /// the organisation's own-cases setting narrows the reach to their own cases.
    pub narrowable: Option<OrganisationId>,
}

impl Access {
    pub(crate) fn of(ctx: &Ctx) -> Result<Self> {
        let tenant = ctx.tenant()?;
        let p = ctx.principal();
        let city = p.has_role(Role::CityCaseworker) || p.has_role(Role::CityCoordinator);
        let carrier_cw = p.has_role(Role::CarrierCaseworker);
        let carrier_admin = p.has_role(Role::CarrierAdmin);
        let scope = if city {
            Scope::City
        } else if carrier_cw || carrier_admin {
            Scope::Carrier(p.organisation.ok_or(Error::Forbidden)?)
        } else {
            return Err(Error::Forbidden);
        };
        let plain = if city {
            !p.has_role(Role::CityCoordinator)
        } else {
            carrier_cw && !carrier_admin
        };
        Ok(Self {
            tenant,
            user: p.user_id,
            scope,
            works_cases: city || carrier_cw,
            carrier_admin: !city && carrier_admin,
            narrowable: if plain { p.organisation } else { None },
        })
    }

    pub(crate) fn is_city(&self) -> bool {
        self.scope == Scope::City
    }

    /// `FORBIDDEN` unless the caller works cases.
    pub(crate) fn require_casework(&self) -> Result<()> {
        if self.works_cases {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    /// `FORBIDDEN` unless the caller is city staff.
    pub(crate) fn require_city(&self) -> Result<()> {
        if self.is_city() {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }
}

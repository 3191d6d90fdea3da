//! Who is asking: the [`Principal`] and its [`Role`]s.

use std::collections::BTreeSet;
use std::str::FromStr;

use crate::ids::{OrganisationId, TenantId, UserId};

/// A role. The codes (`as_str`) are stable API and token strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Onboards cities, maintains the shared catalogue. No personal data.
    PlatformOperator,
    /// Administers one city: organisations, users, grants.
    CityAdmin,
    /// Runs cases of one city.
    CityCaseworker,
    /// Coordinates one city's programme, decides approvals.
    CityCoordinator,
    /// Administers one carrier organisation inside a city.
    CarrierAdmin,
    /// Runs the cases assigned to the own carrier.
    CarrierCaseworker,
    /// Compares cities through aggregates only; belongs to no tenant.
    StateOfficer,
}

impl Role {
    /// Every role, in a stable order.
    pub const ALL: [Role; 7] = [
        Role::PlatformOperator,
        Role::CityAdmin,
        Role::CityCaseworker,
        Role::CityCoordinator,
        Role::CarrierAdmin,
        Role::CarrierCaseworker,
        Role::StateOfficer,
    ];

    /// Stable code.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::PlatformOperator => "platform_operator",
            Self::CityAdmin => "city_admin",
            Self::CityCaseworker => "city_caseworker",
            Self::CityCoordinator => "city_coordinator",
            Self::CarrierAdmin => "carrier_admin",
            Self::CarrierCaseworker => "carrier_caseworker",
            Self::StateOfficer => "state_officer",
        }
    }

    /// German UI label.
    #[must_use]
    pub const fn label_de(self) -> &'static str {
        match self {
            Self::PlatformOperator => "Plattformbetrieb",
            Self::CityAdmin => "Administration Kommune",
            Self::CityCaseworker => "Fallbearbeitung Kommune",
            Self::CityCoordinator => "Koordination Kommune",
            Self::CarrierAdmin => "Administration Träger",
            Self::CarrierCaseworker => "Fallbearbeitung Träger",
            Self::StateOfficer => "Landesprogramm (KIM)",
        }
    }

    /// English UI label.
    #[must_use]
    pub const fn label_en(self) -> &'static str {
        match self {
            Self::PlatformOperator => "Platform operator",
            Self::CityAdmin => "City administrator",
            Self::CityCaseworker => "City caseworker",
            Self::CityCoordinator => "City coordinator",
            Self::CarrierAdmin => "Carrier administrator",
            Self::CarrierCaseworker => "Carrier caseworker",
            Self::StateOfficer => "State programme officer",
        }
    }

    /// Whether the role lives inside a tenant (all but operator and state officer).
    #[must_use]
    pub const fn is_tenant_role(self) -> bool {
        !matches!(self, Self::PlatformOperator | Self::StateOfficer)
    }

    /// Whether the role belongs to a carrier organisation.
    #[must_use]
    pub const fn is_carrier_role(self) -> bool {
        matches!(self, Self::CarrierAdmin | Self::CarrierCaseworker)
    }
}

/// An unknown role code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRole;

impl std::fmt::Display for UnknownRole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unknown role")
    }
}

impl std::error::Error for UnknownRole {}

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or(UnknownRole)
    }
}

/// Whether a principal is tenant staff or a platform-level user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrincipalKind {
    /// Staff of a city or carrier inside one tenant.
    TenantUser,
    /// Platform operator or state officer: no tenant.
    PlatformUser,
}

/// The authenticated caller, resolved from a verified token on every request: from
/// the identity service's cache, whose entry for a user is dropped by every change to
/// the user or its grants, else from the database — so deactivation and revoked roles
/// take effect on the next request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    /// The user.
    pub user_id: UserId,
    /// Tenant or platform user.
    pub kind: PrincipalKind,
    /// The tenant, for tenant users.
    pub tenant: Option<TenantId>,
    /// The organisation, for tenant users.
    pub organisation: Option<OrganisationId>,
    /// Current role grants.
    pub roles: BTreeSet<Role>,
}

impl Principal {
    /// Whether the principal holds `role`.
    #[must_use]
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert_eq!("admin".parse::<Role>(), Err(UnknownRole));
        assert!(!Role::StateOfficer.is_tenant_role());
        assert!(Role::CarrierCaseworker.is_carrier_role());
        assert!(!Role::CityAdmin.is_carrier_role());
    }
}

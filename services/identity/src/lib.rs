//! # wohnweg-identity
//!
//! **What it owns:** tenants (municipalities), organisations inside a tenant (city
//! departments and carriers), staff users and their role grants, platform users
//! (operators and state officers, who belong to no tenant), and turning a verified
//! bearer token into a [`wohnweg_kernel::Principal`] — on every request, from a cache
//! whose entry per user lives under a generation that every change to the user or its
//! grants moves on (after the change commits), so a deactivated user or a revoked role
//! loses access on the next request, and a read costs the work's transaction only.
//!
//! - [`tokens`]: token verification (one pipeline for every trusted issuer) and the
//!   development-token issuer.
//! - [`Identity`]: the request-time API (principal resolution, the viewer's own
//!   tenant, organisation and profile). Tenant-scoped methods take `&Ctx` first.
//! - [`directory`]: read-only look-ups other services make inside their own tenant
//!   transaction (is this a carrier, is this user its caseworker, organisation names).
//! - [`admin`]: administration behind narrowed handles, with the permission model
//!   written down as a table in its docs.
//! - [`Provisioning`]: creating tenants, organisations and users outside a request
//!   (demo data, tests, the CLI). Administration through the API comes with the
//!   identity-and-access issue and will use the same checks.
//!
//! **What it must never do:** change a user or its grants without
//! `Identity::forget_principal` after the commit, read another tenant's rows (every tenant query goes
//! through `TenantTx::find` / `secure_find`), log names or e-mail addresses, or expose
//! its entities: other crates see views and domain types only.

pub mod admin;
pub mod directory;
mod entity;
pub mod provision;
pub mod service;
pub mod signin;
mod store;
pub mod tokens;
pub mod types;

pub use admin::{
    AdminScope, FirstAdmin, NewOrganisation, NewTenant, PlatformAdmin, PlatformUserView,
    TenantAdmin, UserView,
};
pub use directory::OrganisationRef;
pub use provision::{DirectoryEntry, NewUser, Provisioning};
pub use service::{Identity, OrganisationView, Profile, TenantView};
pub use signin::{ExternalLogin, JitPolicy};
pub use tokens::{DevTokenIssuer, TokenVerifier, VerifiedIdentity};
pub use types::{Contact, DisplayName, Email, FederalState, Locale, OrganisationKind, Slug};

//! # wohnweg-identity
//!
//! **What it owns:** tenants (municipalities), organisations inside a tenant (city
//! departments and carriers), staff users and their role grants, platform users
//! (operators and state officers, who belong to no tenant), and turning a verified
//! bearer token into a [`wohnweg_kernel::Principal`] — on every request, from the
//! database, so a deactivated user or a revoked role loses access at once.
//!
//! - [`tokens`]: token verification (one pipeline for every trusted issuer) and the
//!   development-token issuer.
//! - [`Identity`]: the request-time API (principal resolution, the viewer's own
//!   tenant, organisation and profile). Tenant-scoped methods take `&Ctx` first.
//! - [`Provisioning`]: creating tenants, organisations and users outside a request
//!   (demo data, tests, the CLI). Administration through the API comes with the
//!   identity-and-access issue and will use the same checks.
//!
//! **What it must never do:** read another tenant's rows (every tenant query goes
//! through `TenantTx::find` / `secure_find`), log names or e-mail addresses, or expose
//! its entities: other crates see views and domain types only.

mod entity;
pub mod provision;
pub mod service;
pub mod tokens;
pub mod types;

pub use provision::{NewUser, Provisioning};
pub use service::{Identity, OrganisationView, Profile, TenantView};
pub use tokens::{DevTokenIssuer, TokenVerifier, VerifiedIdentity};
pub use types::{DisplayName, Email, FederalState, OrganisationKind, Slug};

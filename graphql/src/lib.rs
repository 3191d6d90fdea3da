//! # wohnweg-gateway
//!
//! **What it owns:** the edge of the platform — the axum application (request ids,
//! a trace span per request, body limit, timeout, graceful shutdown), authentication
//! (bearer token → verified identity → lazily resolved principal), the GraphQL schema
//! composed from one module per service (`schema/<service>`), its limits (depth,
//! complexity, aliases, batch size; introspection and suggestions off in production)
//! and the mapping of service errors onto `extensions.code`; configuration, telemetry,
//! demo data and the `wohnweg` command line. Sign-in: OpenID Connect per city
//! ([`oidc`]), server-side browser sessions with a CSRF token ([`session`]), the
//! providers' bearer tokens checked against their published keys ([`jwks`]), and the
//! demo-only sign-in page ([`devlogin`]). Pages: the staff console's built files
//! ([`console`]) and the landlord's public offer form, as JSON ([`public`]) and as a
//! page rendered without JavaScript ([`public_page`]).
//!
//! **What it must never do:** query tables itself (resolvers parse, call a service,
//! map), put personal data into logs or spans (no query text, no variables, no
//! bodies), or show an internal error's cause to a client.
//!
//! `App::build(config)` + `App::serve(listener, shutdown)` is the whole server, so
//! tests run the real thing on `127.0.0.1:0`.

pub mod app;
pub mod auth;
pub mod certificates;
pub mod cli;
pub mod config;
pub mod console;
pub mod demo;
pub mod devlogin;
pub mod error;
pub mod graphiql;
pub mod http;
pub mod input_guard;
pub mod jobs;
pub mod jwks;
pub mod oidc;
pub mod public;
pub mod public_page;
pub mod schema;
pub mod session;
pub mod telemetry;
pub mod trusted;

pub use app::{App, AppState};
pub use config::Config;

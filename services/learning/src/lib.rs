//! # wohnweg-learning
//!
//! **What it owns:** the renter's-licence courses (*Mietführerschein*,
//! *Integrationszertifikat Wohnen*):
//! - the **shared catalogue** ([`catalogue`]): versioned course templates with their
//!   modules, learning goals, durations, languages and completion rule — platform
//!   reference tables that every city reads and only the operator path writes; a city
//!   may submit its own course, which an operator reviews before other cities see it
//!   (the database wall is described in the migration `m20261201_000022_learning`);
//! - each city's **courses** ([`courses`]): an adopted catalogue version, its local
//!   modules, and **runs** with their sessions (date, time, place, modules);
//! - **participants** ([`participants`]): household members from casework or walk-ins
//!   recorded minimally (the name to print, a language), the waiting list, attendance
//!   per session, completion computed by [`rule`], drop-outs with a coded reason;
//! - **certificates** ([`certificates`]): issued on completion as a signed Open Badges
//!   3.0 / VC 2.0 credential ([`credential`]), revoked with a reason or reissued, with
//!   each city's Ed25519 key sealed at rest ([`keys`]) and its public keys and status
//!   list published for verification that tells the city nothing.
//!
//! Who may do what is in [`access`].
//!
//! **What it must never do:** reach another tenant's rows; let a tenant change the
//! shared catalogue; put personal data into the catalogue; log a name or a certificate
//! number; speak HTTP or GraphQL.

pub mod access;
pub mod catalogue;
pub mod certificates;
pub mod courses;
pub mod credential;
pub mod demo;
mod entity;
mod gdpr;
pub mod keys;
pub mod lookup;
pub mod participants;
pub mod pdf;
pub mod rule;
pub mod types;

pub use gdpr::LearningPart;
pub use keys::Kek;

use wohnweg_kernel::Db;

/// The learning service. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Learning {
    db: Db,
    kek: Kek,
    base_url: String,
}

impl Learning {
    /// The service on `db`; private signing keys are sealed with `kek`; issuer ids are
    /// `<base_url>/public/<city>`.
    #[must_use]
    pub fn new(db: Db, kek: Kek, base_url: &str) -> Self {
        Self {
            db,
            kek,
            base_url: base_url.trim_end_matches('/').to_owned(),
        }
    }
}

impl Learning {
    /// The public verification page's link for a credential: the credential rides in
    /// the fragment, which browsers never send to the server.
    #[must_use]
    pub fn verification_link(&self, credential: &str) -> String {
        format!("{}/verify#{credential}", self.base_url)
    }
}

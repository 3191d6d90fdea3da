//! # wohnweg-housing
//!
//! **What it owns:** the housing side of move-out management — the accommodation
//! register (municipal shelters and city-rented flats) with occupancy (which household
//! lives where since when), landlords with the annual quota of housing companies, rent
//! caps by household size with validity dates, and housing offers with their status.
//! Who may do what is in [`access`]. [`matching`] ranks households and offers with exact
//! explanations; [`workflow`] takes a match to the lease and the move, with the benefit
//! office's acceptance of the rent ([`benefit_office`]) first for SGB II / SGB XII
//! households; [`moves`] is
//! the one path every move-out takes (through a match, a self-found flat or a lease
//! takeover), so the register and the placements every figure counts stay true;
//! [`lasting`] counts the returns to a shelter within 6, 12 and 24 months of a move;
//! [`course_outcomes`] compares the households of a course's completers with those
//! that never took part (Hagen's evaluation of the renter's licence).
//!
//! Every write is audited in its transaction; lists are keyset pages whose extra
//! parts (occupied places, flats delivered) cost one statement per page.
//!
//! **What it must never do:** reach another tenant's rows, let a household occupy two
//! places at once or exceed a capacity silently, or show a carrier more than open
//! offers and its own households' places.

pub mod access;
pub mod benefit_office;
pub mod course_outcomes;
pub mod demo;
mod entity;
mod gdpr;
pub mod guarantees;
pub mod lasting;
pub mod lease;
pub mod lookup;
pub mod market;
pub mod matching;
pub mod moves;
pub mod node;
pub mod register;
pub mod scheduled;
pub mod segregation;
pub mod types;
pub mod workflow;

pub use gdpr::HousingPart;
pub use guarantees::{BudgetView, GuaranteeView, Secured};
pub use lasting::ReturnWindow;
pub use market::{
    LandlordInput, LandlordView, NewRentCap, OfferData, OfferFilter, OfferInput, OfferView,
    PublicOffer, RentCapView,
};
pub use matching::{Explanation, HouseholdCandidate, OfferCandidate, RuleResult, ScorePart};
pub use moves::{FlatFacts, LeaseTerms, PlacementFilter, PlacementView};
pub use node::HousingKind;
pub use register::{
    AccommodationFilter, AccommodationPatch, AccommodationView, CurrentPlace, DistrictOccupancy,
    NewAccommodation, OccupancyView,
};
pub use scheduled::{AppliedMoves, ScheduledMoveView};
pub use segregation::DistrictPlacement;
pub use workflow::{MatchFilter, MatchView, RuleOverride};

use wohnweg_kernel::Db;

/// The housing service. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Housing {
    db: Db,
}

impl Housing {
    /// The service on `db`.
    #[must_use]
    pub fn new(db: Db) -> Self {
        Self { db }
    }
}

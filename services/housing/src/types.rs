//! Housing's domain types, parsed at the edge: codes, money in cents, tenths for rooms
//! and areas, postal codes and districts.

use std::borrow::Cow;

use wohnweg_casework::coded;
use wohnweg_kernel::Error;

coded!(
    /// What kind of place an accommodation is.
    AccommodationKind {
        /// A municipal shelter (*Gemeinschaftsunterkunft*).
        Shelter = "shelter",
        /// A flat the city rents and sublets (*angemietete Wohnung*).
        CityRentedFlat = "city_rented_flat",
        /// An emergency shelter (sports hall, hotel).
        Emergency = "emergency",
    }
);

coded!(
    /// What kind of landlord.
    LandlordKind {
        /// A private person.
        Private = "private",
        /// A housing company (e.g. Cologne's GAG).
        HousingCompany = "housing_company",
        /// A housing cooperative.
        Cooperative = "cooperative",
        /// Anyone else (a church, an employer, a foundation).
        Other = "other",
    }
);

coded!(
    /// Why a household came back to a shelter.
    ReturnReason {
        /// Rent arrears.
        RentArrears = "rent_arrears",
        /// Conflict with the landlord or the neighbours.
        Conflict = "conflict",
        /// Eviction.
        Eviction = "eviction",
        /// The household gave up the flat.
        GaveUpFlat = "gave_up_flat",
        /// Anything else.
        Other = "other",
    }
);

coded!(
    /// How an offer reached the city.
    OfferChannel {
        /// The public offer form.
        PublicForm = "public_form",
        /// A housing company or cooperative under its agreement with the city.
        PartnerCompany = "partner_company",
        /// A landlord who called, wrote or came in.
        LandlordDirect = "landlord_direct",
        /// Passed on by a carrier.
        Carrier = "carrier",
        /// Found by the household or its helpers.
        Household = "household",
        /// A listing (newspaper, portal) staff followed up.
        Listing = "listing",
        /// Anything else.
        Other = "other",
    }
);

coded!(
    /// How a household moved out into a home of its own.
    PlacementSource {
        /// Through a match with an offer, and the lease that followed.
        Match = "match",
        /// A flat the household found itself.
        SelfFound = "self_found",
        /// The household took over the lease of the city-rented flat it lived in.
        LeaseTakeover = "lease_takeover",
    }
);

coded!(
    /// Where the city stands with a landlord.
    PartnerStatus {
        /// Being won over.
        Prospect = "prospect",
        /// Offers flats.
        Partner = "partner",
        /// Offers nothing at the moment.
        Paused = "paused",
        /// No longer works with the city.
        Ended = "ended",
    }
);

coded!(
    /// The life of an offer.
    OfferStatus {
        /// Came in through the public form; staff review it.
        Received = "received",
        /// Open for matching.
        Open = "open",
        /// Reserved for a match.
        Reserved = "reserved",
        /// Let.
        Let = "let",
        /// Withdrawn.
        Withdrawn = "withdrawn",
    }
);

impl OfferStatus {
    /// The statuses staff may move an offer to by hand from `self`. Reserved and let
    /// follow from the match workflow only (acceptance reserves, the lease lets, a
    /// decline reopens), so a reserved offer cannot be handed out twice.
    #[must_use]
    pub fn next(self) -> &'static [OfferStatus] {
        use OfferStatus::{Let, Open, Received, Reserved, Withdrawn};
        match self {
            Received => &[Open, Withdrawn],
            Open => &[Withdrawn],
            Reserved | Let | Withdrawn => &[],
        }
    }
}

coded!(
    /// Where a match stands.
    MatchStatus {
        /// Proposed to the landlord.
        Proposed = "proposed",
        /// A viewing is scheduled.
        ViewingScheduled = "viewing_scheduled",
        /// The landlord accepted the household.
        LandlordAccepted = "landlord_accepted",
        /// Declined by either side.
        Declined = "declined",
        /// Withdrawn (the household took another flat, or staff ended it).
        Withdrawn = "withdrawn",
        /// Lease signed; the move-in lies ahead (a scheduled move).
        LeaseSigned = "lease_signed",
        /// Lease signed and moved in.
        MovedIn = "moved_in",
    }
);

coded!(
    /// The benefit office's decision on a flat's rent (*Mietangebot* to the Jobcenter
    /// or the social welfare office): needed before the lease for SGB II / SGB XII.
    BenefitOfficeDecision {
        /// The rent is accepted as appropriate.
        Accepted = "accepted",
        /// The rent is not accepted (with a reason).
        Refused = "refused",
    }
);

coded!(
    /// Where a scheduled move stands.
    ScheduledMoveStatus {
        /// The move-in lies ahead.
        Pending = "pending",
        /// The move took effect on its date.
        Done = "done",
        /// Cancelled before the date.
        Cancelled = "cancelled",
    }
);

impl MatchStatus {
    /// Whether the match is still open.
    #[must_use]
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Self::Proposed | Self::ViewingScheduled | Self::LandlordAccepted
        )
    }
}

coded!(
    /// Why a match was declined, from either side.
    DeclineReason {
        /// The household refused the area.
        HouseholdRefusedArea = "household_refused_area",
        /// The household refused the flat.
        HouseholdRefusedFlat = "household_refused_flat",
        /// The household could not be reached.
        HouseholdUnreachable = "household_unreachable",
        /// The landlord chose another applicant.
        LandlordChoseOther = "landlord_chose_other",
        /// Income documents were missing.
        IncomeDocumentsMissing = "income_documents_missing",
        /// The benefit office did not accept the rent.
        BenefitOfficeRefused = "benefit_office_refused",
        /// The landlord gave no reason.
        LandlordNoReason = "landlord_no_reason",
        /// Anything else (say what in the text).
        Other = "other",
    }
);

impl DeclineReason {
    /// Who declines for this reason, when the reason says it (`None`: name the actor).
    #[must_use]
    pub fn actor(self) -> Option<wohnweg_casework::types::DecisionActor> {
        use wohnweg_casework::types::DecisionActor;
        match self {
            Self::HouseholdRefusedArea
            | Self::HouseholdRefusedFlat
            | Self::HouseholdUnreachable => Some(DecisionActor::Household),
            Self::LandlordChoseOther | Self::LandlordNoReason => Some(DecisionActor::Landlord),
            Self::IncomeDocumentsMissing | Self::BenefitOfficeRefused | Self::Other => None,
        }
    }
}

coded!(
    /// What the city guarantees.
    GuaranteeKind {
        /// Deposit assumption (*Kautionsübernahme*), usually as a loan.
        Deposit = "deposit",
        /// Rent assumption (*Mietübernahme*).
        RentAssumption = "rent_assumption",
        /// Security guarantee (*Sicherheitsleistung*).
        SecurityGuarantee = "security_guarantee",
        /// Release (*Freistellung*).
        Release = "release",
    }
);

coded!(
    /// Where a guarantee request stands.
    GuaranteeStatus {
        /// Awaiting the coordinator.
        Requested = "requested",
        /// Approved: committed against the budget.
        Approved = "approved",
        /// Rejected, with a reason.
        Rejected = "rejected",
    }
);

/// Parses euros with at most two decimals (`"612.50"`, `"612,50"`, `"612"`) into cents,
/// between 0 and 100 000 €.
pub fn cents(field: impl Into<Cow<'static, str>>, raw: &str) -> Result<i32, Error> {
    cents_up_to(field, raw, 100_000)
}

/// Like [`cents`], up to `max_euros` (at most 20 000 000 €, e.g. an annual budget).
pub fn cents_up_to(
    field: impl Into<Cow<'static, str>>,
    raw: &str,
    max_euros: i32,
) -> Result<i32, Error> {
    let max_euros = max_euros.clamp(0, 20_000_000);
    let field = field.into();
    let bad = || Error::bad_input(field.clone(), "must be an amount in euros like 612.50");
    let t = raw.trim().replace(',', ".");
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty()
        || whole.len() > 8
        || frac.len() > 2
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let w: i32 = whole.parse().map_err(|_| bad())?;
    let f: i32 = format!("{frac:0<2}").parse().map_err(|_| bad())?;
    let v = w
        .checked_mul(100)
        .and_then(|x| x.checked_add(f))
        .ok_or_else(bad)?;
    if v > max_euros.saturating_mul(100) {
        return Err(Error::bad_input(
            field,
            format!("must not exceed {max_euros} euros"),
        ));
    }
    Ok(v)
}

/// Formats cents as euros (`61250` → `"612.50"`).
#[must_use]
pub fn euros(cents: i32) -> String {
    format!("{}.{:02}", cents / 100, (cents % 100).abs())
}

/// Parses a number with at most one decimal (rooms `2.5`, area `64.3`) into tenths,
/// within `1..=max` tenths.
pub fn tenths(field: impl Into<Cow<'static, str>>, raw: f64, max: i32) -> Result<i32, Error> {
    let field = field.into();
    let t = (raw * 10.0).round();
    if !raw.is_finite() || (raw * 10.0 - t).abs() > 1e-6 || t < 1.0 || t > f64::from(max) {
        return Err(Error::bad_input(
            field,
            format!(
                "must be a positive number with at most one decimal, up to {}",
                max / 10
            ),
        ));
    }
    // In range by the check above.
    #[allow(clippy::cast_possible_truncation)]
    Ok(t as i32)
}

/// A German postal code: five digits.
pub fn postal_code(field: &'static str, raw: &str) -> Result<String, Error> {
    let t = raw.trim();
    if t.len() == 5 && t.bytes().all(|b| b.is_ascii_digit()) {
        Ok(t.to_owned())
    } else {
        Err(Error::bad_input(field, "must be five digits"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_tenths_parse_exactly() {
        assert_eq!(cents("r", "612.50").unwrap(), 61250);
        assert_eq!(cents("r", "612,5").unwrap(), 61250);
        assert_eq!(cents("r", "0").unwrap(), 0);
        for bad in ["", "-1", "1.234", "abc", "1e3", "100000.01", ".5"] {
            assert!(cents("r", bad).is_err(), "{bad}");
        }
        assert_eq!(euros(61250), "612.50");
        assert_eq!(euros(5), "0.05");
        assert_eq!(tenths("t", 2.5, 200).unwrap(), 25);
        assert!(tenths("t", 2.55, 200).is_err());
        assert!(tenths("t", 0.0, 200).is_err());
        assert!(tenths("t", 25.0, 200).is_err());
        assert!(postal_code("p", "51465").is_ok());
        assert!(postal_code("p", "5146").is_err());
    }

    #[test]
    fn withdrawn_and_let_offers_are_final() {
        assert!(OfferStatus::Let.next().is_empty());
        assert!(OfferStatus::Withdrawn.next().is_empty());
        assert!(OfferStatus::Received.next().contains(&OfferStatus::Open));
        assert!(
            OfferStatus::Reserved.next().is_empty(),
            "only the workflow frees a reservation"
        );
    }
}

//! The programmes' domain types, parsed at the edge: coded enums with stable English
//! codes and full-time equivalents.

use std::borrow::Cow;

use wohnweg_casework::coded;
use wohnweg_kernel::Error;

coded!(
    /// Where a programme's money comes from.
    FundingKind {
        /// The city's own budget.
        CityBudget = "city_budget",
        /// The state's *Kommunales Integrationsmanagement* (KIM) programme.
        Kim = "kim",
        /// Anything else (foundations, other state or federal programmes).
        Other = "other",
    }
);

coded!(
    /// What a yearly target counts.
    TargetKind {
        /// Households that moved into a home of their own (placements).
        MoveOuts = "move_outs",
        /// Course completions of the programme's households' members.
        CourseCompletions = "course_completions",
        /// Aftercare follow-ups recorded.
        AftercareContacts = "aftercare_contacts",
        /// Landlords whose first flat for the city went to one of the programme's
        /// households.
        LandlordsWon = "landlords_won",
    }
);

coded!(
    /// What a warning on a coordinator's worklist is about.
    WarningKind {
        /// A funding source ends within six months.
        FundingEnding = "funding_ending",
        /// A fixed-term position ends within six months.
        PositionEnding = "position_ending",
        /// A position is vacant.
        PositionVacant = "position_vacant",
        /// More households per filled full-time position than the programme's limit.
        CaseloadAboveLimit = "caseload_above_limit",
        /// A target of this year is behind its pro-rata path.
        TargetBehind = "target_behind",
    }
);

/// Parses a full-time equivalent (`1`, `0.5`, `0.75`) into hundredths: more than 0,
/// at most 5, at most two decimals.
///
/// # Errors
/// `BAD_USER_INPUT` for `field` otherwise.
pub fn fte_hundredths(field: impl Into<Cow<'static, str>>, raw: f64) -> Result<i32, Error> {
    let h = (raw * 100.0).round();
    if !raw.is_finite() || (raw * 100.0 - h).abs() > 1e-6 || !(1.0..=500.0).contains(&h) {
        return Err(Error::bad_input(
            field,
            "must be a full-time equivalent above 0 and at most 5, with at most two decimals",
        ));
    }
    // In 1..=500 by the check above.
    #[allow(clippy::cast_possible_truncation)]
    Ok(h as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_time_equivalents_take_two_decimals_up_to_five() {
        assert_eq!(fte_hundredths("f", 1.0).unwrap(), 100);
        assert_eq!(fte_hundredths("f", 0.75).unwrap(), 75);
        assert_eq!(fte_hundredths("f", 2.5).unwrap(), 250);
        for bad in [0.0, -1.0, 0.001, 5.01, f64::NAN, f64::INFINITY] {
            assert!(fte_hundredths("f", bad).is_err(), "{bad}");
        }
    }
}

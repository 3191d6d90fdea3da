//! Learning's domain types, parsed at the edge: coded enums with stable English codes,
//! language codes, a session's start time.

use std::borrow::Cow;

use wohnweg_casework::coded;
use wohnweg_kernel::Error;

coded!(
    /// How a course is completed.
    RuleKind {
        /// Every mandatory module attended.
        AllMandatory = "all_mandatory",
        /// At least N of the modules attended.
        NOfM = "n_of_m",
    }
);

coded!(
    /// Where a catalogue template stands.
    TemplateStatus {
        /// In the catalogue: every city can adopt it.
        Published = "published",
        /// A city's course offered to the catalogue, waiting for an operator.
        Submitted = "submitted",
        /// A submission an operator turned down.
        Rejected = "rejected",
    }
);

coded!(
    /// Where a participant of a run stands.
    EnrolmentStatus {
        /// Has a place.
        Enrolled = "enrolled",
        /// On the waiting list: the run is full.
        Waiting = "waiting",
        /// Met the completion rule.
        Completed = "completed",
        /// Left the run.
        DroppedOut = "dropped_out",
    }
);

coded!(
    /// Why a participant left a run.
    DropReason {
        /// Moved away.
        MovedAway = "moved_away",
        /// Work or training at the course times.
        Work = "work",
        /// Illness.
        Illness = "illness",
        /// No childcare.
        Childcare = "childcare",
        /// Contact broke off.
        NoContact = "no_contact",
        /// Anything else.
        Other = "other",
    }
);

coded!(
    /// Why a participant missed a session.
    AbsenceReason {
        /// Illness.
        Illness = "illness",
        /// Work or training.
        Work = "work",
        /// No childcare.
        Childcare = "childcare",
        /// An appointment (authority, doctor).
        Appointment = "appointment",
        /// Without an excuse.
        Unexcused = "unexcused",
        /// Anything else.
        Other = "other",
    }
);

coded!(
    /// Why a certificate was revoked.
    RevokeReason {
        /// Issued in error (wrong person, course not completed).
        IssuedInError = "issued_in_error",
        /// Replaced by a reissued certificate (a corrected name).
        Reissued = "reissued",
        /// Signed with a key the city revoked.
        KeyCompromised = "key_compromised",
    }
);

/// An ISO 639-1 language code, lower case (`de`, `ar`, `uk`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Language(String);

impl Language {
    /// Parses `raw` for `field`.
    pub fn parse(field: impl Into<Cow<'static, str>>, raw: &str) -> Result<Self, Error> {
        let c = raw.trim().to_ascii_lowercase();
        if c.len() == 2 && c.bytes().all(|b| b.is_ascii_lowercase()) {
            Ok(Self(c))
        } else {
            Err(Error::bad_input(
                field,
                "must be a two-letter ISO 639-1 language code",
            ))
        }
    }

    /// The code.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A session's start time, `HH:MM` (24 hours).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StartTime(String);

impl StartTime {
    /// Parses `raw` for `field`.
    pub fn parse(field: impl Into<Cow<'static, str>>, raw: &str) -> Result<Self, Error> {
        let t = raw.trim();
        match chrono::NaiveTime::parse_from_str(t, "%H:%M") {
            Ok(time) if t.len() == 5 => Ok(Self(time.format("%H:%M").to_string())),
            _ => Err(Error::bad_input(field, "must be a time of day as HH:MM")),
        }
    }

    /// `HH:MM`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub(crate) use wohnweg_casework::types::stored;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_and_times_parse_at_the_edge() {
        assert_eq!(
            Language::parse("l", " AR ").map(|l| l.0).ok(),
            Some("ar".into())
        );
        assert!(Language::parse("l", "ara").is_err());
        assert!(Language::parse("l", "a1").is_err());
        assert_eq!(
            StartTime::parse("t", "09:30").map(|t| t.0).ok(),
            Some("09:30".into())
        );
        assert!(StartTime::parse("t", "9:30").is_err());
        assert!(StartTime::parse("t", "24:00").is_err());
        assert!(StartTime::parse("t", "18:00 ").is_ok());
    }
}

//! Domain types, parsed at the edge: once a value has one of these types it is valid,
//! and the service never re-checks raw strings.

use std::fmt;

use wohnweg_kernel::Error;

/// A URL-safe identifier: 2–63 characters of `a-z`, `0-9` and inner `-`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Slug(String);

impl Slug {
    /// Parses a slug; `field` names the input for the error.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, Error> {
        let ok_len = (2..=63).contains(&raw.len());
        let ok_chars = raw
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        let ok_edges = !raw.starts_with('-') && !raw.ends_with('-') && !raw.contains("--");
        if ok_len && ok_chars && ok_edges {
            Ok(Self(raw.to_owned()))
        } else {
            Err(Error::bad_input(
                field,
                "must be 2–63 characters of a–z, 0–9 and single inner hyphens",
            ))
        }
    }

    /// The slug.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A human name for a person or an organisation: trimmed, 1–200 characters, no
/// control characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    /// Parses a name; `field` names the input for the error.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, Error> {
        let trimmed = raw.trim();
        let len = trimmed.chars().count();
        if len == 0 || len > 200 {
            return Err(Error::bad_input(field, "must be 1–200 characters"));
        }
        if trimmed.chars().any(char::is_control) {
            return Err(Error::bad_input(
                field,
                "must not contain control characters",
            ));
        }
        Ok(Self(trimmed.to_owned()))
    }

    /// The name.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An e-mail address, lower-cased. A pragmatic check (one `@`, a dotted domain, no
/// spaces, ≤ 320 characters); deliverability is the provider's business.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// Parses an address; `field` names the input for the error.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, Error> {
        let s = raw.trim().to_lowercase();
        let valid = s.len() <= 320
            && !s.chars().any(|c| c.is_whitespace() || c.is_control())
            && match s.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                }
                None => false,
            };
        if valid {
            Ok(Self(s))
        } else {
            Err(Error::bad_input(field, "is not a valid e-mail address"))
        }
    }

    /// The address.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What kind of organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OrganisationKind {
    /// A department of the city itself (e.g. the KIM team).
    CityDepartment,
    /// A carrier (*Träger*) under contract with the city.
    Carrier,
}

impl OrganisationKind {
    /// Stable code, as stored.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::CityDepartment => "city_department",
            Self::Carrier => "carrier",
        }
    }

    /// Parses the stored code.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "city_department" => Some(Self::CityDepartment),
            "carrier" => Some(Self::Carrier),
            _ => None,
        }
    }
}

/// A UI locale a tenant can default to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Locale {
    /// German (the default).
    De,
    /// English.
    En,
}

impl Locale {
    /// Parses `de` or `en`.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, Error> {
        match raw.trim().to_lowercase().as_str() {
            "de" => Ok(Self::De),
            "en" => Ok(Self::En),
            _ => Err(Error::bad_input(field, "must be de or en")),
        }
    }

    /// The code.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::De => "de",
            Self::En => "en",
        }
    }
}

/// Free-text contact details of an organisation: trimmed, at most 500 characters, no
/// control characters other than line breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact(String);

impl Contact {
    /// Parses contact details; `field` names the input for the error.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, Error> {
        let t = raw.trim();
        if t.is_empty() || t.chars().count() > 500 {
            return Err(Error::bad_input(field, "must be 1–500 characters"));
        }
        if t.chars().any(|c| c.is_control() && c != '\n') {
            return Err(Error::bad_input(
                field,
                "must not contain control characters",
            ));
        }
        Ok(Self(t.to_owned()))
    }

    /// The text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A German federal state, by its official two-letter code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FederalState(&'static str);

const STATES: [&str; 16] = [
    "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH",
];

impl FederalState {
    /// North Rhine-Westphalia, home of the KIM programme.
    pub const NW: Self = Self("NW");

    /// Parses a two-letter code.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, Error> {
        let upper = raw.trim().to_uppercase();
        STATES
            .iter()
            .find(|s| **s == upper)
            .map(|s| Self(s))
            .ok_or_else(|| Error::bad_input(field, "must be a German state code such as NW"))
    }

    /// The code.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(Slug::parse("slug", "koeln").is_ok());
        assert!(Slug::parse("slug", "bergisch-gladbach").is_ok());
        for bad in ["", "k", "Köln", "-a", "a-", "a--b", "a b", &"x".repeat(64)] {
            assert!(Slug::parse("slug", bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn names_and_emails() {
        assert_eq!(
            DisplayName::parse("n", "  Jana Beispiel ")
                .map(|n| n.as_str().to_owned())
                .ok(),
            Some("Jana Beispiel".to_owned())
        );
        assert!(DisplayName::parse("n", "   ").is_err());
        assert!(DisplayName::parse("n", "a\u{0}b").is_err());
        assert_eq!(
            Email::parse("e", "Jana@Example.org")
                .map(|e| e.as_str().to_owned())
                .ok(),
            Some("jana@example.org".to_owned())
        );
        for bad in [
            "jana",
            "jana@",
            "@example.org",
            "jana@example",
            "ja na@example.org",
        ] {
            assert!(Email::parse("e", bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn states() {
        assert_eq!(FederalState::parse("s", "nw").ok(), Some(FederalState::NW));
        assert!(FederalState::parse("s", "XX").is_err());
    }
}

//! The schema's own scalars: `Date` for every calendar date in and out, `Decimal` for
//! every amount of money in and out.
//!
//! Both check their literal form while the document is validated, so a malformed
//! value — in the query or in a variable, at any depth of an input object — is refused
//! before anything runs, and [`super::execute`] reports it as `BAD_USER_INPUT` with
//! the path of the value in `extensions.field` (`input.steps.0.dueOn`), the same way
//! the services report a value that is well-formed but out of range.

use async_graphql::{InputValueError, InputValueResult, Scalar, ScalarType, Value};
use chrono::NaiveDate;

/// The name of the date scalar.
pub const DATE: &str = "Date";
/// The name of the money scalar.
pub const DECIMAL: &str = "Decimal";

/// A calendar date (ISO 8601, `YYYY-MM-DD`), no time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

fn parse_date(raw: &str) -> Option<NaiveDate> {
    // Exactly ten characters: chrono alone would also take `2026-1-5`.
    (raw.len() == 10)
        .then(|| NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok())
        .flatten()
}

/// A calendar date as `YYYY-MM-DD` (ISO 8601), e.g. `2026-03-31`.
#[Scalar(
    name = "Date",
    specified_by_url = "https://www.rfc-editor.org/rfc/rfc3339#section-5.6"
)]
impl ScalarType for Date {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => parse_date(s)
                .map(Date)
                .ok_or_else(|| InputValueError::custom("must be a date as YYYY-MM-DD")),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn is_valid(value: &Value) -> bool {
        matches!(value, Value::String(s) if parse_date(s).is_some())
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.format("%Y-%m-%d").to_string())
    }
}

impl From<NaiveDate> for Date {
    fn from(d: NaiveDate) -> Self {
        Self(d)
    }
}

impl From<Date> for NaiveDate {
    fn from(d: Date) -> Self {
        d.0
    }
}

/// An amount of money in euros as written: digits with at most two decimals after a
/// point (`612.50`; a decimal comma is read as a point). Kept as text so no amount
/// passes through a binary float; the service converts it to cents and checks its
/// range. Output is always two decimals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decimal(String);

impl Decimal {
    /// The amount as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Decimal {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// An amount in cents as a [`Decimal`] with two decimals.
#[must_use]
pub fn euros(cents: i32) -> Decimal {
    Decimal(wohnweg_housing::types::euros(cents))
}

impl From<String> for Decimal {
    fn from(s: String) -> Self {
        Self(s)
    }
}

fn decimal_form(raw: &str) -> bool {
    let t = raw.trim();
    let (whole, frac) = t
        .split_once(['.', ','])
        .map_or((t, None), |(w, f)| (w, Some(f)));
    !whole.is_empty()
        && whole.len() <= 12
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| (1..=2).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()))
}

/// An amount in euros: a string of digits with up to two decimals, e.g. `"612.50"`
/// (an integer is accepted too). Always two decimals in output.
#[Scalar(name = "Decimal")]
impl ScalarType for Decimal {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) if decimal_form(s) => Ok(Self(s.trim().to_owned())),
            Value::Number(n) if n.is_u64() => Ok(Self(n.to_string())),
            Value::String(_) | Value::Number(_) => Err(InputValueError::custom(
                "must be an amount in euros like 612.50",
            )),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn is_valid(value: &Value) -> bool {
        match value {
            Value::String(s) => decimal_form(s),
            Value::Number(n) => n.is_u64(),
            _ => false,
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_exactly_iso() {
        for ok in ["2026-03-31", "2024-02-29"] {
            assert!(Date::is_valid(&Value::from(ok)), "{ok}");
        }
        for bad in [
            "2026-3-31",
            "2025-02-29",
            "31.03.2026",
            "",
            "2026-03-31T00:00",
            " 2026-03-31",
        ] {
            assert!(!Date::is_valid(&Value::from(bad)), "{bad}");
        }
        assert!(!Date::is_valid(&Value::from(20_260_331)));
    }

    #[test]
    fn amounts_have_at_most_two_decimals() {
        for ok in ["612.50", "612,5", "0", "1260"] {
            assert!(Decimal::is_valid(&Value::from(ok)), "{ok}");
        }
        for bad in ["612.505", "-5", "1e3", "", ".5", "12.", "1.260,00", "abc"] {
            assert!(!Decimal::is_valid(&Value::from(bad)), "{bad}");
        }
        assert!(Decimal::is_valid(&Value::from(1260)));
        assert!(!Decimal::is_valid(&Value::from(12.5)));
        assert!(!Decimal::is_valid(&Value::from(-3)));
    }
}

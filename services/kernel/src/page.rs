//! Keyset pagination: lists are Relay connections over time-ordered (UUIDv7) ids, with
//! a bounded `first` and an opaque `after` cursor.

use uuid::Uuid;

use crate::error::{Error, Result};

/// The largest page.
pub const MAX_FIRST: u64 = 100;
/// The page size when `first` is not given.
pub const DEFAULT_FIRST: u64 = 20;

/// A validated page request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageRequest {
    /// How many items.
    pub first: u64,
    /// Start after this id.
    pub after: Option<Uuid>,
}

impl PageRequest {
    /// Parses the API's `first` / `after`.
    pub fn parse(first: Option<i32>, after: Option<&str>) -> Result<Self> {
        let first = match first {
            None => DEFAULT_FIRST,
            Some(n) if n >= 1 && u64::try_from(n).is_ok_and(|n| n <= MAX_FIRST) => {
                u64::try_from(n).unwrap_or(DEFAULT_FIRST)
            }
            Some(_) => {
                return Err(Error::bad_input("first", "must be between 1 and 100"));
            }
        };
        let after = after
            .map(|c| {
                Uuid::parse_str(c).map_err(|_| Error::bad_input("after", "is not a valid cursor"))
            })
            .transpose()?;
        Ok(Self { first, after })
    }
}

/// One page of items in id order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page<T> {
    /// The items.
    pub items: Vec<T>,
    /// Whether more follow.
    pub has_next: bool,
}

impl<T> Page<T> {
    /// Builds a page from `first + 1` fetched rows.
    #[must_use]
    pub fn from_overfetch(mut rows: Vec<T>, req: PageRequest) -> Self {
        let limit = usize::try_from(req.first).unwrap_or(usize::MAX);
        let has_next = rows.len() > limit;
        rows.truncate(limit);
        Self {
            items: rows,
            has_next,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_requests() {
        assert_eq!(PageRequest::parse(None, None).unwrap().first, DEFAULT_FIRST);
        assert_eq!(PageRequest::parse(Some(100), None).unwrap().first, 100);
        for bad in [0, -1, 101] {
            assert!(PageRequest::parse(Some(bad), None).is_err(), "{bad}");
        }
        assert!(PageRequest::parse(None, Some("nope")).is_err());
        let page = Page::from_overfetch(vec![1, 2, 3], PageRequest::parse(Some(2), None).unwrap());
        assert_eq!(
            page,
            Page {
                items: vec![1, 2],
                has_next: true
            }
        );
    }
}

//! Keyset pagination: lists are Relay connections over time-ordered (UUIDv7) ids, with
//! a bounded `first` and an opaque `after` cursor. A connection reports `totalCount`
//! when asked: one extra `COUNT(*)` over the same filters and scope, never more.

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
    /// Whether to count every item the filters match (one extra statement).
    pub count: bool,
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
        Ok(Self {
            first,
            after,
            count: false,
        })
    }

    /// The same request, counting the total when `count`.
    #[must_use]
    pub fn counting(self, count: bool) -> Self {
        Self { count, ..self }
    }

    /// The total number of rows `q` matches when the caller asked for it. `q` must
    /// hold every filter and scope of the list, and no cursor or limit.
    pub async fn total<E, C>(&self, q: &sea_orm::Select<E>, conn: &C) -> Result<Option<u64>>
    where
        E: sea_orm::EntityTrait,
        E::Model: Sync,
        C: sea_orm::ConnectionTrait,
    {
        use sea_orm::PaginatorTrait;
        if !self.count {
            return Ok(None);
        }
        Ok(Some(q.clone().count(conn).await?))
    }
}

/// One page of items in id order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page<T> {
    /// The items.
    pub items: Vec<T>,
    /// Whether more follow.
    pub has_next: bool,
    /// Every item the filters match, when the request asked for it.
    pub total: Option<u64>,
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
            total: None,
        }
    }

    /// The same page with its total.
    #[must_use]
    pub fn with_total(self, total: Option<u64>) -> Self {
        Self { total, ..self }
    }

    /// The page with its items mapped.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            has_next: self.has_next,
            total: self.total,
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
                has_next: true,
                total: None,
            }
        );
    }
}

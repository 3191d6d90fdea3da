//! The one error type of the services. Each variant maps onto exactly one API code
//! (`extensions.code`); the gateway does that mapping and nothing else.
//!
//! `Error` deliberately does **not** implement `Display`: async-graphql converts any
//! `Display` type into an error with that text, and we never want an error to reach a
//! client by accident without its code. Internal causes are kept for the log (with the
//! trace id) and never shown.

use std::borrow::Cow;

/// Result with the kernel [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The codes of `extensions.code`, stable API strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// No or invalid credentials.
    Unauthenticated,
    /// Signed in, but this principal may not do this.
    Forbidden,
    /// No such thing — or it belongs to another tenant, which looks the same.
    NotFound,
    /// The input was rejected; names the field.
    BadUserInput,
    /// A stale version or a uniqueness clash.
    Conflict,
    /// Something broke on our side.
    Internal,
}

impl ErrorCode {
    /// The stable string used in the API.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Unauthenticated => "UNAUTHENTICATED",
            Self::Forbidden => "FORBIDDEN",
            Self::NotFound => "NOT_FOUND",
            Self::BadUserInput => "BAD_USER_INPUT",
            Self::Conflict => "CONFLICT",
            Self::Internal => "INTERNAL",
        }
    }
}

/// A service error.
#[derive(Debug)]
pub enum Error {
    /// No or invalid credentials.
    Unauthenticated,
    /// The principal lacks the permission.
    Forbidden,
    /// The named kind of entity was not found (in this tenant).
    NotFound {
        /// e.g. `"organisation"`.
        entity: &'static str,
    },
    /// Input rejected at the edge.
    BadUserInput {
        /// The offending field, as named in the API.
        field: Cow<'static, str>,
        /// What is wrong, safe to show.
        message: Cow<'static, str>,
    },
    /// Stale version or a clash.
    Conflict {
        /// What clashed, safe to show.
        message: Cow<'static, str>,
    },
    /// Anything else. The source is logged, never shown.
    Internal(Box<dyn std::error::Error + Send + Sync + 'static>),
}

impl Error {
    /// Its API code.
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Unauthenticated => ErrorCode::Unauthenticated,
            Self::Forbidden => ErrorCode::Forbidden,
            Self::NotFound { .. } => ErrorCode::NotFound,
            Self::BadUserInput { .. } => ErrorCode::BadUserInput,
            Self::Conflict { .. } => ErrorCode::Conflict,
            Self::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The message safe to show a client. Internal errors say only "internal error".
    #[must_use]
    pub fn public_message(&self) -> Cow<'static, str> {
        match self {
            Self::Unauthenticated => "not authenticated".into(),
            Self::Forbidden => "forbidden".into(),
            Self::NotFound { entity } => format!("{entity} not found").into(),
            Self::BadUserInput { message, .. } => message.clone(),
            Self::Conflict { message } => message.clone(),
            Self::Internal(_) => "internal error".into(),
        }
    }

    /// Shorthand for [`Error::BadUserInput`].
    pub fn bad_input(
        field: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self::BadUserInput {
            field: field.into(),
            message: message.into(),
        }
    }

    /// `CONFLICT` for a record changed since it was read (a stale `version`).
    #[must_use]
    pub fn stale(what: &'static str) -> Self {
        Self::Conflict {
            message: format!("the {what} was changed by someone else; reload and try again").into(),
        }
    }

    /// Wraps any error as internal.
    pub fn internal(err: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self::Internal(Box::new(err))
    }

    /// The internal cause, for logging (never for a client).
    #[must_use]
    pub fn internal_cause(&self) -> Option<&(dyn std::error::Error + Send + Sync + 'static)> {
        match self {
            Self::Internal(e) => Some(e.as_ref()),
            _ => None,
        }
    }
}

impl From<sea_orm::DbErr> for Error {
    /// A database error is internal, except where the database gave up on one of two
    /// racing transactions (PostgreSQL's deadlock `40P01` or serialisation failure
    /// `40001`; SQLite's busy): then the request lost a race that a retry can win,
    /// which is `CONFLICT`, never `INTERNAL`.
    fn from(err: sea_orm::DbErr) -> Self {
        if lost_race(&err) {
            return Self::Conflict {
                message: "another change to the same records got in the way; try again".into(),
            };
        }
        Self::internal(err)
    }
}

/// Whether `err` is the database refusing one of two racing transactions.
fn lost_race(err: &sea_orm::DbErr) -> bool {
    use sea_orm::{DbErr, RuntimeErr};
    if let DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) = err
        && let sea_orm::sqlx::Error::Database(d) = &**e
    {
        return matches!(
            d.code().as_deref(),
            Some("40P01" | "40001" | "5" | "517" | "261")
        );
    }
    false
}

impl From<sea_orm::TransactionError<Error>> for Error {
    fn from(err: sea_orm::TransactionError<Error>) -> Self {
        match err {
            sea_orm::TransactionError::Connection(e) => e.into(),
            sea_orm::TransactionError::Transaction(e) => e,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_hide_their_cause() {
        let err = Error::from(sea_orm::DbErr::Custom(
            "relation \"users\" does not exist".into(),
        ));
        assert_eq!(err.code(), ErrorCode::Internal);
        assert_eq!(err.public_message(), "internal error");
        assert!(err.internal_cause().is_some());
    }

    #[test]
    fn codes_are_stable() {
        assert_eq!(Error::Unauthenticated.code().as_str(), "UNAUTHENTICATED");
        assert_eq!(
            Error::NotFound { entity: "user" }.code().as_str(),
            "NOT_FOUND"
        );
        assert_eq!(
            Error::bad_input("slug", "too long").code().as_str(),
            "BAD_USER_INPUT"
        );
    }
}

//! Mapping service errors onto GraphQL errors: `extensions.code` (and `field` for bad
//! input). Internal causes are logged with the trace and request id and replaced by
//! "internal error" — no SQL, no stack, no type names reach a client.

use async_graphql::ErrorExtensions;
use opentelemetry::trace::TraceContextExt;
use tracing_opentelemetry::OpenTelemetrySpanExt;
use wohnweg_kernel::Error;

/// Converts a service error into a GraphQL error.
pub fn to_gql(err: Error) -> async_graphql::Error {
    if let Some(cause) = err.internal_cause() {
        let trace_id = tracing::Span::current()
            .context()
            .span()
            .span_context()
            .trace_id();
        // Display only: a database error's Debug form can carry row values.
        tracing::error!(%trace_id, error = %cause, "internal error");
    }
    let code = err.code().as_str();
    let field = match &err {
        Error::BadUserInput { field, .. } => Some(field.to_string()),
        _ => None,
    };
    async_graphql::Error::new(err.public_message()).extend_with(|_, ext| {
        ext.set("code", code);
        if let Some(field) = &field {
            ext.set("field", field.as_str());
        }
    })
}

/// A bad-input error named by its path from the `input` argument (`members.1`
/// becomes `input.members.1`), as the API names every input field; a service or a
/// domain type names the field without the argument.
pub fn under_input(e: Error) -> Error {
    match e {
        Error::BadUserInput { field, message } if !field.starts_with("input.") => {
            Error::bad_input(format!("input.{field}"), message)
        }
        e => e,
    }
}

/// `.gql()` on a service result.
pub trait GqlResultExt<T> {
    /// Maps the error with [`to_gql`].
    fn gql(self) -> async_graphql::Result<T>;
}

impl<T> GqlResultExt<T> for Result<T, Error> {
    fn gql(self) -> async_graphql::Result<T> {
        self.map_err(to_gql)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_are_masked() {
        let e = to_gql(Error::from(sea_orm::DbErr::Custom(
            "SELECT secret FROM users".into(),
        )));
        assert_eq!(e.message, "internal error");
        let code = e.extensions.as_ref().and_then(|x| x.get("code")).cloned();
        assert_eq!(code, Some(async_graphql::Value::from("INTERNAL")));
    }

    #[test]
    fn bad_input_names_the_field() {
        let e = to_gql(Error::bad_input("slug", "too long"));
        let ext = e.extensions.as_ref();
        assert_eq!(
            ext.and_then(|x| x.get("field")).cloned(),
            Some(async_graphql::Value::from("slug"))
        );
        assert_eq!(
            ext.and_then(|x| x.get("code")).cloned(),
            Some(async_graphql::Value::from("BAD_USER_INPUT"))
        );
    }
}

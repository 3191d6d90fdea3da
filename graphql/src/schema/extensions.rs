//! Request-level hooks around the schema: the alias limit, error codes for errors that
//! arise before any resolver runs, and one span per operation.
//!
//! These are not async-graphql extensions on purpose: with any extension registered,
//! every output field of every response pays a boxed future per extension (async-graphql
//! takes its fast path only when none is registered), and none of these needs a
//! per-field hook. [`execute`] parses the document once (the request keeps it for
//! execution), applies the checks and runs the operation inside its span.

use async_graphql::parser::types::{DocumentOperations, Selection, SelectionSet};
use async_graphql::{Request, Response, ServerError, Value};
use tracing::Instrument;

use async_graphql::parser::types::{ExecutableDocument, OperationType};

use super::Schemas;

/// `extensions.code` of a document with too many aliases.
pub const ALIAS_LIMIT_CODE: &str = "GRAPHQL_VALIDATION_FAILED";

fn has_code(err: &ServerError) -> bool {
    err.extensions
        .as_ref()
        .is_some_and(|e| e.get("code").is_some())
}

fn set_code(err: &mut ServerError, code: &str) {
    if !has_code(err) {
        err.extensions
            .get_or_insert_with(Default::default)
            .set("code", Value::from(code));
    }
}

fn refuse(message: impl Into<String>, code: &str) -> Response {
    let mut err = ServerError::new(message, None);
    set_code(&mut err, code);
    Response::from_errors(vec![err])
}

fn count_aliases(set: &SelectionSet) -> usize {
    set.items
        .iter()
        .map(|sel| match &sel.node {
            Selection::Field(f) => {
                usize::from(f.node.alias.is_some()) + count_aliases(&f.node.selection_set.node)
            }
            Selection::InlineFragment(frag) => count_aliases(&frag.node.selection_set.node),
            Selection::FragmentSpread(_) => 0,
        })
        .sum()
}

/// Whether the operation `wanted` (or the only one) is a query whose root selects
/// nothing but `__schema`, `__type` and `__typename` (through fragments too).
fn introspection_only(doc: &ExecutableDocument, wanted: Option<&str>) -> bool {
    fn root_only(doc: &ExecutableDocument, set: &SelectionSet, seen: usize) -> bool {
        // Fragment cycles are refused by validation; the bound only keeps this finite.
        seen < 16
            && set.items.iter().all(|sel| match &sel.node {
                Selection::Field(f) => matches!(
                    f.node.name.node.as_str(),
                    "__schema" | "__type" | "__typename"
                ),
                Selection::InlineFragment(frag) => {
                    root_only(doc, &frag.node.selection_set.node, seen + 1)
                }
                Selection::FragmentSpread(spread) => doc
                    .fragments
                    .get(&spread.node.fragment_name.node)
                    .is_some_and(|f| root_only(doc, &f.node.selection_set.node, seen + 1)),
            })
    }
    let op = match (&doc.operations, wanted) {
        (DocumentOperations::Single(op), None) => op,
        (DocumentOperations::Multiple(map), Some(w)) => {
            match map.iter().find(|(n, _)| n.as_str() == w) {
                Some((_, op)) => op,
                None => return false,
            }
        }
        (DocumentOperations::Multiple(map), None) if map.len() == 1 => match map.values().next() {
            Some(op) => op,
            None => return false,
        },
        _ => return false,
    };
    op.node.ty == OperationType::Query
        && !op.node.selection_set.node.items.is_empty()
        && root_only(doc, &op.node.selection_set.node, 0)
}

/// A validation error for a malformed [`Date`](super::scalars::Date) or
/// [`Decimal`](super::scalars::Decimal) — `Invalid value for argument
/// "input.steps.0.dueOn", expected type "Date"` — becomes the `BAD_USER_INPUT` a
/// service gives for a bad value: the value's path in `extensions.field` and what it
/// must look like.
fn malformed_value(err: &mut ServerError) {
    let Some(rest) = err.message.strip_prefix("Invalid value for argument \"") else {
        return;
    };
    let Some((field, expected)) = rest.split_once("\", expected type \"") else {
        return;
    };
    let scalar = match expected.trim_end_matches('"') {
        super::scalars::DATE => super::scalars::DATE,
        super::scalars::DECIMAL => super::scalars::DECIMAL,
        _ => return,
    };
    let field = field.to_owned();
    bad_value(err, Some(field), scalar);
}

/// `Date` or `Decimal` when `err` is their failure while a field's arguments were
/// read (the case [`super::coercion`] places).
fn unparsed_scalar(err: &ServerError) -> Option<&'static str> {
    let rest = err.message.strip_prefix("Failed to parse \"")?;
    [super::scalars::DATE, super::scalars::DECIMAL]
        .into_iter()
        .find(|s| rest.strip_prefix(s).is_some_and(|r| r.starts_with('"')))
}

fn bad_value(err: &mut ServerError, field: Option<String>, scalar: &str) {
    err.message = if scalar == super::scalars::DATE {
        "must be a date as YYYY-MM-DD"
    } else {
        "must be an amount in euros like 612.50"
    }
    .to_owned();
    let ext = err.extensions.get_or_insert_with(Default::default);
    ext.set("code", Value::from("BAD_USER_INPUT"));
    if let Some(field) = field {
        ext.set("field", Value::from(field));
    }
}

/// Runs `request` on `schemas`:
/// - a document that does not parse is refused with `GRAPHQL_PARSE_FAILED`;
/// - one with more than `max_aliases` aliased fields (alias flooding multiplies work
///   without deepening the document) with `GRAPHQL_VALIDATION_FAILED`;
/// - an operation that cannot be chosen (an unknown name, several without a name) with
///   `BAD_REQUEST`;
/// - a query that only introspects runs on the schema with the introspection depth
///   limit (where introspection is on), everything else on the main one;
/// - the operation runs in a span named by the operation (never the query text or
///   variables), which records the number of errors;
/// - errors that still lack a code get one: validation failures (including the depth
///   and complexity limits, which carry no path) `GRAPHQL_VALIDATION_FAILED`, argument
///   and variable coercion errors of a field `BAD_USER_INPUT`, and so is a malformed
///   date or amount, which validation finds.
pub async fn execute(schemas: &Schemas, mut request: Request, max_aliases: usize) -> Response {
    let wanted = request.operation_name.clone();
    let introspects;
    let declared;
    let name = match request.parsed_query() {
        Err(mut e) => {
            set_code(&mut e, "GRAPHQL_PARSE_FAILED");
            return Response::from_errors(vec![e]);
        }
        Ok(doc) => {
            let aliases = doc
                .operations
                .iter()
                .map(|(_, op)| count_aliases(&op.node.selection_set.node))
                .sum::<usize>()
                + doc
                    .fragments
                    .values()
                    .map(|f| count_aliases(&f.node.selection_set.node))
                    .sum::<usize>();
            if aliases > max_aliases {
                return refuse(
                    format!("the document uses more than {max_aliases} aliases"),
                    ALIAS_LIMIT_CODE,
                );
            }
            introspects = introspection_only(doc, wanted.as_deref());
            declared = doc
                .operations
                .iter()
                .flat_map(|(_, op)| op.node.variable_definitions.iter())
                .map(|v| v.node.name.node.clone())
                .collect::<Vec<_>>();
            match (&doc.operations, &wanted) {
                (DocumentOperations::Multiple(map), Some(w))
                    if !map.keys().any(|n| n.as_str() == w) =>
                {
                    return refuse(format!(r#"Unknown operation named "{w}""#), "BAD_REQUEST");
                }
                (DocumentOperations::Multiple(map), None) if map.len() > 1 => {
                    return refuse("Operation name required in request.", "BAD_REQUEST");
                }
                (DocumentOperations::Multiple(map), None) => {
                    map.keys().next().map(ToString::to_string)
                }
                (DocumentOperations::Single(_), Some(w)) => {
                    return refuse(format!(r#"Unknown operation named "{w}""#), "BAD_REQUEST");
                }
                (DocumentOperations::Multiple(_), Some(w)) => Some(w.clone()),
                (DocumentOperations::Single(_), None) => None,
            }
        }
    };
    let name = name.as_deref().unwrap_or("anonymous");
    let span = tracing::info_span!(
        "graphql.operation",
        otel.name = %format!("graphql {name}"),
        graphql.operation.name = %name,
        graphql.errors = tracing::field::Empty,
    );
    let schema = match &schemas.introspection {
        Some(s) if introspects => s,
        _ => &schemas.main,
    };
    // Validation places a malformed date or amount itself unless the request leaves
    // out a declared variable; only then are the document and variables kept for
    // [`super::coercion`] (the common request copies nothing).
    let kept = declared
        .iter()
        .any(|name| !request.variables.contains_key(name))
        .then(|| (request.query.clone(), request.variables.clone()));
    let mut resp = schema.execute(request).instrument(span.clone()).await;
    span.record("graphql.errors", resp.errors.len());
    for err in &mut resp.errors {
        if err.path.is_empty() {
            malformed_value(err);
        } else if let Some(scalar) = unparsed_scalar(err) {
            let field = kept.as_ref().and_then(|(query, variables)| {
                let doc = async_graphql::parser::parse_query(query).ok()?;
                super::coercion::locate(&doc, wanted.as_deref(), variables, &err.path, scalar)
            });
            bad_value(err, field, scalar);
        }
        // Errors with a path come from argument or variable coercion of a field; those
        // without one from validation (the document was parsed and its operation
        // chosen above).
        let code = if err.path.is_empty() {
            "GRAPHQL_VALIDATION_FAILED"
        } else {
            "BAD_USER_INPUT"
        };
        set_code(err, code);
    }
    resp
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use tracing::field::{Field, Visit};
    use tracing_subscriber::layer::{Context, SubscriberExt};
    use tracing_subscriber::{Layer, Registry};
    use wohnweg_identity::Identity;
    use wohnweg_kernel::db::DbOptions;
    use wohnweg_kernel::{Cache, Db};

    use crate::config::Config;
    use crate::schema::{Services, build};

    /// Records every span's name and fields.
    #[derive(Clone, Default)]
    struct Spans(Arc<Mutex<Vec<(String, String)>>>);

    struct Fields(String);

    impl Visit for Fields {
        fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
            self.0.push_str(&format!("{}={:?};", field.name(), value));
        }
    }

    impl<S: tracing::Subscriber> Layer<S> for Spans {
        fn on_new_span(
            &self,
            attrs: &tracing::span::Attributes<'_>,
            _id: &tracing::span::Id,
            _ctx: Context<'_, S>,
        ) {
            let mut fields = Fields(String::new());
            attrs.record(&mut fields);
            if let Ok(mut v) = self.0.lock() {
                v.push((attrs.metadata().name().to_owned(), fields.0));
            }
        }
    }

    #[test]
    fn only_documents_that_only_introspect_get_the_introspection_limit() {
        let only = |q: &str, name: Option<&str>| {
            let doc = async_graphql::parser::parse_query(q).unwrap();
            super::introspection_only(&doc, name)
        };
        assert!(only("{ __schema { types { name } } }", None));
        assert!(only(
            "query IntrospectionQuery { __schema { ...S } } fragment S on __Schema { types { name } }",
            None
        ));
        assert!(only(
            "{ ...R } fragment R on Query { __type(name: \"X\") { name } __typename }",
            None
        ));
        assert!(only(
            "query A { viewer { id } } query B { __schema { types { name } } }",
            Some("B")
        ));
        assert!(!only(
            "query A { viewer { id } } query B { __schema { types { name } } }",
            Some("A")
        ));
        assert!(!only(
            "query A { viewer { id } } query B { __schema { types { name } } }",
            None
        ));
        assert!(!only("{ __schema { types { name } } viewer { id } }", None));
        assert!(!only(
            "{ ...R } fragment R on Query { viewer { id } }",
            None
        ));
        assert!(!only("{ ...Missing }", None));
        assert!(!only("mutation { __typename }", None));
    }

    #[tokio::test]
    async fn each_operation_gets_a_span_with_its_name_and_no_query_text() {
        let spans = Spans::default();
        let subscriber = Registry::default().with(spans.clone());
        let _guard = tracing::subscriber::set_default(subscriber);
        let db = Db::connect("sqlite::memory:", &DbOptions::default())
            .await
            .unwrap();
        let kek = wohnweg_learning::Kek::parse(&wohnweg_learning::Kek::generate()).unwrap();
        let learning = wohnweg_learning::Learning::new(db.clone(), kek, "http://127.0.0.1");
        let services = Services::new(
            Identity::new(db.clone(), Cache::memory("t:")),
            &db,
            learning,
        );
        let config = Config::default();
        let schema = build(services, &config);
        let resp = super::execute(
            &schema,
            "query ProbeOperation { __typename secret: __typename }".into(),
            config.limits.max_aliases,
        )
        .await;
        assert!(resp.errors.is_empty());
        let recorded = spans.0.lock().unwrap().clone();
        let op = recorded
            .iter()
            .find(|(name, _)| name == "graphql.operation")
            .unwrap_or_else(|| panic!("no operation span in {recorded:?}"));
        assert!(op.1.contains("ProbeOperation"), "{op:?}");
        let all = format!("{recorded:?}");
        assert!(
            !all.contains("secret"),
            "query text leaked into a span: {all}"
        );
    }
}

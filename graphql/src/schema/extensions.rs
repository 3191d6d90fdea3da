//! Schema extensions: the alias limit, error codes for errors that arise before any
//! resolver runs, and one span per operation.

use std::sync::Arc;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextExecute, NextParseQuery, NextRequest,
    NextValidation,
};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Response, ServerError, ServerResult, ValidationResult, Value, Variables};
use tracing::Instrument;

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

/// Gives every error a code: parse failures, validation failures (including depth and
/// complexity limits), and anything else that escaped without one.
pub struct ErrorCodes;

impl ExtensionFactory for ErrorCodes {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ErrorCodesExt)
    }
}

struct ErrorCodesExt;

#[async_graphql::async_trait::async_trait]
impl Extension for ErrorCodesExt {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let mut resp = next.run(ctx).await;
        for err in &mut resp.errors {
            // Errors with a path come from argument or variable coercion of a field;
            // those without one from the request as a whole (e.g. an unknown operation).
            let code = if err.path.is_empty() {
                "BAD_REQUEST"
            } else {
                "BAD_USER_INPUT"
            };
            set_code(err, code);
        }
        resp
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        next.run(ctx, query, variables).await.map_err(|mut e| {
            set_code(&mut e, "GRAPHQL_PARSE_FAILED");
            e
        })
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        next.run(ctx).await.map_err(|mut errors| {
            for e in &mut errors {
                set_code(e, "GRAPHQL_VALIDATION_FAILED");
            }
            errors
        })
    }
}

/// Refuses documents with more than `max` aliased fields (alias flooding multiplies
/// work without deepening the document).
pub struct AliasLimit {
    max: usize,
}

impl AliasLimit {
    /// A limit of `max` aliases per document.
    #[must_use]
    pub fn new(max: usize) -> Self {
        Self { max }
    }
}

impl ExtensionFactory for AliasLimit {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(AliasLimitExt { max: self.max })
    }
}

struct AliasLimitExt {
    max: usize,
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

#[async_graphql::async_trait::async_trait]
impl Extension for AliasLimitExt {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let doc = next.run(ctx, query, variables).await?;
        let in_ops: usize = doc
            .operations
            .iter()
            .map(|(_, op)| count_aliases(&op.node.selection_set.node))
            .sum();
        let in_frags: usize = doc
            .fragments
            .values()
            .map(|f| count_aliases(&f.node.selection_set.node))
            .sum();
        if in_ops + in_frags > self.max {
            let mut err = ServerError::new(
                format!("the document uses more than {} aliases", self.max),
                None,
            );
            set_code(&mut err, ALIAS_LIMIT_CODE);
            return Err(err);
        }
        Ok(doc)
    }
}

/// One span per executed operation, named by the operation. Records the operation
/// name only — never the query text or variables.
pub struct OperationSpan;

impl ExtensionFactory for OperationSpan {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(OperationSpanExt)
    }
}

struct OperationSpanExt;

#[async_graphql::async_trait::async_trait]
impl Extension for OperationSpanExt {
    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        let name = operation_name.unwrap_or("anonymous");
        let span = tracing::info_span!(
            "graphql.operation",
            otel.name = %format!("graphql {name}"),
            graphql.operation.name = %name,
            graphql.errors = tracing::field::Empty,
        );
        let resp = next.run(ctx, operation_name).instrument(span.clone()).await;
        span.record("graphql.errors", resp.errors.len());
        resp
    }
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

    #[tokio::test]
    async fn each_operation_gets_a_span_with_its_name_and_no_query_text() {
        let spans = Spans::default();
        let subscriber = Registry::default().with(spans.clone());
        let _guard = tracing::subscriber::set_default(subscriber);
        let db = Db::connect("sqlite::memory:", &DbOptions::default())
            .await
            .unwrap();
        let services = Services::new(Identity::new(db.clone(), Cache::memory("t:")), &db);
        let schema = build(services, &Config::default());
        let resp = schema
            .execute("query ProbeOperation { __typename secret: __typename }")
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

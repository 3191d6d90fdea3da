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

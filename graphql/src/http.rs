//! HTTP handlers: GraphQL over POST (single or batched) and GET (queries only),
//! GraphiQL outside production, and the health endpoints.
//!
//! The GraphQL handlers are our own rather than async-graphql-axum's extractor and
//! responder, because the order of refusals is part of the contract: a batch's size
//! is checked before anyone is authenticated, the session's CSRF token before anything
//! runs, GET is refused for mutations with `405` and `Allow: POST` after parsing,
//! control characters are refused per request, and the status and media type follow
//! the client's `Accept` (GraphQL over HTTP). Its responder answers with one content
//! type and status 200 whatever was asked; wrapping its extractor would leave it only
//! the JSON parsing, which is `serde_json` here too.

use std::sync::Arc;
use std::time::Duration;

use async_graphql::parser::types::{DocumentOperations, OperationType};
use async_graphql::{BatchRequest, Variables};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::header::{ACCEPT, ALLOW, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use crate::app::AppState;
use crate::auth::{Presented, RequestAuth, presented};
use crate::config::Environment;

/// A request-level error in the GraphQL response shape.
fn request_error(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        Json(json!({ "errors": [{ "message": message, "extensions": { "code": code } }] })),
    )
        .into_response()
}

/// The media type of the GraphQL over HTTP specification.
pub const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

/// How the client asked to be answered (`Accept`), per the GraphQL over HTTP
/// specification: `application/graphql-response+json` when it lists that type, plain
/// `application/json` (the legacy behaviour: 200 for every GraphQL response) when it
/// lists that or anything matching it, or accepts anything; `None` when it accepts
/// neither (answered 406).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Answer {
    GraphqlResponse,
    Json,
}

fn answer(headers: &HeaderMap) -> Option<Answer> {
    let Some(accept) = headers.get(ACCEPT).and_then(|v| v.to_str().ok()) else {
        return Some(Answer::Json);
    };
    if accept.trim().is_empty() {
        return Some(Answer::Json);
    }
    // The media types offered, without parameters; a type the client marks
    // unacceptable (q=0) is not offered.
    let offered = || {
        accept.split(',').filter_map(|t| {
            let mut parts = t.split(';');
            let kind = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
            (!refused).then_some(kind)
        })
    };
    if offered().any(|t| t.eq_ignore_ascii_case(GRAPHQL_RESPONSE)) {
        Some(Answer::GraphqlResponse)
    } else if offered().any(|t| {
        ["application/json", "application/*", "*/*"]
            .iter()
            .any(|j| t.eq_ignore_ascii_case(j))
    }) {
        Some(Answer::Json)
    } else {
        None
    }
}

fn not_acceptable() -> Response {
    request_error(
        StatusCode::NOT_ACCEPTABLE,
        "BAD_REQUEST",
        "accept application/graphql-response+json or application/json",
    )
}

/// One GraphQL response as the client asked for it. With
/// `application/graphql-response+json`, a request that failed before execution (it
/// did not parse or validate, named no operation it holds, or carried control
/// characters: no data and no error with a path) answers 400 without a `data` entry;
/// everything that ran answers 200, field errors included. Plain JSON answers 200.
fn respond(resp: async_graphql::Response, how: Answer) -> Response {
    match how {
        Answer::Json => Json(resp).into_response(),
        Answer::GraphqlResponse => {
            let failed_before_execution = resp.data == async_graphql::Value::Null
                && !resp.errors.is_empty()
                && resp.errors.iter().all(|e| e.path.is_empty());
            let (status, body) = if failed_before_execution {
                (
                    StatusCode::BAD_REQUEST,
                    serde_json::to_vec(&json!({ "errors": resp.errors })),
                )
            } else {
                (StatusCode::OK, serde_json::to_vec(&resp))
            };
            match body {
                Ok(body) => (status, [(CONTENT_TYPE, GRAPHQL_RESPONSE)], body).into_response(),
                Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
            }
        }
    }
}

/// The request's credentials. A browser session must carry its CSRF token on every
/// GraphQL request, GET included: a cross-site form, link or fetch cannot read the
/// token, nor set the header without a CORS preflight. Without it: 403.
/// The second value says whether they are a browser session's.
async fn credentials(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<(crate::auth::Credentials, bool), Response> {
    match presented(state, headers).await {
        Presented::Header(c) => Ok((c, false)),
        Presented::Session {
            credentials,
            csrf_ok: true,
        } => Ok((credentials, true)),
        Presented::Session { csrf_ok: false, .. } => Err(request_error(
            StatusCode::FORBIDDEN,
            "FORBIDDEN",
            "a request with a session cookie needs the x-csrf-token header",
        )),
    }
}

/// `POST /graphql`: a JSON body with one request or a batch (an array).
pub async fn graphql_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let json_body = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.starts_with("application/json") || v.starts_with("application/graphql-response+json")
        });
    if !json_body {
        return request_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "BAD_REQUEST",
            "send GraphQL requests as application/json",
        );
    }
    let Some(how) = answer(&headers) else {
        return not_acceptable();
    };
    let batch: BatchRequest = match serde_json::from_slice(&body) {
        Ok(b) => b,
        Err(_) => {
            return request_error(
                StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                "the body is not a GraphQL request",
            );
        }
    };
    // serde reads `[]` as a struct from an (empty) sequence, i.e. a single request:
    // an array body is a batch, whatever it deserialized into.
    let is_array = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
    let size = match &batch {
        BatchRequest::Single(_) if is_array => 0,
        BatchRequest::Single(_) => 1,
        BatchRequest::Batch(v) => v.len(),
    };
    let max = state.config.limits.max_batch;
    if size == 0 || size > max {
        return request_error(
            StatusCode::BAD_REQUEST,
            "BATCH_LIMIT_EXCEEDED",
            &format!("a batch holds 1 to {max} operations"),
        );
    }
    let (creds, session) = match credentials(&state, &headers).await {
        Ok(c) => c,
        Err(refused) => return refused,
    };
    let auth = RequestAuth::new(creds);
    let trusted_only = session && state.config.graphql.trusted_documents_only;
    let mut ids = crate::trusted::document_ids(&body, size).into_iter();
    // Each request of a batch runs (or is refused for an unknown or missing trusted
    // document, or for control characters) on its own, sharing the request's one
    // principal.
    let mut run = |mut r: async_graphql::Request| {
        let id = ids.next().flatten();
        let refused = crate::trusted::resolve(&mut r, id.as_deref(), trusted_only)
            .or_else(|| crate::input_guard::refusal(&mut r));
        let (schema, auth) = (state.schema.clone(), Arc::clone(&auth));
        let max_aliases = state.config.limits.max_aliases;
        async move {
            match refused {
                Some(resp) => resp,
                None => crate::schema::execute(&schema, r.data(auth), max_aliases).await,
            }
        }
    };
    match batch {
        BatchRequest::Single(r) => respond(run(r).await, how),
        // Batches are outside the GraphQL over HTTP specification: a JSON array of
        // responses, 200.
        BatchRequest::Batch(v) => Json(async_graphql::BatchResponse::Batch(
            futures_util::future::join_all(v.into_iter().map(&mut run).collect::<Vec<_>>()).await,
        ))
        .into_response(),
    }
}

/// Query parameters of `GET /graphql`.
#[derive(Debug, Deserialize)]
pub struct GetParams {
    query: Option<String>,
    #[serde(rename = "operationName")]
    operation_name: Option<String>,
    variables: Option<String>,
}

/// `GET /graphql`: a query in the URL, or GraphiQL for a browser (not in production).
/// Mutations over GET are refused: GET must be safe.
pub async fn graphql_get(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<GetParams>,
) -> Response {
    let Some(query) = params.query else {
        if wants_html(&headers) && state.config.env != Environment::Production {
            return crate::graphiql::page();
        }
        return request_error(
            StatusCode::BAD_REQUEST,
            "BAD_REQUEST",
            "missing query parameter",
        );
    };
    let Some(how) = answer(&headers) else {
        return not_acceptable();
    };
    let mut request = async_graphql::Request::new(query);
    if let Some(name) = params.operation_name {
        request = request.operation_name(name);
    }
    if let Some(vars) = params.variables.filter(|v| !v.is_empty()) {
        match serde_json::from_str::<serde_json::Value>(&vars) {
            Ok(v) => request = request.variables(Variables::from_json(v)),
            Err(_) => {
                return request_error(
                    StatusCode::BAD_REQUEST,
                    "BAD_REQUEST",
                    "variables must be a JSON object",
                );
            }
        }
    }
    let op_name = request.operation_name.clone();
    if let Ok(doc) = request.parsed_query() {
        let selected: Vec<OperationType> = match &doc.operations {
            DocumentOperations::Single(op) => vec![op.node.ty],
            DocumentOperations::Multiple(map) => match &op_name {
                Some(name) => map
                    .iter()
                    .filter(|(n, _)| n.as_str() == name)
                    .map(|(_, op)| op.node.ty)
                    .collect(),
                None => map.values().map(|op| op.node.ty).collect(),
            },
        };
        if selected.iter().any(|t| *t != OperationType::Query) {
            let mut refused = request_error(
                StatusCode::METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED",
                "mutations and subscriptions must be sent with POST",
            );
            refused
                .headers_mut()
                .insert(ALLOW, axum::http::HeaderValue::from_static("POST"));
            return refused;
        }
    }
    // Queries write audit entries (reads of personal data, exports), so a cross-site
    // link must not run them with the browser's cookie: the same CSRF rule as POST.
    let (creds, session) = match credentials(&state, &headers).await {
        Ok(c) => c,
        Err(refused) => return refused,
    };
    if session && state.config.graphql.trusted_documents_only {
        return request_error(
            StatusCode::BAD_REQUEST,
            crate::trusted::REQUIRED,
            "this server runs only the console's own operations for browser sessions: POST a documentId",
        );
    }
    if let Some(refused) = crate::input_guard::refusal(&mut request) {
        return respond(refused, how);
    }
    respond(
        crate::schema::execute(
            &state.schema,
            request.data(RequestAuth::new(creds)),
            state.config.limits.max_aliases,
        )
        .await,
        how,
    )
}

/// `GET /health/livez`: the process is up.
pub async fn livez() -> impl IntoResponse {
    Json(json!({ "status": "ok" }))
}

/// `GET /health/readyz`: the database answers and is fully migrated. The cache is
/// reported but never makes this fail: Redis is an accelerator.
pub async fn readyz(State(state): State<AppState>) -> Response {
    let check = async {
        state.db.ping().await?;
        wohnweg_migrations::pending_migrations(state.db.raw()).await
    };
    let database = match tokio::time::timeout(Duration::from_secs(3), check).await {
        Ok(Ok(pending)) if pending.is_empty() => "ok",
        Ok(Ok(_)) => "migrations pending",
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "readiness: database check failed");
            "unavailable"
        }
        Err(_) => "timeout",
    };
    let cache = if state.cache.is_available().await {
        "ok"
    } else {
        "unavailable (serving without cache)"
    };
    let status = if database == "ok" {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = json!({
        "status": if status == StatusCode::OK { "ready" } else { "not ready" },
        "database": database,
        "cache": { "backend": state.cache.backend_name(), "state": cache },
    });
    (status, Json(body)).into_response()
}

/// Whether the client asked for a page (a browser) rather than JSON.
pub(crate) fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

//! Trusted documents: the console's operations, extracted at build time into a
//! manifest of SHA-256 hashes (`graphql/console/src/gql/persisted-documents.json`,
//! written by graphql-codegen's client preset and compiled into the binary).
//!
//! A request may name a document instead of sending it: `{"documentId": "sha256:…"}`
//! (the GraphQL-over-HTTP draft's form) or the persisted-query extension that urql
//! sends (`extensions.persistedQuery.sha256Hash`). With
//! `graphql.trusted_documents_only`, a browser session may run nothing else, so a
//! script injected into the page cannot run an operation the console does not have;
//! bearer tokens (integrations) may still send documents.

use std::collections::HashMap;
use std::sync::LazyLock;

use async_graphql::{Request, Response, ServerError, Value};

/// The manifest by bare hex hash (its keys say `sha256:…`).
static MANIFEST: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    serde_json::from_str::<HashMap<String, String>>(include_str!(
        "../console/src/gql/persisted-documents.json"
    ))
    .unwrap_or_default()
    .into_iter()
    .map(|(k, v)| (k.strip_prefix("sha256:").unwrap_or(&k).to_owned(), v))
    .collect()
});

/// `extensions.code` of a document id the manifest does not hold.
pub const UNKNOWN: &str = "PERSISTED_QUERY_NOT_FOUND";
/// `extensions.code` of a session's document under `trusted_documents_only`.
pub const REQUIRED: &str = "TRUSTED_DOCUMENT_REQUIRED";

/// How many documents the manifest holds.
#[must_use]
pub fn manifest_len() -> usize {
    MANIFEST.len()
}

/// The id a request names its document by: `documentId` from the body (given here as
/// `document_id`), or the persisted-query extension. `sha256:` is optional.
fn named_id(r: &Request, document_id: Option<&str>) -> Option<String> {
    let from_extension = || match r.extensions.0.get("persistedQuery") {
        Some(Value::Object(pq)) => match pq.get("sha256Hash") {
            Some(Value::String(h)) => Some(h.clone()),
            _ => None,
        },
        _ => None,
    };
    document_id
        .map(str::to_owned)
        .or_else(from_extension)
        .map(|id| id.strip_prefix("sha256:").unwrap_or(&id).to_owned())
}

fn refusal(message: &str, code: &str) -> Response {
    let mut e = ServerError::new(message, None);
    e.extensions
        .get_or_insert_with(Default::default)
        .set("code", Value::from(code));
    Response::from_errors(vec![e])
}

/// Puts the named document into `r`. The refusal, if any: an unknown id and, when
/// `trusted_only` holds for this caller, a request that sends its own document.
pub fn resolve(r: &mut Request, document_id: Option<&str>, trusted_only: bool) -> Option<Response> {
    match named_id(r, document_id) {
        Some(id) => match MANIFEST.get(&id) {
            Some(doc) => {
                doc.clone_into(&mut r.query);
                None
            }
            None => Some(refusal("no trusted document has this id", UNKNOWN)),
        },
        None if trusted_only => Some(refusal(
            "this server runs only the console's own operations for browser sessions: send a documentId",
            REQUIRED,
        )),
        None => None,
    }
}

/// The `documentId` of each request of a body (one, or each of a batch), read only
/// when the body mentions it.
#[must_use]
pub fn document_ids(body: &[u8], size: usize) -> Vec<Option<String>> {
    let mentions = body.windows(12).any(|w| w == b"\"documentId\"");
    if !mentions {
        return vec![None; size];
    }
    let id = |v: &serde_json::Value| {
        v.get("documentId")
            .and_then(|d| d.as_str())
            .map(str::to_owned)
    };
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(serde_json::Value::Array(items)) => items.iter().map(id).collect(),
        Ok(v) => vec![id(&v)],
        Err(_) => vec![None; size],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_holds_the_consoles_operations() {
        assert!(manifest_len() >= 3, "{}", manifest_len());
        assert!(
            MANIFEST
                .values()
                .any(|d| d.contains("query ConsoleWorklist"))
        );
    }

    #[test]
    fn ids_resolve_in_either_form_and_unknown_ones_are_refused() {
        let (hash, doc) = MANIFEST.iter().next().unwrap();
        let mut r = Request::new("");
        assert!(resolve(&mut r, Some(&format!("sha256:{hash}")), true).is_none());
        assert_eq!(&r.query, doc);
        let mut r = Request::new("");
        r.extensions.0.insert(
            "persistedQuery".into(),
            serde_json::from_value(serde_json::json!({ "version": 1, "sha256Hash": hash }))
                .unwrap(),
        );
        assert!(resolve(&mut r, None, true).is_none());
        assert_eq!(&r.query, doc);
        let mut r = Request::new("");
        let e = resolve(&mut r, Some("sha256:00"), false).unwrap();
        assert_eq!(
            e.errors[0].extensions.as_ref().unwrap().get("code"),
            Some(&Value::from(UNKNOWN))
        );
        let mut r = Request::new("{ viewer { id } }");
        assert!(resolve(&mut r, None, false).is_none());
        let e = resolve(&mut r, None, true).unwrap();
        assert_eq!(
            e.errors[0].extensions.as_ref().unwrap().get("code"),
            Some(&Value::from(REQUIRED))
        );
    }

    #[test]
    fn document_ids_are_read_per_request() {
        assert_eq!(document_ids(br#"{"query":"{ a }"}"#, 1), vec![None]);
        assert_eq!(
            document_ids(br#"[{"documentId":"sha256:ab"},{"query":"{ a }"}]"#, 2),
            vec![Some("sha256:ab".to_owned()), None]
        );
    }
}

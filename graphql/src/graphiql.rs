//! GraphiQL, served entirely from the binary: the page, GraphiQL's and React's
//! builds (`assets/graphiql`, versions and checksums in its README) and the start
//! script that fetches the session's CSRF token. No page Wohnweg serves loads
//! anything from another host: city networks are often offline, and a third-party
//! CDN would learn staff addresses. The page's Content-Security-Policy allows only
//! this origin.
//!
//! Never served in production (the router in `http` checks the environment).

use axum::extract::Path;
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

/// The assets under `/graphiql/`: name, content type, bytes.
const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "graphiql.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/graphiql/graphiql.min.js"),
    ),
    (
        "graphiql.min.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/graphiql/graphiql.min.css"),
    ),
    (
        "react.production.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/graphiql/react.production.min.js"),
    ),
    (
        "react-dom.production.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/graphiql/react-dom.production.min.js"),
    ),
    (
        "wohnweg-graphiql.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/graphiql/wohnweg-graphiql.js"),
    ),
];

/// Only this origin; GraphiQL's editor sets inline styles, and its fonts and icons are
/// data URIs.
pub const POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; \
     base-uri 'none'; form-action 'self'";

const PAGE: &str = r#"<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Wohnweg GraphQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql"><p style="font-family: sans-serif; padding: 1rem">GraphiQL lädt …</p></div>
<script src="/graphiql/react.production.min.js"></script>
<script src="/graphiql/react-dom.production.min.js"></script>
<script src="/graphiql/graphiql.min.js"></script>
<script src="/graphiql/wohnweg-graphiql.js"></script>
</body>
</html>
"#;

/// The GraphiQL page.
pub fn page() -> Response {
    (
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (CONTENT_SECURITY_POLICY, POLICY),
            (CACHE_CONTROL, "no-store"),
        ],
        PAGE,
    )
        .into_response()
}

/// `GET /graphiql/{file}`: one of the assets, or 404.
pub async fn asset(Path(file): Path<String>) -> Response {
    match ASSETS.iter().find(|(name, _, _)| *name == file) {
        Some((_, kind, bytes)) => (
            [
                (CONTENT_TYPE, *kind),
                // The files change only with the binary; a day keeps a new release's
                // files from being shadowed for long.
                (CACHE_CONTROL, "public, max-age=86400"),
            ],
            *bytes,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

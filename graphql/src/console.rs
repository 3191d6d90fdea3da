//! The staff console: the React app in `graphql/console`, built by Vite into
//! `graphql/console/dist` (committed; CI rebuilds it and fails on a difference) and
//! embedded in the binary, so the run command needs no Node.
//!
//! Its page routes all answer the same `index.html`; the app routes on the client.
//! Files under `/assets/` are named by their content hash and cached for a year. The
//! page's Content-Security-Policy allows only this origin — no `unsafe-inline` for
//! scripts or styles — and no third-party host. The only credentials a browser holds
//! are the session cookie (HttpOnly) and the CSRF token it fetches from
//! `/auth/session`.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

#[derive(rust_embed::Embed)]
#[folder = "console/dist"]
struct Dist;

/// The console's policy. Icons in KERN's stylesheet are data URIs; the sign-in form
/// leaves for the city's identity provider, so `form-action` is not narrowed.
pub const POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
     frame-ancestors 'none'; base-uri 'none'";

/// The client-side routes that answer the console's page.
pub const PAGES: [&str; 21] = [
    "/",
    "/signin",
    "/worklist",
    "/households",
    "/households/{id}",
    "/offers",
    "/offers/{id}",
    "/approvals",
    "/register",
    "/admin",
    "/audit",
    "/courses",
    "/courses/runs/{id}",
    "/courses/{id}/evaluation",
    "/programmes",
    "/reports",
    "/dashboard",
    "/benchmark",
    "/sharing",
    "/catalogue",
    "/state-programmes",
];

/// The console's page (`index.html`).
pub async fn page() -> Response {
    match Dist::get("index.html") {
        Some(f) => (
            [
                (CONTENT_TYPE, "text/html; charset=utf-8"),
                (CONTENT_SECURITY_POLICY, POLICY),
                (CACHE_CONTROL, "no-store"),
            ],
            f.data.into_owned(),
        )
            .into_response(),
        None => (
            StatusCode::NOT_FOUND,
            "the console is not built: cd graphql/console && npm ci && npm run build",
        )
            .into_response(),
    }
}

/// `GET /assets/{file}`: a built file, or 404.
pub async fn asset(Path(file): Path<String>) -> Response {
    match Dist::get(&format!("assets/{file}")) {
        Some(f) => (
            [
                (CONTENT_TYPE, f.metadata.mimetype().to_owned()),
                (
                    CACHE_CONTROL,
                    "public, max-age=31536000, immutable".to_owned(),
                ),
            ],
            f.data.into_owned(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The built file for a source of the console build (`src/public.css`), from Vite's
/// manifest; `None` when the console is not built.
pub fn manifest_file(source: &str) -> Option<String> {
    let m = Dist::get(".vite/manifest.json")?;
    let v: serde_json::Value = serde_json::from_slice(&m.data).ok()?;
    v.get(source)?.get("file")?.as_str().map(str::to_owned)
}

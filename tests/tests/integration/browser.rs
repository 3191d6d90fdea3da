//! Pages in a real browser: Debian's Chromium, headless, driven by playwright-core
//! (`tests/browser`, pinned by its package-lock.json, installed with `npm ci` when
//! missing). Every request to a host other than this machine is blocked and fails the
//! test. Ignored with its reason where Chromium is not installed (`cfg(browser)`, set
//! by the build script); `.ci/run` installs it.

use wohnweg_gateway::config::Config;
use wohnweg_tests::TestApp;

/// Runs `tests/browser/{script}` against `base`; panics with its output unless it
/// passes.
fn run_browser_script(script: &str, base: &str) {
    use std::process::Command;
    let dir = wohnweg_tests::node_package("browser", "playwright-core", "the browser tests");
    let out = Command::new("node")
        .arg(script)
        .arg(base)
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| panic!("the browser tests need Node.js: {e}"));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{script} failed:\n{stdout}\n{stderr}");
    // The steps it took, shown with --nocapture.
    eprintln!("{stdout}");
}

/// Runs a console journey against a fresh demo server that, as in production, lets
/// browser sessions run the console's trusted documents only.
async fn console_journey(script: &'static str, configure: impl FnOnce(&mut Config)) {
    let app = TestApp::spawn_with(|c| {
        c.demo = Some(true);
        c.graphql.trusted_documents_only = true;
        configure(c);
    })
    .await;
    let base = app.base.clone();
    tokio::task::spawn_blocking(move || run_browser_script(script, &base))
        .await
        .unwrap();
}

/// Offline, a city caseworker signs in on the demo page, GraphiQL loads from the
/// binary with its schema, autocompletes, and runs a mutation with the session's CSRF
/// token.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(browser),
    ignore = "needs Chromium: apt-get install chromium (or set CHROME_PATH); .ci/run installs it"
)]
async fn graphiql_works_offline_after_the_demo_sign_in() {
    let app = TestApp::spawn_with(|c| c.demo = Some(true)).await;
    let base = app.base.clone();
    tokio::task::spawn_blocking(move || run_browser_script("graphiql.mjs", &base))
        .await
        .unwrap();
}

/// Offline, a Köln coordinator signs in to the staff console as a demo user and works
/// through the worklist, the households (keyboard only, umlaut-tolerant search with
/// its count), a household's page (residence after naming a purpose, a data export),
/// a made-up household URL, signing in again back to the page, and journey 5: the
/// switch to English, kept across a reload and in another browser. Every page passes
/// an axe-core audit with 0 violations under the console's CSP, and is saved as a
/// screenshot. The console sends trusted documents only.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(browser),
    ignore = "needs Chromium: apt-get install chromium (or set CHROME_PATH); .ci/run installs it"
)]
async fn the_console_works_offline_for_a_coordinator_and_passes_axe() {
    console_journey("console.mjs", |_| {}).await;
}

/// Journey 1, keyboard only: a Köln coordinator takes a GAG offer through the ranked
/// households with their reasons, a proposal, the viewing, the landlord's acceptance,
/// a refused and then a valid deposit request (the error shown next to its field),
/// the benefit office's decision, the approval with the budget chart, and the lease,
/// to the household moved out with aftercare. Every page passes axe.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(browser),
    ignore = "needs Chromium: apt-get install chromium (or set CHROME_PATH); .ci/run installs it"
)]
async fn a_coordinator_takes_an_offer_to_a_signed_lease_in_the_console() {
    console_journey("journey-offer.mjs", |_| {}).await;
}

/// Journeys 2 and 3, keyboard only: a Caritas caseworker sees only Caritas'
/// households and no approvals; a DRK household's URL shows "not found"; on a Caritas
/// household they record a counselling session, a goal with its first step and a
/// readiness assessment. Every page passes axe.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(browser),
    ignore = "needs Chromium: apt-get install chromium (or set CHROME_PATH); .ci/run installs it"
)]
async fn a_carrier_caseworker_sees_only_their_households_and_records_counselling() {
    console_journey("journey-carrier.mjs", |_| {}).await;
}

/// The landlord's offer form as a public page, with JavaScript switched off: refused
/// postal code shown next to the field with the values kept, then a receipt; the
/// coordinator finds the offer among the received ones. The form passes axe.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(browser),
    ignore = "needs Chromium: apt-get install chromium (or set CHROME_PATH); .ci/run installs it"
)]
async fn a_landlord_offers_a_flat_on_the_public_page_without_javascript() {
    console_journey("public-offer.mjs", |c| {
        c.public_form.min_fill_seconds = 0;
    })
    .await;
}

/// Journey 4, keyboard only: a city administrator invites a caseworker, grants her
/// a second role, sees an invalid e-mail address refused next to its field, and
/// checks the audit log's chain; a carrier administrator sees only their own
/// organisation. Every page passes axe.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(browser),
    ignore = "needs Chromium: apt-get install chromium (or set CHROME_PATH); .ci/run installs it"
)]
async fn a_city_admin_invites_a_user_and_grants_a_role_in_the_console() {
    console_journey("journey-admin.mjs", |_| {}).await;
}

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
    run_browser_script_with(script, &[base.to_owned()]);
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

/// Bergisch Gladbach's demo run in the console, keyboard only: attendance ticked,
/// completion, a certificate issued and saved as PDF, the household's certificates
/// with their check page, the coordinator's signing keys; axe 0 on every page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(browser),
    ignore = "needs Chromium: apt-get install chromium (or set CHROME_PATH); .ci/run installs it"
)]
async fn a_caseworker_records_attendance_and_issues_a_certificate_in_the_console() {
    console_journey("journey-courses.mjs", |_| {}).await;
}

/// Bergisch Gladbach offers its course to the shared catalogue, the platform operator
/// (demo sign-in without a city) publishes it, Köln adopts it; axe 0 on every page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(browser),
    ignore = "needs Chromium: apt-get install chromium (or set CHROME_PATH); .ci/run installs it"
)]
async fn a_citys_course_reaches_another_city_through_the_operators_review() {
    console_journey("journey-catalogue.mjs", |_| {}).await;
}

/// Köln's coordinator finds the DRK's ending funding and vacant position on the
/// worklist, opens the programmes, reports the position filled (keyboard only), and a
/// carrier sees its own programme only; axe 0 on every page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(browser),
    ignore = "needs Chromium: apt-get install chromium (or set CHROME_PATH); .ci/run installs it"
)]
async fn a_coordinator_sees_programme_warnings_and_a_carrier_its_own_programme() {
    console_journey("journey-programmes.mjs", |_| {}).await;
}

/// A platform operator signs in through the platform's own OpenID provider (the real
/// test provider) from the console's sign-in page and lands on the page asked for;
/// The NRW programme's state officer compares the cities that opted in (Solingen,
/// sharing nothing, is absent) and downloads the CSV; Köln's coordinator changes what
/// Köln shares and compares Köln with its peers. Keyboard only, axe on every page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(browser),
    ignore = "needs Chromium: apt-get install chromium (or set CHROME_PATH); .ci/run installs it"
)]
async fn a_state_officer_and_a_coordinator_compare_cities_in_the_console() {
    console_journey("journey-insights.mjs", |_| {}).await;
}

/// axe 0 on the sign-in page and the catalogue.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(browser),
    ignore = "needs Chromium: apt-get install chromium (or set CHROME_PATH); .ci/run installs it"
)]
async fn a_platform_operator_signs_in_through_the_platforms_provider() {
    let app = TestApp::spawn_with_oidc(|c| {
        c.graphql.trusted_documents_only = true;
        c.oidc.platform = c.oidc.default.clone();
    })
    .await;
    let login = format!("op{}", &uuid::Uuid::new_v4().simple().to_string()[..10]);
    app.provisioning()
        .create_platform_user(
            &wohnweg_identity::DisplayName::parse("n", "Paula Plattform").unwrap(),
            &wohnweg_identity::Email::parse("e", &format!("{login}@example.org")).unwrap(),
            wohnweg_kernel::Role::PlatformOperator,
        )
        .await
        .unwrap();
    let base = app.base.clone();
    tokio::task::spawn_blocking(move || {
        run_browser_script_with("journey-platform-signin.mjs", &[base, login]);
    })
    .await
    .unwrap();
}

/// A log writer the test reads back: the server's access log, as it would go to stdout.
#[derive(Clone, Default)]
struct AccessLog(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for AccessLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for AccessLog {
    type Writer = AccessLog;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// A landlord's browser checks certificates on the public page (German, axe 0
/// violations): a valid one shows what it states, a revoked one "Widerrufen", a
/// tampered one and one signed by another city's key "Nicht gültig" with their
/// reasons; without JavaScript the page says what it needs. The server's access log
/// shows the page, its script and the city's two documents — and no certificate
/// number or credential on any route.
#[test]
#[cfg_attr(
    not(browser),
    ignore = "needs Chromium: apt-get install chromium (or set CHROME_PATH); .ci/run installs it"
)]
fn a_landlords_browser_verifies_certificates_and_the_server_learns_nothing() {
    use base64::Engine as _;
    use serde_json::{Value, json};
    use tracing_subscriber::Layer as _;
    use tracing_subscriber::layer::SubscriberExt as _;
    let log = AccessLog::default();
    let (ready_tx, ready_rx) = std::sync::mpsc::channel::<(String, Vec<String>, String)>();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let writer = log.clone();
    // The server runs on its own current-thread runtime, so the capturing subscriber
    // (thread-local) sees every span and event it makes.
    let server = std::thread::spawn(move || {
        let subscriber = tracing_subscriber::registry().with(
            tracing_subscriber::fmt::layer()
                .with_writer(writer)
                .with_ansi(false)
                .with_filter(tracing_subscriber::EnvFilter::new("info")),
        );
        // tracing caches, per call site, whether any subscriber wants it. While only one
        // subscriber is registered, a call site first reached on another thread (another
        // test's server, with no subscriber) is cached as unwanted for good. A second,
        // never-dropped registration makes every call site ask all registered
        // subscribers, this one included.
        static SECOND: std::sync::OnceLock<tracing::Dispatch> = std::sync::OnceLock::new();
        SECOND.get_or_init(|| tracing::Dispatch::new(tracing::subscriber::NoSubscriber::default()));
        let dispatch = tracing::Dispatch::new(subscriber);
        tracing::callsite::rebuild_interest_cache();
        let _guard = tracing::dispatcher::set_default(&dispatch);
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let app = TestApp::spawn().await;
            let s = crate::learning::world(&app, 10).await;
            let tok = s.c.t.caseworker.token.clone();
            let ids = crate::learning::completed(&app, &s, &["Ğülay Müller-Straß", "Jonas Groß"]).await;
            let issue = |e: String| {
                let app = &app;
                let tok = tok.clone();
                async move { wohnweg_tests::ok(app, &tok, crate::learning::ISSUE, json!({ "e": e })).await["issueCertificate"].clone() }
            };
            let valid = issue(ids[0].clone()).await;
            let revoked = issue(ids[1].clone()).await;
            wohnweg_tests::ok(&app, &tok, crate::learning::REVOKE, json!({ "id": revoked["id"], "r": "ISSUED_IN_ERROR" })).await;
            // The name altered in the valid one's payload.
            let jws = valid["credential"].as_str().unwrap().to_owned();
            let parts: Vec<&str> = jws.split('.').collect();
            let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
            let mut payload: Value = serde_json::from_slice(&b64.decode(parts[1]).unwrap()).unwrap();
            payload["credentialSubject"]["name"] = json!("Max Mustermann");
            let tampered = format!("{}.{}.{}", parts[0], b64.encode(payload.to_string()), parts[2]);
            // Another city's certificate claiming this city as its issuer.
            let o = crate::learning::world(&app, 10).await;
            let oid = crate::learning::completed(&app, &o, &["Ada Andere"]).await;
            let foreign = wohnweg_tests::ok(&app, &o.c.t.caseworker.token, crate::learning::ISSUE, json!({ "e": oid[0] })).await["issueCertificate"]["credential"].as_str().unwrap().to_owned();
            let fparts: Vec<&str> = foreign.split('.').collect();
            let mut fp: Value = serde_json::from_slice(&b64.decode(fparts[1]).unwrap()).unwrap();
            fp["issuer"]["id"] = payload["issuer"]["id"].clone();
            let foreign = format!("{}.{}.{}", fparts[0], b64.encode(fp.to_string()), fparts[2]);
            let links = vec![
                valid["verificationUrl"].as_str().unwrap().to_owned(),
                format!("{}/verify#{}", app.base, revoked["credential"].as_str().unwrap()),
                format!("{}/verify#{tampered}", app.base),
                format!("{}/verify#{foreign}", app.base),
            ];
            let secrets = format!("{} {} {}", valid["number"].as_str().unwrap(), revoked["number"].as_str().unwrap(), &jws[jws.len() - 40..]);
            ready_tx.send((app.base.clone(), links, secrets)).unwrap();
            stop_rx.await.ok();
        });
    });
    let (base, links, secrets) = ready_rx.recv().unwrap();
    let start = log.0.lock().unwrap().len();
    let mut args = vec![base];
    args.extend(links);
    let outcome = std::panic::catch_unwind(|| run_browser_script_with("verify.mjs", &args));
    stop_tx.send(()).ok();
    server.join().unwrap();
    if let Err(e) = outcome {
        std::panic::resume_unwind(e);
    }
    let text = String::from_utf8_lossy(&log.0.lock().unwrap()[start..]).into_owned();
    let routes: std::collections::BTreeSet<String> = text
        .lines()
        .filter_map(|l| l.split("http.route=").nth(1))
        .map(|r| r.split_whitespace().next().unwrap_or("").to_owned())
        .collect();
    let expected: std::collections::BTreeSet<String> = [
        "/verify",
        "/assets/{file}",
        "/public/{city}/keys.json",
        "/public/{city}/status",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    assert!(
        routes.is_subset(&expected) && routes.contains("/public/{city}/keys.json"),
        "routes the check reached: {routes:?}\n{text}"
    );
    for secret in secrets.split(' ') {
        assert!(
            !text.contains(secret),
            "the server's log holds {secret}:\n{text}"
        );
    }
}

/// Runs `tests/browser/{script}` with `args` (the first is the server's base URL);
/// panics with its output unless it passes.
fn run_browser_script_with(script: &str, args: &[String]) {
    use std::process::Command;
    let dir = wohnweg_tests::node_package("browser", "playwright-core", "the browser tests");
    let out = Command::new("node")
        .arg(script)
        .args(args)
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

//! Learning: the shared catalogue (operators publish, versions stay put, a city's
//! submission stays its own until reviewed), a city's courses and runs, enrolment with
//! a waiting list, attendance and completion, and certificates that verify — in the
//! Rust verifier here, in the browser in `browser.rs` — each fault with its own reason.

use serde_json::{Value, json};
use wohnweg_identity::OrganisationKind;
use wohnweg_kernel::Role;
use wohnweg_learning::credential::{self, KeySet, Rejection};
use wohnweg_tests::{TestApp, TestUser, day, ok, refused};

use crate::ways_out::{City, city, living_in};

const CATALOGUE: &str = "{ courseCatalogue { id key version status ownSubmission titleDe rule { kind minAttendancePercent } modules { key mandatory } } }";
const PUBLISH: &str = "mutation($i: CourseTemplateInput!) { publishCourseTemplate(input: $i) { id key version status modules { key } } }";
const SUBMIT: &str = "mutation($c: ID!, $k: String!, $s: String!) { submitCourseToCatalogue(courseId: $c, key: $k, summaryDe: $s) { id key version status ownSubmission modules { key } } }";
const REVIEW: &str = "mutation($id: ID!, $p: Boolean!, $n: String) { reviewCourseSubmission(id: $id, publish: $p, note: $n) { id status reviewNote } }";
const COURSES: &str = "{ courses { id title version template { id version key } newerVersion { id version } localModules { key titleDe mandatory local } } }";
const ADOPT: &str = "mutation($t: ID!) { adoptCourse(templateId: $t) { id title version template { id version modules { key } } localModules { key } } }";
const ADOPT_VERSION: &str = "mutation($c: ID!, $v: Int!, $t: ID!) { adoptCourseVersion(courseId: $c, version: $v, templateId: $t) { id version template { id version } newerVersion { version } } }";
const LOCAL: &str = "mutation($c: ID!, $i: LocalModuleInput!) { addLocalModule(courseId: $c, input: $i) { id localModules { key titleDe mandatory } } }";
pub(crate) const SCHEDULE: &str = "mutation($c: ID!, $i: CourseRunInput!) { scheduleCourseRun(courseId: $c, input: $i) { id templateId language interpreterLanguage capacity deliveringOrgId sessions { id position onDate startsAt modules } } }";
pub(crate) const RUNS: &str = "query($c: ID) { courseRuns(courseId: $c) { id templateId deliveringOrgId figures { enrolled waiting completed droppedOut attendedPercent droppedAfter { afterSession count } } } }";
const RUN: &str = "query($id: ID!) { courseRun(id: $id) { run { id sessions { id } } modules { key } participants { id printedName status householdId dropReason droppedAfter completedOn version progress { attended sessions complete missing } marks { sessionId present absenceReason } certificates { id number revoked } } } }";
const ENROL: &str = "mutation($r: ID!, $i: EnrolmentInput!) { enrolInCourseRun(runId: $r, input: $i) { id printedName status householdId version } }";
const ATTEND: &str = "mutation($r: ID!, $s: ID!, $m: [AttendanceMarkInput!]!) { recordCourseAttendance(runId: $r, sessionId: $s, marks: $m) { participants { id status progress { attended complete } } } }";
pub(crate) const DROP: &str = "mutation($e: ID!, $v: Int!, $r: DropReason!) { dropOutOfCourse(enrolmentId: $e, version: $v, reason: $r) { participants { id status dropReason droppedAfter } run { figures { droppedOut waiting droppedAfter { afterSession count } } } } }";
pub(crate) const ISSUE: &str = "mutation($e: ID!) { issueCertificate(enrolmentId: $e) { id number printedName courseTitle credential verificationUrl revokedAt } }";
pub(crate) const REVOKE: &str = "mutation($id: ID!, $r: CertificateRevokeReason!) { revokeCertificate(id: $id, reason: $r) { id revokedAt revokeReason credential } }";
const REISSUE: &str = "mutation($id: ID!, $n: String) { reissueCertificate(id: $id, printedName: $n) { id number printedName credential } }";
const HOUSEHOLD_CERTS: &str = "query($h: ID!) { householdCertificates(householdId: $h) { id number printedName revokedAt revokeReason replacedBy credential } }";
const KEYS: &str = "{ signingKeys { id publicKey retiredAt revokedFrom } }";
const ROTATE: &str = "mutation { rotateSigningKey { id retiredAt } }";
const REVOKE_KEY: &str = "mutation($id: ID!, $f: DateTime!, $r: String!) { revokeSigningKey(id: $id, from: $f, reason: $r) { id revokedFrom } }";

fn module(key: &str, mandatory: bool) -> Value {
    json!({ "key": key, "titleDe": format!("Modul {key}"), "titleEn": format!("Module {key}"), "goalsDe": "Ziele", "minutes": 90, "mandatory": mandatory })
}

fn template(key: &str, modules: Vec<Value>) -> Value {
    json!({ "key": key, "titleDe": "Mietführerschein Test", "titleEn": "Renter's licence", "summaryDe": "Kurs",
            "languages": ["de", "ar"], "ruleKind": "ALL_MANDATORY", "minAttendancePercent": 75, "modules": modules })
}

/// A template published by an operator: three mandatory modules `a`, `b`, `c`.
async fn published(app: &TestApp, op: &TestUser, key: &str) -> Value {
    ok(
        app,
        &op.token,
        PUBLISH,
        json!({ "i": template(key, vec![module("m_a", true), module("m_b", true), module("m_c", true)]) }),
    )
    .await["publishCourseTemplate"]
        .clone()
}

pub(crate) fn run_input(sessions: &[(i64, &[&str])], capacity: i64, org: Option<&str>) -> Value {
    let sessions: Vec<Value> = sessions
        .iter()
        .map(|(d, m)| json!({ "onDate": day(*d), "startsAt": "17:00", "modules": m }))
        .collect();
    json!({ "language": "ar", "interpreterLanguage": "de", "trainer": "Samira Haddad", "place": "Stadtteilhaus",
            "district": "Mitte", "capacity": capacity, "deliveringOrgId": org, "sessions": sessions })
}

/// A city with an adopted course and a run of three past sessions (a+b, c, a).
pub(crate) struct Setup {
    pub(crate) c: City,
    op: TestUser,
    template: String,
    pub(crate) course: String,
    pub(crate) run: String,
    sessions: Vec<String>,
}

pub(crate) async fn world(app: &TestApp, capacity: i64) -> Setup {
    let c = city(app).await;
    let op = app
        .platform_user("Paula Plattform", Role::PlatformOperator)
        .await;
    let key = format!("mfs-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let t = published(app, &op, &key).await;
    let template = t["id"].as_str().unwrap().to_owned();
    let course =
        ok(app, &c.t.caseworker.token, ADOPT, json!({ "t": template })).await["adoptCourse"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let run = ok(
        app,
        &c.t.caseworker.token,
        SCHEDULE,
        json!({ "c": course, "i": run_input(&[(-21, &["m_a", "m_b"]), (-14, &["m_c"]), (-7, &["m_a"])], capacity, None) }),
    )
    .await["scheduleCourseRun"]
        .clone();
    let sessions = run["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect();
    Setup {
        c,
        op,
        template,
        course,
        run: run["id"].as_str().unwrap().to_owned(),
        sessions,
    }
}

/// The first member of household `h`.
pub(crate) async fn member(app: &TestApp, token: &str, h: &str) -> String {
    ok(
        app,
        token,
        "query($id: ID!) { household(id: $id) { members { id } } }",
        json!({ "id": h }),
    )
    .await["household"]["members"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Household `h`'s first member enrols in the world's run and attends every session
/// (completing it): `(person id, enrolment id)`.
pub(crate) async fn member_completes(app: &TestApp, s: &Setup, h: &str) -> (String, String) {
    let tok = &s.c.t.caseworker.token;
    let p = member(app, tok, h).await;
    let e = enrol(app, tok, &s.run, json!({ "personId": p, "language": "ar" })).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for session in &s.sessions {
        ok(
            app,
            tok,
            ATTEND,
            json!({ "r": s.run, "s": session, "m": present(&[&e]) }),
        )
        .await;
    }
    (p, e)
}

fn walk_in(name: &str) -> Value {
    json!({ "printedName": name, "language": "ar" })
}

pub(crate) async fn enrol(app: &TestApp, token: &str, run: &str, input: Value) -> Value {
    ok(app, token, ENROL, json!({ "r": run, "i": input })).await["enrolInCourseRun"].clone()
}

fn present(ids: &[&str]) -> Value {
    Value::Array(
        ids.iter()
            .map(|e| json!({ "enrolmentId": e, "present": true }))
            .collect(),
    )
}

async fn keys_of(app: &TestApp, slug: &str) -> KeySet {
    let r = app.get(&format!("/public/{slug}/keys.json")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["cache-control"].to_str().unwrap(),
        "public, max-age=300"
    );
    serde_json::from_str(&r.text().await.unwrap()).unwrap()
}

async fn status_of(app: &TestApp, slug: &str) -> String {
    let r = app.get(&format!("/public/{slug}/status")).await;
    assert_eq!(r.status(), 200);
    r.text().await.unwrap()
}

async fn verdict(app: &TestApp, slug: &str, jws: &str) -> Result<credential::Statement, Rejection> {
    let keys = keys_of(app, slug).await;
    let status = status_of(app, slug).await;
    credential::verify(jws, &keys, Some(&status))
}

#[tokio::test]
async fn the_catalogue_is_shared_versioned_and_written_only_by_operators() {
    let app = TestApp::spawn().await;
    let s = world(&app, 10).await;
    let tok = s.c.t.caseworker.token.clone();
    let other = app.tenant().await;

    // Bad input from the operator: each names its field; nothing is published.
    let before = ok(&app, &s.op.token, CATALOGUE, json!({})).await["courseCatalogue"]
        .as_array()
        .unwrap()
        .len();
    let cases = [
        (template("Bad Key", vec![module("m_a", true)]), "input.key"),
        (template("ok-key", vec![]), "input.modules"),
        (
            template("ok-key", vec![module("m_a", true), module("m_a", true)]),
            "input.modules.1.key",
        ),
        (
            template("ok-key", vec![module("m_a", false)]),
            "input.modules",
        ),
        (
            {
                let mut t = template("ok-key", vec![module("m_a", true)]);
                t["ruleKind"] = json!("N_OF_M");
                t["minModules"] = json!(2);
                t
            },
            "input.minModules",
        ),
        (
            {
                let mut t = template("ok-key", vec![module("m_a", true)]);
                t["languages"] = json!(["arabic"]);
                t
            },
            "input.languages.0",
        ),
    ];
    for (i, field) in cases {
        let (code, f) = refused(&app, &s.op.token, PUBLISH, &json!({ "i": i })).await;
        assert_eq!(
            (code.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field)),
            "{i}"
        );
    }
    let after = ok(&app, &s.op.token, CATALOGUE, json!({})).await["courseCatalogue"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(before, after);
    // Cities and carriers read the catalogue but never write it.
    let (code, _) = refused(
        &app,
        &tok,
        PUBLISH,
        &json!({ "i": template("x-1", vec![module("m_a", true)]) }),
    )
    .await;
    assert_eq!(code, "FORBIDDEN");
    let (code, _) = refused(
        &app,
        &s.c.cw.token,
        PUBLISH,
        &json!({ "i": template("x-1", vec![module("m_a", true)]) }),
    )
    .await;
    assert_eq!(code, "FORBIDDEN");
    for t in [&tok, &other.caseworker.token, &s.c.cw.token] {
        let list = ok(&app, t, CATALOGUE, json!({})).await["courseCatalogue"].clone();
        assert!(
            list.as_array()
                .unwrap()
                .iter()
                .any(|t| t["id"] == s.template.as_str())
        );
    }

    // Version 2 is published; the city's course stays on version 1 and its run too.
    let key = ok(&app, &tok, COURSES, json!({})).await["courses"][0]["template"]["key"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut v2 = template(
        &key,
        vec![
            module("m_a", true),
            module("m_b", true),
            module("m_c", true),
            module("m_d", false),
        ],
    );
    v2["titleDe"] = json!("Mietführerschein 2");
    let v2 =
        ok(&app, &s.op.token, PUBLISH, json!({ "i": v2 })).await["publishCourseTemplate"].clone();
    assert_eq!(v2["version"], 2);
    let course = ok(&app, &tok, COURSES, json!({})).await["courses"][0].clone();
    assert_eq!(course["template"]["version"], 1);
    assert_eq!(course["newerVersion"]["version"], 2);
    // Adopting version 2 changes only runs scheduled afterwards.
    let (code, _) = refused(
        &app,
        &s.c.cw.token,
        ADOPT_VERSION,
        &json!({ "c": s.course, "v": 1, "t": v2["id"] }),
    )
    .await;
    assert_eq!(code, "FORBIDDEN");
    let (code, _) = refused(
        &app,
        &other.caseworker.token,
        ADOPT_VERSION,
        &json!({ "c": s.course, "v": 1, "t": v2["id"] }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let (code, f) = refused(
        &app,
        &tok,
        ADOPT_VERSION,
        &json!({ "c": s.course, "v": 1, "t": "nope" }),
    )
    .await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("templateId"))
    );
    let other_key = published(&app, &s.op, "other-course").await;
    let (code, f) = refused(
        &app,
        &tok,
        ADOPT_VERSION,
        &json!({ "c": s.course, "v": 1, "t": other_key["id"] }),
    )
    .await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("templateId"))
    );
    let moved = ok(
        &app,
        &tok,
        ADOPT_VERSION,
        json!({ "c": s.course, "v": 1, "t": v2["id"] }),
    )
    .await["adoptCourseVersion"]
        .clone();
    assert_eq!(moved["template"]["version"], 2);
    assert!(moved["newerVersion"].is_null());
    let (code, _) = refused(
        &app,
        &tok,
        ADOPT_VERSION,
        &json!({ "c": s.course, "v": 1, "t": v2["id"] }),
    )
    .await;
    assert_eq!(code, "CONFLICT");
    let new_run = ok(
        &app,
        &tok,
        SCHEDULE,
        json!({ "c": s.course, "i": run_input(&[(3, &["m_d"])], 5, None) }),
    )
    .await["scheduleCourseRun"]
        .clone();
    assert_eq!(new_run["templateId"], v2["id"]);
    let runs = ok(&app, &tok, RUNS, json!({ "c": s.course })).await["courseRuns"].clone();
    let old = runs
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == s.run.as_str())
        .unwrap();
    assert_eq!(old["templateId"], s.template.as_str());

    // A city's own course goes to the catalogue only through an operator's review.
    let coord = &s.c.coord.token;
    ok(&app, &tok, LOCAL, json!({ "c": s.course, "i": { "title": "Abfallkalender", "goals": "Tonnen", "minutes": 45, "mandatory": false } })).await;
    let (code, f) = refused(
        &app,
        coord,
        SUBMIT,
        &json!({ "c": s.course, "k": "Hagen Kurs", "s": "x" }),
    )
    .await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("key"))
    );
    let (code, _) = refused(
        &app,
        &tok,
        SUBMIT,
        &json!({ "c": s.course, "k": "hagen-kurs", "s": "x" }),
    )
    .await;
    assert_eq!(code, "FORBIDDEN");
    let (code, _) = refused(
        &app,
        &s.c.cw.token,
        SUBMIT,
        &json!({ "c": s.course, "k": "hagen-kurs", "s": "x" }),
    )
    .await;
    assert_eq!(code, "FORBIDDEN");
    let other_coord = app
        .user(
            &other,
            other.department,
            "Olga Koordination",
            &[Role::CityCoordinator],
        )
        .await;
    let (code, _) = refused(
        &app,
        &other_coord.token,
        SUBMIT,
        &json!({ "c": s.course, "k": "hagen-kurs", "s": "x" }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let sub = ok(
        &app,
        coord,
        SUBMIT,
        json!({ "c": s.course, "k": "hagen-kurs", "s": "Hagens Kurs mit Abfallmodul" }),
    )
    .await["submitCourseToCatalogue"]
        .clone();
    assert_eq!(sub["status"], "SUBMITTED");
    assert_eq!(sub["ownSubmission"], true);
    assert_eq!(sub["modules"].as_array().unwrap().len(), 5, "{sub}");
    let seen_by = |list: &Value| {
        list.as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == sub["id"])
    };
    assert!(seen_by(
        &ok(&app, &tok, CATALOGUE, json!({})).await["courseCatalogue"]
    ));
    assert!(!seen_by(
        &ok(&app, &other.caseworker.token, CATALOGUE, json!({})).await["courseCatalogue"]
    ));
    let (code, _) = refused(
        &app,
        &other.caseworker.token,
        ADOPT,
        &json!({ "t": sub["id"] }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    // Only operators review.
    let (code, _) = refused(&app, coord, REVIEW, &json!({ "id": sub["id"], "p": true })).await;
    assert_eq!(code, "FORBIDDEN");
    let (code, _) = refused(
        &app,
        &s.c.cw.token,
        REVIEW,
        &json!({ "id": sub["id"], "p": true }),
    )
    .await;
    assert_eq!(code, "FORBIDDEN");
    let (code, f) = refused(&app, &s.op.token, REVIEW, &json!({ "id": "x", "p": true })).await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("id"))
    );
    let (code, _) = refused(
        &app,
        &s.op.token,
        REVIEW,
        &json!({ "id": s.template, "p": true }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND", "a published template is no submission");
    let done = ok(
        &app,
        &s.op.token,
        REVIEW,
        json!({ "id": sub["id"], "p": true, "n": "Danke, Hagen" }),
    )
    .await["reviewCourseSubmission"]
        .clone();
    assert_eq!(done["status"], "PUBLISHED");
    assert!(seen_by(
        &ok(&app, &other.caseworker.token, CATALOGUE, json!({})).await["courseCatalogue"]
    ));
    let adopted = ok(
        &app,
        &other.caseworker.token,
        ADOPT,
        json!({ "t": sub["id"] }),
    )
    .await["adoptCourse"]
        .clone();
    assert_eq!(adopted["template"]["modules"].as_array().unwrap().len(), 5);
    // The other city's adoption does not carry the first city's local modules.
    assert_eq!(adopted["localModules"], json!([]));
    // And its courses list holds only its own.
    let theirs = ok(&app, &other.caseworker.token, COURSES, json!({})).await["courses"].clone();
    assert_eq!(theirs.as_array().unwrap().len(), 1);
    // A rejected submission stays invisible to others.
    let sub2 = ok(
        &app,
        coord,
        SUBMIT,
        json!({ "c": s.course, "k": "hagen-kurs-2", "s": "x" }),
    )
    .await["submitCourseToCatalogue"]
        .clone();
    let rejected = ok(
        &app,
        &s.op.token,
        REVIEW,
        json!({ "id": sub2["id"], "p": false, "n": "Bitte Lernziele ergänzen" }),
    )
    .await["reviewCourseSubmission"]
        .clone();
    assert_eq!(rejected["status"], "REJECTED");
    assert_eq!(rejected["reviewNote"], "Bitte Lernziele ergänzen");
    assert!(
        !ok(&app, &other.caseworker.token, CATALOGUE, json!({})).await["courseCatalogue"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == sub2["id"])
    );
}

#[tokio::test]
async fn courses_runs_and_local_modules_stay_in_their_city_and_carrier() {
    let app = TestApp::spawn().await;
    let s = world(&app, 10).await;
    let tok = s.c.t.caseworker.token.clone();
    let other = app.tenant().await;

    // Local modules: bad input, other city, carrier.
    let (code, f) = refused(&app, &tok, LOCAL, &json!({ "c": s.course, "i": { "title": "Abfall", "goals": "x", "minutes": 5, "mandatory": false } })).await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("input.minutes"))
    );
    let (code, f) = refused(&app, &tok, LOCAL, &json!({ "c": s.course, "i": { "title": " ", "goals": "x", "minutes": 45, "mandatory": false } })).await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("input.title"))
    );
    let (code, _) = refused(&app, &other.caseworker.token, LOCAL, &json!({ "c": s.course, "i": { "title": "Abfall", "goals": "x", "minutes": 45, "mandatory": false } })).await;
    assert_eq!(code, "NOT_FOUND");
    let (code, _) = refused(&app, &s.c.cw.token, LOCAL, &json!({ "c": s.course, "i": { "title": "Abfall", "goals": "x", "minutes": 45, "mandatory": false } })).await;
    assert_eq!(code, "FORBIDDEN");
    let course = ok(&app, &tok, LOCAL, json!({ "c": s.course, "i": { "title": "Abfallkalender", "goals": "Tonnen", "minutes": 45, "mandatory": true } })).await["addLocalModule"].clone();
    assert_eq!(course["localModules"][0]["key"], "local:1");

    // Runs: bad input names the field and schedules nothing.
    let cases = [
        (run_input(&[(-1, &["m_a"])], 0, None), "input.capacity"),
        (run_input(&[], 5, None), "input.sessions"),
        (
            run_input(&[(-1, &["m_a"]), (-5, &["m_b"])], 5, None),
            "input.sessions.1.onDate",
        ),
        (
            run_input(&[(-1, &["zzz"])], 5, None),
            "input.sessions.0.modules",
        ),
        (
            {
                let mut i = run_input(&[(-1, &["m_a"])], 5, None);
                i["language"] = json!("Arabisch");
                i
            },
            "input.language",
        ),
        (
            {
                let mut i = run_input(&[(-1, &["m_a"])], 5, None);
                i["sessions"][0]["startsAt"] = json!("5 Uhr");
                i
            },
            "input.sessions.0.startsAt",
        ),
        (
            run_input(&[(-1, &["m_a"])], 5, Some(&other.department.to_string())),
            "input.deliveringOrgId",
        ),
    ];
    for (i, field) in cases {
        let (code, f) = refused(&app, &tok, SCHEDULE, &json!({ "c": s.course, "i": i })).await;
        assert_eq!(
            (code.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field)),
            "{i}"
        );
    }
    assert_eq!(
        ok(&app, &tok, RUNS, json!({})).await["courseRuns"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let (code, _) = refused(
        &app,
        &other.caseworker.token,
        SCHEDULE,
        &json!({ "c": s.course, "i": run_input(&[(-1, &["m_a"])], 5, None) }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");

    // A carrier schedules runs it delivers, and sees only those.
    let (code, f) = refused(
        &app,
        &s.c.cw.token,
        SCHEDULE,
        &json!({ "c": s.course, "i": run_input(&[(-1, &["m_a"])], 5, None) }),
    )
    .await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("input.deliveringOrgId"))
    );
    let theirs = ok(&app, &s.c.cw.token, SCHEDULE, json!({ "c": s.course, "i": run_input(&[(-1, &["m_a", "local:1"])], 5, Some(&s.c.carrier)) })).await["scheduleCourseRun"].clone();
    assert_eq!(theirs["deliveringOrgId"], s.c.carrier.as_str());
    let seen: Vec<Value> = ok(&app, &s.c.cw.token, RUNS, json!({})).await["courseRuns"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0]["id"], theirs["id"]);
    assert_eq!(
        ok(&app, &tok, RUNS, json!({})).await["courseRuns"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let (code, _) = refused(&app, &s.c.cw.token, RUN, &json!({ "id": s.run })).await;
    assert_eq!(code, "NOT_FOUND");
    let drk = app
        .organisation(&s.c.t, "drk", "DRK", OrganisationKind::Carrier)
        .await;
    let drk_cw = app
        .user(&s.c.t, drk, "Dirk DRK", &[Role::CarrierCaseworker])
        .await;
    let (code, _) = refused(&app, &drk_cw.token, RUN, &json!({ "id": theirs["id"] })).await;
    assert_eq!(code, "NOT_FOUND");
    assert_eq!(
        ok(&app, &drk_cw.token, RUNS, json!({})).await["courseRuns"],
        json!([])
    );

    // Another city sees none of it.
    assert_eq!(
        ok(&app, &other.caseworker.token, COURSES, json!({})).await["courses"],
        json!([])
    );
    assert_eq!(
        ok(&app, &other.caseworker.token, RUNS, json!({})).await["courseRuns"],
        json!([])
    );
    let (code, _) = refused(&app, &other.caseworker.token, RUN, &json!({ "id": s.run })).await;
    assert_eq!(code, "NOT_FOUND");
    let (code, f) = refused(&app, &tok, RUN, &json!({ "id": "x" })).await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("id"))
    );
    let (code, f) = refused(&app, &tok, RUNS, &json!({ "c": "x" })).await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("courseId"))
    );
    let (code, _) = refused(
        &app,
        &other.caseworker.token,
        ADOPT,
        &json!({ "t": uuid::Uuid::now_v7() }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let (code, f) = refused(&app, &tok, ADOPT, &json!({ "t": "x" })).await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("templateId"))
    );
    // A carrier's adoption is recorded as on the city's behalf.
    let by_carrier =
        ok(&app, &s.c.cw.token, ADOPT, json!({ "t": s.template })).await["adoptCourse"].clone();
    assert!(by_carrier["id"].is_string());
    let listed = ok(&app, &tok, COURSES, json!({})).await["courses"].clone();
    assert_eq!(listed.as_array().unwrap().len(), 2);
    // A carrier administrator does no casework.
    let org: wohnweg_kernel::OrganisationId = s.c.carrier.parse().unwrap();
    let carrier_admin = app
        .user(&s.c.t, org, "Anna Caritas", &[Role::CarrierAdmin])
        .await;
    let (code, _) = refused(&app, &carrier_admin.token, COURSES, &json!({})).await;
    assert_eq!(code, "FORBIDDEN");
}

#[tokio::test]
async fn enrolment_waits_when_full_attendance_completes_by_the_rule_and_drop_outs_free_a_place() {
    let app = TestApp::spawn().await;
    let s = world(&app, 2).await;
    let tok = s.c.t.caseworker.token.clone();
    let other = app.tenant().await;
    let h1 = living_in(&app, &s.c, "L-1", &s.c.shelter, true, true).await;
    let h2 = living_in(&app, &s.c, "L-2", &s.c.shelter, true, false).await;
    let p1 = member(&app, &tok, &h1).await;
    let p2 = member(&app, &tok, &h2).await;

    // Bad input names the field and enrols no one.
    let cases = [
        (
            json!({ "personId": p1, "printedName": "X", "language": "ar" }),
            "input.personId",
        ),
        (json!({ "language": "ar" }), "input.personId"),
        (
            json!({ "printedName": "Ğülsüm Weiß", "language": "arabic" }),
            "input.language",
        ),
        (
            json!({ "printedName": "", "language": "ar" }),
            "input.printedName",
        ),
        (
            json!({ "personId": "x", "language": "ar" }),
            "input.personId",
        ),
    ];
    for (i, field) in cases {
        let (code, f) = refused(&app, &tok, ENROL, &json!({ "r": s.run, "i": i })).await;
        assert_eq!(
            (code.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field)),
            "{i}"
        );
    }
    // Another city's person or run looks missing; a carrier reaches its own households only.
    let (code, _) = refused(
        &app,
        &other.caseworker.token,
        ENROL,
        &json!({ "r": s.run, "i": walk_in("A") }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let other_h = {
        let oc = city(&app).await;
        let h = living_in(&app, &oc, "O-1", &oc.shelter, false, false).await;
        member(&app, &oc.t.caseworker.token, &h).await
    };
    let (code, _) = refused(
        &app,
        &tok,
        ENROL,
        &json!({ "r": s.run, "i": { "personId": other_h, "language": "ar" } }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let carrier_run = ok(&app, &s.c.cw.token, SCHEDULE, json!({ "c": s.course, "i": run_input(&[(-3, &["m_a", "m_b", "m_c"])], 5, Some(&s.c.carrier)) })).await["scheduleCourseRun"]["id"].as_str().unwrap().to_owned();
    let (code, _) = refused(
        &app,
        &s.c.cw.token,
        ENROL,
        &json!({ "r": carrier_run, "i": { "personId": p2, "language": "ar" } }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND", "household 2 is not the carrier's");
    let (code, _) = refused(
        &app,
        &s.c.cw.token,
        ENROL,
        &json!({ "r": s.run, "i": walk_in("A") }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND", "the city's run is not the carrier's");
    let theirs = enrol(
        &app,
        &s.c.cw.token,
        &carrier_run,
        json!({ "personId": p1, "language": "ar" }),
    )
    .await;
    assert_eq!(theirs["householdId"], h1.as_str());

    // Two places: the third waits.
    let e1 = enrol(
        &app,
        &tok,
        &s.run,
        json!({ "personId": p1, "language": "ar" }),
    )
    .await;
    assert_eq!(e1["status"], "ENROLLED");
    assert_eq!(e1["printedName"], "A B");
    let (code, f) = refused(
        &app,
        &tok,
        ENROL,
        &json!({ "r": s.run, "i": { "personId": p1, "language": "ar" } }),
    )
    .await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("input.personId"))
    );
    let e2 = enrol(&app, &tok, &s.run, walk_in("Ğülsüm Weiß")).await;
    let e3 = enrol(
        &app,
        &tok,
        &s.run,
        json!({ "personId": p2, "language": "ar" }),
    )
    .await;
    assert_eq!(e3["status"], "WAITING");
    let ids = [
        e1["id"].as_str().unwrap(),
        e2["id"].as_str().unwrap(),
        e3["id"].as_str().unwrap(),
    ];

    // Attendance: bad marks name their field and record nothing.
    let future = ok(
        &app,
        &tok,
        SCHEDULE,
        json!({ "c": s.course, "i": run_input(&[(5, &["m_a"])], 5, None) }),
    )
    .await["scheduleCourseRun"]
        .clone();
    let (code, f) = refused(
        &app,
        &tok,
        ATTEND,
        &json!({ "r": future["id"], "s": future["sessions"][0]["id"], "m": [] }),
    )
    .await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("marks"))
    );
    let bad = [
        (present(&[ids[2]]), "marks.0.enrolmentId"),
        (present(&[ids[0], ids[0]]), "marks.1.enrolmentId"),
        (
            json!([{ "enrolmentId": ids[0], "present": true, "absenceReason": "WORK" }]),
            "marks.0.absenceReason",
        ),
        (
            json!([{ "enrolmentId": "x", "present": true }]),
            "marks.0.enrolmentId",
        ),
    ];
    for (m, field) in bad {
        let (code, f) = refused(
            &app,
            &tok,
            ATTEND,
            &json!({ "r": s.run, "s": s.sessions[0], "m": m }),
        )
        .await;
        assert_eq!(
            (code.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field)),
            "{m}"
        );
    }
    let e_future = enrol(&app, &tok, future["id"].as_str().unwrap(), walk_in("Z")).await;
    let (code, f) = refused(&app, &tok, ATTEND, &json!({ "r": future["id"], "s": future["sessions"][0]["id"], "m": present(&[e_future["id"].as_str().unwrap()]) })).await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("sessionId"))
    );
    let (code, _) = refused(
        &app,
        &tok,
        ATTEND,
        &json!({ "r": s.run, "s": future["sessions"][0]["id"], "m": present(&[ids[0]]) }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND", "a session of another run");
    let (code, _) = refused(
        &app,
        &other.caseworker.token,
        ATTEND,
        &json!({ "r": s.run, "s": s.sessions[0], "m": present(&[ids[0]]) }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let (code, _) = refused(
        &app,
        &s.c.cw.token,
        ATTEND,
        &json!({ "r": s.run, "s": s.sessions[0], "m": present(&[ids[0]]) }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let d = ok(&app, &tok, RUN, json!({ "id": s.run })).await["courseRun"].clone();
    assert!(
        d["participants"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["marks"] == json!([]))
    );

    // Sessions 1 (a+b) and 2 (c): participant 1 attends both — every mandatory module,
    // 2 of 3 sessions is 66 %, below 75 %: not yet complete. Session 3 completes it.
    ok(
        &app,
        &tok,
        ATTEND,
        json!({ "r": s.run, "s": s.sessions[0], "m": present(&ids[..2]) }),
    )
    .await;
    let d = ok(&app, &tok, ATTEND, json!({ "r": s.run, "s": s.sessions[1], "m": [
        { "enrolmentId": ids[0], "present": true }, { "enrolmentId": ids[1], "present": false, "absenceReason": "ILLNESS" } ] })).await["recordCourseAttendance"].clone();
    assert_eq!(d["participants"][0]["status"], "ENROLLED");
    assert_eq!(d["participants"][0]["progress"]["complete"], false);
    let d = ok(
        &app,
        &tok,
        ATTEND,
        json!({ "r": s.run, "s": s.sessions[2], "m": present(&ids[..2]) }),
    )
    .await["recordCourseAttendance"]
        .clone();
    assert_eq!(d["participants"][0]["status"], "COMPLETED");
    // Participant 2 has a, b but not c (absent): 2 of 3, and module c missing.
    assert_eq!(d["participants"][1]["status"], "ENROLLED");
    let full = ok(&app, &tok, RUN, json!({ "id": s.run })).await["courseRun"].clone();
    assert_eq!(
        full["participants"][1]["progress"]["missing"],
        json!(["m_c"])
    );
    assert_eq!(
        full["participants"][1]["marks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["present"] == false)
            .unwrap()["absenceReason"],
        "ILLNESS"
    );
    // A correction before any certificate takes completion back.
    let d = ok(&app, &tok, ATTEND, json!({ "r": s.run, "s": s.sessions[2], "m": [{ "enrolmentId": ids[0], "present": false }] })).await["recordCourseAttendance"].clone();
    assert_eq!(d["participants"][0]["status"], "ENROLLED");
    ok(
        &app,
        &tok,
        ATTEND,
        json!({ "r": s.run, "s": s.sessions[2], "m": present(&[ids[0]]) }),
    )
    .await;

    // Participant 2 drops out after session 3; the waiting participant moves up.
    let (code, _) = refused(
        &app,
        &tok,
        DROP,
        &json!({ "e": ids[1], "v": 99, "r": "WORK" }),
    )
    .await;
    assert_eq!(code, "CONFLICT");
    let (code, _) = refused(
        &app,
        &other.caseworker.token,
        DROP,
        &json!({ "e": ids[1], "v": 1, "r": "WORK" }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let (code, _) = refused(
        &app,
        &s.c.cw.token,
        DROP,
        &json!({ "e": ids[1], "v": 1, "r": "WORK" }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let (code, f) = refused(&app, &tok, DROP, &json!({ "e": "x", "v": 1, "r": "WORK" })).await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("enrolmentId"))
    );
    let v = full["participants"][1]["version"].as_i64().unwrap();
    let d = ok(
        &app,
        &tok,
        DROP,
        json!({ "e": ids[1], "v": v, "r": "WORK" }),
    )
    .await["dropOutOfCourse"]
        .clone();
    let by_id = |id: &str| {
        d["participants"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(by_id(ids[1])["status"], "DROPPED_OUT");
    assert_eq!(by_id(ids[1])["droppedAfter"], 3);
    assert_eq!(by_id(ids[2])["status"], "ENROLLED");
    assert_eq!(
        d["run"]["figures"]["droppedAfter"],
        json!([{ "afterSession": 3, "count": 1 }])
    );
    let (code, f) = refused(
        &app,
        &tok,
        DROP,
        &json!({ "e": ids[0], "v": 5, "r": "WORK" }),
    )
    .await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("id")),
        "a completer cannot drop out"
    );

    // The figures: three with a place, one completed, one dropped out, none waiting.
    let runs = ok(&app, &tok, RUNS, json!({ "c": s.course })).await["courseRuns"].clone();
    let f = &runs
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == s.run.as_str())
        .unwrap()["figures"];
    assert_eq!(
        (
            f["enrolled"].as_i64(),
            f["completed"].as_i64(),
            f["droppedOut"].as_i64(),
            f["waiting"].as_i64()
        ),
        (Some(3), Some(1), Some(1), Some(0))
    );
    // 3 + 2 present of 3 sessions × 3 with a place = 5 of 9.
    assert_eq!(f["attendedPercent"], 55);
    // Reading the names is audited.
    let logged = app
        .tenant_rows(
            s.c.t.id,
            "SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'course_run' AND action = 'read'",
        )
        .await;
    assert!(logged[0].try_get::<i64>("", "n").unwrap() >= 1);
}

/// A run where `names` completed (walk-ins), for certificates.
pub(crate) async fn completed(app: &TestApp, s: &Setup, names: &[&str]) -> Vec<String> {
    let tok = &s.c.t.caseworker.token;
    let mut ids = Vec::new();
    for n in names {
        ids.push(
            enrol(app, tok, &s.run, walk_in(n)).await["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    for session in &s.sessions {
        ok(
            app,
            tok,
            ATTEND,
            json!({ "r": s.run, "s": session, "m": present(&refs) }),
        )
        .await;
    }
    ids
}

#[tokio::test]
async fn certificates_verify_and_revocation_reissue_and_keys_each_show() {
    let app = TestApp::spawn().await;
    let s = world(&app, 10).await;
    let tok = s.c.t.caseworker.token.clone();
    let slug = s.c.t.slug.clone();
    let other = app.tenant().await;

    // Before anything is issued the city has no status list yet.
    assert_eq!(
        app.get(&format!("/public/{slug}/status")).await.status(),
        404
    );
    assert_eq!(
        app.get("/public/no-such-city/keys.json").await.status(),
        404
    );
    let h = living_in(&app, &s.c, "C-1", &s.c.shelter, true, true).await;
    let p = member(&app, &tok, &h).await;
    let m = enrol(
        &app,
        &tok,
        &s.run,
        json!({ "personId": p, "language": "ar" }),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (code, f) = refused(&app, &tok, ISSUE, &json!({ "e": m })).await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("enrolmentId")),
        "not completed yet"
    );
    let ids = completed(&app, &s, &["Ğülay Müller-Straß", "Jonas Groß"]).await;
    for session in &s.sessions {
        ok(
            &app,
            &tok,
            ATTEND,
            json!({ "r": s.run, "s": session, "m": present(&[&m]) }),
        )
        .await;
    }
    let (code, f) = refused(&app, &tok, ISSUE, &json!({ "e": "x" })).await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("enrolmentId"))
    );
    let (code, _) = refused(
        &app,
        &other.caseworker.token,
        ISSUE,
        &json!({ "e": ids[0] }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let (code, _) = refused(&app, &s.c.cw.token, ISSUE, &json!({ "e": ids[0] })).await;
    assert_eq!(code, "NOT_FOUND", "the city's run is not the carrier's");

    let a = ok(&app, &tok, ISSUE, json!({ "e": ids[0] })).await["issueCertificate"].clone();
    let prefix: String = slug
        .split('-')
        .filter_map(|p| p.chars().next())
        .collect::<String>()
        .to_uppercase();
    assert!(
        a["number"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{prefix}-")),
        "{a}"
    );
    assert_eq!(a["printedName"], "Ğülay Müller-Straß");
    assert!(
        a["verificationUrl"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/verify#{}", a["credential"].as_str().unwrap()))
    );
    let (code, f) = refused(&app, &tok, ISSUE, &json!({ "e": ids[0] })).await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("enrolmentId")),
        "one valid certificate at a time"
    );
    let jws_a = a["credential"].as_str().unwrap().to_owned();
    let stated = verdict(&app, &slug, &jws_a).await.unwrap();
    assert_eq!(stated.name, "Ğülay Müller-Straß");
    assert_eq!(stated.course, "Mietführerschein Test");
    assert_eq!(stated.number, a["number"].as_str().unwrap());
    assert_eq!(stated.modules, vec!["Modul m_a", "Modul m_b", "Modul m_c"]);
    assert_eq!(stated.issuer_name, s.c.t.name);

    // A member's certificate shows on the household; others see nothing of it.
    let mine = ok(&app, &tok, ISSUE, json!({ "e": m })).await["issueCertificate"].clone();
    let listed =
        ok(&app, &tok, HOUSEHOLD_CERTS, json!({ "h": h })).await["householdCertificates"].clone();
    assert_eq!(listed[0]["number"], mine["number"]);
    assert_eq!(
        ok(&app, &s.c.cw.token, HOUSEHOLD_CERTS, json!({ "h": h })).await["householdCertificates"]
            [0]["id"],
        mine["id"]
    );
    let (code, _) = refused(
        &app,
        &other.caseworker.token,
        HOUSEHOLD_CERTS,
        &json!({ "h": h }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let drk = app
        .organisation(&s.c.t, "drk", "DRK", OrganisationKind::Carrier)
        .await;
    let drk_cw = app
        .user(&s.c.t, drk, "Dirk DRK", &[Role::CarrierCaseworker])
        .await;
    let (code, _) = refused(&app, &drk_cw.token, HOUSEHOLD_CERTS, &json!({ "h": h })).await;
    assert_eq!(code, "NOT_FOUND");
    let (code, f) = refused(&app, &tok, HOUSEHOLD_CERTS, &json!({ "h": "x" })).await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("householdId"))
    );

    // Revoked (issued in error): the status list says so.
    let b = ok(&app, &tok, ISSUE, json!({ "e": ids[1] })).await["issueCertificate"].clone();
    let jws_b = b["credential"].as_str().unwrap().to_owned();
    assert!(verdict(&app, &slug, &jws_b).await.is_ok());
    let (code, f) = refused(
        &app,
        &tok,
        REVOKE,
        &json!({ "id": b["id"], "r": "REISSUED" }),
    )
    .await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("reason"))
    );
    let (code, _) = refused(
        &app,
        &other.caseworker.token,
        REVOKE,
        &json!({ "id": b["id"], "r": "ISSUED_IN_ERROR" }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let (code, _) = refused(
        &app,
        &s.c.cw.token,
        REVOKE,
        &json!({ "id": b["id"], "r": "ISSUED_IN_ERROR" }),
    )
    .await;
    assert_eq!(code, "FORBIDDEN");
    let revoked = ok(
        &app,
        &tok,
        REVOKE,
        json!({ "id": b["id"], "r": "ISSUED_IN_ERROR" }),
    )
    .await["revokeCertificate"]
        .clone();
    assert_eq!(revoked["revokeReason"], "ISSUED_IN_ERROR");
    assert_eq!(verdict(&app, &slug, &jws_b).await, Err(Rejection::Revoked));
    assert!(
        verdict(&app, &slug, &jws_a).await.is_ok(),
        "the other stays valid"
    );
    let (code, f) = refused(
        &app,
        &tok,
        REVOKE,
        &json!({ "id": b["id"], "r": "ISSUED_IN_ERROR" }),
    )
    .await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("id"))
    );

    // Reissued with the name corrected: a new number, the old one revoked.
    let (code, _) = refused(
        &app,
        &s.c.cw.token,
        REISSUE,
        &json!({ "id": a["id"], "n": "X" }),
    )
    .await;
    assert_eq!(code, "FORBIDDEN");
    let (code, _) = refused(
        &app,
        &other.caseworker.token,
        REISSUE,
        &json!({ "id": a["id"], "n": "X" }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let (code, f) = refused(&app, &tok, REISSUE, &json!({ "id": a["id"], "n": "" })).await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("printedName"))
    );
    let a2 = ok(
        &app,
        &tok,
        REISSUE,
        json!({ "id": a["id"], "n": "Ğülay Müller-Straß Öztürk" }),
    )
    .await["reissueCertificate"]
        .clone();
    assert_ne!(a2["number"], a["number"]);
    assert_eq!(verdict(&app, &slug, &jws_a).await, Err(Rejection::Revoked));
    assert_eq!(
        verdict(&app, &slug, a2["credential"].as_str().unwrap())
            .await
            .unwrap()
            .name,
        "Ğülay Müller-Straß Öztürk"
    );

    // Tampered: the name altered in the payload.
    let parts: Vec<&str> = jws_a.split('.').collect();
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let mut payload: Value = serde_json::from_slice(&b64.decode(parts[1]).unwrap()).unwrap();
    payload["credentialSubject"]["name"] = json!("Max Mustermann");
    let altered = format!(
        "{}.{}.{}",
        parts[0],
        b64.encode(payload.to_string()),
        parts[2]
    );
    let keys = keys_of(&app, &slug).await;
    assert_eq!(
        credential::verify(&altered, &keys, None),
        Err(Rejection::BadSignature)
    );
    // Signed by another city: its certificate, presented against this city's keys.
    let s2 = world(&app, 10).await;
    let other_ids = completed(&app, &s2, &["Ada Andere"]).await;
    let foreign = ok(
        &app,
        &s2.c.t.caseworker.token,
        ISSUE,
        json!({ "e": other_ids[0] }),
    )
    .await["issueCertificate"]["credential"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut fp: Value =
        serde_json::from_slice(&b64.decode(foreign.split('.').nth(1).unwrap()).unwrap()).unwrap();
    fp["issuer"]["id"] = json!(keys.issuer.clone());
    let claims_this_city = {
        let fparts: Vec<&str> = foreign.split('.').collect();
        format!("{}.{}.{}", fparts[0], b64.encode(fp.to_string()), fparts[2])
    };
    assert_eq!(
        credential::verify(&claims_this_city, &keys, None),
        Err(Rejection::ForeignKey)
    );

    // `wohnweg verify` does the same: from this installation, and offline from files.
    let dir = std::env::temp_dir().join(format!("ww-verify-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cert.json");
    std::fs::write(&file, json!({ "credential": a2["credential"] }).to_string()).unwrap();
    let online = wohnweg_gateway::cli::verify_certificate(
        &std::fs::read_to_string(&file).unwrap(),
        &Default::default(),
        &app.base,
    )
    .await
    .unwrap();
    assert!(online.outcome.is_ok() && online.status_checked);
    assert!(wohnweg_gateway::cli::render_report(&online).starts_with("VALID"));
    let revoked_link = format!("{}/verify#{jws_b}", app.base);
    let r = wohnweg_gateway::cli::verify_certificate(&revoked_link, &Default::default(), &app.base)
        .await
        .unwrap();
    assert_eq!(r.outcome, Err(Rejection::Revoked));
    assert!(wohnweg_gateway::cli::render_report(&r).starts_with("NOT VALID (revoked)"));
    let keys_file = dir.join("keys.json");
    std::fs::write(
        &keys_file,
        serde_json::to_string(&keys_of(&app, &slug).await).unwrap(),
    )
    .unwrap();
    let offline = wohnweg_gateway::cli::verify_certificate(
        a2["credential"].as_str().unwrap(),
        &wohnweg_gateway::cli::VerifySources {
            keys: Some(keys_file),
            status: None,
        },
        "https://elsewhere.example",
    )
    .await
    .unwrap();
    assert!(offline.outcome.is_ok() && !offline.status_checked);
    assert!(
        wohnweg_gateway::cli::verify_certificate(
            a2["credential"].as_str().unwrap(),
            &Default::default(),
            "https://elsewhere.example"
        )
        .await
        .is_err(),
        "an issuer outside the installation is not fetched"
    );
    std::fs::remove_dir_all(dir).ok();

    // Keys: only coordinators rotate or revoke; rotation keeps old certificates valid.
    let listed_keys = ok(&app, &tok, KEYS, json!({})).await["signingKeys"].clone();
    assert_eq!(listed_keys.as_array().unwrap().len(), 1);
    let (code, _) = refused(&app, &s.c.cw.token, KEYS, &json!({})).await;
    assert_eq!(code, "FORBIDDEN");
    assert_eq!(
        ok(&app, &other.caseworker.token, KEYS, json!({})).await["signingKeys"],
        json!([])
    );
    let (code, _) = refused(&app, &tok, ROTATE, &json!({})).await;
    assert_eq!(code, "FORBIDDEN");
    let (code, _) = refused(&app, &s.c.cw.token, ROTATE, &json!({})).await;
    assert_eq!(code, "FORBIDDEN");
    let coord = s.c.coord.token.clone();
    let new_key = ok(&app, &coord, ROTATE, json!({})).await["rotateSigningKey"].clone();
    assert!(new_key["retiredAt"].is_null());
    assert!(
        verdict(&app, &slug, a2["credential"].as_str().unwrap())
            .await
            .is_ok(),
        "signed by the retired key"
    );
    let c3 = completed(&app, &s, &["Neu Nach Rotation"]).await;
    let after =
        ok(&app, &tok, ISSUE, json!({ "e": c3[0] })).await["issueCertificate"]["credential"]
            .as_str()
            .unwrap()
            .to_owned();
    assert!(verdict(&app, &slug, &after).await.is_ok());
    // The old key is revoked as compromised: what it signed no longer verifies.
    let old_id = listed_keys[0]["id"].as_str().unwrap().to_owned();
    let (code, _) = refused(
        &app,
        &other.caseworker.token,
        REVOKE_KEY,
        &json!({ "id": old_id, "f": "2026-01-01T00:00:00Z", "r": "x" }),
    )
    .await;
    assert_eq!(code, "FORBIDDEN");
    let other_coord = app
        .user(
            &other,
            other.department,
            "Olga Koordination",
            &[Role::CityCoordinator],
        )
        .await;
    let (code, _) = refused(
        &app,
        &other_coord.token,
        REVOKE_KEY,
        &json!({ "id": old_id, "f": "2026-01-01T00:00:00Z", "r": "x" }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let (code, _) = refused(
        &app,
        &s.c.cw.token,
        REVOKE_KEY,
        &json!({ "id": old_id, "f": "2026-01-01T00:00:00Z", "r": "x" }),
    )
    .await;
    assert_eq!(code, "FORBIDDEN");
    let (code, f) = refused(
        &app,
        &coord,
        REVOKE_KEY,
        &json!({ "id": old_id, "f": "2026-01-01T00:00:00Z", "r": "" }),
    )
    .await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("reason"))
    );
    ok(
        &app,
        &coord,
        REVOKE_KEY,
        json!({ "id": old_id, "f": "2026-11-01T00:00:00Z", "r": "Laptop gestohlen" }),
    )
    .await;
    let key_revoked = verdict(&app, &slug, a2["credential"].as_str().unwrap()).await;
    assert_eq!(
        key_revoked,
        Err(Rejection::KeyRevoked(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
        ))
    );
    assert!(
        verdict(&app, &slug, &after).await.is_ok(),
        "the new key's certificates stay valid"
    );
    // A key the city never published.
    let mut stale = keys_of(&app, &slug).await;
    stale.keys.retain(|k| k.revoked_from.is_none());
    stale.keys.clear();
    assert_eq!(
        credential::verify(&after, &stale, None),
        Err(Rejection::UnknownKey)
    );

    // Nothing of a certificate is logged in the audit trail's fields but names of
    // fields; the stored private keys are sealed (the public key is not in them).
    let sealed = app.table_texts(s.c.t.id, "signing_keys").await;
    assert!(!sealed.is_empty());
}

#[tokio::test]
async fn erasure_clears_printed_names_and_stored_credentials_and_export_lists_them() {
    let app = TestApp::spawn().await;
    let s = world(&app, 10).await;
    let tok = s.c.t.caseworker.token.clone();
    let h = living_in(&app, &s.c, "E-1", &s.c.shelter, false, false).await;
    let (p, e) = member_completes(&app, &s, &h).await;
    let cert = ok(&app, &tok, ISSUE, json!({ "e": e })).await["issueCertificate"].clone();
    let export = ok(
        &app,
        &tok,
        "mutation($p: ID!) { exportPersonData(personId: $p, purpose: DATA_SUBJECT_REQUEST) }",
        json!({ "p": p }),
    )
    .await;
    let text = export.to_string();
    assert!(text.contains(cert["number"].as_str().unwrap()), "{text}");
    assert!(text.contains("courseEnrolments"));
    // Closing and erasing the case clears the name and the stored credential.
    let v = wohnweg_tests::household_version(&app, &tok, &h).await;
    ok(&app, &tok, "mutation($h: ID!, $v: Int!) { transitionCase(householdId: $h, version: $v, to: CLOSED, reason: \"x\") { id } }", json!({ "h": h, "v": v })).await;
    let d = ok(&app, &tok, RUN, json!({ "id": s.run })).await["courseRun"].clone();
    assert_eq!(
        d["participants"][0]["status"], "COMPLETED",
        "a completer keeps the completion"
    );
    let v = wohnweg_tests::household_version(&app, &tok, &h).await;
    ok(
        &app,
        &tok,
        "mutation($h: ID!, $v: Int!) { eraseHousehold(id: $h, version: $v) { id } }",
        json!({ "h": h, "v": v }),
    )
    .await;
    let d = ok(&app, &tok, RUN, json!({ "id": s.run })).await["courseRun"].clone();
    assert_eq!(d["participants"][0]["printedName"], "—");
    let texts = app.table_texts(s.c.t.id, "certificates").await.join(" ");
    assert!(!texts.contains(cert["credential"].as_str().unwrap()));
}

#[tokio::test]
async fn in_the_demo_bergisch_gladbach_has_a_run_with_one_valid_and_one_revoked_certificate() {
    let app = TestApp::spawn().await;
    wohnweg_gateway::demo::seed(&app.db, &app.cache, &app.learning)
        .await
        .unwrap();
    let p = app.provisioning();
    let bg = p
        .tenant_by_slug(&wohnweg_identity::Slug::parse("slug", "bergisch-gladbach").unwrap())
        .await
        .unwrap()
        .unwrap();
    let people = p
        .directory(wohnweg_gateway::demo::DEMO_EMAIL_DOMAIN)
        .await
        .unwrap();
    let staff = people
        .iter()
        .find(|e| e.tenant == bg.id && e.roles.contains(&Role::CityCaseworker))
        .unwrap();
    let tok = app.token(staff.user, Some(bg.id));
    let runs = ok(&app, &tok, RUNS, json!({})).await["courseRuns"].clone();
    assert_eq!(runs.as_array().unwrap().len(), 1);
    let f = &runs[0]["figures"];
    assert_eq!(
        (f["enrolled"].as_i64(), f["completed"].as_i64()),
        (Some(3), Some(2))
    );
    let d = ok(&app, &tok, RUN, json!({ "id": runs[0]["id"] })).await["courseRun"].clone();
    let mut verdicts = Vec::new();
    for part in d["participants"].as_array().unwrap() {
        let Some(h) = part["householdId"].as_str() else {
            continue;
        };
        for c in ok(&app, &tok, HOUSEHOLD_CERTS, json!({ "h": h })).await["householdCertificates"]
            .as_array()
            .unwrap()
        {
            verdicts.push(
                verdict(&app, "bergisch-gladbach", c["credential"].as_str().unwrap())
                    .await
                    .map(|s| s.course),
            );
        }
    }
    assert_eq!(
        verdicts,
        vec![Ok("Mietführerschein".to_owned()), Err(Rejection::Revoked)]
    );
    // Seeding again changes nothing.
    wohnweg_gateway::demo::seed(&app.db, &app.cache, &app.learning)
        .await
        .unwrap();
    assert_eq!(
        ok(&app, &tok, RUNS, json!({})).await["courseRuns"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
#[cfg_attr(not(pg), ignore = "PostgreSQL-only: set DATABASE_URL to run it")]
async fn rls_lets_a_tenant_read_the_catalogue_and_submit_but_never_change_it() {
    use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};
    let app = TestApp::spawn().await;
    let s = world(&app, 10).await;
    let other = app.tenant().await;
    let coord = s.c.coord.token.clone();
    let sub = ok(
        &app,
        &coord,
        SUBMIT,
        json!({ "c": s.course, "k": "eigener-kurs", "s": "x" }),
    )
    .await["submitCourseToCatalogue"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let db = app.pg_runtime().await.unwrap();
    let as_tenant = |t: wohnweg_kernel::TenantId| {
        Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT set_config('app.tenant_id', $1, true)",
            [t.uuid().to_string().into()],
        )
    };
    let count = |rows: Vec<sea_orm::QueryResult>| rows[0].try_get::<i64>("", "n").unwrap();
    // Another city reads the published template, not the submission.
    let tx = db.begin().await.unwrap();
    tx.execute_raw(as_tenant(other.id)).await.unwrap();
    let seen = tx
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            format!(
                "SELECT COUNT(*) AS n FROM course_templates WHERE id IN ('{}', '{sub}')",
                s.template
            ),
        ))
        .await
        .unwrap();
    assert_eq!(count(seen), 1);
    // No tenant changes a template, its own submission included.
    for id in [&s.template, &sub] {
        let changed = tx
            .execute_raw(Statement::from_string(
                DbBackend::Postgres,
                format!("UPDATE course_templates SET title_de = 'x' WHERE id = '{id}'"),
            ))
            .await
            .unwrap();
        assert_eq!(changed.rows_affected(), 0);
        let changed = tx
            .execute_raw(Statement::from_string(
                DbBackend::Postgres,
                format!(
                    "UPDATE course_template_modules SET title_de = 'x' WHERE template_id = '{id}'"
                ),
            ))
            .await
            .unwrap();
        assert_eq!(changed.rows_affected(), 0);
    }
    // Nor publishes one, nor submits in another city's name, nor deletes.
    let publish = tx.execute_raw(Statement::from_string(DbBackend::Postgres,
        "INSERT INTO course_templates (id, key, version, title_de, title_en, summary_de, languages, rule_kind, min_attendance_percent, status, created_at) \
         VALUES (gen_random_uuid(), 'sneak', 1, 'x', 'x', 'x', 'de', 'all_mandatory', 0, 'published', now())")).await;
    assert!(publish.is_err(), "a tenant cannot publish");
    tx.rollback().await.unwrap();
    let tx = db.begin().await.unwrap();
    tx.execute_raw(as_tenant(other.id)).await.unwrap();
    let forged = tx.execute_raw(Statement::from_string(DbBackend::Postgres, format!(
        "INSERT INTO course_templates (id, key, version, title_de, title_en, summary_de, languages, rule_kind, min_attendance_percent, status, submitted_by, created_at) \
         VALUES (gen_random_uuid(), 'sneak', 1, 'x', 'x', 'x', 'de', 'all_mandatory', 0, 'submitted', '{}', now())", s.c.t.id.uuid()))).await;
    assert!(forged.is_err(), "a tenant submits only in its own name");
    tx.rollback().await.unwrap();
    let tx = db.begin().await.unwrap();
    let deleted = tx
        .execute_raw(Statement::from_string(
            DbBackend::Postgres,
            format!("DELETE FROM course_templates WHERE id = '{}'", s.template),
        ))
        .await;
    assert!(deleted.is_err(), "no one deletes a template");
    tx.rollback().await.unwrap();
    // The operator path (no tenant) reads everything.
    let tx = db.begin().await.unwrap();
    let all = tx
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            format!(
                "SELECT COUNT(*) AS n FROM course_templates WHERE id IN ('{}', '{sub}')",
                s.template
            ),
        ))
        .await
        .unwrap();
    assert_eq!(count(all), 2);
    tx.rollback().await.unwrap();
}

const PDF: &str = "query($id: ID!) { certificatePdf(id: $id) { fileName base64 } }";

/// Runs a poppler tool (Debian's poppler-utils; `.ci/run` installs it).
pub(crate) fn poppler(tool: &str, args: &[&str]) -> Vec<u8> {
    let out = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} is needed for the PDF tests (apt-get install poppler-utils): {e}")
        });
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The QR codes on a greyscale PGM image (P5).
fn qr_codes(pgm: &[u8]) -> Vec<String> {
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = &pgm[at + 1..];
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
    img.detect_grids()
        .iter()
        .filter_map(|g| g.decode().ok().map(|(_, s)| s))
        .collect()
}

#[tokio::test]
async fn a_certificate_pdf_reads_back_and_its_qr_code_verifies() {
    use base64::Engine as _;
    let app = TestApp::spawn().await;
    let s = world(&app, 10).await;
    let tok = s.c.t.caseworker.token.clone();
    let other = app.tenant().await;
    let ids = completed(&app, &s, &["Ğülay Müller-Straß", "Zweite Person"]).await;
    let cert = ok(&app, &tok, ISSUE, json!({ "e": ids[0] })).await["issueCertificate"].clone();
    let pdf = ok(&app, &tok, PDF, json!({ "id": cert["id"] })).await["certificatePdf"].clone();
    assert_eq!(
        pdf["fileName"],
        format!(
            "Teilnahmebestaetigung-{}.pdf",
            cert["number"].as_str().unwrap()
        )
    );
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(pdf["base64"].as_str().unwrap())
        .unwrap();
    let dir = std::env::temp_dir().join(format!("ww-pdf-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("certificate.pdf");
    std::fs::write(&file, &bytes).unwrap();
    let path = file.to_str().unwrap();

    // The text: course, the name with its Ğ, ü and ß, the number, the city.
    let text = String::from_utf8(poppler("pdftotext", &["-enc", "UTF-8", path, "-"])).unwrap();
    for wanted in [
        "Qualifizierte Teilnahmebestätigung",
        "Mietführerschein Test",
        "Ğülay Müller-Straß",
        cert["number"].as_str().unwrap(),
        "Modul m_c",
        &s.c.t.name,
    ] {
        assert!(text.contains(wanted), "{wanted:?} missing from:\n{text}");
    }
    // The QR code, decoded from the rendered page, opens the verification page with
    // the credential, which verifies.
    let prefix = dir.join("page");
    poppler(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-gray",
            "-f",
            "1",
            "-l",
            "1",
            path,
            prefix.to_str().unwrap(),
        ],
    );
    let pgm = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "pgm"))
        .expect("pdftoppm wrote no page");
    let codes = qr_codes(&std::fs::read(pgm).unwrap());
    assert_eq!(codes.len(), 1, "one QR code on the page");
    let link = &codes[0];
    assert!(link.starts_with(&format!("{}/verify#", app.base)), "{link}");
    let jws = link.split_once('#').unwrap().1;
    assert_eq!(jws, cert["credential"].as_str().unwrap());
    assert_eq!(
        verdict(&app, &s.c.t.slug, jws).await.unwrap().name,
        "Ğülay Müller-Straß"
    );
    // `wohnweg verify` reads the credential attached to the PDF.
    let report = wohnweg_gateway::cli::verify_certificate(
        &String::from_utf8_lossy(&bytes),
        &Default::default(),
        &app.base,
    )
    .await
    .unwrap();
    assert!(report.outcome.is_ok(), "{report:?}");
    std::fs::remove_dir_all(&dir).ok();

    // Bad input, other cities, other carriers; a revoked certificate is not printed.
    let (code, f) = refused(&app, &tok, PDF, &json!({ "id": "x" })).await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("id"))
    );
    let (code, _) = refused(
        &app,
        &other.caseworker.token,
        PDF,
        &json!({ "id": cert["id"] }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let (code, _) = refused(&app, &s.c.cw.token, PDF, &json!({ "id": cert["id"] })).await;
    assert_eq!(code, "NOT_FOUND", "the city's run is not the carrier's");
    ok(
        &app,
        &tok,
        REVOKE,
        json!({ "id": cert["id"], "r": "ISSUED_IN_ERROR" }),
    )
    .await;
    let (code, f) = refused(&app, &tok, PDF, &json!({ "id": cert["id"] })).await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("id"))
    );
    // Printing is audited.
    let logged = app
        .tenant_rows(
            s.c.t.id,
            "SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'certificate' AND action = 'read'",
        )
        .await;
    assert_eq!(logged[0].try_get::<i64>("", "n").unwrap(), 1);
}

/// The learning reads cost a fixed number of statements whatever the number of runs,
/// sessions and participants, as the README's table says.
#[tokio::test]
async fn the_learning_reads_cost_a_fixed_number_of_statements() {
    let app = TestApp::spawn().await;
    let s = world(&app, 40).await;
    let tok = s.c.t.caseworker.token.clone();
    let h = living_in(&app, &s.c, "S-1", &s.c.shelter, false, false).await;
    let p = member(&app, &tok, &h).await;
    let e = enrol(
        &app,
        &tok,
        &s.run,
        json!({ "personId": p, "language": "ar" }),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut ids = completed(&app, &s, &["A Eins", "B Zwei", "C Drei"]).await;
    for session in &s.sessions {
        ok(
            &app,
            &tok,
            ATTEND,
            json!({ "r": s.run, "s": session, "m": present(&[&e]) }),
        )
        .await;
    }
    ids.push(e);
    for id in &ids {
        ok(&app, &tok, ISSUE, json!({ "e": id })).await;
    }
    ok(
        &app,
        &tok,
        SCHEDULE,
        json!({ "c": s.course, "i": run_input(&[(2, &["m_a"]), (3, &["m_b"])], 5, None) }),
    )
    .await;
    let pg = app.pg_admin().await.is_some();
    let reads: Vec<(&str, &str, Value)> = vec![
        ("`courseCatalogue`", CATALOGUE, json!({})),
        ("`courses`", COURSES, json!({})),
        ("`courseRuns` (with sessions and figures)", RUNS, json!({})),
        (
            "`courseRun` (participants, marks, certificates)",
            RUN,
            json!({ "id": s.run }),
        ),
        (
            "`householdCertificates`",
            HOUSEHOLD_CERTS,
            json!({ "h": h }),
        ),
        (
            "`courseEvaluation`",
            crate::course_evaluation::EVALUATION,
            json!({ "c": s.course }),
        ),
    ];
    let mut table = String::from("| read | statements |\n|---|---|\n");
    for (name, q, vars) in reads {
        ok(&app, &tok, q, vars.clone()).await;
        let before = app.db.statements();
        ok(&app, &tok, q, vars).await;
        let used = app.db.statements() - before;
        table.push_str(&format!("| {name} | {used} |\n"));
        let allowed = crate::housing_contract::readme_statements(name, pg);
        assert!(
            used <= allowed,
            "{name}: {used} statements, the README says {allowed}"
        );
    }
    eprintln!("{table}");
}

/// Matching weighs the renter's licence: a household whose member holds a valid
/// certificate earns the certificate part (10 points) in both rankings; revoked, it
/// earns nothing again.
#[tokio::test]
async fn a_valid_certificate_counts_in_matching_and_a_revoked_one_does_not() {
    let app = TestApp::spawn().await;
    let s = world(&app, 10).await;
    let tok = s.c.t.caseworker.token.clone();
    let coord = s.c.coord.token.clone();
    ok(&app, &coord, "mutation { addRentCap(input: { householdSize: 2, maxGrossColdRent: \"900\", validFrom: \"2026-01-01\" }) { id } }", json!({})).await;
    let landlord = ok(&app, &tok, "mutation { createLandlord(input: { kind: HOUSING_COMPANY, name: \"GAG\", contact: \"vermietung@gag.example\", partnerStatus: PARTNER, annualQuota: 100 }) { id } }", json!({})).await["createLandlord"]["id"].clone();
    let offer = ok(&app, &tok, "mutation($l: ID!, $d: String!) { createOffer(input: { landlordId: $l, street: \"K 5\", postalCode: \"51103\", district: \"Kalk\",
        rooms: 1.5, livingSpace: 45.0, coldRent: \"400\", serviceCharges: \"90\", heating: \"60\", deposit: \"1200\", availableFrom: $d }) { id } }",
        json!({ "l": landlord, "d": day(0) })).await["createOffer"]["id"].clone();
    let h = living_in(&app, &s.c, "M-1", &s.c.shelter, true, false).await;
    ok(&app, &tok, "mutation($h: ID!) { recordConsent(householdId: $h, input: { scope: SHARE_WITH_LANDLORDS, givenOn: \"2026-01-05\" }) { id } }", json!({ "h": h })).await;
    let part = |ranked: &Value, key: &str, id: &str| -> f64 {
        let row = ranked
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r[key] == id || r[key]["id"] == id)
            .unwrap_or_else(|| panic!("{id} not ranked: {ranked}"));
        row["explanation"]["parts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["part"] == "CERTIFICATE")
            .unwrap()["points"]
            .as_f64()
            .unwrap()
    };
    let rank_h = "query($o: ID!) { rankHouseholdsForOffer(offerId: $o, first: 50, includeExcluded: true) { householdId score explanation { parts { part points detail } } } }";
    let rank_o = "query($h: ID!) { rankOffersForHousehold(householdId: $h, first: 50, includeExcluded: true) { offer { id } score explanation { parts { part points } } } }";
    let before =
        ok(&app, &tok, rank_h, json!({ "o": offer })).await["rankHouseholdsForOffer"].clone();
    assert_eq!(part(&before, "householdId", &h), 0.0);
    let score_before = before[0]["score"].as_f64().unwrap();

    let (_, e) = member_completes(&app, &s, &h).await;
    let cert = ok(&app, &tok, ISSUE, json!({ "e": e })).await["issueCertificate"].clone();
    let after =
        ok(&app, &tok, rank_h, json!({ "o": offer })).await["rankHouseholdsForOffer"].clone();
    assert_eq!(part(&after, "householdId", &h), 10.0, "{after}");
    assert!(
        (after[0]["score"].as_f64().unwrap() - score_before - 10.0).abs() < 0.05,
        "{before} {after}"
    );
    let offers = ok(&app, &tok, rank_o, json!({ "h": h })).await["rankOffersForHousehold"].clone();
    assert_eq!(
        part(&offers, "offer", offer.as_str().unwrap()),
        10.0,
        "{offers}"
    );
    // Another city's certificate never counts here; revoked, this one counts no more.
    ok(
        &app,
        &tok,
        REVOKE,
        json!({ "id": cert["id"], "r": "ISSUED_IN_ERROR" }),
    )
    .await;
    let revoked =
        ok(&app, &tok, rank_h, json!({ "o": offer })).await["rankHouseholdsForOffer"].clone();
    assert_eq!(part(&revoked, "householdId", &h), 0.0);
}

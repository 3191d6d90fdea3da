//! Carrier programmes: a coordinator sets one up (funding, positions, targets), the
//! figures follow casework and housing (households in scope, caseload per filled FTE,
//! this year's moves against the pro-rata path), and the coordinator's worklist warns
//! of ending funding and positions, vacancies, caseloads above the limit and targets
//! behind. Bad input changes nothing; another city's ids look missing; a carrier sees
//! its own programme only and changes nothing.

use chrono::Datelike;
use serde_json::{Value, json};
use wohnweg_tests::{TestApp, day, ok, refused};

use crate::ways_out::{City, SELF_FOUND, city, living_in, self_found};

const FIELDS: &str =
    "id organisationId organisationName title startsOn endsOn caseloadLimit version
  funding { id kind name amount startsOn endsOn paysFor spent }
  positions { id title fte permanent endsOn fundingId filled since version }
  targets { year kind target actual expectedByNow behind }
  households filledFte vacantFte caseloadPerFte";

fn q(op: &str) -> String {
    op.replace("FIELDS", FIELDS)
}

const CREATE: &str = "mutation($i: ProgrammeInput!) { createProgramme(input: $i) { FIELDS } }";
const FUNDING: &str = "mutation($p: ID!, $i: FundingInput!) { addFundingSource(programmeId: $p, input: $i) { FIELDS } }";
const POSITION: &str =
    "mutation($p: ID!, $i: PositionInput!) { addPosition(programmeId: $p, input: $i) { FIELDS } }";
const FILL: &str = "mutation($id: ID!, $v: Int!, $f: Boolean!, $s: String!) { setPositionFilled(positionId: $id, version: $v, filled: $f, since: $s) { FIELDS } }";
const TARGET: &str = "mutation($p: ID!, $y: Int!, $k: TargetKind!, $t: Int!) { setProgrammeTarget(programmeId: $p, year: $y, kind: $k, target: $t) { FIELDS } }";
pub(crate) const PROGRAMMES: &str = "{ programmes { FIELDS } }";
const PROGRAMME: &str = "query($id: ID!) { programme(id: $id) { FIELDS } }";
const WARNINGS: &str =
    "{ worklist { programmeWarnings { kind programmeId organisationName subject on
  paysFor fundedPositions fte households caseloadLimit actual target expectedByNow } } }";

fn year() -> i64 {
    i64::from(chrono::Utc::now().date_naive().year())
}

async fn create(app: &TestApp, c: &City, org: &str, limit: Option<i64>) -> Value {
    ok(
        app,
        &c.coord.token,
        &q(CREATE),
        json!({ "i": { "organisationId": org, "title": "Auszugsmanagement Caritas", "startsOn": "2015-10-15", "caseloadLimit": limit } }),
    )
    .await["createProgramme"]
        .clone()
}

fn kim(ends: i64) -> Value {
    json!({ "kind": "KIM", "name": "KIM NRW", "amount": "130000.00", "startsOn": day(-600), "endsOn": day(ends), "paysFor": "die befristeten Stellen" })
}

/// A programme of the city's carrier: city budget and KIM (ending in 60 days), one
/// permanent filled position and one fixed-term vacant one funded by KIM.
async fn programme(app: &TestApp, c: &City) -> Value {
    let tok = &c.coord.token;
    let p = create(app, c, &c.carrier, Some(1)).await;
    let pid = p["id"].clone();
    ok(app, tok, &q(FUNDING), json!({ "p": pid, "i": { "kind": "CITY_BUDGET", "name": "Haushalt", "amount": "72000", "startsOn": day(-30), "endsOn": day(700), "paysFor": "die unbefristete Stelle" } })).await;
    let p = ok(app, tok, &q(FUNDING), json!({ "p": pid, "i": kim(60) })).await["addFundingSource"]
        .clone();
    let funding = |kind: &str| {
        p["funding"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["kind"] == kind)
            .unwrap()["id"]
            .clone()
    };
    ok(app, tok, &q(POSITION), json!({ "p": pid, "i": { "title": "Sozialarbeit (unbefristet)", "fte": 1.0, "permanent": true, "fundingId": funding("CITY_BUDGET"), "filled": true, "since": "2017-11-14" } })).await;
    ok(app, tok, &q(POSITION), json!({ "p": pid, "i": { "title": "Sozialarbeit (befristet)", "fte": 0.5, "permanent": false, "endsOn": day(45), "fundingId": funding("KIM"), "filled": false, "since": day(-20) } })).await["addPosition"].clone()
}

#[tokio::test]
async fn a_coordinator_sets_up_a_programme_and_its_figures_and_warnings_follow_the_work() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = c.coord.token.clone();
    let p = programme(&app, &c).await;
    let pid = p["id"].as_str().unwrap().to_owned();
    assert_eq!(p["organisationId"], c.carrier.as_str());
    assert_eq!(p["organisationName"], "Caritas");
    assert_eq!(p["caseloadLimit"], 1);
    assert_eq!(p["funding"][0]["kind"], "KIM", "by end date");
    assert_eq!(p["funding"][0]["amount"], "130000.00");
    assert_eq!(p["positions"].as_array().unwrap().len(), 2);
    assert_eq!(
        (p["filledFte"].as_f64(), p["vacantFte"].as_f64()),
        (Some(1.0), Some(0.5))
    );
    assert_eq!(p["households"], 0);
    assert_eq!(p["caseloadPerFte"], 0.0);

    // Two households assigned to the carrier, one of them moved out this year.
    let h1 = living_in(&app, &c, "PR-1", &c.shelter, true, true).await;
    living_in(&app, &c, "PR-2", &c.shelter, true, true).await;
    living_in(&app, &c, "PR-3", &c.shelter, true, false).await;
    ok(
        &app,
        &c.t.caseworker.token,
        SELF_FOUND,
        json!({ "h": h1, "i": self_found("Wald") }),
    )
    .await;
    ok(
        &app,
        &tok,
        &q(TARGET),
        json!({ "p": pid, "y": year(), "k": "MOVE_OUTS", "t": 50 }),
    )
    .await;
    let p = ok(
        &app,
        &tok,
        &q(TARGET),
        json!({ "p": pid, "y": year(), "k": "MOVE_OUTS", "t": 365 }),
    )
    .await["setProgrammeTarget"]
        .clone();
    let targets = p["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 1, "setting a target again replaces it: {p}");
    let t = &targets[0];
    assert_eq!(
        (t["target"].as_i64(), t["actual"].as_i64()),
        (Some(365), Some(1))
    );
    let ordinal = i64::from(chrono::Utc::now().date_naive().ordinal());
    let days = if chrono::NaiveDate::from_ymd_opt(i32::try_from(year()).unwrap(), 2, 29).is_some() {
        366
    } else {
        365
    };
    assert_eq!(t["expectedByNow"].as_i64(), Some(365 * ordinal / days));
    assert_eq!(t["behind"], ordinal > 1);
    // The moved-out household stays in the caseload (aftercare); the third is not the
    // carrier's.
    assert_eq!(p["households"], 2);
    assert_eq!(p["caseloadPerFte"], 2.0);

    // The coordinator's worklist.
    let w = ok(&app, &tok, WARNINGS, json!({})).await["worklist"]["programmeWarnings"].clone();
    let kinds: Vec<&str> = w
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["kind"].as_str().unwrap())
        .collect();
    let mut expected = vec![
        "POSITION_VACANT",
        "POSITION_ENDING",
        "FUNDING_ENDING",
        "CASELOAD_ABOVE_LIMIT",
    ];
    if ordinal > 1 {
        expected.push("TARGET_BEHIND");
    }
    assert_eq!(kinds, expected, "{w}");
    let funding = &w[2];
    assert_eq!(funding["subject"], "KIM NRW");
    assert_eq!(funding["on"], day(60).as_str());
    assert_eq!(funding["paysFor"], "die befristeten Stellen");
    assert_eq!(
        funding["fundedPositions"],
        json!(["Sozialarbeit (befristet)"])
    );
    assert_eq!(funding["organisationName"], "Caritas");
    assert_eq!(w[0]["on"], day(-20).as_str());
    assert_eq!(w[1]["fte"], 0.5);
    assert_eq!(
        (w[3]["households"].as_i64(), w[3]["caseloadLimit"].as_i64()),
        (Some(2), Some(1))
    );
    // Others' worklists carry no programme warnings.
    let none = ok(&app, &c.t.caseworker.token, WARNINGS, json!({})).await;
    assert_eq!(none["worklist"]["programmeWarnings"], json!([]));

    // The carrier's report shows today's staffing from the positions' history.
    let staffing = |r: &Value| {
        let f = printed(&r["programmeReport"]);
        (
            f["staffing.filled_fte"].clone(),
            f["staffing.vacant_fte"].clone(),
        )
    };
    let before_fill = ok(
        &app,
        &tok,
        REPORT,
        json!({ "f": day(-1), "t": day(0), "o": c.carrier }),
    )
    .await;
    assert_eq!(staffing(&before_fill), ("1".to_owned(), "0,5".to_owned()));
    // The vacancy is filled: its warning goes; a stale version is refused.
    let vacant = p["positions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["filled"] == false)
        .unwrap()
        .clone();
    let p = ok(
        &app,
        &tok,
        &q(FILL),
        json!({ "id": vacant["id"], "v": vacant["version"], "f": true, "s": day(0) }),
    )
    .await["setPositionFilled"]
        .clone();
    assert_eq!(p["filledFte"], 1.5);
    assert_eq!(
        p["caseloadPerFte"].as_f64().map(|c| (c * 1000.0).round()),
        Some(1333.0)
    );
    let (code, _) = refused(
        &app,
        &tok,
        &q(FILL),
        &json!({ "id": vacant["id"], "v": vacant["version"], "f": false, "s": day(0) }),
    )
    .await;
    assert_eq!(code, "CONFLICT");
    let w = ok(&app, &tok, WARNINGS, json!({})).await["worklist"]["programmeWarnings"].clone();
    assert!(
        w.as_array()
            .unwrap()
            .iter()
            .all(|w| w["kind"] != "POSITION_VACANT"),
        "{w}"
    );
    let after_fill = ok(
        &app,
        &tok,
        REPORT,
        json!({ "f": day(-1), "t": day(0), "o": c.carrier }),
    )
    .await;
    assert_eq!(staffing(&after_fill), ("1,5".to_owned(), "0".to_owned()));
    // Yesterday's staffing stays as it was.
    let yesterday = ok(
        &app,
        &tok,
        REPORT,
        json!({ "f": day(-2), "t": day(-1), "o": c.carrier }),
    )
    .await;
    assert_eq!(staffing(&yesterday), ("1".to_owned(), "0,5".to_owned()));

    // The list and the single read agree.
    let list = ok(&app, &tok, &q(PROGRAMMES), json!({})).await["programmes"].clone();
    let one = ok(&app, &tok, &q(PROGRAMME), json!({ "id": pid })).await["programme"].clone();
    assert_eq!(list, json!([one]));
}

#[tokio::test]
async fn bad_programme_input_is_refused_by_field_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = c.coord.token.clone();
    let p = programme(&app, &c).await;
    let pid = p["id"].clone();
    let before = ok(&app, &tok, &q(PROGRAMMES), json!({})).await;
    let other = create(&app, &c, &c.t.department.to_string(), None).await;
    let foreign_funding = ok(
        &app,
        &tok,
        &q(FUNDING),
        json!({ "p": other["id"], "i": kim(10) }),
    )
    .await["addFundingSource"]["funding"][0]["id"]
        .clone();
    let before_other = ok(&app, &tok, &q(PROGRAMME), json!({ "id": other["id"] })).await;
    let org = c.carrier.clone();
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            CREATE,
            json!({ "i": { "organisationId": "x", "title": "T", "startsOn": "2020-01-01" } }),
            "input.organisationId",
        ),
        (
            CREATE,
            json!({ "i": { "organisationId": org, "title": " ", "startsOn": "2020-01-01" } }),
            "input.title",
        ),
        (
            CREATE,
            json!({ "i": { "organisationId": org, "title": "T", "startsOn": "2020-01-01", "endsOn": "2019-12-31" } }),
            "input.endsOn",
        ),
        (
            CREATE,
            json!({ "i": { "organisationId": org, "title": "T", "startsOn": "2020-01-01", "caseloadLimit": 0 } }),
            "input.caseloadLimit",
        ),
        (
            FUNDING,
            json!({ "p": pid, "i": { "kind": "KIM", "name": "K", "amount": "12,345.678", "startsOn": "2020-01-01", "endsOn": "2021-01-01", "paysFor": "x" } }),
            "input.amount",
        ),
        (
            FUNDING,
            json!({ "p": pid, "i": { "kind": "KIM", "name": "K", "amount": "20000001", "startsOn": "2020-01-01", "endsOn": "2021-01-01", "paysFor": "x" } }),
            "input.amount",
        ),
        (
            FUNDING,
            json!({ "p": pid, "i": { "kind": "KIM", "name": "K", "amount": "1", "startsOn": "2021-01-01", "endsOn": "2020-01-01", "paysFor": "x" } }),
            "input.endsOn",
        ),
        (FUNDING, json!({ "p": "nope", "i": kim(10) }), "programmeId"),
        (
            POSITION,
            json!({ "p": pid, "i": { "title": "S", "fte": 0.0, "permanent": true, "filled": true, "since": "2020-01-01" } }),
            "input.fte",
        ),
        (
            POSITION,
            json!({ "p": pid, "i": { "title": "S", "fte": 0.333, "permanent": true, "filled": true, "since": "2020-01-01" } }),
            "input.fte",
        ),
        (
            POSITION,
            json!({ "p": pid, "i": { "title": "S", "fte": 1.0, "permanent": true, "endsOn": "2030-01-01", "filled": true, "since": "2020-01-01" } }),
            "input.endsOn",
        ),
        (
            POSITION,
            json!({ "p": pid, "i": { "title": "S", "fte": 1.0, "permanent": false, "filled": true, "since": "2020-01-01" } }),
            "input.endsOn",
        ),
        (
            POSITION,
            json!({ "p": pid, "i": { "title": "S", "fte": 1.0, "permanent": true, "fundingId": foreign_funding, "filled": true, "since": "2020-01-01" } }),
            "input.fundingId",
        ),
        (
            FILL,
            json!({ "id": p["positions"][1]["id"], "v": 1, "f": true, "s": "2000-01-01" }),
            "since",
        ),
        (
            FILL,
            json!({ "id": "x", "v": 1, "f": true, "s": "2030-01-01" }),
            "positionId",
        ),
        (
            FILL,
            json!({ "id": p["positions"][1]["id"], "v": 1, "f": true, "s": "2205-01-01" }),
            "since",
        ),
        (
            POSITION,
            json!({ "p": pid, "i": { "title": "S", "fte": 1.0, "permanent": false, "endsOn": "2019-12-31", "filled": true, "since": "2020-01-01" } }),
            "input.endsOn",
        ),
        (
            POSITION,
            json!({ "p": pid, "i": { "title": "S", "fte": 1.0, "permanent": true, "filled": true, "since": "2205-01-01" } }),
            "input.since",
        ),
        (
            TARGET,
            json!({ "p": pid, "y": 1999, "k": "MOVE_OUTS", "t": 3 }),
            "year",
        ),
        (
            TARGET,
            json!({ "p": pid, "y": 2026, "k": "MOVE_OUTS", "t": -1 }),
            "target",
        ),
        (PROGRAMME, json!({ "id": "nope" }), "id"),
    ];
    for (op, vars, field) in cases {
        let (code, f) = refused(&app, &tok, &q(op), &vars).await;
        assert_eq!(
            (code.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field)),
            "{op} {vars}"
        );
    }
    let programmes = ok(&app, &tok, &q(PROGRAMMES), json!({})).await["programmes"].clone();
    assert_eq!(
        programmes.as_array().unwrap().len(),
        2,
        "nothing was created"
    );
    let after = programmes
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == pid)
        .unwrap()
        .clone();
    assert_eq!(after, before["programmes"][0], "nothing changed");
    assert_eq!(
        ok(&app, &tok, &q(PROGRAMME), json!({ "id": other["id"] })).await,
        before_other
    );
}

#[tokio::test]
async fn programmes_stay_in_their_city_and_a_carrier_reads_only_its_own() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let them = city(&app).await;
    let p = programme(&app, &c).await;
    let pid = p["id"].clone();
    let position = p["positions"][0].clone();
    let department = create(&app, &c, &c.t.department.to_string(), None).await;

    // Another city: every id of this one looks missing, and its lists stay apart.
    let tok = them.coord.token.clone();
    let missing: Vec<(&str, Value)> = vec![
        (PROGRAMME, json!({ "id": pid })),
        (FUNDING, json!({ "p": pid, "i": kim(10) })),
        (
            POSITION,
            json!({ "p": pid, "i": { "title": "S", "fte": 1.0, "permanent": true, "filled": true, "since": "2020-01-01" } }),
        ),
        (
            FILL,
            json!({ "id": position["id"], "v": position["version"], "f": false, "s": day(0) }),
        ),
        (
            TARGET,
            json!({ "p": pid, "y": year(), "k": "MOVE_OUTS", "t": 3 }),
        ),
        (
            CREATE,
            json!({ "i": { "organisationId": c.carrier, "title": "T", "startsOn": "2020-01-01" } }),
        ),
    ];
    for (op, vars) in &missing {
        let (code, _) = refused(&app, &tok, &q(op), vars).await;
        assert_eq!(code, "NOT_FOUND", "{op}");
    }
    assert_eq!(
        ok(&app, &tok, &q(PROGRAMMES), json!({})).await["programmes"],
        json!([])
    );
    assert_eq!(
        ok(&app, &tok, WARNINGS, json!({})).await["worklist"]["programmeWarnings"],
        json!([])
    );
    // Their own programme for their own carrier works, and ours does not see it.
    create(&app, &them, &them.carrier, None).await;
    assert_eq!(
        ok(&app, &c.coord.token, &q(PROGRAMMES), json!({})).await["programmes"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // The carrier's caseworker reads its own programme, not the city department's.
    let cw = c.cw.token.clone();
    let mine = ok(&app, &cw, &q(PROGRAMMES), json!({})).await["programmes"].clone();
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["id"], pid);
    let (code, _) = refused(&app, &cw, &q(PROGRAMME), &json!({ "id": department["id"] })).await;
    assert_eq!(code, "NOT_FOUND");
    // … and changes nothing; neither does a city caseworker.
    // (The first of `missing` is a read, which both may make.)
    for token in [&cw, &c.t.caseworker.token] {
        for (op, vars) in missing.iter().skip(1) {
            let (code, _) = refused(&app, token, &q(op), vars).await;
            assert_eq!(code, "FORBIDDEN", "{op}");
        }
    }
    assert_eq!(
        ok(&app, &cw, WARNINGS, json!({})).await["worklist"]["programmeWarnings"],
        json!([])
    );
    let unchanged =
        ok(&app, &c.coord.token, &q(PROGRAMME), json!({ "id": pid })).await["programme"].clone();
    assert_eq!(unchanged["positions"], p["positions"]);
    assert_eq!(unchanged["funding"], p["funding"]);
}

#[tokio::test]
async fn the_programmes_read_costs_a_fixed_number_of_statements() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    for _ in 0..3 {
        programme(&app, &c).await;
    }
    let pg = app.pg_admin().await.is_some();
    let name = "`programmes` (funding, positions, targets, figures)";
    let q = q(PROGRAMMES);
    ok(&app, &c.coord.token, &q, json!({})).await;
    let before = app.db.statements();
    ok(&app, &c.coord.token, &q, json!({})).await;
    let used = app.db.statements() - before;
    eprintln!("| {name} | {used} |");
    let allowed = crate::housing_contract::readme_statements(name, pg);
    assert!(
        used <= allowed,
        "{name}: {used} statements, the README says {allowed}"
    );
}

pub(crate) const REPORT: &str = "query($f: String!, $t: String!, $o: ID, $c: DateTime) { programmeReport(from: $f, to: $t, organisationId: $o, cutOff: $c) {
  from to cutOff scopeName carrierLevel csv csvSemicolon sections { key title figures { key label display count of suppressed } } } }";

/// Every figure of a report as printed, by key.
fn printed(r: &Value) -> std::collections::BTreeMap<String, String> {
    r["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["figures"].as_array().unwrap().iter())
        .map(|f| {
            (
                f["key"].as_str().unwrap().to_owned(),
                f["display"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_report_counts_the_period_from_history_for_the_city_and_each_carrier() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = c.coord.token.clone();
    let h1 = living_in(&app, &c, "RP-1", &c.shelter, true, true).await;
    let h2 = living_in(&app, &c, "RP-2", &c.shelter, true, true).await;
    living_in(&app, &c, "RP-3", &c.shelter, true, false).await;
    ok(
        &app,
        &c.t.caseworker.token,
        SELF_FOUND,
        json!({ "h": h1, "i": self_found("Wald") }),
    )
    .await;
    let cut_off = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    let period = |o: Option<&str>| json!({ "f": day(-7), "t": day(0), "o": o, "c": cut_off });

    let city_report = ok(&app, &tok, REPORT, period(None)).await["programmeReport"].clone();
    assert_eq!(city_report["carrierLevel"], false);
    assert_eq!(city_report["from"], day(-7).as_str());
    let f = printed(&city_report);
    assert_eq!(f["intakes.households"], "3");
    assert_eq!(f["intakes.persons"], "6");
    assert_eq!(f["moves.households"], "1");
    assert_eq!(f["moves.persons"], "2");
    assert_eq!(f["moves.self_found"], "1");
    let states: i64 = f
        .iter()
        .filter(|(k, _)| k.starts_with("state.") && k.ends_with(".households"))
        .map(|(_, v)| v.parse::<i64>().unwrap())
        .sum();
    assert_eq!(
        states, 3,
        "every household has one state at the period's end: {f:?}"
    );

    // The carrier's report: its two households, small cells withheld.
    let carrier = ok(&app, &tok, REPORT, period(Some(&c.carrier))).await["programmeReport"].clone();
    assert_eq!(carrier["carrierLevel"], true);
    assert_eq!(carrier["scopeName"], "Caritas");
    let f = printed(&carrier);
    assert_eq!(f["intakes.households"], "<3");
    assert_eq!(f["intakes.persons"], "4");
    assert_eq!(f["moves.households"], "<3");
    let withheld = &carrier["sections"][1]["figures"][0];
    assert_eq!(
        (
            withheld["count"].is_null(),
            withheld["suppressed"].as_bool()
        ),
        (true, Some(true))
    );
    // Its own caseworker reads it; not the joint report, not another organisation's.
    let own =
        ok(&app, &c.cw.token, REPORT, period(Some(&c.carrier))).await["programmeReport"].clone();
    assert_eq!(own, carrier);
    let (code, _) = refused(&app, &c.cw.token, REPORT, &period(None)).await;
    assert_eq!(code, "FORBIDDEN");
    let (code, _) = refused(
        &app,
        &c.cw.token,
        REPORT,
        &period(Some(&c.t.department.to_string())),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");

    // The same period and cut-off give the same report after the cases move on.
    ok(
        &app,
        &c.t.caseworker.token,
        SELF_FOUND,
        json!({ "h": h2, "i": self_found("Ohligs") }),
    )
    .await;
    let again = ok(&app, &tok, REPORT, period(None)).await["programmeReport"].clone();
    assert_eq!(again, city_report);
    let now = ok(&app, &tok, REPORT, json!({ "f": day(-7), "t": day(0) })).await["programmeReport"]
        .clone();
    assert_eq!(
        printed(&now)["moves.households"],
        "2",
        "a later cut-off sees the new move"
    );

    // The CSV reads back to the same figures, in both dialects.
    for (field, sep) in [("csv", b','), ("csvSemicolon", b';')] {
        let text = city_report[field].as_str().unwrap();
        let mut rd = csv::ReaderBuilder::new()
            .delimiter(sep)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
        assert_eq!(&rows[0][1], day(-7).as_str());
        let back: std::collections::BTreeMap<String, String> = rows[3..]
            .iter()
            .map(|r| (r[1].to_owned(), r[3].to_owned()))
            .collect();
        assert_eq!(back, printed(&city_report), "{field}");
    }

    // Bad input is refused by field.
    for (vars, field) in [
        (json!({ "f": day(0), "t": day(-1) }), "to"),
        (
            json!({ "f": day(-1), "t": day(0), "o": "x" }),
            "organisationId",
        ),
        (
            json!({ "f": day(-1), "t": day(0), "c": "2999-01-01T00:00:00Z" }),
            "cutOff",
        ),
    ] {
        let (code, f) = refused(&app, &tok, REPORT, &vars).await;
        assert_eq!(
            (code.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field)),
            "{vars}"
        );
    }

    // Another city: this city's carrier looks missing; its own report counts none of ours.
    let them = city(&app).await;
    let (code, _) = refused(&app, &them.coord.token, REPORT, &period(Some(&c.carrier))).await;
    assert_eq!(code, "NOT_FOUND");
    let theirs = ok(
        &app,
        &them.coord.token,
        REPORT,
        json!({ "f": day(-7), "t": day(0) }),
    )
    .await["programmeReport"]
        .clone();
    assert_eq!(printed(&theirs)["intakes.households"], "0");
    assert_eq!(printed(&theirs)["moves.households"], "0");
}

#[tokio::test]
async fn the_report_read_costs_a_fixed_number_of_statements() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    for n in 0..3 {
        living_in(&app, &c, &format!("RS-{n}"), &c.shelter, true, true).await;
    }
    let pg = app.pg_admin().await.is_some();
    let name = "`programmeReport`";
    let vars = json!({ "f": day(-30), "t": day(0), "o": c.carrier });
    ok(&app, &c.coord.token, REPORT, vars.clone()).await;
    let before = app.db.statements();
    ok(&app, &c.coord.token, REPORT, vars).await;
    let used = app.db.statements() - before;
    eprintln!("| {name} | {used} |");
    let allowed = crate::housing_contract::readme_statements(name, pg);
    assert!(
        used <= allowed,
        "{name}: {used} statements, the README says {allowed}"
    );
}

const REPORT_PDF: &str = "query($f: String!, $t: String!, $o: ID, $c: DateTime) { programmeReportPdf(from: $f, to: $t, organisationId: $o, cutOff: $c) { fileName base64 } }";

/// The PDF states the period, the cut-off and every figure of the report as printed
/// (read back with pdftotext), for the city and for a carrier with withheld cells.
#[tokio::test]
async fn the_report_pdf_carries_every_figure_of_the_report() {
    use base64::Engine as _;
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = c.coord.token.clone();
    let h = living_in(&app, &c, "PDF-1", &c.shelter, true, true).await;
    living_in(&app, &c, "PDF-2", &c.shelter, true, false).await;
    ok(
        &app,
        &c.t.caseworker.token,
        SELF_FOUND,
        json!({ "h": h, "i": self_found("Wald") }),
    )
    .await;
    let cut_off = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    for org in [None, Some(c.carrier.as_str())] {
        let vars = json!({ "f": day(-30), "t": day(0), "o": org, "c": cut_off });
        let report = ok(&app, &tok, REPORT, vars.clone()).await["programmeReport"].clone();
        let pdf = ok(&app, &tok, REPORT_PDF, vars).await["programmeReportPdf"].clone();
        let name = pdf["fileName"].as_str().unwrap();
        assert!(
            name.starts_with("Bericht-") && name.ends_with(&format!("{}.pdf", day(0))),
            "{name}"
        );
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(pdf["base64"].as_str().unwrap())
            .unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let dir = std::env::temp_dir().join(format!("ww-report-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("report.pdf");
        std::fs::write(&path, &bytes).unwrap();
        let text = String::from_utf8(crate::learning::poppler(
            "pdftotext",
            &["-enc", "UTF-8", "-layout", path.to_str().unwrap(), "-"],
        ))
        .unwrap();
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let from = chrono::NaiveDate::parse_from_str(&day(-30), "%Y-%m-%d").unwrap();
        assert!(
            flat.contains(&format!("Zeitraum: {} bis", from.format("%d.%m.%Y"))),
            "{flat}"
        );
        assert!(flat.contains("Datenstand:"));
        for s in report["sections"].as_array().unwrap() {
            assert!(
                flat.contains(s["title"].as_str().unwrap()),
                "{}",
                s["title"]
            );
            for f in s["figures"].as_array().unwrap() {
                let line = format!(
                    "{} {}",
                    f["label"].as_str().unwrap(),
                    f["display"].as_str().unwrap()
                );
                assert!(flat.contains(&line), "the PDF lacks “{line}”:\n{text}");
            }
        }
        if org.is_some() {
            assert!(flat.contains("<3"), "a carrier's small cells print as <3");
        }
        std::fs::remove_dir_all(&dir).ok();
    }
    // The same refusals as the report's.
    let (code, field) = refused(
        &app,
        &tok,
        REPORT_PDF,
        &json!({ "f": day(0), "t": day(-1) }),
    )
    .await;
    assert_eq!(
        (code.as_str(), field.as_deref()),
        ("BAD_USER_INPUT", Some("to"))
    );
    let (code, _) = refused(
        &app,
        &c.cw.token,
        REPORT_PDF,
        &json!({ "f": day(-1), "t": day(0) }),
    )
    .await;
    assert_eq!(code, "FORBIDDEN", "the joint report is the city's");
    let them = city(&app).await;
    let (code, _) = refused(
        &app,
        &them.coord.token,
        REPORT_PDF,
        &json!({ "f": day(-1), "t": day(0), "o": c.carrier }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
}

const DASHBOARD: &str = "query($n: Int!) { cityDashboard(quarters: $n) { label from to intakes moves followups returns completions } }";

/// The dashboard's quarters end with the running one (counted to today) and count
/// what the joint report for that quarter counts; carriers have none; another city's
/// households never show.
#[tokio::test]
async fn the_city_dashboard_counts_each_quarter_like_its_report() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = c.coord.token.clone();
    let h = living_in(&app, &c, "DB-1", &c.shelter, true, true).await;
    living_in(&app, &c, "DB-2", &c.shelter, true, false).await;
    ok(
        &app,
        &c.t.caseworker.token,
        SELF_FOUND,
        json!({ "h": h, "i": self_found("Wald") }),
    )
    .await;
    let q = ok(&app, &tok, DASHBOARD, json!({ "n": 8 })).await["cityDashboard"].clone();
    let q = q.as_array().unwrap();
    assert_eq!(q.len(), 8);
    let now = q.last().unwrap();
    assert_eq!(now["to"], day(0).as_str());
    assert_eq!(
        (now["intakes"].as_i64(), now["moves"].as_i64()),
        (Some(2), Some(1))
    );
    assert!(
        q[..7].iter().all(|x| x["intakes"] == 0 && x["moves"] == 0),
        "{q:?}"
    );
    let report = ok(
        &app,
        &tok,
        REPORT,
        json!({ "f": now["from"], "t": now["to"] }),
    )
    .await["programmeReport"]
        .clone();
    assert_eq!(printed(&report)["intakes.households"], "2");
    // A city caseworker sees it too; a carrier's caseworker does not.
    ok(&app, &c.t.caseworker.token, DASHBOARD, json!({ "n": 2 })).await;
    let (code, _) = refused(&app, &c.cw.token, DASHBOARD, &json!({ "n": 2 })).await;
    assert_eq!(code, "FORBIDDEN");
    for n in [0, 21] {
        let (code, field) = refused(&app, &tok, DASHBOARD, &json!({ "n": n })).await;
        assert_eq!(
            (code.as_str(), field.as_deref()),
            ("BAD_USER_INPUT", Some("quarters"))
        );
    }
    let them = city(&app).await;
    let theirs =
        ok(&app, &them.coord.token, DASHBOARD, json!({ "n": 1 })).await["cityDashboard"].clone();
    assert_eq!(
        (theirs[0]["intakes"].as_i64(), theirs[0]["moves"].as_i64()),
        (Some(0), Some(0))
    );
}

const RELEASE: &str = "mutation($f: String!, $t: String!, $c: DateTime!) { releaseJointReport(from: $f, to: $t, cutOff: $c) { id from to cutOff releasedAt } }";
const RELEASED: &str = "{ releasedReports { id from to cutOff releasedAt } }";

/// The joint report is the city's until its coordinator releases it: then a carrier
/// reads exactly the released report (period and cut-off), no other; releases stay in
/// their city.
#[tokio::test]
async fn a_released_joint_report_reaches_the_carriers_as_released() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = c.coord.token.clone();
    let h = living_in(&app, &c, "RL-1", &c.shelter, true, true).await;
    let cut_off = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let joint = json!({ "f": day(-30), "t": day(0), "c": cut_off });
    let (code, _) = refused(&app, &c.cw.token, REPORT, &joint).await;
    assert_eq!(code, "FORBIDDEN", "not yet released");
    // Only the coordinator releases.
    for token in [&c.cw.token, &c.t.caseworker.token] {
        let (code, _) = refused(&app, token, RELEASE, &joint).await;
        assert_eq!(code, "FORBIDDEN");
    }
    let r = ok(&app, &tok, RELEASE, joint.clone()).await["releaseJointReport"].clone();
    assert_eq!(r["from"], day(-30).as_str());
    let (code, _) = refused(&app, &tok, RELEASE, &joint).await;
    assert_eq!(code, "CONFLICT", "released once");
    // The carrier finds it in the list and reads it with the released cut-off.
    let list = ok(&app, &c.cw.token, RELEASED, json!({})).await["releasedReports"].clone();
    assert_eq!(list, json!([r]));
    let as_released = json!({ "f": list[0]["from"], "t": list[0]["to"], "c": list[0]["cutOff"] });
    let theirs =
        ok(&app, &c.cw.token, REPORT, as_released.clone()).await["programmeReport"].clone();
    let city_view = ok(&app, &tok, REPORT, as_released).await["programmeReport"].clone();
    assert_eq!(theirs, city_view);
    assert_eq!(printed(&theirs)["intakes.households"], "1");
    assert_eq!(printed(&theirs)["intakes.persons"], "2");
    // Members count as the household has them today, so a member added since changes
    // a live report of the same cut-off — but not the released one, which keeps the
    // figures it was released with.
    ok(&app, &c.t.caseworker.token, "mutation($h: ID!) { addPerson(householdId: $h, input: { givenName: \"Neu\", familyName: \"B\", relation: CHILD,
        residenceStatus: RECOGNISED_REFUGEE, benefitFramework: SGB2, languageLevel: A0, occupation: CHILD }) { id } }", json!({ "h": h })).await;
    let live = ok(
        &app,
        &tok,
        REPORT,
        json!({ "f": day(-29), "t": day(0), "c": cut_off }),
    )
    .await["programmeReport"]
        .clone();
    assert_eq!(printed(&live)["intakes.persons"], "3");
    let at = json!({ "f": list[0]["from"], "t": list[0]["to"], "c": list[0]["cutOff"] });
    for token in [&c.cw.token, &tok] {
        let kept = ok(&app, token, REPORT, at.clone()).await["programmeReport"].clone();
        assert_eq!(kept, theirs, "the released figures stay");
    }
    const STAMP: &str = "query($f: String!, $t: String!, $c: DateTime) { programmeReport(from: $f, to: $t, cutOff: $c) { releasedAt } }";
    let stamp = ok(&app, &c.cw.token, STAMP, at).await;
    assert_eq!(stamp["programmeReport"]["releasedAt"], r["releasedAt"]);
    let unreleased = ok(
        &app,
        &tok,
        STAMP,
        json!({ "f": day(-29), "t": day(0), "c": cut_off }),
    )
    .await;
    assert_eq!(unreleased["programmeReport"]["releasedAt"], Value::Null);
    // Any other cut-off or period stays the city's.
    let (code, _) = refused(
        &app,
        &c.cw.token,
        REPORT,
        &json!({ "f": day(-30), "t": day(0) }),
    )
    .await;
    assert_eq!(code, "FORBIDDEN");
    let (code, _) = refused(
        &app,
        &c.cw.token,
        REPORT,
        &json!({ "f": day(-29), "t": day(0), "c": cut_off }),
    )
    .await;
    assert_eq!(code, "FORBIDDEN");
    // Bad input changes nothing.
    for (vars, field) in [
        (json!({ "f": day(0), "t": day(-1), "c": cut_off }), "to"),
        (
            json!({ "f": day(-1), "t": day(0), "c": "2999-01-01T00:00:00Z" }),
            "cutOff",
        ),
    ] {
        let (code, f) = refused(&app, &tok, RELEASE, &vars).await;
        assert_eq!(
            (code.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field))
        );
    }
    assert_eq!(
        ok(&app, &tok, RELEASED, json!({})).await["releasedReports"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // Another city sees no release of ours, and its carrier cannot read our report.
    let them = city(&app).await;
    assert_eq!(
        ok(&app, &them.coord.token, RELEASED, json!({})).await["releasedReports"],
        json!([])
    );
    let (code, _) = refused(
        &app,
        &them.cw.token,
        REPORT,
        &json!({ "f": day(-30), "t": day(0), "c": cut_off }),
    )
    .await;
    assert_eq!(code, "FORBIDDEN");
}

const SPEND: &str = "mutation($f: ID!, $a: Decimal!, $d: String!, $n: String!) { recordFundingSpending(fundingId: $f, amount: $a, spentOn: $d, note: $n) { id funding { id kind amount spent } } }";

/// A funding source books what it paid out within its term, never more than its
/// amount; the report counts it in the period; only the city's coordinator books,
/// and another city's source looks missing.
#[tokio::test]
async fn spending_is_booked_against_a_funding_source_and_reported_by_period() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = c.coord.token.clone();
    let p = programme(&app, &c).await;
    let kim = p["funding"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "KIM")
        .unwrap()["id"]
        .clone();
    let booked = ok(
        &app,
        &tok,
        SPEND,
        json!({ "f": kim, "a": "30000", "d": day(-10), "n": "Personalkosten Oktober" }),
    )
    .await["recordFundingSpending"]
        .clone();
    let f = booked["funding"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == kim)
        .unwrap()
        .clone();
    assert_eq!(f["spent"], "30000.00");
    ok(
        &app,
        &tok,
        SPEND,
        json!({ "f": kim, "a": "100000", "d": day(-2), "n": "Personalkosten November" }),
    )
    .await;
    // The report: the KIM source runs in the period; 130 000 € paid out.
    let r = ok(
        &app,
        &tok,
        REPORT,
        json!({ "f": day(-30), "t": day(0), "o": c.carrier }),
    )
    .await["programmeReport"]
        .clone();
    let figures = printed(&r);
    assert_eq!(figures["funding.kim.amount"], "130.000,00 €");
    assert_eq!(figures["funding.kim.used_in_period"], "130.000,00 €");
    let earlier = ok(
        &app,
        &tok,
        REPORT,
        json!({ "f": day(-30), "t": day(-5), "o": c.carrier }),
    )
    .await["programmeReport"]
        .clone();
    assert_eq!(printed(&earlier)["funding.kim.used_to_end"], "30.000,00 €");
    // Bad input changes nothing.
    for (vars, field) in [
        (
            json!({ "f": kim, "a": "0.01", "d": day(-1), "n": "x" }),
            "amount",
        ),
        (
            json!({ "f": kim, "a": "0", "d": day(-1), "n": "x" }),
            "amount",
        ),
        (
            json!({ "f": kim, "a": "12,345", "d": day(-1), "n": "x" }),
            "amount",
        ),
        (
            json!({ "f": kim, "a": "10", "d": day(61), "n": "x" }),
            "spentOn",
        ),
        (
            json!({ "f": kim, "a": "10", "d": day(-1), "n": " " }),
            "note",
        ),
        (
            json!({ "f": "nope", "a": "10", "d": day(-1), "n": "x" }),
            "fundingId",
        ),
    ] {
        let (code, f) = refused(&app, &tok, SPEND, &vars).await;
        assert_eq!(
            (code.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field)),
            "{vars}"
        );
    }
    let after = ok(&app, &tok, &q(PROGRAMME), json!({ "id": p["id"] })).await["programme"].clone();
    let f = after["funding"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == kim)
        .unwrap()
        .clone();
    assert_eq!(
        f["spent"], "130000.00",
        "the refused bookings changed nothing"
    );
    // Only the coordinator books; another city's coordinator finds no such source.
    let vars = json!({ "f": kim, "a": "1", "d": day(-1), "n": "x" });
    for token in [&c.cw.token, &c.t.caseworker.token] {
        let (code, _) = refused(&app, token, SPEND, &vars).await;
        assert_eq!(code, "FORBIDDEN");
    }
    let them = city(&app).await;
    let (code, _) = refused(&app, &them.coord.token, SPEND, &vars).await;
    assert_eq!(code, "NOT_FOUND");
}

const NEW_OFFER: &str = "mutation($l: ID!, $c: OfferChannel, $d: String!) { createOffer(input: { landlordId: $l, street: \"Weg 1\", postalCode: \"50667\", district: \"Nippes\",
  rooms: 2.0, livingSpace: 50.0, coldRent: \"400\", serviceCharges: \"90\", heating: \"60\", deposit: \"1200\", availableFrom: $d, channel: $c }) { id channel version } }";

/// Offers are counted by the channel they came through: the city's report counts those
/// taken in during the period (the public form's as such, those without a channel as
/// "not recorded"); a carrier's counts those proposed to its households. A change
/// that leaves the channel out keeps it; an unknown channel is refused; another city
/// counts none of ours.
#[tokio::test]
async fn offers_are_counted_by_the_channel_they_came_through() {
    let app = TestApp::spawn_with(|c| c.public_form.min_fill_seconds = 0).await;
    let c = city(&app).await;
    let tok = c.t.caseworker.token.clone();
    let landlord = ok(&app, &tok, "mutation { createLandlord(input: { kind: HOUSING_COMPANY, name: \"GAG\", partnerStatus: PARTNER, annualQuota: 100 }) { id } }", json!({})).await["createLandlord"]["id"].clone();
    let new = |channel: Option<&'static str>| {
        let (app, tok, landlord) = (&app, tok.clone(), landlord.clone());
        async move {
            ok(
                app,
                &tok,
                NEW_OFFER,
                json!({ "l": landlord, "c": channel, "d": day(0) }),
            )
            .await["createOffer"]
                .clone()
        }
    };
    let company = new(Some("PARTNER_COMPANY")).await;
    assert_eq!(company["channel"], "PARTNER_COMPANY");
    let carrier = new(Some("CARRIER")).await;
    let unknown = new(None).await;
    assert_eq!(unknown["channel"], Value::Null);
    let pf = crate::public_form::token(&app, &c.t.slug).await;
    let (status, body) =
        crate::public_form::post(&app, &c.t.slug, &crate::public_form::form(&pf)).await;
    assert!(status.is_success(), "{body}");

    // A change without a channel keeps it; with one, records it.
    const CHANGE: &str = "mutation($id: ID!, $v: Int!, $c: OfferChannel, $d: String!) { updateOffer(id: $id, version: $v, input: { landlordId: \"LANDLORD\", street: \"Weg 2\", postalCode: \"50667\", district: \"Nippes\",
      rooms: 2.0, livingSpace: 50.0, coldRent: \"400\", serviceCharges: \"90\", heating: \"60\", deposit: \"1200\", availableFrom: $d, channel: $c }) { channel version } }";
    let change = CHANGE.replace("LANDLORD", landlord.as_str().unwrap());
    let kept = ok(
        &app,
        &tok,
        &change,
        json!({ "id": carrier["id"], "v": 1, "d": day(0) }),
    )
    .await["updateOffer"]
        .clone();
    assert_eq!(kept, json!({ "channel": "CARRIER", "version": 2 }));
    let set = ok(
        &app,
        &tok,
        &change,
        json!({ "id": unknown["id"], "v": 1, "c": "LISTING", "d": day(0) }),
    )
    .await["updateOffer"]
        .clone();
    assert_eq!(set["channel"], "LISTING");
    // An unknown channel is refused and records nothing.
    let (code, _) = refused(
        &app,
        &tok,
        NEW_OFFER,
        &json!({ "l": landlord, "c": "CARRIER_PIGEON", "d": day(0) }),
    )
    .await;
    assert_eq!(code, "GRAPHQL_VALIDATION_FAILED");
    let all = ok(&app, &tok, "{ offers { totalCount } }", json!({})).await;
    assert_eq!(all["offers"]["totalCount"], 4, "{all}");

    let today = json!({ "f": day(-1), "t": day(0) });
    let f = printed(&ok(&app, &c.coord.token, REPORT, today.clone()).await["programmeReport"]);
    for (key, want) in [
        ("offers.received", "4"),
        ("offers.channel.partner_company", "1"),
        ("offers.channel.carrier", "1"),
        ("offers.channel.listing", "1"),
        ("offers.channel.public_form", "1"),
        ("offers.channel.not_recorded", "0"),
    ] {
        assert_eq!(f[key], want, "{key}");
    }
    // A carrier's report counts the offers proposed to its households: none yet.
    let mine = printed(
        &ok(
            &app,
            &c.cw.token,
            REPORT,
            json!({ "f": day(-1), "t": day(0), "o": c.carrier }),
        )
        .await["programmeReport"],
    );
    assert_eq!(mine["offers.proposed"], "0");
    assert!(!mine.contains_key("offers.received"));
    // Another city counts none of ours.
    let them = city(&app).await;
    let theirs = printed(&ok(&app, &them.coord.token, REPORT, today).await["programmeReport"]);
    assert_eq!(theirs["offers.received"], "0");
}

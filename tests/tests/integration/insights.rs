//! Cross-city insights: the operator sets up a state programme, cities opt in per
//! measure, the rollup counts each city's quarter from its history, and the benchmark
//! publishes what each asker may see through disclosure control — a state officer the
//! cities of its programme that share with it, a city its peers that share what it
//! shares. Small cells are withheld, the same question always gets the same answer,
//! and no path from a state officer's root fields reaches a record or an id.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use wohnweg_insights::disclosure::{Cell, publish, record_key};
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, TestUser, ok, refused};

use crate::ways_out::{City, SELF_FOUND, city, living_in, self_found};

const BENCHMARK: &str = "query($m: [String!], $q: Int) { benchmark(measures: $m, quarters: $q) {
  quarters threshold programme csv csvSemicolon chartJson
  measures { measure { code label kind numerator denominator period exclusions }
    cities { city own points { quarter value of percent median p75 withheld display } } } } }";
const SHARING: &str = "{ insightSharing { measure { code } peers programmes { id name shared } } }";
const SHARE: &str = "mutation($m: String!, $p: ID, $s: Boolean!) { setInsightSharing(measure: $m, programmeId: $p, shared: $s) { measure { code } peers programmes { id shared } } }";
const PROGRAMMES: &str = "{ stateProgrammes { id name cities } }";
const CREATE: &str = "mutation($n: String!, $c: [String!]!) { createStateProgramme(name: $n, citySlugs: $c) { id name cities } }";
const ASSIGN: &str =
    "mutation($p: ID!, $u: ID!) { assignStateOfficer(programmeId: $p, userId: $u) }";
const MEASURES: &str =
    "{ insightMeasures { code label labelEn kind numerator denominator period exclusions } }";

/// Moves `n` households of `c` out today (self-found flats); returns their ids.
async fn moves(app: &TestApp, c: &City, prefix: &str, n: usize) -> Vec<String> {
    let mut ids = Vec::new();
    for i in 0..n {
        let h = living_in(app, c, &format!("{prefix}-{i}"), &c.shelter, true, false).await;
        ok(
            app,
            &c.t.caseworker.token,
            SELF_FOUND,
            json!({ "h": h, "i": self_found("Mitte") }),
        )
        .await;
        ids.push(h);
    }
    ids
}

/// Counts every city's measures again.
async fn recount(app: &TestApp) -> usize {
    wohnweg_gateway::jobs::insights(&app.db, &app.cache, 3)
        .await
        .unwrap()
}

/// What disclosure control publishes for these households counted once each.
fn expected(households: &[String]) -> Option<i64> {
    let cell = Cell::of(
        households
            .iter()
            .map(|h| record_key(h.parse::<uuid::Uuid>().unwrap())),
    );
    publish(cell, cell.count, 3).value()
}

/// The benchmark's cities per measure, and this quarter's point of each.
fn by_measure(b: &Value) -> BTreeMap<String, BTreeMap<String, Value>> {
    b["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["measure"]["code"].as_str().unwrap().to_owned(),
                m["cities"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| {
                        (
                            c["city"].as_str().unwrap().to_owned(),
                            c["points"].as_array().unwrap().last().unwrap().clone(),
                        )
                    })
                    .collect(),
            )
        })
        .collect()
}

/// The platform's operator and a state officer.
async fn platform_staff(app: &TestApp) -> (TestUser, TestUser) {
    (
        app.platform_user("Paula Plattform", Role::PlatformOperator)
            .await,
        app.platform_user("Stefan Landesblick", Role::StateOfficer)
            .await,
    )
}

async fn programme_with(app: &TestApp, operator: &TestUser, cities: &[&City]) -> String {
    let slugs: Vec<&str> = cities.iter().map(|c| c.t.slug.as_str()).collect();
    ok(
        app,
        &operator.token,
        CREATE,
        json!({ "n": "NRW – KIM", "c": slugs }),
    )
    .await["createStateProgramme"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_state_officer_compares_the_cities_that_opted_in_and_small_counts_stay_hidden() {
    let app = TestApp::spawn().await;
    let (a, b, c) = (city(&app).await, city(&app).await, city(&app).await);
    let (operator, officer) = platform_staff(&app).await;
    let moved_a = moves(&app, &a, "A", 4).await;
    let moved_b = moves(&app, &b, "B", 1).await;
    moves(&app, &c, "C", 3).await;
    let prog = programme_with(&app, &operator, &[&a, &b, &c]).await;
    ok(
        &app,
        &operator.token,
        ASSIGN,
        json!({ "p": prog, "u": officer.id.to_string() }),
    )
    .await;
    // A shares moves and the households in scope with the programme, B its moves; C
    // shares nothing.
    for (city, measure) in [(&a, "moves"), (&a, "in_scope"), (&b, "moves")] {
        ok(
            &app,
            &city.coord.token,
            SHARE,
            json!({ "m": measure, "p": prog, "s": true }),
        )
        .await;
    }
    assert_eq!(recount(&app).await, 3, "every city counted once");
    assert_eq!(recount(&app).await, 0, "nothing changed, nothing recounted");

    let vars = json!({ "m": ["moves", "in_scope", "moves_persons"], "q": 2 });
    let got = ok(&app, &officer.token, BENCHMARK, vars.clone()).await["benchmark"].clone();
    assert_eq!(got["programme"], "NRW – KIM");
    assert_eq!(got["threshold"], 3);
    assert_eq!(got["quarters"].as_array().unwrap().len(), 2);
    let m = by_measure(&got);
    // Moves: A and B, not C; in scope: A only; persons: nobody shares them.
    let names = |v: &[&City]| v.iter().map(|c| c.t.name.clone()).collect::<Vec<_>>();
    let mut a_and_b = names(&[&a, &b]);
    a_and_b.sort();
    assert_eq!(m["moves"].keys().cloned().collect::<Vec<_>>(), a_and_b);
    assert_eq!(m["in_scope"].keys().collect::<Vec<_>>(), vec![&a.t.name]);
    assert!(m["moves_persons"].is_empty());
    // A's four moves are published as disclosure control perturbs exactly those four
    // households; B's single move is withheld.
    let a_moves = &m["moves"][&a.t.name];
    assert_eq!(a_moves["value"].as_i64(), expected(&moved_a));
    assert_eq!(a_moves["withheld"], Value::Null);
    let b_moves = &m["moves"][&b.t.name];
    assert_eq!(expected(&moved_b), None);
    assert_eq!(
        (
            b_moves["value"].clone(),
            b_moves["withheld"].clone(),
            b_moves["display"].clone()
        ),
        (Value::Null, json!("SMALL"), json!("—"))
    );
    // Neither the CSV nor the chart's JSON carries the withheld count.
    let csv = got["csv"].as_str().unwrap();
    let now = got["quarters"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned();
    let b_rows: Vec<&str> = csv
        .lines()
        .filter(|l| l.contains(&b.t.name) && l.contains(",moves,") && l.contains(&now))
        .collect();
    assert_eq!(b_rows.len(), 1, "{csv}");
    assert!(
        b_rows[0].ends_with(&format!(
            "{now},,,,,,,weniger Haushalte als die Mindestzahl"
        )),
        "{b_rows:?}"
    );
    let chart: Value = serde_json::from_str(got["chartJson"].as_str().unwrap()).unwrap();
    let b_series = chart["measures"][0]["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["city"] == b.t.name.as_str())
        .unwrap()
        .clone();
    assert_eq!(
        b_series["data"].as_array().unwrap().last().unwrap(),
        &Value::Null
    );

    // Repetition: the same question a thousand times gets the same answer.
    let once = json!({ "m": ["moves"], "q": 1 });
    let first = ok(&app, &officer.token, BENCHMARK, once.clone()).await;
    for _ in 0..999 {
        assert_eq!(
            ok(&app, &officer.token, BENCHMARK, once.clone()).await,
            first
        );
    }

    // A city that later opts out is gone from the next answer.
    ok(
        &app,
        &b.coord.token,
        SHARE,
        json!({ "m": "moves", "p": prog, "s": false }),
    )
    .await;
    let m = by_measure(&ok(&app, &officer.token, BENCHMARK, vars).await["benchmark"]);
    assert_eq!(m["moves"].keys().collect::<Vec<_>>(), vec![&a.t.name]);

    // Nobody else reads the officer's view: carriers and operators are refused, an
    // unknown measure or too many quarters is bad input.
    for token in [&a.cw.token, &operator.token] {
        let (code, _) = refused(&app, token, BENCHMARK, &json!({})).await;
        assert_eq!(code, "FORBIDDEN");
    }
    for (vars, field) in [
        (json!({ "m": ["households"] }), "measures"),
        (json!({ "q": 13 }), "quarters"),
        (json!({ "q": 0 }), "quarters"),
    ] {
        let (code, f) = refused(&app, &officer.token, BENCHMARK, &vars).await;
        assert_eq!(
            (code.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field))
        );
    }
    // An officer of no programme sees no city.
    let stranger = app.platform_user("Lea Land", Role::StateOfficer).await;
    let none = ok(&app, &stranger.token, BENCHMARK, json!({})).await["benchmark"].clone();
    assert!(
        none["measures"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["cities"] == json!([]))
    );
}

/// Peers see each other only in what both share with peers; a city sees all of its
/// own measures; another city's sharing is not the asker's to change.
#[tokio::test]
async fn cities_compare_with_peers_only_in_what_both_share() {
    let app = TestApp::spawn().await;
    let (a, b, c) = (city(&app).await, city(&app).await, city(&app).await);
    moves(&app, &a, "PA", 3).await;
    moves(&app, &b, "PB", 3).await;
    moves(&app, &c, "PC", 3).await;
    for (city, measure) in [
        (&a, "moves"),
        (&b, "moves"),
        (&c, "in_scope"),
        (&b, "in_scope"),
    ] {
        ok(
            &app,
            &city.coord.token,
            SHARE,
            json!({ "m": measure, "s": true }),
        )
        .await;
    }
    recount(&app).await;
    let vars = json!({ "m": ["moves", "in_scope", "moves_self_found"], "q": 1 });
    let view = |c: &City| {
        let (app, token, vars) = (&app, c.coord.token.clone(), vars.clone());
        async move { by_measure(&ok(app, &token, BENCHMARK, vars).await["benchmark"]) }
    };
    let names =
        |m: &BTreeMap<String, Value>| m.keys().cloned().collect::<std::collections::BTreeSet<_>>();
    let set = |v: &[&City]| {
        v.iter()
            .map(|c| c.t.name.clone())
            .collect::<std::collections::BTreeSet<_>>()
    };
    let seen_by_a = view(&a).await;
    assert_eq!(names(&seen_by_a["moves"]), set(&[&a, &b]));
    assert_eq!(
        names(&seen_by_a["in_scope"]),
        set(&[&a]),
        "A does not share it: sees no peer's"
    );
    assert_eq!(
        names(&seen_by_a["moves_self_found"]),
        set(&[&a]),
        "its own, always"
    );
    let seen_by_c = view(&c).await;
    assert_eq!(names(&seen_by_c["moves"]), set(&[&c]));
    assert_eq!(names(&seen_by_c["in_scope"]), set(&[&b, &c]));
    // The own city comes first and is marked.
    let own = ok(&app, &c.coord.token, BENCHMARK, vars.clone()).await;
    let first = &own["benchmark"]["measures"][1]["cities"][0];
    assert_eq!(
        (first["city"].as_str(), first["own"].as_bool()),
        (Some(c.t.name.as_str()), Some(true))
    );
    // A caseworker of the city reads the same; a carrier's caseworker is refused.
    assert_eq!(
        by_measure(&ok(&app, &a.t.caseworker.token, BENCHMARK, vars.clone()).await["benchmark"]),
        seen_by_a
    );
    let (code, _) = refused(&app, &a.cw.token, BENCHMARK, &vars).await;
    assert_eq!(code, "FORBIDDEN");
}

/// The coordinator decides what the city shares; a programme not covering the city
/// looks missing; bad input changes nothing; others are refused.
#[tokio::test]
async fn what_a_city_shares_is_its_coordinators_choice() {
    let app = TestApp::spawn().await;
    let (a, b) = (city(&app).await, city(&app).await);
    let (operator, officer) = platform_staff(&app).await;
    let ours = programme_with(&app, &operator, &[&a]).await;
    let theirs = programme_with(&app, &operator, &[&b]).await;
    let listed = ok(&app, &a.coord.token, SHARING, json!({})).await["insightSharing"].clone();
    let measures = ok(&app, &a.coord.token, MEASURES, json!({})).await["insightMeasures"].clone();
    assert_eq!(
        listed.as_array().unwrap().len(),
        measures.as_array().unwrap().len()
    );
    assert!(measures.as_array().unwrap().iter().all(
        |m| !m["numerator"].as_str().unwrap().is_empty()
            && !m["period"].as_str().unwrap().is_empty()
            && !m["exclusions"].as_str().unwrap().is_empty()
    ));
    assert_eq!(
        listed[0]["programmes"],
        json!([{ "id": ours, "name": "NRW – KIM", "shared": false }])
    );
    let shared = ok(
        &app,
        &a.coord.token,
        SHARE,
        json!({ "m": "moves", "p": ours, "s": true }),
    )
    .await["setInsightSharing"]
        .clone();
    assert_eq!(
        shared["programmes"],
        json!([{ "id": ours, "shared": true }])
    );
    let peers = ok(
        &app,
        &a.coord.token,
        SHARE,
        json!({ "m": "moves", "s": true }),
    )
    .await["setInsightSharing"]
        .clone();
    assert_eq!(peers["peers"], true);
    // Bad input and another city's programme change nothing.
    let (code, field) = refused(
        &app,
        &a.coord.token,
        SHARE,
        &json!({ "m": "persons", "s": true }),
    )
    .await;
    assert_eq!(
        (code.as_str(), field.as_deref()),
        ("BAD_USER_INPUT", Some("measure"))
    );
    let (code, field) = refused(
        &app,
        &a.coord.token,
        SHARE,
        &json!({ "m": "moves", "p": "x", "s": true }),
    )
    .await;
    assert_eq!(
        (code.as_str(), field.as_deref()),
        ("BAD_USER_INPUT", Some("programmeId"))
    );
    let (code, _) = refused(
        &app,
        &a.coord.token,
        SHARE,
        &json!({ "m": "moves", "p": theirs, "s": true }),
    )
    .await;
    assert_eq!(
        code, "NOT_FOUND",
        "a programme not covering the city looks missing"
    );
    // Only the coordinator changes it; a carrier, a state officer and an operator read
    // nothing of it.
    for token in [
        &a.t.caseworker.token,
        &a.cw.token,
        &officer.token,
        &operator.token,
    ] {
        let (code, _) = refused(&app, token, SHARE, &json!({ "m": "moves", "s": false })).await;
        assert_eq!(code, "FORBIDDEN");
    }
    for token in [&a.cw.token, &officer.token, &operator.token] {
        let (code, _) = refused(&app, token, SHARING, &json!({})).await;
        assert_eq!(code, "FORBIDDEN");
    }
    let after = ok(&app, &a.coord.token, SHARING, json!({})).await["insightSharing"].clone();
    let moves = after
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["measure"]["code"] == "moves")
        .unwrap();
    assert_eq!(
        (
            moves["peers"].as_bool(),
            moves["programmes"][0]["shared"].as_bool()
        ),
        (Some(true), Some(true))
    );
    let others: usize = after
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["peers"] == true)
        .count();
    assert_eq!(others, 1, "nothing else was shared");
    // B's sharing is untouched.
    let b_view = ok(&app, &b.coord.token, SHARING, json!({})).await["insightSharing"].clone();
    assert!(
        b_view
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["peers"] == false)
    );
    // The sharing change is audited in the city's log.
    assert!(app.audited_changes(a.t.id).await > 0);
}

/// The operator sets up programmes and their officers; a city sees the programmes
/// covering it; bad input changes nothing.
#[tokio::test]
async fn the_operator_sets_up_state_programmes_and_their_officers() {
    let app = TestApp::spawn().await;
    let (a, b) = (city(&app).await, city(&app).await);
    let (operator, officer) = platform_staff(&app).await;
    let prog = programme_with(&app, &operator, &[&a]).await;
    const OFFICERS: &str = "{ stateOfficers { id name programme } }";
    let listed = ok(&app, &operator.token, OFFICERS, json!({})).await["stateOfficers"].clone();
    assert!(listed.as_array().unwrap().contains(
        &json!({ "id": officer.id.to_string(), "name": "Stefan Landesblick", "programme": null })
    ));
    for token in [&a.coord.token, &a.cw.token, &officer.token] {
        let (code, _) = refused(&app, token, OFFICERS, &json!({})).await;
        assert_eq!(code, "FORBIDDEN");
    }
    let all = ok(&app, &operator.token, PROGRAMMES, json!({})).await["stateProgrammes"].clone();
    assert_eq!(
        all,
        json!([{ "id": prog, "name": "NRW – KIM", "cities": [a.t.name] }])
    );
    assert_eq!(
        ok(&app, &a.coord.token, PROGRAMMES, json!({})).await["stateProgrammes"],
        all
    );
    assert_eq!(
        ok(&app, &b.coord.token, PROGRAMMES, json!({})).await["stateProgrammes"],
        json!([])
    );
    ok(
        &app,
        &operator.token,
        ASSIGN,
        json!({ "p": prog, "u": officer.id.to_string() }),
    )
    .await;
    let (code, _) = refused(
        &app,
        &operator.token,
        ASSIGN,
        &json!({ "p": prog, "u": officer.id.to_string() }),
    )
    .await;
    assert_eq!(code, "CONFLICT", "an officer belongs to one programme");
    // Bad input.
    for (query, vars, field) in [
        (CREATE, json!({ "n": "X", "c": ["nirgendwo"] }), "cities"),
        (CREATE, json!({ "n": "X", "c": [] }), "cities"),
        (CREATE, json!({ "n": " ", "c": [a.t.slug] }), "name"),
        (
            ASSIGN,
            json!({ "p": prog, "u": a.coord.id.to_string() }),
            "userId",
        ),
        (
            ASSIGN,
            json!({ "p": "x", "u": officer.id.to_string() }),
            "programmeId",
        ),
    ] {
        let (code, f) = refused(&app, &operator.token, query, &vars).await;
        assert_eq!(
            (code.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field)),
            "{vars}"
        );
    }
    let (code, _) = refused(
        &app,
        &operator.token,
        ASSIGN,
        &json!({ "p": uuid::Uuid::now_v7().to_string(), "u": officer.id.to_string() }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    assert_eq!(
        ok(&app, &operator.token, PROGRAMMES, json!({})).await["stateProgrammes"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // Only the operator sets them up; a state officer reads no programme list.
    for token in [&a.coord.token, &a.cw.token, &officer.token] {
        let (code, _) = refused(&app, token, CREATE, &json!({ "n": "X", "c": [a.t.slug] })).await;
        assert_eq!(code, "FORBIDDEN");
        let (code, _) = refused(
            &app,
            token,
            ASSIGN,
            &json!({ "p": prog, "u": officer.id.to_string() }),
        )
        .await;
        assert_eq!(code, "FORBIDDEN");
    }
    for token in [&a.cw.token, &officer.token] {
        let (code, _) = refused(&app, token, PROGRAMMES, &json!({})).await;
        assert_eq!(code, "FORBIDDEN");
    }
}

/// The rollup recounts a city when its records change and leaves the others alone.
#[tokio::test]
async fn the_rollup_follows_each_citys_changes() {
    let app = TestApp::spawn().await;
    let (a, b) = (city(&app).await, city(&app).await);
    ok(
        &app,
        &a.coord.token,
        SHARE,
        json!({ "m": "moves", "s": true }),
    )
    .await;
    ok(
        &app,
        &b.coord.token,
        SHARE,
        json!({ "m": "moves", "s": true }),
    )
    .await;
    recount(&app).await;
    let before = ok(
        &app,
        &a.coord.token,
        BENCHMARK,
        json!({ "m": ["moves"], "q": 1 }),
    )
    .await;
    assert_eq!(
        by_measure(&before["benchmark"])["moves"][&a.t.name]["value"],
        0
    );
    let moved = moves(&app, &a, "R", 3).await;
    assert_eq!(recount(&app).await, 1, "only the city that changed");
    let after = by_measure(
        &ok(
            &app,
            &b.coord.token,
            BENCHMARK,
            json!({ "m": ["moves"], "q": 1 }),
        )
        .await["benchmark"],
    );
    assert_eq!(
        after["moves"][&a.t.name]["value"].as_i64(),
        expected(&moved)
    );
    assert_eq!(after["moves"][&b.t.name]["value"], 0);
}

/// GraphQL literal for a required argument of introspected type `t`.
fn literal(t: &Value, types: &BTreeMap<String, Value>, depth: usize) -> String {
    match t["kind"].as_str().unwrap() {
        "NON_NULL" => literal(&t["ofType"], types, depth),
        "LIST" => format!("[{}]", literal(&t["ofType"], types, depth)),
        _ => {
            let name = t["name"].as_str().unwrap();
            let def = &types[name];
            match def["kind"].as_str().unwrap() {
                "ENUM" => def["enumValues"][0]["name"].as_str().unwrap().to_owned(),
                "INPUT_OBJECT" if depth < 4 => {
                    let fields: Vec<String> = def["inputFields"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|f| f["type"]["kind"] == "NON_NULL" && f["defaultValue"].is_null())
                        .map(|f| {
                            format!(
                                "{}: {}",
                                f["name"].as_str().unwrap(),
                                literal(&f["type"], types, depth + 1)
                            )
                        })
                        .collect();
                    format!("{{ {} }}", fields.join(", "))
                }
                _ => match name {
                    "Int" => "1".to_owned(),
                    "Float" => "1.5".to_owned(),
                    "Boolean" => "true".to_owned(),
                    "DateTime" => "\"2026-01-01T00:00:00Z\"".to_owned(),
                    "Decimal" => "\"1\"".to_owned(),
                    "ID" => format!("\"{}\"", uuid::Uuid::now_v7()),
                    _ => "\"2026-01-01\"".to_owned(),
                },
            }
        }
    }
}

fn named(t: &Value) -> &str {
    if t["name"].is_string() {
        t["name"].as_str().unwrap()
    } else {
        named(&t["ofType"])
    }
}

/// A state officer's every root field but its own three is refused with no data,
/// whatever the arguments; and walking every type reachable from its three finds no
/// id, no household, person, user or organisation — no path leads to a city's record.
#[tokio::test]
async fn a_state_officer_reaches_no_record_and_no_id_of_any_city() {
    let app = TestApp::spawn().await;
    let a = city(&app).await;
    let _b = city(&app).await;
    moves(&app, &a, "W", 3).await;
    let officer = app
        .platform_user("Stefan Landesblick", Role::StateOfficer)
        .await;
    let q = "{ __schema { queryType { name } mutationType { name } types { kind name
        fields { name args { name defaultValue type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
                 type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        inputFields { name defaultValue type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        enumValues { name } possibleTypes { name } } } }";
    let schema = ok(&app, &officer.token, q, json!({})).await["__schema"].clone();
    let types: BTreeMap<String, Value> = schema["types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["name"].as_str().unwrap().to_owned(), t.clone()))
        .collect();
    let allowed = wohnweg_gateway::schema::insights::STATE_OFFICER_ROOTS;

    // Every other root field: called with arguments that parse, refused, no data.
    let mut tried = 0;
    let mut codes: BTreeMap<String, usize> = BTreeMap::new();
    for (root, op) in [("Query", "query"), ("Mutation", "mutation")] {
        for f in types[root]["fields"].as_array().unwrap() {
            let name = f["name"].as_str().unwrap();
            if allowed.contains(&name) {
                continue;
            }
            let args: Vec<String> = f["args"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|a| a["type"]["kind"] == "NON_NULL" && a["defaultValue"].is_null())
                .map(|a| {
                    format!(
                        "{}: {}",
                        a["name"].as_str().unwrap(),
                        literal(&a["type"], &types, 0)
                    )
                })
                .collect();
            let args = if args.is_empty() {
                String::new()
            } else {
                format!("({})", args.join(", "))
            };
            let kind = types[named(&f["type"])]["kind"].as_str().unwrap();
            let pick = if matches!(kind, "OBJECT" | "INTERFACE" | "UNION") {
                " { __typename }"
            } else {
                ""
            };
            let (_, body) = app
                .gql(
                    Some(&officer.token),
                    &format!("{op} {{ {name}{args}{pick} }}"),
                    json!({}),
                )
                .await;
            tried += 1;
            let data = body["data"][name].clone();
            assert!(data.is_null(), "{name} answered a state officer: {body}");
            let code = wohnweg_tests::first_code(&body)
                .unwrap_or_else(|| panic!("{name}: no error: {body}"))
                .to_owned();
            assert!(
                matches!(
                    code.as_str(),
                    "FORBIDDEN" | "UNAUTHENTICATED" | "BAD_USER_INPUT"
                ),
                "{name}: {body}"
            );
            *codes.entry(code).or_default() += 1;
        }
    }

    // Every type reachable from the officer's fields (its own `viewer` aside, checked
    // below): no id, no record of a city.
    let mut seen = std::collections::BTreeSet::new();
    let mut todo: Vec<String> = types["Query"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| allowed.contains(&f["name"].as_str().unwrap()) && f["name"] != "viewer")
        .map(|f| named(&f["type"]).to_owned())
        .collect();
    while let Some(t) = todo.pop() {
        if !seen.insert(t.clone()) {
            continue;
        }
        for banned in [
            "Household",
            "Person",
            "User",
            "Organisation",
            "Tenant",
            "Offer",
            "Match",
            "Node",
        ] {
            assert!(!t.contains(banned), "{t} is reachable");
        }
        for f in types[&t]["fields"].as_array().into_iter().flatten() {
            let ft = named(&f["type"]);
            assert_ne!(ft, "ID", "{t}.{} is an id", f["name"]);
            if types[ft]["kind"] != "SCALAR" && types[ft]["kind"] != "ENUM" {
                todo.push(ft.to_owned());
            }
        }
    }
    // The viewer is the officer itself: no city, no organisation.
    let me = ok(
        &app,
        &officer.token,
        "{ viewer { roles tenant { id } organisation { id } } }",
        json!({}),
    )
    .await;
    assert_eq!(me["viewer"]["tenant"], Value::Null);
    assert_eq!(me["viewer"]["organisation"], Value::Null);
    eprintln!(
        "schema walk: {tried} root fields refused a state officer ({codes:?}); {} types reachable from {allowed:?} (viewer aside), none with an id or a record",
        seen.len()
    );
    assert!(tried > 100 && seen.len() >= 5);
}

/// A state officer's benchmark costs the same few statements for one city or many,
/// and a city's fewer.
#[tokio::test]
async fn the_benchmark_costs_a_fixed_number_of_statements() {
    let app = TestApp::spawn().await;
    let (operator, officer) = platform_staff(&app).await;
    let (a, b) = (city(&app).await, city(&app).await);
    let prog = programme_with(&app, &operator, &[&a, &b]).await;
    ok(
        &app,
        &operator.token,
        ASSIGN,
        json!({ "p": prog, "u": officer.id.to_string() }),
    )
    .await;
    for c in [&a, &b] {
        for m in ["moves", "in_scope", "returns_12m", "days_intake_ready"] {
            ok(
                &app,
                &c.coord.token,
                SHARE,
                json!({ "m": m, "p": prog, "s": true }),
            )
            .await;
        }
    }
    moves(&app, &a, "S", 3).await;
    recount(&app).await;
    let pg = app.pg_admin().await.is_some();
    let allowed = crate::housing_contract::readme_statements("`benchmark`", pg);
    let query =
        "{ benchmark { measures { cities { points { value percent median withheld } } } } }";
    for token in [&officer.token, &a.coord.token] {
        ok(&app, token, query, json!({})).await;
        let before = app.db.statements();
        let got = ok(&app, token, query, json!({})).await;
        let used = app.db.statements() - before;
        eprintln!("| `benchmark` | {used} |");
        assert!(
            used <= allowed,
            "benchmark: {used} statements, the README says {allowed}"
        );
        assert!(!got["benchmark"]["measures"].as_array().unwrap().is_empty());
    }
}

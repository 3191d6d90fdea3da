//! The register never lies, as a property: after any sequence of moves in, relocations,
//! moves out, self-found flats, lease takeovers and returns (each may be refused — that
//! is part of the sequence), no household holds two places, a moved-out household
//! holds none, every accommodation's occupancy is its residents' places, a flat that
//! left the register holds nobody, and every move-out is counted as exactly one
//! placement. Seeded proptest over the real API, a fresh city per case.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use serde_json::{Value, json};
use wohnweg_tests::{TestApp, day, ok};

#[derive(Clone, Debug)]
enum Op {
    MoveIn { h: usize, place: usize },
    MoveOut { h: usize },
    SelfFound { h: usize },
    Takeover { h: usize },
    Return { h: usize, place: usize },
}

const HOUSEHOLDS: usize = 3;
const PLACES: usize = 3; // a shelter, two city-rented flats

fn op() -> impl Strategy<Value = Op> {
    let h = 0..HOUSEHOLDS;
    let p = 0..PLACES;
    prop_oneof![
        (h.clone(), p.clone()).prop_map(|(h, place)| Op::MoveIn { h, place }),
        h.clone().prop_map(|h| Op::MoveOut { h }),
        h.clone().prop_map(|h| Op::SelfFound { h }),
        h.clone().prop_map(|h| Op::Takeover { h }),
        (h, p).prop_map(|(h, place)| Op::Return { h, place }),
    ]
}

async fn run_case(
    app: &TestApp,
    ops: &[Op],
    done: &std::sync::Mutex<std::collections::BTreeMap<String, usize>>,
) -> Result<(), String> {
    let t = app.tenant().await;
    let tok = t.caseworker.token.clone();
    let mut places = Vec::new();
    for (i, kind) in ["SHELTER", "CITY_RENTED_FLAT", "CITY_RENTED_FLAT"]
        .iter()
        .enumerate()
    {
        places.push(ok(app, &tok, "mutation($n: String!, $k: AccommodationKind!) { createAccommodation(input: { name: $n, kind: $k, street: \"S 1\", postalCode: \"50667\", district: \"Nippes\", capacity: 4 }) { id } }",
            json!({ "n": format!("Ort {i}"), "k": kind })).await["createAccommodation"]["id"].clone());
    }
    let mut hs = Vec::new();
    for i in 0..HOUSEHOLDS {
        let id = ok(app, &tok, "mutation($r: String!) { createHousehold(input: { reference: $r, members: [{ givenName: \"A\", familyName: \"B\", relation: HEAD,
            residenceStatus: RECOGNISED_REFUGEE, benefitFramework: SGB2, languageLevel: B1, occupation: EMPLOYED }] }) { id } }",
            json!({ "r": format!("P-{i}") })).await["createHousehold"]["id"].clone();
        ok(app, &tok, "mutation($h: ID!) { transitionCase(householdId: $h, version: 1, to: ACTIVE, reason: \"x\") { id } }", json!({ "h": id })).await;
        hs.push(id);
    }
    let flat = json!({ "landlordKind": "PRIVATE", "rooms": 2.0, "livingSpace": 50.0, "grossColdRent": "500" });
    for op in ops {
        let (q, vars) = match op {
            Op::MoveIn { h, place } => (
                "mutation($h: ID!, $a: ID!) { moveIn(householdId: $h, accommodationId: $a, relocate: true, overCapacityReason: \"eng\") { id } }",
                json!({ "h": hs[*h], "a": places[*place] }),
            ),
            Op::MoveOut { h } => (
                "mutation($h: ID!) { moveOut(householdId: $h, reason: \"x\") { id } }",
                json!({ "h": hs[*h] }),
            ),
            Op::SelfFound { h } => {
                let mut i = flat.clone();
                i["district"] = json!("Kalk");
                i["moveInOn"] = json!(day(0));
                (
                    "mutation($h: ID!, $i: SelfFoundMoveInput!) { recordSelfFoundMove(householdId: $h, input: $i) { id } }",
                    json!({ "h": hs[*h], "i": i }),
                )
            }
            Op::Takeover { h } => {
                let mut i = flat.clone();
                i["takenOverOn"] = json!(day(0));
                (
                    "mutation($h: ID!, $i: LeaseTakeoverInput!) { takeOverLease(householdId: $h, input: $i) { id } }",
                    json!({ "h": hs[*h], "i": i }),
                )
            }
            Op::Return { h, place } => (
                "mutation($h: ID!, $a: ID!, $d: String!) { recordReturnToShelter(householdId: $h, input: { accommodationId: $a, returnedOn: $d, reason: OTHER, overCapacityReason: \"eng\" }) { id } }",
                json!({ "h": hs[*h], "a": places[*place], "d": day(0) }),
            ),
        };
        let (_, body) = app.gql(Some(&tok), q, vars).await;
        // Refusals are fine (a move that does not apply); anything else is not.
        if let Some(code) = body["errors"][0]["extensions"]["code"].as_str() {
            if !matches!(code, "BAD_USER_INPUT" | "CONFLICT" | "NOT_FOUND") {
                return Err(format!("{op:?}: {body}"));
            }
        } else if let Ok(mut d) = done.lock() {
            let kind = format!("{op:?}");
            *d.entry(kind.split(' ').next().unwrap_or_default().to_owned())
                .or_default() += 1;
        }
    }
    // The invariants, read from the register through the API.
    let mut occupied_by: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
    for (i, h) in hs.iter().enumerate() {
        let d = ok(app, &tok, "query($id: ID!) { household(id: $id) { state size currentAccommodation { id } stateHistory { toState } } }", json!({ "id": h })).await["household"].clone();
        let open = app
            .tenant_rows(t.id, &format!("SELECT accommodation_id FROM occupancies WHERE until_on IS NULL AND household_id = {}", lit(app, h)))
            .await
            .len();
        if open > 1 {
            return Err(format!("household {i} holds {open} places"));
        }
        let state = d["state"].as_str().unwrap();
        if matches!(state, "MOVED_OUT" | "AFTERCARE")
            && (open != 0 || !d["currentAccommodation"].is_null())
        {
            return Err(format!("household {i} moved out but holds a place: {d}"));
        }
        if let Some(a) = d["currentAccommodation"]["id"].as_str() {
            *occupied_by.entry(a.to_owned()).or_default() += d["size"].as_i64().unwrap();
        }
        let move_outs = d["stateHistory"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["toState"] == "MOVED_OUT")
            .count();
        let placements = ok(
            app,
            &tok,
            "query($h: ID!) { placements(householdId: $h, first: 100) { edges { node { id } } } }",
            json!({ "h": h }),
        )
        .await["placements"]["edges"]
            .as_array()
            .unwrap()
            .len();
        if placements != move_outs {
            return Err(format!(
                "household {i}: {move_outs} move-outs, {placements} placements"
            ));
        }
    }
    for p in &places {
        let a = ok(app, &tok, "query($id: ID!) { accommodation(id: $id) { active occupied residents { householdId } } }", json!({ "id": p })).await["accommodation"].clone();
        let want = occupied_by.get(p.as_str().unwrap()).copied().unwrap_or(0);
        if a["occupied"].as_i64().unwrap() != want {
            return Err(format!(
                "{p}: occupied {} but residents hold {want}",
                a["occupied"]
            ));
        }
        if a["active"] == false && want != 0 {
            return Err(format!("{p} left the register but holds {want}"));
        }
    }
    Ok(())
}

/// How an id is written in SQL on this backend.
fn lit(app: &TestApp, id: &Value) -> String {
    let id = uuid::Uuid::parse_str(id.as_str().unwrap()).unwrap();
    if app
        .config
        .database_url
        .as_deref()
        .is_some_and(|u| u.starts_with("postgres"))
    {
        format!("'{id}'")
    } else {
        format!("X'{}'", id.simple())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_sequence_of_moves_makes_the_register_lie() {
    let app = TestApp::spawn().await;
    let config = Config {
        cases: 16,
        max_shrink_iters: 32,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let handle = tokio::runtime::Handle::current();
    let done = std::sync::Mutex::new(std::collections::BTreeMap::new());
    let result = tokio::task::block_in_place(|| {
        runner.run(&prop::collection::vec(op(), 4..14), |ops| {
            handle
                .block_on(run_case(&app, &ops, &done))
                .map_err(TestCaseError::fail)
        })
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // The sequences really moved households every way, not only into refusals.
    let done = done.into_inner().unwrap();
    for kind in ["MoveIn", "MoveOut", "SelfFound", "Takeover", "Return"] {
        assert!(
            done.get(kind).copied().unwrap_or(0) > 0,
            "no {kind} succeeded: {done:?}"
        );
    }
}

//! Dates and amounts of money are typed: every date in and out is the `Date` scalar,
//! every amount the `Decimal` scalar. A malformed one is `BAD_USER_INPUT` naming its
//! path, wherever it sits (literal, variable, deep in an input object, next to an
//! omitted variable), and nothing runs. Documents written before the change, which
//! declare such variables as `String`, still work.

use serde_json::{Value, json};
use wohnweg_tests::{TestApp, first_code};

use crate::moves::{ok, setup};

async fn refused(
    app: &TestApp,
    token: &str,
    query: &str,
    vars: Value,
) -> (String, Option<String>, String) {
    let (_, body) = app.gql(Some(token), query, vars).await;
    let c = first_code(&body).unwrap_or_else(|| panic!("expected an error: {query} {body}"));
    (
        c.to_owned(),
        body["errors"][0]["extensions"]["field"]
            .as_str()
            .map(str::to_owned),
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    )
}

const CAPS_TYPED: &str =
    "query($on: Date) { rentCaps(on: $on) { householdSize maxGrossColdRent validFrom } }";
const CAPS_OLD: &str =
    "query($on: String) { rentCaps(on: $on) { householdSize maxGrossColdRent validFrom } }";

#[tokio::test]
async fn dates_and_amounts_are_typed_in_and_out() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = &s.t.caseworker.token;
    for q in [CAPS_TYPED, CAPS_OLD] {
        let d = ok(&app, tok, q, json!({ "on": "2026-06-01" })).await;
        let caps = d["rentCaps"].as_array().unwrap();
        assert_eq!(caps.len(), 4, "{q}");
        assert_eq!(caps[1]["maxGrossColdRent"], "550.00");
        assert_eq!(caps[1]["validFrom"], "2026-01-01");
    }
    // An amount may be given as an integer; it comes back with two decimals.
    let d = ok(&app, &s.coord.token, "mutation($a: Decimal!) { addRentCap(input: { householdSize: 5, maxGrossColdRent: $a, validFrom: \"2026-01-01\" }) { maxGrossColdRent } }",
        json!({ "a": 850 })).await;
    assert_eq!(d["addRentCap"]["maxGrossColdRent"], "850.00");
    // The schema says so: no date or amount is a String any more.
    let d = ok(
        &app,
        tok,
        "{ __type(name: \"RentCapInput\") { inputFields { name type { ofType { name } } } } }",
        json!({}),
    )
    .await;
    let types: Vec<(String, String)> = d["__type"]["inputFields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap().to_owned(),
                f["type"]["ofType"]["name"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned(),
            )
        })
        .collect();
    assert!(
        types.contains(&("maxGrossColdRent".into(), "Decimal".into())),
        "{types:?}"
    );
    assert!(
        types.contains(&("validFrom".into(), "Date".into())),
        "{types:?}"
    );
}

#[tokio::test]
async fn a_malformed_date_or_amount_names_its_path_wherever_it_sits() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = &s.t.caseworker.token;
    let coord = &s.coord.token;
    let caps_before = ok(&app, tok, CAPS_TYPED, json!({})).await["rentCaps"]
        .as_array()
        .unwrap()
        .len();
    let cases: Vec<(&str, &str, Value, &str)> = vec![
        // A literal.
        (
            tok,
            "{ rentCaps(on: \"01.06.2026\") { householdSize } }",
            json!({}),
            "on",
        ),
        // A variable, typed and as declared before.
        (tok, CAPS_TYPED, json!({ "on": "2026-6-1" }), "on"),
        (tok, CAPS_OLD, json!({ "on": "2026-02-30" }), "on"),
        // Inside an input object given as one variable.
        (
            coord,
            "mutation($i: RentCapInput!) { addRentCap(input: $i) { id } }",
            json!({ "i": { "householdSize": 5, "maxGrossColdRent": "900", "validFrom": "morgen" } }),
            "input.validFrom",
        ),
        (
            coord,
            "mutation($i: RentCapInput!) { addRentCap(input: $i) { id } }",
            json!({ "i": { "householdSize": 5, "maxGrossColdRent": "9,999", "validFrom": "2026-01-01" } }),
            "input.maxGrossColdRent",
        ),
        // Next to a variable the request leaves out (validation cannot look there).
        (
            coord,
            "mutation($a: Decimal!, $u: Date) { addRentCap(input: { householdSize: 5, maxGrossColdRent: $a, validFrom: \"2026-01-01\", validUntil: $u }) { id } }",
            json!({ "a": "viel" }),
            "input.maxGrossColdRent",
        ),
        (
            coord,
            "mutation($a: Decimal!, $f: Date!, $u: Date) { addRentCap(input: { householdSize: 5, maxGrossColdRent: $a, validFrom: $f, validUntil: $u }) { id } }",
            json!({ "a": "900", "f": "1.1.2026" }),
            "input.validFrom",
        ),
        // Deep in a list of input objects.
        (
            tok,
            "mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }",
            json!({ "i": { "reference": "S-1", "members": [
                { "givenName": "A", "familyName": "B", "relation": "HEAD", "residenceStatus": "RECOGNISED_REFUGEE", "benefitFramework": "SGB2", "languageLevel": "A2", "occupation": "COURSE" },
                { "givenName": "C", "familyName": "B", "relation": "CHILD", "residenceStatus": "RECOGNISED_REFUGEE", "benefitFramework": "SGB2", "languageLevel": "A2", "occupation": "SCHOOL", "dateOfBirth": "2020-13-01" } ] } }),
            "input.members.1.dateOfBirth",
        ),
    ];
    for (token, q, vars, field) in cases {
        let (c, f, message) = refused(&app, token, q, vars.clone()).await;
        assert_eq!(
            (c.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field)),
            "{q} {vars}"
        );
        assert!(message.starts_with("must be "), "{message}");
    }
    assert_eq!(
        ok(&app, tok, CAPS_TYPED, json!({})).await["rentCaps"]
            .as_array()
            .unwrap()
            .len(),
        caps_before,
        "a refused rent cap was written"
    );
    let households = app
        .tenant_rows(s.t.id, "SELECT COUNT(*) AS n FROM households")
        .await;
    assert_eq!(households[0].try_get::<i64>("", "n").unwrap(), 0);
}

#[tokio::test]
async fn the_schema_has_no_date_or_amount_as_a_string() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let d = ok(
        &app,
        &s.t.caseworker.token,
        "{ __schema { types { name kind
        fields { name type { ...T } args { name type { ...T } } }
        inputFields { name type { ...T } } } } }
        fragment T on __Type { name ofType { name ofType { name ofType { name } } } }",
        json!({}),
    )
    .await;
    fn leaf(t: &Value) -> &str {
        let mut t = t;
        while t["name"].is_null() && !t["ofType"].is_null() {
            t = &t["ofType"];
        }
        t["name"].as_str().unwrap_or("")
    }
    let datey = |n: &str| {
        ["On", "From", "Until", "Before", "Since"]
            .iter()
            .any(|s| n.ends_with(s))
            || ["on", "from", "to", "since", "dateOfBirth"].contains(&n)
    };
    let money = |n: &str| {
        [
            "amount",
            "instalment",
            "budget",
            "committed",
            "remaining",
            "repaid",
            "outstanding",
            "deposit",
            "heating",
            "serviceCharges",
        ]
        .contains(&n)
            || n.ends_with("Rent")
    };
    let mut wrong = Vec::new();
    for t in d["__schema"]["types"].as_array().unwrap() {
        let tn = t["name"].as_str().unwrap();
        if tn.starts_with("__") {
            continue;
        }
        let mut check = |n: &str, ty: &Value, what: &str| {
            let l = leaf(ty);
            if l == "String" && (datey(n) || money(n)) {
                wrong.push(format!("{tn}.{what}{n}: {l}"));
            }
        };
        for f in t["fields"].as_array().into_iter().flatten() {
            check(f["name"].as_str().unwrap(), &f["type"], "");
            for a in f["args"].as_array().into_iter().flatten() {
                check(
                    a["name"].as_str().unwrap(),
                    &a["type"],
                    &format!("{}(", f["name"].as_str().unwrap()),
                );
            }
        }
        for f in t["inputFields"].as_array().into_iter().flatten() {
            check(f["name"].as_str().unwrap(), &f["type"], "");
        }
    }
    assert!(
        wrong.is_empty(),
        "dates or amounts typed String: {wrong:#?}"
    );
}

//! A caseworker's day: the worklist, own cases and the household filters, and the
//! `totalCount` every connection reports. Each worklist section is checked against an
//! independent computation over the tables (not the service's code path), for a city
//! caseworker, a carrier caseworker with the organisation's reach and one narrowed to
//! their own cases.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate, Utc};
use serde_json::{Value, json};
use uuid::Uuid;
use wohnweg_kernel::Role;
use wohnweg_tests::household_version as version;
use wohnweg_tests::{TestApp, TestUser, day, ok, refused};

use crate::ways_out::{City, SELF_FOUND, city, living_in, self_found};

const WORKLIST: &str = "query($m: Boolean = false) { worklist(mine: $m, followUpDays: 45) {
  followUps { householdId reference on overdue detail subjectId }
  overdueSteps { householdId subjectId overdue }
  incomingTransfers { householdId subjectId }
  permitsExpiring { householdId subjectId on }
  benefitSwitches { householdId subjectId on detail }
  inCoaching { householdId subjectId }
  guaranteeRequests { id householdId } } }";

const HOUSEHOLDS: &str = "query($f: HouseholdFilterInput, $first: Int, $after: String) {
  households(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id reference } } }";

const VISIBILITY: &str = "mutation($o: ID!, $v: Int!, $own: Boolean!) { setCaseVisibility(organisationId: $o, version: $v, ownCasesOnly: $own) { organisationId ownCasesOnly version } }";
const CITY_CW: &str = "mutation($h: ID!, $v: Int!, $c: ID) { setCityCaseworker(householdId: $h, version: $v, caseworkerId: $c) { id cityCaseworkerId version } }";

/// A city with households on every worklist path.
struct World {
    c: City,
    cw2: TestUser,
    carrier_admin: TestUser,
    city_admin: TestUser,
    /// City-only: a permit expiring in 30 days and a benefit switch in 20.
    permit: String,
    /// The carrier's, Carla's: moved out today, so a follow-up falls due in a month.
    moved: String,
    /// The carrier's, the second caseworker's: an overdue goal step and a switch in 10 days.
    steps: String,
    /// City-only, moved out today, its first follow-up recorded early as at risk: in
    /// tenancy coaching, its next follow-up three months out.
    coached: String,
    /// Another carrier's, proposed for transfer to the first carrier.
    incoming: String,
    /// A guarantee request awaiting the coordinator.
    guarantee: String,
}

fn person(given: &str, permit: Option<String>, benefit: &str, switch: Option<String>) -> Value {
    json!({ "givenName": given, "familyName": "Haddad", "relation": "PARTNER", "residenceStatus": "TEMPORARY_PROTECTION",
        "permitExpiresOn": permit, "benefitFramework": benefit, "benefitChangesOn": switch,
        "languageLevel": "A2", "occupation": "UNEMPLOYED" })
}

async fn world(app: &TestApp) -> World {
    let c = city(app).await;
    let tok = c.t.caseworker.token.clone();
    let org: wohnweg_kernel::OrganisationId = c.carrier.parse().unwrap();
    let cw2 = app
        .user(&c.t, org, "Chris Caritas", &[Role::CarrierCaseworker])
        .await;
    let carrier_admin = app
        .user(&c.t, org, "Anna Caritas", &[Role::CarrierAdmin])
        .await;
    let city_admin = app
        .user(&c.t, c.t.department, "Ada Admin", &[Role::CityAdmin])
        .await;

    let permit = living_in(app, &c, "WL-PERMIT", &c.shelter, false, false).await;
    ok(
        app,
        &tok,
        "mutation($h: ID!, $i: PersonInput!) { addPerson(householdId: $h, input: $i) { id } }",
        json!({ "h": permit, "i": person("Rana", Some(day(30)), "ASYLBLG", Some(day(20))) }),
    )
    .await;

    let moved = living_in(app, &c, "WL-MOVED", &c.shelter, true, true).await;
    let v = version(app, &tok, &moved).await;
    ok(app, &tok, "mutation($h: ID!, $v: Int!, $c: ID) { setCarrierCaseworker(householdId: $h, version: $v, caseworkerId: $c) { id } }",
        json!({ "h": moved, "v": v, "c": c.cw.id.to_string() })).await;
    ok(
        app,
        &tok,
        SELF_FOUND,
        json!({ "h": moved, "i": self_found("Wald") }),
    )
    .await;

    let steps = living_in(app, &c, "WL-STEPS", &c.shelter, false, true).await;
    let v = version(app, &tok, &steps).await;
    ok(app, &tok, "mutation($h: ID!, $v: Int!, $c: ID) { setCarrierCaseworker(householdId: $h, version: $v, caseworkerId: $c) { id } }",
        json!({ "h": steps, "v": v, "c": cw2.id.to_string() })).await;
    ok(
        app,
        &cw2.token,
        "mutation($h: ID!, $i: GoalInput!) { addGoal(householdId: $h, input: $i) { id } }",
        json!({ "h": steps, "i": { "title": "Unterlagen", "steps": [
            { "description": "SCHUFA-Auskunft", "owner": "HOUSEHOLD", "dueOn": day(-3) },
            { "description": "Einkommensnachweis", "owner": "CASEWORKER", "dueOn": day(30) } ] } }),
    )
    .await;
    ok(
        app,
        &cw2.token,
        "mutation($h: ID!, $i: PersonInput!) { addPerson(householdId: $h, input: $i) { id } }",
        json!({ "h": steps, "i": person("Samir", None, "ASYLBLG", Some(day(10))) }),
    )
    .await;

    let coached = living_in(app, &c, "WL-COACH", &c.shelter, true, false).await;
    ok(
        app,
        &tok,
        SELF_FOUND,
        json!({ "h": coached, "i": self_found("Mitte") }),
    )
    .await;
    let first = ok(
        app,
        &tok,
        "query($id: ID!) { household(id: $id) { followUps { id version months } } }",
        json!({ "id": coached }),
    )
    .await;
    let f = first["household"]["followUps"][0].clone();
    ok(app, &tok, "mutation($id: ID!, $v: Int!) { recordFollowUp(id: $id, version: $v, input: { outcome: AT_RISK, risk: ARREARS }) { id } }",
        json!({ "id": f["id"], "v": f["version"] })).await;

    // A household of another carrier, proposed to the first.
    let other = app
        .organisation(
            &c.t,
            "drk",
            "DRK",
            wohnweg_identity::OrganisationKind::Carrier,
        )
        .await;
    let incoming = living_in(app, &c, "WL-INCOMING", &c.shelter, false, false).await;
    ok(app, &tok, "mutation($h: ID!) { recordConsent(householdId: $h, input: { scope: SHARE_WITH_CARRIER, givenOn: \"2026-01-05\" }) { id } }", json!({ "h": incoming })).await;
    let v = version(app, &tok, &incoming).await;
    ok(app, &tok, "mutation($h: ID!, $v: Int!, $o: ID!) { assignCarrier(householdId: $h, version: $v, organisationId: $o) { id } }",
        json!({ "h": incoming, "v": v, "o": other.to_string() })).await;
    ok(app, &tok, "mutation($h: ID!, $o: ID!) { proposeTransfer(householdId: $h, organisationId: $o, reason: \"Sprache\") { id } }",
        json!({ "h": incoming, "o": c.carrier })).await;

    let offer = crate::guarantees::open_offer(app, &tok).await;
    let guarantee = ok(app, &tok, "mutation($h: ID!, $o: ID!) { requestGuarantee(householdId: $h, input: { kind: DEPOSIT, amount: \"900\", justification: \"Kaution\", offerId: $o }) { id } }",
        json!({ "h": permit, "o": offer })).await["requestGuarantee"]["id"].as_str().unwrap().to_owned();

    World {
        c,
        cw2,
        carrier_admin,
        city_admin,
        permit,
        moved,
        steps,
        coached,
        incoming,
        guarantee,
    }
}

/// What the tables say one section should hold for a reach, as (household, subject).
type Expected = BTreeSet<(String, String)>;

struct Reach<'a> {
    carrier: Option<&'a str>,
    only: Option<&'a str>,
}

async fn expected(app: &TestApp, w: &World, reach: &Reach<'_>) -> [Expected; 5] {
    let tenant = w.c.t.id;
    let today = Utc::now().date_naive();
    let ahead = |d: u64| today.checked_add_days(Days::new(d)).unwrap();
    let mut reachable = BTreeSet::new();
    let mut coaching = Expected::new();
    for r in app
        .tenant_rows(
            tenant,
            "SELECT id, carrier_org, carrier_caseworker, state, tenancy_coaching FROM households",
        )
        .await
    {
        let id: Uuid = r.try_get("", "id").unwrap();
        let org: Option<Uuid> = r.try_get("", "carrier_org").unwrap();
        let cw: Option<Uuid> = r.try_get("", "carrier_caseworker").unwrap();
        let state: String = r.try_get("", "state").unwrap();
        let coached: bool = r.try_get("", "tenancy_coaching").unwrap();
        let in_reach = state != "closed"
            && reach
                .carrier
                .is_none_or(|c| org.map(|o| o.to_string()).as_deref() == Some(c))
            && reach
                .only
                .is_none_or(|u| cw.map(|c| c.to_string()).as_deref() == Some(u));
        if in_reach {
            reachable.insert(id);
            if coached {
                coaching.insert((id.to_string(), id.to_string()));
            }
        }
    }
    let mut follow_ups = Expected::new();
    for r in app
        .tenant_rows(
            tenant,
            "SELECT id, household_id, due_on, outcome FROM aftercare_followups",
        )
        .await
    {
        let (id, h): (Uuid, Uuid) = (
            r.try_get("", "id").unwrap(),
            r.try_get("", "household_id").unwrap(),
        );
        let due: NaiveDate = r.try_get("", "due_on").unwrap();
        let outcome: Option<String> = r.try_get("", "outcome").unwrap();
        if outcome.is_none() && due <= ahead(45) && reachable.contains(&h) {
            follow_ups.insert((h.to_string(), id.to_string()));
        }
    }
    let mut steps = Expected::new();
    for r in app
        .tenant_rows(
            tenant,
            "SELECT id, household_id, due_on, done_on FROM goal_steps",
        )
        .await
    {
        let (id, h): (Uuid, Uuid) = (
            r.try_get("", "id").unwrap(),
            r.try_get("", "household_id").unwrap(),
        );
        let due: NaiveDate = r.try_get("", "due_on").unwrap();
        let done: Option<NaiveDate> = r.try_get("", "done_on").unwrap();
        if done.is_none() && due < today && reachable.contains(&h) {
            steps.insert((h.to_string(), id.to_string()));
        }
    }
    let (mut permits, mut switches) = (Expected::new(), Expected::new());
    for r in app
        .tenant_rows(
            tenant,
            "SELECT id, household_id, permit_expires_on, benefit_changes_on FROM persons",
        )
        .await
    {
        let (id, h): (Uuid, Uuid) = (
            r.try_get("", "id").unwrap(),
            r.try_get("", "household_id").unwrap(),
        );
        let permit: Option<NaiveDate> = r.try_get("", "permit_expires_on").unwrap();
        let switch: Option<NaiveDate> = r.try_get("", "benefit_changes_on").unwrap();
        if !reachable.contains(&h) {
            continue;
        }
        if permit.is_some_and(|p| p <= ahead(90)) {
            permits.insert((h.to_string(), id.to_string()));
        }
        if switch.is_some_and(|s| s >= today && s <= ahead(90)) {
            switches.insert((h.to_string(), id.to_string()));
        }
    }
    [follow_ups, steps, permits, switches, coaching]
}

fn got(list: &Value, section: &str) -> Expected {
    list[section]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["householdId"].as_str().unwrap().to_owned(),
                i["subjectId"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn check_sections(
    app: &TestApp,
    w: &World,
    tok: &str,
    mine: bool,
    reach: &Reach<'_>,
) -> Value {
    let list = ok(app, tok, WORKLIST, json!({ "m": mine })).await["worklist"].clone();
    let want = expected(app, w, reach).await;
    for (section, expected) in [
        "followUps",
        "overdueSteps",
        "permitsExpiring",
        "benefitSwitches",
        "inCoaching",
    ]
    .iter()
    .zip(want)
    {
        assert_eq!(
            got(&list, section),
            expected,
            "{section} for {tok:.12}: {list}"
        );
    }
    list
}

fn households_of(list: &Value, section: &str) -> BTreeSet<String> {
    got(list, section).into_iter().map(|(h, _)| h).collect()
}

#[tokio::test]
async fn each_worklist_section_holds_exactly_what_the_tables_say_for_every_reach() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let city_tok = w.c.t.caseworker.token.clone();

    // A city caseworker: the whole city.
    let list = check_sections(
        &app,
        &w,
        &city_tok,
        false,
        &Reach {
            carrier: None,
            only: None,
        },
    )
    .await;
    assert_eq!(
        households_of(&list, "permitsExpiring"),
        BTreeSet::from([w.permit.clone()])
    );
    assert_eq!(
        households_of(&list, "benefitSwitches"),
        BTreeSet::from([w.permit.clone(), w.steps.clone()])
    );
    // The move today has its first follow-up within 45 days; the coached household's
    // first is recorded and its next lies three months out.
    assert_eq!(
        households_of(&list, "followUps"),
        BTreeSet::from([w.moved.clone()]),
        "{list}"
    );
    assert_eq!(list["followUps"][0]["overdue"], false);
    assert_eq!(list["followUps"][0]["reference"], "WL-MOVED");
    assert_eq!(list["overdueSteps"][0]["overdue"], true);
    assert_eq!(
        households_of(&list, "overdueSteps"),
        BTreeSet::from([w.steps.clone()])
    );
    assert_eq!(
        households_of(&list, "inCoaching"),
        BTreeSet::from([w.coached.clone()])
    );
    assert_eq!(list["benefitSwitches"][0]["detail"], "asylblg");
    // Transfers go to carriers; guarantees to coordinators.
    assert_eq!(list["incomingTransfers"], json!([]));
    assert_eq!(list["guaranteeRequests"], json!([]));
    let coord = ok(&app, &w.c.coord.token, WORKLIST, json!({ "m": false })).await;
    assert_eq!(
        coord["worklist"]["guaranteeRequests"][0]["id"],
        w.guarantee.as_str()
    );

    // `mine`: the city caseworker opened every household, so each is theirs; another
    // city caseworker named on one takes it out of the first one's own list.
    let other_city = app
        .user(
            &w.c.t,
            w.c.t.department,
            "Carl Stadt",
            &[Role::CityCaseworker],
        )
        .await;
    let v = version(&app, &city_tok, &w.permit).await;
    ok(
        &app,
        &city_tok,
        CITY_CW,
        json!({ "h": w.permit, "v": v, "c": other_city.id.to_string() }),
    )
    .await;
    let mine = ok(&app, &city_tok, WORKLIST, json!({ "m": true })).await["worklist"].clone();
    assert!(
        !households_of(&mine, "permitsExpiring").contains(&w.permit),
        "{mine}"
    );
    let theirs =
        ok(&app, &other_city.token, WORKLIST, json!({ "m": true })).await["worklist"].clone();
    assert_eq!(
        households_of(&theirs, "permitsExpiring"),
        BTreeSet::from([w.permit.clone()])
    );

    // A carrier caseworker with the organisation's reach: the carrier's households and
    // the transfer proposed to it.
    let carrier = w.c.carrier.clone();
    let org = Reach {
        carrier: Some(&carrier),
        only: None,
    };
    let list = check_sections(&app, &w, &w.c.cw.token, false, &org).await;
    assert_eq!(
        households_of(&list, "followUps"),
        BTreeSet::from([w.moved.clone()])
    );
    assert_eq!(
        households_of(&list, "overdueSteps"),
        BTreeSet::from([w.steps.clone()])
    );
    assert_eq!(
        households_of(&list, "incomingTransfers"),
        BTreeSet::from([w.incoming.clone()])
    );
    assert!(
        households_of(&list, "permitsExpiring").is_empty(),
        "the city's household stays out: {list}"
    );

    // Narrowed to own cases by the carrier's administrator: the second caseworker's
    // household leaves Carla's list, and hers leaves theirs.
    ok(
        &app,
        &w.carrier_admin.token,
        VISIBILITY,
        json!({ "o": carrier, "v": 0, "own": true }),
    )
    .await;
    let carla = w.c.cw.id.to_string();
    let list = check_sections(
        &app,
        &w,
        &w.c.cw.token,
        false,
        &Reach {
            carrier: Some(&carrier),
            only: Some(&carla),
        },
    )
    .await;
    assert_eq!(
        households_of(&list, "followUps"),
        BTreeSet::from([w.moved.clone()])
    );
    assert!(households_of(&list, "overdueSteps").is_empty(), "{list}");
    let chris = w.cw2.id.to_string();
    let list = check_sections(
        &app,
        &w,
        &w.cw2.token,
        false,
        &Reach {
            carrier: Some(&carrier),
            only: Some(&chris),
        },
    )
    .await;
    assert_eq!(
        households_of(&list, "overdueSteps"),
        BTreeSet::from([w.steps.clone()])
    );
    assert!(households_of(&list, "followUps").is_empty(), "{list}");

    // Expiring permits and switches were audited as residence reads.
    let audited = app
        .tenant_rows(w.c.t.id, "SELECT entity_id FROM audit_log WHERE action = 'read' AND fields LIKE '%permit_expires_on%'")
        .await;
    assert!(!audited.is_empty());

    // Bad horizons are refused; a carrier administrator works no cases.
    let bad = refused(
        &app,
        &city_tok,
        "query { worklist(permitDays: -1) { followUps { householdId } } }",
        &json!({}),
    )
    .await;
    assert_eq!(bad.0, "BAD_USER_INPUT");
    assert_eq!(bad.1.as_deref(), Some("permitDays"));
    let admin = refused(&app, &w.carrier_admin.token, WORKLIST, &json!({})).await;
    assert_eq!(admin.0, "FORBIDDEN");
    // Another city's caseworker sees none of it.
    let other = app.tenant().await;
    let theirs = ok(
        &app,
        &other.caseworker.token,
        WORKLIST,
        json!({ "m": false }),
    )
    .await["worklist"]
        .clone();
    for section in [
        "followUps",
        "overdueSteps",
        "permitsExpiring",
        "benefitSwitches",
        "inCoaching",
    ] {
        assert_eq!(theirs[section], json!([]), "{section}");
    }
}

#[tokio::test]
async fn own_cases_narrow_plain_caseworkers_everywhere_and_only_admins_set_it() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let carrier = w.c.carrier.clone();
    let count = |v: &Value| v["households"]["totalCount"].as_i64().unwrap();

    // Default: the organisation's cases.
    let before = ok(&app, &w.c.cw.token, HOUSEHOLDS, json!({})).await;
    assert_eq!(count(&before), 2, "{before}");
    let q = ok(
        &app,
        &w.carrier_admin.token,
        "query($o: ID!) { caseVisibility(organisationId: $o) { ownCasesOnly version } }",
        json!({ "o": carrier }),
    )
    .await;
    assert_eq!(
        q["caseVisibility"],
        json!({ "ownCasesOnly": false, "version": 0 })
    );

    // Only administrators set it: a caseworker may not, another carrier's or city's
    // organisation looks missing, a stale version conflicts, a bad id is named.
    let cw = refused(
        &app,
        &w.c.cw.token,
        VISIBILITY,
        &json!({ "o": carrier, "v": 0, "own": true }),
    )
    .await;
    assert_eq!(cw.0, "FORBIDDEN");
    let other_org = refused(
        &app,
        &w.carrier_admin.token,
        VISIBILITY,
        &json!({ "o": w.c.t.department.to_string(), "v": 0, "own": true }),
    )
    .await;
    assert_eq!(other_org.0, "NOT_FOUND");
    let other = app.tenant().await;
    let other_admin = app
        .user(&other, other.department, "Olga Admin", &[Role::CityAdmin])
        .await;
    let cross = refused(
        &app,
        &other_admin.token,
        VISIBILITY,
        &json!({ "o": carrier, "v": 0, "own": true }),
    )
    .await;
    assert_eq!(cross.0, "NOT_FOUND");
    let bad = refused(
        &app,
        &w.city_admin.token,
        VISIBILITY,
        &json!({ "o": "nope", "v": 0, "own": true }),
    )
    .await;
    assert_eq!(bad.0, "BAD_USER_INPUT");
    assert_eq!(bad.1.as_deref(), Some("organisationId"));
    let stale = refused(
        &app,
        &w.city_admin.token,
        VISIBILITY,
        &json!({ "o": carrier, "v": 3, "own": true }),
    )
    .await;
    assert_eq!(stale.0, "CONFLICT");
    let unchanged = ok(&app, &w.c.cw.token, HOUSEHOLDS, json!({})).await;
    assert_eq!(count(&unchanged), 2);

    // The carrier narrows: Carla reaches her household only, in every read and write.
    let set = ok(
        &app,
        &w.carrier_admin.token,
        VISIBILITY,
        json!({ "o": carrier, "v": 0, "own": true }),
    )
    .await;
    assert_eq!(set["setCaseVisibility"]["version"], 1);
    let after = ok(&app, &w.c.cw.token, HOUSEHOLDS, json!({})).await;
    assert_eq!(count(&after), 1);
    assert_eq!(after["households"]["nodes"][0]["id"], w.moved.as_str());
    let hidden = refused(
        &app,
        &w.c.cw.token,
        "query($id: ID!) { household(id: $id) { id } }",
        &json!({ "id": w.steps }),
    )
    .await;
    assert_eq!(hidden.0, "NOT_FOUND");
    let write = refused(&app, &w.c.cw.token, "mutation($h: ID!) { addGoal(householdId: $h, input: { title: \"x\", steps: [{ description: \"y\", owner: HOUSEHOLD, dueOn: \"2030-01-01\" }] }) { id } }", &json!({ "h": w.steps })).await;
    assert_eq!(write.0, "NOT_FOUND");
    // The carrier's matches and guarantees follow the same reach.
    let g = ok(
        &app,
        &w.c.cw.token,
        "query($h: ID) { guarantees(householdId: $h) { totalCount } }",
        json!({ "h": w.steps }),
    )
    .await;
    assert_eq!(g["guarantees"]["totalCount"], 0);
    // The administrator keeps the organisation's view.
    let admin = ok(&app, &w.carrier_admin.token, HOUSEHOLDS, json!({})).await;
    assert_eq!(count(&admin), 2);

    // The city narrows its department: a plain city caseworker sees the households
    // naming them; a coordinator sees the city.
    ok(
        &app,
        &w.city_admin.token,
        VISIBILITY,
        json!({ "o": w.c.t.department.to_string(), "v": 0, "own": true }),
    )
    .await;
    let other_city = app
        .user(
            &w.c.t,
            w.c.t.department,
            "Carl Stadt",
            &[Role::CityCaseworker],
        )
        .await;
    let none = ok(&app, &other_city.token, HOUSEHOLDS, json!({})).await;
    assert_eq!(count(&none), 0);
    let all = ok(&app, &w.c.coord.token, HOUSEHOLDS, json!({})).await;
    assert_eq!(count(&all), 5);

    // Naming the responsible city caseworker: city staff only; the person must be an
    // active city caseworker; another city's household looks missing.
    let tok = w.c.t.caseworker.token.clone();
    let v = version(&app, &tok, &w.permit).await;
    let carrier_user = refused(
        &app,
        &tok,
        CITY_CW,
        &json!({ "h": w.permit, "v": v, "c": w.c.cw.id.to_string() }),
    )
    .await;
    assert_eq!(carrier_user.0, "BAD_USER_INPUT");
    assert_eq!(carrier_user.1.as_deref(), Some("caseworkerId"));
    assert_eq!(
        version(&app, &tok, &w.permit).await,
        v,
        "nothing was written"
    );
    let by_carrier = refused(
        &app,
        &w.c.cw.token,
        CITY_CW,
        &json!({ "h": w.moved, "v": 1, "c": other_city.id.to_string() }),
    )
    .await;
    assert_eq!(by_carrier.0, "FORBIDDEN");
    let cross = refused(
        &app,
        &other.caseworker.token,
        CITY_CW,
        &json!({ "h": w.permit, "v": v, "c": other.caseworker.id.to_string() }),
    )
    .await;
    assert_eq!(cross.0, "NOT_FOUND");
    let named = ok(
        &app,
        &tok,
        CITY_CW,
        json!({ "h": w.permit, "v": v, "c": other_city.id.to_string() }),
    )
    .await;
    assert_eq!(
        named["setCityCaseworker"]["cityCaseworkerId"],
        other_city.id.to_string()
    );
    let now_one = ok(
        &app,
        &other_city.token,
        HOUSEHOLDS,
        json!({ "f": { "mine": true } }),
    )
    .await;
    assert_eq!(now_one["households"]["nodes"][0]["id"], w.permit.as_str());
    // ... and the first caseworker no longer reaches it.
    let gone = refused(
        &app,
        &tok,
        "query($id: ID!) { household(id: $id) { id } }",
        &json!({ "id": w.permit }),
    )
    .await;
    assert_eq!(gone.0, "NOT_FOUND");
}

/// Walks every page of `query` (which must select `totalCount`, `pageInfo` and `nodes
/// { id }` on `field`), checking that `totalCount` stays the same and equals the nodes
/// walked; returns the ids.
async fn walk(app: &TestApp, tok: &str, field: &str, query: &str, vars: Value) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut after: Option<String> = None;
    let mut total = None;
    loop {
        let mut v = vars.clone();
        v["first"] = json!(2);
        v["after"] = json!(after);
        let page = ok(app, tok, query, v).await[field].clone();
        let t = page["totalCount"].as_i64().unwrap();
        assert_eq!(
            *total.get_or_insert(t),
            t,
            "{field}: totalCount changed between pages"
        );
        for n in page["nodes"].as_array().unwrap() {
            ids.insert(
                n["id"]
                    .as_str()
                    .map_or_else(|| n["seq"].to_string(), str::to_owned),
            );
        }
        if page["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = page["pageInfo"]["endCursor"].as_str().map(str::to_owned);
    }
    assert_eq!(
        total.unwrap_or(0),
        i64::try_from(ids.len()).unwrap(),
        "{field}: totalCount is not what the pages hold"
    );
    ids
}

fn listing(field: &str, args: &str, node: &str) -> String {
    format!(
        "query($first: Int, $after: String{args}) {{ {field}(first: $first, after: $after{}) {{ totalCount pageInfo {{ hasNextPage endCursor }} nodes {{ {node} }} }} }}",
        if args.is_empty() {
            String::new()
        } else {
            args.split(',')
                .filter(|a| !a.trim().is_empty())
                .map(|a| {
                    let name = a
                        .trim()
                        .trim_start_matches('$')
                        .split(':')
                        .next()
                        .unwrap()
                        .trim();
                    format!(", {name}: ${name}")
                })
                .collect::<String>()
        }
    )
}

#[tokio::test]
async fn every_connection_counts_what_its_filters_and_scope_reach() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let tok = w.c.t.caseworker.token.clone();
    let hh = |f: Value| json!({ "f": f });
    let walk_h = |t: String, f: Value| {
        let app = &app;
        async move { walk(app, &t, "households", HOUSEHOLDS, hh(f)).await }
    };

    // Households, under every new filter, against what the setup made.
    assert_eq!(walk_h(tok.clone(), json!({})).await.len(), 5);
    assert_eq!(
        walk_h(tok.clone(), json!({ "accommodationKind": "SHELTER" })).await,
        BTreeSet::from([w.permit.clone(), w.steps.clone(), w.incoming.clone()])
    );
    assert!(
        walk_h(
            tok.clone(),
            json!({ "accommodationKind": "CITY_RENTED_FLAT" })
        )
        .await
        .is_empty()
    );
    assert_eq!(
        walk_h(
            tok.clone(),
            json!({ "residenceStatus": "TEMPORARY_PROTECTION" })
        )
        .await,
        BTreeSet::from([w.permit.clone(), w.steps.clone()])
    );
    assert_eq!(
        walk_h(tok.clone(), json!({ "benefitFramework": "ASYLBLG" })).await,
        BTreeSet::from([w.permit.clone(), w.steps.clone()])
    );
    assert_eq!(
        walk_h(tok.clone(), json!({ "permitExpiresBefore": day(60) })).await,
        BTreeSet::from([w.permit.clone()])
    );
    assert!(
        walk_h(tok.clone(), json!({ "permitExpiresBefore": day(10) }))
            .await
            .is_empty()
    );
    assert_eq!(
        walk_h(tok.clone(), json!({ "benefitSwitchBefore": day(15) })).await,
        BTreeSet::from([w.steps.clone()])
    );
    assert_eq!(
        walk_h(tok.clone(), json!({ "inTenancyCoaching": true })).await,
        BTreeSet::from([w.coached.clone()])
    );
    assert_eq!(
        walk_h(tok.clone(), json!({ "followUpDueBefore": day(45) })).await,
        BTreeSet::from([w.moved.clone()])
    );
    assert!(
        walk_h(tok.clone(), json!({ "followUpDueBefore": day(10) }))
            .await
            .is_empty()
    );
    assert_eq!(walk_h(tok.clone(), json!({ "mine": true })).await.len(), 5);
    assert_eq!(
        walk_h(w.c.cw.token.clone(), json!({ "mine": true })).await,
        BTreeSet::from([w.moved.clone()])
    );
    assert_eq!(
        walk_h(w.c.cw.token.clone(), json!({})).await,
        BTreeSet::from([w.moved.clone(), w.steps.clone()])
    );
    // Filtering by residence data is a read of it (audited), closed to carrier admins.
    let before = app
        .tenant_rows(w.c.t.id, "SELECT seq FROM audit_log WHERE action = 'read'")
        .await
        .len();
    walk_h(tok.clone(), json!({ "benefitFramework": "ASYLBLG" })).await;
    let after = app
        .tenant_rows(w.c.t.id, "SELECT seq FROM audit_log WHERE action = 'read'")
        .await
        .len();
    assert_eq!(after - before, 2, "one audited read per household found");
    let admin = refused(
        &app,
        &w.carrier_admin.token,
        HOUSEHOLDS,
        &hh(json!({ "residenceStatus": "RECOGNISED_REFUGEE" })),
    )
    .await;
    assert_eq!(admin.0, "FORBIDDEN");
    let bad = refused(
        &app,
        &tok,
        HOUSEHOLDS,
        &hh(json!({ "permitExpiresBefore": "soon" })),
    )
    .await;
    assert_eq!(bad.1.as_deref(), Some("filter.permitExpiresBefore"));

    // Every other connection: the count equals what its pages hold (and, where the
    // setup fixes it, what the setup made; `None`: whatever the city has).
    let admin_tok = w.city_admin.token.clone();
    let coord = w.c.coord.token.clone();
    let lists: [(&str, &str, Option<usize>); 10] = [
        (&tok, "accommodations", Some(2)),
        (&coord, "guarantees", Some(1)),
        (&tok, "placements", Some(2)),
        (&w.c.cw.token, "placements", Some(1)),
        (&tok, "landlords", None),
        (&tok, "offers", None),
        (&tok, "matches", None),
        (&tok, "scheduledMoves", None),
        (&admin_tok, "organisations", Some(3)),
        (&w.carrier_admin.token, "users", Some(3)),
    ];
    for (t, field, want) in lists {
        let got = walk(&app, t, field, &listing(field, "", "id"), json!({}))
            .await
            .len();
        if let Some(want) = want {
            assert_eq!(got, want, "{field}");
        }
    }
    assert!(
        walk(
            &app,
            &admin_tok,
            "users",
            &listing("users", "", "id"),
            json!({})
        )
        .await
        .len()
            >= 6
    );
    let log = walk(
        &app,
        &admin_tok,
        "auditLog",
        &listing("auditLog", ", $entity: String", "seq"),
        json!({ "entity": "household" }),
    )
    .await;
    assert!(log.len() > 5);
    let operator = app
        .platform_user("Otto Operator", Role::PlatformOperator)
        .await;
    let tenants = walk(
        &app,
        &operator.token,
        "tenants",
        &listing("tenants", "", "id"),
        json!({}),
    )
    .await;
    assert!(!tenants.is_empty());

    // Another city counts its own only.
    let other = app.tenant().await;
    let theirs = ok(&app, &other.caseworker.token, HOUSEHOLDS, json!({})).await;
    assert_eq!(theirs["households"]["totalCount"], 0);
}

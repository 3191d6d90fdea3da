//! Administration: operators manage tenants and platform users; city admins manage
//! organisations, users and grants of their tenant; carrier admins those of their own
//! organisation. Happy paths, bad input, cross-tenant, carrier scope, escalation,
//! audit, and the full role × operation matrix.

use serde_json::{Value, json};
use wohnweg_identity::OrganisationKind;
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, TestTenant, TestUser, first_code};

const CREATE_TENANT: &str = "mutation($i: CreateTenantInput!) { createTenant(input: $i) { id slug name state defaultLocale active version } }";
const DEACTIVATE_TENANT: &str =
    "mutation($id: ID!, $v: Int!) { deactivateTenant(id: $id, version: $v) { id active version } }";
const TENANTS: &str = "query($first: Int, $after: String) { tenants(first: $first, after: $after) { edges { cursor node { slug } } pageInfo { hasNextPage } } }";
const CREATE_PLATFORM_USER: &str =
    "mutation($i: CreatePlatformUserInput!) { createPlatformUser(input: $i) { id role } }";
const CREATE_ORG: &str = "mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id slug kind contact } }";
const ORGS: &str = "{ organisations { edges { node { id slug kind } } } }";
const USERS: &str = "query($org: ID) { users(organisationId: $org) { edges { node { id email roles active version organisationId } } } }";
const INVITE: &str = "mutation($i: InviteUserInput!) { inviteUser(input: $i) { id displayName email roles active version organisationId } }";
const DEACTIVATE_USER: &str =
    "mutation($id: ID!, $v: Int!) { deactivateUser(id: $id, version: $v) { id active version } }";
const GRANT: &str = "mutation($u: ID!, $r: Role!) { grantRole(userId: $u, role: $r) { id roles } }";
const REVOKE: &str =
    "mutation($u: ID!, $r: Role!) { revokeRole(userId: $u, role: $r) { id roles } }";
const VIEWER_ROLES: &str = "{ viewer { roles organisation { slug } } }";

fn unique(prefix: &str) -> String {
    format!(
        "{prefix}-{}",
        &uuid::Uuid::new_v4().simple().to_string()[..8]
    )
}

fn email() -> String {
    format!("{}@example.org", uuid::Uuid::new_v4().simple())
}

fn ok(body: &Value) -> &Value {
    assert!(body["errors"].is_null(), "unexpected errors: {body}");
    &body["data"]
}

/// A tenant with a city admin, a carrier organisation with a carrier admin and a
/// carrier caseworker.
struct City {
    t: TestTenant,
    admin: TestUser,
    carrier: wohnweg_kernel::OrganisationId,
    carrier_admin: TestUser,
    carrier_worker: TestUser,
}

async fn city(app: &TestApp) -> City {
    let t = app.tenant().await;
    let admin = app
        .user(&t, t.department, "Anna Admin", &[Role::CityAdmin])
        .await;
    let carrier = app
        .organisation(&t, "caritas", "Caritas", OrganisationKind::Carrier)
        .await;
    let carrier_admin = app
        .user(&t, carrier, "Carl Carrieradmin", &[Role::CarrierAdmin])
        .await;
    let carrier_worker = app
        .user(&t, carrier, "Wera Worker", &[Role::CarrierCaseworker])
        .await;
    City {
        t,
        admin,
        carrier,
        carrier_admin,
        carrier_worker,
    }
}

#[tokio::test]
async fn operator_creates_lists_and_deactivates_tenants() {
    let app = TestApp::spawn().await;
    let op = app
        .platform_user("Olga Operator", Role::PlatformOperator)
        .await;
    let slug = unique("neustadt");
    let (_, body) = app
        .gql(
            Some(&op.token),
            CREATE_TENANT,
            json!({ "i": { "slug": slug, "name": "Neustadt", "state": "nw" } }),
        )
        .await;
    let created = ok(&body)["createTenant"].clone();
    assert_eq!(created["state"], "NW");
    assert_eq!(created["defaultLocale"], "de");
    assert_eq!(created["active"], true);

    // Listed, with keyset paging: with more cities than a page holds, walking the
    // pages one by one yields every city once, in the order of the full list.
    for name in ["zweitstadt", "drittstadt"] {
        let (_, body) = app
            .gql(
                Some(&op.token),
                CREATE_TENANT,
                json!({ "i": { "slug": unique(name), "name": name, "state": "NW" } }),
            )
            .await;
        ok(&body);
    }
    let (_, body) = app
        .gql(Some(&op.token), TENANTS, json!({ "first": 100 }))
        .await;
    let edges = ok(&body)["tenants"]["edges"].as_array().unwrap().clone();
    assert!(edges.iter().any(|e| e["node"]["slug"] == slug), "{body}");
    assert!(edges.len() >= 3, "{body}");
    let all: Vec<Value> = edges.iter().map(|e| e["node"]["slug"].clone()).collect();
    let mut walked = Vec::new();
    let mut after = Value::Null;
    loop {
        let (_, body) = app
            .gql(
                Some(&op.token),
                TENANTS,
                json!({ "first": 1, "after": after }),
            )
            .await;
        let page = ok(&body)["tenants"].clone();
        let page_edges = page["edges"].as_array().unwrap();
        assert_eq!(page_edges.len(), 1, "{page}");
        walked.push(page_edges[0]["node"]["slug"].clone());
        after = page_edges[0]["cursor"].clone();
        if page["pageInfo"]["hasNextPage"] == false {
            break;
        }
        assert!(walked.len() <= all.len(), "paging does not end: {walked:?}");
    }
    assert_eq!(walked, all, "every city once, in order");

    // A user of a tenant loses access when the tenant is deactivated.
    let t = app.tenant().await;
    let (_, body) = app
        .gql(Some(&t.caseworker.token), VIEWER_ROLES, json!({}))
        .await;
    ok(&body);
    let (_, body) = app
        .gql(
            Some(&op.token),
            DEACTIVATE_TENANT,
            json!({ "id": t.id.to_string(), "v": 1 }),
        )
        .await;
    assert_eq!(ok(&body)["deactivateTenant"]["active"], false);
    assert_eq!(body["data"]["deactivateTenant"]["version"], 2);
    let (_, body) = app
        .gql(Some(&t.caseworker.token), VIEWER_ROLES, json!({}))
        .await;
    assert_eq!(first_code(&body), Some("UNAUTHENTICATED"), "{body}");
    // A stale version is a conflict; an unknown id is not found.
    let (_, body) = app
        .gql(
            Some(&op.token),
            DEACTIVATE_TENANT,
            json!({ "id": t.id.to_string(), "v": 1 }),
        )
        .await;
    assert_eq!(first_code(&body), Some("CONFLICT"), "{body}");
    let (_, body) = app
        .gql(
            Some(&op.token),
            DEACTIVATE_TENANT,
            json!({ "id": uuid::Uuid::now_v7().to_string(), "v": 1 }),
        )
        .await;
    assert_eq!(first_code(&body), Some("NOT_FOUND"), "{body}");
}

#[tokio::test]
async fn bad_tenant_input_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let op = app
        .platform_user("Olga Operator", Role::PlatformOperator)
        .await;
    let count = |body: &Value| {
        body["data"]["tenants"]["edges"]
            .as_array()
            .map_or(0, Vec::len)
    };
    let (_, before) = app
        .gql(Some(&op.token), TENANTS, json!({ "first": 100 }))
        .await;
    for (field, input) in [
        (
            "slug",
            json!({ "slug": "Köln!", "name": "X", "state": "NW" }),
        ),
        (
            "name",
            json!({ "slug": unique("x"), "name": "   ", "state": "NW" }),
        ),
        (
            "state",
            json!({ "slug": unique("x"), "name": "X", "state": "ZZ" }),
        ),
        (
            "defaultLocale",
            json!({ "slug": unique("x"), "name": "X", "state": "NW", "defaultLocale": "fr" }),
        ),
    ] {
        let (_, body) = app
            .gql(Some(&op.token), CREATE_TENANT, json!({ "i": input }))
            .await;
        assert_eq!(first_code(&body), Some("BAD_USER_INPUT"), "{field}: {body}");
        // Named from the argument, as every input field of the API is.
        assert_eq!(
            body["errors"][0]["extensions"]["field"],
            format!("input.{field}"),
            "{body}"
        );
    }
    let slug = unique("doppelt");
    let input = json!({ "i": { "slug": slug, "name": "Doppelt", "state": "NW" } });
    ok(&app
        .gql(Some(&op.token), CREATE_TENANT, input.clone())
        .await
        .1);
    let (_, body) = app.gql(Some(&op.token), CREATE_TENANT, input).await;
    assert_eq!(first_code(&body), Some("CONFLICT"), "{body}");
    let (_, after) = app
        .gql(Some(&op.token), TENANTS, json!({ "first": 100 }))
        .await;
    assert_eq!(
        count(&after),
        count(&before) + 1,
        "only the one valid tenant was added"
    );
    let (_, body) = app
        .gql(Some(&op.token), TENANTS, json!({ "first": 101 }))
        .await;
    assert_eq!(first_code(&body), Some("BAD_USER_INPUT"), "{body}");
    let (_, body) = app
        .gql(Some(&op.token), TENANTS, json!({ "after": "garbage" }))
        .await;
    assert_eq!(first_code(&body), Some("BAD_USER_INPUT"), "{body}");
    let (_, body) = app
        .gql(
            Some(&op.token),
            DEACTIVATE_TENANT,
            json!({ "id": "not-an-id", "v": 1 }),
        )
        .await;
    assert_eq!(first_code(&body), Some("BAD_USER_INPUT"), "{body}");
}

#[tokio::test]
async fn operator_creates_a_state_officer_who_can_sign_in() {
    let app = TestApp::spawn().await;
    let op = app
        .platform_user("Olga Operator", Role::PlatformOperator)
        .await;
    let (_, body) = app
        .gql(
            Some(&op.token),
            CREATE_PLATFORM_USER,
            json!({ "i": { "displayName": "Stella Statistik", "email": email(), "role": "STATE_OFFICER" } }),
        )
        .await;
    let id: wohnweg_kernel::UserId = ok(&body)["createPlatformUser"]["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let token = app.token(id, None);
    let (_, body) = app.gql(Some(&token), VIEWER_ROLES, json!({})).await;
    assert_eq!(ok(&body)["viewer"]["roles"], json!(["STATE_OFFICER"]));
    // Tenant roles are not platform roles.
    let (_, body) = app
        .gql(
            Some(&op.token),
            CREATE_PLATFORM_USER,
            json!({ "i": { "displayName": "X", "email": email(), "role": "CITY_ADMIN" } }),
        )
        .await;
    assert_eq!(first_code(&body), Some("BAD_USER_INPUT"), "{body}");
}

#[tokio::test]
async fn city_admin_adds_a_carrier_and_its_staff_who_sign_in_with_the_carrier() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let (_, body) = app
        .gql(
            Some(&c.admin.token),
            CREATE_ORG,
            json!({ "i": { "slug": "drk", "name": "DRK", "kind": "CARRIER", "contact": "Tel. 0221 000" } }),
        )
        .await;
    let org = ok(&body)["createOrganisation"].clone();
    assert_eq!(org["kind"], "CARRIER");
    assert_eq!(org["contact"], "Tel. 0221 000");
    let (_, body) = app.gql(Some(&c.admin.token), ORGS, json!({})).await;
    let slugs: Vec<&str> = ok(&body)["organisations"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["node"]["slug"].as_str())
        .collect();
    assert!(
        slugs.contains(&"drk") && slugs.contains(&"stadt"),
        "{slugs:?}"
    );

    let mail = email();
    let (_, body) = app
        .gql(
            Some(&c.admin.token),
            INVITE,
            json!({ "i": { "organisationId": org["id"], "displayName": "Dana Drk", "email": mail, "roles": ["CARRIER_CASEWORKER"] } }),
        )
        .await;
    let user = ok(&body)["inviteUser"].clone();
    assert_eq!(user["roles"], json!(["CARRIER_CASEWORKER"]));
    assert_eq!(user["organisationId"], org["id"]);
    let id: wohnweg_kernel::UserId = user["id"].as_str().unwrap().parse().unwrap();
    let token = app.token(id, Some(c.t.id));
    let (_, body) = app.gql(Some(&token), VIEWER_ROLES, json!({})).await;
    assert_eq!(ok(&body)["viewer"]["organisation"]["slug"], "drk");

    // Listed among the organisation's users.
    let (_, body) = app
        .gql(Some(&c.admin.token), USERS, json!({ "org": org["id"] }))
        .await;
    let users = ok(&body)["users"]["edges"].as_array().unwrap().clone();
    assert_eq!(users.len(), 1);
    assert_eq!(users[0]["node"]["email"], mail);

    // The change is audited by field name, never by value.
    let rows: Vec<_> = app
        .tenant_rows(
            c.t.id,
            "SELECT entity_id, actor_user, action, fields, entity FROM audit_log",
        )
        .await
        .into_iter()
        .filter(|r| r.try_get::<uuid::Uuid>("", "entity_id").ok() == Some(id.uuid()))
        .collect();
    assert_eq!(rows.len(), 1, "one audit entry for the invitation");
    let fields: String = rows[0].try_get("", "fields").unwrap();
    let action: String = rows[0].try_get("", "action").unwrap();
    assert_eq!(action, "invite");
    let actor: uuid::Uuid = rows[0].try_get("", "actor_user").unwrap();
    assert_eq!(actor, c.admin.id.uuid(), "the inviting admin is recorded");
    assert!(
        fields.contains("email") && !fields.contains(&mail),
        "{fields}"
    );
}

#[tokio::test]
async fn revoked_roles_and_deactivated_users_lose_access_on_the_next_request() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let worker = &c.carrier_worker;
    // The worker's principal is resolved (and cached) before each change, so every
    // change below must reach the next request through the cache's invalidation.
    let (_, body) = app.gql(Some(&worker.token), VIEWER_ROLES, json!({})).await;
    assert_eq!(ok(&body)["viewer"]["roles"], json!(["CARRIER_CASEWORKER"]));
    let (_, body) = app.gql(Some(&worker.token), USERS, json!({})).await;
    assert_eq!(first_code(&body), Some("FORBIDDEN"), "{body}");
    let (_, body) = app
        .gql(
            Some(&c.admin.token),
            GRANT,
            json!({ "u": worker.id.to_string(), "r": "CARRIER_ADMIN" }),
        )
        .await;
    assert_eq!(
        ok(&body)["grantRole"]["roles"],
        json!(["CARRIER_ADMIN", "CARRIER_CASEWORKER"])
    );
    let (_, body) = app.gql(Some(&worker.token), VIEWER_ROLES, json!({})).await;
    assert_eq!(
        ok(&body)["viewer"]["roles"],
        json!(["CARRIER_ADMIN", "CARRIER_CASEWORKER"])
    );
    // The new role works at once: the worker can list its organisation's users.
    let (_, body) = app.gql(Some(&worker.token), USERS, json!({})).await;
    ok(&body);

    let (_, body) = app
        .gql(
            Some(&c.admin.token),
            REVOKE,
            json!({ "u": worker.id.to_string(), "r": "CARRIER_ADMIN" }),
        )
        .await;
    assert_eq!(
        ok(&body)["revokeRole"]["roles"],
        json!(["CARRIER_CASEWORKER"])
    );
    let (_, body) = app.gql(Some(&worker.token), USERS, json!({})).await;
    assert_eq!(first_code(&body), Some("FORBIDDEN"), "{body}");

    // Grants must fit the organisation's kind.
    let (_, body) = app
        .gql(
            Some(&c.admin.token),
            GRANT,
            json!({ "u": worker.id.to_string(), "r": "CITY_CASEWORKER" }),
        )
        .await;
    assert_eq!(first_code(&body), Some("BAD_USER_INPUT"), "{body}");

    let (_, body) = app
        .gql(
            Some(&c.admin.token),
            DEACTIVATE_USER,
            json!({ "id": worker.id.to_string(), "v": 7 }),
        )
        .await;
    assert_eq!(
        first_code(&body),
        Some("CONFLICT"),
        "a stale version: {body}"
    );
    let (_, body) = app
        .gql(
            Some(&c.admin.token),
            DEACTIVATE_USER,
            json!({ "id": worker.id.to_string(), "v": 1 }),
        )
        .await;
    assert_eq!(ok(&body)["deactivateUser"]["active"], false);
    let (_, body) = app.gql(Some(&worker.token), VIEWER_ROLES, json!({})).await;
    assert_eq!(first_code(&body), Some("UNAUTHENTICATED"), "{body}");
}

#[tokio::test]
async fn bad_user_input_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let carrier = c.carrier.to_string();
    for (field, input) in [
        (
            "email",
            json!({ "organisationId": carrier, "displayName": "X", "email": "nope", "roles": ["CARRIER_CASEWORKER"] }),
        ),
        (
            "displayName",
            json!({ "organisationId": carrier, "displayName": "", "email": email(), "roles": ["CARRIER_CASEWORKER"] }),
        ),
        (
            "organisationId",
            json!({ "organisationId": "x", "displayName": "X", "email": email(), "roles": ["CARRIER_CASEWORKER"] }),
        ),
        (
            "roles",
            json!({ "organisationId": carrier, "displayName": "X", "email": email(), "roles": ["CITY_CASEWORKER"] }),
        ),
        (
            "roles",
            json!({ "organisationId": carrier, "displayName": "X", "email": email(), "roles": [] }),
        ),
    ] {
        let (_, body) = app
            .gql(Some(&c.admin.token), INVITE, json!({ "i": input }))
            .await;
        assert_eq!(first_code(&body), Some("BAD_USER_INPUT"), "{field}: {body}");
        // Named from the argument, as every input field of the API is.
        assert_eq!(
            body["errors"][0]["extensions"]["field"],
            format!("input.{field}"),
            "{body}"
        );
    }
    // A duplicate e-mail in the tenant is a conflict.
    let mail = email();
    let invite = json!({ "i": { "organisationId": carrier, "displayName": "X", "email": mail, "roles": ["CARRIER_CASEWORKER"] } });
    ok(&app
        .gql(Some(&c.admin.token), INVITE, invite.clone())
        .await
        .1);
    let (_, body) = app.gql(Some(&c.admin.token), INVITE, invite).await;
    assert_eq!(first_code(&body), Some("CONFLICT"), "{body}");
    let (_, body) = app
        .gql(Some(&c.admin.token), USERS, json!({ "org": carrier }))
        .await;
    assert_eq!(
        ok(&body)["users"]["edges"].as_array().unwrap().len(),
        3,
        "two seeded + one invited"
    );
    let (_, body) = app
        .gql(
            Some(&c.admin.token),
            CREATE_ORG,
            json!({ "i": { "slug": "caritas", "name": "Again", "kind": "CARRIER" } }),
        )
        .await;
    assert_eq!(first_code(&body), Some("CONFLICT"), "{body}");
}

#[tokio::test]
async fn another_tenants_ids_look_missing() {
    let app = TestApp::spawn().await;
    let a = city(&app).await;
    let b = city(&app).await;
    let b_user = b.carrier_worker.id.to_string();
    for (what, query, vars) in [
        (
            "deactivate",
            DEACTIVATE_USER,
            json!({ "id": b_user, "v": 1 }),
        ),
        ("grant", GRANT, json!({ "u": b_user, "r": "CARRIER_ADMIN" })),
        (
            "revoke",
            REVOKE,
            json!({ "u": b_user, "r": "CARRIER_CASEWORKER" }),
        ),
        (
            "invite into B",
            INVITE,
            json!({ "i": { "organisationId": b.carrier.to_string(), "displayName": "X", "email": email(), "roles": ["CARRIER_CASEWORKER"] } }),
        ),
    ] {
        let (_, body) = app.gql(Some(&a.admin.token), query, vars).await;
        assert_eq!(first_code(&body), Some("NOT_FOUND"), "{what}: {body}");
    }
    // B's user is untouched and still signs in with its role.
    let (_, body) = app
        .gql(Some(&b.carrier_worker.token), VIEWER_ROLES, json!({}))
        .await;
    assert_eq!(ok(&body)["viewer"]["roles"], json!(["CARRIER_CASEWORKER"]));
    // Lists show only A.
    let (_, body) = app.gql(Some(&a.admin.token), USERS, json!({})).await;
    let text = body.to_string();
    assert!(
        !text.contains(&b_user) && text.contains(&a.carrier_worker.id.to_string()),
        "{text}"
    );
    let (_, body) = app
        .gql(
            Some(&a.admin.token),
            USERS,
            json!({ "org": b.carrier.to_string() }),
        )
        .await;
    assert_eq!(ok(&body)["users"]["edges"], json!([]));
    let (_, body) = app.gql(Some(&a.admin.token), ORGS, json!({})).await;
    assert!(!body.to_string().contains(&b.carrier.to_string()), "{body}");
}

#[tokio::test]
async fn carrier_admins_reach_only_their_own_organisation() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let other = app
        .organisation(&c.t, "drk", "DRK", OrganisationKind::Carrier)
        .await;
    let other_worker = app
        .user(&c.t, other, "Olli Other", &[Role::CarrierCaseworker])
        .await;
    let (_, body) = app.gql(Some(&c.carrier_admin.token), ORGS, json!({})).await;
    let edges = ok(&body)["organisations"]["edges"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(edges.len(), 1);
    assert_eq!(edges[0]["node"]["slug"], "caritas");
    let (_, body) = app
        .gql(Some(&c.carrier_admin.token), USERS, json!({}))
        .await;
    let text = body.to_string();
    assert!(text.contains(&c.carrier_worker.id.to_string()), "{text}");
    assert!(
        !text.contains(&other_worker.id.to_string()) && !text.contains(&c.admin.id.to_string()),
        "{text}"
    );
    // Within its organisation it may staff carrier roles.
    let (_, body) = app
        .gql(
            Some(&c.carrier_admin.token),
            INVITE,
            json!({ "i": { "organisationId": c.carrier.to_string(), "displayName": "Neu", "email": email(), "roles": ["CARRIER_CASEWORKER"] } }),
        )
        .await;
    ok(&body);
    // Another organisation of the same city looks missing; city roles are beyond it.
    for (what, query, vars, code) in [
        (
            "deactivate other org's user",
            DEACTIVATE_USER,
            json!({ "id": other_worker.id.to_string(), "v": 1 }),
            "NOT_FOUND",
        ),
        (
            "invite into other org",
            INVITE,
            json!({ "i": { "organisationId": other.to_string(), "displayName": "X", "email": email(), "roles": ["CARRIER_CASEWORKER"] } }),
            "NOT_FOUND",
        ),
        (
            "deactivate the city admin",
            DEACTIVATE_USER,
            json!({ "id": c.admin.id.to_string(), "v": 1 }),
            "NOT_FOUND",
        ),
        (
            "grant a city role",
            GRANT,
            json!({ "u": c.carrier_worker.id.to_string(), "r": "CITY_ADMIN" }),
            "FORBIDDEN",
        ),
        (
            "invite with a city role",
            INVITE,
            json!({ "i": { "organisationId": c.carrier.to_string(), "displayName": "X", "email": email(), "roles": ["CITY_ADMIN"] } }),
            "FORBIDDEN",
        ),
        (
            "create an organisation",
            CREATE_ORG,
            json!({ "i": { "slug": "mine", "name": "Mine", "kind": "CARRIER" } }),
            "FORBIDDEN",
        ),
    ] {
        let (_, body) = app.gql(Some(&c.carrier_admin.token), query, vars).await;
        assert_eq!(first_code(&body), Some(code), "{what}: {body}");
    }
}

#[tokio::test]
async fn nobody_escalates_their_own_privileges() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let op = app
        .platform_user("Olga Operator", Role::PlatformOperator)
        .await;
    for (who, user) in [
        ("carrier admin", &c.carrier_admin),
        ("carrier caseworker", &c.carrier_worker),
        ("city caseworker", &c.t.caseworker),
        ("city admin", &c.admin),
    ] {
        for role in [
            "CITY_ADMIN",
            "CITY_COORDINATOR",
            "CARRIER_ADMIN",
            "PLATFORM_OPERATOR",
        ] {
            let (_, body) = app
                .gql(
                    Some(&user.token),
                    GRANT,
                    json!({ "u": user.id.to_string(), "r": role }),
                )
                .await;
            assert_eq!(
                first_code(&body),
                Some("FORBIDDEN"),
                "{who} granting itself {role}: {body}"
            );
        }
    }
    let (_, body) = app
        .gql(
            Some(&c.admin.token),
            DEACTIVATE_USER,
            json!({ "id": c.admin.id.to_string(), "v": 1 }),
        )
        .await;
    assert_eq!(first_code(&body), Some("FORBIDDEN"), "{body}");
    // A city admin cannot hand out platform roles, and an operator reaches no tenant.
    let (_, body) = app
        .gql(
            Some(&c.admin.token),
            GRANT,
            json!({ "u": c.t.caseworker.id.to_string(), "r": "PLATFORM_OPERATOR" }),
        )
        .await;
    assert_eq!(first_code(&body), Some("FORBIDDEN"), "{body}");
    let (_, body) = app
        .gql(
            Some(&op.token),
            GRANT,
            json!({ "u": c.t.caseworker.id.to_string(), "r": "CITY_ADMIN" }),
        )
        .await;
    assert_eq!(first_code(&body), Some("FORBIDDEN"), "{body}");
    // Still exactly the roles they had.
    let (_, body) = app
        .gql(Some(&c.carrier_admin.token), VIEWER_ROLES, json!({}))
        .await;
    assert_eq!(ok(&body)["viewer"]["roles"], json!(["CARRIER_ADMIN"]));
}

#[tokio::test]
async fn role_matrix_every_role_by_every_admin_operation() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let op = app
        .platform_user("Olga Operator", Role::PlatformOperator)
        .await;
    let officer = app
        .platform_user("Stella Statistik", Role::StateOfficer)
        .await;
    let coordinator = app
        .user(
            &c.t,
            c.t.department,
            "Koko Koordination",
            &[Role::CityCoordinator],
        )
        .await;
    let principals: Vec<(Role, &TestUser)> = vec![
        (Role::PlatformOperator, &op),
        (Role::CityAdmin, &c.admin),
        (Role::CityCaseworker, &c.t.caseworker),
        (Role::CityCoordinator, &coordinator),
        (Role::CarrierAdmin, &c.carrier_admin),
        (Role::CarrierCaseworker, &c.carrier_worker),
        (Role::StateOfficer, &officer),
    ];
    assert_eq!(principals.len(), Role::ALL.len());
    let platform: &[Role] = &[Role::PlatformOperator];
    let admins: &[Role] = &[Role::CityAdmin, Role::CarrierAdmin];
    let city_admin: &[Role] = &[Role::CityAdmin];

    for (role, user) in principals {
        // Fresh targets per principal, so an allowed change never blocks the next.
        let throwaway = app.tenant().await;
        let target = app
            .user(&c.t, c.carrier, "Tara Target", &[Role::CarrierCaseworker])
            .await;
        let target_id = target.id.to_string();
        let ops: Vec<(&str, &[Role], &str, Value)> = vec![
            ("tenants", platform, TENANTS, json!({})),
            (
                "createTenant",
                platform,
                CREATE_TENANT,
                json!({ "i": { "slug": unique("m"), "name": "M", "state": "NW" } }),
            ),
            (
                "deactivateTenant",
                platform,
                DEACTIVATE_TENANT,
                json!({ "id": throwaway.id.to_string(), "v": 1 }),
            ),
            (
                "createPlatformUser",
                platform,
                CREATE_PLATFORM_USER,
                json!({ "i": { "displayName": "P", "email": email(), "role": "STATE_OFFICER" } }),
            ),
            ("organisations", admins, ORGS, json!({})),
            ("users", admins, USERS, json!({})),
            (
                "createOrganisation",
                city_admin,
                CREATE_ORG,
                json!({ "i": { "slug": unique("o"), "name": "O", "kind": "CARRIER" } }),
            ),
            (
                "inviteUser",
                admins,
                INVITE,
                json!({ "i": { "organisationId": c.carrier.to_string(), "displayName": "I", "email": email(), "roles": ["CARRIER_CASEWORKER"] } }),
            ),
            (
                "grantRole",
                admins,
                GRANT,
                json!({ "u": target_id, "r": "CARRIER_ADMIN" }),
            ),
            (
                "revokeRole",
                admins,
                REVOKE,
                json!({ "u": target_id, "r": "CARRIER_ADMIN" }),
            ),
            (
                "deactivateUser",
                admins,
                DEACTIVATE_USER,
                json!({ "id": target_id, "v": 1 }),
            ),
            (
                "auditLog",
                city_admin,
                "{ auditLog { edges { node { seq } } } }",
                json!({}),
            ),
            (
                "verifyAuditChain",
                city_admin,
                "{ verifyAuditChain { intact } }",
                json!({}),
            ),
        ];
        for (name, allowed, query, vars) in ops {
            let (_, body) = app.gql(Some(&user.token), query, vars).await;
            if allowed.contains(&role) {
                assert!(
                    body["errors"].is_null(),
                    "{} must be allowed {name}: {body}",
                    role.as_str()
                );
            } else {
                assert_eq!(
                    first_code(&body),
                    Some("FORBIDDEN"),
                    "{} must be denied {name}: {body}",
                    role.as_str()
                );
            }
        }
    }
}

#[tokio::test]
async fn a_city_with_a_bad_first_admin_is_not_created_at_all() {
    let app = TestApp::spawn().await;
    let op = app
        .platform_user("Olga Operator", Role::PlatformOperator)
        .await;
    let slug = unique("halb");
    let first = |email: &str| {
        json!({ "i": { "slug": slug, "name": "Halbstadt", "state": "NW", "firstAdmin": {
        "departmentSlug": "stadt", "departmentName": "Stadt", "displayName": "Ada", "email": email } } })
    };
    let (_, body) = app
        .gql(Some(&op.token), CREATE_TENANT, first("not-an-email"))
        .await;
    assert_eq!(first_code(&body), Some("BAD_USER_INPUT"), "{body}");
    assert_eq!(
        body["errors"][0]["extensions"]["field"],
        "input.firstAdmin.email"
    );
    let (_, body) = app
        .gql(Some(&op.token), TENANTS, json!({ "first": 100 }))
        .await;
    assert!(
        !body.to_string().contains(&slug),
        "no half-made city: {body}"
    );
    // A failure inside the transaction — after the city and its department were
    // written, when the admin is — leaves nothing behind either. The failure is forced
    // with a trigger on the users table, as a crash or a constraint would.
    use sea_orm::ConnectionTrait;
    let trigger = "CREATE FUNCTION ww_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN IF NEW.display_name = 'Ada Abbruch' THEN RAISE EXCEPTION 'forced failure'; END IF; \
         RETURN NEW; END $$; \
         CREATE TRIGGER ww_test_fail BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION ww_test_fail();";
    let owner = app.pg_admin().await;
    match &owner {
        Some(admin) => {
            admin.execute_unprepared(trigger).await.unwrap();
        }
        None => {
            app.db
                .raw()
                .execute_unprepared(
                    "CREATE TRIGGER ww_test_fail BEFORE INSERT ON users \
                     WHEN NEW.display_name = 'Ada Abbruch' \
                     BEGIN SELECT RAISE(ABORT, 'forced failure'); END;",
                )
                .await
                .unwrap();
        }
    }
    let aborted = unique("abbruch");
    let (_, body) = app
        .gql(
            Some(&op.token),
            CREATE_TENANT,
            json!({ "i": { "slug": aborted, "name": "Abbruchstadt", "state": "NW", "firstAdmin": {
                "departmentSlug": "abbruch-amt", "departmentName": "Amt", "displayName": "Ada Abbruch", "email": email() } } }),
        )
        .await;
    assert_eq!(first_code(&body), Some("INTERNAL"), "{body}");
    let raw = |sql: &'static str| {
        let conn = owner.clone();
        let db = app.db.clone();
        async move {
            let rows = match conn {
                Some(c) => c
                    .query_all_raw(sea_orm::Statement::from_string(
                        sea_orm::DbBackend::Postgres,
                        sql,
                    ))
                    .await
                    .unwrap(),
                None => db
                    .raw()
                    .query_all_raw(sea_orm::Statement::from_string(
                        sea_orm::DbBackend::Sqlite,
                        sql,
                    ))
                    .await
                    .unwrap(),
            };
            rows[0].try_get_by_index::<i64>(0).unwrap()
        }
    };
    assert_eq!(
        raw("SELECT COUNT(*) FROM tenants WHERE name = 'Abbruchstadt'").await,
        0,
        "the city row was rolled back"
    );
    assert_eq!(
        raw("SELECT COUNT(*) FROM organisations WHERE slug = 'abbruch-amt'").await,
        0,
        "the department row was rolled back"
    );

    // With a valid admin, the city, its department and its admin exist together.
    let (_, body) = app
        .gql(Some(&op.token), CREATE_TENANT, first(&email()))
        .await;
    let id: wohnweg_kernel::TenantId = ok(&body)["createTenant"]["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let rows = app
        .tenant_rows(id, "SELECT action, entity FROM audit_log")
        .await;
    assert_eq!(
        rows.len(),
        2,
        "department and admin creation are audited in the city's log"
    );
}

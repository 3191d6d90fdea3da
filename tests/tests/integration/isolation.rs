//! Tenant A's credentials never reach tenant B, through any path this slice has.

use std::collections::BTreeSet;

use serde_json::json;
use wohnweg_identity::{Identity, OrganisationKind};
use wohnweg_kernel::{Ctx, Error, Principal, PrincipalKind, Role};
use wohnweg_tests::{TestApp, first_code};

#[tokio::test]
async fn a_token_naming_another_tenant_finds_no_user() {
    let app = TestApp::spawn().await;
    let a = app.tenant().await;
    let b = app.tenant().await;
    // A's user presented as a member of B, and B's user as a member of A: both look
    // like users that do not exist.
    for (user, tenant) in [(a.caseworker.id, b.id), (b.caseworker.id, a.id)] {
        let token = app.token(user, Some(tenant));
        let (_, body) = app.gql(Some(&token), "{ viewer { id } }", json!({})).await;
        assert_eq!(first_code(&body), Some("UNAUTHENTICATED"), "{body}");
    }
    // A tenant user's id presented without a tenant is not a platform user either.
    let token = app.token(a.caseworker.id, None);
    let (_, body) = app.gql(Some(&token), "{ viewer { id } }", json!({})).await;
    assert_eq!(first_code(&body), Some("UNAUTHENTICATED"), "{body}");
}

#[tokio::test]
async fn viewer_sees_only_its_own_tenant_and_organisation() {
    let app = TestApp::spawn().await;
    let a = app.tenant().await;
    let b = app.tenant().await;
    // Both tenants have an organisation with slug "stadt"; B also a carrier.
    app.organisation(&b, "caritas", "Caritas B", OrganisationKind::Carrier)
        .await;
    let q = "{ viewer { tenant { id slug name } organisation { id slug name } } }";
    let (_, body) = app.gql(Some(&a.caseworker.token), q, json!({})).await;
    let v = &body["data"]["viewer"];
    assert_eq!(v["tenant"]["id"], a.id.to_string(), "{body}");
    assert_eq!(v["organisation"]["id"], a.department.to_string());
    assert!(!body.to_string().contains(&b.id.to_string()));
    assert!(!body.to_string().contains(&b.department.to_string()));
}

#[tokio::test]
async fn another_tenants_organisation_id_looks_missing_in_the_service() {
    // The application wall alone (it is the only wall on SQLite): a context of tenant
    // A that names B's organisation gets nothing back.
    let app = TestApp::spawn().await;
    let a = app.tenant().await;
    let b = app.tenant().await;
    let identity = Identity::new(app.db.clone(), app.cache.clone());
    let forged = Ctx::new(Principal {
        user_id: a.caseworker.id,
        kind: PrincipalKind::TenantUser,
        tenant: Some(a.id),
        organisation: Some(b.department),
        roles: BTreeSet::from([Role::CityCaseworker]),
    });
    let org = identity
        .own_organisation(&forged)
        .await
        .unwrap_or_else(|e| panic!("{:?}", e.code()));
    assert_eq!(org, None);
    // And the real one is found, so the `None` above is the scope at work.
    let real = Ctx::new(Principal {
        organisation: Some(a.department),
        ..forged.principal().clone()
    });
    let org = identity
        .own_organisation(&real)
        .await
        .unwrap_or_else(|e| panic!("{:?}", e.code()));
    assert_eq!(org.map(|o| o.id), Some(a.department));
    // B's user's profile through A's context: not found.
    let cross = Ctx::new(Principal {
        user_id: b.caseworker.id,
        ..forged.principal().clone()
    });
    assert!(matches!(
        identity.profile(&cross).await,
        Err(Error::NotFound { .. })
    ));
}

#[tokio::test]
async fn a_platform_user_reaches_no_tenant_data() {
    let app = TestApp::spawn().await;
    let identity = Identity::new(app.db.clone(), app.cache.clone());
    let officer = Ctx::new(Principal {
        user_id: wohnweg_kernel::UserId::new(),
        kind: PrincipalKind::PlatformUser,
        tenant: None,
        organisation: None,
        roles: BTreeSet::from([Role::StateOfficer]),
    });
    assert!(matches!(
        identity.own_tenant(&officer).await,
        Err(Error::Forbidden)
    ));
}

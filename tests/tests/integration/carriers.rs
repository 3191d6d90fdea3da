//! The city's carriers as casework sees them: names and ids to assign a household to
//! or propose a transfer to; one city's only.

use serde_json::{Value, json};
use wohnweg_identity::OrganisationKind;
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, first_code};

const CARRIERS: &str = "{ carriers { id name } }";

fn names(body: &Value) -> Vec<String> {
    body["data"]["carriers"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn casework_lists_its_own_citys_carriers_by_name() {
    let app = TestApp::spawn().await;
    let a = app.tenant().await;
    let b = app.tenant().await;
    let drk = app
        .organisation(&a, "drk", "Rotes Kreuz", OrganisationKind::Carrier)
        .await;
    app.organisation(&a, "caritas", "Caritas", OrganisationKind::Carrier)
        .await;
    app.organisation(&b, "diakonie", "Diakonie", OrganisationKind::Carrier)
        .await;

    // A city caseworker: the city's carriers by name, not its departments, not
    // another city's.
    let (_, body) = app
        .gql(Some(&a.caseworker.token), CARRIERS, json!({}))
        .await;
    assert_eq!(names(&body), ["Caritas", "Rotes Kreuz"], "{body}");
    let (_, body_b) = app
        .gql(Some(&b.caseworker.token), CARRIERS, json!({}))
        .await;
    assert_eq!(
        names(&body_b),
        ["Diakonie"],
        "another city's list stays apart"
    );

    // A carrier's caseworker sees the same list (to propose a transfer).
    let carrier_cw = app.user(&a, drk, "Rita", &[Role::CarrierCaseworker]).await;
    let (_, body) = app.gql(Some(&carrier_cw.token), CARRIERS, json!({})).await;
    assert_eq!(names(&body), ["Caritas", "Rotes Kreuz"]);

    // Not for whoever does no casework: a city admin, a state officer.
    let admin = app
        .user(&a, a.department, "Verwaltung", &[Role::CityAdmin])
        .await;
    let (_, body) = app.gql(Some(&admin.token), CARRIERS, json!({})).await;
    assert_eq!(first_code(&body), Some("FORBIDDEN"), "{body}");
    let officer = app.platform_user("Land", Role::StateOfficer).await;
    let (_, body) = app.gql(Some(&officer.token), CARRIERS, json!({})).await;
    assert_eq!(first_code(&body), Some("FORBIDDEN"), "{body}");
}

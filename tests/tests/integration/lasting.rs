//! Do the moves last: returns to a shelter within 6, 12 and 24 months of a move, as
//! the register's placements and returns say, per window and way out.

use serde_json::{Value, json};
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, day, ok, refused};

use crate::ways_out::{City, RETURN, SELF_FOUND, city, living_in, self_found};

const FIGURES: &str = "query($f: String, $t: String) { returnsAfterMoves(from: $f, to: $t) {
  months source observed returned rate pending pendingReturned } }";

/// A household that moved into a self-found flat `moved` days ago (and, if given,
/// came back `back` days ago). The moves are recorded today; then time passes: the
/// register's dates of that placement move back (the API only records today's past).
async fn moved(
    app: &TestApp,
    c: &City,
    reference: &str,
    moved: i64,
    back: Option<i64>,
    carrier: bool,
) {
    let tok = &c.t.caseworker.token;
    let h = living_in(app, c, reference, &c.shelter, false, carrier).await;
    ok(
        app,
        tok,
        SELF_FOUND,
        json!({ "h": h, "i": self_found("Wald") }),
    )
    .await;
    if back.is_some() {
        ok(
            app,
            tok,
            RETURN,
            json!({ "h": h, "i": { "accommodationId": c.shelter, "returnedOn": day(0), "reason": "RENT_ARREARS" } }),
        )
        .await;
    }
    let returned = back.map_or("NULL".to_owned(), |b| format!("'{}'", day(-b)));
    let sql = format!(
        "UPDATE placements SET move_in_on = '{}', returned_on = {returned} WHERE household_id IN (SELECT id FROM households WHERE reference = '{reference}')",
        day(-moved)
    );
    app.exec_as_owner(&sql).await;
}

/// `(observed, returned, pending, pendingReturned)` of one row.
fn row(d: &Value, months: i64, source: Option<&str>) -> (i64, i64, i64, i64) {
    let r = d["returnsAfterMoves"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["months"] == months && r["source"].as_str() == source)
        .unwrap_or_else(|| panic!("no row {months} {source:?}: {d}"));
    let n = |k: &str| r[k].as_i64().unwrap();
    (
        n("observed"),
        n("returned"),
        n("pending"),
        n("pendingReturned"),
    )
}

#[tokio::test]
async fn returns_within_six_twelve_and_twenty_four_months_count_only_windows_seen_through() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = c.t.caseworker.token.clone();
    // Moved 400 days ago, back 100 days later; moved 800 days ago and stayed; moved
    // 30 days ago and back already (the carrier's household).
    moved(&app, &c, "LAST-1", 400, Some(300), false).await;
    moved(&app, &c, "LAST-2", 800, None, false).await;
    moved(&app, &c, "LAST-3", 30, Some(10), true).await;

    let all = ok(&app, &tok, FIGURES, json!({})).await;
    assert_eq!(
        all["returnsAfterMoves"].as_array().unwrap().len(),
        12,
        "3 windows × (all + 3 ways)"
    );
    // An independent count: window ends after 6/12/24 months.
    assert_eq!(row(&all, 6, None), (2, 1, 1, 1));
    assert_eq!(row(&all, 12, None), (2, 1, 1, 1));
    assert_eq!(row(&all, 24, None), (1, 0, 2, 2));
    assert_eq!(row(&all, 6, Some("SELF_FOUND")), (2, 1, 1, 1));
    assert_eq!(row(&all, 6, Some("MATCH")), (0, 0, 0, 0));
    let six = all["returnsAfterMoves"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["months"] == 6 && r["source"].is_null())
        .unwrap()
        .clone();
    assert_eq!(six["rate"], 0.5);
    let none = all["returnsAfterMoves"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["months"] == 6 && r["source"] == "MATCH")
        .unwrap()
        .clone();
    assert!(none["rate"].is_null(), "no rate without observed moves");

    // The range narrows by move-in date.
    let recent = ok(&app, &tok, FIGURES, json!({ "f": day(-500), "t": day(0) })).await;
    assert_eq!(row(&recent, 24, None), (0, 0, 2, 2));
    assert_eq!(row(&recent, 6, None), (1, 1, 1, 1));

    // Bad input.
    for (vars, field) in [
        (json!({ "f": day(0), "t": day(-1) }), "to"),
        (json!({ "f": "letztes Jahr" }), "from"),
    ] {
        assert_eq!(
            refused(&app, &tok, FIGURES, &vars).await,
            ("BAD_USER_INPUT".to_owned(), Some(field.to_owned()))
        );
    }

    // The carrier's caseworker sees its household only; a carrier admin nothing;
    // another city none of these.
    let mine = ok(&app, &c.cw.token, FIGURES, json!({})).await;
    assert_eq!(row(&mine, 6, None), (0, 0, 1, 1));
    let org: wohnweg_kernel::OrganisationId = c.carrier.parse().unwrap();
    let carrier_admin = app
        .user(&c.t, org, "Anna Caritas", &[Role::CarrierAdmin])
        .await;
    assert_eq!(
        refused(&app, &carrier_admin.token, FIGURES, &json!({}))
            .await
            .0,
        "FORBIDDEN"
    );
    let other = city(&app).await;
    let theirs = ok(&app, &other.t.caseworker.token, FIGURES, json!({})).await;
    for months in [6, 12, 24] {
        assert_eq!(row(&theirs, months, None), (0, 0, 0, 0));
    }
}

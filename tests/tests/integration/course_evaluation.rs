//! Hagen's evaluation of a course (`courseEvaluation`): the households of completers
//! against comparable households that never took part — moved out within 6 and 12
//! months of the run's end, tenancy held 12 months after the move-in. The windows'
//! arithmetic is unit-tested in `wohnweg_housing::course_outcomes`; here the groups
//! are formed from what the API recorded, with the dates moved back by SQL as time
//! would (the API records only today's past).

use serde_json::{Value, json};
use wohnweg_tests::{TestApp, day, ok, refused};

use crate::learning::{
    DROP, RUNS, SCHEDULE, completed, enrol, member, member_completes, run_input, world,
};
use crate::ways_out::{SELF_FOUND, living_in, self_found};

pub(crate) const EVALUATION: &str =
    "query($c: ID!) { courseEvaluation(courseId: $c) { courseId title asOf
  runs { runId endedOn comparison { ...C } } overall { ...C } } }
  fragment C on CourseComparison { housedAtCompletion completers { ...G } comparison { ...G } }
  fragment G on OutcomeGroup { households movedWithin { ...S } tenancyHeld { ...S } }
  fragment S on OutcomeShare { months observed yes rate pending pendingYes }";

/// `(observed, yes, pending, pendingYes)` of a share.
fn share(s: &Value) -> (i64, i64, i64, i64) {
    let n = |k: &str| s[k].as_i64().unwrap();
    (n("observed"), n("yes"), n("pending"), n("pendingYes"))
}

fn moved_within(group: &Value, months: i64) -> (i64, i64, i64, i64) {
    share(
        group["movedWithin"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["months"] == months)
            .unwrap_or_else(|| panic!("no {months}-month window: {group}")),
    )
}

#[tokio::test]
async fn the_evaluation_compares_completers_with_households_that_never_took_part() {
    let app = TestApp::spawn().await;
    let s = world(&app, 12).await;
    let tok = s.c.t.caseworker.token.clone();
    let prefix = &s.c.t.slug;
    let reference = |n: &str| format!("EV-{prefix}-{n}");
    // Completers: one moves out, one stays; a drop-out; three that never took part
    // (one moves, one stays, one was housed before the run ended); a walk-in.
    let mover = living_in(&app, &s.c, &reference("mover"), &s.c.shelter, true, false).await;
    let stayer = living_in(&app, &s.c, &reference("stayer"), &s.c.shelter, true, false).await;
    let dropped = living_in(&app, &s.c, &reference("dropped"), &s.c.shelter, true, false).await;
    let other_mover = living_in(
        &app,
        &s.c,
        &reference("other-mover"),
        &s.c.shelter,
        true,
        false,
    )
    .await;
    let _other_stayer = living_in(
        &app,
        &s.c,
        &reference("other-stayer"),
        &s.c.shelter,
        true,
        false,
    )
    .await;
    let housed = living_in(&app, &s.c, &reference("housed"), &s.c.shelter, true, false).await;
    member_completes(&app, &s, &mover).await;
    member_completes(&app, &s, &stayer).await;
    let p = member(&app, &tok, &dropped).await;
    let e = enrol(
        &app,
        &tok,
        &s.run,
        json!({ "personId": p, "language": "ar" }),
    )
    .await;
    ok(
        &app,
        &tok,
        DROP,
        json!({ "e": e["id"], "v": e["version"], "r": "WORK" }),
    )
    .await;
    completed(&app, &s, &["Ğülsüm Weiß"]).await;
    for h in [&mover, &other_mover, &housed] {
        ok(
            &app,
            &tok,
            SELF_FOUND,
            json!({ "h": h, "i": self_found("Wald") }),
        )
        .await;
    }
    // A run still ahead has no groups yet.
    let later = ok(
        &app,
        &tok,
        SCHEDULE,
        json!({ "c": s.course, "i": run_input(&[(7, &["m_a", "m_b", "m_c"])], 10, None) }),
    )
    .await["scheduleCourseRun"]["id"]
        .clone();

    // Time passes: the households came 500 days ago, the run ended 406 days ago; the
    // mover moved 300 days ago (within 6 months), the other mover 100 days ago (within
    // 12, not 6), the housed household 450 days ago (before the run ended).
    app.exec_as_owner(&format!(
        "UPDATE households SET created_at = '{} 09:00:00+00:00' WHERE reference LIKE 'EV-{prefix}-%'",
        day(-500)
    ))
    .await;
    // (Rows are found by dates and references: ids are stored differently by the two
    // backends.)
    for (was, n) in [(21, 420), (14, 413), (7, 406)] {
        app.exec_as_owner(&format!(
            "UPDATE course_sessions SET on_date = '{}' WHERE on_date = '{}'",
            day(-n),
            day(-was)
        ))
        .await;
    }
    for (h, n) in [("mover", 300), ("other-mover", 100), ("housed", 450)] {
        app.exec_as_owner(&format!(
            "UPDATE placements SET move_in_on = '{}' WHERE household_id IN (SELECT id FROM households WHERE reference = '{}')",
            day(-n),
            reference(h)
        ))
        .await;
    }

    let d = ok(&app, &tok, EVALUATION, json!({ "c": s.course })).await;
    let ev = &d["courseEvaluation"];
    assert_eq!(ev["courseId"], s.course.as_str());
    assert_eq!(ev["asOf"], day(0).as_str());
    let runs = ev["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 2, "{ev}");
    assert_eq!(runs[0]["runId"], s.run.as_str());
    assert_eq!(runs[0]["endedOn"], day(-406).as_str());
    assert_eq!(runs[1]["runId"], later);
    assert!(runs[1]["comparison"].is_null(), "a run ahead has no groups");
    for c in [&runs[0]["comparison"], &ev["overall"]] {
        // The mover and the stayer; the walk-in belongs to no household, the drop-out
        // to neither group.
        assert_eq!(c["completers"]["households"], 2, "{c}");
        assert_eq!(c["housedAtCompletion"], 0);
        assert_eq!(moved_within(&c["completers"], 6), (2, 1, 0, 0));
        assert_eq!(moved_within(&c["completers"], 12), (2, 1, 0, 0));
        // The mover's tenancy is 300 days old: its window is still open, and holding.
        assert_eq!(share(&c["completers"]["tenancyHeld"]), (0, 0, 1, 1));
        assert_eq!(c["completers"]["movedWithin"][0]["rate"], 0.5);
        // The other mover and the other stayer; the housed household is left out.
        assert_eq!(c["comparison"]["households"], 2, "{c}");
        assert_eq!(moved_within(&c["comparison"], 6), (2, 0, 0, 0));
        assert_eq!(moved_within(&c["comparison"], 12), (2, 1, 0, 0));
        assert_eq!(share(&c["comparison"]["tenancyHeld"]), (0, 0, 1, 1));
    }
    // The run's own figures stay beside it.
    let figures = ok(&app, &tok, RUNS, json!({ "c": s.course })).await;
    let run = figures["courseRuns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == s.run.as_str())
        .unwrap()
        .clone();
    assert_eq!(run["figures"]["completed"], 3);
    assert_eq!(run["figures"]["droppedOut"], 1);

    // A coordinator sees the same; a carrier's caseworker may not (the comparison
    // spans households that are not its own).
    let as_coord = ok(&app, &s.c.coord.token, EVALUATION, json!({ "c": s.course })).await;
    assert_eq!(as_coord, d);
    let (code, _) = refused(&app, &s.c.cw.token, EVALUATION, &json!({ "c": s.course })).await;
    assert_eq!(code, "FORBIDDEN");
    // Another city's course looks missing; a malformed id is bad input.
    let other = world(&app, 5).await;
    let (code, _) = refused(&app, &tok, EVALUATION, &json!({ "c": other.course })).await;
    assert_eq!(code, "NOT_FOUND");
    let (code, _) = refused(
        &app,
        &other.c.t.caseworker.token,
        EVALUATION,
        &json!({ "c": s.course }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let (code, field) = refused(&app, &tok, EVALUATION, &json!({ "c": "nope" })).await;
    assert_eq!(
        (code.as_str(), field.as_deref()),
        ("BAD_USER_INPUT", Some("courseId"))
    );
    // The other city's evaluation counts none of this city's households.
    let theirs = ok(
        &app,
        &other.c.t.caseworker.token,
        EVALUATION,
        json!({ "c": other.course }),
    )
    .await;
    assert_eq!(
        theirs["courseEvaluation"]["overall"]["comparison"]["households"],
        0
    );
}

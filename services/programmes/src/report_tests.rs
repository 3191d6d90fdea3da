//! Hand-counted fixtures: five households, two carriers (one transfer), three
//! moves, three follow-ups, two runs, five offers; the first and second half of 2025. The
//! expected figures are written out, not computed.

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    d(s).and_hms_opt(10, 0, 0).unwrap().and_utc()
}

fn h(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn a() -> OrganisationId {
    OrganisationId::from_uuid(Uuid::from_u128(1000))
}

fn b() -> OrganisationId {
    OrganisationId::from_uuid(Uuid::from_u128(2000))
}

pub(crate) fn facts() -> Facts {
    use CaseState::{Active, Aftercare, Intake, MovedOut, Searching};
    let t = |n, s, on: &str| (h(n), s, d(on), at(on));
    let mut cases = CaseHistory {
        households: vec![
            (h(1), at("2025-01-10"), 3),
            (h(2), at("2025-02-15"), 1),
            (h(3), at("2025-05-01"), 4),
            (h(4), at("2025-08-20"), 2),
            (h(5), at("2025-11-05"), 5),
        ],
        transitions: vec![
            t(1, Intake, "2025-01-10"),
            t(1, Active, "2025-01-20"),
            t(1, Searching, "2025-03-01"),
            t(1, MovedOut, "2025-04-15"),
            t(2, Intake, "2025-02-15"),
            t(2, Active, "2025-02-20"),
            t(2, Searching, "2025-05-01"),
            t(2, MovedOut, "2025-11-10"),
            t(3, Intake, "2025-05-01"),
            t(3, Active, "2025-05-10"),
            t(3, Searching, "2025-06-01"),
            t(3, MovedOut, "2025-07-01"),
            t(3, Active, "2025-12-01"),
            t(4, Intake, "2025-08-20"),
            t(4, Active, "2025-09-01"),
            t(5, Intake, "2025-11-05"),
        ],
        assignments: vec![
            (h(1), a(), at("2025-01-20"), None),
            (h(2), a(), at("2025-02-20"), Some(at("2025-06-30"))),
            (h(2), b(), at("2025-06-30"), None),
            (h(3), b(), at("2025-05-10"), None),
            (h(4), a(), at("2025-09-01"), None),
        ],
        followups: vec![
            (h(1), d("2025-05-15"), FollowUpOutcome::Stable),
            (h(1), d("2025-10-15"), FollowUpOutcome::Stable),
            (h(3), d("2025-08-01"), FollowUpOutcome::AtRisk),
        ],
        ready: vec![
            (h(1), d("2025-02-20"), at("2025-02-20")),
            (h(2), d("2025-04-01"), at("2025-04-01")),
            (h(3), d("2025-06-10"), at("2025-06-10")),
        ],
    };
    // Moved out and into aftercare on the same day, recorded an hour later.
    cases.transitions.push((
        h(1),
        Aftercare,
        d("2025-04-15"),
        d("2025-04-15").and_hms_opt(11, 0, 0).unwrap().and_utc(),
    ));
    cases.transitions.push((
        h(3),
        Aftercare,
        d("2025-07-01"),
        d("2025-07-01").and_hms_opt(11, 0, 0).unwrap().and_utc(),
    ));
    let m = |n: u128| Uuid::from_u128(500 + n);
    let o = |n: u128| Uuid::from_u128(600 + n);
    let offer = |n, channel, on: &str| OfferFact {
        id: o(n),
        channel,
        created_at: at(on),
    };
    let place =
        |n, source, kind, company: Option<&str>, on: &str, back: Option<&str>| PlacementFact {
            match_id: None,
            household_id: h(n),
            source,
            landlord_kind: kind,
            housing_company: company.map(str::to_owned),
            move_in_on: d(on),
            recorded_at: at(on),
            returned_on: back.map(d),
            district: "Kalk".to_owned(),
        };
    let pos =
        |org: OrganisationId, fte, ends: Option<&str>, changes: &[(bool, &str)]| PositionFact {
            organisation: org,
            programme: (d("2015-10-15"), None),
            fte_hundredths: fte,
            ends_on: ends.map(d),
            changes: changes.iter().map(|(f, on)| (*f, d(on), at(on))).collect(),
        };
    let money = |org, kind, cents, from: &str, until: &str, paid: &[(&str, i64)]| FundingFact {
        organisation: org,
        kind,
        amount_cents: cents,
        starts_on: d(from),
        ends_on: d(until),
        spending: paid.iter().map(|(on, c)| (d(on), *c, at(on))).collect(),
    };
    Facts {
        // Two offers in each half year, one after both (counts nowhere); the fourth's
        // channel was not recorded.
        offers: vec![
            offer(1, Some(OfferChannel::PartnerCompany), "2025-02-01"),
            offer(2, Some(OfferChannel::LandlordDirect), "2025-03-01"),
            offer(3, Some(OfferChannel::PublicForm), "2025-08-15"),
            offer(4, None, "2025-09-10"),
            offer(5, Some(OfferChannel::Carrier), "2026-01-10"),
        ],
        funding: vec![
            money(
                a(),
                crate::types::FundingKind::Kim,
                10_000_000,
                "2025-01-01",
                "2025-12-31",
                &[("2025-03-31", 2_000_000), ("2025-09-30", 3_000_000)],
            ),
            money(
                b(),
                crate::types::FundingKind::CityBudget,
                5_000_000,
                "2025-07-01",
                "2026-06-30",
                &[("2025-12-15", 1_000_000)],
            ),
        ],
        positions: vec![
            pos(a(), 100, None, &[(true, "2015-10-15")]),
            pos(
                a(),
                50,
                Some("2025-12-31"),
                &[(false, "2025-01-01"), (true, "2025-05-01")],
            ),
            pos(b(), 100, Some("2025-06-30"), &[(true, "2024-01-01")]),
            pos(b(), 100, None, &[(false, "2025-09-01")]),
        ],
        cases,
        placements: vec![
            PlacementFact {
                match_id: Some(m(1)),
                ..place(
                    1,
                    PlacementSource::Match,
                    LandlordKind::HousingCompany,
                    Some("GAG"),
                    "2025-04-15",
                    None,
                )
            },
            place(
                3,
                PlacementSource::SelfFound,
                LandlordKind::Private,
                None,
                "2025-07-01",
                Some("2025-12-01"),
            ),
            PlacementFact {
                match_id: Some(m(3)),
                ..place(
                    2,
                    PlacementSource::Match,
                    LandlordKind::Private,
                    None,
                    "2025-11-10",
                    None,
                )
            },
        ],
        matches: vec![
            MatchFact {
                id: m(1),
                offer_id: o(1),
                household_id: h(1),
                created_at: at("2025-03-05"),
                declined: None,
                overridden: false,
                lease_signed_on: Some(d("2025-04-01")),
            },
            MatchFact {
                id: m(2),
                offer_id: o(2),
                household_id: h(2),
                created_at: at("2025-03-10"),
                declined: Some((
                    DeclineReason::LandlordChoseOther,
                    Some("landlord".into()),
                    at("2025-03-20"),
                )),
                overridden: false,
                lease_signed_on: None,
            },
            MatchFact {
                id: m(3),
                offer_id: o(3),
                household_id: h(2),
                created_at: at("2025-09-01"),
                declined: None,
                overridden: true,
                lease_signed_on: Some(d("2025-10-20")),
            },
            MatchFact {
                id: m(4),
                offer_id: o(4),
                household_id: h(4),
                created_at: at("2025-09-15"),
                declined: Some((
                    DeclineReason::HouseholdRefusedArea,
                    Some("household".into()),
                    at("2025-10-01"),
                )),
                overridden: false,
                lease_signed_on: None,
            },
        ],
        guarantees: vec![
            GuaranteeFact {
                household_id: h(1),
                kind: GuaranteeKind::Deposit,
                approved_on: Some(d("2025-03-25")),
                amount_cents: 150_000,
                repayments: vec![(d("2025-06-01"), 10_000), (d("2025-08-01"), 10_000)],
            },
            GuaranteeFact {
                household_id: h(2),
                kind: GuaranteeKind::RentAssumption,
                approved_on: Some(d("2025-10-25")),
                amount_cents: 70_000,
                repayments: Vec::new(),
            },
            // Rejected: counts nowhere.
            GuaranteeFact {
                household_id: h(4),
                kind: GuaranteeKind::Deposit,
                approved_on: None,
                amount_cents: 90_000,
                repayments: Vec::new(),
            },
        ],
        runs: vec![
            RunFact {
                run_id: Uuid::from_u128(77),
                delivering_org: Some(a().uuid()),
                last_session: Some(d("2025-03-20")),
                participants: vec![
                    (Some(h(1)), EnrolmentStatus::Completed),
                    (Some(h(2)), EnrolmentStatus::Completed),
                    (None, EnrolmentStatus::DroppedOut),
                    (Some(h(4)), EnrolmentStatus::Waiting),
                ],
            },
            RunFact {
                run_id: Uuid::from_u128(78),
                delivering_org: None,
                last_session: Some(d("2025-10-01")),
                participants: vec![
                    (Some(h(3)), EnrolmentStatus::Completed),
                    (Some(h(4)), EnrolmentStatus::Enrolled),
                ],
            },
        ],
    }
}

const H1: (&str, &str) = ("2025-01-01", "2025-06-30");
const H2: (&str, &str) = ("2025-07-01", "2025-12-31");

fn report(f: &Facts, scope: Scope, period: (&str, &str), cut_off: &str) -> Report {
    compute(f, scope, "Köln", d(period.0), d(period.1), at(cut_off))
}

/// Every figure as printed, by key.
fn printed(r: &Report) -> BTreeMap<String, String> {
    r.sections
        .iter()
        .flat_map(|s| s.figures.iter().map(|f| (f.key.clone(), f.display())))
        .collect()
}

fn check(r: &Report, expected: &[(&str, &str)]) {
    let all = printed(r);
    for (key, value) in expected {
        assert_eq!(
            all.get(*key).map(String::as_str),
            Some(*value),
            "{key} in {:?} {}–{}",
            r.scope,
            r.from,
            r.to
        );
    }
    // Every figure not listed is zero.
    for (key, value) in &all {
        if !expected.iter().any(|(k, _)| k == key) {
            assert!(
                value == "0" || value == "0 von 0" || value == "0,00 €" || value == "–",
                "{key} = {value} was not expected in {:?} {}–{}",
                r.scope,
                r.from,
                r.to
            );
        }
    }
}

#[test]
fn the_citys_joint_report_for_each_half_year() {
    let f = facts();
    check(
        &report(&f, Scope::City, H1, "2026-01-15"),
        &[
            ("intakes.households", "3"),
            ("intakes.persons", "8"),
            ("state.aftercare.households", "1"),
            ("state.aftercare.persons", "3"),
            ("state.searching.households", "2"),
            ("state.searching.persons", "5"),
            ("moves.households", "1"),
            ("moves.persons", "3"),
            ("moves.company.GAG", "1"),
            (
                "durations.intake_ready",
                "Median 41 Tage, 75 % bis 41 Tage (n = 1)",
            ),
            (
                "durations.ready_lease",
                "Median 40 Tage, 75 % bis 40 Tage (n = 1)",
            ),
            (
                "durations.lease_move_in",
                "Median 14 Tage, 75 % bis 14 Tage (n = 1)",
            ),
            ("aftercare.followups", "1"),
            ("aftercare.outcome.stable", "1"),
            ("courses.runs", "1"),
            ("courses.places", "3"),
            ("courses.completed", "2"),
            ("courses.rate", "2 von 3 (66,7 %)"),
            ("matches.proposed", "2"),
            ("matches.leases", "1"),
            ("matches.declined", "1"),
            ("declines.landlord_chose_other", "1"),
            ("declines.by.landlord", "1"),
            ("offers.received", "2"),
            ("offers.channel.partner_company", "1"),
            ("offers.channel.landlord_direct", "1"),
            ("guarantees.deposit.approved", "1"),
            ("guarantees.deposit.sum", "1.500,00 €"),
            ("guarantees.outstanding", "1.400,00 €"),
            ("staffing.filled_fte", "2,5"),
            ("staffing.caseload_per_fte", "1,2"),
            ("funding.kim.amount", "100.000,00 €"),
            ("funding.kim.used_in_period", "20.000,00 €"),
            ("funding.kim.used_to_end", "20.000,00 €"),
        ],
    );
    check(
        &report(&f, Scope::City, H2, "2026-01-15"),
        &[
            ("intakes.households", "2"),
            ("intakes.persons", "7"),
            ("state.aftercare.households", "1"),
            ("state.aftercare.persons", "3"),
            ("state.moved_out.households", "1"),
            ("state.moved_out.persons", "1"),
            ("state.active.households", "2"),
            ("state.active.persons", "6"),
            ("state.intake.households", "1"),
            ("state.intake.persons", "5"),
            ("moves.households", "2"),
            ("moves.persons", "5"),
            ("moves.self_found", "1"),
            ("moves.private", "1"),
            (
                "durations.intake_ready",
                "Median 40 Tage, 75 % bis 45 Tage (n = 2)",
            ),
            (
                "durations.ready_lease",
                "Median 202 Tage, 75 % bis 202 Tage (n = 1)",
            ),
            (
                "durations.lease_move_in",
                "Median 21 Tage, 75 % bis 21 Tage (n = 1)",
            ),
            ("aftercare.followups", "2"),
            ("aftercare.outcome.stable", "1"),
            ("aftercare.outcome.at_risk", "1"),
            ("aftercare.returns", "1"),
            ("aftercare.held6", "1 von 1 (100 %)"),
            ("courses.runs", "1"),
            ("courses.places", "2"),
            ("courses.completed", "1"),
            ("courses.rate", "1 von 2 (50 %)"),
            ("matches.proposed", "2"),
            ("matches.overrides", "1"),
            ("matches.leases", "1"),
            ("matches.declined", "1"),
            ("declines.household_refused_area", "1"),
            ("declines.by.household", "1"),
            ("offers.received", "2"),
            ("offers.channel.public_form", "1"),
            ("offers.channel.not_recorded", "1"),
            ("guarantees.rent_assumption.approved", "1"),
            ("guarantees.rent_assumption.sum", "700,00 €"),
            ("guarantees.outstanding", "1.300,00 €"),
            ("staffing.filled_fte", "1,5"),
            ("staffing.vacant_fte", "1"),
            ("staffing.caseload_per_fte", "3,33"),
            ("funding.kim.amount", "100.000,00 €"),
            ("funding.kim.used_in_period", "30.000,00 €"),
            ("funding.kim.used_to_end", "50.000,00 €"),
            ("funding.city_budget.amount", "50.000,00 €"),
            ("funding.city_budget.used_in_period", "10.000,00 €"),
            ("funding.city_budget.used_to_end", "10.000,00 €"),
        ],
    );
}

#[test]
fn a_carriers_report_follows_its_assignments_and_withholds_small_cells() {
    let f = facts();
    check(
        &report(&f, Scope::Carrier(a()), H1, "2026-01-15"),
        &[
            ("intakes.households", "<3"),
            ("intakes.persons", "4"),
            ("state.aftercare.households", "<3"),
            ("state.aftercare.persons", "3"),
            ("moves.households", "<3"),
            ("moves.persons", "3"),
            ("moves.company.GAG", "<3"),
            ("durations.intake_ready", "<3"),
            ("durations.ready_lease", "<3"),
            ("durations.lease_move_in", "<3"),
            ("aftercare.followups", "<3"),
            ("aftercare.outcome.stable", "<3"),
            ("courses.runs", "<3"),
            ("courses.places", "3"),
            ("courses.completed", "<3"),
            ("courses.rate", "<3"),
            ("matches.proposed", "<3"),
            ("matches.leases", "<3"),
            ("matches.declined", "<3"),
            ("declines.landlord_chose_other", "<3"),
            ("declines.by.landlord", "<3"),
            ("offers.proposed", "<3"),
            ("offers.channel.partner_company", "<3"),
            ("offers.channel.landlord_direct", "<3"),
            ("guarantees.deposit.approved", "<3"),
            ("guarantees.deposit.sum", "<3"),
            ("guarantees.outstanding", "<3"),
            ("staffing.filled_fte", "1,5"),
            ("staffing.caseload_per_fte", "<3"),
            ("funding.kim.amount", "100.000,00 €"),
            ("funding.kim.used_in_period", "20.000,00 €"),
            ("funding.kim.used_to_end", "20.000,00 €"),
        ],
    );
    // The household handed from A to B on 30 June is B's from that day on.
    check(
        &report(&f, Scope::Carrier(b()), H2, "2026-01-15"),
        &[
            ("state.moved_out.households", "<3"),
            ("state.moved_out.persons", "<3"),
            ("state.active.households", "<3"),
            ("state.active.persons", "4"),
            ("moves.households", "<3"),
            ("moves.persons", "5"),
            ("moves.self_found", "<3"),
            ("moves.private", "<3"),
            ("durations.intake_ready", "<3"),
            ("durations.ready_lease", "<3"),
            ("durations.lease_move_in", "<3"),
            ("aftercare.followups", "<3"),
            ("aftercare.outcome.at_risk", "<3"),
            ("aftercare.returns", "<3"),
            ("matches.proposed", "<3"),
            ("matches.overrides", "<3"),
            ("matches.leases", "<3"),
            ("offers.proposed", "<3"),
            ("offers.channel.public_form", "<3"),
            ("guarantees.rent_assumption.approved", "<3"),
            ("guarantees.rent_assumption.sum", "<3"),
            ("staffing.vacant_fte", "1"),
            ("staffing.caseload_per_fte", "<3"),
            ("funding.city_budget.amount", "50.000,00 €"),
            ("funding.city_budget.used_in_period", "10.000,00 €"),
            ("funding.city_budget.used_to_end", "10.000,00 €"),
        ],
    );
}

#[test]
fn a_past_report_stays_when_cases_move_on_and_late_entries_wait_for_a_later_cut_off() {
    let mut f = facts();
    let before = report(&f, Scope::City, H2, "2026-01-15");
    // After the period: H1's case closes; a new move and a new follow-up.
    f.cases
        .transitions
        .push((h(1), CaseState::Closed, d("2026-02-01"), at("2026-02-01")));
    f.cases
        .followups
        .push((h(4), d("2026-02-02"), FollowUpOutcome::Stable));
    f.placements.push(PlacementFact {
        match_id: None,
        household_id: h(4),
        source: PlacementSource::LeaseTakeover,
        landlord_kind: LandlordKind::Other,
        housing_company: None,
        move_in_on: d("2026-02-03"),
        recorded_at: at("2026-02-03"),
        returned_on: None,
        district: "Porz".to_owned(),
    });
    assert_eq!(report(&f, Scope::City, H2, "2026-01-15"), before);
    assert_eq!(
        report(&f, Scope::City, H2, "2026-03-01").sections,
        before.sections,
        "events after the period change nothing, whatever the cut-off"
    );
    // A step effective in the period but recorded after the cut-off counts only
    // from a later cut-off.
    f.cases.transitions.push((
        h(4),
        CaseState::Searching,
        d("2025-12-15"),
        at("2026-01-20"),
    ));
    // So does a vacancy in the period reported late.
    f.positions[0]
        .changes
        .push((false, d("2025-12-01"), at("2026-01-20")));
    assert_eq!(report(&f, Scope::City, H2, "2026-01-15"), before);
    let later = printed(&report(&f, Scope::City, H2, "2026-01-21"));
    assert_eq!(later["staffing.filled_fte"], "0,5");
    assert_eq!(later["staffing.vacant_fte"], "2");
    assert_eq!(later["state.searching.households"], "1");
    assert_eq!(later["state.active.households"], "1");
}

#[test]
fn the_csv_reads_back_in_both_dialects() {
    let r = report(&facts(), Scope::City, H2, "2026-01-15");
    for semicolon in [false, true] {
        let text = csv(&r, semicolon).unwrap();
        assert!(text.contains("\r\n"));
        let mut rd = ::csv::ReaderBuilder::new()
            .delimiter(if semicolon { b';' } else { b',' })
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let rows: Vec<::csv::StringRecord> = rd.records().map(Result::unwrap).collect();
        assert_eq!(&rows[0][1], "2025-07-01");
        assert_eq!(&rows[0][2], "2025-12-31");
        assert_eq!(&rows[1][1], r.cut_off.to_rfc3339());
        let figures: Vec<(String, String)> = rows[3..]
            .iter()
            .map(|row| (row[1].to_owned(), row[3].to_owned()))
            .collect();
        let expected: Vec<(String, String)> = r
            .sections
            .iter()
            .flat_map(|s| s.figures.iter().map(|f| (f.key.clone(), f.display())))
            .collect();
        assert_eq!(figures, expected);
        let rate = rows.iter().find(|row| &row[1] == "courses.rate").unwrap();
        assert_eq!((&rate[4], &rate[5]), ("1", "2"));
    }
}

#[test]
fn percentiles_take_the_nearest_rank() {
    let days = |v: &[i64]| percentiles(v.to_vec());
    assert_eq!(
        days(&[]),
        Value::Days {
            median: 0,
            p75: 0,
            n: 0
        }
    );
    assert_eq!(
        days(&[7]),
        Value::Days {
            median: 7,
            p75: 7,
            n: 1
        }
    );
    assert_eq!(
        days(&[40, 45]),
        Value::Days {
            median: 40,
            p75: 45,
            n: 2
        }
    );
    assert_eq!(
        days(&[9, 1, 5, 3]),
        Value::Days {
            median: 3,
            p75: 5,
            n: 4
        }
    );
    assert_eq!(
        days(&[1, 2, 3, 4, 5]),
        Value::Days {
            median: 3,
            p75: 4,
            n: 5
        }
    );
}

#[test]
fn euros_print_the_german_way() {
    assert_eq!(euros_de(123_456), "1.234,56 €");
    assert_eq!(euros_de(0), "0,00 €");
    assert_eq!(euros_de(100_000_000), "1.000.000,00 €");
    assert_eq!(euros_de(-5), "-0,05 €");
}

#[test]
fn a_period_must_run_forward() {
    assert!(check_period(d("2025-02-01"), d("2025-01-31")).is_err());
    assert!(check_period(d("2015-10-15"), d("2017-12-31")).is_ok());
    assert!(check_period(d("1990-01-01"), d("2025-01-01")).is_err());
}

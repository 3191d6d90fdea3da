//! The report a city owes its council, for any period: per carrier, or jointly for the
//! city. Every figure is counted from the event history — case transitions, carrier
//! assignments, placements and returns, aftercare follow-ups, course runs — never from
//! a case's current state, so a report for a past period does not change when cases
//! move on.
//!
//! **Reproducible.** A report states its *cut-off*: only what was recorded by then
//! counts where a record carries its recording time — registrations, case transitions,
//! carrier assignments, moves, matches, staffing reports and spending — so events
//! after the period, and entries made after the cut-off for these, change nothing.
//! Entries that carry only the day they are about — follow-ups, returns to a shelter,
//! lease and repayment days, course results — and the members a household has today
//! are counted as they stand: a back-dated entry of these changes a past report,
//! unless the city released it — a release keeps its figures ([`crate::release`]).
//!
//! **Per carrier.** An event counts for the carrier that worked the household on the
//! event's day (its assignment history). Cells of 1 or 2 in a carrier's report are
//! shown as "<3" (the figure is withheld, not rounded).
//!
//! Counted as of the period:
//! - *Fälle*: households (and their members) newly taken in — for the city,
//!   registered in the period; for a carrier, assigned to it in the period — and the
//!   households per case state at the period's end;
//! - *Auszüge*: moves into a home of their own (households, persons) by source of the
//!   flat: each housing company by name, cooperatives, private and other landlords,
//!   self-found flats, lease takeovers; and for those moves, median and 75th
//!   percentile of the days from intake to readiness (the first assessment that found
//!   the household ready), from readiness to the lease, and from the lease to the
//!   move-in;
//! - *Nachbetreuung*: follow-ups recorded and their outcomes, returns to a shelter,
//!   and of the tenancies whose 6- or 12-month mark fell in the period, those still
//!   held then;
//! - *Kurse*: runs that ended in the period (a carrier: those it delivered), places,
//!   completions and the completion rate;
//! - *Vermittlung*: matches proposed (and those proposed against a rule, with its
//!   recorded reason), leases signed, declines by coded reason and by who declined;
//!   offers by the channel they came through — for the city, those taken in during
//!   the period; for a carrier, those proposed to its households in the period;
//! - *Sicherheitsleistungen*: guarantees approved per kind, count and sum, and what is
//!   still to be repaid on deposit loans at the period's end;
//! - *Personal*: filled and vacant full-time equivalents of the scope's programmes on
//!   the period's last day (each position's staffing history; fixed-term positions
//!   that ended before count no more) and open cases per filled full-time position;
//! - *Finanzierung*: per kind of funding, the amounts of the sources whose term
//!   overlaps the period, and what they paid out in the period and up to its end.
//!
//! Members are counted as the household has them today.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Months, NaiveDate, Utc};
use uuid::Uuid;
use wohnweg_casework::lookup::CaseHistory;
use wohnweg_casework::types::{CaseState, FollowUpOutcome};
use wohnweg_housing::lookup::{GuaranteeFact, MatchFact, OfferFact, PlacementFact};
use wohnweg_housing::types::{
    DeclineReason, GuaranteeKind, LandlordKind, OfferChannel, PlacementSource,
};
use wohnweg_kernel::{Error, OrganisationId};
use wohnweg_learning::lookup::RunFact;
use wohnweg_learning::types::EnrolmentStatus;

/// Whose report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The city's joint report: every household.
    City,
    /// One carrier's: the households it worked on each event's day.
    Carrier(OrganisationId),
}

/// A figure's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    /// A count.
    Count(i64),
    /// An amount in cents.
    Euros(i64),
    /// A number with two decimals, in hundredths (full-time equivalents, households
    /// per full-time position); `None`: not defined (nothing to divide by).
    Hundredths(Option<i64>),
    /// Durations in days over `n` cases: the median and the 75th percentile (nearest
    /// rank, whole days).
    Days {
        /// Median.
        median: i64,
        /// 75th percentile.
        p75: i64,
        /// Cases measured.
        n: i64,
    },
    /// `yes` of `of`.
    Share {
        /// With the outcome.
        yes: i64,
        /// Counted.
        of: i64,
    },
}

/// One figure of a report.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Figure {
    /// Stable key (`moves.households`, `state.searching.households`).
    pub key: String,
    /// German label.
    pub label: String,
    /// The value (withheld when `suppressed`).
    pub value: Value,
    /// A small cell of a carrier's report: shown as "<3".
    pub suppressed: bool,
}

impl Figure {
    /// The value as a German report prints it: `12`, `<3`, `5 von 8 (62,5 %)`.
    #[must_use]
    pub fn display(&self) -> String {
        if self.suppressed {
            return "<3".to_owned();
        }
        match self.value {
            Value::Count(n) => n.to_string(),
            Value::Euros(cents) => euros_de(cents),
            Value::Hundredths(None) => "–".to_owned(),
            Value::Hundredths(Some(h)) => {
                let s = format!("{},{:02}", h / 100, (h % 100).abs());
                s.trim_end_matches('0').trim_end_matches(',').to_owned()
            }
            Value::Days { n: 0, .. } => "–".to_owned(),
            Value::Days { median, p75, n } => {
                format!("Median {median} Tage, 75 % bis {p75} Tage (n = {n})")
            }
            Value::Share { yes, of } if of > 0 => {
                #[allow(clippy::cast_precision_loss)] // counts far below 2^52
                let pct = (yes as f64 * 1000.0 / of as f64).round() / 10.0;
                format!("{yes} von {of} ({} %)", pct.to_string().replace('.', ","))
            }
            Value::Share { yes, of } => format!("{yes} von {of}"),
        }
    }
}

/// The median and 75th percentile of `days` by nearest rank: `(median, p75, n)`.
#[must_use]
pub fn percentiles(mut days: Vec<i64>) -> Value {
    days.sort_unstable();
    let n = days.len();
    let rank = |p: usize| {
        // The smallest value with at least p % of the cases at or below it.
        let k = (p * n).div_ceil(100).max(1);
        days.get(k - 1).copied().unwrap_or(0)
    };
    Value::Days {
        median: rank(50),
        p75: rank(75),
        n: i64::try_from(n).unwrap_or(i64::MAX),
    }
}

/// `123456` cents as `1.234,56 €`.
#[must_use]
pub fn euros_de(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    let whole = (c / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    format!("{sign}{grouped},{:02} €", c % 100)
}

/// A section of a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Stable key.
    pub key: &'static str,
    /// German title.
    pub title: &'static str,
    /// Its figures, in a stable order.
    pub figures: Vec<Figure>,
}

/// A report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// Only what was recorded by then counts.
    pub cut_off: DateTime<Utc>,
    /// Whose report.
    pub scope: Scope,
    /// The city's or the carrier's name.
    pub scope_name: String,
    /// The sections.
    pub sections: Vec<Section>,
    /// A joint report the city released: when. Its figures are the ones kept at
    /// the release, whatever was entered since.
    pub released_at: Option<DateTime<Utc>>,
}

/// The sections of a report, in order: key and German title.
pub const SECTIONS: &[(&str, &str)] = &[
    ("cases", "Fälle"),
    ("moves", "Auszüge"),
    ("aftercare", "Nachbetreuung"),
    ("courses", "Kurse (Mietführerschein)"),
    ("matches", "Vermittlung"),
    ("guarantees", "Sicherheitsleistungen"),
    ("staffing", "Personal"),
    ("funding", "Finanzierung"),
];

/// The section `key` with its title from [`SECTIONS`] (`None`: no such section).
#[must_use]
pub fn section(key: &str, figures: Vec<Figure>) -> Option<Section> {
    SECTIONS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(key, title)| Section {
            key,
            title,
            figures,
        })
}

/// What the report is counted from.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Casework's history.
    pub cases: CaseHistory,
    /// Housing's placements.
    pub placements: Vec<PlacementFact>,
    /// Learning's runs.
    pub runs: Vec<RunFact>,
    /// Housing's matches.
    pub matches: Vec<MatchFact>,
    /// Housing's offers.
    pub offers: Vec<OfferFact>,
    /// Housing's guarantees.
    pub guarantees: Vec<GuaranteeFact>,
    /// The programmes' positions with their staffing history.
    pub positions: Vec<PositionFact>,
    /// The programmes' funding sources with what they paid out.
    pub funding: Vec<FundingFact>,
}

/// A programme's funding source with what it paid out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundingFact {
    /// The organisation whose programme it funds.
    pub organisation: OrganisationId,
    /// City budget, KIM, other.
    pub kind: crate::types::FundingKind,
    /// Amount in cents for its whole term.
    pub amount_cents: i64,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// Paid out: day, cents, recorded at.
    pub spending: Vec<(NaiveDate, i64, DateTime<Utc>)>,
}

/// A programme position with its staffing history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PositionFact {
    /// The organisation whose programme it belongs to.
    pub organisation: OrganisationId,
    /// The programme's contract period: first and last day (`None`: open-ended).
    pub programme: (NaiveDate, Option<NaiveDate>),
    /// FTE in hundredths.
    pub fte_hundredths: i32,
    /// A fixed-term position's last day.
    pub ends_on: Option<NaiveDate>,
    /// Each report: filled (or vacant) since, recorded at.
    pub changes: Vec<(bool, NaiveDate, DateTime<Utc>)>,
}

/// Every position of the city's programmes with its history, and every funding source
/// with its spending (five statements).
pub(crate) async fn programme_facts(
    tx: &wohnweg_kernel::TenantTx,
) -> wohnweg_kernel::Result<(Vec<PositionFact>, Vec<FundingFact>)> {
    use sea_orm::{ColumnTrait as _, QueryFilter as _};

    use crate::entity::{funding, position, position_change, programme, spending};
    let programmes: HashMap<Uuid, programme::Model> = tx
        .find::<programme::Entity>()
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let orgs: HashMap<Uuid, Uuid> = programmes
        .iter()
        .map(|(id, p)| (*id, p.organisation_id))
        .collect();
    let positions = tx.find::<position::Entity>().all(tx.conn()).await?;
    let mut changes: HashMap<Uuid, Vec<(bool, NaiveDate, DateTime<Utc>)>> = HashMap::new();
    for c in tx
        .find::<position_change::Entity>()
        .filter(position_change::Column::PositionId.is_in(positions.iter().map(|p| p.id)))
        .all(tx.conn())
        .await?
    {
        changes
            .entry(c.position_id)
            .or_default()
            .push((c.filled, c.since, c.recorded_at));
    }
    let positions = positions
        .into_iter()
        .filter_map(|p| {
            let programme = programmes.get(&p.programme_id)?;
            Some(PositionFact {
                organisation: OrganisationId::from_uuid(programme.organisation_id),
                programme: (programme.starts_on, programme.ends_on),
                fte_hundredths: p.fte_hundredths,
                ends_on: p.ends_on,
                changes: changes.remove(&p.id).unwrap_or_default(),
            })
        })
        .collect();
    let sources = tx.find::<funding::Entity>().all(tx.conn()).await?;
    let mut paid: HashMap<Uuid, Vec<(NaiveDate, i64, DateTime<Utc>)>> = HashMap::new();
    for x in tx.find::<spending::Entity>().all(tx.conn()).await? {
        paid.entry(x.funding_id).or_default().push((
            x.spent_on,
            i64::from(x.amount_cents),
            x.recorded_at,
        ));
    }
    let mut funding = Vec::with_capacity(sources.len());
    for f in sources {
        let Some(org) = orgs.get(&f.programme_id) else {
            continue;
        };
        funding.push(FundingFact {
            organisation: OrganisationId::from_uuid(*org),
            kind: wohnweg_casework::types::stored(&f.kind, crate::types::FundingKind::from_code)?,
            amount_cents: i64::from(f.amount_cents),
            starts_on: f.starts_on,
            ends_on: f.ends_on,
            spending: paid.remove(&f.id).unwrap_or_default(),
        });
    }
    Ok((positions, funding))
}

/// Checks a period: `to` not before `from`, at most 20 years.
///
/// # Errors
/// `BAD_USER_INPUT` naming `to`.
pub fn check_period(from: NaiveDate, to: NaiveDate) -> Result<(), Error> {
    if to < from {
        return Err(Error::bad_input("to", "must not lie before from"));
    }
    if (to - from).num_days() > 366 * 20 {
        return Err(Error::bad_input("to", "a period spans at most 20 years"));
    }
    Ok(())
}

fn state_label(s: CaseState) -> &'static str {
    match s {
        CaseState::Intake => "Aufnahme",
        CaseState::Active => "In Bearbeitung",
        CaseState::Searching => "Wohnungssuche",
        CaseState::OfferInProgress => "Angebot in Prüfung",
        CaseState::MovedOut => "Ausgezogen",
        CaseState::Aftercare => "Nachbetreuung",
        CaseState::Closed => "Abgeschlossen",
        CaseState::Paused => "Ruhend",
        CaseState::ContactLost => "Kontakt abgebrochen",
    }
}

fn decline_label(r: DeclineReason) -> &'static str {
    match r {
        DeclineReason::HouseholdRefusedArea => "Haushalt lehnt die Gegend ab",
        DeclineReason::HouseholdRefusedFlat => "Haushalt lehnt die Wohnung ab",
        DeclineReason::HouseholdUnreachable => "Haushalt nicht erreichbar",
        DeclineReason::LandlordChoseOther => "Vermieter wählte andere",
        DeclineReason::IncomeDocumentsMissing => "Einkommensnachweise fehlen",
        DeclineReason::BenefitOfficeRefused => "Leistungsträger lehnt ab",
        DeclineReason::LandlordNoReason => "Vermieter ohne Angabe",
        DeclineReason::Other => "sonstiger Grund",
    }
}

fn channel_label(c: Option<OfferChannel>) -> &'static str {
    match c {
        Some(OfferChannel::PublicForm) => "Online-Formular",
        Some(OfferChannel::PartnerCompany) => "Wohnungsunternehmen (Kooperation)",
        Some(OfferChannel::LandlordDirect) => "Vermieter direkt",
        Some(OfferChannel::Carrier) => "über einen Träger",
        Some(OfferChannel::Household) => "vom Haushalt gefunden",
        Some(OfferChannel::Listing) => "Anzeige oder Portal",
        Some(OfferChannel::Other) => "sonstiger Weg",
        None => "nicht erfasst",
    }
}

fn guarantee_label(k: GuaranteeKind) -> &'static str {
    match k {
        GuaranteeKind::Deposit => "Kautionsdarlehen",
        GuaranteeKind::RentAssumption => "Mietübernahmen",
        GuaranteeKind::SecurityGuarantee => "Sicherheitsleistungen",
        GuaranteeKind::Release => "Freistellungen",
    }
}

fn outcome_label(o: FollowUpOutcome) -> &'static str {
    match o {
        FollowUpOutcome::Stable => "stabil",
        FollowUpOutcome::AtRisk => "gefährdet",
        FollowUpOutcome::Lost => "Kontakt verloren",
        FollowUpOutcome::ReturnedToShelter => "in eine Unterkunft zurückgekehrt",
        FollowUpOutcome::Cancelled => "entfallen (vorher zurückgekehrt)",
    }
}

/// The filled and vacant full-time equivalents (hundredths) of `positions` on `day`,
/// from each position's staffing history as `recorded` lets it count: a position counts
/// while its programme runs and, fixed-term, until its last day.
pub fn staffing_on<'a>(
    positions: impl Iterator<Item = &'a PositionFact>,
    day: NaiveDate,
    recorded: impl Fn(DateTime<Utc>) -> bool,
) -> (i64, i64) {
    let (mut filled, mut vacant) = (0_i64, 0_i64);
    for p in positions {
        if p.ends_on.is_some_and(|e| e < day)
            || p.programme.0 > day
            || p.programme.1.is_some_and(|e| e < day)
        {
            continue;
        }
        let state = p
            .changes
            .iter()
            .filter(|(_, since, at)| *since <= day && recorded(*at))
            .max_by_key(|(_, since, at)| (*since, *at))
            .map(|(f, _, _)| *f);
        match state {
            Some(true) => filled += i64::from(p.fte_hundredths),
            Some(false) => vacant += i64::from(p.fte_hundredths),
            None => {}
        }
    }
    (filled, vacant)
}

/// Counts the report of `scope` for `from..=to` from `facts`, as recorded by
/// `cut_off`. `scope_name` names the city or the carrier.
#[must_use]
#[allow(clippy::too_many_lines)] // one block per section, read top to bottom
pub fn compute(
    facts: &Facts,
    scope: Scope,
    scope_name: &str,
    from: NaiveDate,
    to: NaiveDate,
    cut_off: DateTime<Utc>,
) -> Report {
    let within = |d: NaiveDate| d >= from && d <= to;
    let recorded = |at: DateTime<Utc>| at <= cut_off;
    let members: HashMap<Uuid, i64> = facts
        .cases
        .households
        .iter()
        .map(|(h, _, m)| (*h, i64::from(*m)))
        .collect();
    let persons = |h: &Uuid| members.get(h).copied().unwrap_or(0);
    // Carrier assignments known at the cut-off, by household.
    let mut assigned: HashMap<Uuid, Vec<(OrganisationId, NaiveDate, Option<NaiveDate>)>> =
        HashMap::new();
    for (h, org, start, end) in &facts.cases.assignments {
        if !recorded(*start) {
            continue;
        }
        let end = end.filter(|e| recorded(*e)).map(|e| e.date_naive());
        assigned
            .entry(*h)
            .or_default()
            .push((*org, start.date_naive(), end));
    }
    let carrier_on = |h: &Uuid, day: NaiveDate| -> Option<OrganisationId> {
        assigned.get(h).and_then(|list| {
            list.iter()
                .filter(|(_, s, e)| *s <= day && e.is_none_or(|e| e > day))
                .max_by_key(|(_, s, _)| *s)
                .map(|(o, _, _)| *o)
        })
    };
    let in_scope = |h: &Uuid, day: NaiveDate| match scope {
        Scope::City => true,
        Scope::Carrier(o) => carrier_on(h, day) == Some(o),
    };
    let small = |n: i64| matches!(scope, Scope::Carrier(_)) && (1..=2).contains(&n);
    let count = |key: String, label: String, n: i64| Figure {
        key,
        label,
        value: Value::Count(n),
        suppressed: small(n),
    };
    let share = |key: &str, label: &str, yes: i64, of: i64| Figure {
        key: key.to_owned(),
        label: label.to_owned(),
        value: Value::Share { yes, of },
        suppressed: small(yes) || small(of),
    };

    // Fälle.
    let mut cases = Vec::new();
    let intakes: Vec<Uuid> = match scope {
        Scope::City => facts
            .cases
            .households
            .iter()
            .filter(|(_, at, _)| recorded(*at) && within(at.date_naive()))
            .map(|(h, _, _)| *h)
            .collect(),
        Scope::Carrier(o) => {
            let set: HashSet<Uuid> = assigned
                .iter()
                .filter(|(_, list)| list.iter().any(|(org, s, _)| *org == o && within(*s)))
                .map(|(h, _)| *h)
                .collect();
            let mut v: Vec<Uuid> = set.into_iter().collect();
            v.sort_unstable();
            v
        }
    };
    cases.push(count(
        "intakes.households".into(),
        match scope {
            Scope::City => "Neu aufgenommene Haushalte".into(),
            Scope::Carrier(_) => "Neu übernommene Haushalte".into(),
        },
        i64::try_from(intakes.len()).unwrap_or(i64::MAX),
    ));
    cases.push(count(
        "intakes.persons".into(),
        "… und ihre Personen".into(),
        intakes.iter().map(persons).sum(),
    ));
    let mut last: HashMap<Uuid, (NaiveDate, DateTime<Utc>, CaseState)> = HashMap::new();
    for (h, state, on, at) in &facts.cases.transitions {
        if *on > to || !recorded(*at) {
            continue;
        }
        let e = last.entry(*h).or_insert((*on, *at, *state));
        if (*on, *at) >= (e.0, e.1) {
            *e = (*on, *at, *state);
        }
    }
    let registered_by_end: HashSet<Uuid> = facts
        .cases
        .households
        .iter()
        .filter(|(_, at, _)| recorded(*at) && at.date_naive() <= to)
        .map(|(h, _, _)| *h)
        .collect();
    let mut per_state: BTreeMap<CaseState, (i64, i64)> = BTreeMap::new();
    for (h, (_, _, state)) in &last {
        if registered_by_end.contains(h) && in_scope(h, to) {
            let e = per_state.entry(*state).or_default();
            e.0 += 1;
            e.1 += persons(h);
        }
    }
    for s in CaseState::ALL {
        let (n, p) = per_state.get(s).copied().unwrap_or_default();
        cases.push(count(
            format!("state.{}.households", s.code()),
            format!("Am Ende des Zeitraums – {}: Haushalte", state_label(*s)),
            n,
        ));
        cases.push(count(
            format!("state.{}.persons", s.code()),
            format!("Am Ende des Zeitraums – {}: Personen", state_label(*s)),
            p,
        ));
    }

    // Auszüge.
    let moves: Vec<&PlacementFact> = facts
        .placements
        .iter()
        .filter(|p| {
            recorded(p.recorded_at)
                && within(p.move_in_on)
                && in_scope(&p.household_id, p.move_in_on)
        })
        .collect();
    let mut moved = vec![
        count(
            "moves.households".into(),
            "Auszüge in eigenen Wohnraum: Haushalte".into(),
            i64::try_from(moves.len()).unwrap_or(i64::MAX),
        ),
        count(
            "moves.persons".into(),
            "Auszüge in eigenen Wohnraum: Personen".into(),
            moves.iter().map(|p| persons(&p.household_id)).sum(),
        ),
    ];
    // Each housing company the scope's households moved to up to the period's end gets
    // a row, with a zero when none moved there in the period.
    let mut companies: BTreeMap<String, i64> = BTreeMap::new();
    for p in facts.placements.iter().filter(|p| {
        p.source == PlacementSource::Match
            && p.landlord_kind == LandlordKind::HousingCompany
            && recorded(p.recorded_at)
            && p.move_in_on <= to
            && in_scope(&p.household_id, p.move_in_on)
    }) {
        if let Some(name) = &p.housing_company {
            companies.entry(name.clone()).or_insert(0);
        }
    }
    let mut by: BTreeMap<&'static str, i64> = BTreeMap::new();
    for p in &moves {
        match (p.source, p.landlord_kind, &p.housing_company) {
            (PlacementSource::SelfFound, _, _) => *by.entry("self_found").or_default() += 1,
            (PlacementSource::LeaseTakeover, _, _) => {
                *by.entry("lease_takeover").or_default() += 1;
            }
            (_, LandlordKind::HousingCompany, Some(name)) => {
                *companies.entry(name.clone()).or_default() += 1;
            }
            (_, LandlordKind::HousingCompany, None) => {
                *by.entry("company_unnamed").or_default() += 1;
            }
            (_, LandlordKind::Cooperative, _) => *by.entry("cooperative").or_default() += 1,
            (_, LandlordKind::Private, _) => *by.entry("private").or_default() += 1,
            (_, LandlordKind::Other, _) => *by.entry("other_landlord").or_default() += 1,
        }
    }
    for (name, n) in companies {
        moved.push(count(
            format!("moves.company.{name}"),
            format!("davon Wohnungsgesellschaft {name}"),
            n,
        ));
    }
    for (key, label) in [
        ("company_unnamed", "davon andere Wohnungsgesellschaften"),
        ("cooperative", "davon Genossenschaften"),
        ("private", "davon private Vermieter"),
        ("other_landlord", "davon sonstige Vermieter"),
        ("self_found", "davon selbst gefundene Wohnungen"),
        ("lease_takeover", "davon Übernahme des Mietvertrags"),
    ] {
        moved.push(count(
            format!("moves.{key}"),
            label.into(),
            by.get(key).copied().unwrap_or(0),
        ));
    }

    // How long the way out took, for the moves of the period.
    let registered: HashMap<Uuid, NaiveDate> = facts
        .cases
        .households
        .iter()
        .map(|(h, at, _)| (*h, at.date_naive()))
        .collect();
    let mut ready_days: HashMap<Uuid, Vec<NaiveDate>> = HashMap::new();
    for (h, on, at) in &facts.cases.ready {
        if recorded(*at) {
            ready_days.entry(*h).or_default().push(*on);
        }
    }
    let leases: HashMap<Uuid, NaiveDate> = facts
        .matches
        .iter()
        .filter_map(|m| Some((m.id, m.lease_signed_on?)))
        .collect();
    let (mut intake_ready, mut ready_lease, mut lease_move) = (Vec::new(), Vec::new(), Vec::new());
    for p in &moves {
        let lease = p.match_id.and_then(|m| leases.get(&m).copied());
        let until = lease.unwrap_or(p.move_in_on);
        // The first assessment that found the household ready before this way out.
        let ready = ready_days
            .get(&p.household_id)
            .and_then(|days| days.iter().filter(|d| **d <= until).min().copied());
        if let (Some(intake), Some(ready)) = (registered.get(&p.household_id), ready)
            && ready >= *intake
        {
            intake_ready.push((ready - *intake).num_days());
        }
        if let (Some(ready), Some(lease)) = (ready, lease) {
            ready_lease.push((lease - ready).num_days());
        }
        if let Some(lease) = lease.filter(|l| *l <= p.move_in_on) {
            lease_move.push((p.move_in_on - lease).num_days());
        }
    }
    for (key, label, days) in [
        (
            "durations.intake_ready",
            "Dauer Aufnahme bis Wohnfähigkeit",
            intake_ready,
        ),
        (
            "durations.ready_lease",
            "Dauer Wohnfähigkeit bis Mietvertrag",
            ready_lease,
        ),
        (
            "durations.lease_move_in",
            "Dauer Mietvertrag bis Einzug",
            lease_move,
        ),
    ] {
        let value = percentiles(days);
        let Value::Days { n, .. } = value else {
            continue;
        };
        moved.push(Figure {
            key: key.into(),
            label: label.into(),
            value,
            suppressed: small(n),
        });
    }

    // Nachbetreuung.
    // A follow-up cancelled by a return before it was no contact.
    let followups: Vec<&(Uuid, NaiveDate, FollowUpOutcome)> = facts
        .cases
        .followups
        .iter()
        .filter(|(h, on, o)| *o != FollowUpOutcome::Cancelled && within(*on) && in_scope(h, *on))
        .collect();
    let mut aftercare = vec![count(
        "aftercare.followups".into(),
        "Nachbetreuungskontakte".into(),
        i64::try_from(followups.len()).unwrap_or(i64::MAX),
    )];
    for o in FollowUpOutcome::ALL
        .iter()
        .filter(|o| **o != FollowUpOutcome::Cancelled)
    {
        aftercare.push(count(
            format!("aftercare.outcome.{}", o.code()),
            format!("davon {}", outcome_label(*o)),
            i64::try_from(followups.iter().filter(|(_, _, x)| x == o).count()).unwrap_or(i64::MAX),
        ));
    }
    let returns = facts
        .placements
        .iter()
        .filter(|p| {
            recorded(p.recorded_at)
                && p.returned_on
                    .is_some_and(|r| within(r) && in_scope(&p.household_id, r))
        })
        .count();
    aftercare.push(count(
        "aftercare.returns".into(),
        "Rückkehr in eine Unterkunft".into(),
        i64::try_from(returns).unwrap_or(i64::MAX),
    ));
    for months in [6_u32, 12] {
        let (mut held, mut of) = (0, 0);
        for p in facts
            .placements
            .iter()
            .filter(|p| recorded(p.recorded_at) && in_scope(&p.household_id, p.move_in_on))
        {
            let Some(end) = p.move_in_on.checked_add_months(Months::new(months)) else {
                continue;
            };
            if within(end) {
                of += 1;
                held += i64::from(p.returned_on.is_none_or(|r| r >= end));
            }
        }
        aftercare.push(share(
            &format!("aftercare.held{months}"),
            &format!("Mietverhältnisse {months} Monate nach Einzug noch bestehend"),
            held,
            of,
        ));
    }

    // Kurse.
    let runs: Vec<&RunFact> = facts
        .runs
        .iter()
        .filter(|r| {
            r.last_session.is_some_and(within)
                && match scope {
                    Scope::City => true,
                    Scope::Carrier(o) => r.delivering_org == Some(o.uuid()),
                }
        })
        .collect();
    let placed = |s: EnrolmentStatus| s != EnrolmentStatus::Waiting;
    let places: i64 = runs
        .iter()
        .map(|r| {
            i64::try_from(r.participants.iter().filter(|(_, s)| placed(*s)).count()).unwrap_or(0)
        })
        .sum();
    let completed: i64 = runs
        .iter()
        .map(|r| {
            i64::try_from(
                r.participants
                    .iter()
                    .filter(|(_, s)| *s == EnrolmentStatus::Completed)
                    .count(),
            )
            .unwrap_or(0)
        })
        .sum();
    let courses = vec![
        count(
            "courses.runs".into(),
            "Beendete Kursdurchgänge".into(),
            i64::try_from(runs.len()).unwrap_or(i64::MAX),
        ),
        count(
            "courses.places".into(),
            "Teilnehmende mit Platz".into(),
            places,
        ),
        count("courses.completed".into(), "Abschlüsse".into(), completed),
        share("courses.rate", "Abschlussquote", completed, places),
    ];

    // Vermittlung.
    let proposed: Vec<&MatchFact> = facts
        .matches
        .iter()
        .filter(|m| {
            recorded(m.created_at)
                && within(m.created_at.date_naive())
                && in_scope(&m.household_id, m.created_at.date_naive())
        })
        .collect();
    let n = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
    let mut placing = vec![
        count(
            "matches.proposed".into(),
            "Vorgeschlagene Vermittlungen".into(),
            n(proposed.len()),
        ),
        count(
            "matches.overrides".into(),
            "davon gegen eine Regel begründet vorgeschlagen".into(),
            n(proposed.iter().filter(|m| m.overridden).count()),
        ),
        count(
            "matches.leases".into(),
            "Unterschriebene Mietverträge".into(),
            n(facts
                .matches
                .iter()
                .filter(|m| {
                    m.lease_signed_on
                        .is_some_and(|d| within(d) && in_scope(&m.household_id, d))
                })
                .count()),
        ),
    ];
    let declined: Vec<(DeclineReason, Option<&str>)> = facts
        .matches
        .iter()
        .filter_map(|m| {
            let (reason, by, at) = m.declined.as_ref()?;
            let day = at.date_naive();
            (recorded(*at) && within(day) && in_scope(&m.household_id, day))
                .then_some((*reason, by.as_deref()))
        })
        .collect();
    placing.push(count(
        "matches.declined".into(),
        "Abgelehnte Vermittlungen".into(),
        n(declined.len()),
    ));
    for r in DeclineReason::ALL {
        placing.push(count(
            format!("declines.{}", r.code()),
            format!("davon Grund: {}", decline_label(*r)),
            n(declined.iter().filter(|(x, _)| x == r).count()),
        ));
    }
    for (actor, label) in [
        ("household", "Haushalt"),
        ("landlord", "Vermieter"),
        ("carrier", "Träger"),
        ("city", "Stadt"),
    ] {
        placing.push(count(
            format!("declines.by.{actor}"),
            format!("davon abgelehnt durch: {label}"),
            n(declined.iter().filter(|(_, by)| *by == Some(actor)).count()),
        ));
    }

    // Offers by channel: for the city those taken in during the period; for a
    // carrier those proposed to its households in the period.
    let channel_of: HashMap<Uuid, Option<OfferChannel>> =
        facts.offers.iter().map(|o| (o.id, o.channel)).collect();
    let offers: Vec<Option<OfferChannel>> = match scope {
        Scope::City => facts
            .offers
            .iter()
            .filter(|o| recorded(o.created_at) && within(o.created_at.date_naive()))
            .map(|o| o.channel)
            .collect(),
        Scope::Carrier(_) => proposed
            .iter()
            .map(|m| m.offer_id)
            .collect::<HashSet<Uuid>>()
            .into_iter()
            .map(|o| channel_of.get(&o).copied().flatten())
            .collect(),
    };
    placing.push(match scope {
        Scope::City => count(
            "offers.received".into(),
            "Eingegangene Wohnungsangebote".into(),
            n(offers.len()),
        ),
        Scope::Carrier(_) => count(
            "offers.proposed".into(),
            "Wohnungsangebote, die Haushalten des Trägers vorgeschlagen wurden".into(),
            n(offers.len()),
        ),
    });
    for c in OfferChannel::ALL.iter().copied().map(Some).chain([None]) {
        placing.push(count(
            format!(
                "offers.channel.{}",
                c.map_or("not_recorded", OfferChannel::code)
            ),
            format!("davon Eingang: {}", channel_label(c)),
            n(offers.iter().filter(|x| **x == c).count()),
        ));
    }

    // Sicherheitsleistungen.
    let mut guarantees = Vec::new();
    for k in GuaranteeKind::ALL {
        let approved: Vec<&GuaranteeFact> = facts
            .guarantees
            .iter()
            .filter(|g| {
                g.kind == *k
                    && g.approved_on
                        .is_some_and(|d| within(d) && in_scope(&g.household_id, d))
            })
            .collect();
        let many = n(approved.len());
        guarantees.push(count(
            format!("guarantees.{}.approved", k.code()),
            format!("{}: bewilligt", guarantee_label(*k)),
            many,
        ));
        guarantees.push(Figure {
            key: format!("guarantees.{}.sum", k.code()),
            label: format!("{}: Summe", guarantee_label(*k)),
            value: Value::Euros(approved.iter().map(|g| i64::from(g.amount_cents)).sum()),
            suppressed: small(many),
        });
    }
    let loans: Vec<i64> = facts
        .guarantees
        .iter()
        .filter(|g| {
            g.kind == GuaranteeKind::Deposit
                && g.approved_on
                    .is_some_and(|d| d <= to && in_scope(&g.household_id, d))
        })
        .map(|g| {
            let repaid: i64 = g
                .repayments
                .iter()
                .filter(|(on, _)| *on <= to)
                .map(|(_, c)| i64::from(*c))
                .sum();
            (i64::from(g.amount_cents) - repaid).max(0)
        })
        .filter(|left| *left > 0)
        .collect();
    guarantees.push(Figure {
        key: "guarantees.outstanding".into(),
        label: "Offene Rückzahlungen aus Kautionsdarlehen am Ende des Zeitraums".into(),
        value: Value::Euros(loans.iter().sum()),
        suppressed: small(n(loans.len())),
    });

    // Personal: the staffing of the scope's programmes on the period's last day.
    let (filled, vacant) = staffing_on(
        facts.positions.iter().filter(|p| match scope {
            Scope::City => true,
            Scope::Carrier(o) => p.organisation == o,
        }),
        to,
        recorded,
    );
    let open_cases: i64 = per_state
        .iter()
        .filter(|(s, _)| **s != CaseState::Closed)
        .map(|(_, (n, _))| *n)
        .sum();
    let staffing = vec![
        Figure {
            key: "staffing.filled_fte".into(),
            label: "Besetzte Stellen am Ende des Zeitraums (Vollzeitäquivalente)".into(),
            value: Value::Hundredths(Some(filled)),
            suppressed: false,
        },
        Figure {
            key: "staffing.vacant_fte".into(),
            label: "Freie Stellen am Ende des Zeitraums (Vollzeitäquivalente)".into(),
            value: Value::Hundredths(Some(vacant)),
            suppressed: false,
        },
        Figure {
            key: "staffing.caseload_per_fte".into(),
            label: "Offene Fälle je besetzter Vollzeitstelle".into(),
            value: Value::Hundredths((filled > 0).then(|| open_cases * 10_000 / filled)),
            suppressed: small(open_cases),
        },
    ];

    // Finanzierung: the scope's funding sources whose term overlaps the period, by kind.
    let mut money = Vec::new();
    for kind in crate::types::FundingKind::ALL {
        let sources: Vec<&FundingFact> = facts
            .funding
            .iter()
            .filter(|f| {
                f.kind == *kind
                    && f.starts_on <= to
                    && f.ends_on >= from
                    && match scope {
                        Scope::City => true,
                        Scope::Carrier(o) => f.organisation == o,
                    }
            })
            .collect();
        let spent = |in_period: bool| -> i64 {
            sources
                .iter()
                .flat_map(|f| &f.spending)
                .filter(|(on, _, at)| recorded(*at) && *on <= to && (!in_period || *on >= from))
                .map(|(_, c, _)| *c)
                .sum()
        };
        let label = match kind {
            crate::types::FundingKind::CityBudget => "Haushalt der Stadt",
            crate::types::FundingKind::Kim => "KIM (Land NRW)",
            crate::types::FundingKind::Other => "Sonstige Mittel",
        };
        for (key, what, cents) in [
            (
                "amount",
                "Summe der laufenden Mittel",
                sources.iter().map(|f| f.amount_cents).sum(),
            ),
            ("used_in_period", "im Zeitraum verausgabt", spent(true)),
            (
                "used_to_end",
                "bis zum Ende des Zeitraums verausgabt",
                spent(false),
            ),
        ] {
            money.push(Figure {
                key: format!("funding.{}.{key}", kind.code()),
                label: format!("{label}: {what}"),
                value: Value::Euros(cents),
                suppressed: false,
            });
        }
    }

    Report {
        from,
        to,
        cut_off,
        scope,
        scope_name: scope_name.to_owned(),
        sections: [
            ("cases", cases),
            ("moves", moved),
            ("aftercare", aftercare),
            ("courses", courses),
            ("matches", placing),
            ("guarantees", guarantees),
            ("staffing", staffing),
            ("funding", money),
        ]
        .into_iter()
        .filter_map(|(key, figures)| section(key, figures))
        .collect(),
        released_at: None,
    }
}

/// The report as CSV (RFC 4180): one row per figure — section, key, label, value as
/// printed, count (or `yes`), `of` for shares — with a header row and two leading rows
/// stating the period, the scope and the cut-off. `semicolon` writes the variant
/// German spreadsheet programs open directly (`;` between fields, decimal commas in
/// the printed value).
///
/// # Errors
/// Never in practice (writing to memory).
pub fn csv(report: &Report, semicolon: bool) -> Result<String, Error> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(if semicolon { b';' } else { b',' })
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    let fail = |e: csv::Error| Error::internal(e);
    w.write_record([
        "Zeitraum",
        &report.from.to_string(),
        &report.to.to_string(),
        &report.scope_name,
    ])
    .map_err(fail)?;
    w.write_record(["Datenstand", &report.cut_off.to_rfc3339()])
        .map_err(fail)?;
    w.write_record([
        "Abschnitt",
        "Schlüssel",
        "Kennzahl",
        "Wert",
        "Anzahl",
        "von",
    ])
    .map_err(fail)?;
    for s in &report.sections {
        for f in &s.figures {
            let (n, of) = match (f.suppressed, f.value) {
                (true, _) => (String::new(), String::new()),
                (false, Value::Count(n) | Value::Euros(n)) => (n.to_string(), String::new()),
                (false, Value::Days { median, n, .. }) => (median.to_string(), n.to_string()),
                (false, Value::Hundredths(h)) => {
                    (h.map(|h| h.to_string()).unwrap_or_default(), String::new())
                }
                (false, Value::Share { yes, of }) => (yes.to_string(), of.to_string()),
            };
            w.write_record([s.title, &f.key, &f.label, &f.display(), &n, &of])
                .map_err(fail)?;
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::internal(e.into_error()))?;
    String::from_utf8(bytes).map_err(Error::internal)
}

/// The name of `scope` and every fact its report counts (nineteen statements).
pub(crate) async fn load(
    tx: &wohnweg_kernel::TenantTx,
    scope: Scope,
) -> wohnweg_kernel::Result<(String, Facts)> {
    let name = match scope {
        Scope::City => wohnweg_identity::directory::own_tenant(tx).await?.1,
        Scope::Carrier(o) => {
            wohnweg_identity::directory::organisation(tx, o)
                .await?
                .ok_or(Error::NotFound {
                    entity: "organisation",
                })?
                .name
        }
    };
    let (positions, funding) = programme_facts(tx).await?;
    let facts = Facts {
        cases: wohnweg_casework::lookup::case_history(tx).await?,
        placements: wohnweg_housing::lookup::placement_facts(tx).await?,
        runs: wohnweg_learning::lookup::run_facts(tx).await?,
        matches: wohnweg_housing::lookup::match_facts(tx).await?,
        offers: wohnweg_housing::lookup::offer_facts(tx).await?,
        guarantees: wohnweg_housing::lookup::guarantee_facts(tx).await?,
        positions,
        funding,
    };
    Ok((name, facts))
}

impl crate::Programmes {
    /// The report of `scope` for `from..=to` as recorded by `cut_off` (default: now;
    /// never in the future). City staff: the city's joint report and any carrier's; a
    /// carrier's caseworker: its own carrier's report (another carrier's looks
    /// missing), and the joint report only as the city released it (the same period
    /// and cut-off). A released joint report reads as kept at its release (one
    /// statement); any other: twenty.
    pub async fn report(
        &self,
        ctx: &wohnweg_kernel::Ctx,
        scope: Scope,
        from: NaiveDate,
        to: NaiveDate,
        cut_off: Option<DateTime<Utc>>,
    ) -> wohnweg_kernel::Result<Report> {
        let access = crate::access::Access::of(ctx)?;
        check_period(from, to)?;
        let now = Utc::now();
        let cut_off = cut_off.unwrap_or(now);
        if cut_off > now {
            return Err(Error::bad_input("cutOff", "must not lie in the future"));
        }
        // A period still running at the cut-off would count windows not yet reached.
        if to > cut_off.date_naive() {
            return Err(Error::bad_input(
                "to",
                "must not lie after the cut-off's day",
            ));
        }
        if let (Scope::Carrier(o), Some(own)) = (scope, access.carrier)
            && o != own
        {
            return Err(Error::NotFound {
                entity: "organisation",
            });
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        // The joint report is the city's; a carrier reads it only as released. A
        // released report reads as it was released.
        if scope == Scope::City {
            match crate::release::find(&tx, from, to, cut_off).await? {
                Some(r) if r.figures.is_some() => {
                    tx.commit().await?;
                    return crate::release::thaw(&r);
                }
                Some(_) => {}
                None if access.carrier.is_some() => return Err(Error::Forbidden),
                None => {}
            }
        }
        let (name, facts) = load(&tx, scope).await?;
        tx.commit().await?;
        Ok(compute(&facts, scope, &name, from, to, cut_off))
    }
}

#[cfg(test)]
#[path = "report_tests.rs"]
pub(crate) mod tests;

//! What a city coordinator must not miss about the programmes running today, on the
//! worklist: a funding source ending within six months and what it pays for, a
//! fixed-term position ending within six months, a vacant position, a caseload above
//! the programme's limit, a target of this year behind its pro-rata path.

use chrono::{Months, NaiveDate, Utc};
use sea_orm::QueryOrder;
use uuid::Uuid;
use wohnweg_kernel::{Ctx, Result};

use crate::Programmes;
use crate::access::Access;
use crate::entity::programme;
use crate::programmes::{ProgrammeView, views};
use crate::types::WarningKind;

/// How far ahead an ending funding source or position is shown, in months.
pub const HORIZON_MONTHS: u32 = 6;

/// One warning. Besides what every warning has, each kind fills its own figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    /// What it is about.
    pub kind: WarningKind,
    /// The programme.
    pub programme_id: Uuid,
    /// The organisation that runs it.
    pub organisation_name: String,
    /// The funding source's name, the position's title, the programme's title
    /// (caseload) or the target's kind code.
    pub subject: String,
    /// The day that matters: the last day, or vacant since.
    pub on: Option<NaiveDate>,
    /// A funding source: what it pays for …
    pub pays_for: Option<String>,
    /// … and the positions it funds.
    pub funded_positions: Vec<String>,
    /// A position's FTE, or the programme's filled FTE (caseload), in hundredths.
    pub fte_hundredths: Option<i64>,
    /// Caseload: the open households …
    pub households: Option<i64>,
    /// … against the limit per filled FTE.
    pub caseload_limit: Option<i32>,
    /// A target: this year's count so far …
    pub actual: Option<i64>,
    /// … the target …
    pub target: Option<i32>,
    /// … and where its pro-rata path stands today.
    pub expected_by_now: Option<i64>,
}

/// The warnings of `programmes` as of `today`: dated ones first, soonest first.
#[must_use]
pub fn warnings_of(programmes: &[ProgrammeView], today: NaiveDate) -> Vec<Warning> {
    let horizon = today
        .checked_add_months(Months::new(HORIZON_MONTHS))
        .unwrap_or(NaiveDate::MAX);
    let soon = |d: NaiveDate| d >= today && d <= horizon;
    let mut out = Vec::new();
    for p in programmes.iter().filter(|p| p.runs_on(today)) {
        let base = |kind, subject: &str, on| Warning {
            kind,
            programme_id: p.id,
            organisation_name: p.organisation_name.clone(),
            subject: subject.to_owned(),
            on,
            pays_for: None,
            funded_positions: Vec::new(),
            fte_hundredths: None,
            households: None,
            caseload_limit: None,
            actual: None,
            target: None,
            expected_by_now: None,
        };
        for f in p.funding.iter().filter(|f| soon(f.ends_on)) {
            out.push(Warning {
                pays_for: Some(f.pays_for.clone()),
                funded_positions: p
                    .positions
                    .iter()
                    .filter(|x| x.funding_id == Some(f.id))
                    .map(|x| x.title.clone())
                    .collect(),
                ..base(WarningKind::FundingEnding, &f.name, Some(f.ends_on))
            });
        }
        for x in &p.positions {
            if let Some(end) = x.ends_on.filter(|e| !x.permanent && soon(*e)) {
                out.push(Warning {
                    fte_hundredths: Some(i64::from(x.fte_hundredths)),
                    ..base(WarningKind::PositionEnding, &x.title, Some(end))
                });
            }
            if !x.filled && x.ends_on.is_none_or(|e| e >= today) {
                out.push(Warning {
                    fte_hundredths: Some(i64::from(x.fte_hundredths)),
                    ..base(WarningKind::PositionVacant, &x.title, Some(x.since))
                });
            }
        }
        if let Some(limit) = p.caseload_limit {
            let above = match p.caseload_per_fte {
                Some(c) => c > f64::from(limit),
                None => p.households > 0,
            };
            if above {
                out.push(Warning {
                    fte_hundredths: Some(p.filled_fte_hundredths),
                    households: Some(p.households),
                    caseload_limit: Some(limit),
                    ..base(WarningKind::CaseloadAboveLimit, &p.title, None)
                });
            }
        }
        for t in p.targets.iter().filter(|t| t.behind) {
            out.push(Warning {
                actual: t.actual,
                target: Some(t.target),
                expected_by_now: Some(t.expected_by_now),
                ..base(WarningKind::TargetBehind, t.kind.code(), None)
            });
        }
    }
    out.sort_by_key(|w| (w.on.is_none(), w.on, w.kind));
    out
}

impl Programmes {
    /// The warnings about the city's running programmes (city coordinators). The same
    /// statements as [`Programmes::programmes`].
    pub async fn warnings(&self, ctx: &Ctx) -> Result<Vec<Warning>> {
        let access = Access::of(ctx)?;
        access.require_coordinator()?;
        let today = Utc::now().date_naive();
        let tx = self.db.begin_tenant(access.tenant).await?;
        let rows = tx
            .find::<programme::Entity>()
            .order_by_asc(programme::Column::Id)
            .all(tx.conn())
            .await?;
        let list = views(&tx, rows, today).await?;
        tx.commit().await?;
        Ok(warnings_of(&list, today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programmes::{FundingView, PositionView, TargetView};
    use crate::types::{FundingKind, TargetKind};
    use wohnweg_kernel::OrganisationId;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn programme() -> ProgrammeView {
        let kim = Uuid::from_u128(7);
        let pos = |n: u128, title: &str, permanent, ends: Option<&str>, filled| PositionView {
            id: Uuid::from_u128(n),
            title: title.into(),
            fte_hundredths: 100,
            permanent,
            ends_on: ends.map(d),
            funding_id: (!permanent).then_some(kim),
            filled,
            since: d("2026-10-01"),
            version: 1,
        };
        ProgrammeView {
            id: Uuid::from_u128(1),
            organisation: OrganisationId::from_uuid(Uuid::from_u128(2)),
            organisation_name: "DRK".into(),
            title: "Auszugsmanagement DRK".into(),
            starts_on: d("2015-10-15"),
            ends_on: None,
            caseload_limit: Some(40),
            funding: vec![
                FundingView {
                    id: kim,
                    kind: FundingKind::Kim,
                    name: "KIM".into(),
                    amount_cents: 1,
                    starts_on: d("2025-01-01"),
                    ends_on: d("2027-03-31"),
                    pays_for: "befristete Stellen".into(),
                    spent_cents: 0,
                },
                FundingView {
                    id: Uuid::from_u128(8),
                    kind: FundingKind::CityBudget,
                    name: "Haushalt".into(),
                    amount_cents: 1,
                    starts_on: d("2025-01-01"),
                    ends_on: d("2028-12-31"),
                    pays_for: "unbefristete Stelle".into(),
                    spent_cents: 0,
                },
            ],
            positions: vec![
                pos(10, "Sozialarbeit (unbefristet)", true, None, true),
                pos(
                    11,
                    "Sozialarbeit (befristet)",
                    false,
                    Some("2027-02-28"),
                    true,
                ),
                pos(
                    12,
                    "Sozialarbeit (befristet, frei)",
                    false,
                    Some("2027-12-31"),
                    false,
                ),
            ],
            targets: vec![TargetView {
                year: 2026,
                kind: TargetKind::MoveOuts,
                target: 40,
                actual: Some(20),
                expected_by_now: 36,
                behind: true,
            }],
            households: 90,
            filled_fte_hundredths: 200,
            vacant_fte_hundredths: 100,
            caseload_per_fte: Some(45.0),
            version: 1,
        }
    }

    #[test]
    fn each_concern_of_a_running_programme_becomes_one_warning() {
        let today = d("2026-11-30");
        let w = warnings_of(&[programme()], today);
        let kinds: Vec<WarningKind> = w.iter().map(|w| w.kind).collect();
        assert_eq!(
            kinds,
            vec![
                WarningKind::PositionVacant,
                WarningKind::PositionEnding,
                WarningKind::FundingEnding,
                WarningKind::CaseloadAboveLimit,
                WarningKind::TargetBehind,
            ]
        );
        let funding = &w[2];
        assert_eq!(funding.subject, "KIM");
        assert_eq!(funding.pays_for.as_deref(), Some("befristete Stellen"));
        assert_eq!(
            funding.funded_positions,
            vec!["Sozialarbeit (befristet)", "Sozialarbeit (befristet, frei)"]
        );
        assert_eq!((w[3].households, w[3].caseload_limit), (Some(90), Some(40)));
        assert_eq!((w[4].actual, w[4].expected_by_now), (Some(20), Some(36)));
    }

    #[test]
    fn nothing_warns_beyond_the_horizon_or_for_a_programme_that_ended() {
        let mut p = programme();
        p.positions.truncate(1);
        p.funding.truncate(1);
        p.funding[0].ends_on = d("2027-06-01");
        p.targets.clear();
        p.caseload_per_fte = Some(40.0);
        assert!(warnings_of(&[p.clone()], d("2026-11-30")).is_empty());
        let mut ended = programme();
        ended.ends_on = Some(d("2026-11-29"));
        assert!(warnings_of(&[ended], d("2026-11-30")).is_empty());
    }
}

//! Köln's programmes as the third joint report of its three carriers describes them:
//! since October 2015 the city finances move-out management by Caritas, the Red Cross
//! and the Kölner Flüchtlingsrat; by the council's decision of 14 November 2017 each
//! carrier has one permanent full-time position, four more are fixed-term for two
//! years, and a city social worker coordinates full-time. The demo dates the state's
//! KIM funding so that one source ends within six months, and leaves one position
//! vacant — both show on the coordinator's worklist.

use chrono::{Datelike, Days, Months, NaiveDate, Utc};
use wohnweg_casework::types::Text;
use wohnweg_kernel::{Ctx, OrganisationId, Result};

use crate::Programmes;
use crate::programmes::{NewFunding, NewPosition, NewProgramme};
use crate::types::{FundingKind, TargetKind};

fn t(s: &str) -> Result<Text> {
    Text::parse("demo", s, 4000, true)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A carrier of the demo: its organisation, short name, fixed-term positions, whether
/// its KIM funding ends soon and whether one fixed-term position is vacant.
pub struct DemoCarrier {
    /// The organisation.
    pub organisation: OrganisationId,
    /// Short name for titles.
    pub short: &'static str,
    /// Fixed-term positions.
    pub fixed_term: u32,
    /// Its KIM funding ends within six months.
    pub kim_ends_soon: bool,
    /// One fixed-term position is vacant.
    pub vacancy: bool,
}

/// Seeds the programmes unless the city has some (`coordinator` is a city
/// coordinator's context; `department` the city's own organisation).
///
/// # Errors
/// Never in practice: the inputs are constants that pass the checks.
pub async fn seed(
    programmes: &Programmes,
    coordinator: &Ctx,
    department: OrganisationId,
    carriers: &[DemoCarrier],
) -> Result<()> {
    if !programmes.programmes(coordinator).await?.is_empty() {
        return Ok(());
    }
    let today = Utc::now().date_naive();
    let year = today.year();
    let council = date(2017, 11, 14);
    for c in carriers {
        let p = programmes
            .create_programme(
                coordinator,
                NewProgramme {
                    organisation: c.organisation,
                    title: t(&format!("Auszugsmanagement {}", c.short))?,
                    starts_on: date(2015, 10, 15),
                    ends_on: None,
                    caseload_limit: Some(40),
                },
            )
            .await?;
        let p = programmes
            .add_funding(
                coordinator,
                p.id,
                NewFunding {
                    kind: FundingKind::CityBudget,
                    name: t("Stadt Köln – Haushalt Auszugsmanagement")?,
                    amount_cents: 7_200_000,
                    starts_on: date(year, 1, 1),
                    ends_on: date(year + 1, 12, 31),
                    pays_for: t("die unbefristete Vollzeitstelle (Ratsbeschluss vom 14.11.2017)")?,
                },
            )
            .await?;
        let kim_end = if c.kim_ends_soon {
            today.checked_add_months(Months::new(4))
        } else {
            today.checked_add_months(Months::new(14))
        }
        .unwrap_or(today);
        let p = programmes
            .add_funding(
                coordinator,
                p.id,
                NewFunding {
                    kind: FundingKind::Kim,
                    name: t("KIM – Kommunales Integrationsmanagement NRW")?,
                    amount_cents: 6_500_000 * i32::try_from(c.fixed_term).unwrap_or(1),
                    starts_on: kim_end.checked_sub_months(Months::new(24)).unwrap_or(today),
                    ends_on: kim_end,
                    pays_for: t("die befristeten Stellen (zwei Jahre)")?,
                },
            )
            .await?;
        let (city, kim) = (p.funding[0].id, p.funding[1].id);
        let (city, kim) = if p.funding[0].kind == FundingKind::Kim {
            (kim, city)
        } else {
            (city, kim)
        };
        programmes
            .add_position(
                coordinator,
                p.id,
                NewPosition {
                    title: t("Sozialarbeit Auszugsmanagement (unbefristet)")?,
                    fte_hundredths: 100,
                    permanent: true,
                    ends_on: None,
                    funding_id: Some(city),
                    filled: true,
                    since: council,
                },
            )
            .await?;
        for n in 0..c.fixed_term {
            let vacant = c.vacancy && n + 1 == c.fixed_term;
            programmes
                .add_position(
                    coordinator,
                    p.id,
                    NewPosition {
                        title: t(&format!(
                            "Sozialarbeit Auszugsmanagement (befristet {})",
                            n + 1
                        ))?,
                        fte_hundredths: 100,
                        permanent: false,
                        ends_on: Some(kim_end),
                        funding_id: Some(kim),
                        filled: !vacant,
                        since: if vacant {
                            today.checked_sub_days(Days::new(45)).unwrap_or(today)
                        } else {
                            kim_end.checked_sub_months(Months::new(24)).unwrap_or(today)
                        },
                    },
                )
                .await?;
        }
        for (kind, target) in [
            (TargetKind::MoveOuts, 35),
            (TargetKind::CourseCompletions, 12),
            (TargetKind::AftercareContacts, 40),
            (TargetKind::LandlordsWon, 4),
        ] {
            programmes
                .set_target(coordinator, p.id, year, kind, target)
                .await?;
        }
    }
    let p = programmes
        .create_programme(
            coordinator,
            NewProgramme {
                organisation: department,
                title: t("Städtische Koordination Auszugsmanagement")?,
                starts_on: date(2015, 10, 15),
                ends_on: None,
                caseload_limit: None,
            },
        )
        .await?;
    let p = programmes
        .add_funding(
            coordinator,
            p.id,
            NewFunding {
                kind: FundingKind::CityBudget,
                name: t("Stadt Köln – Haushalt Amt für Wohnungswesen")?,
                amount_cents: 7_500_000,
                starts_on: date(year, 1, 1),
                ends_on: date(year + 1, 12, 31),
                pays_for: t("die Koordinierungsstelle")?,
            },
        )
        .await?;
    programmes
        .add_position(
            coordinator,
            p.id,
            NewPosition {
                title: t("Koordination (städtische Sozialarbeit)")?,
                fte_hundredths: 100,
                permanent: true,
                ends_on: None,
                funding_id: p.funding.first().map(|f| f.id),
                filled: true,
                since: council,
            },
        )
        .await?;
    Ok(())
}

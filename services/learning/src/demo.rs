//! The learning service's demo data and the catalogue's first course.
//!
//! [`standard_mietfuehrerschein`] is the catalogue's *Mietführerschein* as the
//! Bergisch Gladbach and Hagen council papers describe it: seven modules, the
//! languages the cities teach in, every mandatory module and three quarters of the
//! sessions. [`seed`] publishes it when the catalogue lacks it (operator path) and
//! plays Bergisch Gladbach's first run: adopted, a local waste-rules module, three
//! sessions in Arabic with a German interpreter, attendance, two participants who
//! complete and receive certificates, one of them revoked as issued in error.

use chrono::{Days, Utc};
use uuid::Uuid;
use wohnweg_casework::types::Text;
use wohnweg_kernel::{Ctx, Result};

use crate::Learning;
use crate::catalogue::{NewModule, NewTemplate};
use crate::courses::{NewLocalModule, NewRun, NewSession};
use crate::participants::NewParticipant;
use crate::rule::CompletionRule;
use crate::types::{Language, RevokeReason, RuleKind, StartTime};

/// The catalogue key of the renter's licence.
pub const MIETFUEHRERSCHEIN: &str = "mietfuehrerschein";

fn t(s: &str) -> Result<Text> {
    Text::parse("demo", s, 4000, true)
}

/// The *Mietführerschein*, version 1.
///
/// # Errors
/// Never in practice: the texts are constants that pass the parsers.
pub fn standard_mietfuehrerschein() -> Result<NewTemplate> {
    let modules: [(&str, &str, &str, &str, i32); 7] = [
        (
            "tenant_rights",
            "Rechte und Pflichten als Mieterin und Mieter",
            "Tenant rights and duties",
            "Mietvertrag, Kündigung, Mängelanzeige, wer hilft bei Streit",
            120,
        ),
        (
            "heating_airing",
            "Heizen und Lüften",
            "Heating and airing",
            "Stoßlüften, Schimmel vermeiden, Heizkosten sparen",
            90,
        ),
        (
            "waste_separation",
            "Mülltrennung",
            "Waste separation",
            "Tonnen, Abfuhrtermine, Sperrmüll",
            60,
        ),
        (
            "utility_bills",
            "Nebenkosten und Abrechnung",
            "Utility bills and service charges",
            "Abschläge, Jahresabrechnung, Nachzahlung lesen",
            90,
        ),
        (
            "house_rules",
            "Hausordnung und Nachbarschaft",
            "House rules and neighbourhood",
            "Ruhezeiten, Treppenhaus, Konflikte ansprechen",
            90,
        ),
        (
            "budgeting",
            "Haushaltsplanung und Mietzahlung",
            "Budgeting and rent payment",
            "Dauerauftrag, Mietrückstand vermeiden, Hilfe holen",
            90,
        ),
        (
            "tenancy_contract",
            "Der Mietvertrag",
            "The tenancy contract",
            "Bestandteile, Kaution, Übergabeprotokoll",
            90,
        ),
    ];
    Ok(NewTemplate {
        key: MIETFUEHRERSCHEIN.to_owned(),
        title_de: t("Mietführerschein")?,
        title_en: t("Renter's licence")?,
        summary_de: t(
            "Workshops zu Rechten und Pflichten als Mieterin und Mieter; schließt mit einer qualifizierten Teilnahmebestätigung ab, die Vermieter prüfen können.",
        )?,
        languages: ["de", "ar", "fa", "uk", "tr", "ti"]
            .iter()
            .map(|l| Language::parse("languages", l))
            .collect::<Result<_>>()?,
        rule: CompletionRule {
            kind: RuleKind::AllMandatory,
            min_modules: 0,
            min_attendance_percent: 75,
        },
        modules: modules
            .iter()
            .enumerate()
            .map(|(i, (key, de, en, goals, minutes))| {
                Ok(NewModule {
                    key: (*key).to_owned(),
                    title_de: t(de)?,
                    title_en: t(en)?,
                    goals_de: t(goals)?,
                    minutes: *minutes,
                    mandatory: i < 6,
                })
            })
            .collect::<Result<_>>()?,
    })
}

impl Learning {
    /// Publishes the *Mietführerschein* when the catalogue has no version of it
    /// (operator path, no principal: for the demo seed and a fresh installation).
    pub async fn ensure_standard_catalogue(&self) -> Result<Uuid> {
        use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
        use wohnweg_kernel::scoped::ReferenceTable;
        let tx = self.db.begin_global().await?;
        let existing = crate::entity::course_template::Entity::global_find()
            .filter(crate::entity::course_template::Column::Key.eq(MIETFUEHRERSCHEIN))
            .order_by_desc(crate::entity::course_template::Column::Version)
            .one(&tx)
            .await?;
        let id = match existing {
            Some(t) => t.id,
            None => {
                crate::catalogue::publish(&tx, &standard_mietfuehrerschein()?)
                    .await?
                    .id
            }
        };
        tx.commit().await?;
        Ok(id)
    }
}

/// Plays a city's first run as `staff` (a city caseworker): `members` are household
/// members to enrol (the first two complete), plus one walk-in. Skips a city that has
/// courses.
///
/// # Errors
/// What the service calls return.
pub async fn seed(learning: &Learning, staff: &Ctx, members: &[Uuid]) -> Result<()> {
    if !learning.courses(staff).await?.is_empty() {
        return Ok(());
    }
    let template = learning.ensure_standard_catalogue().await?;
    let course = learning.adopt_course(staff, template).await?;
    let course = learning
        .add_local_module(
            staff,
            course.id,
            NewLocalModule {
                title: t("Abfallkalender Bergisch Gladbach")?,
                goals: t("Gelbe Tonne, Biotonne, Abfuhrkalender der Stadt, Wertstoffhof")?,
                minutes: 45,
                mandatory: false,
            },
        )
        .await?;
    let keys: Vec<String> = course
        .template
        .modules
        .iter()
        .map(|m| m.key.clone())
        .collect();
    let today = Utc::now().date_naive();
    let day = |n: u64| today.checked_sub_days(Days::new(n)).unwrap_or(today);
    let part = |from: usize, to: usize| {
        keys.get(from..to)
            .map(<[String]>::to_vec)
            .unwrap_or_default()
    };
    let mut third = part(4, 7);
    third.push("local:1".to_owned());
    let run = learning
        .schedule_run(
            staff,
            course.id,
            NewRun {
                language: Language::parse("language", "ar")?,
                interpreter_language: Some(Language::parse("interpreter", "de")?),
                trainer: t("Samira Haddad")?,
                place: t("Stadtteilhaus Gronau, Hauptstraße 250")?,
                district: t("Gronau")?,
                capacity: 12,
                delivering_org: None,
                sessions: vec![
                    NewSession {
                        on_date: day(14),
                        starts_at: StartTime::parse("s", "17:00")?,
                        place: None,
                        modules: part(0, 2),
                    },
                    NewSession {
                        on_date: day(7),
                        starts_at: StartTime::parse("s", "17:00")?,
                        place: None,
                        modules: part(2, 4),
                    },
                    NewSession {
                        on_date: day(0),
                        starts_at: StartTime::parse("s", "17:00")?,
                        place: None,
                        modules: third,
                    },
                ],
            },
        )
        .await?;
    let ar = || Language::parse("language", "ar");
    let mut enrolled = Vec::new();
    for m in members.iter().take(2) {
        enrolled.push(
            learning
                .enrol(
                    staff,
                    run.id,
                    NewParticipant::Member {
                        person_id: *m,
                        language: ar()?,
                    },
                )
                .await?
                .id,
        );
    }
    enrolled.push(
        learning
            .enrol(
                staff,
                run.id,
                NewParticipant::WalkIn {
                    printed_name: t("Ğülsüm Weiß")?,
                    language: ar()?,
                },
            )
            .await?
            .id,
    );
    for (i, s) in run.sessions.iter().enumerate() {
        let marks = enrolled
            .iter()
            .enumerate()
            .map(|(j, e)| {
                // The third participant misses the second and third session.
                let present = j < 2 || i == 0;
                (
                    *e,
                    present,
                    (!present).then_some(crate::types::AbsenceReason::Work),
                )
            })
            .collect();
        learning
            .record_attendance(staff, run.id, s.id, marks)
            .await?;
    }
    let mut issued = Vec::new();
    for e in enrolled.iter().take(members.len().min(2)) {
        issued.push(learning.issue_certificate(staff, *e).await?);
    }
    if let Some(second) = issued.get(1) {
        learning
            .revoke_certificate(staff, second.id, RevokeReason::IssuedInError)
            .await?;
    }
    Ok(())
}

//! The inputs of learning's GraphQL surface, parsed at the edge into the service's
//! domain types (a refused field is named by its path).

use async_graphql::{ID, InputObject};
use wohnweg_casework::types::Text;
use wohnweg_kernel::{Error, OrganisationId};
use wohnweg_learning::catalogue::{self, NewModule, NewTemplate};
use wohnweg_learning::courses::{NewRun, NewSession};
use wohnweg_learning::participants::NewParticipant;
use wohnweg_learning::rule::CompletionRule as Rule;
use wohnweg_learning::types::{Language, StartTime};

use super::super::scalars::Date;
use super::super::{parse_id, uuid};
use super::types::{AbsenceReasonCode, RuleKindCode};

/// A module to publish.
#[derive(InputObject)]
pub struct CourseModuleInput {
    /// Key (`heating_airing`).
    pub key: String,
    /// German title.
    pub title_de: String,
    /// English title.
    pub title_en: String,
    /// Learning goals (German).
    pub goals_de: String,
    /// Minutes (15–600).
    pub minutes: i32,
    /// Mandatory.
    pub mandatory: bool,
}

/// A template to publish.
#[derive(InputObject)]
pub struct CourseTemplateInput {
    /// Key; a known key publishes its next version.
    pub key: String,
    /// German title.
    pub title_de: String,
    /// English title.
    pub title_en: String,
    /// Summary (German).
    pub summary_de: String,
    /// Languages (ISO 639-1).
    pub languages: Vec<String>,
    /// Rule.
    pub rule_kind: RuleKindCode,
    /// For N of M: N.
    #[graphql(default)]
    pub min_modules: i32,
    /// Share of sessions to attend, in percent.
    pub min_attendance_percent: i32,
    /// Modules in order.
    pub modules: Vec<CourseModuleInput>,
}

fn text(field: String, raw: &str, max: usize) -> Result<Text, Error> {
    Text::parse(field, raw, max, true)
}

pub(super) fn parse_template(i: CourseTemplateInput) -> Result<NewTemplate, Error> {
    let mut modules = Vec::with_capacity(i.modules.len());
    for (n, m) in i.modules.iter().enumerate() {
        modules.push(NewModule {
            key: catalogue::parse_key(format!("input.modules.{n}.key"), &m.key)?,
            title_de: text(format!("input.modules.{n}.titleDe"), &m.title_de, 200)?,
            title_en: text(format!("input.modules.{n}.titleEn"), &m.title_en, 200)?,
            goals_de: text(format!("input.modules.{n}.goalsDe"), &m.goals_de, 4000)?,
            minutes: m.minutes,
            mandatory: m.mandatory,
        });
    }
    Ok(NewTemplate {
        key: catalogue::parse_key("input.key", &i.key)?,
        title_de: text("input.titleDe".into(), &i.title_de, 200)?,
        title_en: text("input.titleEn".into(), &i.title_en, 200)?,
        summary_de: text("input.summaryDe".into(), &i.summary_de, 4000)?,
        languages: i
            .languages
            .iter()
            .enumerate()
            .map(|(n, l)| Language::parse(format!("input.languages.{n}"), l))
            .collect::<Result<_, _>>()?,
        rule: Rule {
            kind: i.rule_kind.into(),
            min_modules: u32::try_from(i.min_modules)
                .map_err(|_| Error::bad_input("input.minModules", "must not be negative"))?,
            min_attendance_percent: u32::try_from(i.min_attendance_percent).map_err(|_| {
                Error::bad_input("input.minAttendancePercent", "must be between 0 and 100")
            })?,
        },
        modules,
    })
}

/// A local module to add.
#[derive(InputObject)]
pub struct LocalModuleInput {
    /// Title.
    pub title: String,
    /// Learning goals.
    pub goals: String,
    /// Minutes (15–600).
    pub minutes: i32,
    /// Mandatory.
    pub mandatory: bool,
}

/// A session to schedule.
#[derive(InputObject)]
pub struct CourseSessionInput {
    /// Date.
    pub on_date: Date,
    /// Start, HH:MM.
    pub starts_at: String,
    /// Place; omitted: the run's.
    pub place: Option<String>,
    /// Keys of the modules it covers.
    pub modules: Vec<String>,
}

/// A run to schedule.
#[derive(InputObject)]
pub struct CourseRunInput {
    /// Language of instruction (ISO 639-1).
    pub language: String,
    /// Interpreted into.
    pub interpreter_language: Option<String>,
    /// Trainer.
    pub trainer: String,
    /// Place.
    pub place: String,
    /// District.
    pub district: String,
    /// Places (1–200).
    pub capacity: i32,
    /// Delivering organisation (a carrier); omitted: the city.
    pub delivering_org_id: Option<ID>,
    /// Sessions (1–30) in date order.
    pub sessions: Vec<CourseSessionInput>,
}

pub(super) fn parse_run(i: CourseRunInput) -> Result<NewRun, Error> {
    let mut sessions = Vec::with_capacity(i.sessions.len());
    for (n, s) in i.sessions.into_iter().enumerate() {
        sessions.push(NewSession {
            on_date: s.on_date.0,
            starts_at: StartTime::parse(format!("input.sessions.{n}.startsAt"), &s.starts_at)?,
            place: s
                .place
                .as_deref()
                .map(|p| Text::parse(format!("input.sessions.{n}.place"), p, 200, false))
                .transpose()?,
            modules: s.modules,
        });
    }
    Ok(NewRun {
        language: Language::parse("input.language", &i.language)?,
        interpreter_language: i
            .interpreter_language
            .as_deref()
            .map(|l| Language::parse("input.interpreterLanguage", l))
            .transpose()?,
        trainer: Text::parse("input.trainer", &i.trainer, 200, false)?,
        place: Text::parse("input.place", &i.place, 200, false)?,
        district: Text::parse("input.district", &i.district, 100, false)?,
        capacity: i.capacity,
        delivering_org: i
            .delivering_org_id
            .as_ref()
            .map(|o| parse_id::<OrganisationId>("input.deliveringOrgId", o))
            .transpose()?,
        sessions,
    })
}

/// Who to enrol: a household member (`personId`) or a walk-in (`printedName`).
#[derive(InputObject)]
pub struct EnrolmentInput {
    /// A household member.
    pub person_id: Option<ID>,
    /// A walk-in's name as the certificate should print it.
    pub printed_name: Option<String>,
    /// Language they follow the course in (ISO 639-1).
    pub language: String,
}

pub(super) fn parse_enrolment(i: EnrolmentInput) -> Result<NewParticipant, Error> {
    let language = Language::parse("input.language", &i.language)?;
    match (i.person_id, i.printed_name) {
        (Some(p), None) => Ok(NewParticipant::Member {
            person_id: uuid("input.personId", &p)?,
            language,
        }),
        (None, Some(name)) => Ok(NewParticipant::WalkIn {
            printed_name: Text::parse("input.printedName", &name, 200, false)?,
            language,
        }),
        _ => Err(Error::bad_input(
            "input.personId",
            "name either a household member or a walk-in's printed name",
        )),
    }
}

/// One participant's mark.
#[derive(InputObject)]
pub struct AttendanceMarkInput {
    /// Enrolment.
    pub enrolment_id: ID,
    /// Present.
    pub present: bool,
    /// Why absent.
    pub absence_reason: Option<AbsenceReasonCode>,
}

//! GraphQL surface of learning: the shared catalogue, a city's courses and runs,
//! participants with attendance, certificates and the city's signing keys.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use wohnweg_casework::types::Text;
use wohnweg_kernel::{Error, OrganisationId};
use wohnweg_learning::Learning;
use wohnweg_learning::catalogue::{self, ModuleView, NewModule, NewTemplate, TemplateView};
use wohnweg_learning::certificates::{CertificateView, SigningKeyView};
use wohnweg_learning::courses::{CourseView, NewLocalModule, NewRun, NewSession, RunView};
use wohnweg_learning::participants::{NewParticipant, ParticipantView, RunDetail};
use wohnweg_learning::rule::CompletionRule as Rule;
use wohnweg_learning::types::{Language, StartTime};

use super::scalars::Date;
use super::{Services, gql_enum, parse_id, request_ctx, uuid};
use crate::error::{GqlResultExt, under_input};

gql_enum!(/// How a course is completed.
    RuleKindCode => "wohnweg_learning::types::RuleKind", "CompletionRuleKind" { AllMandatory, NOfM = "N_OF_M" });
gql_enum!(/// Where a catalogue template stands.
    TemplateStatusCode => "wohnweg_learning::types::TemplateStatus", "CourseTemplateStatus" { Published, Submitted, Rejected });
gql_enum!(/// Where a participant stands.
    EnrolmentStatusCode => "wohnweg_learning::types::EnrolmentStatus", "EnrolmentStatus" { Enrolled, Waiting, Completed, DroppedOut });
gql_enum!(/// Why a participant left a run.
    DropReasonCode => "wohnweg_learning::types::DropReason", "DropReason" { MovedAway, Work, Illness, Childcare, NoContact, Other });
gql_enum!(/// Why a participant missed a session.
    AbsenceReasonCode => "wohnweg_learning::types::AbsenceReason", "AbsenceReason" { Illness, Work, Childcare, Appointment, Unexcused, Other });
gql_enum!(/// Why a certificate was revoked.
    RevokeReasonCode => "wohnweg_learning::types::RevokeReason", "CertificateRevokeReason" { IssuedInError, Reissued, KeyCompromised });

fn learning<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a Learning> {
    Ok(&ctx.data::<Services>()?.learning)
}

fn id(u: uuid::Uuid) -> ID {
    ID(u.to_string())
}

/// A module of a course.
#[derive(SimpleObject)]
pub struct CourseModule {
    /// Key, unique in its course (a city's own modules: `local:<n>`).
    pub key: String,
    /// German title.
    pub title_de: String,
    /// English title.
    pub title_en: String,
    /// Learning goals (German).
    pub goals_de: String,
    /// Minutes.
    pub minutes: i32,
    /// Mandatory.
    pub mandatory: bool,
    /// The city's own module.
    pub local: bool,
}

impl From<ModuleView> for CourseModule {
    fn from(m: ModuleView) -> Self {
        Self {
            key: m.key,
            title_de: m.title_de,
            title_en: m.title_en,
            goals_de: m.goals_de,
            minutes: m.minutes,
            mandatory: m.mandatory,
            local: m.local,
        }
    }
}

/// A course's completion rule.
#[derive(SimpleObject)]
pub struct CompletionRule {
    /// Every mandatory module, or N of the modules.
    pub kind: RuleKindCode,
    /// For N of M: N.
    pub min_modules: i32,
    /// The share of sessions to attend, in percent.
    pub min_attendance_percent: i32,
}

impl From<Rule> for CompletionRule {
    fn from(r: Rule) -> Self {
        Self {
            kind: r.kind.into(),
            min_modules: i32::try_from(r.min_modules).unwrap_or(0),
            min_attendance_percent: i32::try_from(r.min_attendance_percent).unwrap_or(0),
        }
    }
}

/// One version of a course template of the shared catalogue.
#[derive(SimpleObject)]
pub struct CourseTemplate {
    /// Id of this version.
    pub id: ID,
    /// Key shared by its versions.
    pub key: String,
    /// Version.
    pub version: i32,
    /// German title.
    pub title_de: String,
    /// English title.
    pub title_en: String,
    /// Summary (German).
    pub summary_de: String,
    /// Languages offered (ISO 639-1).
    pub languages: Vec<String>,
    /// Completion rule.
    pub rule: CompletionRule,
    /// Published, submitted or rejected.
    pub status: TemplateStatusCode,
    /// Submitted by the caller's city.
    pub own_submission: bool,
    /// The operator's review note.
    pub review_note: Option<String>,
    /// Modules in order.
    pub modules: Vec<CourseModule>,
}

impl From<TemplateView> for CourseTemplate {
    fn from(t: TemplateView) -> Self {
        Self {
            id: id(t.id),
            key: t.key,
            version: t.version,
            title_de: t.title_de,
            title_en: t.title_en,
            summary_de: t.summary_de,
            languages: t.languages,
            rule: t.rule.into(),
            status: t.status.into(),
            own_submission: t.own_submission,
            review_note: t.review_note,
            modules: t.modules.into_iter().map(Into::into).collect(),
        }
    }
}

/// A newer version of a course's template.
#[derive(SimpleObject)]
pub struct TemplateVersion {
    /// Its id.
    pub id: ID,
    /// Its version.
    pub version: i32,
}

/// A city's course.
#[derive(SimpleObject)]
pub struct Course {
    /// Id.
    pub id: ID,
    /// Title.
    pub title: String,
    /// The catalogue version new runs use.
    pub template: CourseTemplate,
    /// A newer published version, if any.
    pub newer_version: Option<TemplateVersion>,
    /// The city's own modules.
    pub local_modules: Vec<CourseModule>,
    /// The carrier that adopted it for the city.
    pub adopted_by_org_id: Option<ID>,
    /// Version.
    pub version: i32,
}

impl From<CourseView> for Course {
    fn from(c: CourseView) -> Self {
        Self {
            id: id(c.id),
            title: c.title,
            template: c.template.into(),
            newer_version: c.newer_version.map(|(i, v)| TemplateVersion {
                id: id(i),
                version: v,
            }),
            local_modules: c.local_modules.into_iter().map(Into::into).collect(),
            adopted_by_org_id: c.adopted_by_org.map(|o| ID(o.to_string())),
            version: c.version,
        }
    }
}

/// A session of a run.
#[derive(SimpleObject)]
pub struct CourseSession {
    /// Id.
    pub id: ID,
    /// 1, 2, 3, …
    pub position: i32,
    /// Date.
    pub on_date: Date,
    /// Start, HH:MM.
    pub starts_at: String,
    /// Place.
    pub place: String,
    /// Keys of the modules it covers.
    pub modules: Vec<String>,
}

/// How many left a run after a session.
#[derive(SimpleObject)]
pub struct DropOutCount {
    /// The last session they attended (0: none).
    pub after_session: i32,
    /// How many.
    pub count: i64,
}

/// A run's figures (no names).
#[derive(SimpleObject)]
pub struct CourseRunFigures {
    /// With a place (enrolled, completed, dropped out).
    pub enrolled: i64,
    /// On the waiting list.
    pub waiting: i64,
    /// Completed.
    pub completed: i64,
    /// Dropped out.
    pub dropped_out: i64,
    /// Share of the sessions held that participants attended, in percent.
    pub attended_percent: Option<i64>,
    /// Drop-outs by the last session attended.
    pub dropped_after: Vec<DropOutCount>,
}

/// A run of a course.
#[derive(SimpleObject)]
pub struct CourseRun {
    /// Id.
    pub id: ID,
    /// Course.
    pub course_id: ID,
    /// Course title.
    pub course_title: String,
    /// The catalogue version it runs.
    pub template_id: ID,
    /// Language of instruction.
    pub language: String,
    /// Interpreted into.
    pub interpreter_language: Option<String>,
    /// Trainer.
    pub trainer: String,
    /// Place.
    pub place: String,
    /// District.
    pub district: String,
    /// Places.
    pub capacity: i32,
    /// Delivering organisation; null: the city.
    pub delivering_org_id: Option<ID>,
    /// Sessions.
    pub sessions: Vec<CourseSession>,
    /// Figures.
    pub figures: CourseRunFigures,
    /// Version.
    pub version: i32,
}

impl From<RunView> for CourseRun {
    fn from(r: RunView) -> Self {
        Self {
            id: id(r.id),
            course_id: id(r.course_id),
            course_title: r.course_title,
            template_id: id(r.template_id),
            language: r.language,
            interpreter_language: r.interpreter_language,
            trainer: r.trainer,
            place: r.place,
            district: r.district,
            capacity: r.capacity,
            delivering_org_id: r.delivering_org.map(|o| ID(o.to_string())),
            sessions: r
                .sessions
                .into_iter()
                .map(|s| CourseSession {
                    id: id(s.id),
                    position: s.position,
                    on_date: Date(s.on_date),
                    starts_at: s.starts_at,
                    place: s.place,
                    modules: s.modules,
                })
                .collect(),
            figures: CourseRunFigures {
                enrolled: r.figures.enrolled,
                waiting: r.figures.waiting,
                completed: r.figures.completed,
                dropped_out: r.figures.dropped_out,
                attended_percent: r.figures.attended_percent,
                dropped_after: r
                    .figures
                    .dropped_after
                    .into_iter()
                    .map(|(after_session, count)| DropOutCount {
                        after_session,
                        count,
                    })
                    .collect(),
            },
            version: r.version,
        }
    }
}

/// A participant's mark for a session.
#[derive(SimpleObject)]
pub struct AttendanceMark {
    /// Session.
    pub session_id: ID,
    /// Present.
    pub present: bool,
    /// Why absent.
    pub absence_reason: Option<AbsenceReasonCode>,
}

/// Where a participant stands against the completion rule.
#[derive(SimpleObject)]
pub struct CourseProgress {
    /// Sessions attended.
    pub attended: i32,
    /// Sessions of the run.
    pub sessions: i32,
    /// Module keys covered.
    pub covered: Vec<String>,
    /// Module keys the rule still needs.
    pub missing: Vec<String>,
    /// The rule is met.
    pub complete: bool,
}

/// A certificate as a participant's row lists it.
#[derive(SimpleObject)]
pub struct CertificateBrief {
    /// Id.
    pub id: ID,
    /// Number.
    pub number: String,
    /// Issued on.
    pub issued_on: Date,
    /// Revoked.
    pub revoked: bool,
}

/// A participant of a run.
#[derive(SimpleObject)]
pub struct CourseParticipant {
    /// Enrolment id.
    pub id: ID,
    /// The person (members).
    pub person_id: Option<ID>,
    /// Their household (members).
    pub household_id: Option<ID>,
    /// Name as the certificate prints it.
    pub printed_name: String,
    /// Language.
    pub language: String,
    /// Status.
    pub status: EnrolmentStatusCode,
    /// Why they left.
    pub drop_reason: Option<DropReasonCode>,
    /// The last session attended before leaving.
    pub dropped_after: Option<i32>,
    /// Completed on.
    pub completed_on: Option<Date>,
    /// Marks per session.
    pub marks: Vec<AttendanceMark>,
    /// Against the completion rule.
    pub progress: CourseProgress,
    /// Certificates, newest first.
    pub certificates: Vec<CertificateBrief>,
    /// Version.
    pub version: i32,
}

impl From<ParticipantView> for CourseParticipant {
    fn from(p: ParticipantView) -> Self {
        Self {
            id: id(p.id),
            person_id: p.person_id.map(id),
            household_id: p.household_id.map(id),
            printed_name: p.printed_name,
            language: p.language,
            status: p.status.into(),
            drop_reason: p.drop_reason.map(Into::into),
            dropped_after: p.dropped_after,
            completed_on: p.completed_on.map(Date),
            marks: p
                .marks
                .into_iter()
                .map(|m| AttendanceMark {
                    session_id: id(m.session_id),
                    present: m.present,
                    absence_reason: m.absence_reason.map(Into::into),
                })
                .collect(),
            progress: CourseProgress {
                attended: i32::try_from(p.progress.attended).unwrap_or(0),
                sessions: i32::try_from(p.progress.sessions).unwrap_or(0),
                covered: p.progress.covered,
                missing: p.progress.missing,
                complete: p.progress.complete,
            },
            certificates: p
                .certificates
                .into_iter()
                .map(|c| CertificateBrief {
                    id: id(c.id),
                    number: c.number,
                    issued_on: Date(c.issued_on),
                    revoked: c.revoked,
                })
                .collect(),
            version: p.version,
        }
    }
}

/// A run with its modules and participants.
#[derive(SimpleObject)]
pub struct CourseRunDetail {
    /// The run.
    pub run: CourseRun,
    /// Its modules.
    pub modules: Vec<CourseModule>,
    /// Participants: with a place, then the waiting list.
    pub participants: Vec<CourseParticipant>,
}

impl From<RunDetail> for CourseRunDetail {
    fn from(d: RunDetail) -> Self {
        Self {
            run: d.run.into(),
            modules: d.modules.into_iter().map(Into::into).collect(),
            participants: d.participants.into_iter().map(Into::into).collect(),
        }
    }
}

/// An issued certificate.
#[derive(SimpleObject)]
pub struct Certificate {
    /// Id.
    pub id: ID,
    /// Enrolment.
    pub enrolment_id: ID,
    /// Run.
    pub run_id: ID,
    /// Household (members).
    pub household_id: Option<ID>,
    /// Number.
    pub number: String,
    /// Name as printed.
    pub printed_name: String,
    /// Course.
    pub course_title: String,
    /// Issued on.
    pub issued_on: Date,
    /// Revoked at.
    pub revoked_at: Option<DateTime<Utc>>,
    /// Why.
    pub revoke_reason: Option<RevokeReasonCode>,
    /// The certificate that replaced it.
    pub replaced_by: Option<ID>,
    /// The signed credential (VC-JOSE compact JWS, Open Badges 3.0).
    pub credential: String,
    /// The public verification page for it (the credential in the fragment).
    pub verification_url: String,
}

fn certificate(l: &Learning, c: CertificateView) -> Certificate {
    Certificate {
        id: id(c.id),
        enrolment_id: id(c.enrolment_id),
        run_id: id(c.run_id),
        household_id: c.household_id.map(id),
        number: c.number,
        printed_name: c.printed_name,
        course_title: c.course_title,
        issued_on: Date(c.issued_on),
        revoked_at: c.revoked_at,
        revoke_reason: c.revoke_reason.map(Into::into),
        replaced_by: c.replaced_by.map(id),
        verification_url: l.verification_link(&c.credential),
        credential: c.credential,
    }
}

/// A certificate's PDF.
#[derive(SimpleObject)]
pub struct CertificatePdf {
    /// A file name for saving it.
    pub file_name: String,
    /// The PDF, base64 (standard alphabet).
    pub base64: String,
}

/// A signing key of the city.
#[derive(SimpleObject)]
pub struct SigningKey {
    /// Id (the `kid`'s fragment).
    pub id: ID,
    /// Public key, base64url.
    pub public_key: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Retired.
    pub retired_at: Option<DateTime<Utc>>,
    /// Revoked from.
    pub revoked_from: Option<DateTime<Utc>>,
}

impl From<SigningKeyView> for SigningKey {
    fn from(k: SigningKeyView) -> Self {
        Self {
            id: id(k.id),
            public_key: k.public_key,
            created_at: k.created_at,
            retired_at: k.retired_at,
            revoked_from: k.revoked_from,
        }
    }
}

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

fn parse_template(i: CourseTemplateInput) -> Result<NewTemplate, Error> {
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

fn parse_run(i: CourseRunInput) -> Result<NewRun, Error> {
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

fn parse_enrolment(i: EnrolmentInput) -> Result<NewParticipant, Error> {
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

/// Learning queries.
#[derive(Default)]
pub struct LearningQuery;

#[Object]
impl LearningQuery {
    /// The shared course catalogue: every published version (a city also sees its
    /// own submissions; operators every submission).
    async fn course_catalogue(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<CourseTemplate>> {
        let rctx = request_ctx(ctx).await?;
        Ok(learning(ctx)?
            .catalogue(&rctx)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The city's courses.
    async fn courses(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Course>> {
        let rctx = request_ctx(ctx).await?;
        Ok(learning(ctx)?
            .courses(&rctx)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The city's runs, newest first (carriers: those they deliver).
    async fn course_runs(
        &self,
        ctx: &Context<'_>,
        course_id: Option<ID>,
    ) -> async_graphql::Result<Vec<CourseRun>> {
        let rctx = request_ctx(ctx).await?;
        let course = course_id
            .as_ref()
            .map(|c| uuid("courseId", c))
            .transpose()
            .gql()?;
        Ok(learning(ctx)?
            .runs(&rctx, course)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// A run with its participants (reading their names is audited).
    async fn course_run(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<CourseRunDetail> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        Ok(learning(ctx)?.run(&rctx, id).await.gql()?.into())
    }

    /// A household's certificates, newest first.
    async fn household_certificates(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
    ) -> async_graphql::Result<Vec<Certificate>> {
        let rctx = request_ctx(ctx).await?;
        let h = uuid("householdId", &household_id).gql()?;
        let l = learning(ctx)?;
        Ok(l.household_certificates(&rctx, h)
            .await
            .gql()?
            .into_iter()
            .map(|c| certificate(l, c))
            .collect())
    }

    /// A certificate as a PDF (German, with its QR code and the signed credential
    /// attached), base64-encoded; reading it is audited.
    async fn certificate_pdf(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<CertificatePdf> {
        use base64::Engine as _;
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let (file_name, bytes) = learning(ctx)?.certificate_pdf(&rctx, id).await.gql()?;
        Ok(CertificatePdf {
            file_name,
            base64: base64::engine::general_purpose::STANDARD.encode(bytes),
        })
    }

    /// The city's signing keys (city staff).
    async fn signing_keys(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<SigningKey>> {
        let rctx = request_ctx(ctx).await?;
        Ok(learning(ctx)?
            .signing_keys(&rctx)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}

/// Learning mutations.
#[derive(Default)]
pub struct LearningMutation;

#[Object]
impl LearningMutation {
    /// Publishes a course template to the shared catalogue (platform operators); a
    /// known key gets its next version, and cities keep the versions they adopted.
    async fn publish_course_template(
        &self,
        ctx: &Context<'_>,
        input: CourseTemplateInput,
    ) -> async_graphql::Result<CourseTemplate> {
        let rctx = request_ctx(ctx).await?;
        let new = parse_template(input).gql()?;
        Ok(learning(ctx)?
            .publish_template(&rctx, new)
            .await
            .map_err(under_input)
            .gql()?
            .into())
    }

    /// Offers the city's course (with its local modules) to the shared catalogue
    /// under `key` (city coordinators); an operator reviews it.
    async fn submit_course_to_catalogue(
        &self,
        ctx: &Context<'_>,
        course_id: ID,
        key: String,
        summary_de: String,
    ) -> async_graphql::Result<CourseTemplate> {
        let rctx = request_ctx(ctx).await?;
        let course = uuid("courseId", &course_id).gql()?;
        let key = catalogue::parse_key("key", &key).gql()?;
        let summary = Text::parse("summaryDe", &summary_de, 4000, true).gql()?;
        Ok(learning(ctx)?
            .submit_course(&rctx, course, key, summary)
            .await
            .gql()?
            .into())
    }

    /// Publishes or rejects a city's submission (platform operators).
    async fn review_course_submission(
        &self,
        ctx: &Context<'_>,
        id: ID,
        publish: bool,
        note: Option<String>,
    ) -> async_graphql::Result<CourseTemplate> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let note = Text::parse_opt("note", note.as_deref(), 2000, true).gql()?;
        Ok(learning(ctx)?
            .review_submission(&rctx, id, publish, note)
            .await
            .gql()?
            .into())
    }

    /// Adopts a published catalogue version as a course of the city.
    async fn adopt_course(
        &self,
        ctx: &Context<'_>,
        template_id: ID,
    ) -> async_graphql::Result<Course> {
        let rctx = request_ctx(ctx).await?;
        let t = uuid("templateId", &template_id).gql()?;
        Ok(learning(ctx)?.adopt_course(&rctx, t).await.gql()?.into())
    }

    /// Moves a course to another version of its template for runs scheduled from now
    /// on (city staff); scheduled runs keep theirs.
    async fn adopt_course_version(
        &self,
        ctx: &Context<'_>,
        course_id: ID,
        version: i32,
        template_id: ID,
    ) -> async_graphql::Result<Course> {
        let rctx = request_ctx(ctx).await?;
        let c = uuid("courseId", &course_id).gql()?;
        let t = uuid("templateId", &template_id).gql()?;
        Ok(learning(ctx)?
            .adopt_version(&rctx, c, version, t)
            .await
            .gql()?
            .into())
    }

    /// Adds a city's own module to a course (city staff).
    async fn add_local_module(
        &self,
        ctx: &Context<'_>,
        course_id: ID,
        input: LocalModuleInput,
    ) -> async_graphql::Result<Course> {
        let rctx = request_ctx(ctx).await?;
        let c = uuid("courseId", &course_id).gql()?;
        let new = NewLocalModule {
            title: Text::parse("input.title", &input.title, 200, false).gql()?,
            goals: Text::parse("input.goals", &input.goals, 4000, true).gql()?,
            minutes: input.minutes,
            mandatory: input.mandatory,
        };
        Ok(learning(ctx)?
            .add_local_module(&rctx, c, new)
            .await
            .gql()?
            .into())
    }

    /// Schedules a run of a course with its sessions.
    async fn schedule_course_run(
        &self,
        ctx: &Context<'_>,
        course_id: ID,
        input: CourseRunInput,
    ) -> async_graphql::Result<CourseRun> {
        let rctx = request_ctx(ctx).await?;
        let c = uuid("courseId", &course_id).gql()?;
        let new = parse_run(input).gql()?;
        Ok(learning(ctx)?
            .schedule_run(&rctx, c, new)
            .await
            .gql()?
            .into())
    }

    /// Enrols a household member or a walk-in in a run (the waiting list when full).
    async fn enrol_in_course_run(
        &self,
        ctx: &Context<'_>,
        run_id: ID,
        input: EnrolmentInput,
    ) -> async_graphql::Result<CourseParticipant> {
        let rctx = request_ctx(ctx).await?;
        let r = uuid("runId", &run_id).gql()?;
        let who = parse_enrolment(input).gql()?;
        Ok(learning(ctx)?.enrol(&rctx, r, who).await.gql()?.into())
    }

    /// Records who attended a session; participants who now meet the rule complete.
    async fn record_course_attendance(
        &self,
        ctx: &Context<'_>,
        run_id: ID,
        session_id: ID,
        marks: Vec<AttendanceMarkInput>,
    ) -> async_graphql::Result<CourseRunDetail> {
        let rctx = request_ctx(ctx).await?;
        let r = uuid("runId", &run_id).gql()?;
        let s = uuid("sessionId", &session_id).gql()?;
        let mut parsed = Vec::with_capacity(marks.len());
        for (n, m) in marks.into_iter().enumerate() {
            let e = parse_id::<uuid::Uuid>("marks", &m.enrolment_id)
                .map_err(|_| {
                    Error::bad_input(format!("marks.{n}.enrolmentId"), "is not a valid id")
                })
                .gql()?;
            parsed.push((e, m.present, m.absence_reason.map(Into::into)));
        }
        Ok(learning(ctx)?
            .record_attendance(&rctx, r, s, parsed)
            .await
            .gql()?
            .into())
    }

    /// Records that a participant left a run; the waiting list moves up.
    async fn drop_out_of_course(
        &self,
        ctx: &Context<'_>,
        enrolment_id: ID,
        version: i32,
        reason: DropReasonCode,
    ) -> async_graphql::Result<CourseRunDetail> {
        let rctx = request_ctx(ctx).await?;
        let e = uuid("enrolmentId", &enrolment_id).gql()?;
        Ok(learning(ctx)?
            .drop_out(&rctx, e, version, reason.into())
            .await
            .gql()?
            .into())
    }

    /// Issues the certificate of a participant who completed the run.
    async fn issue_certificate(
        &self,
        ctx: &Context<'_>,
        enrolment_id: ID,
    ) -> async_graphql::Result<Certificate> {
        let rctx = request_ctx(ctx).await?;
        let e = uuid("enrolmentId", &enrolment_id).gql()?;
        let l = learning(ctx)?;
        Ok(certificate(l, l.issue_certificate(&rctx, e).await.gql()?))
    }

    /// Revokes a certificate issued in error (city staff).
    async fn revoke_certificate(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: RevokeReasonCode,
    ) -> async_graphql::Result<Certificate> {
        let rctx = request_ctx(ctx).await?;
        let c = uuid("id", &id).gql()?;
        if reason == RevokeReasonCode::Reissued {
            return Err(Error::bad_input(
                "reason",
                "reissue with reissueCertificate",
            ))
            .gql();
        }
        let l = learning(ctx)?;
        Ok(certificate(
            l,
            l.revoke_certificate(&rctx, c, reason.into()).await.gql()?,
        ))
    }

    /// Reissues a certificate with a new number, optionally with the name corrected;
    /// the old one is revoked (city staff).
    async fn reissue_certificate(
        &self,
        ctx: &Context<'_>,
        id: ID,
        printed_name: Option<String>,
    ) -> async_graphql::Result<Certificate> {
        let rctx = request_ctx(ctx).await?;
        let c = uuid("id", &id).gql()?;
        let name = printed_name
            .as_deref()
            .map(|n| Text::parse("printedName", n, 200, false))
            .transpose()
            .gql()?;
        let l = learning(ctx)?;
        Ok(certificate(
            l,
            l.reissue_certificate(&rctx, c, name).await.gql()?,
        ))
    }

    /// Retires the city's signing key and makes a new one (coordinators).
    async fn rotate_signing_key(&self, ctx: &Context<'_>) -> async_graphql::Result<SigningKey> {
        let rctx = request_ctx(ctx).await?;
        Ok(learning(ctx)?.rotate_signing_key(&rctx).await.gql()?.into())
    }

    /// Revokes a compromised signing key from `from` on (coordinators): nothing it
    /// signed verifies any more.
    async fn revoke_signing_key(
        &self,
        ctx: &Context<'_>,
        id: ID,
        from: DateTime<Utc>,
        reason: String,
    ) -> async_graphql::Result<SigningKey> {
        let rctx = request_ctx(ctx).await?;
        let k = uuid("id", &id).gql()?;
        let reason = Text::parse("reason", &reason, 2000, true).gql()?;
        Ok(learning(ctx)?
            .revoke_signing_key(&rctx, k, from, reason)
            .await
            .gql()?
            .into())
    }
}

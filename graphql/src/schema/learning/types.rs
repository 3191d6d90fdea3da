//! The output types of learning's GraphQL surface and their mapping from the service's
//! views.

use async_graphql::{ID, SimpleObject};
use chrono::{DateTime, Utc};
use wohnweg_learning::Learning;
use wohnweg_learning::catalogue::{ModuleView, TemplateView};
use wohnweg_learning::certificates::{CertificateView, SigningKeyView};
use wohnweg_learning::courses::{CourseView, RunView};
use wohnweg_learning::participants::{ParticipantView, RunDetail};
use wohnweg_learning::rule::CompletionRule as Rule;

use super::super::gql_enum;
use super::super::scalars::Date;

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

pub(super) fn id(u: uuid::Uuid) -> ID {
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
    /// The city that submitted it (operators only; null for everyone else).
    pub submitted_by_city: Option<String>,
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
            submitted_by_city: t.submitted_by_city,
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

pub(super) fn certificate(l: &Learning, c: CertificateView) -> Certificate {
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

/// An outcome over the households whose window has passed, and apart over those still
/// inside it.
#[derive(SimpleObject)]
pub struct OutcomeShare {
    /// The window in months (moves: after the run's end; tenancy: after the move-in).
    pub months: i32,
    /// Households whose window has passed.
    pub observed: i32,
    /// Of those, with the outcome.
    pub yes: i32,
    /// `yes ÷ observed` (null while nothing is observed).
    pub rate: Option<f64>,
    /// Households still inside the window.
    pub pending: i32,
    /// Of those, with the outcome so far.
    pub pending_yes: i32,
}

fn share(months: u32, s: &wohnweg_housing::course_outcomes::Share) -> OutcomeShare {
    let n = |v: i64| i32::try_from(v).unwrap_or(i32::MAX);
    OutcomeShare {
        months: i32::try_from(months).unwrap_or(i32::MAX),
        observed: n(s.observed),
        yes: n(s.yes),
        rate: s.rate,
        pending: n(s.pending),
        pending_yes: n(s.pending_yes),
    }
}

/// The outcomes of one group of households.
#[derive(SimpleObject)]
pub struct OutcomeGroup {
    /// Households in the group.
    pub households: i32,
    /// Moved out within 6 and 12 months of the run's end.
    pub moved_within: Vec<OutcomeShare>,
    /// Of those that moved out, the tenancy still held 12 months after the move-in.
    pub tenancy_held: OutcomeShare,
}

/// Completers against comparable households that never took part.
#[derive(SimpleObject)]
pub struct CourseComparison {
    /// Households with a member who completed.
    pub completers: OutcomeGroup,
    /// Households that never took part and were still waiting for a home at the run's end.
    pub comparison: OutcomeGroup,
    /// Completer households already in a home of their own at the run's end (in
    /// neither group).
    pub housed_at_completion: i32,
}

impl From<wohnweg_housing::course_outcomes::Comparison> for CourseComparison {
    fn from(c: wohnweg_housing::course_outcomes::Comparison) -> Self {
        let group = |g: wohnweg_housing::course_outcomes::GroupOutcome| OutcomeGroup {
            households: i32::try_from(g.households).unwrap_or(i32::MAX),
            moved_within: g.moved_within.iter().map(|(m, s)| share(*m, s)).collect(),
            tenancy_held: share(
                wohnweg_housing::course_outcomes::TENANCY_MONTHS,
                &g.tenancy_held,
            ),
        };
        Self {
            completers: group(c.completers),
            comparison: group(c.comparison),
            housed_at_completion: i32::try_from(c.housed_at_completion).unwrap_or(i32::MAX),
        }
    }
}

/// One run in a course's evaluation.
#[derive(SimpleObject)]
pub struct RunEvaluation {
    /// The run.
    pub run_id: ID,
    /// The day of its last session: the reference day.
    pub ended_on: Option<Date>,
    /// Null while the run has not ended.
    pub comparison: Option<CourseComparison>,
}

/// Hagen's evaluation of a course: completers against comparable non-participants.
#[derive(SimpleObject)]
pub struct CourseEvaluation {
    /// The course.
    pub course_id: ID,
    /// Its title.
    pub title: String,
    /// The day the windows were counted to.
    pub as_of: Date,
    /// Per run, oldest first.
    pub runs: Vec<RunEvaluation>,
    /// All ended runs, each household once (at its earliest run).
    pub overall: CourseComparison,
}

impl From<wohnweg_housing::course_outcomes::CourseOutcomes> for CourseEvaluation {
    fn from(o: wohnweg_housing::course_outcomes::CourseOutcomes) -> Self {
        Self {
            course_id: id(o.course_id),
            title: o.title,
            as_of: o.as_of.into(),
            runs: o
                .runs
                .into_iter()
                .map(|r| RunEvaluation {
                    run_id: id(r.run_id),
                    ended_on: r.ended_on.map(Into::into),
                    comparison: r.comparison.map(Into::into),
                })
                .collect(),
            overall: o.overall.into(),
        }
    }
}

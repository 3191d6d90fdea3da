//! GraphQL surface of learning: the shared catalogue, a city's courses and runs,
//! participants with attendance, certificates and the city's signing keys. The output
//! types are in `types`, the inputs and their parsing in `inputs`.

mod inputs;
mod types;

pub use inputs::*;
pub use types::*;

use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use wohnweg_casework::types::Text;
use wohnweg_kernel::Error;
use wohnweg_learning::Learning;
use wohnweg_learning::catalogue;
use wohnweg_learning::courses::NewLocalModule;

use super::{Services, parse_id, request_ctx, uuid};
use crate::error::{GqlResultExt, under_input};
use inputs::{parse_enrolment, parse_run, parse_template};
use types::certificate;

fn learning<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a Learning> {
    Ok(&ctx.data::<Services>()?.learning)
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

    /// Hagen's evaluation of a course: per ended run and for the whole course, the
    /// households of completers against comparable households that never took part —
    /// moved out within 6 and 12 months, tenancy held 12 months after the move-in
    /// (city staff; counts only, no names).
    async fn course_evaluation(
        &self,
        ctx: &Context<'_>,
        course_id: ID,
    ) -> async_graphql::Result<CourseEvaluation> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("courseId", &course_id).gql()?;
        Ok(super::housing::housing(ctx)?
            .course_outcomes(&rctx, id)
            .await
            .gql()?
            .into())
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

// A household's part in the renter's-licence courses, on the household page: its
// members' certificates (with the verification link and the PDF), and enrolling a
// member in a run.
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";

import { REFRESH_ON } from "../api";
import { graphql } from "../gql";
import { formatDate } from "../i18n";
import { LANGUAGE_CODES } from "../pages/Courses";
import { ErrorNote } from "../pages/ErrorNote";
import { ActionForm } from "./ActionForm";
import { CertificatePdfButton } from "./CertificatePdf";
import { DataTable } from "./DataTable";
import { Disclosure } from "./Disclosure";
import { SelectField } from "./Form";

const CertificatesQuery = graphql(`
  query ConsoleHouseholdCertificates($householdId: ID!) {
    householdCertificates(householdId: $householdId) {
      id number printedName courseTitle issuedOn revokedAt revokeReason verificationUrl
    }
    courseRuns { id courseTitle place language capacity sessions { onDate } figures { enrolled } }
  }
`);

const EnrolMember = graphql(`
  mutation ConsoleEnrolMember($runId: ID!, $input: EnrolmentInput!) {
    enrolInCourseRun(runId: $runId, input: $input) { id status }
  }
`);

export function HouseholdCourses(props: {
  householdId: string;
  members: readonly { id: string; givenName: string; familyName: string }[];
  languages: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [{ data, error }] = useQuery({
    query: CertificatesQuery,
    variables: { householdId: props.householdId },
    context: REFRESH_ON.learning,
  });
  const [, enrol] = useMutation(EnrolMember);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="kern-body">{t("app.loading")}</p>;
  const upcoming = data.courseRuns.filter((r) => r.sessions.some((s) => s.onDate >= new Date().toISOString().slice(0, 10)));
  return (
    <div className="ww-stack">
      {data.householdCertificates.length === 0 ? (
        <p className="kern-body">{t("courses.noCertificates")}</p>
      ) : (
        <DataTable
          caption={t("courses.certificates")}
          rows={data.householdCertificates}
          rowKey={(c) => c.id}
          columns={[
            { header: t("courses.number"), rowHeader: true, cell: (c) => c.number },
            { header: t("courses.name"), cell: (c) => c.printedName },
            { header: t("courses.course"), cell: (c) => c.courseTitle },
            { header: t("courses.issuedOn"), cell: (c) => formatDate(c.issuedOn, lang) },
            {
              header: t("courses.status"),
              cell: (c) =>
                c.revokedAt ? `${t("courses.revoked")} (${t(`revokeReason.${c.revokeReason ?? "ISSUED_IN_ERROR"}`)})` : t("courses.valid"),
            },
            {
              header: t("courses.documents"),
              cell: (c) =>
                c.revokedAt ? (
                  "–"
                ) : (
                  <div className="ww-actions">
                    <CertificatePdfButton id={c.id} label={t("courses.pdf", { number: c.number })} />
                    <a className="kern-link" href={c.verificationUrl} target="_blank" rel="noreferrer">
                      {t("courses.check")}
                    </a>
                  </div>
                ),
            },
          ]}
        />
      )}
      {upcoming.length > 0 && props.members.length > 0 ? (
        <Disclosure summary={t("courses.enrolMember")}>
          <ActionForm
            legend={t("courses.enrolMember")}
            submit={t("courses.enrol")}
            run={(v) =>
              enrol({ runId: v.runId ?? "", input: { personId: v.personId ?? "", language: v.language ?? "" } }, REFRESH_ON.learning)
            }
          >
            {(e) => (
              <>
                <SelectField
                  field="runId"
                  error={e}
                  label={t("courses.run")}
                  name="runId"
                  options={upcoming.map((r) => ({
                    value: r.id,
                    label: `${r.courseTitle}, ${r.place} (${r.language}, ${formatDate(r.sessions[0]?.onDate ?? "", lang)}; ${r.figures.enrolled}/${r.capacity})`,
                  }))}
                />
                <SelectField
                  field="input.personId"
                  error={e}
                  label={t("courses.member")}
                  name="personId"
                  options={props.members.map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` }))}
                />
                <SelectField
                  field="input.language"
                  error={e}
                  label={t("courses.language")}
                  name="language"
                  defaultValue={props.languages[0] ?? "de"}
                  options={[...new Set([...props.languages, ...LANGUAGE_CODES])].map((l) => ({ value: l, label: l }))}
                />
              </>
            )}
          </ActionForm>
        </Disclosure>
      ) : (
        <p className="kern-body">
          {t("courses.noUpcoming")}{" "}
          <Link href="/courses" className="kern-link">
            {t("courses.title")}
          </Link>
        </p>
      )}
    </div>
  );
}

// One run of a course: its sessions, the participants with their progress against the
// course's completion rule, an attendance list per session held (a tick per
// participant, keyboard-friendly, with a reason for an absence), walk-in enrolment,
// drop-outs, and certificates (issue, revoke as issued in error, reissue, PDF).
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";

import { ActionForm } from "../components/ActionForm";
import { CertificatePdfButton } from "../components/CertificatePdf";
import { DataTable } from "../components/DataTable";
import { Disclosure } from "../components/Disclosure";
import { InputField, SelectField } from "../components/Form";
import { NotFound } from "../components/NotFound";
import { REFRESH_ON, errorCode, today } from "../api";
import { graphql } from "../gql";
import type { AbsenceReason, DropReason } from "../gql/graphql";
import { formatDate } from "../i18n";
import { useReferences } from "../references";
import { may, useViewer } from "../viewer";
import { LANGUAGE_CODES } from "./Courses";
import { ErrorNote } from "./ErrorNote";

const RunQuery = graphql(`
  query ConsoleCourseRun($id: ID!) {
    courseRun(id: $id) {
      run {
        id courseTitle language interpreterLanguage trainer place district capacity
        sessions { id position onDate startsAt place modules }
        figures { enrolled waiting completed droppedOut attendedPercent droppedAfter { afterSession count } }
      }
      modules { key titleDe mandatory }
      participants {
        id printedName language status householdId dropReason droppedAfter completedOn version
        progress { attended sessions complete missing }
        marks { sessionId present absenceReason }
        certificates { id number issuedOn revoked }
      }
    }
  }
`);

const Enrol = graphql(`
  mutation ConsoleEnrol($runId: ID!, $input: EnrolmentInput!) {
    enrolInCourseRun(runId: $runId, input: $input) { id status }
  }
`);
const Attendance = graphql(`
  mutation ConsoleAttendance($runId: ID!, $sessionId: ID!, $marks: [AttendanceMarkInput!]!) {
    recordCourseAttendance(runId: $runId, sessionId: $sessionId, marks: $marks) { run { id } }
  }
`);
const DropOut = graphql(`
  mutation ConsoleDropOut($enrolmentId: ID!, $version: Int!, $reason: DropReason!) {
    dropOutOfCourse(enrolmentId: $enrolmentId, version: $version, reason: $reason) { run { id } }
  }
`);
const Issue = graphql(`
  mutation ConsoleIssueCertificate($enrolmentId: ID!) {
    issueCertificate(enrolmentId: $enrolmentId) { id number }
  }
`);
const Revoke = graphql(`
  mutation ConsoleRevokeCertificate($id: ID!, $reason: CertificateRevokeReason!) {
    revokeCertificate(id: $id, reason: $reason) { id revokedAt }
  }
`);
const Reissue = graphql(`
  mutation ConsoleReissueCertificate($id: ID!, $printedName: String) {
    reissueCertificate(id: $id, printedName: $printedName) { id number }
  }
`);

const ABSENCE: AbsenceReason[] = ["ILLNESS", "WORK", "CHILDCARE", "APPOINTMENT", "UNEXCUSED", "OTHER"];
const DROP: DropReason[] = ["MOVED_AWAY", "WORK", "ILLNESS", "CHILDCARE", "NO_CONTACT", "OTHER"];

export default function CourseRunPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const viewer = useViewer();
  const [{ data, error }] = useQuery({ query: RunQuery, variables: { id }, context: REFRESH_ON.learning });
  const [, enrol] = useMutation(Enrol);
  const [, attend] = useMutation(Attendance);
  const reference = useReferences(
    (data?.courseRun.participants ?? []).flatMap((p) => (p.householdId ? [p.householdId] : [])),
  );
  const back = (
    <Link href="/courses" className="kern-link">
      {t("courses.back")}
    </Link>
  );
  if (error && ["NOT_FOUND", "BAD_USER_INPUT"].includes(errorCode(error))) {
    return <NotFound title={t("courses.title")} text={t("courses.notFound")} back={back} />;
  }
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="kern-body">{t("app.loading")}</p>;
  const { run, modules, participants } = data.courseRun;
  const moduleTitle = (key: string) => modules.find((m) => m.key === key)?.titleDe ?? key;
  const held = run.sessions.filter((s) => s.onDate <= today());
  const placed = participants.filter((p) => p.status === "ENROLLED" || p.status === "COMPLETED");
  return (
    <div className="ww-stack">
      {back}
      <h1 className="kern-heading-large">
        {run.courseTitle}, {run.place}
      </h1>
      <dl className="kern-body ww-facts">
        <dt className="kern-label">{t("courses.language")}</dt>
        <dd>
          {run.language}
          {run.interpreterLanguage && ` (${t("courses.interpretedInto", { language: run.interpreterLanguage })})`}
        </dd>
        <dt className="kern-label">{t("courses.trainer")}</dt>
        <dd>{run.trainer}</dd>
        <dt className="kern-label">{t("courses.district")}</dt>
        <dd>{run.district}</dd>
        <dt className="kern-label">{t("courses.enrolled")}</dt>
        <dd>
          {run.figures.enrolled} / {run.capacity} · {t("courses.waiting")}: {run.figures.waiting} · {t("courses.completed")}:{" "}
          {run.figures.completed} · {t("courses.droppedOut")}: {run.figures.droppedOut}
        </dd>
        <dt className="kern-label">{t("courses.attended")}</dt>
        <dd>{run.figures.attendedPercent == null ? "–" : `${run.figures.attendedPercent} %`}</dd>
        {run.figures.droppedAfter.length > 0 && (
          <>
            <dt className="kern-label">{t("courses.droppedAfter")}</dt>
            <dd>
              {run.figures.droppedAfter
                .map((d) => `${d.afterSession === 0 ? t("courses.beforeFirst") : t("courses.sessionN", { n: d.afterSession })}: ${d.count}`)
                .join(" · ")}
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="ww-sessions" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-sessions">{t("courses.sessionsTitle")}</h2>
        <DataTable
          caption={t("courses.sessionsTitle")}
          rows={run.sessions}
          rowKey={(s) => s.id}
          columns={[
            { header: t("courses.session"), rowHeader: true, cell: (s) => t("courses.sessionN", { n: s.position }) },
            { header: t("courses.date"), cell: (s) => `${formatDate(s.onDate, lang)}, ${s.startsAt}` },
            { header: t("courses.place"), cell: (s) => s.place },
            { header: t("courses.sessionModules"), cell: (s) => s.modules.map(moduleTitle).join(", ") || "–" },
          ]}
        />
      </section>

      <section aria-labelledby="ww-participants" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-participants">{t("courses.participants")}</h2>
        {participants.length === 0 ? (
          <p className="kern-body">{t("courses.noParticipants")}</p>
        ) : (
          <DataTable
            caption={t("courses.participants")}
            rows={participants}
            rowKey={(p) => p.id}
            columns={[
              { header: t("courses.name"), rowHeader: true, cell: (p) => p.printedName },
              {
                header: t("courses.household"),
                cell: (p) =>
                  p.householdId ? (
                    <Link href={`/households/${p.householdId}`} className="kern-link">
                      {reference(p.householdId)}
                    </Link>
                  ) : (
                    t("courses.walkIn")
                  ),
              },
              { header: t("courses.status"), cell: (p) => t(`enrolmentStatus.${p.status}`) + (p.dropReason ? ` (${t(`dropReason.${p.dropReason}`)})` : "") },
              { header: t("courses.progress"), cell: (p) => t("courses.progressText", { attended: p.progress.attended, sessions: p.progress.sessions }) + (p.progress.missing.length ? ` · ${t("courses.missing")}: ${p.progress.missing.map(moduleTitle).join(", ")}` : "") },
              { header: t("courses.certificate"), cell: (p) => p.certificates.map((c) => `${c.number}${c.revoked ? ` (${t("courses.revoked")})` : ""}`).join(", ") || "–" },
            ]}
          />
        )}
      </section>

      {held.length > 0 && placed.length > 0 && (
        <section aria-labelledby="ww-attendance" className="ww-stack">
          <h2 className="kern-heading-medium" id="ww-attendance">{t("courses.attendance")}</h2>
          {held.map((s) => (
            <Disclosure key={s.id} summary={`${t("courses.sessionN", { n: s.position })} – ${formatDate(s.onDate, lang)}`}>
              <ActionForm
                legend={t("courses.attendanceFor", { n: s.position, date: formatDate(s.onDate, lang) })}
                submit={t("courses.saveAttendance")}
                run={(v) =>
                  attend(
                    {
                      runId: run.id,
                      sessionId: s.id,
                      marks: placed.map((p) => ({
                        enrolmentId: p.id,
                        present: v[`present-${p.id}`] === "on",
                        absenceReason: v[`present-${p.id}`] === "on" ? null : ((v[`reason-${p.id}`] as AbsenceReason | undefined) ?? null),
                      })),
                    },
                    REFRESH_ON.learning,
                  )
                }
              >
                {(e) => (
                  <ul className="ww-ticklist">
                    {placed.map((p) => {
                      const mark = p.marks.find((m) => m.sessionId === s.id);
                      const box = `ww-present-${s.id}-${p.id}`;
                      return (
                        <li key={p.id} className="ww-tick">
                          <div className="kern-form-check">
                            <input className="kern-form-check__checkbox" type="checkbox" id={box} name={`present-${p.id}`}
                              defaultChecked={mark?.present ?? false}
                              onChange={(ev) => {
                                // Present needs no reason: clear the one chosen before.
                                const reason = ev.currentTarget.closest("li")?.querySelector("select");
                                if (ev.currentTarget.checked && reason) reason.value = "";
                              }}
                            />
                            <label className="kern-label" htmlFor={box}>
                              {p.printedName}
                            </label>
                          </div>
                          <SelectField
                            field={`marks.${placed.indexOf(p)}.absenceReason`}
                            error={e}
                            label={t("courses.absenceReason", { name: p.printedName })}
                            name={`reason-${p.id}`}
                            defaultValue={mark?.absenceReason ?? ""}
                            options={[{ value: "", label: "–" }, ...ABSENCE.map((r) => ({ value: r, label: t(`absenceReason.${r}`) }))]}
                          />
                        </li>
                      );
                    })}
                  </ul>
                )}
              </ActionForm>
            </Disclosure>
          ))}
        </section>
      )}

      <section aria-labelledby="ww-actions" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-actions">{t("courses.actions")}</h2>
        <Disclosure summary={t("courses.enrolWalkIn")}>
          <ActionForm
            legend={t("courses.enrolWalkIn")}
            submit={t("courses.enrol")}
            reset
            run={(v) => enrol({ runId: run.id, input: { printedName: v.printedName ?? "", language: v.language ?? "" } }, REFRESH_ON.learning)}
          >
            {(e) => (
              <>
                <p className="kern-body">{t("courses.enrolHint")}</p>
                <InputField field="input.printedName" error={e} label={t("courses.printedName")} name="printedName" hint={t("courses.printedNameHint")} required />
                <SelectField field="input.language" error={e} label={t("courses.language")} name="language" defaultValue={run.language} options={LANGUAGE_CODES.map((l) => ({ value: l, label: l }))} />
              </>
            )}
          </ActionForm>
        </Disclosure>
        {participants.map((p) => (
          <ParticipantActions key={p.id} participant={p} cityStaff={may(viewer, "cityStaff")} />
        ))}
      </section>
    </div>
  );
}

type Participant = {
  id: string;
  printedName: string;
  status: string;
  version: number;
  certificates: readonly { id: string; number: string; revoked: boolean }[];
};

function ParticipantActions({ participant: p, cityStaff }: { participant: Participant; cityStaff: boolean }) {
  const { t } = useTranslation();
  const [, drop] = useMutation(DropOut);
  const [, issue] = useMutation(Issue);
  const [, revoke] = useMutation(Revoke);
  const [, reissue] = useMutation(Reissue);
  const valid = p.certificates.find((c) => !c.revoked);
  const open = p.status === "ENROLLED" || p.status === "WAITING";
  if (!open && p.status !== "COMPLETED") return null;
  return (
    <Disclosure summary={t("courses.forParticipant", { name: p.printedName })}>
      <div className="ww-stack">
        {p.status === "COMPLETED" && !valid && (
          <ActionForm legend={t("courses.issue")} submit={t("courses.issueButton")} run={() => issue({ enrolmentId: p.id }, REFRESH_ON.learning)} />
        )}
        {valid && <CertificatePdfButton id={valid.id} label={t("courses.pdf", { number: valid.number })} />}
        {valid && cityStaff && (
          <>
            <ActionForm legend={t("courses.revoke")} submit={t("courses.revokeButton")} confirm={t("courses.revokeConfirm")} run={() => revoke({ id: valid.id, reason: "ISSUED_IN_ERROR" }, REFRESH_ON.learning)} />
            <ActionForm legend={t("courses.reissue")} submit={t("courses.reissueButton")} run={(v) => reissue({ id: valid.id, printedName: v.printedName ?? null }, REFRESH_ON.learning)}>
              {(e) => <InputField field="printedName" error={e} label={t("courses.correctedName")} name="printedName" defaultValue={p.printedName} />}
            </ActionForm>
          </>
        )}
        {open && (
          <ActionForm legend={t("courses.dropOut")} submit={t("courses.dropOutButton")} run={(v) => drop({ enrolmentId: p.id, version: p.version, reason: (v.reason ?? "OTHER") as DropReason }, REFRESH_ON.learning)}>
            {(e) => <SelectField field="reason" error={e} label={t("courses.dropReason")} name="reason" options={DROP.map((r) => ({ value: r, label: t(`dropReason.${r}`) }))} />}
          </ActionForm>
        )}
      </div>
    </Disclosure>
  );
}

// Courses (Mietführerschein): the city's courses with their catalogue version and local
// modules, its runs with their figures, the shared catalogue to adopt from, a form to
// schedule a run, and — for coordinators — the offer of a course to the catalogue and
// the city's certificate-signing keys.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";

import { ActionForm } from "../components/ActionForm";
import { DataTable } from "../components/DataTable";
import { Disclosure } from "../components/Disclosure";
import { Button, CheckboxGroup, InputField, SelectField } from "../components/Form";
import { REFRESH_ON } from "../api";
import { graphql } from "../gql";
import { formatDate } from "../i18n";
import { may, useViewer } from "../viewer";
import { ErrorNote } from "./ErrorNote";

const CoursesQuery = graphql(`
  query ConsoleCourses {
    courses {
      id title version
      template { id key version titleDe languages rule { kind minModules minAttendancePercent } modules { key titleDe mandatory minutes } }
      newerVersion { id version }
      localModules { key titleDe mandatory minutes }
    }
    courseRuns {
      id courseId courseTitle language interpreterLanguage place district capacity deliveringOrgId
      sessions { id onDate }
      figures { enrolled waiting completed droppedOut attendedPercent }
    }
    carriers { id name }
  }
`);

const CatalogueQuery = graphql(`
  query ConsoleCatalogue {
    courseCatalogue { id key version titleDe summaryDe languages status ownSubmission reviewNote modules { key titleDe } }
  }
`);

const Adopt = graphql(`
  mutation ConsoleAdoptCourse($templateId: ID!) {
    adoptCourse(templateId: $templateId) { id title }
  }
`);
const AdoptVersion = graphql(`
  mutation ConsoleAdoptCourseVersion($courseId: ID!, $version: Int!, $templateId: ID!) {
    adoptCourseVersion(courseId: $courseId, version: $version, templateId: $templateId) { id version }
  }
`);
const AddLocal = graphql(`
  mutation ConsoleAddLocalModule($courseId: ID!, $input: LocalModuleInput!) {
    addLocalModule(courseId: $courseId, input: $input) { id localModules { key } }
  }
`);
const Schedule = graphql(`
  mutation ConsoleScheduleRun($courseId: ID!, $input: CourseRunInput!) {
    scheduleCourseRun(courseId: $courseId, input: $input) { id }
  }
`);
const Submit = graphql(`
  mutation ConsoleSubmitCourse($courseId: ID!, $key: String!, $summaryDe: String!) {
    submitCourseToCatalogue(courseId: $courseId, key: $key, summaryDe: $summaryDe) { id status }
  }
`);
const KeysQuery = graphql(`
  query ConsoleSigningKeys {
    signingKeys { id publicKey createdAt retiredAt revokedFrom }
  }
`);
const Rotate = graphql(`
  mutation ConsoleRotateKey {
    rotateSigningKey { id }
  }
`);
const RevokeKey = graphql(`
  mutation ConsoleRevokeKey($id: ID!, $from: DateTime!, $reason: String!) {
    revokeSigningKey(id: $id, from: $from, reason: $reason) { id revokedFrom }
  }
`);

export const LANGUAGE_CODES = ["de", "ar", "fa", "uk", "ru", "tr", "ti", "so", "ps", "ku", "en", "fr"];

export default function Courses() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const viewer = useViewer();
  const [{ data, error }] = useQuery({ query: CoursesQuery, context: REFRESH_ON.learning });
  const [, adoptVersion] = useMutation(AdoptVersion);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="kern-body">{t("app.loading")}</p>;
  const carrierName = (id: string | null | undefined) =>
    id ? (data.carriers.find((c) => c.id === id)?.name ?? "–") : t("courses.theCity");
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("courses.title")}</h1>
      <nav aria-label={t("household.sections")}>
        <ul className="ww-inline-list">
          <li><a className="kern-link" href="#ww-runs">{t("courses.runs")}</a></li>
          <li><a className="kern-link" href="#ww-courses">{t("courses.courses")}</a></li>
          <li><a className="kern-link" href="#ww-catalogue">{t("courses.catalogue")}</a></li>
          {may(viewer, "approvals") && <li><a className="kern-link" href="#ww-keys">{t("courses.keys")}</a></li>}
        </ul>
      </nav>

      <section aria-labelledby="ww-runs" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-runs">{t("courses.runs")}</h2>
        {data.courseRuns.length === 0 ? (
          <p className="kern-body">{t("courses.noRuns")}</p>
        ) : (
          <DataTable
            caption={t("courses.runs")}
            rows={data.courseRuns}
            rowKey={(r) => r.id}
            columns={[
              {
                header: t("courses.run"),
                rowHeader: true,
                cell: (r) => (
                  <Link href={`/courses/runs/${r.id}`} className="kern-link">
                    {r.courseTitle}, {r.place}
                  </Link>
                ),
              },
              { header: t("courses.language"), cell: (r) => `${r.language}${r.interpreterLanguage ? ` → ${r.interpreterLanguage}` : ""}` },
              { header: t("courses.sessions"), cell: (r) => r.sessions.map((s) => formatDate(s.onDate, lang)).join(", ") },
              { header: t("courses.deliveredBy"), cell: (r) => carrierName(r.deliveringOrgId) },
              { header: t("courses.enrolled"), numeric: true, cell: (r) => `${r.figures.enrolled} / ${r.capacity}` },
              { header: t("courses.waiting"), numeric: true, cell: (r) => r.figures.waiting },
              { header: t("courses.completed"), numeric: true, cell: (r) => r.figures.completed },
              { header: t("courses.droppedOut"), numeric: true, cell: (r) => r.figures.droppedOut },
              { header: t("courses.attended"), numeric: true, cell: (r) => (r.figures.attendedPercent == null ? "–" : `${r.figures.attendedPercent} %`) },
            ]}
          />
        )}
        {data.courses.length > 0 && (
          <Disclosure summary={t("courses.schedule")}>
            <ScheduleForm courses={data.courses} carriers={data.carriers} ownCarrier={viewer.roles.includes("CARRIER_CASEWORKER")} />
          </Disclosure>
        )}
      </section>

      <section aria-labelledby="ww-courses" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-courses">{t("courses.courses")}</h2>
        {data.courses.length === 0 && <p className="kern-body">{t("courses.noCourses")}</p>}
        {data.courses.map((c) => {
          const headingId = `ww-course-${c.id}`;
          const modules = [...c.template.modules, ...c.localModules];
          return (
            <article key={c.id} className="ww-card ww-stack" aria-labelledby={headingId}>
              <h3 className="kern-heading-small" id={headingId}>
                {c.title} – {t("courses.version", { version: c.template.version })}
              </h3>
              <p className="kern-body">
                {c.template.rule.kind === "ALL_MANDATORY"
                  ? t("courses.ruleAll", { percent: c.template.rule.minAttendancePercent })
                  : t("courses.ruleN", { n: c.template.rule.minModules, percent: c.template.rule.minAttendancePercent })}
              </p>
              <ol className="kern-body">
                {modules.map((m) => (
                  <li key={m.key}>
                    {m.titleDe} ({m.minutes} min{m.mandatory ? `, ${t("courses.mandatory")}` : ""})
                    {m.key.startsWith("local:") && ` – ${t("courses.local")}`}
                  </li>
                ))}
              </ol>
              {may(viewer, "cityStaff") && (
                <p className="kern-body">
                  <Link href={`/courses/${c.id}/evaluation`} className="kern-link">
                    {t("courses.evaluation", { title: c.title })}
                  </Link>
                </p>
              )}
              {c.newerVersion && may(viewer, "cityStaff") && (
                <ActionForm
                  legend={t("courses.newerVersion", { version: c.newerVersion.version })}
                  submit={t("courses.adoptVersion")}
                  kind="secondary"
                  run={() => adoptVersion({ courseId: c.id, version: c.version, templateId: c.newerVersion?.id ?? "" }, REFRESH_ON.learning)}
                >
                  {() => <p className="kern-body">{t("courses.newerVersionHint")}</p>}
                </ActionForm>
              )}
              {may(viewer, "cityStaff") && (
                <Disclosure summary={t("courses.addLocal")}>
                  <LocalModuleForm courseId={c.id} />
                </Disclosure>
              )}
              {may(viewer, "approvals") && (
                <Disclosure summary={t("courses.submit")}>
                  <SubmitForm courseId={c.id} />
                </Disclosure>
              )}
            </article>
          );
        })}
      </section>

      <section aria-labelledby="ww-catalogue" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-catalogue">{t("courses.catalogue")}</h2>
        <Catalogue />
      </section>

      {may(viewer, "approvals") && (
        <section aria-labelledby="ww-keys" className="ww-stack">
          <h2 className="kern-heading-medium" id="ww-keys">{t("courses.keys")}</h2>
          <SigningKeys />
        </section>
      )}
    </div>
  );
}

function Catalogue() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: CatalogueQuery, context: REFRESH_ON.learning });
  const [, adopt] = useMutation(Adopt);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="kern-body">{t("app.loading")}</p>;
  return (
    <div className="ww-stack">
      {data.courseCatalogue.map((c) => (
        <article key={c.id} className="ww-card ww-stack" aria-labelledby={`ww-template-${c.id}`}>
          <h3 className="kern-heading-small" id={`ww-template-${c.id}`}>
            {c.titleDe} – {t("courses.version", { version: c.version })}
          </h3>
          <p className="kern-body">{c.summaryDe}</p>
          <p className="kern-body">
            {t("courses.languages")}: {c.languages.join(", ")} · {t("courses.moduleCount", { count: c.modules.length })} ·{" "}
            {t(`templateStatus.${c.status}`)}
            {c.reviewNote && ` – ${c.reviewNote}`}
          </p>
          {c.status === "PUBLISHED" && (
            <ActionForm legend={t("courses.adoptLegend", { title: c.titleDe, version: c.version })} submit={t("courses.adopt")} kind="secondary" run={() => adopt({ templateId: c.id }, REFRESH_ON.learning)} />
          )}
        </article>
      ))}
    </div>
  );
}

function LocalModuleForm({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const [, add] = useMutation(AddLocal);
  return (
    <ActionForm
      legend={t("courses.addLocal")}
      submit={t("courses.add")}
      reset
      run={(v) =>
        add(
          { courseId, input: { title: v.title ?? "", goals: v.goals ?? "", minutes: Number(v.minutes ?? 0), mandatory: v.mandatory === "on" } },
          REFRESH_ON.learning,
        )
      }
    >
      {(e) => (
        <>
          <InputField field="input.title" error={e} label={t("courses.moduleTitle")} name="title" required />
          <InputField field="input.goals" error={e} label={t("courses.goals")} name="goals" required />
          <InputField field="input.minutes" error={e} label={t("courses.minutes")} name="minutes" type="number" defaultValue="45" required />
          <CheckboxGroup field="input.mandatory" error={e} legend={t("courses.mandatory")} name="mandatory" options={[{ value: "on", label: t("courses.mandatoryYes") }]} />
        </>
      )}
    </ActionForm>
  );
}

function SubmitForm({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const [, submit] = useMutation(Submit);
  return (
    <ActionForm legend={t("courses.submit")} submit={t("courses.submitButton")} run={(v) => submit({ courseId, key: v.key ?? "", summaryDe: v.summaryDe ?? "" }, REFRESH_ON.learning)}>
      {(e) => (
        <>
          <p className="kern-body">{t("courses.submitHint")}</p>
          <InputField field="key" error={e} label={t("courses.key")} name="key" hint={t("courses.keyHint")} required />
          <InputField field="summaryDe" error={e} label={t("courses.summary")} name="summaryDe" required />
        </>
      )}
    </ActionForm>
  );
}

type CourseChoice = {
  id: string;
  title: string;
  template: { modules: readonly { key: string; titleDe: string }[] };
  localModules: readonly { key: string; titleDe: string }[];
};

function ScheduleForm({ courses, carriers, ownCarrier }: { courses: readonly CourseChoice[]; carriers: readonly { id: string; name: string }[]; ownCarrier: boolean }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [, schedule] = useMutation(Schedule);
  const [courseId, setCourseId] = useState(courses[0]?.id ?? "");
  const [count, setCount] = useState(3);
  const course = courses.find((c) => c.id === courseId) ?? courses[0];
  const modules = course ? [...course.template.modules, ...course.localModules] : [];
  const orgOptions = ownCarrier
    ? carriers.filter((c) => c.name === viewer.organisation).map((c) => ({ value: c.id, label: c.name }))
    : [{ value: "", label: t("courses.theCity") }, ...carriers.map((c) => ({ value: c.id, label: c.name }))];
  return (
    <ActionForm
      legend={t("courses.schedule")}
      submit={t("courses.scheduleButton")}
      run={(v, all) =>
        schedule(
          {
            courseId,
            input: {
              language: v.language ?? "",
              interpreterLanguage: v.interpreterLanguage || null,
              trainer: v.trainer ?? "",
              place: v.place ?? "",
              district: v.district ?? "",
              capacity: Number(v.capacity ?? 0),
              deliveringOrgId: v.deliveringOrgId || null,
              sessions: Array.from({ length: count }, (_, i) => ({
                onDate: v[`onDate${i}`] ?? "",
                startsAt: v[`startsAt${i}`] ?? "",
                modules: all.getAll(`modules${i}`).map(String),
              })),
            },
          },
          REFRESH_ON.learning,
        )
      }
    >
      {(e) => (
        <>
          <SelectField field="courseId" error={e} label={t("courses.course")} name="courseId" defaultValue={courseId} onChange={setCourseId} options={courses.map((c) => ({ value: c.id, label: c.title }))} />
          <SelectField field="input.language" error={e} label={t("courses.language")} name="language" defaultValue="de" options={LANGUAGE_CODES.map((l) => ({ value: l, label: l }))} />
          <SelectField field="input.interpreterLanguage" error={e} label={t("courses.interpreter")} name="interpreterLanguage" defaultValue="" options={[{ value: "", label: t("courses.noInterpreter") }, ...LANGUAGE_CODES.map((l) => ({ value: l, label: l }))]} />
          <InputField field="input.trainer" error={e} label={t("courses.trainer")} name="trainer" required />
          <InputField field="input.place" error={e} label={t("courses.place")} name="place" required />
          <InputField field="input.district" error={e} label={t("courses.district")} name="district" required />
          <InputField field="input.capacity" error={e} label={t("courses.capacity")} name="capacity" type="number" defaultValue="12" required />
          <SelectField field="input.deliveringOrgId" error={e} label={t("courses.deliveredBy")} name="deliveringOrgId" defaultValue={orgOptions[0]?.value ?? ""} options={orgOptions} />
          {Array.from({ length: count }, (_, i) => (
            <fieldset key={i} className="kern-fieldset">
              <legend className="kern-label">{t("courses.sessionN", { n: i + 1 })}</legend>
              <div className="kern-fieldset__body">
                <InputField field={`input.sessions.${i}.onDate`} error={e} label={t("courses.date")} name={`onDate${i}`} type="date" required />
                <InputField field={`input.sessions.${i}.startsAt`} error={e} label={t("courses.startsAt")} name={`startsAt${i}`} defaultValue="17:00" required />
                <CheckboxGroup field={`input.sessions.${i}.modules`} error={e} legend={t("courses.sessionModules")} name={`modules${i}`} options={modules.map((m) => ({ value: m.key, label: m.titleDe }))} />
              </div>
            </fieldset>
          ))}
          <div className="ww-actions">
            <Button kind="secondary" type="button" onClick={() => setCount(Math.min(30, count + 1))}>{t("courses.addSession")}</Button>
            {count > 1 && <Button kind="tertiary" type="button" onClick={() => setCount(count - 1)}>{t("courses.removeSession")}</Button>}
          </div>
        </>
      )}
    </ActionForm>
  );
}

function SigningKeys() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [{ data, error }] = useQuery({ query: KeysQuery, context: REFRESH_ON.learning });
  const [, rotate] = useMutation(Rotate);
  const [, revoke] = useMutation(RevokeKey);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="kern-body">{t("app.loading")}</p>;
  const day = (d: string | null | undefined) => (d ? formatDate(d.slice(0, 10), lang) : "–");
  return (
    <div className="ww-stack">
      <p className="kern-body">{t("courses.keysHint")}</p>
      {data.signingKeys.length === 0 ? (
        <p className="kern-body">{t("courses.noKeys")}</p>
      ) : (
        <DataTable
          caption={t("courses.keys")}
          rows={data.signingKeys}
          rowKey={(k) => k.id}
          columns={[
            { header: t("courses.keyId"), rowHeader: true, cell: (k) => <code>{k.publicKey.slice(0, 16)}…</code> },
            { header: t("courses.keyCreated"), cell: (k) => day(k.createdAt) },
            { header: t("courses.keyRetired"), cell: (k) => day(k.retiredAt) },
            { header: t("courses.keyRevoked"), cell: (k) => day(k.revokedFrom) },
          ]}
        />
      )}
      <ActionForm legend={t("courses.rotate")} submit={t("courses.rotateButton")} kind="secondary" confirm={t("courses.rotateConfirm")} run={() => rotate({}, REFRESH_ON.learning)} />
      {data.signingKeys.some((k) => !k.revokedFrom) && (
        <Disclosure summary={t("courses.revokeKey")}>
          <ActionForm
            legend={t("courses.revokeKey")}
            submit={t("courses.revokeKeyButton")}
            confirm={t("courses.revokeKeyConfirm")}
            run={(v) => revoke({ id: v.id ?? "", from: `${v.from ?? ""}T00:00:00Z`, reason: v.reason ?? "" }, REFRESH_ON.learning)}
          >
            {(e) => (
              <>
                <SelectField field="id" error={e} label={t("courses.keyId")} name="id" options={data.signingKeys.filter((k) => !k.revokedFrom).map((k) => ({ value: k.id, label: `${k.publicKey.slice(0, 16)}… (${day(k.createdAt)})` }))} />
                <InputField field="from" error={e} label={t("courses.revokedFrom")} name="from" type="date" required />
                <InputField field="reason" error={e} label={t("courses.reason")} name="reason" required />
              </>
            )}
          </ActionForm>
        </Disclosure>
      )}
    </div>
  );
}

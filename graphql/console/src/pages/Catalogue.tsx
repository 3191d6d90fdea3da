// The shared course catalogue, as platform operators keep it: every version and every
// city's submission, the review of a submission (publish or reject with a note), and
// publishing a course or its next version. Holds no personal data.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";

import { ActionForm } from "../components/ActionForm";
import { DataTable } from "../components/DataTable";
import { Disclosure } from "../components/Disclosure";
import { Button, CheckboxGroup, InputField, SelectField } from "../components/Form";
import { REFRESH_ON } from "../api";
import { graphql } from "../gql";
import type { CompletionRuleKind } from "../gql/graphql";
import { ErrorNote } from "./ErrorNote";

const OperatorCatalogue = graphql(`
  query ConsoleOperatorCatalogue {
    courseCatalogue {
      id key version titleDe titleEn summaryDe languages status reviewNote submittedByCity
      rule { kind minModules minAttendancePercent }
      modules { key titleDe mandatory minutes }
    }
  }
`);
const Review = graphql(`
  mutation ConsoleReviewSubmission($id: ID!, $publish: Boolean!, $note: String) {
    reviewCourseSubmission(id: $id, publish: $publish, note: $note) { id status }
  }
`);
const Publish = graphql(`
  mutation ConsolePublishTemplate($input: CourseTemplateInput!) {
    publishCourseTemplate(input: $input) { id version }
  }
`);

export default function Catalogue() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: OperatorCatalogue, context: REFRESH_ON.learning });
  const [, review] = useMutation(Review);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="kern-body">{t("app.loading")}</p>;
  const submissions = data.courseCatalogue.filter((c) => c.status === "SUBMITTED");
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("catalogue.title")}</h1>
      <p className="kern-body">{t("catalogue.intro")}</p>
      <section aria-labelledby="ww-submissions" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-submissions">{t("catalogue.submissions")}</h2>
        {submissions.length === 0 && <p className="kern-body">{t("catalogue.noSubmissions")}</p>}
        {submissions.map((s) => (
          <article key={s.id} className="ww-card ww-stack" aria-labelledby={`ww-sub-${s.id}`}>
            <h3 className="kern-heading-small" id={`ww-sub-${s.id}`}>
              {s.titleDe} ({s.key}, {t("courses.version", { version: s.version })})
            </h3>
            <p className="kern-body">{t("catalogue.submittedBy", { city: s.submittedByCity ?? "–" })}</p>
            <p className="kern-body">{s.summaryDe}</p>
            <ol className="kern-body">
              {s.modules.map((m) => (
                <li key={m.key}>
                  {m.titleDe} ({m.minutes} min{m.mandatory ? `, ${t("courses.mandatory")}` : ""})
                </li>
              ))}
            </ol>
            <ActionForm
              legend={t("catalogue.review")}
              submit={t("catalogue.reviewButton")}
              run={(v) => review({ id: s.id, publish: v.decision === "publish", note: v.note ?? null }, REFRESH_ON.learning)}
            >
              {(e) => (
                <>
                  <SelectField
                    field="publish"
                    error={e}
                    label={t("catalogue.decision")}
                    name="decision"
                    options={[
                      { value: "publish", label: t("catalogue.publish") },
                      { value: "reject", label: t("catalogue.reject") },
                    ]}
                  />
                  <InputField field="note" error={e} label={t("catalogue.note")} name="note" />
                </>
              )}
            </ActionForm>
          </article>
        ))}
      </section>
      <section aria-labelledby="ww-all" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-all">{t("catalogue.all")}</h2>
        <DataTable
          caption={t("catalogue.all")}
          rows={data.courseCatalogue}
          rowKey={(c) => c.id}
          columns={[
            { header: t("catalogue.titleDe"), rowHeader: true, cell: (c) => c.titleDe },
            { header: t("catalogue.key"), cell: (c) => c.key },
            { header: t("catalogue.versionHeader"), numeric: true, cell: (c) => c.version },
            { header: t("courses.languages"), cell: (c) => c.languages.join(", ") },
            { header: t("catalogue.modules"), numeric: true, cell: (c) => c.modules.length },
            { header: t("courses.status"), cell: (c) => t(`templateStatus.${c.status}`) },
          ]}
        />
        <Disclosure summary={t("catalogue.publishNew")}>
          <PublishForm />
        </Disclosure>
      </section>
    </div>
  );
}

function PublishForm() {
  const { t } = useTranslation();
  const [, publish] = useMutation(Publish);
  const [count, setCount] = useState(7);
  return (
    <ActionForm
      legend={t("catalogue.publishNew")}
      submit={t("catalogue.publishButton")}
      run={(v, all) =>
        publish(
          {
            input: {
              key: v.key ?? "",
              titleDe: v.titleDe ?? "",
              titleEn: v.titleEn ?? "",
              summaryDe: v.summaryDe ?? "",
              languages: (v.languages ?? "").split(",").map((l) => l.trim()).filter(Boolean),
              ruleKind: (v.ruleKind ?? "ALL_MANDATORY") as CompletionRuleKind,
              minModules: Number(v.minModules ?? 0),
              minAttendancePercent: Number(v.minAttendancePercent ?? 0),
              modules: Array.from({ length: count }, (_, i) => ({
                key: v[`key${i}`] ?? "",
                titleDe: v[`titleDe${i}`] ?? "",
                titleEn: v[`titleEn${i}`] ?? "",
                goalsDe: v[`goalsDe${i}`] ?? "",
                minutes: Number(v[`minutes${i}`] ?? 0),
                mandatory: all.getAll(`mandatory${i}`).length > 0,
              })),
            },
          },
          REFRESH_ON.learning,
        )
      }
    >
      {(e) => (
        <>
          <p className="kern-body">{t("catalogue.publishHint")}</p>
          <InputField field="input.key" error={e} label={t("catalogue.key")} name="key" hint={t("courses.keyHint")} required />
          <InputField field="input.titleDe" error={e} label={t("catalogue.titleDe")} name="titleDe" required />
          <InputField field="input.titleEn" error={e} label={t("catalogue.titleEn")} name="titleEn" required />
          <InputField field="input.summaryDe" error={e} label={t("courses.summary")} name="summaryDe" required />
          <InputField field="input.languages" error={e} label={t("courses.languages")} name="languages" hint={t("catalogue.languagesHint")} defaultValue="de, ar, fa, uk" required />
          <SelectField
            field="input.ruleKind"
            error={e}
            label={t("catalogue.rule")}
            name="ruleKind"
            options={[
              { value: "ALL_MANDATORY", label: t("catalogue.ruleAll") },
              { value: "N_OF_M", label: t("catalogue.ruleN") },
            ]}
          />
          <InputField field="input.minModules" error={e} label={t("catalogue.minModules")} name="minModules" type="number" defaultValue="0" />
          <InputField field="input.minAttendancePercent" error={e} label={t("catalogue.minAttendance")} name="minAttendancePercent" type="number" defaultValue="75" required />
          {Array.from({ length: count }, (_, i) => (
            <fieldset key={i} className="kern-fieldset">
              <legend className="kern-label">{t("catalogue.moduleN", { n: i + 1 })}</legend>
              <div className="kern-fieldset__body">
                <InputField field={`input.modules.${i}.key`} error={e} label={t("catalogue.key")} name={`key${i}`} required />
                <InputField field={`input.modules.${i}.titleDe`} error={e} label={t("catalogue.titleDe")} name={`titleDe${i}`} required />
                <InputField field={`input.modules.${i}.titleEn`} error={e} label={t("catalogue.titleEn")} name={`titleEn${i}`} required />
                <InputField field={`input.modules.${i}.goalsDe`} error={e} label={t("courses.goals")} name={`goalsDe${i}`} required />
                <InputField field={`input.modules.${i}.minutes`} error={e} label={t("courses.minutes")} name={`minutes${i}`} type="number" defaultValue="90" required />
                <CheckboxGroup field={`input.modules.${i}.mandatory`} error={e} legend={t("courses.mandatory")} name={`mandatory${i}`} options={[{ value: "on", label: t("courses.mandatoryYes") }]} />
              </div>
            </fieldset>
          ))}
          <div className="ww-actions">
            <Button kind="secondary" type="button" onClick={() => setCount(Math.min(30, count + 1))}>{t("catalogue.addModule")}</Button>
            {count > 1 && <Button kind="tertiary" type="button" onClick={() => setCount(count - 1)}>{t("catalogue.removeModule")}</Button>}
          </div>
        </>
      )}
    </ActionForm>
  );
}

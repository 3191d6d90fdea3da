import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { Link, useLocation } from "wouter";

import { ActionForm } from "../components/ActionForm";
import { InputField, SelectField } from "../components/Form";
import { graphql } from "../gql";
import type { BenefitFramework, LanguageLevel, Occupation, PersonInput, Relation, ResidenceStatus } from "../gql/graphql";

const Create = graphql(`
  mutation ConsoleCreateHousehold($input: CreateHouseholdInput!) {
    createHousehold(input: $input) { id reference }
  }
`);

const RELATIONS: Relation[] = ["HEAD", "PARTNER", "CHILD", "PARENT", "SIBLING", "OTHER"];
const RESIDENCE: ResidenceStatus[] = [
  "ASYLUM_PENDING", "RECOGNISED_REFUGEE", "SUBSIDIARY_PROTECTION", "DEPORTATION_BAN", "TEMPORARY_PROTECTION", "TOLERATION", "EU_CITIZEN", "SETTLED", "OTHER",
];
const BENEFITS: BenefitFramework[] = ["SGB2", "SGB12", "ASYLBLG", "OTHER", "NONE"];
const LEVELS: LanguageLevel[] = ["A0", "A1", "A2", "B1", "B2", "C1", "C2"];
const OCCUPATIONS: Occupation[] = ["EMPLOYED", "MARGINAL_EMPLOYMENT", "TRAINING", "COURSE", "SCHOOL", "UNEMPLOYED", "NOT_AVAILABLE", "CHILD"];

/** Intake (city staff): a household with its members; the case starts in "intake". */
export default function NewHousehold() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [members, setMembers] = useState(1);
  const [, create] = useMutation(Create);
  const opt = (prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as string) }));
  return (
    <div className="ww-stack">
      <Link href="/households" className="kern-link">
        {t("households.back")}
      </Link>
      <h1 className="kern-heading-large">{t("intake.title")}</h1>
      <p className="kern-body">{t("intake.intro")}</p>
      <ActionForm
        legend={t("intake.household")}
        submit={t("intake.submit")}
        run={async (v) => {
          const people: PersonInput[] = Array.from({ length: members }, (_, i) => ({
            givenName: v[`m${i}.givenName`] ?? "",
            familyName: v[`m${i}.familyName`] ?? "",
            dateOfBirth: v[`m${i}.dateOfBirth`] ?? null,
            relation: (v[`m${i}.relation`] ?? "OTHER") as Relation,
            nationality: v[`m${i}.nationality`] ?? null,
            residenceStatus: (v[`m${i}.residenceStatus`] ?? "OTHER") as ResidenceStatus,
            permitExpiresOn: v[`m${i}.permitExpiresOn`] ?? null,
            benefitFramework: (v[`m${i}.benefitFramework`] ?? "NONE") as BenefitFramework,
            benefitChangesOn: v[`m${i}.benefitChangesOn`] ?? null,
            languageLevel: (v[`m${i}.languageLevel`] ?? "A0") as LanguageLevel,
            occupation: (v[`m${i}.occupation`] ?? "NOT_AVAILABLE") as Occupation,
          }));
          const r = await create({
            input: {
              reference: v.reference ?? "",
              languages: (v.languages ?? "").split(",").map((l) => l.trim()).filter(Boolean),
              notes: v.notes ?? null,
              members: people,
              primaryContact: 0,
            },
          });
          const created = r.data?.createHousehold?.id;
          if (created && !r.error) navigate(`/households/${created}`);
          return r;
        }}
      >
        {(e) => (
          <>
            <InputField field="input.reference" error={e} label={t("households.reference")} name="reference" required hint={t("intake.referenceHint")} />
            <InputField field="input.languages" error={e} label={t("household.languages")} name="languages" hint={t("intake.languagesHint")} />
            <InputField field="input.notes" error={e} label={t("household.notes")} name="notes" />
            {Array.from({ length: members }, (_, i) => (
              <fieldset key={i} className="kern-fieldset ww-card">
                <legend className="kern-title">{i === 0 ? t("intake.head") : t("intake.member", { n: i + 1 })}</legend>
                <div className="kern-fieldset__body">
                  <div className="ww-row">
                    <InputField field={`input.members.${i}.givenName`} error={e} label={t("intake.givenName")} name={`m${i}.givenName`} required />
                    <InputField field={`input.members.${i}.familyName`} error={e} label={t("intake.familyName")} name={`m${i}.familyName`} required />
                  </div>
                  <div className="ww-row">
                    <InputField field={`input.members.${i}.dateOfBirth`} error={e} label={t("household.born")} name={`m${i}.dateOfBirth`} type="date" />
                    <SelectField field={`input.members.${i}.relation`} error={e} label={t("household.relation")} name={`m${i}.relation`} defaultValue={i === 0 ? "HEAD" : "CHILD"} options={opt("relation", RELATIONS)} />
                  </div>
                  <div className="ww-row">
                    <InputField field={`input.members.${i}.nationality`} error={e} label={t("household.nationality")} name={`m${i}.nationality`} hint={t("intake.nationalityHint")} />
                    <SelectField field={`input.members.${i}.residenceStatus`} error={e} label={t("household.residence")} name={`m${i}.residenceStatus`} options={opt("residence", RESIDENCE)} />
                    <InputField field={`input.members.${i}.permitExpiresOn`} error={e} label={t("intake.permitExpiresOn")} name={`m${i}.permitExpiresOn`} type="date" />
                  </div>
                  <div className="ww-row">
                    <SelectField field={`input.members.${i}.benefitFramework`} error={e} label={t("household.benefit")} name={`m${i}.benefitFramework`} options={opt("benefit", BENEFITS)} />
                    <InputField field={`input.members.${i}.benefitChangesOn`} error={e} label={t("intake.benefitChangesOn")} name={`m${i}.benefitChangesOn`} type="date" />
                  </div>
                  <div className="ww-row">
                    <SelectField field={`input.members.${i}.languageLevel`} error={e} label={t("intake.languageLevel")} name={`m${i}.languageLevel`} options={LEVELS.map((l) => ({ value: l, label: l }))} />
                    <SelectField field={`input.members.${i}.occupation`} error={e} label={t("intake.occupation")} name={`m${i}.occupation`} defaultValue={i === 0 ? "UNEMPLOYED" : "CHILD"} options={opt("occupation", OCCUPATIONS)} />
                  </div>
                </div>
              </fieldset>
            ))}
            <div className="ww-filters">
              <button type="button" className="kern-btn kern-btn--secondary" onClick={() => setMembers((n) => n + 1)}>
                <span className="kern-label">{t("intake.addMember")}</span>
              </button>
              {members > 1 && (
                <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => setMembers((n) => n - 1)}>
                  <span className="kern-label">{t("intake.removeMember")}</span>
                </button>
              )}
            </div>
          </>
        )}
      </ActionForm>
    </div>
  );
}

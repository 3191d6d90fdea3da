// State programmes, as platform operators keep them: each programme with the cities it
// covers, a form to set one up, and its officers (a state officer belongs to one
// programme). What each city shares with a programme is the city's choice.
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";

import { ActionForm } from "../components/ActionForm";
import { DataTable } from "../components/DataTable";
import { CheckboxGroup, InputField, SelectField } from "../components/Form";
import { graphql } from "../gql";
import { ErrorNote } from "./ErrorNote";

const StateProgrammesQuery = graphql(`
  query ConsoleStateProgrammes {
    stateProgrammes { id name cities }
    stateOfficers { id name programme }
    tenants(first: 100) { nodes { slug name } }
  }
`);

const CreateStateProgramme = graphql(`
  mutation ConsoleCreateStateProgramme($name: String!, $citySlugs: [String!]!) {
    createStateProgramme(name: $name, citySlugs: $citySlugs) { id }
  }
`);

const AssignStateOfficer = graphql(`
  mutation ConsoleAssignStateOfficer($programmeId: ID!, $userId: ID!) {
    assignStateOfficer(programmeId: $programmeId, userId: $userId)
  }
`);

const REFRESH = { additionalTypenames: ["StateProgramme", "StateOfficer"] };

export default function StatePrograms() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: StateProgrammesQuery, context: REFRESH });
  const [, create] = useMutation(CreateStateProgramme);
  const [, assign] = useMutation(AssignStateOfficer);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="kern-body">{t("app.loading")}</p>;
  const again = () => refetch({ requestPolicy: "network-only" });
  const free = data.stateOfficers.filter((o) => !o.programme);
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("statePrograms.title")}</h1>
      <p className="kern-body">{t("statePrograms.intro")}</p>
      <DataTable
        caption={t("statePrograms.list")}
        captionVisible
        rows={data.stateProgrammes}
        rowKey={(p) => p.id}
        columns={[
          { header: t("statePrograms.name"), rowHeader: true, cell: (p) => p.name },
          { header: t("statePrograms.cities"), cell: (p) => p.cities.join(", ") },
          {
            header: t("statePrograms.officers"),
            cell: (p) =>
              data.stateOfficers
                .filter((o) => o.programme === p.name)
                .map((o) => o.name)
                .join(", ") || "–",
          },
        ]}
      />
      <ActionForm
        legend={t("statePrograms.create")}
        submit={t("statePrograms.createButton")}
        reset
        run={async (v, all) => {
          const r = await create({ name: v.name ?? "", citySlugs: all.getAll("cities").map(String) }, REFRESH);
          if (!r.error) again();
          return r;
        }}
      >
        {(e) => (
          <>
            <InputField field="name" error={e} label={t("statePrograms.name")} name="name" required />
            <CheckboxGroup field="cities" error={e} legend={t("statePrograms.cities")} name="cities" options={data.tenants.nodes.map((c) => ({ value: c.slug, label: c.name }))} />
          </>
        )}
      </ActionForm>
      {data.stateProgrammes.length > 0 && (
        <ActionForm
          legend={t("statePrograms.assign")}
          submit={t("statePrograms.assignButton")}
          run={async (v) => {
            const r = await assign({ programmeId: v.programme ?? "", userId: v.officer ?? "" }, REFRESH);
            if (!r.error) again();
            return r;
          }}
        >
          {(e) =>
            free.length === 0 ? (
              <p className="kern-body">{t("statePrograms.noFreeOfficer")}</p>
            ) : (
              <>
                <SelectField field="userId" error={e} label={t("statePrograms.officer")} name="officer" options={free.map((o) => ({ value: o.id, label: o.name }))} />
                <SelectField field="programmeId" error={e} label={t("statePrograms.programme")} name="programme" options={data.stateProgrammes.map((p) => ({ value: p.id, label: p.name }))} />
              </>
            )
          }
        </ActionForm>
      )}
    </div>
  );
}

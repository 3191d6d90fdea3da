import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";

import { ActionForm } from "../components/ActionForm";
import { DataTable } from "../components/DataTable";
import { Disclosure } from "../components/Disclosure";
import { CheckboxGroup, InputField, SelectField } from "../components/Form";
import { graphql } from "../gql";
import type { OrganisationKind, Role } from "../gql/graphql";
import { useViewer } from "../viewer";
import { ErrorNote } from "./ErrorNote";

const AdminQuery = graphql(`
  query ConsoleAdmin {
    organisations(first: 100) { nodes { id slug name kind contact } }
    users(first: 100) { totalCount nodes { id displayName email organisationId roles active version } }
  }
`);

const Invite = graphql(`
  mutation ConsoleInviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) { id displayName email organisationId roles active version }
  }
`);
const Grant = graphql(`
  mutation ConsoleGrantRole($userId: ID!, $role: Role!) {
    grantRole(userId: $userId, role: $role) { id roles version }
  }
`);
const Revoke = graphql(`
  mutation ConsoleRevokeRole($userId: ID!, $role: Role!) {
    revokeRole(userId: $userId, role: $role) { id roles version }
  }
`);
const Deactivate = graphql(`
  mutation ConsoleDeactivateUser($id: ID!, $version: Int!) {
    deactivateUser(id: $id, version: $version) { id active version }
  }
`);
const CreateOrganisation = graphql(`
  mutation ConsoleCreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) { id slug name kind contact }
  }
`);

const CITY_ROLES: Role[] = ["CITY_ADMIN", "CITY_CASEWORKER", "CITY_COORDINATOR"];
const CARRIER_ROLES: Role[] = ["CARRIER_ADMIN", "CARRIER_CASEWORKER"];
const rolesFor = (kind: OrganisationKind | undefined) => (kind === "CARRIER" ? CARRIER_ROLES : CITY_ROLES);

type User = { id: string; displayName: string; email: string; organisationId: string; roles: readonly Role[]; active: boolean; version: number };
type Org = { id: string; slug: string; name: string; kind: OrganisationKind; contact?: string | null };

export default function Admin() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [{ data, error }] = useQuery({ query: AdminQuery });
  const [, invite] = useMutation(Invite);
  const [, createOrg] = useMutation(CreateOrganisation);
  const [orgForInvite, setOrgForInvite] = useState<string | null>(null);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="kern-body">{t("app.loading")}</p>;
  const orgs = data.organisations.nodes;
  const chosen = orgs.find((o) => o.id === (orgForInvite ?? orgs[0]?.id));
  const cityAdmin = viewer.roles.includes("CITY_ADMIN");
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("admin.title")}</h1>
      <section aria-labelledby="ww-orgs" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-orgs">
          {t("admin.organisations")}
        </h2>
        <DataTable
          caption={t("admin.organisations")}
          rows={orgs}
          rowKey={(o) => o.id}
          columns={[
            { header: t("admin.name"), rowHeader: true, cell: (o) => o.name },
            { header: t("admin.kind"), cell: (o) => t(`orgKind.${o.kind}`) },
            { header: t("admin.contact"), cell: (o) => o.contact ?? "–" },
          ]}
        />
        {cityAdmin && (
          <Disclosure summary={t("admin.newOrganisation")}>
            <ActionForm
              legend={t("admin.newOrganisation")}
              submit={t("admin.createOrganisation")}
              reset
              run={(v) =>
                createOrg(
                  {
                    input: {
                      slug: v.slug ?? "",
                      name: v.name ?? "",
                      kind: (v.kind ?? "CARRIER") as OrganisationKind,
                      contact: v.contact ?? null,
                    },
                  },
                  { additionalTypenames: ["Organisation"] },
                )
              }
            >
              {(e) => (
                <>
                  <InputField field="input.name" error={e} label={t("admin.name")} name="name" required />
                  <InputField field="input.slug" error={e} label={t("admin.slug")} name="slug" required hint={t("admin.slugHint")} />
                  <SelectField
                    field="input.kind"
                    error={e}
                    label={t("admin.kind")}
                    name="kind"
                    options={(["CARRIER", "CITY_DEPARTMENT"] as const).map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
                  />
                  <InputField field="input.contact" error={e} label={t("admin.contact")} name="contact" />
                </>
              )}
            </ActionForm>
          </Disclosure>
        )}
      </section>

      <section aria-labelledby="ww-users" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-users">
          {t("admin.users")}
        </h2>
        <p className="kern-body" role="status">
          {t("admin.count", { count: data.users.totalCount })}
        </p>
        {orgs.map((o) => (
          <UsersOf key={o.id} org={o} users={data.users.nodes.filter((u) => u.organisationId === o.id)} />
        ))}
        <Disclosure summary={t("admin.invite")}>
          <ActionForm
            legend={t("admin.invite")}
            submit={t("admin.sendInvite")}
            reset
            run={(v, all) =>
              invite(
                {
                  input: {
                    organisationId: v.organisationId ?? "",
                    displayName: v.displayName ?? "",
                    email: v.email ?? "",
                    roles: all.getAll("roles").map(String) as Role[],
                  },
                },
                { additionalTypenames: ["User"] },
              )
            }
          >
            {(e) => (
              <>
                <SelectField
                  field="input.organisationId"
                  error={e}
                  label={t("admin.organisation")}
                  name="organisationId"
                  onChange={setOrgForInvite}
                  options={orgs.map((o) => ({ value: o.id, label: o.name }))}
                />
                <InputField field="input.displayName" error={e} label={t("admin.displayName")} name="displayName" required />
                <InputField field="input.email" error={e} label={t("admin.email")} name="email" required />
                <CheckboxGroup
                  field="input.roles"
                  error={e}
                  legend={t("admin.roles")}
                  name="roles"
                  options={rolesFor(chosen?.kind).map((r) => ({ value: r, label: t(`role.${r}`) }))}
                />
              </>
            )}
          </ActionForm>
        </Disclosure>
      </section>
    </div>
  );
}

function UsersOf({ org, users }: { org: Org; users: User[] }) {
  const { t } = useTranslation();
  if (users.length === 0) return null;
  return (
    <DataTable
      caption={org.name}
      captionVisible
      rows={users}
      rowKey={(u) => u.id}
      columns={[
        { header: t("admin.displayName"), rowHeader: true, cell: (u) => u.displayName },
        { header: t("admin.email"), cell: (u) => u.email },
        { header: t("admin.roles"), cell: (u) => <Roles user={u} /> },
        { header: t("admin.active"), cell: (u) => (u.active ? t("common.yes") : t("common.no")) },
        { header: <span className="kern-sr-only">{t("admin.actions")}</span>, cell: (u) => <UserActions user={u} org={org} /> },
      ]}
    />
  );
}

function Roles({ user }: { user: User }) {
  const { t } = useTranslation();
  const [state, revoke] = useMutation(Revoke);
  return (
    <>
      <ul className="ww-inline-list">
        {user.roles.map((r) => (
          <li key={r}>
            {t(`role.${r}`)}{" "}
            {user.active && (
              <button
                type="button"
                className="kern-btn kern-btn--tertiary kern-btn--x-small"
                onClick={() => void revoke({ userId: user.id, role: r })}
              >
                <span className="kern-label">{t("admin.revoke", { role: t(`role.${r}`), name: user.displayName })}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {state.error && <ErrorNote error={state.error} />}
    </>
  );
}

function UserActions({ user, org }: { user: User; org: Org }) {
  const { t } = useTranslation();
  const [, grant] = useMutation(Grant);
  const [, deactivate] = useMutation(Deactivate);
  const missing = rolesFor(org.kind).filter((r) => !user.roles.includes(r));
  if (!user.active) return null;
  return (
    <Disclosure summary={t("admin.change", { name: user.displayName })}>
      <div className="ww-actions">
        {missing.length > 0 && (
          <ActionForm
            legend={t("admin.grantLegend", { name: user.displayName })}
            submit={t("admin.grant")}
            run={(v) => grant({ userId: user.id, role: (v.role ?? missing[0]) as Role })}
          >
            {(e) => (
              <SelectField
                field="role"
                error={e}
                label={t("admin.role")}
                name="role"
                options={missing.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              />
            )}
          </ActionForm>
        )}
        <ActionForm
          legend={t("admin.deactivateLegend", { name: user.displayName })}
          submit={t("admin.deactivate")}
          kind="secondary"
          confirm={t("admin.deactivateConfirm", { name: user.displayName })}
          run={() => deactivate({ id: user.id, version: user.version })}
        />
      </div>
    </Disclosure>
  );
}

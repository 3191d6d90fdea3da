import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";

import { DataTable } from "../components/DataTable";
import { Button, InputField, values } from "../components/Form";
import { graphql } from "../gql";
import { formatDate } from "../i18n";
import { PURPOSES } from "../purposes";
import { ErrorNote } from "./ErrorNote";

const AuditQuery = graphql(`
  query ConsoleAuditLog($after: String, $entityId: ID) {
    auditLog(first: 50, after: $after, entityId: $entityId) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id seq at actorUserId entity entityId action fields purpose }
    }
    users(first: 100) { nodes { id displayName } }
  }
`);

const VerifyQuery = graphql(`
  query ConsoleVerifyChain { verifyAuditChain { intact entries firstBrokenSeq } }
`);

/** The city's audit log (city admins): who read or changed what, newest first. */
export default function Audit() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const initial = new URLSearchParams(window.location.search).get("entityId") ?? undefined;
  const [entityId, setEntityId] = useState<string | undefined>(initial);
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error }] = useQuery({ query: AuditQuery, variables: { after, entityId } });
  const [verify, runVerify] = useQuery({ query: VerifyQuery, pause: true, requestPolicy: "network-only" });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setEntityId(values(e.currentTarget).entityId);
    setAfter(null);
  };
  const purpose = (p: string | null | undefined) =>
    p && (PURPOSES as readonly string[]).includes(p.toUpperCase()) ? t(`purpose.${p.toUpperCase()}`) : (p ?? "–");
  const names = new Map((data?.users.nodes ?? []).map((u) => [u.id, u.displayName]));
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("audit.title")}</h1>
      <p className="kern-body">{t("audit.intro")}</p>
      <form className="ww-filters" onSubmit={submit} aria-label={t("audit.filter")}>
        <InputField field="entityId" label={t("audit.entityId")} name="entityId" defaultValue={initial} hint={t("audit.entityHint")} />
        <Button>{t("households.apply")}</Button>
      </form>
      {error && <ErrorNote error={error} />}
      {data && (
        <>
          <p className="kern-body" role="status">
            {t("audit.count", { count: data.auditLog.totalCount })}
          </p>
          <DataTable
            caption={t("audit.title")}
            rows={data.auditLog.nodes}
            rowKey={(a) => a.id}
            columns={[
              {
                header: t("audit.at"),
                rowHeader: true,
                cell: (a) => `${formatDate(a.at.slice(0, 10), lang)} ${a.at.slice(11, 16)}`,
              },
              { header: t("audit.who"), cell: (a) => names.get(a.actorUserId) ?? t("audit.unknownUser") },
              // Actions, entities and fields are the log's own codes, shown as such.
              { header: t("audit.action"), cell: (a) => <code lang="en">{a.action}</code> },
              {
                header: t("audit.entity"),
                cell: (a) => (
                  <code lang="en" title={a.entityId}>
                    {a.entity} {a.entityId.slice(0, 8)}…
                  </code>
                ),
              },
              { header: t("audit.fields"), cell: (a) => (a.fields.length ? <code lang="en">{a.fields.join(", ")}</code> : "–") },
              { header: t("audit.purpose"), cell: (a) => purpose(a.purpose) },
            ]}
          />
          {data.auditLog.pageInfo.hasNextPage && (
            <Button kind="secondary" type="button" onClick={() => setAfter(data.auditLog.pageInfo.endCursor ?? null)}>
              {t("offers.nextPage")}
            </Button>
          )}
        </>
      )}
      <section aria-labelledby="ww-chain" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-chain">
          {t("audit.chain")}
        </h2>
        <p className="kern-body">{t("audit.chainIntro")}</p>
        <Button kind="secondary" type="button" onClick={() => runVerify()}>
          {t("audit.verify")}
        </Button>
        {verify.error && <ErrorNote error={verify.error} />}
        {verify.data && (
          <p className="kern-body" role="status">
            {verify.data.verifyAuditChain.intact
              ? t("audit.intact", { count: verify.data.verifyAuditChain.entries })
              : t("audit.broken", { seq: verify.data.verifyAuditChain.firstBrokenSeq })}
          </p>
        )}
      </section>
    </div>
  );
}

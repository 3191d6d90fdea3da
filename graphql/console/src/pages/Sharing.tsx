// What the city shares (its coordinator): per measure, with peer cities — who see it
// only if they share it too — and with each state programme covering the city.
// Nothing is shared until ticked here; each tick takes effect at once.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";

import { graphql } from "../gql";
import { ErrorNote } from "./ErrorNote";

const SharingQuery = graphql(`
  query InsightSharing {
    insightSharing { measure { code label labelEn } peers programmes { id name shared } }
  }
`);

const SetSharing = graphql(`
  mutation SetInsightSharing($measure: String!, $programmeId: ID, $shared: Boolean!) {
    setInsightSharing(measure: $measure, programmeId: $programmeId, shared: $shared) { measure { code } peers programmes { id shared } }
  }
`);

export default function Sharing() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [{ data, error }, refetch] = useQuery({ query: SharingQuery });
  const [{ error: saveError }, save] = useMutation(SetSharing);
  const [note, setNote] = useState("");
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="kern-body">{t("app.loading")}</p>;
  const rows = data.insightSharing;
  const programmes = rows[0]?.programmes ?? [];
  const toggle = async (code: string, label: string, audience: string, programmeId: string | null, shared: boolean) => {
    const r = await save({ measure: code, programmeId, shared });
    if (!r.error) {
      setNote(t(shared ? "sharing.nowShared" : "sharing.nowPrivate", { measure: label, audience }));
      refetch({ requestPolicy: "network-only" });
    }
  };
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("sharing.title")}</h1>
      <p className="kern-body">{t("sharing.intro")}</p>
      {saveError && <ErrorNote error={saveError} />}
      <p className="kern-body" role="status">
        {note}
      </p>
      <div className="ww-table-wrap">
        <table className="kern-table kern-table--striped">
          <caption className="kern-title ww-caption">{t("sharing.table")}</caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                {t("sharing.measure")}
              </th>
              <th scope="col" className="kern-table__header">
                {t("sharing.peers")}
              </th>
              {programmes.map((p) => (
                <th key={p.id} scope="col" className="kern-table__header">
                  {p.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {rows.map((r) => {
              const label = en ? r.measure.labelEn : r.measure.label;
              return (
                <tr key={r.measure.code} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">
                    {label}
                  </th>
                  <td className="kern-table__cell">
                    <input
                      type="checkbox"
                      className="kern-form-check__checkbox"
                      checked={r.peers}
                      aria-label={t("sharing.shareWith", { measure: label, audience: t("sharing.peers") })}
                      onChange={(e) => void toggle(r.measure.code, label, t("sharing.peers"), null, e.target.checked)}
                    />
                  </td>
                  {r.programmes.map((p) => (
                    <td key={p.id} className="kern-table__cell">
                      <input
                        type="checkbox"
                        className="kern-form-check__checkbox"
                        checked={p.shared}
                        aria-label={t("sharing.shareWith", { measure: label, audience: p.name })}
                        onChange={(e) => void toggle(r.measure.code, label, p.name, p.id, e.target.checked)}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

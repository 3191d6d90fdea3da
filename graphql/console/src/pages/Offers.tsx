import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { Link } from "wouter";

import { DataTable } from "../components/DataTable";
import { Button, SelectField } from "../components/Form";
import { graphql } from "../gql";
import type { OfferStatus } from "../gql/graphql";
import { formatDate, formatEuros, formatNumber } from "../i18n";
import { ErrorNote } from "./ErrorNote";

const OffersQuery = graphql(`
  query ConsoleOffers($first: Int!, $after: String, $filter: OfferFilterInput) {
    offers(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id street postalCode district rooms livingSpace grossColdRent availableFrom status landlordName
      }
    }
  }
`);

export const OFFER_STATUSES: OfferStatus[] = ["RECEIVED", "OPEN", "RESERVED", "LET", "WITHDRAWN"];
const PAGE = 50;

export default function Offers() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<OfferStatus | undefined>("OPEN");
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: OffersQuery,
    variables: { first: PAGE, after, filter: status ? { status } : {} },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const s = String(new FormData(e.currentTarget).get("status") ?? "");
    setStatus(s ? (s as OfferStatus) : undefined);
    setAfter(null);
  };
  const lang = i18n.language;
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("offers.title")}</h1>
      <form className="ww-filters" onSubmit={submit} aria-label={t("offers.filter")}>
        <SelectField
          field="status"
          label={t("offers.status")}
          name="status"
          defaultValue="OPEN"
          options={[
            { value: "", label: t("households.anyState") },
            ...OFFER_STATUSES.map((s) => ({ value: s, label: t(`offerStatus.${s}`) })),
          ]}
        />
        <Button>{t("households.apply")}</Button>
      </form>
      {error && <ErrorNote error={error} />}
      {!data && fetching && <p className="kern-body">{t("app.loading")}</p>}
      {data && (
        <>
          <p className="kern-body" role="status">
            {t("offers.count", { count: data.offers.totalCount })}
          </p>
          {data.offers.nodes.length > 0 && (
            <DataTable
              caption={t("offers.title")}
              rows={data.offers.nodes}
              rowKey={(o) => o.id}
              columns={[
                {
                  header: t("offers.address"),
                  rowHeader: true,
                  cell: (o) => (
                    <Link href={`/offers/${o.id}`} className="kern-link">
                      {o.street}, {o.postalCode}
                    </Link>
                  ),
                },
                { header: t("offers.district"), cell: (o) => o.district },
                { header: t("offers.rooms"), numeric: true, cell: (o) => formatNumber(o.rooms, lang) },
                { header: t("offers.space"), numeric: true, cell: (o) => `${formatNumber(o.livingSpace, lang)} m²` },
                { header: t("offers.grossColdRent"), numeric: true, cell: (o) => formatEuros(o.grossColdRent, lang) },
                { header: t("offers.availableFrom"), cell: (o) => formatDate(o.availableFrom, lang) },
                { header: t("offers.landlord"), cell: (o) => o.landlordName ?? "–" },
                { header: t("offers.status"), cell: (o) => t(`offerStatus.${o.status}`) },
              ]}
            />
          )}
          {data.offers.pageInfo.hasNextPage && data.offers.pageInfo.endCursor && (
            <Button kind="secondary" type="button" onClick={() => setAfter(data.offers.pageInfo.endCursor ?? null)}>
              {t("offers.nextPage")}
            </Button>
          )}
        </>
      )}
    </div>
  );
}

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";

import { REFRESH_ON, isoDate, today } from "../api";
import { ActionForm } from "../components/ActionForm";
import { DataTable } from "../components/DataTable";
import { Disclosure } from "../components/Disclosure";
import { Button, InputField, SelectField, values } from "../components/Form";
import { ShareChart } from "../components/ShareChart";
import { SortableTable } from "../components/SortableTable";
import { graphql } from "../gql";
import type { AccommodationKind, LandlordKind, PartnerStatus } from "../gql/graphql";
import { formatDate, formatEuros, formatNumber } from "../i18n";
import { useViewer } from "../viewer";
import { ErrorNote } from "./ErrorNote";

const RegisterQuery = graphql(`
  query ConsoleRegister($on: Date!) {
    accommodations(first: 100) {
      totalCount
      nodes { id name kind street postalCode district capacity occupied freePlaces active }
    }
    occupancyByDistrict { district accommodations capacity occupied }
    landlords(first: 100) {
      nodes { id kind name contact partnerStatus annualQuota deliveredThisYear }
    }
    rentCaps(on: $on) { id householdSize maxGrossColdRent maxLivingSpace validFrom validUntil }
  }
`);

const SegregationQuery = graphql(`
  query ConsoleSegregation($from: Date!, $to: Date!) {
    segregationIndicator(from: $from, to: $to) {
      district placements placementShare dwellings housingShare ratio clustering
    }
  }
`);

const HousingStock = graphql(`
  mutation ConsoleHousingStock($district: String!, $dwellings: Int!) {
    setDistrictHousingStock(district: $district, dwellings: $dwellings)
  }
`);

const CreateAccommodation = graphql(`
  mutation ConsoleCreateAccommodation($input: AccommodationInput!) {
    createAccommodation(input: $input) { id name }
  }
`);
const CreateLandlord = graphql(`
  mutation ConsoleCreateLandlord($input: LandlordInput!) {
    createLandlord(input: $input) { id name }
  }
`);
const AddRentCap = graphql(`
  mutation ConsoleAddRentCap($input: RentCapInput!) {
    addRentCap(input: $input) { id householdSize }
  }
`);

const KINDS: AccommodationKind[] = ["SHELTER", "CITY_RENTED_FLAT", "EMERGENCY"];
const LANDLORD_KINDS: LandlordKind[] = ["PRIVATE", "HOUSING_COMPANY", "COOPERATIVE", "OTHER"];
const PARTNER: PartnerStatus[] = ["PROSPECT", "PARTNER", "PAUSED", "ENDED"];
const REFRESH_REGISTER = REFRESH_ON.register;

/** The city's register (city staff): accommodations, landlords, rent caps, and where
 *  households were placed against the city's housing. */
export default function Register() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const viewer = useViewer();
  const coordinator = viewer.roles.includes("CITY_COORDINATOR");
  const [{ data, error }] = useQuery({ query: RegisterQuery, variables: { on: today() }, context: REFRESH_ON.register });
  const [, createAccommodation] = useMutation(CreateAccommodation);
  const [, createLandlord] = useMutation(CreateLandlord);
  const [, addRentCap] = useMutation(AddRentCap);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="kern-body">{t("app.loading")}</p>;
  const date = (d: string | null | undefined) => (d ? formatDate(d, lang) : "–");
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("register.title")}</h1>
      <nav aria-label={t("register.sections")}>
        <ul className="ww-inline-list">
          {(["accommodations", "landlords", "caps", "segregation"] as const).map((k) => (
            <li key={k}>
              <a className="kern-link" href={`#ww-${k}`}>
                {t(`register.${k}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="ww-accommodations" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-accommodations">
          {t("register.accommodations")}
        </h2>
        <SortableTable
          label={t("register.accommodations")}
          rows={data.accommodations.nodes}
          rowKey={(a) => a.id}
          initial={{ column: "name", direction: "ascending" }}
          columns={[
            { id: "name", header: t("admin.name"), rowHeader: true, cell: (a) => a.name, sortValue: (a) => a.name },
            { id: "kind", header: t("register.kind"), cell: (a) => t(`accommodationKind.${a.kind}`), sortValue: (a) => t(`accommodationKind.${a.kind}`) },
            { id: "district", header: t("offers.district"), cell: (a) => a.district, sortValue: (a) => a.district },
            { id: "address", header: t("offers.address"), cell: (a) => `${a.street}, ${a.postalCode}` },
            { id: "capacity", header: t("register.capacity"), numeric: true, cell: (a) => a.capacity, sortValue: (a) => a.capacity },
            { id: "occupied", header: t("register.occupied"), numeric: true, cell: (a) => a.occupied, sortValue: (a) => a.occupied },
            { id: "free", header: t("register.free"), numeric: true, cell: (a) => a.freePlaces, sortValue: (a) => a.freePlaces },
          ]}
        />
        <DataTable
          caption={t("register.byDistrict")}
          captionVisible
          rows={data.occupancyByDistrict}
          rowKey={(d) => d.district}
          columns={[
            { header: t("offers.district"), rowHeader: true, cell: (d) => d.district },
            { header: t("register.places"), numeric: true, cell: (d) => d.accommodations },
            { header: t("register.capacity"), numeric: true, cell: (d) => d.capacity },
            { header: t("register.occupied"), numeric: true, cell: (d) => d.occupied },
            {
              header: t("register.utilisation"),
              numeric: true,
              cell: (d) => (d.capacity > 0 ? `${formatNumber(Math.round((1000 * d.occupied) / d.capacity) / 10, lang)} %` : "–"),
            },
          ]}
        />
        <Disclosure summary={t("register.newAccommodation")}>
          <ActionForm
            legend={t("register.newAccommodation")}
            submit={t("register.save")}
            reset
            run={(v) =>
              createAccommodation(
                {
                  input: {
                    name: v.name ?? "",
                    kind: (v.kind ?? "SHELTER") as AccommodationKind,
                    street: v.street ?? "",
                    postalCode: v.postalCode ?? "",
                    district: v.district ?? "",
                    capacity: Number(v.capacity ?? "0"),
                  },
                },
                REFRESH_REGISTER,
              )
            }
          >
            {(e) => (
              <>
                <InputField field="input.name" error={e} label={t("admin.name")} name="name" required />
                <SelectField field="input.kind" error={e} label={t("register.kind")} name="kind" options={KINDS.map((k) => ({ value: k, label: t(`accommodationKind.${k}`) }))} />
                <InputField field="input.street" error={e} label={t("register.street")} name="street" required />
                <InputField field="input.postalCode" error={e} label={t("register.postalCode")} name="postalCode" required />
                <InputField field="input.district" error={e} label={t("offers.district")} name="district" required />
                <InputField field="input.capacity" error={e} label={t("register.capacity")} name="capacity" type="number" required />
              </>
            )}
          </ActionForm>
        </Disclosure>
      </section>

      <section aria-labelledby="ww-landlords" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-landlords">
          {t("register.landlords")}
        </h2>
        <SortableTable
          label={t("register.landlords")}
          rows={data.landlords.nodes}
          rowKey={(l) => l.id}
          initial={{ column: "name", direction: "ascending" }}
          columns={[
            { id: "name", header: t("admin.name"), rowHeader: true, cell: (l) => l.name, sortValue: (l) => l.name },
            { id: "kind", header: t("register.kind"), cell: (l) => t(`landlordKind.${l.kind}`), sortValue: (l) => t(`landlordKind.${l.kind}`) },
            { id: "partner", header: t("register.partner"), cell: (l) => t(`partner.${l.partnerStatus}`), sortValue: (l) => t(`partner.${l.partnerStatus}`) },
            { id: "quota", header: t("register.quota"), numeric: true, cell: (l) => l.annualQuota ?? "–", sortValue: (l) => l.annualQuota ?? -1 },
            { id: "delivered", header: t("register.delivered"), numeric: true, cell: (l) => l.deliveredThisYear, sortValue: (l) => l.deliveredThisYear },
            { id: "contact", header: t("admin.contact"), cell: (l) => l.contact ?? "–" },
          ]}
        />
        <Disclosure summary={t("register.newLandlord")}>
          <ActionForm
            legend={t("register.newLandlord")}
            submit={t("register.save")}
            reset
            run={(v) =>
              createLandlord(
                {
                  input: {
                    name: v.name ?? "",
                    kind: (v.kind ?? "PRIVATE") as LandlordKind,
                    partnerStatus: (v.partnerStatus ?? "PROSPECT") as PartnerStatus,
                    contact: v.contact ?? null,
                    annualQuota: v.annualQuota ? Number(v.annualQuota) : null,
                  },
                },
                REFRESH_REGISTER,
              )
            }
          >
            {(e) => (
              <>
                <InputField field="input.name" error={e} label={t("admin.name")} name="name" required />
                <SelectField field="input.kind" error={e} label={t("register.kind")} name="kind" options={LANDLORD_KINDS.map((k) => ({ value: k, label: t(`landlordKind.${k}`) }))} />
                <SelectField field="input.partnerStatus" error={e} label={t("register.partner")} name="partnerStatus" options={PARTNER.map((k) => ({ value: k, label: t(`partner.${k}`) }))} />
                <InputField field="input.contact" error={e} label={t("admin.contact")} name="contact" />
                <InputField field="input.annualQuota" error={e} label={t("register.quota")} name="annualQuota" type="number" />
              </>
            )}
          </ActionForm>
        </Disclosure>
      </section>

      <section aria-labelledby="ww-caps" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-caps">
          {t("register.caps")}
        </h2>
        <DataTable
          caption={t("register.capsToday")}
          captionVisible
          rows={data.rentCaps}
          rowKey={(c) => c.id}
          columns={[
            { header: t("register.persons"), rowHeader: true, cell: (c) => c.householdSize },
            { header: t("register.maxRent"), numeric: true, cell: (c) => formatEuros(c.maxGrossColdRent, lang) },
            { header: t("register.maxSpace"), numeric: true, cell: (c) => (c.maxLivingSpace == null ? "–" : `${formatNumber(c.maxLivingSpace, lang)} m²`) },
            { header: t("register.validFrom"), cell: (c) => date(c.validFrom) },
            { header: t("register.validUntil"), cell: (c) => date(c.validUntil) },
          ]}
        />
        {coordinator && (
          <Disclosure summary={t("register.newCap")}>
            <ActionForm
              legend={t("register.newCap")}
              submit={t("register.save")}
              reset
              run={(v) =>
                addRentCap(
                  {
                    input: {
                      householdSize: Number(v.householdSize ?? "0"),
                      maxGrossColdRent: v.maxGrossColdRent ?? "",
                      maxLivingSpace: v.maxLivingSpace ? Number(v.maxLivingSpace.replace(",", ".")) : null,
                      validFrom: v.validFrom ?? "",
                      validUntil: v.validUntil ?? null,
                    },
                  },
                  REFRESH_REGISTER,
                )
              }
            >
              {(e) => (
                <>
                  <InputField field="input.householdSize" error={e} label={t("register.persons")} name="householdSize" type="number" required />
                  <InputField field="input.maxGrossColdRent" error={e} label={t("register.maxRent")} name="maxGrossColdRent" required hint={t("matches.amountHint")} />
                  <InputField field="input.maxLivingSpace" error={e} label={t("register.maxSpace")} name="maxLivingSpace" />
                  <InputField field="input.validFrom" error={e} label={t("register.validFrom")} name="validFrom" type="date" required defaultValue={today()} />
                  <InputField field="input.validUntil" error={e} label={t("register.validUntil")} name="validUntil" type="date" />
                </>
              )}
            </ActionForm>
          </Disclosure>
        )}
      </section>

      <Segregation coordinator={coordinator} />
    </div>
  );
}

function yearAgo(): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() - 1);
  return isoDate(d);
}

function Segregation({ coordinator }: { coordinator: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [range, setRange] = useState({ from: yearAgo(), to: today() });
  const [{ data, error }, refetch] = useQuery({ query: SegregationQuery, variables: range });
  const [, setStock] = useMutation(HousingStock);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = values(e.currentTarget);
    setRange({ from: v.from ?? range.from, to: v.to ?? range.to });
  };
  const pct = (n: number) => `${formatNumber(Math.round(n * 1000) / 10, lang)} %`;
  const rows = (data?.segregationIndicator ?? []).map((r) => ({
    key: r.district,
    label: r.district,
    first: r.placementShare,
    second: r.housingShare,
    flagged: r.clustering,
  }));
  return (
    <section aria-labelledby="ww-segregation" className="ww-stack">
      <h2 className="kern-heading-medium" id="ww-segregation">
        {t("register.segregation")}
      </h2>
      <p className="kern-body">{t("register.segregationIntro")}</p>
      <form className="ww-filters" onSubmit={submit} aria-label={t("register.period")}>
        <InputField field="from" label={t("register.from")} name="from" type="date" required defaultValue={range.from} />
        <InputField field="to" label={t("register.to")} name="to" type="date" required defaultValue={range.to} />
        <Button>{t("households.apply")}</Button>
      </form>
      {error && <ErrorNote error={error} />}
      {data && rows.length === 0 && <p className="kern-body">{t("register.noPlacements")}</p>}
      {data && rows.length > 0 && (
        <>
          <ShareChart
            title={t("register.segregationChart")}
            rows={rows}
            firstLabel={t("register.placementShare")}
            secondLabel={t("register.housingShare")}
            lang={lang}
            alt={(r) =>
              t("register.segregationAlt", { district: r.label, placements: pct(r.first), housing: pct(r.second) }) +
              (r.flagged ? ` ${t("register.clustering")}` : "")
            }
          />
          <DataTable
            caption={t("register.segregationChart")}
            rows={data.segregationIndicator}
            rowKey={(r) => r.district}
            columns={[
              { header: t("offers.district"), rowHeader: true, cell: (r) => r.district },
              { header: t("register.placements"), numeric: true, cell: (r) => r.placements },
              { header: t("register.placementShare"), numeric: true, cell: (r) => pct(r.placementShare) },
              { header: t("register.dwellings"), numeric: true, cell: (r) => r.dwellings },
              { header: t("register.housingShare"), numeric: true, cell: (r) => pct(r.housingShare) },
              { header: t("register.ratio"), numeric: true, cell: (r) => (r.ratio == null ? "–" : formatNumber(r.ratio, lang)) },
              { header: t("register.clusteringCol"), cell: (r) => (r.clustering ? t("register.clustering") : t("common.no")) },
            ]}
          />
        </>
      )}
      {coordinator && (
        <Disclosure summary={t("register.stock")}>
          <ActionForm
            legend={t("register.stock")}
            submit={t("register.save")}
            reset
            run={async (v) => {
              const r = await setStock({ district: v.district ?? "", dwellings: Number(v.dwellings ?? "-1") });
              if (!r.error) refetch({ requestPolicy: "network-only" });
              return r;
            }}
          >
            {(e) => (
              <>
                <InputField field="district" error={e} label={t("offers.district")} name="district" required />
                <InputField field="dwellings" error={e} label={t("register.dwellingsCount")} name="dwellings" type="number" required hint={t("register.stockHint")} />
              </>
            )}
          </ActionForm>
        </Disclosure>
      )}
    </section>
  );
}

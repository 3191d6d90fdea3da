// The GraphQL client: urql, POST only, with the session's CSRF token on every
// request. Operations are typed by graphql-codegen (src/gql) and sent as trusted
// documents: only their hash from the build's manifest, never the text. An expired
// session sends the user to sign-in, keeping the page they were on.
import { persistedExchange } from "@urql/exchange-persisted";
import { Client, type CombinedError, cacheExchange, fetchExchange, mapExchange } from "urql";

import type { Session } from "./session";

export function client(session: Session): Client {
  return new Client({
    url: "/graphql",
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error) {
          if (errorCode(error) === "UNAUTHENTICATED") toSignIn();
        },
      }),
      cacheExchange,
      persistedExchange({
        enforcePersistedQueries: true,
        // POST, like every other request: the CSRF token travels in a header either way.
        preferGetForPersistedQueries: false,
        enableForMutation: true,
        generateHash: async (_, document) => (document as { __meta__?: { hash?: string } }).__meta__?.hash ?? "",
      }),
      fetchExchange,
    ],
    fetchOptions: () => ({
      credentials: "same-origin",
      headers: { "x-csrf-token": session.csrfToken },
    }),
  });
}

/** To sign-in, coming back to this page afterwards. */
export function toSignIn() {
  const here = window.location.pathname + window.location.search;
  window.location.assign(`/signin?next=${encodeURIComponent(here)}`);
}

/** The `extensions.code` of the first GraphQL error, or `network`. */
export function errorCode(e: CombinedError): string {
  if (e.networkError) return "network";
  const code = e.graphQLErrors[0]?.extensions?.code;
  return typeof code === "string" ? code : "generic";
}

/** The input field the first error names (`extensions.field`), if any. */
export function errorField(e: CombinedError | undefined): string | undefined {
  const f = e?.graphQLErrors[0]?.extensions?.field;
  return typeof f === "string" ? f : undefined;
}

/** The server's own words for a bad input (English, shown beside the German note). */
export function errorDetail(e: CombinedError | undefined): string | undefined {
  return e?.graphQLErrors[0]?.message;
}

/** A day as `YYYY-MM-DD` in the browser's time zone. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Today as `YYYY-MM-DD` in the browser's time zone. */
export function today(): string {
  return isoDate(new Date());
}

/** Query contexts (constant: urql re-runs a query whose context object changes). */
export const REFRESH_ON = {
  guarantee: { additionalTypenames: ["Guarantee"] },
  match: { additionalTypenames: ["Match"] },
  // The household page: lists that may be empty still refresh when one is added.
  casework: {
    additionalTypenames: [
      "ReadinessAssessment", "CounsellingSession", "Goal", "Consent", "CarrierAssignment", "FollowUp", "Match", "Guarantee",
    ],
  },
  register: { additionalTypenames: ["Accommodation", "Landlord", "RentCap"] },
  // A programme's change also changes the coordinator's worklist warnings.
  programmes: { additionalTypenames: ["Programme", "FundingSource", "Position", "ProgrammeTarget", "ProgrammeWarning"] },
  learning: {
    additionalTypenames: ["Course", "CourseRun", "CourseRunDetail", "CourseParticipant", "Certificate", "CourseTemplate", "SigningKey"],
  },
};

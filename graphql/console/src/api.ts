// The GraphQL client: urql, POST only, with the session's CSRF token on every
// request. Operations are typed by graphql-codegen (src/gql) and sent as trusted
// documents: only their hash from the build's manifest, never the text.
import { persistedExchange } from "@urql/exchange-persisted";
import { Client, cacheExchange, fetchExchange, type CombinedError } from "urql";

import type { Session } from "./session";

export function client(session: Session): Client {
  return new Client({
    url: "/graphql",
    preferGetMethod: false,
    exchanges: [
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

/** The `extensions.code` of the first GraphQL error, or `network`. */
export function errorCode(e: CombinedError): string {
  if (e.networkError) return "network";
  const code = e.graphQLErrors[0]?.extensions?.code;
  return typeof code === "string" ? code : "generic";
}

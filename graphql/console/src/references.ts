// Households' references for lists that know only their ids (matches, guarantee
// requests): one `nodes` request for all of them, within the caller's reach.
import { useQuery } from "urql";

import { graphql } from "./gql";

const ReferencesQuery = graphql(`
  query ConsoleReferences($ids: [ID!]!) {
    nodes(ids: $ids) { id ... on Household { reference } }
  }
`);

/** Reference by household id ("…" until it has loaded). */
export function useReferences(ids: readonly string[]): (id: string) => string {
  const unique = [...new Set(ids)];
  const [{ data }] = useQuery({ query: ReferencesQuery, variables: { ids: unique }, pause: unique.length === 0 });
  const byId = new Map<string, string>();
  for (const n of data?.nodes ?? []) if (n && n.__typename === "Household") byId.set(n.id, n.reference);
  return (id) => byId.get(id) ?? "…";
}

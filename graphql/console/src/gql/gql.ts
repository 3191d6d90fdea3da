/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConsoleHousehold($id: ID!) {\n    household(id: $id) {\n      id reference state stateSince size readiness carrier { name }\n      members { id givenName familyName relation }\n    }\n  }\n": typeof types.ConsoleHouseholdDocument,
    "\n  query ConsoleHouseholds($first: Int!, $after: String, $filter: HouseholdFilterInput) {\n    households(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id reference state size readiness carrier { name } } }\n    }\n  }\n": typeof types.ConsoleHouseholdsDocument,
    "\n  query ConsoleWorklist {\n    worklist {\n      followUps { ...Item }\n      overdueSteps { ...Item }\n      incomingTransfers { ...Item }\n      permitsExpiring { ...Item }\n      benefitSwitches { ...Item }\n      inCoaching { ...Item }\n      guaranteeRequests { id householdId kind amount }\n      scheduledMoves { id householdId moveInOn }\n    }\n  }\n  fragment Item on WorkItem { householdId reference on overdue detail subjectId }\n": typeof types.ConsoleWorklistDocument,
};
const documents: Documents = {
    "\n  query ConsoleHousehold($id: ID!) {\n    household(id: $id) {\n      id reference state stateSince size readiness carrier { name }\n      members { id givenName familyName relation }\n    }\n  }\n": types.ConsoleHouseholdDocument,
    "\n  query ConsoleHouseholds($first: Int!, $after: String, $filter: HouseholdFilterInput) {\n    households(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id reference state size readiness carrier { name } } }\n    }\n  }\n": types.ConsoleHouseholdsDocument,
    "\n  query ConsoleWorklist {\n    worklist {\n      followUps { ...Item }\n      overdueSteps { ...Item }\n      incomingTransfers { ...Item }\n      permitsExpiring { ...Item }\n      benefitSwitches { ...Item }\n      inCoaching { ...Item }\n      guaranteeRequests { id householdId kind amount }\n      scheduledMoves { id householdId moveInOn }\n    }\n  }\n  fragment Item on WorkItem { householdId reference on overdue detail subjectId }\n": types.ConsoleWorklistDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleHousehold($id: ID!) {\n    household(id: $id) {\n      id reference state stateSince size readiness carrier { name }\n      members { id givenName familyName relation }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleHousehold($id: ID!) {\n    household(id: $id) {\n      id reference state stateSince size readiness carrier { name }\n      members { id givenName familyName relation }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleHouseholds($first: Int!, $after: String, $filter: HouseholdFilterInput) {\n    households(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id reference state size readiness carrier { name } } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleHouseholds($first: Int!, $after: String, $filter: HouseholdFilterInput) {\n    households(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id reference state size readiness carrier { name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWorklist {\n    worklist {\n      followUps { ...Item }\n      overdueSteps { ...Item }\n      incomingTransfers { ...Item }\n      permitsExpiring { ...Item }\n      benefitSwitches { ...Item }\n      inCoaching { ...Item }\n      guaranteeRequests { id householdId kind amount }\n      scheduledMoves { id householdId moveInOn }\n    }\n  }\n  fragment Item on WorkItem { householdId reference on overdue detail subjectId }\n"): (typeof documents)["\n  query ConsoleWorklist {\n    worklist {\n      followUps { ...Item }\n      overdueSteps { ...Item }\n      incomingTransfers { ...Item }\n      permitsExpiring { ...Item }\n      benefitSwitches { ...Item }\n      inCoaching { ...Item }\n      guaranteeRequests { id householdId kind amount }\n      scheduledMoves { id householdId moveInOn }\n    }\n  }\n  fragment Item on WorkItem { householdId reference on overdue detail subjectId }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
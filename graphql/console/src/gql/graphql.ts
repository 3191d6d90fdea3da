/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Kind of accommodation. */
export type AccommodationKind =
  | 'CITY_RENTED_FLAT'
  | 'EMERGENCY'
  | 'SHELTER';

/** Benefit framework (Rechtskreis). */
export type BenefitFramework =
  | 'ASYLBLG'
  | 'NONE'
  | 'OTHER'
  | 'SGB2'
  | 'SGB12';

/** Case state. */
export type CaseState =
  | 'ACTIVE'
  | 'AFTERCARE'
  | 'CLOSED'
  | 'CONTACT_LOST'
  | 'INTAKE'
  | 'MOVED_OUT'
  | 'OFFER_IN_PROGRESS'
  | 'PAUSED'
  | 'SEARCHING';

/** What the city guarantees. */
export type GuaranteeKind =
  | 'DEPOSIT'
  | 'RELEASE'
  | 'RENT_ASSUMPTION'
  | 'SECURITY_GUARANTEE';

/** Filters of the household list. */
export type HouseholdFilterInput = {
  /** Living now in a place of this kind. */
  accommodationKind?: AccommodationKind | null | undefined;
  /** A member is on this benefit framework (audited). */
  benefitFramework?: BenefitFramework | null | undefined;
  /** A member's benefit framework changes between today and this day (audited). */
  benefitSwitchBefore?: string | null | undefined;
  /** Assigned carrier. */
  carrierId?: string | number | null | undefined;
  /** An open aftercare follow-up falls due on or before this day. */
  followUpDueBefore?: string | null | undefined;
  /** In tenancy coaching (or, with false, not). */
  inTenancyCoaching?: boolean | null | undefined;
  /**
   * Only the caller's own cases (city: the responsible city caseworker; carrier: the
   * carrier's caseworker).
   */
  mine?: boolean | null | undefined;
  /** A member's residence permit expires on or before this day (YYYY-MM-DD; audited). */
  permitExpiresBefore?: string | null | undefined;
  /** Latest readiness level. */
  readiness?: ReadinessLevel | null | undefined;
  /** Exact reference. */
  reference?: string | null | undefined;
  /** A member has this residence status (audited as a read of residence data). */
  residenceStatus?: ResidenceStatus | null | undefined;
  /** Name or reference words; umlaut-tolerant (Müller = Mueller = muller). */
  search?: string | null | undefined;
  /** Case state. */
  state?: CaseState | null | undefined;
};

/** Overall housing readiness (Wohnfähigkeit). */
export type ReadinessLevel =
  | 'NOT_READY'
  | 'READY'
  | 'READY_WITH_SUPPORT';

/** Relation to the head of the household. */
export type Relation =
  | 'CHILD'
  | 'HEAD'
  | 'OTHER'
  | 'PARENT'
  | 'PARTNER'
  | 'SIBLING';

/** Residence prospects (Bleibeperspektive). */
export type ResidenceStatus =
  | 'ASYLUM_PENDING'
  | 'DEPORTATION_BAN'
  | 'EU_CITIZEN'
  | 'OTHER'
  | 'RECOGNISED_REFUGEE'
  | 'SETTLED'
  | 'SUBSIDIARY_PROTECTION'
  | 'TEMPORARY_PROTECTION'
  | 'TOLERATION';

export type ConsoleHouseholdQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleHouseholdQuery = { __typename: 'Query', household: { __typename: 'Household', id: string, reference: string, state: CaseState, stateSince: string, size: number, readiness: ReadinessLevel | null, carrier: { __typename: 'Carrier', name: string } | null, members: Array<{ __typename: 'Person', id: string, givenName: string, familyName: string, relation: Relation }> } };

export type ConsoleHouseholdsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: HouseholdFilterInput | null | undefined;
}>;


export type ConsoleHouseholdsQuery = { __typename: 'Query', households: { __typename: 'HouseholdConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'HouseholdEdge', node: { __typename: 'Household', id: string, reference: string, state: CaseState, size: number, readiness: ReadinessLevel | null, carrier: { __typename: 'Carrier', name: string } | null } }> } };

export type ConsoleWorklistQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleWorklistQuery = { __typename: 'Query', worklist: { __typename: 'Worklist', followUps: Array<{ __typename: 'WorkItem', householdId: string, reference: string, on: string, overdue: boolean, detail: string, subjectId: string }>, overdueSteps: Array<{ __typename: 'WorkItem', householdId: string, reference: string, on: string, overdue: boolean, detail: string, subjectId: string }>, incomingTransfers: Array<{ __typename: 'WorkItem', householdId: string, reference: string, on: string, overdue: boolean, detail: string, subjectId: string }>, permitsExpiring: Array<{ __typename: 'WorkItem', householdId: string, reference: string, on: string, overdue: boolean, detail: string, subjectId: string }>, benefitSwitches: Array<{ __typename: 'WorkItem', householdId: string, reference: string, on: string, overdue: boolean, detail: string, subjectId: string }>, inCoaching: Array<{ __typename: 'WorkItem', householdId: string, reference: string, on: string, overdue: boolean, detail: string, subjectId: string }>, guaranteeRequests: Array<{ __typename: 'Guarantee', id: string, householdId: string, kind: GuaranteeKind, amount: string }>, scheduledMoves: Array<{ __typename: 'ScheduledMove', id: string, householdId: string, moveInOn: string }> } };

export type ItemFragment = { __typename: 'WorkItem', householdId: string, reference: string, on: string, overdue: boolean, detail: string, subjectId: string };

export const ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"householdId"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"on"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}}]}}]} as unknown as DocumentNode<ItemFragment, unknown>;
export const ConsoleHouseholdDocument = {"__meta__":{"hash":"sha256:e43e0ad0c8a0ca10c13f5696615709f830079fb628cdddda9172ba912744f961"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleHousehold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"household"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateSince"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"readiness"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleHouseholdQuery, ConsoleHouseholdQueryVariables>;
export const ConsoleHouseholdsDocument = {"__meta__":{"hash":"sha256:d88f9d004ccafe56321bd2a6ab32a7b83dc6af0c31ed511d93789114165a14e1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleHouseholds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HouseholdFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"households"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"readiness"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleHouseholdsQuery, ConsoleHouseholdsQueryVariables>;
export const ConsoleWorklistDocument = {"__meta__":{"hash":"sha256:e79cc54ed43fd06a5e9a0e0ccd8f43e72af9153e24f58885be4b4154ee34718f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleWorklist"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"worklist"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Item"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overdueSteps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Item"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incomingTransfers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Item"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permitsExpiring"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Item"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefitSwitches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Item"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inCoaching"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Item"}}]}},{"kind":"Field","name":{"kind":"Name","value":"guaranteeRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scheduledMoves"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdId"}},{"kind":"Field","name":{"kind":"Name","value":"moveInOn"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"householdId"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"on"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}}]}}]} as unknown as DocumentNode<ConsoleWorklistQuery, ConsoleWorklistQueryVariables>;
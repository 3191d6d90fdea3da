// Why personal data is read (the API's AccessPurpose), in the order the console offers them.
import type { AccessPurpose } from "./gql/graphql";

export const PURPOSES: readonly AccessPurpose[] = [
  "CASE_WORK", "TRANSFER_REVIEW", "SUPERVISION", "DATA_SUBJECT_REQUEST", "LEGAL_OBLIGATION",
];

// Who is signed in, and what their roles let the console show. Pages a role may not
// use are absent from the navigation and their routes answer "not available"; the
// API refuses them either way.
import { createContext, useContext } from "react";

import type { Role } from "./gql/graphql";

export type Viewer = { id: string; displayName: string; roles: readonly Role[]; organisation: string | null };

export const ViewerContext = createContext<Viewer>({ id: "", displayName: "", roles: [], organisation: null });

export function useViewer(): Viewer {
  return useContext(ViewerContext);
}

const CASEWORK: Role[] = ["CITY_CASEWORKER", "CITY_COORDINATOR", "CARRIER_CASEWORKER"];
const CITY_STAFF: Role[] = ["CITY_CASEWORKER", "CITY_COORDINATOR"];

/** The console's areas, and who may use each. */
export const AREAS = {
  worklist: CASEWORK,
  households: CASEWORK,
  offers: CASEWORK,
  courses: CASEWORK,
  programmes: CASEWORK,
  reports: CASEWORK,
  catalogue: ["PLATFORM_OPERATOR"] as Role[],
  approvals: ["CITY_COORDINATOR"] as Role[],
  register: CITY_STAFF,
  transfers: ["CARRIER_CASEWORKER", "CARRIER_ADMIN"] as Role[],
  cityStaff: CITY_STAFF,
  benchmark: ["STATE_OFFICER", "CITY_COORDINATOR", "CITY_CASEWORKER", "CITY_ADMIN"] as Role[],
  admin: ["CITY_ADMIN", "CARRIER_ADMIN"] as Role[],
  audit: ["CITY_ADMIN"] as Role[],
};

export function may(viewer: Viewer, area: keyof typeof AREAS): boolean {
  return viewer.roles.some((r) => AREAS[area].includes(r));
}

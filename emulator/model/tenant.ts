/**
 * The tenant the emulator holds, in the shape `GET/PUT /_emulator/state` and the `--data` file carry:
 * flow sets with their flows inline; values stored as the service keeps them (role groups by id,
 * passwords as salted hashes, reference codes normalized, no annotations).
 */
import { FlowKind } from "../schemas/edm";

/** A role group (`GET /external/industryData/roleGroups`). */
export interface RoleGroup {
  id: string;
  displayName: string;
  roles: { code: string }[];
}

/** A provisioning flow as stored; its kind's properties sit beside the base ones. */
export interface StoredFlow {
  id: string;
  kind: FlowKind;
  createdDateTime: string;
  lastModifiedDateTime: string;
  readinessStatus?: string | null;
  [property: string]: unknown;
}

/** A flow set as stored, with its flows. */
export interface StoredFlowSet {
  id: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  displayName: string;
  filter?: Record<string, unknown> | null;
  flows: StoredFlow[];
}

/** The whole tenant. */
export interface TenantState {
  version: 1;
  roleGroups: RoleGroup[];
  flowSets: StoredFlowSet[];
}

/** Staff roles seen in Graph's examples (reference §2.4). */
export const staffRoleCodes = [
  "adjunct", "administrator", "advisor", "affiliate", "aide", "alumni", "assistant", "chair", "coach", "faculty",
  "instructor", "itAdmin", "lecturer", "nurse", "occupationalTherapist", "officeStaff", "paraprofessional",
  "physicalTherapist", "principal", "proctor", "professor", "researcher", "specialServices", "speechTherapist",
  "staff", "substitute", "teacher", "teacherAssistant", "visionTherapist",
];

/** The built-in role groups every tenant has. */
export function builtInRoleGroups(): RoleGroup[] {
  return [
    { id: "staff", displayName: "Staff", roles: staffRoleCodes.map((code) => ({ code })) },
    { id: "students", displayName: "Students", roles: [{ code: "student" }] },
  ];
}

/** A new, empty tenant (built-in role groups, no flow sets). */
export function emptyTenant(): TenantState {
  return { version: 1, roleGroups: builtInRoleGroups(), flowSets: [] };
}

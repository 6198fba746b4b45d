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

/**
 * An inbound entity as stored (source system, connector, year, inbound flow): its properties in stored shape,
 * `kind` for the polymorphic collections, bindings as `<navigation>Id`.
 */
export interface StoredEntity {
  id: string;
  kind?: string;
  [property: string]: unknown;
}

/** A reference definition as stored (built-in or tenant-defined). */
export interface StoredReferenceDefinition {
  id: string;
  code: string;
  referenceType: string;
  displayName?: string | null;
  isDisabled: boolean;
  sortIndex: number;
  source: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

/** A publicError as Graph answers it in operations and runs. */
export interface PublicError {
  code: string;
  message: string;
  target?: string | null;
  details?: { code: string; message: string; target?: string | null }[];
  innerError?: null;
}

/** What a validation found, applied when it completes on the emulator's clock. */
export interface OperationOutcome {
  status: "succeeded" | "failed";
  errors: PublicError[];
  warnings: PublicError[];
  validatedFiles?: string[];
  /** An API connector's credential check. */
  credentialValid?: boolean;
}

/** A long-running operation started by a connector's `validate` action. */
export interface StoredOperation {
  id: string;
  kind: "validateOperation" | "fileValidateOperation";
  /** The connector validated. */
  dataConnectorId: string;
  createdDateTime: string;
  lastActionDateTime: string;
  status: "notStarted" | "running" | "succeeded" | "failed";
  statusDetail?: string | null;
  /** Emulated times it starts running and completes (an operation without them completes when read). */
  runningAt?: string;
  completesAt?: string;
  /** The result waiting for `completesAt`; removed once applied. */
  outcome?: OperationOutcome;
  /** Older documents counted polls; ignored. */
  polls?: number;
  errors: PublicError[];
  warnings: PublicError[];
  validatedFiles?: string[];
}

/** A CSV connector's upload session (never its SAS: that is signed anew on each getUploadSession). */
export interface StoredUploadSession {
  dataConnectorId: string;
  containerId: string;
  createdDateTime: string;
  sessionExpirationDateTime: string;
  containerExpirationDateTime: string;
}

/** What one file validation read (its id is the operation's); a run processes the latest clean one. */
export interface StoredDataset {
  id: string;
  dataConnectorId: string;
  /** Set when the validation completed without errors: from then on runs may process it. */
  validatedDateTime?: string | null;
  orgIds: string[];
  classIds: string[];
  membershipKeys: string[];
  people: { sourcedId: string; roles: string[]; identifiers: Record<string, string> }[];
  warnings: number;
}

/** `{ active, inactive, total }` of an entity kind in a run. */
export interface EntityCount {
  active: number;
  inactive: number;
  total: number;
}

/** Counts of one activity (inboundActivityResults) or of a run's inbound totals. */
export interface RunCounts {
  errors: number;
  warnings: number;
  organizations: EntityCount;
  people: EntityCount;
  groups: EntityCount;
  memberships: EntityCount;
  matchedPeopleByRole: { role: string; count: number }[];
  unmatchedPeopleByRole: { role: string; count: number }[];
}

/** One activity of a run (an inbound flow's part). */
export interface StoredRunActivity {
  id: string;
  /** The inbound flow it runs. */
  flowId: string;
  displayName: string;
  /** `inProgress` until the run completes. */
  status: string;
  blockingError: PublicError | null;
  /** What it will report, applied when the run completes. */
  outcome: { status: string; blockingError: PublicError | null; counts: RunCounts };
  /** The dataset it processed (file flows), and so what the flow's next run compares against. */
  datasetId?: string | null;
  /** Ids it processed, by kind (for the next run's inactive counts). */
  processed?: { orgIds: string[]; personIds: string[]; classIds: string[]; membershipKeys: string[] } | null;
}

/** A run of the inbound flows. */
export interface StoredRun {
  id: string;
  displayName: string;
  startDateTime: string;
  /** Emulated time it completes. */
  completesAt: string;
  endDateTime: string | null;
  status: string;
  blockingError: PublicError | null;
  /** Planted through the admin API (tests). */
  planted?: boolean;
  activities: StoredRunActivity[];
  /** What the run will report once complete. */
  outcome: { status: string; blockingError: PublicError | null };
  /** Planted runs' inbound totals (others sum their activities). */
  totals?: Partial<Omit<RunCounts, "organizations" | "people" | "groups" | "memberships">> & { organizations?: number; people?: number; groups?: number; memberships?: number };
}

/** A user of the emulated Entra directory, for runs' user matching. */
export interface EntraUser {
  userPrincipalName: string;
  mail?: string | null;
  mailNickname?: string | null;
  employeeId?: string | null;
}

/** The inbound collections, in the order their entities depend on each other. */
export const INBOUND_COLLECTIONS = ["sourceSystems", "dataConnectors", "years", "inboundFlows"] as const;
export type InboundCollection = (typeof INBOUND_COLLECTIONS)[number];

/** The whole tenant. */
export interface TenantState {
  version: 1;
  roleGroups: RoleGroup[];
  flowSets: StoredFlowSet[];
  sourceSystems: StoredEntity[];
  dataConnectors: StoredEntity[];
  years: StoredEntity[];
  inboundFlows: StoredEntity[];
  referenceDefinitions: StoredReferenceDefinition[];
  operations: StoredOperation[];
  uploadSessions: StoredUploadSession[];
  datasets: StoredDataset[];
  runs: StoredRun[];
  entraUsers: EntraUser[];
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

/** `createdDateTime` of built-in reference definitions, as Graph shows them (reference §2.7). */
export const BUILT_IN_TIMESTAMP = "0001-01-01T00:00:00Z";

/** The `source` of a definition a tenant created. */
export const TENANT_DEFINED = "Tenant Defined";

/**
 * The emulator's built-in reference definitions: the codes the inbound configuration refers to (identifier
 * types, match targets, file formats, academic years) plus a few of the extensible types. Graph's own
 * catalogue is larger and undocumented as a whole; these are the codes its docs and examples use.
 */
export function builtInReferenceDefinitions(): StoredReferenceDefinition[] {
  const out: StoredReferenceDefinition[] = [];
  const add = (referenceType: string, source: string, codes: [string, string][]) =>
    codes.forEach(([code, displayName], i) =>
      out.push({
        id: `${referenceType}-${code}`, code, referenceType, displayName, isDisabled: false, sortIndex: (i + 1) * 10,
        source, createdDateTime: BUILT_IN_TIMESTAMP, lastModifiedDateTime: BUILT_IN_TIMESTAMP,
      }),
    );
  add("RefIdentifierType", "Microsoft", [["username", "Username"], ["email", "Email"], ["sourcedId", "Sourced id"], ["activeDirectoryMatchId", "Active Directory match id"]]);
  add("RefUserMatchTarget", "Microsoft", [["userPrincipalName", "User principal name"], ["mail", "Mail"], ["mailNickname", "Mail nickname"], ["employeeId", "Employee id"]]);
  add("RefFileFormat", "Microsoft", [["schoolDataSyncV1", "School Data Sync v1"], ["schoolDataSyncV2Rev1", "School Data Sync v2.1"]]);
  add("RefAcademicYear", "Microsoft", Array.from({ length: 21 }, (_, i) => [String(2015 + i), `${2015 + i}`] as [string, string]));
  add("RefGradeLevel", "CEDS", [["PK", "Prekindergarten"], ["KG", "Kindergarten"], ...Array.from({ length: 12 }, (_, i) => [String(i + 1).padStart(2, "0"), `Grade ${i + 1}`] as [string, string])]);
  add("RefOrgType", "IMS Global", [["district", "District"], ["school", "School"], ["department", "Department"]]);
  add("RefRole", "IMS Global", [...staffRoleCodes, "student"].map((c) => [c, c] as [string, string]));
  return out;
}

/** A new, empty tenant (built-in role groups and reference definitions, nothing else). */
export function emptyTenant(): TenantState {
  return {
    version: 1, roleGroups: builtInRoleGroups(), flowSets: [],
    sourceSystems: [], dataConnectors: [], years: [], inboundFlows: [],
    referenceDefinitions: builtInReferenceDefinitions(), operations: [],
    uploadSessions: [], datasets: [], runs: [], entraUsers: [],
  };
}

/**
 * The export's server JSON -> arguments mapping, table-driven: each case is a flow (or set) as Graph returns
 * it and the arguments the exported program must declare. Every case is also checked against the provider's
 * own rules: the arguments pass `validateInputs`, adopting with them sends no PATCH, and they are the inverse
 * of the create body (args -> POST body -> declared form gives the args back).
 */
import { flowSetToArgs, flowToArgs, SecretReference, type PasswordMode } from "../../provider/cli/serverToArgs";
import { buildCreateBody, buildPatchBody, toDeclaredForm } from "../../provider/reconcile";
import { validateInputs, type ResourceKind } from "../../provider/schema";

const NS = "#microsoft.graph.industryData.";
const SET = "9ab41255-5364-4c53-e15c-08dc4ab6ee03";
const ENDPOINT = "https://graph.microsoft.com/beta";
const MASK = "***************";

const readOnly = {
  id: "dbd36d16-c574-4ed8-3ac7-08dc4ac6fb7f",
  createdDateTime: "2024-03-25T21:55:03.495336Z",
  lastModifiedDateTime: "2024-03-26T08:00:00.1234567Z",
  readinessStatus: "disabled",
};

function expandedRoleGroup(id: string): Record<string, unknown> {
  return {
    "roleGroup@odata.context": `${ENDPOINT}/$metadata#…/creationOptions/configurations/roleGroup/$entity`,
    roleGroup: { id, displayName: id === "staff" ? "Staff" : "Students", roles: [{ code: id === "staff" ? "teacher" : "student" }] },
  };
}

const maskedPassword = { "@odata.type": `${NS}simplePasswordSettings`, password: MASK };

/** A user flow as GET returns it (seed 003's shape, read back). */
function userFlow(additionalOptions: Record<string, unknown> = { studentAgeGroup: "minor", allowStudentContactAssociation: true }) {
  return {
    "@odata.context": `${ENDPOINT}/$metadata#…/provisioningFlows/$entity`,
    "@odata.type": `${NS}userProvisioningFlow`,
    ...readOnly,
    createUnmatchedUsers: true,
    managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions },
    creationOptions: {
      configurations: [
        { defaultPasswordSettings: maskedPassword, licenseSkus: ["SkuUpdated"], ...expandedRoleGroup("staff") },
        { defaultPasswordSettings: maskedPassword, licenseSkus: ["SkuUpdated2"], ...expandedRoleGroup("students") },
      ],
    },
  };
}

/** userFlow()'s configurations as exported without password settings (--passwords omit). */
function configurationsWithoutPasswords(): Record<string, unknown>[] {
  return [
    { roleGroupId: "staff", licenseSkus: ["SkuUpdated"] },
    { roleGroupId: "students", licenseSkus: ["SkuUpdated2"] },
  ];
}

/**
 * The arguments a userFlow() read exports to: adopted by its id, with its createUnmatchedUsers and attributes,
 * and the configurations and additionalOptions the case expects (fresh objects, never the server fixture's).
 */
function userFlowArgs(options: {
  configurations: Record<string, unknown>[];
  additionalOptions?: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    flowSetId: SET,
    flowId: readOnly.id,
    createUnmatchedUsers: true,
    creationOptions: { configurations: options.configurations },
    managementOptions: {
      additionalAttributes: ["userGradeLevel"],
      additionalOptions: options.additionalOptions ?? { studentAgeGroup: "minor", allowStudentContactAssociation: true },
    },
  };
}

interface FlowCase {
  name: string;
  server: Record<string, unknown>;
  passwords?: PasswordMode;
  kind: ResourceKind;
  args: Record<string, unknown>;
  passwordRoleGroups?: string[];
  notes?: RegExp[];
}

const flowCases: FlowCase[] = [
  {
    name: "user flow: roleGroup expanded becomes roleGroupId, masked password becomes a config reference, read-only fields dropped",
    server: userFlow(),
    kind: "user",
    args: userFlowArgs({
      configurations: [
        { roleGroupId: "staff", defaultPasswordSettings: { password: new SecretReference("password", "staff") }, licenseSkus: ["SkuUpdated"] },
        { roleGroupId: "students", defaultPasswordSettings: { password: new SecretReference("password", "students") }, licenseSkus: ["SkuUpdated2"] },
      ],
    }),
    passwordRoleGroups: ["staff", "students"],
  },
  {
    name: "user flow with --passwords omit: defaultPasswordSettings left out, the mask never exported",
    server: userFlow(),
    passwords: "omit",
    kind: "user",
    args: userFlowArgs({ configurations: configurationsWithoutPasswords() }),
    passwordRoleGroups: [],
  },
  {
    name: "studentAgeGroup null (age-group enforcement off) and other nulls are kept as null",
    server: {
      "@odata.type": `${NS}userProvisioningFlow`,
      ...readOnly,
      createUnmatchedUsers: null,
      managementOptions: { additionalAttributes: [], additionalOptions: { studentAgeGroup: null, allowStudentContactAssociation: null } },
      creationOptions: { configurations: [{ defaultPasswordSettings: null, licenseSkus: [], ...expandedRoleGroup("staff") }] },
    },
    kind: "user",
    args: {
      flowSetId: SET,
      flowId: readOnly.id,
      createUnmatchedUsers: null,
      creationOptions: { configurations: [{ roleGroupId: "staff", defaultPasswordSettings: null, licenseSkus: [] }] },
      managementOptions: { additionalAttributes: [], additionalOptions: { studentAgeGroup: null, allowStudentContactAssociation: null } },
    },
    passwordRoleGroups: [],
  },
  {
    name: "deprecated markAllStudentsAsMinors is not exported, and a value other than null is noted",
    server: userFlow({ markAllStudentsAsMinors: true, allowStudentContactAssociation: false }),
    passwords: "omit",
    kind: "user",
    args: userFlowArgs({ configurations: configurationsWithoutPasswords(), additionalOptions: { allowStudentContactAssociation: false } }),
    notes: [/markAllStudentsAsMinors was true: deprecated/],
  },
  {
    name: "a 200 PATCH echo carrying roleGroup@odata.bind instead of the expanded roleGroup still yields roleGroupId",
    server: {
      "@odata.type": `${NS}userProvisioningFlow`,
      ...readOnly,
      managementOptions: { additionalOptions: { studentAgeGroup: "adult" } },
      creationOptions: { configurations: [{ "roleGroup@odata.bind": `${ENDPOINT}/external/industryData/roleGroups/students`, licenseSkus: ["A"] }] },
    },
    kind: "user",
    args: {
      flowSetId: SET,
      flowId: readOnly.id,
      creationOptions: { configurations: [{ roleGroupId: "students", licenseSkus: ["A"] }] },
      managementOptions: { additionalOptions: { studentAgeGroup: "adult" } },
    },
  },
  {
    name: "class-group flow: nested @odata.type annotations dropped, mapping codes kept as read",
    server: {
      "@odata.type": `${NS}classGroupProvisioningFlow`,
      ...readOnly,
      configuration: {
        "@odata.type": `${NS}classGroupConfiguration`,
        additionalAttributes: ["courseTitle", "courseCode"],
        additionalOptions: { "@odata.type": `${NS}additionalClassGroupOptions`, createTeam: false, writeDisplayNameOnCreateOnly: false },
        enrollmentMappings: {
          memberEnrollmentMappings: [{ code: "substitute" }],
          ownerEnrollmentMappings: [{ "@odata.type": `${NS}sectionRoleReferenceValue`, code: "teacher" }],
        },
      },
    },
    kind: "classGroup",
    args: {
      flowSetId: SET,
      flowId: readOnly.id,
      configuration: {
        additionalAttributes: ["courseTitle", "courseCode"],
        additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
        enrollmentMappings: { memberEnrollmentMappings: [{ code: "substitute" }], ownerEnrollmentMappings: [{ code: "teacher" }] },
      },
    },
  },
  {
    name: "security-group flow (seed 000)",
    server: { "@odata.type": `${NS}securityGroupProvisioningFlow`, ...readOnly, creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } },
    kind: "securityGroup",
    args: { flowSetId: SET, flowId: readOnly.id, creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } },
  },
  {
    name: "administrative-unit flow",
    server: { "@odata.type": `${NS}administrativeUnitProvisioningFlow`, ...readOnly, creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: true } },
    kind: "administrativeUnit",
    args: { flowSetId: SET, flowId: readOnly.id, creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: true } },
  },
  {
    name: "an @odata.type the provider does not model becomes a base ProvisioningFlow, adopted with its settings unmanaged",
    server: { "@odata.type": `${NS}guardianProvisioningFlow`, ...readOnly, someSetting: true },
    kind: "provisioningFlow",
    args: { flowSetId: SET, flowId: readOnly.id },
    notes: [/guardianProvisioningFlow.*not modelled.*ProvisioningFlow/],
  },
  {
    name: "a property Graph returns that the provider does not model is left out (unmanaged) and noted",
    server: {
      "@odata.type": `${NS}securityGroupProvisioningFlow`,
      ...readOnly,
      futureTopLevel: "x",
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true, createBasedOnCampus: true },
    },
    kind: "securityGroup",
    args: { flowSetId: SET, flowId: readOnly.id, creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true } },
    notes: [/"creationOptions.createBasedOnCampus" is not modelled/],
  },
];

/** The args with each password reference replaced by a value (what the program reads from config). */
function withPasswords(args: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(args, (_k, v) => (v instanceof SecretReference ? `pw-${v.element}` : v)));
}

/** The args without password settings that hold a reference (a password never read back cannot be compared). */
function withoutPasswords(args: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(args, (k, v) => (k === "defaultPasswordSettings" && v !== null && v.password instanceof SecretReference ? undefined : v)),
  );
}

/** What the export makes of a case's server JSON (in the case's password mode, when it names one). */
function exportCase({ server, passwords }: FlowCase): ReturnType<typeof flowToArgs> {
  return flowToArgs(server, { flowSetId: SET, ...(passwords ? { passwords } : {}) });
}

describe("flowToArgs: server JSON -> resource arguments", () => {
  test.each(flowCases)("$name", (flowCase) => {
    const { kind, args, passwordRoleGroups, notes } = flowCase;
    const exported = exportCase(flowCase);
    expect(exported.kind).toBe(kind);
    expect(exported.args).toEqual(args);
    // A case without password role groups exports no secret at all.
    expect(exported.secrets.map((s) => s.element)).toEqual(passwordRoleGroups ?? []);
    for (const note of notes ?? []) expect(exported.notes.join("\n")).toMatch(note);
    if (!notes) expect(exported.notes).toEqual([]);
    expect(JSON.stringify(exported.args)).not.toContain(MASK);
  });

  test.each(flowCases)("passes the provider's check: $name", (flowCase) => {
    const { kind, args } = exportCase(flowCase);
    const result = validateInputs(kind, withPasswords(args));
    expect(result.failures).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  test.each(flowCases)("adopting with the exported arguments sends no PATCH: $name", (flowCase) => {
    const { kind, args } = exportCase(flowCase);
    const { server } = flowCase;
    expect(buildPatchBody(kind, withoutPasswords(args), server, { graphEndpoint: ENDPOINT })).toBeUndefined();
  });

  test.each(flowCases.filter((c) => c.kind !== "provisioningFlow"))("is the inverse of the create body: $name", (flowCase) => {
    const { kind, args } = exportCase(flowCase);
    const declared = withPasswords(args);
    const body = buildCreateBody(kind, declared, { graphEndpoint: ENDPOINT });
    const { flowSetId: _set, flowId: _flow, ...graphArgs } = declared;
    const { "@odata.type": _type, ...roundTripped } = toDeclaredForm(kind, body);
    expect(roundTripped).toEqual(graphArgs);
  });
});

describe("flowSetToArgs: server JSON -> flow set arguments", () => {
  test.each([
    {
      name: "filter's @odata.type and the read-only fields are dropped",
      server: {
        "@odata.context": "…/$entity",
        id: SET,
        createdDateTime: readOnly.createdDateTime,
        lastModifiedDateTime: readOnly.lastModifiedDateTime,
        displayName: "Contoso",
        filter: { "@odata.type": `${NS}basicFilter`, attribute: "orgExternalId", in: ["Quarter", "Demo"] },
      },
      args: { flowSetId: SET, displayName: "Contoso", filter: { attribute: "orgExternalId", in: ["Quarter", "Demo"] } },
    },
    {
      name: "filter null (all organisations) is kept as null",
      server: { id: SET, displayName: "All", filter: null },
      args: { flowSetId: SET, displayName: "All", filter: null },
    },
    {
      name: "a set read without a filter property declares none",
      server: { id: SET, displayName: "No filter key" },
      args: { flowSetId: SET, displayName: "No filter key" },
    },
    {
      name: "an empty displayName (not declarable) is left out, with a note: the adopted set keeps it",
      server: { id: SET, displayName: "", filter: null },
      args: { flowSetId: SET, filter: null },
      notes: [/displayName "" cannot be declared/],
    },
    {
      name: "a filter property this version does not model is dropped, with a note",
      server: { id: SET, displayName: "Future", filter: { "@odata.type": `${NS}basicFilter`, attribute: "orgExternalId", in: ["a"], mode: "x" } },
      args: { flowSetId: SET, displayName: "Future", filter: { attribute: "orgExternalId", in: ["a"] } },
      notes: [/"filter.mode" is not modelled/],
    },
  ])("$name: adopted by flowSetId, passing check, with no PATCH", ({ server, args, notes }) => {
    const exported = flowSetToArgs(server);
    expect(exported.id).toBe(SET);
    expect(exported.args).toEqual(args);
    for (const note of notes ?? []) expect(exported.notes.join("\n")).toMatch(note);
    if (!notes) expect(exported.notes).toEqual([]);
    const { inputs, failures } = validateInputs("flowSet", exported.args);
    expect(failures).toEqual([]);
    expect(buildPatchBody("flowSet", inputs, server, { graphEndpoint: ENDPOINT })).toBeUndefined();
  });
});

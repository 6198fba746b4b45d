/**
 * Normalization before comparing (DESIGN "Reconcile semantics"): each rule, table-driven, with the
 * counter-case that shows the rule does not hide a real change.
 */
import { diffResource, toOutputs } from "../../provider/reconcile";
import { validateInputs } from "../../provider/schema";
import type { ResourceKind } from "../../provider/schema";

type Json = Record<string, unknown>;

interface Row {
  rule: string;
  kind: ResourceKind;
  declared: Json;
  server: Json;
  changes: boolean;
}

const flow = { flowSetId: "set", flowId: "flow" };
const userBase = { managementOptions: { additionalOptions: {} } };
const cls = (configuration: Json): Json => ({ ...flow, configuration });
const mappings = (owner: string[], member: string[] = []): Json => ({
  ownerEnrollmentMappings: owner.map((code) => ({ code })),
  memberEnrollmentMappings: member.map((code) => ({ code })),
});
const configs = (...items: Json[]): Json => ({ ...flow, ...userBase, creationOptions: { configurations: items } });
const serverConfigs = (...items: Json[]): Json => ({ ...userBase, creationOptions: { configurations: items } });
const expanded = (id: string): Json => ({ id, displayName: id, roles: [] });

const rows: Row[] = [
  // enum values, case-insensitively
  { rule: "studentAgeGroup enum compares case-insensitively", kind: "user",
    declared: { ...flow, managementOptions: { additionalOptions: { studentAgeGroup: "notAdult" } } },
    server: { managementOptions: { additionalOptions: { studentAgeGroup: "NotAdult" } } }, changes: false },
  { rule: "studentAgeGroup: a different value is a change", kind: "user",
    declared: { ...flow, managementOptions: { additionalOptions: { studentAgeGroup: "notAdult" } } },
    server: { managementOptions: { additionalOptions: { studentAgeGroup: "adult" } } }, changes: true },
  { rule: "studentAgeGroup declared null (enforcement off) differs from a value", kind: "user",
    declared: { ...flow, managementOptions: { additionalOptions: { studentAgeGroup: null } } },
    server: { managementOptions: { additionalOptions: { studentAgeGroup: "minor" } } }, changes: true },
  { rule: "user additionalAttributes enum items compare case-insensitively", kind: "user",
    declared: { ...flow, managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: {} } },
    server: { managementOptions: { additionalAttributes: ["USERGRADELEVEL"], additionalOptions: {} } }, changes: false },
  { rule: "basicFilter attribute enum compares case-insensitively", kind: "flowSet",
    declared: { displayName: "d", filter: { attribute: "orgExternalId", in: ["a"] } },
    server: { displayName: "d", filter: { "@odata.type": "#microsoft.graph.industryData.basicFilter", attribute: "OrgExternalId", in: ["a"] } },
    changes: false },
  { rule: "readinessStatus on the base kind compares case-insensitively", kind: "provisioningFlow",
    declared: { ...flow, readinessStatus: "ready" }, server: { readinessStatus: "Ready" }, changes: false },
  { rule: "readinessStatus on the base kind: another value is a change", kind: "provisioningFlow",
    declared: { ...flow, readinessStatus: "ready" }, server: { readinessStatus: "disabled" }, changes: true },

  // reference codes, case-insensitively (Graph echoed paraProfessional as paraprofessional)
  { rule: "enrollment mapping codes compare case-insensitively (paraProfessional read back as paraprofessional)", kind: "classGroup",
    declared: cls({ enrollmentMappings: mappings(["paraProfessional"]) }),
    server: { configuration: { enrollmentMappings: mappings(["paraprofessional"]) } }, changes: false },
  { rule: "enrollment mapping codes: another code is a change", kind: "classGroup",
    declared: cls({ enrollmentMappings: mappings(["teacher"]) }),
    server: { configuration: { enrollmentMappings: mappings(["proctor"]) } }, changes: true },
  { rule: "roleGroupId compares case-insensitively with the expanded roleGroup id", kind: "user",
    declared: configs({ roleGroupId: "Staff" }), server: serverConfigs({ roleGroup: expanded("staff") }), changes: false },

  // set-like collections, order-free
  { rule: "user additionalAttributes are order-free", kind: "user",
    declared: { ...flow, managementOptions: { additionalAttributes: ["userGradeLevel", "userNumber"], additionalOptions: {} } },
    server: { managementOptions: { additionalAttributes: ["userNumber", "userGradeLevel"], additionalOptions: {} } }, changes: false },
  { rule: "user additionalAttributes: a missing member is a change", kind: "user",
    declared: { ...flow, managementOptions: { additionalAttributes: ["userGradeLevel", "userNumber"], additionalOptions: {} } },
    server: { managementOptions: { additionalAttributes: ["userNumber"], additionalOptions: {} } }, changes: true },
  { rule: "class additionalAttributes are order-free", kind: "classGroup",
    declared: cls({ additionalAttributes: ["courseTitle", "courseCode", "classCode"] }),
    server: { configuration: { additionalAttributes: ["classCode", "courseTitle", "courseCode"] } }, changes: false },
  { rule: "class additionalAttributes: an extra server member is a change", kind: "classGroup",
    declared: cls({ additionalAttributes: ["courseTitle"] }),
    server: { configuration: { additionalAttributes: ["courseTitle", "courseCode"] } }, changes: true },
  { rule: "licenseSkus are order-free", kind: "user",
    declared: configs({ roleGroupId: "staff", licenseSkus: ["A", "B"] }),
    server: serverConfigs({ roleGroup: expanded("staff"), licenseSkus: ["B", "A"] }), changes: false },
  { rule: "licenseSkus compare case-sensitively (SKU names are not enum values)", kind: "user",
    declared: configs({ roleGroupId: "staff", licenseSkus: ["A"] }),
    server: serverConfigs({ roleGroup: expanded("staff"), licenseSkus: ["a"] }), changes: true },
  { rule: "owner and member enrollment mappings are order-free", kind: "classGroup",
    declared: cls({ enrollmentMappings: mappings(["teacher", "proctor"], ["student", "aide"]) }),
    server: { configuration: { enrollmentMappings: mappings(["proctor", "teacher"], ["aide", "student"]) } }, changes: false },
  { rule: "owner vs member mappings are not interchangeable", kind: "classGroup",
    declared: cls({ enrollmentMappings: mappings(["teacher"], ["student"]) }),
    server: { configuration: { enrollmentMappings: mappings(["student"], ["teacher"]) } }, changes: true },
  { rule: "basicFilter in is order-free", kind: "flowSet",
    declared: { displayName: "d", filter: { attribute: "orgExternalId", in: ["Quarter", "Demo"] } },
    server: { displayName: "d", filter: { attribute: "orgExternalId", in: ["Demo", "Quarter"] } }, changes: false },
  { rule: "basicFilter in compares org external ids case-sensitively", kind: "flowSet",
    declared: { displayName: "d", filter: { attribute: "orgExternalId", in: ["Demo"] } },
    server: { displayName: "d", filter: { attribute: "orgExternalId", in: ["demo"] } }, changes: true },
  { rule: "user configurations are matched by roleGroupId, not position", kind: "user",
    declared: configs({ roleGroupId: "staff", licenseSkus: ["S"] }, { roleGroupId: "students", licenseSkus: ["T"] }),
    server: serverConfigs({ roleGroup: expanded("students"), licenseSkus: ["T"] }, { roleGroup: expanded("staff"), licenseSkus: ["S"] }),
    changes: false },
  { rule: "user configurations: swapped licenses between role groups are a change", kind: "user",
    declared: configs({ roleGroupId: "staff", licenseSkus: ["S"] }, { roleGroupId: "students", licenseSkus: ["T"] }),
    server: serverConfigs({ roleGroup: expanded("students"), licenseSkus: ["S"] }, { roleGroup: expanded("staff"), licenseSkus: ["T"] }),
    changes: true },
  { rule: "user configurations: a server configuration for an undeclared role group is a change", kind: "user",
    declared: configs({ roleGroupId: "staff" }),
    server: serverConfigs({ roleGroup: expanded("staff") }, { roleGroup: expanded("students") }), changes: true },
  { rule: "an empty declared collection equals null read back", kind: "classGroup",
    declared: cls({ additionalAttributes: [] }), server: { configuration: { additionalAttributes: null } }, changes: false },

  // roleGroup read back expanded vs roleGroupId declared
  { rule: "roleGroup read back expanded ({id, displayName, roles}) equals the declared roleGroupId", kind: "user",
    declared: configs({ roleGroupId: "students" }), server: serverConfigs({ roleGroup: { id: "students", displayName: "Students", roles: [{ code: "student" }] } }),
    changes: false },
  { rule: "roleGroup echoed as a bind URL equals the declared roleGroupId", kind: "user",
    declared: configs({ roleGroupId: "staff" }),
    server: serverConfigs({ "roleGroup@odata.bind": "https://graph.microsoft.com/beta/external/industryData/roleGroups/staff" }), changes: false },
  { rule: "roleGroup: another role group is a change", kind: "user",
    declared: configs({ roleGroupId: "staff" }), server: serverConfigs({ roleGroup: expanded("students") }), changes: true },

  // @odata annotations ignored
  { rule: "@odata annotations on the server value are ignored", kind: "classGroup",
    declared: cls({ additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false } }),
    server: { "@odata.context": "x", configuration: { "@odata.type": "#microsoft.graph.industryData.classGroupConfiguration",
      additionalOptions: { "@odata.type": "#microsoft.graph.industryData.additionalClassGroupOptions", createTeam: true, writeDisplayNameOnCreateOnly: false } } },
    changes: false },
  { rule: "the @odata.type the provider fills in the inputs is not compared with Graph's (absent) one", kind: "classGroup",
    declared: cls({ enrollmentMappings: mappings(["teacher"]) }),
    server: { configuration: { enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [] } } },
    changes: false },

  // read-only fields never drift; undeclared properties are not managed
  { rule: "read-only readinessStatus and timestamps changing on the server are not drift", kind: "securityGroup",
    declared: { ...flow, creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } },
    server: { readinessStatus: "failed", lastModifiedDateTime: "2030-01-01T00:00:00Z", creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } },
    changes: false },
  { rule: "an undeclared property changed in the portal is not managed", kind: "user",
    declared: { ...flow, managementOptions: { additionalOptions: { allowStudentContactAssociation: true } } },
    server: { createUnmatchedUsers: true, managementOptions: { additionalAttributes: ["userNumber"], additionalOptions: { allowStudentContactAssociation: true, studentAgeGroup: "adult" } } },
    changes: false },
  { rule: "a declared boolean changed in the portal is drift", kind: "administrativeUnit",
    declared: { ...flow, creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: true } },
    server: { creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false } }, changes: true },
];

/** Outputs as a read of this server value would store them, for a flow adopted with deleteOnDestroy false. */
function outputsOf(kind: ResourceKind, server: Json, declared: Json): Json {
  const odataType = kind === "provisioningFlow" ? "#microsoft.graph.industryData.userProvisioningFlow" : undefined;
  const read = { id: declared.flowId ?? "set", ...(odataType ? { "@odata.type": odataType } : {}), ...server };
  return toOutputs(kind, read, undefined, { olds: { flowSetId: declared.flowSetId, adopted: true, deleteOnDestroy: false } });
}

describe("normalization before comparing", () => {
  it.each(rows)("$rule", ({ kind, declared: raw, server, changes }) => {
    const { inputs, failures } = validateInputs(kind, raw);
    expect(failures).toEqual([]);
    const diff = diffResource(kind, inputs, outputsOf(kind, server, inputs));
    expect(diff.changes).toBe(changes);
    expect(diff.replaces).toEqual([]);
  });
});

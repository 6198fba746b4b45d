/** validateInputs: clear failures naming the property path (and the allowed values of enums), before any call. */
import {
  additionalClassGroupAttributesValues,
  descriptors,
  pulumiUnknownValue,
  resourceKinds,
  studentAgeGroupValues,
  validateInputs,
} from "../../provider/schema";
import type { ResourceKind } from "../../provider/schema";
import {
  csvConnectorArgs,
  inboundFlowArgs,
  oneRosterConnectorArgs,
  referenceDefinitionArgs,
  sourceSystemArgs,
  yearArgs,
} from "../support/inboundArgs";

type Json = Record<string, unknown>;
const ns = "#microsoft.graph.industryData.";

const validUser: Json = {
  flowSetId: "set",
  createUnmatchedUsers: true,
  managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor" } },
  creationOptions: {
    configurations: [
      { roleGroupId: "staff", licenseSkus: ["Sku1"], defaultPasswordSettings: { password: "p1" } },
      { roleGroupId: "students", licenseSkus: ["Sku2"] },
    ],
  },
};
const validClassGroup: Json = {
  flowSetId: "set",
  configuration: {
    additionalAttributes: ["courseTitle"],
    additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
    enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [{ code: "student" }] },
  },
};
const validSecurityGroup: Json = { flowSetId: "set", creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } };
const validAdminUnit: Json = { flowSetId: "set", creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false } };
const validFlowSet: Json = { displayName: "District", filter: { attribute: "orgExternalId", in: ["North"] } };
const validBase: Json = { flowSetId: "set", flowId: "flow", readinessStatus: "ready" };

const valid: Record<ResourceKind, Json> = {
  sourceSystem: sourceSystemArgs(),
  azureDataLakeConnector: csvConnectorArgs("source"),
  oneRosterApiDataConnector: oneRosterConnectorArgs("source"),
  year: yearArgs(),
  inboundFileFlow: inboundFlowArgs("connector", "year"),
  inboundApiFlow: inboundFlowArgs("connector", "year"),
  referenceDefinition: referenceDefinitionArgs(),
  flowSet: validFlowSet,
  user: validUser,
  classGroup: validClassGroup,
  securityGroup: validSecurityGroup,
  administrativeUnit: validAdminUnit,
  provisioningFlow: validBase,
};

/** A deep copy of `base` with `value` set at a slash path (`a/b/0/c`: keys may hold dots); undefined deletes. */
function withChange(base: Json, path: string, value: unknown): Json {
  const copy = JSON.parse(JSON.stringify(base)) as Json;
  const keys = path.split("/");
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

describe("validateInputs accepts", () => {
  it.each(resourceKinds)("a complete %s", (kind) => {
    const result = validateInputs(kind, valid[kind]);
    expect(result.failures).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it.each(resourceKinds)("its own output for %s (idempotent)", (kind) => {
    const once = validateInputs(kind, valid[kind]);
    const twice = validateInputs(kind, once.inputs);
    expect(twice.failures).toEqual([]);
    expect(twice.inputs).toEqual(once.inputs);
  });

  it("values Pulumi does not know yet (preview) anywhere", () => {
    const raw = withChange(withChange(validUser, "managementOptions/additionalOptions/studentAgeGroup", pulumiUnknownValue), "createUnmatchedUsers", pulumiUnknownValue);
    expect(validateInputs("user", raw).failures).toEqual([]);
  });
});

interface FailureRow {
  name: string;
  kind: ResourceKind;
  raw: Json;
  property: string;
  reason: RegExp;
}

/** An enum's values without Graph's unknownFutureValue sentinel: the ones an error lists as allowed. */
const declarable = (values: readonly string[]) => values.filter((v) => v !== "unknownFutureValue");

const failureRows: FailureRow[] = [
  // bad enums: path + allowed values (never Graph's unknownFutureValue sentinel: it cannot be declared)
  { name: "a bad studentAgeGroup enum value", kind: "user",
    raw: withChange(validUser, "managementOptions/additionalOptions/studentAgeGroup", "teen"),
    property: "managementOptions.additionalOptions.studentAgeGroup", reason: new RegExp(`must be one of: ${declarable(studentAgeGroupValues).join(", ")}, null \\(got "teen"\\)`) },
  { name: "a bad enum inside a collection", kind: "classGroup",
    raw: withChange(validClassGroup, "configuration/additionalAttributes", ["courseTitle", "courseColour"]),
    property: "configuration.additionalAttributes[1]", reason: new RegExp(`must be one of: ${declarable(additionalClassGroupAttributesValues).join(", ")} \\(got`) },
  { name: "an enum in the wrong case (Graph's own casing is required on input)", kind: "user",
    raw: withChange(validUser, "managementOptions/additionalAttributes", ["UserGradeLevel"]),
    property: "managementOptions.additionalAttributes[0]", reason: /must be one of: userGradeLevel, userNumber \(got/ },
  { name: "a bad filter attribute", kind: "flowSet",
    raw: withChange(validFlowSet, "filter/attribute", "orgName"), property: "filter.attribute", reason: /must be one of: orgExternalId \(got/ },
  { name: "a bad readinessStatus on the base kind", kind: "provisioningFlow",
    raw: withChange(validBase, "readinessStatus", "String"), property: "readinessStatus", reason: /must be one of: notReady, ready, failed, disabled, expired, null \(got/ },

  // missing required (NN) properties on create
  { name: "missing class-group configuration.additionalOptions.createTeam on create", kind: "classGroup",
    raw: withChange(validClassGroup, "configuration/additionalOptions/createTeam", undefined),
    property: "configuration.additionalOptions.createTeam", reason: /is required \(Graph needs it to create the resource\)/ },
  { name: "missing class-group enrollmentMappings on create", kind: "classGroup",
    raw: withChange(validClassGroup, "configuration/enrollmentMappings", undefined), property: "configuration.enrollmentMappings", reason: /is required/ },
  { name: "missing user managementOptions on create", kind: "user",
    raw: withChange(validUser, "managementOptions", undefined), property: "managementOptions", reason: /is required/ },
  { name: "missing user managementOptions.additionalOptions on create", kind: "user",
    raw: withChange(validUser, "managementOptions/additionalOptions", undefined), property: "managementOptions.additionalOptions", reason: /is required/ },
  { name: "missing security-group createBasedOnOrgPlusRoleGroup on create", kind: "securityGroup",
    raw: withChange(validSecurityGroup, "creationOptions/createBasedOnOrgPlusRoleGroup", undefined),
    property: "creationOptions.createBasedOnOrgPlusRoleGroup", reason: /is required/ },
  { name: "missing admin-unit createBasedOnOrg on create", kind: "administrativeUnit",
    raw: withChange(validAdminUnit, "creationOptions/createBasedOnOrg", undefined), property: "creationOptions.createBasedOnOrg", reason: /is required/ },
  { name: "missing flow set displayName", kind: "flowSet",
    raw: withChange(validFlowSet, "displayName", undefined), property: "displayName", reason: /is required/ },
  { name: "missing filter in", kind: "flowSet",
    raw: withChange(validFlowSet, "filter/in", undefined), property: "filter.in", reason: /is required/ },
  { name: "missing flowSetId", kind: "securityGroup",
    raw: withChange(validSecurityGroup, "flowSetId", undefined), property: "flowSetId", reason: /^is required$/ },
  { name: "missing flowId on the abstract base kind", kind: "provisioningFlow",
    raw: withChange(validBase, "flowId", undefined), property: "flowId", reason: /abstract.*adopt/ },
  { name: "missing roleGroupId in the second configuration", kind: "user",
    raw: withChange(validUser, "creationOptions/configurations/1/roleGroupId", undefined),
    property: "creationOptions.configurations[1].roleGroupId", reason: /is required/ },
  { name: "a password settings object without password", kind: "user",
    raw: withChange(validUser, "creationOptions/configurations/0/defaultPasswordSettings", {}),
    property: "creationOptions.configurations[0].defaultPasswordSettings.password", reason: /is required/ },

  // wrong types
  { name: "a string where Graph wants a boolean", kind: "user",
    raw: withChange(validUser, "createUnmatchedUsers", "yes"), property: "createUnmatchedUsers", reason: /must be boolean \(got string\)/ },
  { name: "a string where Graph wants a collection", kind: "user",
    raw: withChange(validUser, "creationOptions/configurations/0/licenseSkus", "Sku1"),
    property: "creationOptions.configurations[0].licenseSkus", reason: /must be array \(got string\)/ },
  { name: "a number where Graph wants a string", kind: "flowSet",
    raw: withChange(validFlowSet, "displayName", 42), property: "displayName", reason: /must be string \(got number\)/ },
  { name: "a non-boolean deleteOnDestroy", kind: "classGroup",
    raw: withChange(validClassGroup, "deleteOnDestroy", "true"), property: "deleteOnDestroy", reason: /must be boolean/ },
  { name: "a null where Graph wants a value (createTeam is NN)", kind: "classGroup",
    raw: withChange(validClassGroup, "configuration/additionalOptions/createTeam", null),
    property: "configuration.additionalOptions.createTeam", reason: /must be boolean \(got null\)/ },
  { name: "an empty roleGroupId", kind: "user",
    raw: withChange(validUser, "creationOptions/configurations/0/roleGroupId", ""), property: "creationOptions.configurations[0].roleGroupId", reason: /must not be empty/ },

  // unknown, read-only and annotation properties; duplicates
  { name: "an unknown property, listing the known ones", kind: "securityGroup",
    raw: withChange(validSecurityGroup, "creationOptions/createBasedOnroleGroup", true),
    property: "creationOptions.createBasedOnroleGroup", reason: /not a known property; expected one of: createBasedOnRoleGroup, createBasedOnOrgPlusRoleGroup/ },
  { name: "readinessStatus on a typed flow (read-only per the metadata)", kind: "classGroup",
    raw: withChange(validClassGroup, "readinessStatus", "ready"), property: "readinessStatus", reason: /read-only.*only on ProvisioningFlow/ },
  { name: "a declared id (read-only)", kind: "flowSet",
    raw: withChange(validFlowSet, "id", "x"), property: "id", reason: /read-only/ },
  { name: "roleGroup@odata.bind declared instead of roleGroupId", kind: "user",
    raw: withChange(validUser, "creationOptions/configurations/0/roleGroup@odata.bind", "https://graph.microsoft.com/beta/external/industryData/roleGroups/staff"),
    property: "creationOptions.configurations[0].roleGroup@odata.bind", reason: /declare roleGroupId/ },
  { name: "two configurations for one role group", kind: "user",
    raw: withChange(validUser, "creationOptions/configurations/1/roleGroupId", "STAFF"),
    property: "creationOptions.configurations[1].roleGroupId", reason: /duplicates creationOptions.configurations\[0\].roleGroupId/ },
];

describe("validateInputs fails, naming the property path", () => {
  it.each(failureRows)("$name", ({ kind, raw, property, reason }) => {
    const { failures } = validateInputs(kind, raw);
    expect(failures).toContainEqual({ property, reason: expect.stringMatching(reason) });
  });
});

describe("validateInputs adoption (flowId given)", () => {
  it.each([
    { kind: "classGroup" as ResourceKind, raw: { flowSetId: "set", flowId: "f", configuration: { additionalOptions: { createTeam: true } } } },
    { kind: "user" as ResourceKind, raw: { flowSetId: "set", flowId: "f", createUnmatchedUsers: false } },
    { kind: "securityGroup" as ResourceKind, raw: { flowSetId: "set", flowId: "f" } },
  ])("accepts a partial declaration of $kind: the rest is merged from what Graph holds", ({ kind, raw }) => {
    expect(validateInputs(kind, raw).failures).toEqual([]);
  });

  it("still requires every part of a collection element (collections are sent whole)", () => {
    const raw = { flowSetId: "set", flowId: "f", creationOptions: { configurations: [{ licenseSkus: ["S"] }] } };
    expect(validateInputs("user", raw).failures).toEqual([{ property: "creationOptions.configurations[0].roleGroupId", reason: "is required" }]);
  });
});

describe("validateInputs fills @odata.type where Graph needs it", () => {
  it("on the password settings (abstract passwordSettings -> simplePasswordSettings)", () => {
    const { inputs } = validateInputs("user", validUser);
    const [staff, students] = (inputs.creationOptions as Json).configurations as Json[];
    expect(staff.defaultPasswordSettings).toEqual({ "@odata.type": `${ns}simplePasswordSettings`, password: "p1" });
    expect(students).not.toHaveProperty("defaultPasswordSettings");
  });

  it("on the flow set filter (abstract filter -> basicFilter)", () => {
    expect(validateInputs("flowSet", validFlowSet).inputs.filter).toMatchObject({ "@odata.type": `${ns}basicFilter` });
  });

  it("on the class-group configuration parts, as seed 004 does", () => {
    const configuration = validateInputs("classGroup", validClassGroup).inputs.configuration as Json;
    expect(configuration["@odata.type"]).toBe(`${ns}classGroupConfiguration`);
    expect((configuration.additionalOptions as Json)["@odata.type"]).toBe(`${ns}additionalClassGroupOptions`);
    const mappings = configuration.enrollmentMappings as Json;
    expect(mappings["@odata.type"]).toBe(`${ns}enrollmentMappings`);
    expect(mappings.ownerEnrollmentMappings).toEqual([{ "@odata.type": `${ns}sectionRoleReferenceValue`, code: "teacher" }]);
  });

  it("replacing a declared @odata.type instead of failing (the provider writes annotations)", () => {
    const raw = withChange(validFlowSet, "filter/@odata.type", "#bogus");
    const result = validateInputs("flowSet", raw);
    expect(result.failures).toEqual([]);
    expect((result.inputs.filter as Json)["@odata.type"]).toBe(`${ns}basicFilter`);
  });

  it("nowhere for kinds whose parts are not polymorphic (security group)", () => {
    expect(JSON.stringify(validateInputs("securityGroup", validSecurityGroup).inputs)).not.toContain("@odata");
  });
});

describe("deprecated markAllStudentsAsMinors", () => {
  it("is accepted with a warning that points to studentAgeGroup", () => {
    const raw = withChange(validUser, "managementOptions/additionalOptions/markAllStudentsAsMinors", true);
    const result = validateInputs("user", raw);
    expect(result.failures).toEqual([]);
    expect(result.warnings).toEqual([expect.stringMatching(/markAllStudentsAsMinors is deprecated.*studentAgeGroup/)]);
    expect((result.inputs.managementOptions as Json).additionalOptions).toMatchObject({ markAllStudentsAsMinors: true });
  });
});

describe("descriptors", () => {
  it.each(resourceKinds)("%s names its odata type after its graph type", (kind) => {
    const d = descriptors[kind];
    expect(d.odataType).toBe(`${ns}${d.graphType}`);
    expect(d.kind).toBe(kind);
  });
});

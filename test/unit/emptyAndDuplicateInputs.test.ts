/**
 * What issue 14's fuzz of `check` found accepted: empty strings where Graph needs a value, ids that are no safe
 * URL segment, and duplicates in set-like collections. Each now fails naming the property path.
 */
import { validateInputs, type ResourceKind } from "../../provider/schema";

type Json = Record<string, unknown>;
const setId = "9ab41255-5364-4c53-e15c-08dc4ab6ee03";

const user = (configuration: Json, additionalAttributes: string[] = ["userGradeLevel"]): Json => ({
  flowSetId: setId,
  managementOptions: { additionalAttributes, additionalOptions: {} },
  creationOptions: { configurations: [{ roleGroupId: "staff" }, configuration] },
});
const classGroup = (owners: string[], additionalAttributes: string[] = []): Json => ({
  flowSetId: setId,
  configuration: {
    additionalAttributes,
    additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
    enrollmentMappings: { ownerEnrollmentMappings: owners.map((code) => ({ code })), memberEnrollmentMappings: [] },
  },
});
const flowSet = (values: string[], displayName = "District"): Json => ({ displayName, filter: { attribute: "orgExternalId", in: values } });

describe("check fails naming the property", () => {
  it.each<{ name: string; kind: ResourceKind; raw: Json; property: string; reason: string }>([
    { name: "an empty license SKU", kind: "user", raw: user({ roleGroupId: "students", licenseSkus: [""] }), property: "creationOptions.configurations[1].licenseSkus[0]", reason: "must not be empty" },
    { name: "an empty password", kind: "user", raw: user({ roleGroupId: "students", defaultPasswordSettings: { password: "" } }), property: "creationOptions.configurations[1].defaultPasswordSettings.password", reason: "must not be empty" },
    { name: "an empty role group id", kind: "user", raw: user({ roleGroupId: "" }), property: "creationOptions.configurations[1].roleGroupId", reason: "must not be empty" },
    { name: "a NUL role group id", kind: "user", raw: user({ roleGroupId: "\u0000" }), property: "creationOptions.configurations[1].roleGroupId", reason: "must not contain a control or whitespace character (U+0000) (an id becomes a URL segment)" },
    { name: "a dot-dot role group id (a bind target)", kind: "user", raw: user({ roleGroupId: ".." }), property: "creationOptions.configurations[1].roleGroupId", reason: 'must not be ".."' },
    { name: "a 5,000-character flowSetId", kind: "securityGroup", raw: { flowSetId: "x".repeat(5000), creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } }, property: "flowSetId", reason: "must be at most 256 characters (got 5000)" },
    { name: "a flowId with a slash", kind: "provisioningFlow", raw: { flowSetId: setId, flowId: "a/b" }, property: "flowId", reason: 'must not contain "/"' },
    { name: "an adopted set id with a space", kind: "flowSet", raw: { flowSetId: "a b" }, property: "flowSetId", reason: "must not contain a space" },
    { name: "an empty display name", kind: "flowSet", raw: flowSet(["North"], ""), property: "displayName", reason: "must not be empty" },
    { name: "an empty filter value", kind: "flowSet", raw: flowSet(["North", ""]), property: "filter.in[1]", reason: "must not be empty" },
    { name: "an empty enrollment code", kind: "classGroup", raw: classGroup([""]), property: "configuration.enrollmentMappings.ownerEnrollmentMappings[0].code", reason: "must not be empty" },
    { name: "a duplicate additional attribute", kind: "user", raw: user({ roleGroupId: "students" }, ["userGradeLevel", "userNumber", "userGradeLevel"]), property: "managementOptions.additionalAttributes[2]", reason: 'duplicates managementOptions.additionalAttributes[0] ("userGradeLevel")' },
    { name: "a duplicate license SKU", kind: "user", raw: user({ roleGroupId: "students", licenseSkus: ["Sku1", "Sku1"] }), property: "creationOptions.configurations[1].licenseSkus[1]", reason: "duplicates creationOptions.configurations[1].licenseSkus[0]" },
    { name: "a duplicate filter value", kind: "flowSet", raw: flowSet(["North", "South", "North"]), property: "filter.in[2]", reason: "duplicates filter.in[0]" },
    { name: "a duplicate enrollment code, in another case (codes compare case-insensitively)", kind: "classGroup", raw: classGroup(["teacher", "Teacher"]), property: "configuration.enrollmentMappings.ownerEnrollmentMappings[1]", reason: "duplicates configuration.enrollmentMappings.ownerEnrollmentMappings[0]" },
    { name: "a duplicate class-group attribute", kind: "classGroup", raw: classGroup(["teacher"], ["courseTitle", "courseTitle"]), property: "configuration.additionalAttributes[1]", reason: "duplicates configuration.additionalAttributes[0]" },
  ])("$name", ({ kind, raw, property, reason }) => {
    const { failures } = validateInputs(kind, raw);
    expect(failures).toHaveLength(1);
    expect(failures[0].property).toBe(property);
    expect(failures[0].reason).toContain(reason);
  });
});

describe("check accepts what only looks alike", () => {
  it.each<{ name: string; kind: ResourceKind; raw: Json }>([
    { name: "license SKUs differing in case (SKU part numbers are not normalised)", kind: "user", raw: user({ roleGroupId: "students", licenseSkus: ["Sku1", "SKU1"] }) },
    { name: "filter values differing in case (organisation external ids are not normalised)", kind: "flowSet", raw: flowSet(["north", "North"]) },
    { name: "a role group id that is no GUID, with a dash and a dot", kind: "user", raw: user({ roleGroupId: "grade-9.staff" }) },
    { name: "ids holding quotes, backticks, ${…} and */-free markup", kind: "provisioningFlow", raw: { flowSetId: "a'b\"c`d", flowId: "${x}<b>&amp;*" } },
    { name: "an id of exactly 256 characters", kind: "provisioningFlow", raw: { flowSetId: "x".repeat(256), flowId: "f" } },
  ])("$name", ({ kind, raw }) => {
    expect(validateInputs(kind, raw).failures).toEqual([]);
  });
});

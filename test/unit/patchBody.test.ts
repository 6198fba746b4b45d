/**
 * PATCH body rules (DESIGN): `@odata.type` + each differing top-level property; a complex value sent whole,
 * built as the last-read value with the declared parts laid over it; collections as declared; the
 * properties Graph requires on PATCH always included; read-only never sent.
 */
import { buildPatchBody, toOutputs } from "../../provider/reconcile";
import { validateInputs } from "../../provider/schema";
import type { ResourceKind } from "../../provider/schema";
import { TEST_PASSWORDS } from "../support/testSecrets";

type Json = Record<string, unknown>;
const graphEndpoint = "https://graph.microsoft.com/beta";
const ns = "#microsoft.graph.industryData.";
const flow = { flowSetId: "set", flowId: "flow" };
const mask = "***************";

function patch(kind: ResourceKind, raw: Json, server: Json, endpoint = graphEndpoint): Json | undefined {
  const { inputs, failures } = validateInputs(kind, raw);
  expect(failures).toEqual([]);
  const olds = toOutputs(kind, { id: "flow", ...server }, undefined, { olds: { flowSetId: "set", adopted: true, deleteOnDestroy: false } });
  return buildPatchBody(kind, inputs, olds, { graphEndpoint: endpoint, olds });
}

const userServer: Json = {
  "@odata.type": `${ns}userProvisioningFlow`,
  readinessStatus: "ready",
  createUnmatchedUsers: false,
  managementOptions: {
    additionalAttributes: ["userNumber"],
    additionalOptions: { allowStudentContactAssociation: true, studentAgeGroup: "minor", markAllStudentsAsMinors: false },
  },
  creationOptions: {
    configurations: [
      { roleGroup: { id: "staff", displayName: "Staff", roles: [] }, licenseSkus: ["S1", "S2"],
        defaultPasswordSettings: { "@odata.type": `${ns}simplePasswordSettings`, password: mask } },
      { roleGroup: { id: "students", displayName: "Students", roles: [] }, licenseSkus: ["T1"] },
    ],
  },
};

const classServer: Json = {
  configuration: {
    additionalAttributes: ["courseTitle"],
    additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: true },
    enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [{ code: "student" }] },
  },
};

describe("PATCH body", () => {
  it("keeps an undeclared sibling when a declared sub-property changes", () => {
    const body = patch("user", { ...flow, managementOptions: { additionalOptions: { studentAgeGroup: "adult" } } }, userServer);
    expect(body).toEqual({
      "@odata.type": `${ns}userProvisioningFlow`,
      managementOptions: {
        additionalAttributes: ["userNumber"],
        additionalOptions: { allowStudentContactAssociation: true, studentAgeGroup: "adult", markAllStudentsAsMinors: false },
      },
    });
  });

  it("keeps undeclared class-group enrollment mappings when only createTeam changes, with the seed's @odata.type values", () => {
    const body = patch("classGroup", { ...flow, configuration: { additionalOptions: { createTeam: true } } }, classServer);
    expect(body).toEqual({
      "@odata.type": `${ns}classGroupProvisioningFlow`,
      configuration: {
        "@odata.type": `${ns}classGroupConfiguration`,
        additionalAttributes: ["courseTitle"],
        additionalOptions: { "@odata.type": `${ns}additionalClassGroupOptions`, createTeam: true, writeDisplayNameOnCreateOnly: true },
        enrollmentMappings: {
          "@odata.type": `${ns}enrollmentMappings`,
          ownerEnrollmentMappings: [{ "@odata.type": `${ns}sectionRoleReferenceValue`, code: "teacher" }],
          memberEnrollmentMappings: [{ "@odata.type": `${ns}sectionRoleReferenceValue`, code: "student" }],
        },
      },
    });
  });

  it("always includes managementOptions (required on PATCH) from the last-read value when another property differs", () => {
    const body = patch("user", { ...flow, createUnmatchedUsers: true }, userServer);
    expect(body).toEqual({
      "@odata.type": `${ns}userProvisioningFlow`,
      createUnmatchedUsers: true,
      managementOptions: userServer.managementOptions,
    });
  });

  it("includes the flow set's displayName (required on PATCH) when only the filter differs", () => {
    const body = patch(
      "flowSet",
      { displayName: "District", filter: { attribute: "orgExternalId", in: ["North"] } },
      { displayName: "District", filter: { "@odata.type": `${ns}basicFilter`, attribute: "orgExternalId", in: ["South"] } },
    );
    expect(body).toEqual({
      "@odata.type": `${ns}outboundProvisioningFlowSet`,
      displayName: "District",
      filter: { "@odata.type": `${ns}basicFilter`, attribute: "orgExternalId", in: ["North"] },
    });
  });

  it("sends a collection whole, as declared (a removed licenseSku is removed)", () => {
    const body = patch("user", {
      ...flow,
      creationOptions: { configurations: [{ roleGroupId: "staff", licenseSkus: ["S1"] }, { roleGroupId: "students" }] },
    }, userServer) as Json;
    const configurations = (body.creationOptions as Json).configurations as Json[];
    expect(configurations.map((c) => c.licenseSkus)).toEqual([["S1"], ["T1"]]);
  });

  it("lays a keyed configuration over its last-read twin: undeclared licenseSkus survive a password change", () => {
    const body = patch("user", {
      ...flow,
      creationOptions: {
        configurations: [
          { roleGroupId: "students", defaultPasswordSettings: { password: TEST_PASSWORDS.unitPatchBody } },
          { roleGroupId: "staff" },
        ],
      },
    }, userServer) as Json;
    expect((body.creationOptions as Json).configurations).toEqual([
      {
        "roleGroup@odata.bind": `${graphEndpoint}/external/industryData/roleGroups/students`,
        licenseSkus: ["T1"],
        defaultPasswordSettings: { "@odata.type": `${ns}simplePasswordSettings`, password: TEST_PASSWORDS.unitPatchBody },
      },
      // Masked password: never sent back; with no declared password, defaultPasswordSettings is left out.
      { "roleGroup@odata.bind": `${graphEndpoint}/external/industryData/roleGroups/staff`, licenseSkus: ["S1", "S2"] },
    ]);
  });

  it("never sends the masked password back when creationOptions is resent without a declared password", () => {
    const body = patch("user", {
      ...flow,
      creationOptions: { configurations: [{ roleGroupId: "staff", licenseSkus: ["NEW"] }, { roleGroupId: "students" }] },
    }, userServer);
    expect(JSON.stringify(body)).not.toContain("***");
    expect(JSON.stringify(body)).not.toContain("defaultPasswordSettings");
  });

  it("builds roleGroup@odata.bind from the configured endpoint (emulator URL, trailing slash trimmed)", () => {
    const body = patch("user", {
      ...flow,
      creationOptions: { configurations: [{ roleGroupId: "staff", licenseSkus: ["S1", "S2"] }] },
    }, userServer, "http://127.0.0.1:40123/beta/") as Json;
    const [first] = (body.creationOptions as Json).configurations as Json[];
    expect(first["roleGroup@odata.bind"]).toBe("http://127.0.0.1:40123/beta/external/industryData/roleGroups/staff");
    expect(first).not.toHaveProperty("roleGroup");
    expect(first).not.toHaveProperty("roleGroupId");
  });

  it("returns undefined when nothing declared differs", () => {
    expect(patch("user", { ...flow, createUnmatchedUsers: false, managementOptions: { additionalOptions: { studentAgeGroup: "minor" } } }, userServer)).toBeUndefined();
  });

  it("returns undefined when only read-only fields and undeclared properties differ", () => {
    const server = { ...classServer, readinessStatus: "failed", lastModifiedDateTime: "2031-01-01T00:00:00Z" };
    expect(patch("classGroup", { ...flow, configuration: { additionalAttributes: ["courseTitle"] } }, server)).toBeUndefined();
  });

  it("never sends read-only readinessStatus, id or timestamps on a typed flow", () => {
    const server = { ...classServer, readinessStatus: "ready", createdDateTime: "2024-01-01T00:00:00Z" };
    const body = patch("classGroup", { ...flow, configuration: { additionalOptions: { createTeam: true } } }, server) as Json;
    expect(Object.keys(body).sort()).toEqual(["@odata.type", "configuration"]);
  });

  it("sends readinessStatus on the base kind only when declared, with the base @odata.type as seed 002 does", () => {
    expect(patch("provisioningFlow", { ...flow }, { readinessStatus: "ready" })).toBeUndefined();
    expect(patch("provisioningFlow", { ...flow, readinessStatus: "disabled" }, { readinessStatus: "ready" })).toEqual({
      "@odata.type": `${ns}provisioningFlow`,
      readinessStatus: "disabled",
    });
  });

  it("sends securityGroup creationOptions whole: the undeclared flag comes from the last read", () => {
    const body = patch("securityGroup", { ...flow, creationOptions: { createBasedOnRoleGroup: false } }, {
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true },
    });
    expect(body).toEqual({
      "@odata.type": `${ns}securityGroupProvisioningFlow`,
      creationOptions: { createBasedOnRoleGroup: false, createBasedOnOrgPlusRoleGroup: true },
    });
  });

  it("sends a declared null (studentAgeGroup: enforcement off) as null", () => {
    const body = patch("user", { ...flow, managementOptions: { additionalOptions: { studentAgeGroup: null } } }, userServer) as Json;
    expect(((body.managementOptions as Json).additionalOptions as Json).studentAgeGroup).toBeNull();
  });

  it("does not carry annotations of a fresh GET into the body", () => {
    const { inputs } = validateInputs("user", { ...flow, createUnmatchedUsers: true });
    const fresh = { "@odata.context": "ctx", ...userServer, managementOptions: { "@odata.type": "x", ...(userServer.managementOptions as Json) } };
    const body = buildPatchBody("user", inputs, fresh, { graphEndpoint }) as Json;
    expect(JSON.stringify(body)).not.toContain("@odata.context");
    expect(body.managementOptions).not.toHaveProperty("@odata.type");
  });
});

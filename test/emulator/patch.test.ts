/** Strict PATCH semantics, read-only properties, the base-type allowance and the readinessStatus rule. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { FLOW_SETS, flowBodies, NS, startTestEmulator, TestEmulator } from "./helpers";

/** A seed page's PATCH request body, copied verbatim into fixtures/. */
function seedBody(file: string): Record<string, any> {
  return JSON.parse(readFileSync(path.join(__dirname, "fixtures", file), "utf8"));
}

describe("emulator strict PATCH", () => {
  let emu: TestEmulator;
  let setId: string;
  const flow = (id: string) => `${FLOW_SETS}/${setId}/provisioningFlows/${id}`;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());
  beforeEach(async () => {
    await emu.admin("POST", "/reset");
    setId = await emu.createSet();
  });

  test("a complex property sent replaces the stored one whole: omitted sub-properties are lost", async () => {
    const id = await emu.createFlow(setId, flowBodies.user());
    const r = await emu.graph("PATCH", flow(id), {
      "@odata.type": `${NS}userProvisioningFlow`,
      managementOptions: { additionalOptions: { studentAgeGroup: "adult" } },
    });
    expect(r.status).toBe(204);
    const got = (await emu.graph("GET", flow(id))).body;
    expect(got.managementOptions).toEqual({
      additionalAttributes: [],
      additionalOptions: { allowStudentContactAssociation: null, studentAgeGroup: "adult" },
    });
  });

  test("properties not sent stay untouched", async () => {
    const id = await emu.createFlow(setId, flowBodies.user());
    const before = (await emu.graph("GET", flow(id))).body;
    await emu.graph("PATCH", flow(id), { "@odata.type": `${NS}userProvisioningFlow`, managementOptions: before.managementOptions });
    const after = (await emu.graph("GET", flow(id))).body;
    expect(after.createUnmatchedUsers).toBe(true);
    expect(after.creationOptions).toEqual(before.creationOptions);
  });

  test("a collection sent replaces the stored one whole", async () => {
    const id = await emu.createFlow(setId, flowBodies.user());
    const body = flowBodies.user();
    body.creationOptions.configurations = [body.creationOptions.configurations[1]];
    body.creationOptions.configurations[0].licenseSkus = ["SkuUpdated2"];
    expect((await emu.graph("PATCH", flow(id), body)).status).toBe(204);
    const got = (await emu.graph("GET", flow(id))).body;
    expect(got.creationOptions.configurations).toHaveLength(1);
    expect(got.creationOptions.configurations[0]).toMatchObject({ licenseSkus: ["SkuUpdated2"], roleGroup: { id: "students" } });
  });

  test("a configuration sent without defaultPasswordSettings loses its password", async () => {
    const id = await emu.createFlow(setId, flowBodies.user());
    const body = flowBodies.user();
    delete (body.creationOptions.configurations[0] as Record<string, unknown>).defaultPasswordSettings;
    await emu.graph("PATCH", flow(id), body);
    const got = (await emu.graph("GET", flow(id))).body;
    expect(got.creationOptions.configurations[0].defaultPasswordSettings).toBeNull();
    expect(got.creationOptions.configurations[1].defaultPasswordSettings.password).toBe("***************");
  });

  test.each([
    ["user flow without managementOptions", flowBodies.user, { "@odata.type": `${NS}userProvisioningFlow`, createUnmatchedUsers: false }, /'managementOptions' is required/],
    ["class-group flow without configuration", flowBodies.classGroup, { "@odata.type": `${NS}classGroupProvisioningFlow` }, /'configuration' is required/],
    ["security-group flow without creationOptions", flowBodies.securityGroup, { "@odata.type": `${NS}securityGroupProvisioningFlow` }, /'creationOptions' is required/],
    ["admin-unit flow without creationOptions", flowBodies.administrativeUnit, { "@odata.type": `${NS}administrativeUnitProvisioningFlow` }, /'creationOptions' is required/],
  ])("PATCH of a %s is a 400 (the docs mark it Required on PATCH)", async (_name, make, body, message) => {
    const id = await emu.createFlow(setId, make());
    const r = await emu.graph("PATCH", flow(id), body);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(message);
  });

  test.each(["id", "createdDateTime", "lastModifiedDateTime", "readinessStatus"])(
    "read-only %s in a concrete-kind PATCH is rejected with 400 and nothing changes",
    async (prop) => {
      const id = await emu.createFlow(setId, flowBodies.securityGroup());
      const before = (await emu.graph("GET", flow(id))).body;
      const value = prop === "readinessStatus" ? "ready" : prop === "id" ? id : "2024-01-01T00:00:00Z";
      const r = await emu.graph("PATCH", flow(id), { ...flowBodies.securityGroup(), creationOptions: { createBasedOnRoleGroup: false, createBasedOnOrgPlusRoleGroup: false }, [prop]: value });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toContain(`'${prop}' is read-only`);
      expect((await emu.graph("GET", flow(id))).body).toEqual(before);
    },
  );

  test.each(Object.entries(flowBodies))("the base provisioningFlow type (seed 002) is accepted in a PATCH of a %s flow and sets readinessStatus", async (_kind, make) => {
    const id = await emu.createFlow(setId, make());
    const r = await emu.graph("PATCH", flow(id), { "@odata.type": `${NS}provisioningFlow`, readinessStatus: "ready" });
    expect(r.status).toBe(204);
    const got = (await emu.graph("GET", flow(id))).body;
    expect(got.readinessStatus).toBe("ready");
    expect(got["@odata.type"]).toBe(make()["@odata.type"]);
  });

  test.each([
    ["an unknown readinessStatus", { readinessStatus: "String" }, /Allowed values: notReady, ready, failed, disabled, expired, unknownFutureValue/],
    ["a kind's property", { creationOptions: {} }, /'creationOptions' does not exist on type 'microsoft\.graph\.industryData\.provisioningFlow'/],
    ["a timestamp", { lastModifiedDateTime: "2024-01-01T00:00:00Z" }, /read-only/],
  ])("a base-type PATCH with %s is a 400", async (_name, extra, message) => {
    const id = await emu.createFlow(setId, flowBodies.securityGroup());
    const r = await emu.graph("PATCH", flow(id), { "@odata.type": `${NS}provisioningFlow`, ...extra });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(message);
  });

  test("seed 002's body shape (base type + readinessStatus) is accepted with a real status value", async () => {
    const id = await emu.createFlow(setId, flowBodies.user());
    const body = { ...seedBody("seed002-provisioningFlow-patch.json"), readinessStatus: "expired" };
    expect((await emu.graph("PATCH", flow(id), body)).status).toBe(204);
    expect((await emu.graph("GET", flow(id))).body.readinessStatus).toBe("expired");
  });

  test("readinessStatus rule: notReady after create, disabled after the first update, notReady again after reset", async () => {
    const created = await emu.graph("POST", `${FLOW_SETS}/${setId}/provisioningFlows`, flowBodies.securityGroup());
    expect(created.body.readinessStatus).toBe("notReady");
    expect((await emu.graph("GET", flow(created.body.id))).body.readinessStatus).toBe("notReady");
    await emu.graph("PATCH", flow(created.body.id), flowBodies.securityGroup());
    expect((await emu.graph("GET", flow(created.body.id))).body.readinessStatus).toBe("disabled");
    await emu.graph("POST", `${flow(created.body.id)}/reset`);
    expect((await emu.graph("GET", flow(created.body.id))).body.readinessStatus).toBe("notReady");
  });

  test.each([
    ["000 (security group)", "seed000-securityGroup-patch.json", flowBodies.securityGroup],
    ["003 (user)", "seed003-user-patch.json", flowBodies.user],
    ["004 (class group)", "seed004-classGroup-patch.json", flowBodies.classGroup],
  ])("seed %s request body is applied verbatim with 204 on the docs' capitalized path", async (_name, file, make) => {
    const id = await emu.createFlow(setId, make());
    const body = seedBody(file);
    const r = await emu.graph("PATCH", `/external/industryData/OutboundProvisioningFlowSets/${setId}/provisioningFlows/${id}`, body);
    expect(r.status).toBe(204);
    const got = (await emu.graph("GET", flow(id))).body;
    if (body.creationOptions?.configurations) {
      expect(got.creationOptions.configurations.map((c: any) => [c.roleGroup.id, c.licenseSkus])).toEqual([["staff", ["SkuUpdated"]], ["students", ["SkuUpdated2"]]]);
      expect(got.managementOptions.additionalOptions.studentAgeGroup).toBe("minor");
    } else if (body.configuration) {
      expect(got.configuration.enrollmentMappings).toEqual({ ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [{ code: "substitute" }] });
    } else {
      expect(got.creationOptions).toEqual(body.creationOptions);
    }
  });

  test("seed 001's draft body (readinessStatus on a concrete kind, empty creationOptions) is a 400: the metadata wins", async () => {
    const id = await emu.createFlow(setId, flowBodies.securityGroup());
    const body = seedBody("seed001-securityGroup-patch.json");
    expect((await emu.graph("PATCH", flow(id), body)).status).toBe(400);
  });
});

describe("emulator PATCH with patchResponse 200", () => {
  test("a flow PATCH answers 200 with the whole entity, roleGroup expanded and password masked", async () => {
    const emu = await startTestEmulator({ patchResponse: 200 });
    try {
      const setId = await emu.createSet();
      const id = await emu.createFlow(setId, flowBodies.user());
      const r = await emu.graph("PATCH", `${FLOW_SETS}/${setId}/provisioningFlows/${id}`, flowBodies.user());
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ id, "@odata.type": `${NS}userProvisioningFlow`, readinessStatus: "disabled" });
      expect(r.body.creationOptions.configurations[0].roleGroup.id).toBe("staff");
      expect(r.body.creationOptions.configurations[0].defaultPasswordSettings.password).toBe("***************");
    } finally {
      await emu.stop();
    }
  });
});

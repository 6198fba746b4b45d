/** Provisioning flows over real HTTP: polymorphic create, one per kind, get/list/PATCH/delete, reset. */
import { FLOW_SETS, flowBodies, NS, startTestEmulator, TestEmulator } from "./helpers";

describe("emulator provisioning flows", () => {
  let emu: TestEmulator;
  let setId: string;
  const flows = () => `${FLOW_SETS}/${setId}/provisioningFlows`;
  beforeAll(async () => {
    emu = await startTestEmulator({ pageSize: 3 });
  });
  afterAll(() => emu.stop());
  beforeEach(async () => {
    await emu.admin("POST", "/reset");
    setId = await emu.createSet();
  });

  test.each(Object.entries(flowBodies))("create %s flow answers 201 with its @odata.type and readinessStatus notReady", async (_kind, make) => {
    const body = make();
    const r = await emu.graph("POST", flows(), body);
    expect(r.status).toBe(201);
    expect(r.body["@odata.type"]).toBe(body["@odata.type"]);
    expect(r.body["@odata.context"]).toBe(`${emu.graphUrl}/$metadata#external/industryData/outboundProvisioningFlowSets('${setId}')/provisioningFlows/$entity`);
    expect(r.body.readinessStatus).toBe("notReady");
    const got = await emu.graph("GET", `${flows()}/${r.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.id).toBe(r.body.id);
  });

  test("POST without @odata.type is a 400 (provisioningFlow is abstract)", async () => {
    const { "@odata.type": _t, ...body } = flowBodies.securityGroup();
    const r = await emu.graph("POST", flows(), body);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain("@odata.type");
  });

  test.each([
    ["the abstract base type", `${NS}provisioningFlow`],
    ["an unknown type", `${NS}teacherProvisioningFlow`],
  ])("POST with %s is a 400", async (_name, type) => {
    const r = await emu.graph("POST", flows(), { ...flowBodies.securityGroup(), "@odata.type": type });
    expect(r.status).toBe(400);
  });

  test("one flow of each kind per set: a second of the same kind is a 409 Graph error", async () => {
    await emu.createFlow(setId, flowBodies.securityGroup());
    const r = await emu.graph("POST", flows(), flowBodies.securityGroup());
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: "Conflict" });
    expect(r.body.error.innerError["request-id"]).toBe(r.headers.get("request-id"));
    // Another kind in the same set, and the same kind in another set, are fine.
    expect((await emu.graph("POST", flows(), flowBodies.administrativeUnit())).status).toBe(201);
    const other = await emu.createSet({ displayName: "Other" });
    expect((await emu.graph("POST", `${FLOW_SETS}/${other}/provisioningFlows`, flowBodies.securityGroup())).status).toBe(201);
  });

  test("list returns every kind with its @odata.type, paged by nextLink", async () => {
    for (const make of Object.values(flowBodies)) await emu.createFlow(setId, make());
    const first = await emu.graph("GET", flows());
    expect(first.body["@odata.context"]).toBe(`${emu.graphUrl}/$metadata#external/industryData/outboundProvisioningFlowSets('${setId}')/provisioningFlows`);
    expect(first.body.value).toHaveLength(3);
    const second = await emu.graph("GET", first.body["@odata.nextLink"]);
    const types = [...first.body.value, ...second.body.value].map((f: Record<string, string>) => f["@odata.type"]);
    expect(types.sort()).toEqual(Object.values(flowBodies).map((m) => m()["@odata.type"]).sort());
  });

  test("flows of an unknown set are a 404", async () => {
    expect((await emu.graph("GET", `${FLOW_SETS}/00000000-0000-0000-0000-000000000000/provisioningFlows`)).status).toBe(404);
    expect((await emu.graph("POST", `${FLOW_SETS}/00000000-0000-0000-0000-000000000000/provisioningFlows`, flowBodies.securityGroup())).status).toBe(404);
  });

  test("PATCH answers 204 and the next GET shows the change", async () => {
    const id = await emu.createFlow(setId, flowBodies.securityGroup());
    const r = await emu.graph("PATCH", `${flows()}/${id}`, {
      "@odata.type": `${NS}securityGroupProvisioningFlow`,
      creationOptions: { createBasedOnRoleGroup: false, createBasedOnOrgPlusRoleGroup: true },
    });
    expect(r.status).toBe(204);
    const got = await emu.graph("GET", `${flows()}/${id}`);
    expect(got.body.creationOptions).toEqual({ createBasedOnRoleGroup: false, createBasedOnOrgPlusRoleGroup: true });
  });

  test("PATCH may not change @odata.type (400)", async () => {
    const id = await emu.createFlow(setId, flowBodies.securityGroup());
    const r = await emu.graph("PATCH", `${flows()}/${id}`, flowBodies.administrativeUnit());
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/cannot change/);
  });

  test("PATCH without @odata.type applies to the stored kind", async () => {
    const id = await emu.createFlow(setId, flowBodies.administrativeUnit());
    const r = await emu.graph("PATCH", `${flows()}/${id}`, { creationOptions: { createBasedOnOrg: false, createBasedOnOrgPlusRoleGroup: false } });
    expect(r.status).toBe(204);
  });

  test("delete answers 204; the flow is gone and its kind may be created again", async () => {
    const id = await emu.createFlow(setId, flowBodies.classGroup());
    expect((await emu.graph("DELETE", `${flows()}/${id}`)).status).toBe(204);
    expect((await emu.graph("GET", `${flows()}/${id}`)).status).toBe(404);
    expect((await emu.graph("DELETE", `${flows()}/${id}`)).status).toBe(404);
    expect((await emu.graph("POST", flows(), flowBodies.classGroup())).status).toBe(201);
  });

  test.each(["reset", "microsoft.graph.industryData.reset"])("POST …/{flowId}/%s answers 202 with no body", async (action) => {
    const id = await emu.createFlow(setId, flowBodies.user());
    const r = await emu.graph("POST", `${flows()}/${id}/${action}`);
    expect(r.status).toBe(202);
    expect(r.body).toBeUndefined();
    expect((await emu.graph("POST", `${flows()}/00000000-0000-0000-0000-000000000000/${action}`)).status).toBe(404);
  });
});

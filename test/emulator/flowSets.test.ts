/** Flow sets over real HTTP: create/get/list/PATCH/delete, paging, Graph's response shapes. */
import { FLOW_SETS, flowBodies, startTestEmulator, TestEmulator } from "./helpers";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP_7_DIGITS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;
const filter = { "@odata.type": "#microsoft.graph.industryData.basicFilter", attribute: "orgExternalId", in: ["Quarter", "Demo"] };

describe("emulator flow sets", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ pageSize: 2 });
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.admin("POST", "/reset"));

  test("create answers 201 with @odata.context, a GUID id and 7-digit timestamps", async () => {
    const r = await emu.graph("POST", FLOW_SETS, { displayName: "North", filter });
    expect(r.status).toBe(201);
    expect(r.body["@odata.context"]).toBe(`${emu.graphUrl}/$metadata#external/industryData/outboundProvisioningFlowSets/$entity`);
    expect(r.body.id).toMatch(GUID);
    expect(r.body.createdDateTime).toMatch(TIMESTAMP_7_DIGITS);
    expect(r.body.lastModifiedDateTime).toBe(r.body.createdDateTime);
    expect(r.body.displayName).toBe("North");
    expect(r.body.filter).toEqual(filter); // abstract-typed value keeps its @odata.type
    expect(r.body).not.toHaveProperty("provisioningFlows");
  });

  test("get returns what create stored; an unknown id is a Graph 404", async () => {
    const id = await emu.createSet({ displayName: "North" });
    const got = await emu.graph("GET", `${FLOW_SETS}/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id, displayName: "North", filter: null });
    const missing = await emu.graph("GET", `${FLOW_SETS}/00000000-0000-0000-0000-000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NotFound");
  });

  test("the capital-O path spelling of the docs reaches the same set", async () => {
    const id = await emu.createSet();
    const r = await emu.graph("GET", `/external/industryData/OutboundProvisioningFlowSets/${id}`);
    expect(r.status).toBe(200);
    expect(r.body.id).toBe(id);
  });

  test("list pages with @odata.nextLink at the configured page size", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await emu.createSet({ displayName: `S${i}` }));
    const seen: string[] = [];
    let url: string | undefined = `${emu.graphUrl}${FLOW_SETS}`;
    let pages = 0;
    while (url) {
      const r = await emu.graph("GET", url);
      expect(r.status).toBe(200);
      expect(r.body.value.length).toBeLessThanOrEqual(2);
      seen.push(...r.body.value.map((s: { id: string }) => s.id));
      url = r.body["@odata.nextLink"];
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
  });

  test("$top sets the page size and is kept in the nextLink", async () => {
    for (let i = 0; i < 4; i++) await emu.createSet({ displayName: `S${i}` });
    const first = await emu.graph("GET", `${FLOW_SETS}?$top=3`);
    expect(first.body.value).toHaveLength(3);
    expect(first.body["@odata.nextLink"]).toContain("$top=3");
    const second = await emu.graph("GET", first.body["@odata.nextLink"]);
    expect(second.body.value).toHaveLength(1);
    expect(second.body["@odata.nextLink"]).toBeUndefined();
  });

  test.each([
    ["$skip (unsupported per the metadata)", "$skip=1"],
    ["$filter (flow sets are not filterable)", "$filter=displayName eq 'x'"],
    ["a $top out of range", "$top=0"],
  ])("list rejects %s with 400", async (_name, query) => {
    const r = await emu.graph("GET", `${FLOW_SETS}?${query}`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("BadRequest");
  });

  test("PATCH answers 204, changes only what was sent and moves lastModifiedDateTime", async () => {
    const created = await emu.graph("POST", FLOW_SETS, { displayName: "North", filter });
    const r = await emu.graph("PATCH", `${FLOW_SETS}/${created.body.id}`, {
      "@odata.type": "#microsoft.graph.industryData.outboundProvisioningFlowSet",
      displayName: "Outbound provisioning flow Updated",
    });
    expect(r.status).toBe(204);
    expect(r.body).toBeUndefined();
    const got = await emu.graph("GET", `${FLOW_SETS}/${created.body.id}`);
    expect(got.body.displayName).toBe("Outbound provisioning flow Updated");
    expect(got.body.filter).toEqual(filter);
    expect(got.body.createdDateTime).toBe(created.body.createdDateTime);
    expect(got.body.lastModifiedDateTime > created.body.lastModifiedDateTime).toBe(true);
  });

  test("PATCH filter null removes the filter", async () => {
    const id = await emu.createSet({ displayName: "North", filter });
    expect((await emu.graph("PATCH", `${FLOW_SETS}/${id}`, { filter: null })).status).toBe(204);
    expect((await emu.graph("GET", `${FLOW_SETS}/${id}`)).body.filter).toBeNull();
  });

  test("delete answers 204 and takes the set's flows with it", async () => {
    const id = await emu.createSet();
    const flowId = await emu.createFlow(id, flowBodies.securityGroup());
    expect((await emu.graph("DELETE", `${FLOW_SETS}/${id}`)).status).toBe(204);
    expect((await emu.graph("GET", `${FLOW_SETS}/${id}`)).status).toBe(404);
    expect((await emu.graph("GET", `${FLOW_SETS}/${id}/provisioningFlows/${flowId}`)).status).toBe(404);
    const state = (await emu.admin("GET", "/state")).body;
    expect(state.flowSets).toEqual([]);
  });
});

describe("emulator flow sets with patchResponse 200", () => {
  test("PATCH answers 200 with the updated entity", async () => {
    const emu = await startTestEmulator({ patchResponse: 200 });
    try {
      const id = await emu.createSet({ displayName: "A" });
      const r = await emu.graph("PATCH", `${FLOW_SETS}/${id}`, { displayName: "B" });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ id, displayName: "B" });
      expect(r.body["@odata.context"]).toContain("outboundProvisioningFlowSets/$entity");
    } finally {
      await emu.stop();
    }
  });
});

/** The inbound collections in the admin state: GET/PUT state, seeding, reset, and the `--data` file. */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createInboundChain, IDATA, NS, startTestEmulator, TestEmulator } from "./helpers";

/** A hand-written seed: one of each inbound entity, bound by id (the stored shape of GET /state). */
function seed() {
  return {
    version: 1,
    roleGroups: [{ id: "staff", displayName: "Staff", roles: [{ code: "teacher" }] }],
    flowSets: [],
    sourceSystems: [{ id: "5e5e0000-0000-4000-8000-000000000001", displayName: "SIS", vendor: "Vendor", userMatchingSettings: [{ matchTarget: { code: "mail" }, priorityOrder: 0, sourceIdentifier: { code: "email" }, roleGroupId: "staff" }] }],
    dataConnectors: [{ id: "c0c00000-0000-4000-8000-000000000002", kind: "azureDataLakeConnector", displayName: "CSV", fileFormat: { code: "schoolDataSyncV2Rev1" }, sourceSystemId: "5e5e0000-0000-4000-8000-000000000001" }],
    years: [{ id: "7ea70000-0000-4000-8000-000000000003", displayName: "2025-26", startDate: "2025-08-15", endDate: "2026-06-30", year: { code: "2025" } }],
    inboundFlows: [{
      id: "f1f10000-0000-4000-8000-000000000004", kind: "inboundFileFlow", displayName: "Roster", dataDomain: "educationRostering",
      effectiveDateTime: "2025-08-01T00:00:00Z", expirationDateTime: null,
      dataConnectorId: "c0c00000-0000-4000-8000-000000000002", yearId: "7ea70000-0000-4000-8000-000000000003",
    }],
  };
}

describe("emulator inbound state", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.admin("POST", "/reset"));

  test("GET state holds the inbound collections with bindings by id; reset empties them and restores the built-in definitions", async () => {
    const chain = await createInboundChain(emu);
    await emu.graph("POST", `${IDATA}/referenceDefinitions`, { referenceType: "RefGradeLevel", code: "G13", isDisabled: false, sortIndex: 9999 });
    const state = (await emu.admin("GET", "/state")).body;
    expect(state.dataConnectors[0]).toMatchObject({ id: chain.connectorId, kind: "azureDataLakeConnector", sourceSystemId: chain.sourceSystemId });
    expect(state.inboundFlows[0]).toMatchObject({ id: chain.flowId, dataConnectorId: chain.connectorId, yearId: chain.yearId });
    expect(state.sourceSystems[0].userMatchingSettings.map((m: { roleGroupId: string }) => m.roleGroupId)).toEqual(["staff", "students"]);
    await emu.admin("POST", "/reset");
    const after = (await emu.admin("GET", "/state")).body;
    expect([after.sourceSystems, after.dataConnectors, after.years, after.inboundFlows, after.operations]).toEqual([[], [], [], [], []]);
    expect(after.referenceDefinitions.some((d: { id: string }) => d.id === "RefGradeLevel-G13")).toBe(false);
    expect(after.referenceDefinitions.length).toBe(state.referenceDefinitions.length - 1);
  });

  test("a seed put through PUT state is served by Graph, bindings included", async () => {
    expect((await emu.admin("PUT", "/state", seed())).status).toBe(204);
    const flow = (await emu.graph("GET", `${IDATA}/inboundFlows/f1f10000-0000-4000-8000-000000000004?$expand=dataConnector,year`)).body;
    expect(flow).toMatchObject({ "@odata.type": `${NS}inboundFileFlow`, displayName: "Roster", readinessStatus: "ready" });
    expect(flow.dataConnector.id).toBe("c0c00000-0000-4000-8000-000000000002");
    expect(flow.year.year).toEqual({ code: "2025" });
    // A state without referenceDefinitions gets the built-ins.
    expect((await emu.graph("GET", `${IDATA}/referenceDefinitions/RefFileFormat-schoolDataSyncV1`)).status).toBe(200);
  });

  test("an out-of-band edit through PUT state shows on the next read (a connector renamed in the portal)", async () => {
    const chain = await createInboundChain(emu);
    const state = (await emu.admin("GET", "/state")).body;
    state.dataConnectors[0].displayName = "Renamed in the portal";
    expect((await emu.admin("PUT", "/state", state)).status).toBe(204);
    expect((await emu.graph("GET", `${IDATA}/dataConnectors/${chain.connectorId}`)).body.displayName).toBe("Renamed in the portal");
  });

  test("a state document from before the inbound collections (version 1, no inbound keys) is accepted", async () => {
    const { sourceSystems: _s, dataConnectors: _c, years: _y, inboundFlows: _f, ...old } = seed();
    expect((await emu.admin("PUT", "/state", old)).status).toBe(204);
    expect((await emu.graph("GET", `${IDATA}/inboundFlows`)).body.value).toEqual([]);
  });

  test.each([
    ["a connector bound to a missing source system", (s: any) => (s.dataConnectors[0].sourceSystemId = "nope"), /data connector 'c0c0.*binds sourceSystems 'nope'/],
    ["a flow bound to a missing year", (s: any) => (s.inboundFlows[0].yearId = "nope"), /inbound flow 'f1f1.*binds years 'nope'/],
    ["a matching setting bound to a missing role group", (s: any) => (s.sourceSystems[0].userMatchingSettings[0].roleGroupId = "students"), /binds roleGroups 'students'/],
    ["a connector of an unknown kind", (s: any) => (s.dataConnectors[0].kind = "fileDataConnector"), /Invalid tenant state/],
    ["a year with a bad date", (s: any) => (s.years[0].startDate = "2025-13-01"), /Edm\.Date/],
    ["a flow time not in UTC", (s: any) => (s.inboundFlows[0].effectiveDateTime = "nope"), /Edm\.DateTimeOffset/],
  ])("PUT state with %s is a 400 and keeps the tenant", async (_name, edit, message) => {
    const doc = seed();
    edit(doc);
    const r = await emu.admin("PUT", "/state", doc);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(message);
    expect((await emu.admin("GET", "/state")).body.dataConnectors).toEqual([]);
  });

  test("the inbound collections survive a restart on the same data file", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "emu-inbound-"));
    const file = path.join(dir, "tenant.json");
    try {
      const first = await startTestEmulator({ dataFile: file });
      const chain = await createInboundChain(first);
      await first.stop();
      const second = await startTestEmulator({ dataFile: file });
      try {
        const flow = (await second.graph("GET", `${IDATA}/inboundFlows/${chain.flowId}/year`)).body;
        expect(flow.id).toBe(chain.yearId);
        expect((await second.graph("DELETE", `${IDATA}/years/${chain.yearId}`)).status).toBe(409);
      } finally {
        await second.stop();
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

/** Permissions per inbound collection (reference §7), in app `roles` and delegated `scp` alike. */
import { createInboundChain, IDATA, inboundBodies, startTestEmulator, TestEmulator } from "./helpers";

async function mint(emu: TestEmulator, body: Record<string, unknown>): Promise<string> {
  const r = await emu.admin("POST", "/tokens", body);
  expect(r.status).toBe(200);
  return r.body.access_token;
}

describe("emulator inbound permissions", () => {
  let emu: TestEmulator;
  let chain: Awaited<ReturnType<typeof createInboundChain>>;
  beforeAll(async () => {
    emu = await startTestEmulator();
    chain = await createInboundChain(emu);
  });
  afterAll(() => emu.stop());

  /** Each collection: the permission name's resource part, and a harmless write (PATCH of its own displayName). */
  const collections: [string, string, keyof typeof chain][] = [
    ["sourceSystems", "SourceSystem", "sourceSystemId"],
    ["dataConnectors", "DataConnector", "connectorId"],
    ["years", "TimePeriod", "yearId"],
    ["inboundFlows", "InboundFlow", "flowId"],
  ];

  describe.each(collections)("%s", (segment, resource, key) => {
    const readAll = `IndustryData-${resource}.Read.All`;
    const readWriteAll = `IndustryData-${resource}.ReadWrite.All`;
    test.each([
      [`roles ${readWriteAll}`, { roles: [readWriteAll] }, 200, 204],
      [`scp ${readWriteAll}`, { scopes: [readWriteAll] }, 200, 204],
      [`roles ${readAll}`, { roles: [readAll] }, 200, 403],
      [`scp ${readAll}`, { scopes: [readAll] }, 200, 403],
      ["the outbound flows' ReadWrite.All only", { roles: ["IndustryData-OutboundFlow.ReadWrite.All"] }, 403, 403],
      ["no permission", { roles: [] }, 403, 403],
    ])("%s: read answers %d, write answers %d", async (_name, grant, readStatus, writeStatus) => {
      const token = await mint(emu, grant);
      expect((await emu.graph("GET", `${IDATA}/${segment}`, undefined, { token })).status).toBe(readStatus);
      const write = await emu.graph("PATCH", `${IDATA}/${segment}/${chain[key]}`, { displayName: `via ${resource}` }, { token });
      expect(write.status).toBe(writeStatus);
      if (writeStatus === 403) {
        expect(write.body.error.code).toBe("Authorization_RequestDenied");
        expect(write.body.error.message).toContain(readWriteAll);
      }
    });
  });

  test.each([
    ["IndustryData-DataConnector.Upload", { roles: ["IndustryData-DataConnector.Upload"] }, 202],
    ["IndustryData-DataConnector.ReadWrite.All", { roles: ["IndustryData-DataConnector.ReadWrite.All"] }, 202],
    ["IndustryData-DataConnector.Read.All only", { roles: ["IndustryData-DataConnector.Read.All"] }, 403],
  ])("validate with %s answers %d", async (_name, grant, status) => {
    const token = await mint(emu, grant);
    const r = await emu.graph("POST", `${IDATA}/dataConnectors/${chain.connectorId}/validate`, undefined, { token });
    expect(r.status).toBe(status);
    if (status === 202) {
      // Whoever may validate may poll the operation; IndustryData.ReadBasic.All is Graph's documented permission for it.
      expect((await emu.graph("GET", r.headers.get("location")!, undefined, { token })).status).toBe(200);
      const basic = await mint(emu, { roles: ["IndustryData.ReadBasic.All"] });
      expect((await emu.graph("GET", r.headers.get("location")!, undefined, { token: basic })).status).toBe(200);
    }
  });

  test.each([
    ["IndustryData-ReferenceDefinition.Read.All", "GET", 200],
    ["IndustryData.ReadBasic.All (the older list doc)", "GET", 200],
    ["IndustryData-ReferenceDefinition.Read.All", "POST", 403],
    ["IndustryData-ReferenceDefinition.ReadWrite.All", "POST", 201],
  ])("reference definitions with %s: %s answers %d", async (name, method, status) => {
    const token = await mint(emu, { roles: [name.split(" ")[0]] });
    const body = method === "POST" ? { referenceType: "RefOrgType", code: `c${status}`, isDisabled: false, sortIndex: 5000 + status } : undefined;
    expect((await emu.graph(method, `${IDATA}/referenceDefinitions`, body, { token })).status).toBe(status);
  });

  test("a source system write needs only its own permission, even with a binding to role groups", async () => {
    const token = await mint(emu, { roles: ["IndustryData-SourceSystem.ReadWrite.All"] });
    expect((await emu.graph("POST", `${IDATA}/sourceSystems`, inboundBodies.sourceSystem(), { token })).status).toBe(201);
  });

  test("a minted token without roles carries every ReadWrite.All, inbound ones included", async () => {
    const token = await mint(emu, {});
    expect((await emu.graph("DELETE", `${IDATA}/inboundFlows/${chain.flowId}`, undefined, { token })).status).toBe(204);
  });
});

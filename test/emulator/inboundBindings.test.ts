/**
 * Inbound bindings (`…@odata.bind`): every URL form the docs show, refused when the bound entity does not exist,
 * never in a plain read, returned only through `$expand` and the navigation sub-paths, create-only on PATCH,
 * and a bound entity that cannot be deleted.
 */
import { bindUrl, createIn, createInboundChain, IDATA, inboundBodies, NS, startTestEmulator, TestEmulator } from "./helpers";

describe("emulator inbound bindings", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.admin("POST", "/reset"));

  test.each([
    ["absolute, key in parentheses (the connector docs' form)", "parens"],
    ["absolute, key as a segment (the flow docs' form)", "slash"],
    ["relative", "relative"],
  ] as const)("a bind URL %s binds the entity", async (_name, form) => {
    const sourceSystemId = await createIn(emu, "sourceSystems", inboundBodies.sourceSystem());
    const connectorId = await createIn(emu, "dataConnectors", { ...inboundBodies.csvConnector(sourceSystemId), "sourceSystem@odata.bind": bindUrl("sourceSystems", sourceSystemId, form) });
    const yearId = await createIn(emu, "years", inboundBodies.year());
    const flowId = await createIn(emu, "inboundFlows", {
      ...inboundBodies.fileFlow(connectorId, yearId),
      "dataConnector@odata.bind": bindUrl("dataConnectors", connectorId, form),
      "year@odata.bind": bindUrl("years", yearId, form),
    });
    expect((await emu.graph("GET", `${IDATA}/dataConnectors/${connectorId}/sourceSystem`)).body.id).toBe(sourceSystemId);
    const flow = (await emu.graph("GET", `${IDATA}/inboundFlows/${flowId}?$expand=dataConnector,year`)).body;
    expect([flow.dataConnector.id, flow.year.id]).toEqual([connectorId, yearId]);
  });

  test.each([
    ["a connector bound to a missing source system", "dataConnectors", async () => inboundBodies.csvConnector("0b5c3a6e-0000-4000-8000-000000000001"), /'sourceSystem@odata\.bind' references source system '0b5c3a6e-0000-4000-8000-000000000001', which does not exist/],
    ["a flow bound to a missing connector", "inboundFlows", async () => {
      const chain = await createInboundChain(emu);
      return inboundBodies.fileFlow("0b5c3a6e-0000-4000-8000-000000000002", chain.yearId);
    }, /'dataConnector@odata\.bind' references data connector '0b5c3a6e-0000-4000-8000-000000000002', which does not exist/],
    ["a flow bound to a missing year", "inboundFlows", async () => {
      const chain = await createInboundChain(emu);
      return inboundBodies.fileFlow(chain.connectorId, "0b5c3a6e-0000-4000-8000-000000000003");
    }, /'year@odata\.bind' references year '0b5c3a6e-0000-4000-8000-000000000003', which does not exist/],
    ["a flow whose year bind names a connector URL", "inboundFlows", async () => {
      const chain = await createInboundChain(emu);
      return { ...inboundBodies.fileFlow(chain.connectorId, chain.yearId), "year@odata.bind": bindUrl("dataConnectors", chain.connectorId) };
    }, /'year@odata\.bind' must reference a year/],
    ["a source system bound to a missing role group", "sourceSystems", async () => {
      const body = inboundBodies.sourceSystem();
      body.userMatchingSettings[0]["roleGroup@odata.bind"] = bindUrl("roleGroups", "parents");
      return body;
    }, /'userMatchingSettings\[0\]\.roleGroup@odata\.bind' references role group 'parents', which does not exist/],
    ["a connector without its source system bind", "dataConnectors", async () => {
      const { "sourceSystem@odata.bind": _bind, ...body } = inboundBodies.csvConnector("x");
      return body;
    }, /'sourceSystem@odata\.bind' is required/],
    ["a flow without its year bind", "inboundFlows", async () => {
      const chain = await createInboundChain(emu);
      const { "year@odata.bind": _bind, ...body } = inboundBodies.fileFlow(chain.connectorId, chain.yearId);
      return body;
    }, /'year@odata\.bind' is required/],
    ["a binding written inline instead of bound", "dataConnectors", async () => ({ ...inboundBodies.csvConnector("x"), sourceSystem: { id: "x" } }), /navigation property.*sourceSystem@odata\.bind/],
  ])("creating %s is a 400 naming the bind, and creates nothing", async (_name, segment, make, message) => {
    const body = await make();
    const before = (await emu.graph("GET", `${IDATA}/${segment}`)).body.value.length;
    const r = await emu.graph("POST", `${IDATA}/${segment}`, body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("BadRequest");
    expect(r.body.error.message).toMatch(message);
    expect((await emu.graph("GET", `${IDATA}/${segment}`)).body.value).toHaveLength(before);
  });

  test("bindings are never in a plain read: not in the 201, the GET, the list, nor a roleGroup in the matching settings", async () => {
    const chain = await createInboundChain(emu);
    const reads = [
      (await emu.graph("GET", `${IDATA}/sourceSystems/${chain.sourceSystemId}`)).body,
      (await emu.graph("GET", `${IDATA}/dataConnectors/${chain.connectorId}`)).body,
      (await emu.graph("GET", `${IDATA}/inboundFlows/${chain.flowId}`)).body,
      ...(await emu.graph("GET", `${IDATA}/inboundFlows`)).body.value,
      ...(await emu.graph("GET", `${IDATA}/dataConnectors`)).body.value,
    ];
    const keys = new Set<string>();
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(collect);
      if (v && typeof v === "object") for (const [k, inner] of Object.entries(v)) keys.add(k) && collect(inner);
    };
    collect(reads);
    for (const name of ["sourceSystem", "dataConnector", "year", "roleGroup"]) {
      expect([...keys].filter((k) => k.startsWith(name))).toEqual([]);
    }
    expect([...keys].filter((k) => k.endsWith("Id") || k.includes("@odata.bind"))).toEqual([]);
    expect(reads[0].userMatchingSettings[0]).toEqual({ matchTarget: { code: "userPrincipalName" }, priorityOrder: 0, sourceIdentifier: { code: "username" } });
  });

  test("$expand returns the bound entities, on an item and on a list; $select trims the rest", async () => {
    const chain = await createInboundChain(emu);
    const connector = (await emu.graph("GET", `${IDATA}/dataConnectors/${chain.connectorId}?$expand=sourceSystem`)).body;
    expect(connector.sourceSystem).toMatchObject({ id: chain.sourceSystemId, displayName: "Rostering source" });
    expect(connector.sourceSystem).not.toHaveProperty("@odata.type");
    const flows = (await emu.graph("GET", `${IDATA}/inboundFlows?$expand=dataConnector,year`)).body.value;
    expect(flows[0].dataConnector).toMatchObject({ "@odata.type": `${NS}azureDataLakeConnector`, id: chain.connectorId });
    expect(flows[0].year).toMatchObject({ id: chain.yearId, year: { code: "2022" } });
    const selected = (await emu.graph("GET", `${IDATA}/inboundFlows/${chain.flowId}?$select=displayName&$expand=year`)).body;
    expect(Object.keys(selected).sort()).toEqual(["@odata.context", "@odata.type", "displayName", "id", "year"]);
  });

  test("a nested $select in $expand (the cheapest read of the bindings) returns the bound ids only", async () => {
    const chain = await createInboundChain(emu);
    const flow = (await emu.graph("GET", `${IDATA}/inboundFlows/${chain.flowId}?$expand=dataConnector($select=id),year($select=id)`)).body;
    expect(flow.dataConnector).toEqual({ "@odata.type": `${NS}azureDataLakeConnector`, id: chain.connectorId });
    expect(flow.year).toEqual({ id: chain.yearId });
    expect(flow.displayName).toBe("Inbound rostering flow");
    const connectors = (await emu.graph("GET", `${IDATA}/dataConnectors?$select=displayName&$expand=sourceSystem($select=id)`)).body.value;
    expect(connectors).toEqual([{ "@odata.type": `${NS}azureDataLakeConnector`, id: chain.connectorId, displayName: "CSV connector", sourceSystem: { id: chain.sourceSystemId } }]);
  });

  test.each([
    ["$expand of a property that is not a navigation", "dataConnectors", "$expand=displayName", /navigation property named 'displayName'.*Expandable: sourceSystem/],
    ["$expand of another type's navigation", "dataConnectors", "$expand=year", /navigation property named 'year'/],
    ["$select of an unknown property", "years", "$select=color", /property named 'color'/],
    ["$select of the write-only clientSecret", "dataConnectors", "$select=clientSecret", /property named 'clientSecret'/],
    ["$filter (not served by the emulator)", "years", "$filter=displayName eq 'x'", /'\$filter' is not supported/],
    ["a nested $filter in $expand", "inboundFlows", "$expand=year($filter=id eq 'x')", /'\$filter' inside \$expand=year\(…\) is not supported/],
    ["a nested $select of an unknown property", "inboundFlows", "$expand=year($select=color)", /property named 'color' on type 'microsoft\.graph\.industryData\.yearTimePeriodDefinition'/],
  ])("%s is a 400", async (_name, segment, query, message) => {
    const r = await emu.graph("GET", `${IDATA}/${segment}?${query}`);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(message);
  });

  test.each([
    ["a connector's source system", "dataConnectors", "connectorId", "sourceSystem", "sourceSystems", "sourceSystemId"],
    ["a flow's connector", "inboundFlows", "flowId", "dataConnector", "dataConnectors", "connectorId"],
    ["a flow's year", "inboundFlows", "flowId", "year", "years", "yearId"],
  ] as const)("the navigation sub-path answers %s with its own context", async (_name, segment, from, nav, target, to) => {
    const chain = await createInboundChain(emu);
    const r = await emu.graph("GET", `${IDATA}/${segment}/${chain[from]}/${nav}`);
    expect(r.status).toBe(200);
    expect(r.body.id).toBe(chain[to]);
    expect(r.body["@odata.context"]).toBe(`${emu.graphUrl}/$metadata#external/industryData/${target}/$entity`);
    expect((await emu.graph("GET", `${IDATA}/${segment}/00000000-0000-0000-0000-000000000000/${nav}`)).status).toBe(404);
  });

  test.each([
    ["a connector's source system, even to the same one", "dataConnectors", "connectorId", (c: Chain) => ({ "sourceSystem@odata.bind": bindUrl("sourceSystems", c.sourceSystemId) }), /'sourceSystem@odata\.bind' cannot be updated/],
    ["a flow's connector", "inboundFlows", "flowId", (c: Chain) => ({ "dataConnector@odata.bind": bindUrl("dataConnectors", c.connectorId) }), /'dataConnector@odata\.bind' cannot be updated/],
    ["a flow's year", "inboundFlows", "flowId", (c: Chain) => ({ "year@odata.bind": bindUrl("years", c.yearId) }), /'year@odata\.bind' cannot be updated/],
    ["a flow's dataDomain", "inboundFlows", "flowId", () => ({ dataDomain: "unknownFutureValue" }), /'dataDomain' of a inboundFlow cannot be updated/],
    ["a year's year code", "years", "yearId", () => ({ year: { code: "2023" } }), /'year' of a yearTimePeriodDefinition cannot be updated/],
    ["a connector's kind", "dataConnectors", "connectorId", () => ({ "@odata.type": `${NS}oneRosterApiDataConnector` }), /cannot change/],
  ] as const)("a PATCH of %s (create-only) is a 400 and changes nothing", async (_name, segment, key, patch, message) => {
    const chain = await createInboundChain(emu);
    const url = `${IDATA}/${segment}/${chain[key]}`;
    const before = (await emu.graph("GET", url)).body;
    const r = await emu.graph("PATCH", url, { ...patch(chain), displayName: "changed" });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(message);
    expect((await emu.graph("GET", url)).body).toEqual(before);
  });

  test("a PATCH resending an unchanged create-only value (a year's code) is accepted", async () => {
    const { yearId } = await createInboundChain(emu);
    expect((await emu.graph("PATCH", `${IDATA}/years/${yearId}`, { year: { code: "2022" }, displayName: "FY22" })).status).toBe(204);
  });

  test.each([
    ["a source system a connector binds", "sourceSystemId", "sourceSystems", /dataConnectors '.*' bind it through 'sourceSystem'/],
    ["a connector an inbound flow binds", "connectorId", "dataConnectors", /inboundFlows '.*' bind it through 'dataConnector'/],
    ["a year an inbound flow binds", "yearId", "years", /inboundFlows '.*' bind it through 'year'/],
  ] as const)("deleting %s is a 409 Conflict naming the binders, and deletes nothing", async (_name, key, segment, message) => {
    const chain = await createInboundChain(emu);
    const r = await emu.graph("DELETE", `${IDATA}/${segment}/${chain[key]}`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("Conflict");
    expect(r.body.error.message).toMatch(message);
    expect((await emu.graph("GET", `${IDATA}/${segment}/${chain[key]}`)).status).toBe(200);
  });
});

type Chain = Awaited<ReturnType<typeof createInboundChain>>;

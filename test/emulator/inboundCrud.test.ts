/** The inbound collections over HTTP: create (201 + body), read, list, PATCH (204), delete (204), as the docs show. */
import { createIn, createInboundChain, IDATA, inboundBodies, NS, ONEROSTER_OAUTH_URL, startTestEmulator, TestEmulator } from "./helpers";
import { TEST_CLIENT_SECRETS } from "../support/testSecrets";

describe("emulator inbound collections", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.admin("POST", "/reset"));

  /** Each collection: how to make one valid body (creating what it binds), and the 201 answer expected. */
  const cases: [string, string, () => Promise<Record<string, unknown>>, Record<string, unknown>][] = [
    ["a source system", "sourceSystems", async () => inboundBodies.sourceSystem(), {
      displayName: "Rostering source",
      vendor: null,
      userMatchingSettings: [
        { matchTarget: { code: "userPrincipalName" }, priorityOrder: 0, sourceIdentifier: { code: "username" } },
        { matchTarget: { code: "userPrincipalName" }, priorityOrder: 1, sourceIdentifier: { code: "username" } },
      ],
    }],
    ["a CSV (azureDataLake) connector", "dataConnectors", async () => inboundBodies.csvConnector(await createIn(emu, "sourceSystems", inboundBodies.sourceSystem())), {
      "@odata.type": `${NS}azureDataLakeConnector`,
      displayName: "CSV connector",
      fileFormat: { code: "schoolDataSyncV2Rev1" },
    }],
    ["a OneRoster API connector", "dataConnectors", async () => inboundBodies.oneRosterConnector(await createIn(emu, "sourceSystems", inboundBodies.sourceSystem()), TEST_CLIENT_SECRETS.emulatorOneRoster), {
      "@odata.type": `${NS}oneRosterApiDataConnector`,
      displayName: "Generic OAuth2 Connector",
      apiFormat: "oneRoster",
      baseUrl: "https://fakeProvider.net/ims/oneroster/v1p1",
      apiVersion: "1.1",
      credential: {
        "@odata.type": `${NS}oAuth2ClientCredential`,
        displayName: "One Roster API Credentials",
        isValid: true,
        lastValidDateTime: null,
        clientId: "530be723-6af3-4952-8658-668fb2598ad7",
        tokenUrl: ONEROSTER_OAUTH_URL,
        scope: null,
      },
      isDemographicsEnabled: false,
      isFlagsEnabled: false,
      isContactsEnabled: false,
    }],
    ["a year", "years", async () => inboundBodies.year(), { displayName: "Fiscal Year 2022", startDate: "2022-09-01", endDate: "2023-06-15", year: { code: "2022" } }],
    ["an inbound file flow (offset times normalized to UTC)", "inboundFlows", async () => {
      const chain = await createInboundChain(emu);
      return inboundBodies.fileFlow(chain.connectorId, chain.yearId);
    }, {
      "@odata.type": `${NS}inboundFileFlow`,
      dataDomain: "educationRostering",
      displayName: "Inbound rostering flow",
      effectiveDateTime: "2023-03-12T11:10:46.924769Z",
      expirationDateTime: "2099-03-13T11:10:46.924769Z",
      readinessStatus: "ready",
    }],
  ];

  test.each(cases)("POST of %s answers 201 with the entity and its Location; GET answers the same", async (_name, segment, make, expected) => {
    const created = await emu.graph("POST", `${IDATA}/${segment}`, await make());
    expect(created.status).toBe(201);
    const { "@odata.context": context, id, ...rest } = created.body;
    expect(rest).toEqual(expected);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(context).toBe(`${emu.graphUrl}/$metadata#external/industryData/${segment}/$entity`);
    expect(created.headers.get("location")).toBe(`${emu.graphUrl}${IDATA}/${segment}/${id}`);
    const got = await emu.graph("GET", `${IDATA}/${segment}/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);
    const list = await emu.graph("GET", `${IDATA}/${segment}`);
    expect(list.body["@odata.context"]).toBe(`${emu.graphUrl}/$metadata#external/industryData/${segment}`);
    expect(list.body.value.map((e: { id: string }) => e.id)).toContain(id);
  });

  test.each([
    ["a source system's vendor (the docs' example)", "sourceSystems", () => inboundBodies.sourceSystem(), { vendor: "LMS Vendor" }],
    ["a year's displayName (the docs' example, with its id)", "years", () => inboundBodies.year(), { displayName: "Fiscal Year 2022-23" }],
  ])("PATCH of %s answers 204 and changes only that", async (_name, segment, make, patch) => {
    const id = await createIn(emu, segment, make());
    const before = (await emu.graph("GET", `${IDATA}/${segment}/${id}`)).body;
    const r = await emu.graph("PATCH", `${IDATA}/${segment}/${id}`, segment === "years" ? { ...patch, id } : patch);
    if (segment === "years") {
      // The docs' year example echoes the id: the emulator refuses read-only properties, like the outbound side.
      expect(r.status).toBe(400);
      expect(r.body.error.message).toContain("'id' is read-only");
      expect((await emu.graph("PATCH", `${IDATA}/${segment}/${id}`, patch)).status).toBe(204);
    } else {
      expect(r.status).toBe(204);
      expect(r.body).toBeUndefined();
    }
    expect((await emu.graph("GET", `${IDATA}/${segment}/${id}`)).body).toEqual({ ...before, ...patch });
  });

  test.each([
    ["CSV", "azureDataLakeConnector", { displayName: "API Monitor 60201009" }],
    ["OneRoster", "oneRosterApiDataConnector", { displayName: "One Roster Connector" }],
  ])("the docs' %s connector PATCH (@odata.type without '#') answers 204", async (_name, kind, patch) => {
    const { sourceSystemId } = await createInboundChain(emu);
    const body = kind === "azureDataLakeConnector" ? inboundBodies.csvConnector(sourceSystemId) : inboundBodies.oneRosterConnector(sourceSystemId, TEST_CLIENT_SECRETS.emulatorOneRoster);
    const id = await createIn(emu, "dataConnectors", body);
    const r = await emu.graph("PATCH", `${IDATA}/dataConnectors/${id}`, { "@odata.type": `microsoft.graph.industryData.${kind}`, ...patch });
    expect(r.status).toBe(204);
    expect((await emu.graph("GET", `${IDATA}/dataConnectors/${id}`)).body.displayName).toBe(patch.displayName);
  });

  test("the docs' inboundApiFlow PATCH answers 204; an API flow needs a OneRoster connector", async () => {
    const sourceSystemId = await createIn(emu, "sourceSystems", inboundBodies.sourceSystem());
    const connectorId = await createIn(emu, "dataConnectors", inboundBodies.oneRosterConnector(sourceSystemId, TEST_CLIENT_SECRETS.emulatorOneRoster));
    const yearId = await createIn(emu, "years", inboundBodies.year());
    const id = await createIn(emu, "inboundFlows", { ...inboundBodies.fileFlow(connectorId, yearId), "@odata.type": `${NS}inboundApiFlow` });
    const r = await emu.graph("PATCH", `${IDATA}/inboundFlows/${id}`, { "@odata.type": `${NS}inboundApiFlow`, displayName: "Updated flow name" });
    expect(r.status).toBe(204);
    expect((await emu.graph("GET", `${IDATA}/inboundFlows/${id}`)).body).toMatchObject({ "@odata.type": `${NS}inboundApiFlow`, displayName: "Updated flow name" });
  });

  test.each([
    ["the abstract inboundFlow (the older base-type doc's example)", "inboundFlows", "flowId", `${NS}inboundFlow`],
    ["the abstract industryDataConnector", "dataConnectors", "connectorId", `${NS}industryDataConnector`],
    ["the abstract fileDataConnector of a CSV connector", "dataConnectors", "connectorId", "microsoft.graph.industryData.fileDataConnector"],
  ] as const)("a PATCH naming %s in @odata.type is applied to the entity's own kind", async (_name, segment, key, type) => {
    const chain = await createInboundChain(emu);
    const url = `${IDATA}/${segment}/${chain[key]}`;
    expect((await emu.graph("PATCH", url, { "@odata.type": type, displayName: "My Inbound Flow" })).status).toBe(204);
    const got = (await emu.graph("GET", url)).body;
    expect(got.displayName).toBe("My Inbound Flow");
    expect(got["@odata.type"]).not.toBe(type);
    const other = await emu.graph("PATCH", url, { "@odata.type": `${NS}apiDataConnector` });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toMatch(/cannot change/);
  });

  test("DELETE answers 204 in dependency order, and the entity is then 404", async () => {
    const chain = await createInboundChain(emu);
    for (const [segment, id] of [["inboundFlows", chain.flowId], ["years", chain.yearId], ["dataConnectors", chain.connectorId], ["sourceSystems", chain.sourceSystemId]]) {
      expect((await emu.graph("DELETE", `${IDATA}/${segment}/${id}`)).status).toBe(204);
      const gone = await emu.graph("GET", `${IDATA}/${segment}/${id}`);
      expect(gone.status).toBe(404);
      expect(gone.body.error.code).toBe("NotFound");
    }
  });

  test.each(["sourceSystems", "dataConnectors", "years", "inboundFlows"])("PATCH and DELETE of an unknown id in %s are 404", async (segment) => {
    const missing = "00000000-0000-0000-0000-00000000abcd";
    expect((await emu.graph("PATCH", `${IDATA}/${segment}/${missing}`, { displayName: "x" })).status).toBe(404);
    expect((await emu.graph("DELETE", `${IDATA}/${segment}/${missing}`)).status).toBe(404);
  });

  test("lists page with @odata.nextLink like the outbound collections", async () => {
    for (let i = 0; i < 3; i++) await createIn(emu, "years", { ...inboundBodies.year(), displayName: `Y${i}` });
    const first = await emu.graph("GET", `${IDATA}/years?$top=2`);
    expect(first.body.value).toHaveLength(2);
    const second = await emu.graph("GET", first.body["@odata.nextLink"]);
    expect(second.body.value.map((y: { displayName: string }) => y.displayName)).toEqual(["Y2"]);
    expect(second.body["@odata.nextLink"]).toBeUndefined();
  });

  test("with patchResponse 200 an inbound PATCH answers 200 with the entity, the secret still absent", async () => {
    const other = await startTestEmulator({ patchResponse: 200 });
    try {
      const sourceSystemId = await createIn(other, "sourceSystems", inboundBodies.sourceSystem());
      const id = await createIn(other, "dataConnectors", inboundBodies.oneRosterConnector(sourceSystemId, TEST_CLIENT_SECRETS.emulatorOneRoster));
      const r = await other.graph("PATCH", `${IDATA}/dataConnectors/${id}`, { displayName: "Renamed" });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ id, displayName: "Renamed", "@odata.type": `${NS}oneRosterApiDataConnector` });
      expect(JSON.stringify(r.body)).not.toContain(TEST_CLIENT_SECRETS.emulatorOneRoster);
      expect(r.body.credential).not.toHaveProperty("clientSecret");
    } finally {
      await other.stop();
    }
  });
});

/** Inbound request validation as a strict Graph would do it: 400 in the envelope, naming the property and the rule. */
import { createIn, createInboundChain, IDATA, inboundBodies, NS, startTestEmulator, TestEmulator } from "./helpers";
import { TEST_CLIENT_SECRETS } from "../support/testSecrets";

/** A body the tests break on purpose, so deliberately typed loosely. */
type Body = Record<string, any>;

const long = "x".repeat(101);

describe("emulator inbound validation", () => {
  let emu: TestEmulator;
  let chain: Awaited<ReturnType<typeof createInboundChain>>;
  beforeAll(async () => {
    emu = await startTestEmulator();
    chain = await createInboundChain(emu);
  });
  afterAll(() => emu.stop());

  const oneRoster = (edit: (b: Body) => void) => () => {
    const b: Body = inboundBodies.oneRosterConnector(chain.sourceSystemId, TEST_CLIENT_SECRETS.emulatorOneRoster);
    edit(b);
    return b;
  };
  const fileFlow = (edit: (b: Body) => void) => () => {
    const b: Body = inboundBodies.fileFlow(chain.connectorId, chain.yearId);
    edit(b);
    return b;
  };
  const year = (edit: (b: Body) => void) => () => {
    const b: Body = inboundBodies.year();
    edit(b);
    return b;
  };
  const sourceSystem = (edit: (b: Body) => void) => () => {
    const b: Body = inboundBodies.sourceSystem();
    edit(b);
    return b;
  };

  const cases: [string, string, () => Body, RegExp][] = [
    ["a source system displayName over 100 characters", "sourceSystems", sourceSystem((b) => (b.displayName = long)), /'displayName' is too long: at most 100 characters are allowed, got 101/],
    ["a source system vendor over 100 characters", "sourceSystems", sourceSystem((b) => (b.vendor = long)), /'vendor' is too long/],
    ["a source system without displayName", "sourceSystems", sourceSystem((b) => delete b.displayName), /'displayName' is required/],
    ["a matching setting without priorityOrder", "sourceSystems", sourceSystem((b) => delete b.userMatchingSettings[1].priorityOrder), /'userMatchingSettings\[1\]\.priorityOrder' is required/],
    ["a fractional priorityOrder", "sourceSystems", sourceSystem((b) => (b.userMatchingSettings[0].priorityOrder = 1.5)), /'userMatchingSettings\[0\]\.priorityOrder' to Edm\.Int32/],
    ["an unknown match target code", "sourceSystems", sourceSystem((b) => (b.userMatchingSettings[0].matchTarget.code = "shoeSize")), /'userMatchingSettings\[0\]\.matchTarget\.code' has code 'shoeSize', which is not a RefUserMatchTarget reference definition\. Known codes: userPrincipalName/],
    ["a source identifier bound to another reference type", "sourceSystems", sourceSystem((b) => (b.userMatchingSettings[0].sourceIdentifier = { "value@odata.bind": "external/industryData/referenceDefinitions/RefRole-student" })), /needs 'code' \(or 'value@odata\.bind' to a RefIdentifierType reference definition\)/],
    ["a year displayName over 100 characters", "years", year((b) => (b.displayName = long)), /'displayName' is too long/],
    ["a startDate not YYYY-MM-DD", "years", year((b) => (b.startDate = "09/01/2022")), /literal '09\/01\/2022' of property 'startDate' to Edm\.Date: expected a calendar day as YYYY-MM-DD/],
    ["an endDate that is no calendar day", "years", year((b) => (b.endDate = "2023-02-30")), /'endDate' to Edm\.Date/],
    ["a startDate after the endDate", "years", year((b) => (b.startDate = "2023-07-01")), /'startDate' \(2023-07-01\) is after 'endDate' \(2023-06-15\)/],
    ["a year without its year code", "years", year((b) => delete b.year), /'year' is required/],
    ["an unknown year code", "years", year((b) => (b.year = { code: "22" })), /'year\.code' has code '22', which is not a RefAcademicYear/],
    ["a connector displayName over 100 characters", "dataConnectors", oneRoster((b) => (b.displayName = long)), /'displayName' is too long/],
    ["an unknown apiFormat", "dataConnectors", oneRoster((b) => (b.apiFormat = "oneRoster2")), /'apiFormat'.*Allowed values: oneRoster, unknownFutureValue/],
    ["a baseUrl that is not an absolute URL", "dataConnectors", oneRoster((b) => (b.baseUrl = "fakeProvider.net/ims")), /'baseUrl' must be an absolute http\(s\) URL/],
    ["a OneRoster connector without apiVersion", "dataConnectors", oneRoster((b) => delete b.apiVersion), /'apiVersion' is required/],
    ["a string for a Boolean", "dataConnectors", oneRoster((b) => (b.isFlagsEnabled = "false")), /'isFlagsEnabled' to Edm\.Boolean/],
    ["a credential without @odata.type (abstract)", "dataConnectors", oneRoster((b) => delete b.credential["@odata.type"]), /'credential\.@odata\.type' is required/],
    ["a credential of the abstract oAuthClientCredential", "dataConnectors", oneRoster((b) => (b.credential["@odata.type"] = `${NS}oAuthClientCredential`)), /Invalid @odata\.type '#microsoft\.graph\.industryData\.oAuthClientCredential'/],
    ["a credential without its clientSecret", "dataConnectors", oneRoster((b) => delete b.credential.clientSecret), /'credential\.clientSecret' is required/],
    ["an OAuth2 credential without tokenUrl", "dataConnectors", oneRoster((b) => delete b.credential.tokenUrl), /'credential\.tokenUrl' is required/],
    ["an OAuth1 credential with a tokenUrl", "dataConnectors", oneRoster((b) => (b.credential["@odata.type"] = `${NS}oAuth1ClientCredential`)), /'credential\.tokenUrl' does not exist on type 'microsoft\.graph\.industryData\.oAuth1ClientCredential'/],
    ["a read-only credential.isValid", "dataConnectors", oneRoster((b) => (b.credential.isValid = true)), /'credential\.isValid' is read-only/],
    ["a read-only credential.lastValidDateTime", "dataConnectors", oneRoster((b) => (b.credential.lastValidDateTime = null)), /'credential\.lastValidDateTime' is read-only/],
    ["an unknown file format code", "dataConnectors", () => ({ ...inboundBodies.csvConnector(chain.sourceSystemId), fileFormat: { code: "excel" } }), /'fileFormat\.code' has code 'excel'.*Known codes: schoolDataSyncV1, schoolDataSyncV2Rev1/],
    ["the abstract industryDataConnector", "dataConnectors", () => ({ ...inboundBodies.csvConnector(chain.sourceSystemId), "@odata.type": `${NS}industryDataConnector` }), /the type is abstract.*azureDataLakeConnector, #microsoft\.graph\.industryData\.oneRosterApiDataConnector/],
    ["the abstract fileDataConnector", "dataConnectors", () => ({ ...inboundBodies.csvConnector(chain.sourceSystemId), "@odata.type": `${NS}fileDataConnector` }), /the type is abstract/],
    ["another collection's type", "dataConnectors", () => ({ ...inboundBodies.csvConnector(chain.sourceSystemId), "@odata.type": `${NS}inboundFileFlow` }), /'microsoft\.graph\.industryData\.inboundFileFlow' in dataConnectors: not a type of this collection/],
    ["a connector without @odata.type", "dataConnectors", () => {
      const { "@odata.type": _t, ...b } = inboundBodies.csvConnector(chain.sourceSystemId);
      return b;
    }, /'@odata\.type' is required: microsoft\.graph\.industryData\.industryDataConnector is abstract/],
    ["a read-only id", "dataConnectors", () => ({ ...inboundBodies.csvConnector(chain.sourceSystemId), id: "51dca0a0-85f6-4478-f526-08daddab2271" }), /'id' is read-only/],
    ["a flow displayName over 100 characters", "inboundFlows", fileFlow((b) => (b.displayName = long)), /'displayName' is too long/],
    ["the abstract inboundFlow", "inboundFlows", fileFlow((b) => (b["@odata.type"] = `${NS}inboundFlow`)), /the type is abstract/],
    ["an effectiveDateTime without a time zone", "inboundFlows", fileFlow((b) => (b.effectiveDateTime = "2023-03-12T16:40:46")), /'effectiveDateTime' to Edm\.DateTimeOffset: expected ISO 8601 with a time zone/],
    ["an effectiveDateTime after the expirationDateTime", "inboundFlows", fileFlow((b) => (b.expirationDateTime = "2023-03-01T00:00:00Z")), /'effectiveDateTime' \(2023-03-12T11:10:46\.924769Z\) is after 'expirationDateTime' \(2023-03-01T00:00:00Z\)/],
    ["an unknown dataDomain", "inboundFlows", fileFlow((b) => (b.dataDomain = "finance")), /'dataDomain'.*Allowed values: educationRostering, unknownFutureValue/],
    ["the unsupported dataDomain unknownFutureValue", "inboundFlows", fileFlow((b) => (b.dataDomain = "unknownFutureValue")), /only educationRostering is/],
    ["a read-only readinessStatus", "inboundFlows", fileFlow((b) => (b.readinessStatus = "ready")), /'readinessStatus' is read-only/],
    ["a flow without effectiveDateTime", "inboundFlows", fileFlow((b) => delete b.effectiveDateTime), /'effectiveDateTime' is required/],
    ["an API flow on a CSV connector", "inboundFlows", fileFlow((b) => (b["@odata.type"] = `${NS}inboundApiFlow`)), /An inboundApiFlow reads from an oneRosterApiDataConnector/],
  ];

  test.each(cases)("POST with %s is a 400 naming the property", async (_name, segment, make, message) => {
    const r = await emu.graph("POST", `${IDATA}/${segment}`, make());
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("BadRequest");
    expect(r.body.error.message).toMatch(message);
    expect(Object.keys(r.body.error.innerError).sort()).toEqual(["client-request-id", "date", "request-id"]);
  });

  test.each([
    ["a displayName over 100 characters", "years", "yearId", { displayName: long }, /'displayName' is too long/],
    ["an endDate before the stored startDate", "years", "yearId", { endDate: "2021-01-01" }, /'startDate' \(2022-09-01\) is after 'endDate' \(2021-01-01\)/],
    ["an expirationDateTime before the stored effectiveDateTime", "inboundFlows", "flowId", { expirationDateTime: "2020-01-01T00:00:00Z" }, /is after 'expirationDateTime'/],
    ["null for the non-nullable displayName", "sourceSystems", "sourceSystemId", { displayName: null }, /'displayName'.*non-nullable/],
    ["a read-only id", "inboundFlows", "flowId", { id: "x" }, /'id' is read-only/],
  ] as const)("PATCH with %s is a 400", async (_name, segment, key, body, message) => {
    const r = await emu.graph("PATCH", `${IDATA}/${segment}/${chain[key]}`, body);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(message);
  });

  test("property names bind case-insensitively and reference codes take the definition's spelling", async () => {
    const id = await createIn(emu, "years", { DisplayName: "FY24", startdate: "2024-08-01", endDate: "2025-06-30", year: { code: "2024" } });
    const sourceSystemId = await createIn(emu, "sourceSystems", {
      displayName: "Case",
      userMatchingSettings: [{ matchtarget: { code: "USERPRINCIPALNAME" }, priorityOrder: 0, "roleGroup@odata.bind": "external/industryData/roleGroups/Staff", sourceIdentifier: { "value@odata.bind": "external/industryData/referenceDefinitions/RefIdentifierType-email" } }],
    });
    expect((await emu.graph("GET", `${IDATA}/years/${id}`)).body).toMatchObject({ displayName: "FY24", startDate: "2024-08-01" });
    expect((await emu.graph("GET", `${IDATA}/sourceSystems/${sourceSystemId}`)).body.userMatchingSettings).toEqual([
      { matchTarget: { code: "userPrincipalName" }, priorityOrder: 0, sourceIdentifier: { code: "email" } },
    ]);
  });

  test.each([
    ["a negative offset", "2024-08-01T00:00:00.5-07:00", "2024-08-01T07:00:00.5Z"],
    ["UTC already", "2024-08-01T00:00:00Z", "2024-08-01T00:00:00Z"],
    ["an offset crossing midnight", "2024-08-01T01:30:00.1234567+02:00", "2024-07-31T23:30:00.1234567Z"],
  ])("effectiveDateTime with %s is stored and returned in UTC", async (_name, sent, stored) => {
    const id = await createIn(emu, "inboundFlows", { ...inboundBodies.fileFlow(chain.connectorId, chain.yearId), effectiveDateTime: sent, expirationDateTime: null });
    const got = (await emu.graph("GET", `${IDATA}/inboundFlows/${id}`)).body;
    expect([got.effectiveDateTime, got.expirationDateTime]).toEqual([stored, null]);
  });

  test("readinessStatus is server-set: ready while the window is open, expired once it has closed", async () => {
    const id = await createIn(emu, "inboundFlows", { ...inboundBodies.fileFlow(chain.connectorId, chain.yearId), expirationDateTime: "2024-01-01T00:00:00Z" });
    expect((await emu.graph("GET", `${IDATA}/inboundFlows/${id}`)).body.readinessStatus).toBe("expired");
    await emu.graph("PATCH", `${IDATA}/inboundFlows/${id}`, { expirationDateTime: null });
    expect((await emu.graph("GET", `${IDATA}/inboundFlows/${id}`)).body.readinessStatus).toBe("ready");
  });
});

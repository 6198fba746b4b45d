/**
 * The reconcile rules on the inbound kinds (pure): POST bodies with the bindings, outputs, no-op diffs after
 * Graph's normalizations, replace on create-only values, minimal PATCH bodies, the write-only client secret and
 * the never-returned roleGroup.
 */
import { buildCreateBody, buildPatchBody, diffResource, toOutputs } from "../../provider/reconcile";
import { validateInputs, type ResourceKind } from "../../provider/schema";
import {
  csvConnectorArgs,
  inboundFlowArgs,
  oneRosterConnectorArgs,
  referenceDefinitionArgs,
  sourceSystemArgs,
  TOKEN_URL,
  yearArgs,
} from "../support/inboundArgs";
import { TEST_CLIENT_SECRETS } from "../support/testSecrets";

type Json = Record<string, any>;
const ns = "#microsoft.graph.industryData.";
const graphEndpoint = "https://graph.microsoft.com/beta";
const base = `${graphEndpoint}/external/industryData`;
const SECRET = TEST_CLIENT_SECRETS.connectorUnit;
const ROTATED = TEST_CLIENT_SECRETS.connectorUnitRotated;

function checked(kind: ResourceKind, raw: Json): Json {
  const { inputs, failures } = validateInputs(kind, raw);
  expect(failures).toEqual([]);
  return inputs;
}

/** What Graph answers to a GET with $expand after a create from these arguments (its normalizations applied). */
const server = {
  sourceSystem: (): Json => ({
    id: "ss-1",
    displayName: "Rostering source",
    vendor: "LMS Vendor",
    // Quirk: roleGroup is never returned; codes come back as Graph holds them.
    userMatchingSettings: [
      { priorityOrder: 1, matchTarget: { code: "userPrincipalName" }, sourceIdentifier: { code: "username" } },
      { priorityOrder: 0, matchTarget: { code: "UserPrincipalName" }, sourceIdentifier: { code: "username" } },
    ],
  }),
  csv: (sourceSystemId = "ss-1"): Json => ({
    "@odata.type": `${ns}azureDataLakeConnector`,
    id: "dc-1",
    displayName: "CSV connector",
    fileFormat: { code: "schoolDataSyncV2Rev1" },
    sourceSystem: { id: sourceSystemId, displayName: "Rostering source" },
  }),
  oneRoster: (sourceSystemId = "ss-1"): Json => ({
    "@odata.type": `${ns}oneRosterApiDataConnector`,
    id: "dc-2",
    displayName: "Generic OAuth2 Connector",
    apiFormat: "oneRoster",
    baseUrl: "https://oneroster.example.net/ims/oneroster/v1p1",
    apiVersion: "1.1",
    isContactsEnabled: false,
    isDemographicsEnabled: false,
    isFlagsEnabled: false,
    // Quirk: the client secret is never returned; isValid/lastValidDateTime are Graph's.
    credential: {
      "@odata.type": `${ns}oAuth2ClientCredential`,
      displayName: "One Roster API Credentials",
      isValid: true,
      lastValidDateTime: null,
      clientId: "530be723-6af3-4952-8658-668fb2598ad7",
      tokenUrl: TOKEN_URL,
      scope: null,
    },
    sourceSystem: { id: sourceSystemId },
  }),
  year: (): Json => ({ id: "y-1", displayName: "School year 2025-26", startDate: "2025-09-01", endDate: "2026-06-30", year: { code: "2025" } }),
  inboundFlow: (kind: "inboundFileFlow" | "inboundApiFlow", yearId = "y-1"): Json => ({
    "@odata.type": `${ns}${kind}`,
    id: "if-1",
    displayName: "Inbound rostering flow",
    dataDomain: "educationRostering",
    // Quirk: Graph normalizes to UTC with 7 fractional digits.
    effectiveDateTime: "2025-08-15T00:00:00.0000000Z",
    expirationDateTime: "2026-07-31T00:00:00Z",
    readinessStatus: "ready",
    dataConnector: { "@odata.type": `${ns}azureDataLakeConnector`, id: "dc-1" },
    year: { id: yearId },
  }),
  reference: (): Json => ({
    id: "RefGradeLevel-TestGrade",
    referenceType: "RefGradeLevel",
    code: "TestGrade",
    displayName: "New Test Grade Level",
    isDisabled: false,
    sortIndex: 300,
    source: "Tenant Defined",
    createdDateTime: "2025-03-13T18:20:26Z",
    lastModifiedDateTime: "2025-03-13T18:20:26Z",
  }),
};

interface KindCase {
  kind: ResourceKind;
  args: () => Json;
  read: () => Json;
}

const kinds: KindCase[] = [
  { kind: "sourceSystem", args: sourceSystemArgs, read: server.sourceSystem },
  { kind: "azureDataLakeConnector", args: () => csvConnectorArgs("ss-1"), read: () => server.csv() },
  { kind: "oneRosterApiDataConnector", args: () => oneRosterConnectorArgs("ss-1"), read: () => server.oneRoster() },
  { kind: "year", args: yearArgs, read: server.year },
  { kind: "inboundFileFlow", args: () => inboundFlowArgs("dc-1", "y-1"), read: () => server.inboundFlow("inboundFileFlow") },
  { kind: "inboundApiFlow", args: () => inboundFlowArgs("dc-1", "y-1"), read: () => server.inboundFlow("inboundApiFlow") },
  { kind: "referenceDefinition", args: referenceDefinitionArgs, read: server.reference },
];

function created(c: KindCase): { declared: Json; outs: Json } {
  const declared = checked(c.kind, c.args());
  return { declared, outs: toOutputs(c.kind, c.read(), declared) };
}

describe("POST bodies", () => {
  test("a connector binds its source system with sourceSystem@odata.bind (absolute URL, as Graph's examples)", () => {
    const body = buildCreateBody("azureDataLakeConnector", checked("azureDataLakeConnector", csvConnectorArgs("ss-1")), { graphEndpoint });
    expect(body).toEqual({
      "@odata.type": `${ns}azureDataLakeConnector`,
      displayName: "CSV connector",
      fileFormat: { code: "schoolDataSyncV2Rev1" },
      "sourceSystem@odata.bind": `${base}/sourceSystems/ss-1`,
    });
  });

  test("an inbound flow binds its connector and year; a OneRoster connector sends its OAuth 2 credential with the secret", () => {
    expect(buildCreateBody("inboundFileFlow", checked("inboundFileFlow", inboundFlowArgs("dc-1", "y-1")), { graphEndpoint })).toMatchObject({
      "@odata.type": `${ns}inboundFileFlow`,
      "dataConnector@odata.bind": `${base}/dataConnectors/dc-1`,
      "year@odata.bind": `${base}/years/y-1`,
    });
    const body = buildCreateBody("oneRosterApiDataConnector", checked("oneRosterApiDataConnector", oneRosterConnectorArgs("ss-1")), { graphEndpoint });
    expect(body.credential).toEqual({ "@odata.type": `${ns}oAuth2ClientCredential`, ...oneRosterConnectorArgs("ss-1").credential });
  });

  test("a source system writes each roleGroupId as roleGroup@odata.bind", () => {
    const body: Json = buildCreateBody("sourceSystem", checked("sourceSystem", sourceSystemArgs()), { graphEndpoint });
    expect(body.userMatchingSettings[1]).toEqual({
      priorityOrder: 1,
      matchTarget: { code: "userPrincipalName" },
      sourceIdentifier: { code: "username" },
      "roleGroup@odata.bind": `${base}/roleGroups/students`,
    });
  });
});

describe("outputs", () => {
  test.each(kinds)("$kind: its own id under its adopt argument, bindings by id, read-only values, nothing secret", (c) => {
    const { outs } = created(c);
    expect(JSON.stringify(outs)).not.toContain(SECRET);
    expect(outs.adopted).toBe(false);
    expect(outs.deleteOnDestroy).toBe(true);
    expect(outs).not.toHaveProperty("sourceSystem");
    expect(outs).not.toHaveProperty("dataConnector");
  });

  test("the expanded navigations become their ids; the write-only secret is kept as a salted hash only", () => {
    const connector = created(kinds[2]).outs;
    expect(connector).toMatchObject({ dataConnectorId: "dc-2", sourceSystemId: "ss-1", odataType: `${ns}oneRosterApiDataConnector` });
    expect(Object.keys(connector.passwordHashes)).toEqual(["credential.clientSecret"]);
    expect(connector.credential).toMatchObject({ isValid: true, lastValidDateTime: null });
    const flow = created(kinds[4]).outs;
    expect(flow).toMatchObject({ inboundFlowId: "if-1", dataConnectorId: "dc-1", yearId: "y-1", readinessStatus: "ready" });
  });

  test("a POST answer without the navigations keeps the ids just bound", () => {
    const declared = checked("azureDataLakeConnector", csvConnectorArgs("ss-1"));
    const { sourceSystem: _, ...answer } = server.csv();
    expect(toOutputs("azureDataLakeConnector", answer, declared).sourceSystemId).toBe("ss-1");
  });
});

describe("no-op diffs (Graph's normalizations are no change)", () => {
  test.each(kinds)("$kind: the create's own outputs against the same arguments", (c) => {
    const { declared, outs } = created(c);
    const none = { changes: false, replaces: [], changedProperties: [], deleteBeforeReplace: false, detailedChanges: [] };
    // Both the inputs the create was given and a fresh check of the same arguments (as the next run makes).
    expect(diffResource(c.kind, declared, outs)).toEqual(none);
    expect(diffResource(c.kind, checked(c.kind, c.args()), outs)).toEqual(none);
  });

  test.each(kinds)("$kind: a refresh that changed only read-only values (isValid, lastValidDateTime, readinessStatus, timestamps)", (c) => {
    const { outs } = created(c);
    const read = c.read();
    if (read.credential) Object.assign(read.credential, { isValid: false, lastValidDateTime: "2025-10-01T00:00:00Z" });
    if ("readinessStatus" in read) read.readinessStatus = "failed";
    if ("lastModifiedDateTime" in read) read.lastModifiedDateTime = "2026-01-01T00:00:00Z";
    const refreshed = toOutputs(c.kind, read, undefined, { olds: outs });
    expect(diffResource(c.kind, checked(c.kind, c.args()), refreshed).changes).toBe(false);
  });
});

describe("replace on create-only values, naming the argument", () => {
  const rows: { name: string; kind: ResourceKind; c: number; edit: (args: Json) => void; replaces: string[] }[] = [
    { name: "a connector's source system", kind: "azureDataLakeConnector", c: 1, edit: (a) => (a.sourceSystemId = "ss-2"), replaces: ["sourceSystemId"] },
    { name: "a CSV connector's file format", kind: "azureDataLakeConnector", c: 1, edit: (a) => (a.fileFormat = { code: "schoolDataSyncV1" }), replaces: ["fileFormat"] },
    { name: "a OneRoster connector's source system", kind: "oneRosterApiDataConnector", c: 2, edit: (a) => (a.sourceSystemId = "ss-2"), replaces: ["sourceSystemId"] },
    { name: "a year's code", kind: "year", c: 3, edit: (a) => (a.year = { code: "2026" }), replaces: ["year"] },
    { name: "an inbound flow's connector", kind: "inboundFileFlow", c: 4, edit: (a) => (a.dataConnectorId = "dc-9"), replaces: ["dataConnectorId"] },
    { name: "an inbound flow's year", kind: "inboundApiFlow", c: 5, edit: (a) => (a.yearId = "y-2"), replaces: ["yearId"] },
    { name: "a reference definition's code", kind: "referenceDefinition", c: 6, edit: (a) => (a.code = "OtherGrade"), replaces: ["code"] },
    { name: "adopting another entity", kind: "year", c: 3, edit: (a) => (a.yearId = "y-other"), replaces: ["yearId"] },
  ];
  test.each(rows)("$name", ({ kind, c, edit, replaces }) => {
    const { outs } = created(kinds[c]);
    const args = kinds[c].args();
    edit(args);
    const diff = diffResource(kind, checked(kind, args), outs);
    expect(diff).toMatchObject({ changes: true, replaces, deleteBeforeReplace: false });
  });

  test("a create-only code Graph returns in another case is no change (reference codes compare case-insensitively)", () => {
    const { outs } = created(kinds[1]);
    const read = { ...outs, fileFormat: { code: "SCHOOLDATASYNCV2REV1" } };
    expect(diffResource("azureDataLakeConnector", checked("azureDataLakeConnector", csvConnectorArgs("ss-1")), read).changes).toBe(false);
  });

  test("a binding changed out of band (read back through $expand) replaces on the next up", () => {
    const { outs } = created(kinds[5]);
    const refreshed = toOutputs("inboundApiFlow", server.inboundFlow("inboundApiFlow", "y-out-of-band"), undefined, { olds: outs });
    expect(refreshed.yearId).toBe("y-out-of-band");
    expect(diffResource("inboundApiFlow", checked("inboundApiFlow", inboundFlowArgs("dc-1", "y-1")), refreshed).replaces).toEqual(["yearId"]);
  });
});

describe("PATCH bodies hold only what differs", () => {
  test.each([
    { name: "a renamed connector", c: 1, edit: (a: Json) => (a.displayName = "CSV uploads"), body: { displayName: "CSV uploads" } },
    { name: "a year's new end date", c: 3, edit: (a: Json) => (a.endDate = "2026-07-15"), body: { endDate: "2026-07-15" } },
    { name: "a source system's vendor", c: 0, edit: (a: Json) => (a.vendor = "Other Vendor"), body: { vendor: "Other Vendor" } },
    { name: "an inbound flow's expiration", c: 4, edit: (a: Json) => (a.expirationDateTime = "2026-08-31T00:00:00Z"), body: { expirationDateTime: "2026-08-31T00:00:00Z" } },
    { name: "a re-enabled reference definition", c: 6, edit: (a: Json) => (a.isDisabled = true), body: { isDisabled: true } },
  ])("$name", ({ c, edit, body }) => {
    const { outs } = created(kinds[c]);
    const args = kinds[c].args();
    edit(args);
    const kind = kinds[c].kind;
    expect(buildPatchBody(kind, checked(kind, args), outs, { graphEndpoint, olds: outs })).toEqual({ "@odata.type": `${ns}${graphTypeOf(kind)}`, ...body });
  });

  test("a client secret rotation resends the whole credential, with the new secret and without Graph's read-only values", () => {
    const { outs } = created(kinds[2]);
    const news = checked("oneRosterApiDataConnector", oneRosterConnectorArgs("ss-1", ROTATED));
    expect(diffResource("oneRosterApiDataConnector", news, outs)).toMatchObject({ changes: true, replaces: [] });
    expect(buildPatchBody("oneRosterApiDataConnector", news, outs, { graphEndpoint, olds: outs })).toEqual({
      "@odata.type": `${ns}oneRosterApiDataConnector`,
      credential: {
        "@odata.type": `${ns}oAuth2ClientCredential`,
        displayName: "One Roster API Credentials",
        clientId: "530be723-6af3-4952-8658-668fb2598ad7",
        clientSecret: ROTATED,
        tokenUrl: TOKEN_URL,
        scope: null,
      },
    });
    // The updated outputs record the new secret's hash: the next diff is clean.
    const updated = toOutputs("oneRosterApiDataConnector", server.oneRoster(), news, { olds: outs });
    expect(diffResource("oneRosterApiDataConnector", news, updated).changes).toBe(false);
    expect(JSON.stringify(updated)).not.toContain(ROTATED);
  });

  test("a client secret rotation is located at credential.clientSecret by the connector's own write-only rules, also without old inputs (judged against its hash, not by the user flow's rules)", () => {
    const { outs } = created(kinds[2]);
    const news = checked("oneRosterApiDataConnector", oneRosterConnectorArgs("ss-1", ROTATED));
    expect(diffResource("oneRosterApiDataConnector", news, outs).detailedChanges).toEqual([
      { path: "credential.clientSecret", kind: "add", replace: false, inputDiff: true },
    ]);
    const same = checked("oneRosterApiDataConnector", oneRosterConnectorArgs("ss-1"));
    expect(diffResource("oneRosterApiDataConnector", same, outs).detailedChanges).toEqual([]);
  });

  test("roleGroup is compared with the last declared value: a change sends the settings whole with every bind", () => {
    const { outs } = created(kinds[0]);
    const args = sourceSystemArgs();
    args.userMatchingSettings[1].roleGroupId = "guardians";
    const news = checked("sourceSystem", args);
    expect(diffResource("sourceSystem", news, outs).changes).toBe(true);
    const body: Json = buildPatchBody("sourceSystem", news, outs, { graphEndpoint, olds: outs })!;
    expect(Object.keys(body)).toEqual(["@odata.type", "userMatchingSettings"]);
    expect(body.userMatchingSettings.map((s: Json) => s["roleGroup@odata.bind"])).toEqual([`${base}/roleGroups/staff`, `${base}/roleGroups/guardians`]);
  });

  test("reordered settings or a roleGroupId in another case are no change", () => {
    const { outs } = created(kinds[0]);
    const args = sourceSystemArgs();
    args.userMatchingSettings.reverse();
    args.userMatchingSettings[0].roleGroupId = "Students";
    expect(diffResource("sourceSystem", checked("sourceSystem", args), outs).changes).toBe(false);
  });

  test("an adopted source system declaring settings sends them once (Graph cannot tell their role groups)", () => {
    const declared = checked("sourceSystem", { ...sourceSystemArgs(), sourceSystemId: "ss-1" });
    const body = buildPatchBody("sourceSystem", declared, server.sourceSystem(), { graphEndpoint });
    expect(Object.keys(body!)).toEqual(["@odata.type", "userMatchingSettings"]);
    const outs = toOutputs("sourceSystem", server.sourceSystem(), declared);
    expect(diffResource("sourceSystem", declared, outs).changes).toBe(false);
  });
});

function graphTypeOf(kind: ResourceKind): string {
  return { sourceSystem: "sourceSystemDefinition", year: "yearTimePeriodDefinition" }[kind as string] ?? kind;
}

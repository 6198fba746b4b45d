/** Black-box helpers for the emulator tests: start one on port 0, talk to it with global fetch. */
import { Agent, Dispatcher } from "undici";
import { EmulatorOptions, RunningEmulator, startEmulator } from "../../emulator";
import { TEST_PASSWORDS, TEST_TOKENS } from "../support/testSecrets";

export const TOKEN = TEST_TOKENS.emulatorStatic;
export const FLOW_SETS = "/external/industryData/outboundProvisioningFlowSets";
export const NS = "#microsoft.graph.industryData.";

/** A response read once: status, headers and parsed JSON (undefined when empty). */
export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** A started emulator plus request helpers bound to it. */
export interface TestEmulator extends RunningEmulator {
  /** A Graph call (path relative to graphUrl) with the static token unless `token` says otherwise. */
  graph(method: string, path: string, body?: unknown, init?: { token?: string | null; headers?: Record<string, string> }): Promise<Answer>;
  /** An admin API call (path relative to adminUrl). */
  admin(method: string, path: string, body?: unknown): Promise<Answer>;
  /** POST a flow set and return its id. */
  createSet(body?: Record<string, unknown>): Promise<string>;
  /** POST a flow and return its id. */
  createFlow(setId: string, body: Record<string, unknown>): Promise<string>;
}

async function call(url: string, method: string, body: unknown, headers: Record<string, string>, dispatcher?: Dispatcher): Promise<Answer> {
  const init: RequestInit & { dispatcher?: Dispatcher } = { method, headers: { ...headers }, dispatcher };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  const res = await fetch(url, init);
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** Starts an emulator with the static test token (plus `options`). */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emu = await startEmulator({ staticToken: TOKEN, ...options });
  // With tls, trust the emulator's own CA for these calls only.
  const dispatcher = emu.caPem ? new Agent({ connect: { ca: emu.caPem } }) : undefined;
  const graph: TestEmulator["graph"] = (method, path, body, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    const token = init.token === undefined ? TOKEN : init.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    return call(path.startsWith("http") ? path : `${emu.graphUrl}${path}`, method, body, headers, dispatcher);
  };
  const admin: TestEmulator["admin"] = (method, path, body) => call(`${emu.adminUrl}${path}`, method, body, {}, dispatcher);
  const createSet = async (body: Record<string, unknown> = { displayName: "District" }) => {
    const r = await graph("POST", FLOW_SETS, body);
    if (r.status !== 201) throw new Error(`create set: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id as string;
  };
  const createFlow = async (setId: string, body: Record<string, unknown>) => {
    const r = await graph("POST", `${FLOW_SETS}/${setId}/provisioningFlows`, body);
    if (r.status !== 201) throw new Error(`create flow: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id as string;
  };
  const stopEmulator = emu.stop;
  const stop = async () => {
    await stopEmulator();
    await dispatcher?.close();
  };
  return Object.assign(emu, { graph, admin, createSet, createFlow, stop });
}

/** Bodies of one valid flow of each kind (the seeds' shapes). */
export const flowBodies = {
  user: () => ({
    "@odata.type": `${NS}userProvisioningFlow`,
    createUnmatchedUsers: true,
    managementOptions: {
      additionalAttributes: ["userGradeLevel"],
      additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: true },
    },
    creationOptions: {
      configurations: [
        {
          "roleGroup@odata.bind": "https://graph.microsoft.com/beta/external/industryData/roleGroups/staff",
          defaultPasswordSettings: { "@odata.type": `${NS}simplePasswordSettings`, password: TEST_PASSWORDS.emulatorStaff },
          licenseSkus: ["Sku1"],
        },
        {
          "roleGroup@odata.bind": "https://graph.microsoft.com/beta/external/industryData/roleGroups/students",
          defaultPasswordSettings: { "@odata.type": `${NS}simplePasswordSettings`, password: TEST_PASSWORDS.emulatorStudent },
          licenseSkus: ["Sku2"],
        },
      ],
    },
  }),
  classGroup: () => ({
    "@odata.type": `${NS}classGroupProvisioningFlow`,
    configuration: {
      "@odata.type": `${NS}classGroupConfiguration`,
      additionalAttributes: ["courseTitle", "courseCode"],
      additionalOptions: { "@odata.type": `${NS}additionalClassGroupOptions`, createTeam: false, writeDisplayNameOnCreateOnly: false },
      enrollmentMappings: {
        "@odata.type": `${NS}enrollmentMappings`,
        memberEnrollmentMappings: [{ "@odata.type": `${NS}sectionRoleReferenceValue`, code: "substitute" }],
        ownerEnrollmentMappings: [{ "@odata.type": `${NS}sectionRoleReferenceValue`, code: "teacher" }],
      },
    },
  }),
  securityGroup: () => ({
    "@odata.type": `${NS}securityGroupProvisioningFlow`,
    creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true },
  }),
  administrativeUnit: () => ({
    "@odata.type": `${NS}administrativeUnitProvisioningFlow`,
    creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: true },
  }),
};

/** The industryData root, relative to graphUrl. */
export const IDATA = "/external/industryData";

/** Absolute bind URL of an entity as Graph's docs write them (the host is not the emulator's, on purpose). */
export function bindUrl(segment: string, id: string, form: "slash" | "parens" | "relative" = "slash"): string {
  if (form === "relative") return `external/industryData/${segment}/${id}`;
  const base = `https://graph.microsoft.com/beta/external/industryData/${segment}`;
  return form === "parens" ? `${base}('${id}')` : `${base}/${id}`;
}

/** The OneRoster provider's OAuth2 endpoint in the connector bodies (a URL, not a credential). */
export const ONEROSTER_OAUTH_URL = "https://fakeProvider.net/oauth2/token";

/** Bodies of valid inbound entities, in the shapes of Graph's docs examples. */
export const inboundBodies = {
  sourceSystem: () => ({
    displayName: "Rostering source",
    userMatchingSettings: [
      { matchTarget: { code: "userPrincipalName" }, priorityOrder: 0, "roleGroup@odata.bind": bindUrl("roleGroups", "staff"), sourceIdentifier: { code: "username" } },
      { matchTarget: { code: "userPrincipalName" }, priorityOrder: 1, "roleGroup@odata.bind": bindUrl("roleGroups", "students", "parens"), sourceIdentifier: { code: "username" } },
    ],
  }),
  csvConnector: (sourceSystemId: string) => ({
    "@odata.type": `${NS}azureDataLakeConnector`,
    displayName: "CSV connector",
    fileFormat: { code: "schoolDataSyncV2Rev1" },
    "sourceSystem@odata.bind": bindUrl("sourceSystems", sourceSystemId, "parens"),
  }),
  oneRosterConnector: (sourceSystemId: string, clientSecret: string) => ({
    "@odata.type": `${NS}oneRosterApiDataConnector`,
    displayName: "Generic OAuth2 Connector",
    "sourceSystem@odata.bind": bindUrl("sourceSystems", sourceSystemId, "parens"),
    apiFormat: "oneRoster",
    baseUrl: "https://fakeProvider.net/ims/oneroster/v1p1",
    apiVersion: "1.1",
    credential: {
      "@odata.type": `${NS}oAuth2ClientCredential`,
      displayName: "One Roster API Credentials",
      clientId: "530be723-6af3-4952-8658-668fb2598ad7",
      clientSecret,
      tokenUrl: ONEROSTER_OAUTH_URL,
      scope: null,
    },
    isDemographicsEnabled: false,
    isFlagsEnabled: false,
    isContactsEnabled: false,
  }),
  year: () => ({ displayName: "Fiscal Year 2022", startDate: "2022-09-01", endDate: "2023-06-15", year: { code: "2022" } }),
  fileFlow: (connectorId: string, yearId: string) => ({
    "@odata.type": `${NS}inboundFileFlow`,
    "dataConnector@odata.bind": bindUrl("dataConnectors", connectorId),
    dataDomain: "educationRostering",
    displayName: "Inbound rostering flow",
    effectiveDateTime: "2023-03-12T16:40:46.924769+05:30",
    expirationDateTime: "2099-03-13T16:40:46.924769+05:30",
    "year@odata.bind": bindUrl("years", yearId),
  }),
};

/** POSTs `body` to `{IDATA}/{segment}` and returns the new id (failing with the status and body otherwise). */
export async function createIn(emu: TestEmulator, segment: string, body: unknown): Promise<string> {
  const r = await emu.graph("POST", `${IDATA}/${segment}`, body);
  if (r.status !== 201) throw new Error(`create in ${segment}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id as string;
}

/** A whole inbound chain: source system, CSV connector, year and file flow; their ids. */
export async function createInboundChain(emu: TestEmulator): Promise<{ sourceSystemId: string; connectorId: string; yearId: string; flowId: string }> {
  const sourceSystemId = await createIn(emu, "sourceSystems", inboundBodies.sourceSystem());
  const connectorId = await createIn(emu, "dataConnectors", inboundBodies.csvConnector(sourceSystemId));
  const yearId = await createIn(emu, "years", inboundBodies.year());
  const flowId = await createIn(emu, "inboundFlows", inboundBodies.fileFlow(connectorId, yearId));
  return { sourceSystemId, connectorId, yearId, flowId };
}

/**
 * The inbound half of a tenant for the export tests, seeded through the emulator's Graph API (POSTs, as a portal
 * would create it): two source systems (one with user-matching settings, whose role groups Graph never returns),
 * a CSV connector and a OneRoster connector (with a client secret), two years, a file flow and an API flow, and
 * reference definitions (one tenant-defined and enabled, one disabled by a DELETE). One connector has a hostile
 * display name (quotes, a comment terminator, a line break, `${…}`, a backtick).
 */
import { TEST_CLIENT_SECRETS } from "../support/testSecrets";

const NS = "#microsoft.graph.industryData.";
const ROOT = "/external/industryData";
const GRAPH = "https://graph.microsoft.com/beta";

/** The OneRoster connector's client secret, by connector display name. */
export const seededClientSecrets: Record<string, string> = {
  "SIS OneRoster": TEST_CLIENT_SECRETS.exportOneRoster,
};

/** What seedInboundTenant created: ids by name. */
export interface SeededInbound {
  sourceSystems: Record<string, string>;
  connectors: Record<string, string>;
  years: Record<string, string>;
  inboundFlows: Record<string, string>;
}

/** Number of entities the export adopts from seedInboundTenant's tenant (the disabled definition is left out). */
export const exportedInboundCount = 2 + 2 + 2 + 2 + 1;

/** POSTs the inbound half to an emulator, bindings first. */
export async function seedInboundTenant(options: { graphUrl: string; token: string }): Promise<SeededInbound> {
  const post = (path: string, body: unknown) => request<{ id: string }>(options, "POST", path, body);
  const contoso = await post(`${ROOT}/sourceSystems`, {
    displayName: "Contoso SIS",
    vendor: "Contoso",
    userMatchingSettings: [
      { "roleGroup@odata.bind": `${GRAPH}${ROOT}/roleGroups/staff`, priorityOrder: 0, matchTarget: { code: "userPrincipalName" }, sourceIdentifier: { code: "username" } },
    ],
  });
  const fabrikam = await post(`${ROOT}/sourceSystems`, { displayName: "Fabrikam roster", userMatchingSettings: [] });
  const bind = (collection: string, id: string) => `${GRAPH}${ROOT}/${collection}/${id}`;
  const csv = await post(`${ROOT}/dataConnectors`, {
    "@odata.type": `${NS}azureDataLakeConnector`,
    displayName: 'CSV "nightly" */ upload\n`${process.exit(1)}`',
    fileFormat: { code: "schoolDataSyncV2Rev1" },
    "sourceSystem@odata.bind": bind("sourceSystems", contoso.id),
  });
  const oneRoster = await post(`${ROOT}/dataConnectors`, {
    "@odata.type": `${NS}oneRosterApiDataConnector`,
    displayName: "SIS OneRoster",
    "sourceSystem@odata.bind": bind("sourceSystems", fabrikam.id),
    apiFormat: "oneRoster",
    baseUrl: "https://oneroster.example.net/ims/oneroster/v1p1",
    apiVersion: "1.1",
    isContactsEnabled: false,
    isDemographicsEnabled: true,
    isFlagsEnabled: false,
    credential: {
      "@odata.type": `${NS}oAuth2ClientCredential`,
      displayName: "OneRoster client",
      clientId: "530be723-6af3-4952-8658-668fb2598ad7",
      clientSecret: seededClientSecrets["SIS OneRoster"],
      tokenUrl: "https://login.example.net/oauth2/token",
      scope: null,
    },
  });
  const y2025 = await post(`${ROOT}/years`, { displayName: "School year 2025-26", startDate: "2025-09-01", endDate: "2026-06-30", year: { code: "2025" } });
  const y2026 = await post(`${ROOT}/years`, { displayName: "School year 2026-27", startDate: "2026-09-01", endDate: "2027-06-30", year: { code: "2026" } });
  const fileFlow = await post(`${ROOT}/inboundFlows`, {
    "@odata.type": `${NS}inboundFileFlow`,
    displayName: "Rostering 2025-26",
    dataDomain: "educationRostering",
    effectiveDateTime: "2025-08-15T00:00:00+02:00",
    expirationDateTime: "2026-07-31T00:00:00Z",
    "dataConnector@odata.bind": bind("dataConnectors", csv.id),
    "year@odata.bind": bind("years", y2025.id),
  });
  const apiFlow = await post(`${ROOT}/inboundFlows`, {
    "@odata.type": `${NS}inboundApiFlow`,
    displayName: "OneRoster 2026-27",
    dataDomain: "educationRostering",
    effectiveDateTime: "2026-08-15T00:00:00Z",
    "dataConnector@odata.bind": bind("dataConnectors", oneRoster.id),
    "year@odata.bind": bind("years", y2026.id),
  });
  await post(`${ROOT}/referenceDefinitions`, { referenceType: "RefGradeLevel", code: "PK3", displayName: "Pre-kindergarten 3", isDisabled: false, sortIndex: 301 });
  await post(`${ROOT}/referenceDefinitions`, { referenceType: "RefGradeLevel", code: "Retired", displayName: "A removed grade", isDisabled: false, sortIndex: 302 });
  await request(options, "DELETE", `${ROOT}/referenceDefinitions/RefGradeLevel-Retired`);
  return {
    sourceSystems: { contoso: contoso.id, fabrikam: fabrikam.id },
    connectors: { csv: csv.id, oneRoster: oneRoster.id },
    years: { y2025: y2025.id, y2026: y2026.id },
    inboundFlows: { file: fileFlow.id, api: apiFlow.id },
  };
}

async function request<T>(options: { graphUrl: string; token: string }, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${options.graphUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${options.token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`seeding ${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

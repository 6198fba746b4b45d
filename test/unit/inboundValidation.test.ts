/**
 * validateInputs on the inbound kinds: every rule of issue 12 fails before any call, naming the property path
 * and the allowed values or the rule.
 */
import { validateInputs } from "../../provider/schema";
import type { ResourceKind } from "../../provider/schema";
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

type Json = Record<string, unknown>;
const ns = "#microsoft.graph.industryData.";
const long = "x".repeat(101);

/** A copy of `base` with `value` at a slash path (undefined deletes). */
function withChange(base: Json, path: string, value: unknown): Json {
  const copy = JSON.parse(JSON.stringify(base)) as Json;
  const keys = path.split("/");
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

interface FailureCase {
  name: string;
  kind: ResourceKind;
  raw: Json;
  property: string;
  reason: RegExp;
}

const failures: FailureCase[] = [
  { name: "a year starting after it ends", kind: "year", raw: withChange(yearArgs(), "startDate", "2026-09-01"),
    property: "startDate", reason: /must not be after endDate \(got 2026-09-01, endDate 2026-06-30\)/ },
  { name: "a startDate not in YYYY-MM-DD", kind: "year", raw: withChange(yearArgs(), "startDate", "09/01/2025"),
    property: "startDate", reason: /calendar date in the form YYYY-MM-DD \(got "09\/01\/2025"\)/ },
  { name: "an endDate that is no calendar day", kind: "year", raw: withChange(yearArgs(), "endDate", "2026-02-30"),
    property: "endDate", reason: /calendar date in the form YYYY-MM-DD \(got "2026-02-30"\)/ },
  { name: "an endDate with a time", kind: "year", raw: withChange(yearArgs(), "endDate", "2026-06-30T00:00:00Z"),
    property: "endDate", reason: /YYYY-MM-DD/ },
  { name: "a year display name over 100 characters", kind: "year", raw: withChange(yearArgs(), "displayName", long),
    property: "displayName", reason: /at most 100 characters \(got 101\)/ },
  { name: "a year without its year code", kind: "year", raw: withChange(yearArgs(), "year", undefined),
    property: "year", reason: /is required/ },
  { name: "a source system display name over 100 characters", kind: "sourceSystem", raw: withChange(sourceSystemArgs(), "displayName", long),
    property: "displayName", reason: /at most 100 characters/ },
  { name: "a vendor over 100 characters", kind: "sourceSystem", raw: withChange(sourceSystemArgs(), "vendor", long),
    property: "vendor", reason: /at most 100 characters/ },
  { name: "a user-matching setting without roleGroupId", kind: "sourceSystem",
    raw: withChange(sourceSystemArgs(), "userMatchingSettings/1/roleGroupId", undefined),
    property: "userMatchingSettings[1].roleGroupId", reason: /is required/ },
  { name: "a roleGroup@odata.bind declared instead of roleGroupId", kind: "sourceSystem",
    raw: withChange(sourceSystemArgs(), "userMatchingSettings/0/roleGroup@odata.bind", "https://graph.microsoft.com/beta/external/industryData/roleGroups/staff"),
    property: "userMatchingSettings[0].roleGroup@odata.bind", reason: /declare roleGroupId/ },
  { name: "a connector display name over 100 characters", kind: "azureDataLakeConnector", raw: withChange(csvConnectorArgs("s"), "displayName", long),
    property: "displayName", reason: /at most 100 characters/ },
  { name: "an unknown fileFormat", kind: "azureDataLakeConnector", raw: withChange(csvConnectorArgs("s"), "fileFormat/code", "csvV3"),
    property: "fileFormat.code", reason: /must be one of: schoolDataSyncV1, schoolDataSyncV2Rev1 \(got "csvV3"\)/ },
  { name: "a connector without sourceSystemId", kind: "azureDataLakeConnector", raw: withChange(csvConnectorArgs("s"), "sourceSystemId", undefined),
    property: "sourceSystemId", reason: /is required/ },
  { name: "a sourceSystem@odata.bind declared instead of sourceSystemId", kind: "azureDataLakeConnector",
    raw: withChange(csvConnectorArgs("s"), "sourceSystem@odata.bind", "https://graph.microsoft.com/beta/external/industryData/sourceSystems/s"),
    property: "sourceSystem@odata.bind", reason: /declare sourceSystemId instead/ },
  { name: "a non-https baseUrl", kind: "oneRosterApiDataConnector", raw: withChange(oneRosterConnectorArgs("s"), "baseUrl", "http://oneroster.example.net/v1p1"),
    property: "baseUrl", reason: /absolute https:\/\/ URL \(got "http:\/\/oneroster.example.net\/v1p1"\)/ },
  { name: "a baseUrl that is no URL", kind: "oneRosterApiDataConnector", raw: withChange(oneRosterConnectorArgs("s"), "baseUrl", "oneroster.example.net"),
    property: "baseUrl", reason: /absolute https:\/\/ URL/ },
  { name: "a non-https tokenUrl", kind: "oneRosterApiDataConnector", raw: withChange(oneRosterConnectorArgs("s"), "credential/tokenUrl", "http://login.example.net/token"),
    property: "credential.tokenUrl", reason: /https:\/\// },
  { name: "an unknown apiFormat", kind: "oneRosterApiDataConnector", raw: withChange(oneRosterConnectorArgs("s"), "apiFormat", "edFi"),
    property: "apiFormat", reason: /must be one of: oneRoster \(got "edFi"\)/ },
  { name: "a credential without clientSecret", kind: "oneRosterApiDataConnector", raw: withChange(oneRosterConnectorArgs("s"), "credential/clientSecret", undefined),
    property: "credential.clientSecret", reason: /is required/ },
  { name: "a credential's read-only isValid declared", kind: "oneRosterApiDataConnector", raw: withChange(oneRosterConnectorArgs("s"), "credential/isValid", true),
    property: "credential.isValid", reason: /read-only/ },
  { name: "an effectiveDateTime after the expirationDateTime", kind: "inboundFileFlow",
    raw: withChange(inboundFlowArgs("c", "y"), "effectiveDateTime", "2026-08-01T00:00:00Z"),
    property: "effectiveDateTime", reason: /must not be after expirationDateTime \(got 2026-08-01T00:00:00Z, expirationDateTime 2026-07-31T00:00:00Z\)/ },
  { name: "an effectiveDateTime after the expiration once offsets are applied", kind: "inboundApiFlow",
    raw: withChange(withChange(inboundFlowArgs("c", "y"), "effectiveDateTime", "2026-07-31T01:00:00+00:00"), "expirationDateTime", "2026-07-31T05:00:00+05:30"),
    property: "effectiveDateTime", reason: /must not be after expirationDateTime/ },
  { name: "an effectiveDateTime without an offset", kind: "inboundFileFlow", raw: withChange(inboundFlowArgs("c", "y"), "effectiveDateTime", "2025-08-15T00:00:00"),
    property: "effectiveDateTime", reason: /ISO 8601 date-time with an offset/ },
  { name: "an unknown dataDomain", kind: "inboundFileFlow", raw: withChange(inboundFlowArgs("c", "y"), "dataDomain", "gradebook"),
    property: "dataDomain", reason: /must be one of: educationRostering \(got/ },
  { name: "an inbound flow display name over 100 characters", kind: "inboundApiFlow", raw: withChange(inboundFlowArgs("c", "y"), "displayName", long),
    property: "displayName", reason: /at most 100 characters/ },
  { name: "an inbound flow without yearId", kind: "inboundFileFlow", raw: withChange(inboundFlowArgs("c", "y"), "yearId", undefined),
    property: "yearId", reason: /is required/ },
  { name: "an inbound flow's read-only readinessStatus declared", kind: "inboundFileFlow", raw: withChange(inboundFlowArgs("c", "y"), "readinessStatus", "ready"),
    property: "readinessStatus", reason: /read-only/ },
  { name: "a reference definition without sortIndex", kind: "referenceDefinition", raw: withChange(referenceDefinitionArgs(), "sortIndex", undefined),
    property: "sortIndex", reason: /is required/ },
  { name: "a reference definition's read-only source declared", kind: "referenceDefinition", raw: withChange(referenceDefinitionArgs(), "source", "Tenant Defined"),
    property: "source", reason: /read-only/ },
];

describe("validateInputs refuses, naming the property and the rule", () => {
  it.each(failures)("$name", ({ kind, raw, property, reason }) => {
    const result = validateInputs(kind, raw);
    expect(result.failures).toContainEqual({ property, reason: expect.stringMatching(reason) });
  });
});

test("a refused URL is quoted with its user:password part masked", () => {
  const secret = TEST_CLIENT_SECRETS.connectorUnit;
  const raw = withChange(oneRosterConnectorArgs("s"), "baseUrl", `http://admin:${secret}@sis.example.net/ims/oneroster`);
  const failures = validateInputs("oneRosterApiDataConnector", raw).failures;
  expect(failures).toContainEqual({ property: "baseUrl", reason: expect.stringContaining('(got "http://***@sis.example.net/ims/oneroster")') });
  expect(JSON.stringify(failures)).not.toContain(secret);
});

describe("validateInputs accepts on the inbound kinds", () => {
  it.each([
    { name: "a one-day year (start equals end)", kind: "year" as ResourceKind, raw: withChange(yearArgs(), "endDate", "2025-09-01") },
    { name: "an inbound flow without expiration", kind: "inboundFileFlow" as ResourceKind, raw: withChange(inboundFlowArgs("c", "y"), "expirationDateTime", null) },
    { name: "date-times with other offsets in order", kind: "inboundApiFlow" as ResourceKind,
      raw: withChange(inboundFlowArgs("c", "y"), "effectiveDateTime", "2023-03-12T16:40:46.924769+05:30") },
    { name: "an adopted connector declaring only its name", kind: "oneRosterApiDataConnector" as ResourceKind,
      raw: { dataConnectorId: "c-1", displayName: "Renamed" } },
    { name: "an adopted year declaring only its name", kind: "year" as ResourceKind, raw: { yearId: "y-1", displayName: "2025" } },
    { name: "an OAuth 1 credential (no tokenUrl)", kind: "oneRosterApiDataConnector" as ResourceKind,
      raw: withChange(withChange(oneRosterConnectorArgs("s"), "credential/tokenUrl", undefined), "credential/scope", undefined) },
  ])("$name", ({ kind, raw }) => {
    expect(validateInputs(kind, raw).failures).toEqual([]);
  });

  it.each([
    { name: "OAuth 2 when the credential has a tokenUrl", tokenUrl: TOKEN_URL, type: `${ns}oAuth2ClientCredential` },
    { name: "OAuth 1 when it has none", tokenUrl: undefined, type: `${ns}oAuth1ClientCredential` },
  ])("fills the credential's @odata.type: $name", ({ tokenUrl, type }) => {
    const raw = withChange(withChange(oneRosterConnectorArgs("s"), "credential/tokenUrl", tokenUrl), "credential/scope", undefined);
    const { inputs } = validateInputs("oneRosterApiDataConnector", raw);
    expect((inputs.credential as Json)["@odata.type"]).toBe(type);
  });
});

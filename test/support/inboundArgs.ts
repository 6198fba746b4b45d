/**
 * Complete arguments of each inbound resource kind (create form), as a user declares them, for the unit and
 * provider-over-HTTP tests. Bindings take the ids of the entities they point at; each call returns fresh
 * literals, so a test that edits one never affects another.
 */
import { TEST_CLIENT_SECRETS } from "./testSecrets";

// Loosely typed on purpose: tests edit nested parts of these literals.
type Json = Record<string, any>;

/** The OAuth 2 token endpoint of the test credentials (a public URL, not a secret; named so tests need no literal). */
export const TOKEN_URL = "https://login.example.net/oauth2/token";

export function sourceSystemArgs(): Json {
  return {
    displayName: "Rostering source",
    vendor: "LMS Vendor",
    userMatchingSettings: [
      { roleGroupId: "staff", priorityOrder: 0, matchTarget: { code: "userPrincipalName" }, sourceIdentifier: { code: "username" } },
      { roleGroupId: "students", priorityOrder: 1, matchTarget: { code: "userPrincipalName" }, sourceIdentifier: { code: "username" } },
    ],
  };
}

export function csvConnectorArgs(sourceSystemId: string): Json {
  return { sourceSystemId, displayName: "CSV connector", fileFormat: { code: "schoolDataSyncV2Rev1" } };
}

export function oneRosterConnectorArgs(sourceSystemId: string, clientSecret: string = TEST_CLIENT_SECRETS.connectorUnit): Json {
  return {
    sourceSystemId,
    displayName: "Generic OAuth2 Connector",
    apiFormat: "oneRoster",
    baseUrl: "https://oneroster.example.net/ims/oneroster/v1p1",
    apiVersion: "1.1",
    isContactsEnabled: false,
    isDemographicsEnabled: false,
    isFlagsEnabled: false,
    credential: {
      displayName: "One Roster API Credentials",
      clientId: "530be723-6af3-4952-8658-668fb2598ad7",
      clientSecret,
      tokenUrl: TOKEN_URL,
      scope: null,
    },
  };
}

export function yearArgs(): Json {
  return { displayName: "School year 2025-26", startDate: "2025-09-01", endDate: "2026-06-30", year: { code: "2025" } };
}

export function inboundFlowArgs(dataConnectorId: string, yearId: string): Json {
  return {
    dataConnectorId,
    yearId,
    displayName: "Inbound rostering flow",
    dataDomain: "educationRostering",
    effectiveDateTime: "2025-08-15T00:00:00Z",
    expirationDateTime: "2026-07-31T00:00:00Z",
  };
}

export function referenceDefinitionArgs(): Json {
  return { referenceType: "RefGradeLevel", code: "TestGrade", displayName: "New Test Grade Level", isDisabled: false, sortIndex: 300 };
}

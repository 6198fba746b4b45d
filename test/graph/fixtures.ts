import type { ProviderConfig } from "../../provider/config";
import { TEST_TOKENS } from "../support/testSecrets";

/** The flow sets collection, relative to the Graph endpoint. */
export const FLOW_SETS = "/external/industryData/outboundProvisioningFlowSets";
export const flowSetPath = (setId: string) => `${FLOW_SETS}/${setId}`;
export const flowsPath = (setId: string) => `${FLOW_SETS}/${setId}/provisioningFlows`;
export const flowPath = (setId: string, flowId: string) => `${flowsPath(setId)}/${flowId}`;

/** A static token for the emulator, long enough to be registered as a secret. */
export const STATIC_TOKEN = TEST_TOKENS.graphStatic;

/** Config for a plain-http emulator with its static token, and small limits so tests stay fast. */
export function staticTokenConfig(graphEndpoint: string, overrides: Partial<ProviderConfig> = {}): ProviderConfig {
  return { graphEndpoint, accessToken: STATIC_TOKEN, maxRetries: 3, concurrency: 4, operationTimeoutMs: 20_000, ...overrides };
}

/** Back-off of a few milliseconds, so retry tests do not wait a second per attempt. */
export const FAST_BACKOFF = { backoff: { baseDelayMs: 5, maxDelayMs: 20 } };

/** A flow set with a filter, as POSTed. */
export const districtSet = (displayName: string) => ({
  "@odata.type": "#microsoft.graph.industryData.outboundProvisioningFlowSet",
  displayName,
  filter: { "@odata.type": "#microsoft.graph.industryData.basicFilter", attribute: "orgExternalId", in: ["school-1", "school-2"] },
});

/** A security-group flow, as POSTed. */
export const securityGroupFlow = {
  "@odata.type": "#microsoft.graph.industryData.securityGroupProvisioningFlow",
  creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
};

/** A user flow with a default password (a secret that must never leak). */
export const userFlow = (password: string) => ({
  "@odata.type": "#microsoft.graph.industryData.userProvisioningFlow",
  createUnmatchedUsers: true,
  managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: false } },
  creationOptions: {
    configurations: [
      {
        "roleGroup@odata.bind": "https://graph.microsoft.com/beta/external/industryData/roleGroups/students",
        defaultPasswordSettings: { "@odata.type": "#microsoft.graph.industryData.simplePasswordSettings", password },
        licenseSkus: ["Sku1"],
      },
    ],
  },
});

/** UUID v4 shape (client-request-id). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

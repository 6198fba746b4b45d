/** What `industrydata export` prints when it fails, for each kind of failure. */
import { explainExportError } from "../../provider/cli/explainExportError";
import { GraphError } from "../../provider/graph";

const base = { method: "GET", path: "/external/industryData/outboundProvisioningFlowSets", requestId: "rid-1", clientRequestId: "crid-1" };

test.each([
  {
    name: "403 names the permission to export and to manage, and keeps Graph's code and request-id",
    error: new GraphError({ ...base, status: 403, code: "Forbidden", graphMessage: "Missing role." }),
    expected: [/403 Forbidden: Missing role\./, /IndustryData-OutboundFlow\.Read\.All/, /IndustryData-OutboundFlow\.ReadWrite\.All/, /request-id rid-1/, /admin consent/],
  },
  {
    name: "401 says the credential was rejected and where credentials come from",
    error: new GraphError({ ...base, status: 401, code: "InvalidAuthenticationToken", graphMessage: "Access token has expired." }),
    expected: [/rejected the credential \(401 InvalidAuthenticationToken/, /IndustryData-OutboundFlow\.Read\.All/, /--token-env/, /expired/],
  },
  {
    name: "no token at all (status 0) lists the ways to give a credential",
    error: new GraphError({ ...base, status: 0, code: "AggregateAuthenticationError", graphMessage: "could not get an access token: ChainedTokenCredential failed" }),
    expected: [/no access token/, /--tenant and --client-id/, /AZURE_FEDERATED_TOKEN_FILE/, /az login/],
  },
  {
    name: "any other Graph failure keeps Graph's message (method, path, code, request-id)",
    error: new GraphError({ ...base, status: 503, code: "ServiceUnavailable", graphMessage: "Try later." }),
    expected: [/^industrydata export failed: GET \/external\/industryData\/outboundProvisioningFlowSets failed: 503 ServiceUnavailable: Try later\./, /request-id rid-1/],
  },
  {
    name: "a local error (bad option, folder not empty) is shown as is",
    error: new Error("--out /tmp/x is not empty"),
    expected: [/^industrydata export failed: --out \/tmp\/x is not empty$/],
  },
])("$name", ({ error, expected }) => {
  const message = explainExportError(error);
  for (const pattern of expected) expect(message).toMatch(pattern);
});

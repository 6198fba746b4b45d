/** The message `industrydata export` prints when it fails: what Graph said, and what to do about it. */
import { isGraphError, REQUIRED_PERMISSION, type GraphError } from "../graph";

/** The Graph permission an export needs (it only reads). */
export const EXPORT_READ_PERMISSION = "IndustryData-OutboundFlow.Read.All";
/** The permission that also allows managing the adopted flows afterwards (the one every write needs). */
export const MANAGE_PERMISSION = REQUIRED_PERMISSION;

/**
 * One paragraph for the terminal. 401 and 403 name the permission; a credential that produced no token says
 * which settings pick one; any other Graph failure keeps Graph's code, message and request-id. Never echoes a
 * token or a password (GraphError messages are redacted by the Graph layer).
 */
export function explainExportError(error: unknown): string {
  if (!isGraphError(error)) return `industrydata export failed: ${error instanceof Error ? error.message : String(error)}`;
  const what = `${error.method} ${error.path}`;
  const ids = correlation(error);
  if (error.status === 401) {
    return (
      `industrydata export: Graph rejected the credential (401 ${error.code}: ${error.graphMessage}) on ${what}${ids}.\n` +
      `The token must be issued for Microsoft Graph with ${EXPORT_READ_PERMISSION} (or ${MANAGE_PERMISSION}): ` +
      "check --tenant/--client-id and the secret, certificate or token you gave (--token-env, INDUSTRYDATA_ACCESS_TOKEN), " +
      "and that the token has not expired."
    );
  }
  if (error.status === 403) {
    return (
      `industrydata export: Graph refused to read the flows (403 ${error.code}: ${error.graphMessage}) on ${what}${ids}.\n` +
      `The caller needs the Graph permission ${EXPORT_READ_PERMISSION} to export (${MANAGE_PERMISSION} to manage ` +
      "the adopted sets and flows afterwards), granted with admin consent: as an application permission for an app " +
      "registration, or as a delegated permission for a signed-in user."
    );
  }
  if (error.status === 0 && /token/i.test(error.graphMessage)) {
    return (
      `industrydata export: no access token (${error.code}: ${error.graphMessage}).\n` +
      "Give a credential: --tenant and --client-id with INDUSTRYDATA_CLIENT_SECRET or --certificate, an access token " +
      "in the variable named by --token-env (default INDUSTRYDATA_ACCESS_TOKEN), AZURE_FEDERATED_TOKEN_FILE for " +
      "workload identity, or sign in with `az login` (DefaultAzureCredential)."
    );
  }
  return `industrydata export failed: ${error.message}`;
}

function correlation(error: GraphError): string {
  const ids = [
    error.requestId !== undefined ? `request-id ${error.requestId}` : undefined,
    error.clientRequestId !== undefined ? `client-request-id ${error.clientRequestId}` : undefined,
  ].filter((s) => s !== undefined);
  return ids.length > 0 ? ` (${ids.join(", ")})` : "";
}

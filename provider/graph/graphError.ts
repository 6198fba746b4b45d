import { STATUS_CODES } from "node:http";
import { redactSecrets } from "./redactSecrets";

/** The Graph permission every industryData write needs. */
export const REQUIRED_PERMISSION = "IndustryData-OutboundFlow.ReadWrite.All";

/** What a `GraphError` is built from. */
export interface GraphErrorInit {
  /** HTTP status; 0 when no answer came (connection dropped, timeout, refused before sending). */
  status: number;
  /** Graph's `error.code` (e.g. `BadRequest`), or our own code when there was no answer (`NetworkError`, `Timeout`). */
  code: string;
  /** Graph's `error.message` (already redacted by the caller or redacted here). */
  graphMessage: string;
  method: string;
  /** Path relative to the Graph endpoint, e.g. `/external/industryData/outboundProvisioningFlowSets/1`. */
  path: string;
  requestId?: string;
  clientRequestId?: string;
  /** Retries made before giving up; shown in the message when above zero. */
  retries?: number;
  /** Extra sentence appended to the message (why retrying stopped, a hint). */
  detail?: string;
  /** Values to redact from the message besides the registered secrets (e.g. passwords from the request body). */
  secrets?: Iterable<string>;
}

/**
 * The one error the Graph layer throws: Graph's status, code, message and correlation ids, the request's
 * method and path, and never a token or a password. Its message reads like
 * `PATCH /external/…/provisioningFlows/{id} failed: 400 BadRequest: <message> (request-id …, client-request-id …)`.
 */
export class GraphError extends Error {
  override readonly name = "GraphError";
  readonly status: number;
  readonly code: string;
  readonly graphMessage: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly method: string;
  readonly path: string;
  readonly retries: number;

  constructor(init: GraphErrorInit) {
    const secrets = [...(init.secrets ?? [])];
    const graphMessage = redactSecrets(init.graphMessage, secrets);
    super(redactSecrets(formatMessage({ ...init, graphMessage }), secrets));
    this.status = init.status;
    this.code = init.code;
    this.graphMessage = graphMessage;
    this.method = init.method;
    this.path = init.path;
    this.retries = init.retries ?? 0;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.clientRequestId !== undefined) this.clientRequestId = init.clientRequestId;
  }
}

/** Name-based guard, so it holds across copies of this module (the shim loads the package by name). */
export function isGraphError(error: unknown): error is GraphError {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "GraphError";
}

/** `BadRequest` for 400, `TooManyRequests` for 429: the code Graph would use when the body has none. */
export function defaultCodeFor(status: number): string {
  return (STATUS_CODES[status] ?? `Http${status}`).replace(/[^A-Za-z]/g, "");
}

function formatMessage(init: GraphErrorInit): string {
  const status = init.status > 0 ? `${init.status} ` : "";
  const ids = [
    init.requestId !== undefined ? `request-id ${init.requestId}` : undefined,
    init.clientRequestId !== undefined ? `client-request-id ${init.clientRequestId}` : undefined,
  ].filter((s): s is string => s !== undefined);
  const retried = init.retries !== undefined && init.retries > 0 ? `retried ${init.retries} time${init.retries === 1 ? "" : "s"}` : "";
  const notes = [ids.join(", "), retried].filter((s) => s !== "").join("; ");
  const suffix = notes !== "" ? ` (${notes})` : "";
  const detail = init.detail !== undefined ? ` ${init.detail}` : "";
  return `${init.method} ${init.path} failed: ${status}${init.code}: ${init.graphMessage}${detail}${suffix}${permissionHint(init.status)}`;
}

/** 401/403: name the permission, and the app-only limitation the docs state for flow sets. */
function permissionHint(status: number): string {
  if (status === 401) {
    return ` Hint: Graph rejected the access token; check the credential settings (industrydata:tenantId, clientId, clientSecret/clientCertificatePath or accessToken) and that the token is for ${REQUIRED_PERMISSION}.`;
  }
  if (status === 403) {
    return ` Hint: the caller needs the Graph permission ${REQUIRED_PERMISSION}. Delegated permission works for every operation; with application permissions Graph documents that flow sets cannot be updated (and creating them may be refused).`;
  }
  return "";
}

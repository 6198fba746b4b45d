import { GraphError, defaultCodeFor, isGraphError } from "./graphError";
import type { GraphResponse } from "./middleware/bufferedResponse";
import type { GraphOperation } from "./graphOperation";
import { isTransportError, type TransportFailureKind } from "./transportError";

/** Longest piece of a non-JSON error body quoted in a message. */
const MAX_QUOTED_BODY = 300;

/**
 * Builds the `GraphError` for a non-2xx answer from Graph's error envelope
 * `{ error: { code, message, innerError: { "request-id", "client-request-id" } } }`, falling back to the
 * status text when the body is not one; ids come from the response headers first, then the envelope.
 */
export async function graphErrorFromResponse(response: GraphResponse, operation: GraphOperation): Promise<GraphError> {
  const text = await response.text().catch(() => "");
  let code = defaultCodeFor(response.status);
  let message = response.statusText !== "" ? response.statusText : code;
  let requestId = response.headers.get("request-id") ?? undefined;
  let clientRequestId = response.headers.get("client-request-id") ?? undefined;
  const envelope = parseEnvelope(text);
  if (envelope !== undefined) {
    code = envelope.code ?? code;
    message = envelope.message ?? message;
    requestId ??= envelope.requestId;
    clientRequestId ??= envelope.clientRequestId;
  } else if (text.trim() !== "") {
    message = text.trim().slice(0, MAX_QUOTED_BODY);
  }
  return new GraphError({
    status: response.status,
    code,
    graphMessage: message,
    method: operation.method,
    path: operation.path,
    ...(requestId !== undefined ? { requestId } : {}),
    clientRequestId: clientRequestId ?? operation.clientRequestId,
    retries: operation.retries,
    ...(operation.stopReason !== undefined ? { detail: operation.stopReason } : {}),
    secrets: operation.secrets,
  });
}

/** Our codes for a request that got no answer. */
const FAILURE_CODES: Record<TransportFailureKind, string> = {
  refused: "ConnectionRefused",
  dropped: "ConnectionDropped",
  timeout: "Timeout",
  tls: "TlsFailure",
  cancelled: "Cancelled",
};

/**
 * Builds the `GraphError` (status 0) for a request that got no answer: a transport failure, the plain-http
 * guard, or a credential that could not produce a token.
 */
export function graphErrorFromFailure(error: unknown, operation: GraphOperation): GraphError {
  if (isGraphError(error)) return error;
  const base = {
    status: 0,
    method: operation.method,
    path: operation.path,
    retries: operation.retries,
    secrets: operation.secrets,
    ...(operation.clientRequestId !== undefined ? { clientRequestId: operation.clientRequestId } : {}),
    ...(operation.stopReason !== undefined ? { detail: operation.stopReason } : {}),
  };
  if (isTransportError(error)) {
    const graphMessage =
      error.kind === "timeout"
        ? `no answer within ${operation.timeoutName}`
        : error.kind === "cancelled"
          ? "cancelled: the engine asked the provider to stop (Cancel); the request may or may not have reached Graph, the next `pulumi up` reconciles"
          : error.message;
    return new GraphError({ ...base, code: FAILURE_CODES[error.kind], graphMessage });
  }
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "InsecureTransportError") return new GraphError({ ...base, code: "InsecureTransport", graphMessage: message });
  // @azure/identity's CredentialUnavailableError / AuthenticationError, or the library's GraphClientError.
  return new GraphError({ ...base, code: name, graphMessage: `could not get an access token: ${message}` });
}

function parseEnvelope(text: string): { code?: string; message?: string; requestId?: string; clientRequestId?: string } | undefined {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown> } };
    const error = parsed?.error;
    if (typeof error !== "object" || error === null) return undefined;
    const inner = error.innerError ?? {};
    const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);
    return {
      code: str(error.code),
      message: str(error.message),
      requestId: str(inner["request-id"]),
      clientRequestId: str(inner["client-request-id"]),
    };
  } catch {
    return undefined;
  }
}

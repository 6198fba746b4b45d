/**
 * Errors in Graph's wire format: `{ "error": { "code", "message", "innerError": { "date", "request-id",
 * "client-request-id" } } }`. Handlers throw `GraphHttpError`; the server's error serializer writes it.
 */

/** Graph's usual error code for each status the emulator answers with. */
export const graphCodeForStatus: Record<number, string> = {
  400: "BadRequest",
  401: "InvalidAuthenticationToken",
  403: "Authorization_RequestDenied",
  404: "NotFound",
  405: "MethodNotAllowed",
  409: "Conflict",
  413: "RequestEntityTooLarge",
  415: "UnsupportedMediaType",
  429: "TooManyRequests",
  500: "InternalServerError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

/** An error a handler throws to answer with Graph's error envelope. */
export class GraphHttpError extends Error {
  override readonly name = "GraphHttpError";
  readonly status: number;
  readonly code: string;
  /** Extra response headers (e.g. Retry-After, WWW-Authenticate). */
  readonly headers: Record<string, string>;

  constructor(options: { status: number; message: string; code?: string; headers?: Record<string, string> }) {
    super(options.message);
    this.status = options.status;
    this.code = options.code ?? graphCodeForStatus[options.status] ?? "UnknownError";
    this.headers = options.headers ?? {};
  }
}

/** Shorthand for the common 400. */
export function badRequest(message: string): GraphHttpError {
  return new GraphHttpError({ status: 400, message });
}

/** Shorthand for a missing entity. */
export function notFound(message: string): GraphHttpError {
  return new GraphHttpError({ status: 404, message });
}

/** The envelope body for an error, stamped with the request's ids. */
export function graphErrorBody(options: { code: string; message: string; requestId: string; clientRequestId: string }) {
  return {
    error: {
      code: options.code,
      message: options.message,
      innerError: {
        // Graph writes the date without fractional seconds.
        date: new Date().toISOString().slice(0, 19),
        "request-id": options.requestId,
        "client-request-id": options.clientRequestId,
      },
    },
  };
}

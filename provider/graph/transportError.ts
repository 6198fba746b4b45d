/**
 * How a request failed to get an answer:
 * - `refused`: no connection was made, so nothing was sent (safe to retry any method);
 * - `dropped`: the connection broke after the request may have reached the server (retry reads only);
 * - `timeout`: the operation's deadline passed while waiting;
 * - `tls`: the server's certificate was not trusted (not transient: never retried);
 * - `cancelled`: the caller abandoned it (the engine's Cancel; never retried).
 */
export type TransportFailureKind = "refused" | "dropped" | "timeout" | "tls" | "cancelled";

/** The transport's only error: no HTTP answer was received. Named so the retry middleware can classify it. */
export class TransportError extends Error {
  override readonly name = "TransportError";
  readonly kind: TransportFailureKind;
  /** Node's error code (`ECONNRESET`, `ECONNREFUSED`, …) when there is one. */
  readonly code?: string;

  constructor(init: { kind: TransportFailureKind; message: string; code?: string; cause?: unknown }) {
    super(init.message, { cause: init.cause });
    this.kind = init.kind;
    if (init.code !== undefined) this.code = init.code;
  }
}

/** Name-based guard (the library may hand the error through another realm's copy of this module). */
export function isTransportError(error: unknown): error is TransportError {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "TransportError";
}

import type { Context, MiddlewareOptions } from "@microsoft/microsoft-graph-client";
import type { RetryEvent } from "./graphClient";
import { formatSeconds } from "./retry/planRetry";

/** What a `GraphOperation` is created with. */
export interface GraphOperationInit {
  method: string;
  /** Path relative to the Graph endpoint, as the caller gave it (used in error messages). */
  path: string;
  /** Absolute time (ms since the epoch) by which the operation must be done. */
  deadline: number;
  /** The user's operation timeout, quoted in messages. */
  timeoutMs: number;
  /** How the timeout is named in messages; default `the operation timeout <n>s (industrydata:operationTimeoutMs)`. */
  timeoutName?: string;
  /** The caller's cancellation (the engine's Cancel): aborts the request, its retries and its waits. */
  signal?: AbortSignal;
  /** Told of each retry before its wait (the plugin logs it to the engine with the request-id). */
  onRetry?: (event: RetryEvent) => void;
  /** Values to redact from errors about this request (e.g. passwords in its body). */
  secrets?: string[];
}

/**
 * Per-request state shared by the middlewares and the client, passed as a middleware option (the library
 * hands each middleware `context.middlewareControl`). It also carries back what the chain learned, since the
 * library wraps any error thrown inside the chain in its own error type and loses ours.
 */
export class GraphOperation implements MiddlewareOptions {
  readonly method: string;
  readonly path: string;
  readonly deadline: number;
  readonly timeoutMs: number;
  readonly timeoutName: string;
  readonly signal?: AbortSignal;
  readonly onRetry?: (event: RetryEvent) => void;
  readonly secrets: string[];
  /** Set by the client-request-id middleware; the same id is kept across retries. */
  clientRequestId?: string;
  /** Retries made so far. */
  retries = 0;
  /** Why the retry middleware stopped retrying a retryable answer (e.g. Retry-After beyond the deadline). */
  stopReason?: string;
  /** The original error thrown inside the chain, captured before the library wraps it. */
  failure?: unknown;

  constructor(init: GraphOperationInit) {
    this.method = init.method;
    this.path = init.path;
    this.deadline = init.deadline;
    this.timeoutMs = init.timeoutMs;
    this.timeoutName = init.timeoutName ?? `the operation timeout ${formatSeconds(init.timeoutMs)} (industrydata:operationTimeoutMs)`;
    if (init.signal !== undefined) this.signal = init.signal;
    if (init.onRetry !== undefined) this.onRetry = init.onRetry;
    this.secrets = init.secrets ?? [];
  }
}

/** The operation of a request; every request the client sends has one. */
export function operationOf(context: Context): GraphOperation {
  const operation = context.middlewareControl?.getMiddlewareOptions(GraphOperation);
  if (!(operation instanceof GraphOperation)) {
    throw new Error("internal: Graph request sent without a GraphOperation middleware option");
  }
  return operation;
}

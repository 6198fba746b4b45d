import type { Context } from "@microsoft/microsoft-graph-client";
import type { GraphResponse } from "./bufferedResponse";
import { operationOf } from "../graphOperation";
import { planRetry } from "../retry/planRetry";
import type { AttemptOutcome, RetryStrategy } from "../retry/retryStrategy";
import { isTransportError, TransportError } from "../transportError";
import { ChainedMiddleware } from "./chainedMiddleware";

/** What the retry middleware is built with. */
export interface RetryMiddlewareOptions {
  /** Retries allowed after the first attempt. */
  maxRetries: number;
  /** Consulted in order; the first that applies decides the delay (see `planRetry`). */
  strategies: readonly RetryStrategy[];
  /** Clock; default Date.now (jest's fake timers replace it). */
  now?: () => number;
  /** Waits; default a setTimeout promise (jest's fake timers drive it). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The one retry loop (it replaces the library's default RetryHandler, which knows neither our method rules nor
 * the operation deadline). Every decision is made by the pure `planRetry` over the strategies; this class only
 * sends, waits and counts. When it gives up on a retryable answer it hands that answer back and records why
 * on the operation, so the resulting error says e.g. `throttled: Retry-After 120s exceeds the remaining
 * operation timeout 30s`.
 */
export class RetryMiddleware extends ChainedMiddleware {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: RetryMiddlewareOptions) {
    super();
    this.now = options.now ?? Date.now;
    // Retry-After: 0 means at once; no timer (a zero timer would still yield to every queued timer first).
    this.sleep = options.sleep ?? ((ms) => (ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms))));
  }

  async execute(context: Context): Promise<void> {
    const operation = operationOf(context);
    for (let retryCount = 0; ; retryCount++) {
      const outcome = await this.attempt(context, retryCount);
      const plan = planRetry({
        outcome: outcome.seen,
        strategies: this.options.strategies,
        maxRetries: this.options.maxRetries,
        remainingMs: operation.deadline - this.now(),
      });
      if (plan.kind !== "retry") {
        if (plan.kind === "giveUp") operation.stopReason = plan.reason;
        if (outcome.error !== undefined) throw outcome.error;
        return;
      }
      operation.onRetry?.({
        method: operation.method,
        path: operation.path,
        ...(outcome.seen.status !== undefined ? { status: outcome.seen.status } : {}),
        ...(outcome.seen.failure !== undefined ? { failure: outcome.seen.failure } : {}),
        ...(outcome.requestId !== undefined ? { requestId: outcome.requestId } : {}),
        ...(operation.clientRequestId !== undefined ? { clientRequestId: operation.clientRequestId } : {}),
        retry: retryCount + 1,
        delayMs: plan.delayMs,
        strategy: plan.strategy,
      });
      await this.wait(plan.delayMs, operation.signal);
      operation.retries = retryCount + 1;
    }
  }

  /** The wait before a retry; the caller's cancellation ends it at once (a Retry-After can be minutes). */
  private async wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    if (signal === undefined) return this.sleep(ms);
    if (signal.aborted) throw new TransportError({ kind: "cancelled", message: "cancelled" });
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_resolve, reject) => {
      onAbort = () => reject(new TransportError({ kind: "cancelled", message: "cancelled" }));
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      await Promise.race([this.sleep(ms), aborted]);
    } finally {
      signal.removeEventListener("abort", onAbort!);
    }
  }

  /** Sends once; a transport failure becomes an outcome, any other error (credential, guard) propagates. */
  private async attempt(context: Context, retryCount: number): Promise<{ seen: AttemptOutcome; error?: unknown; requestId?: string }> {
    const method = (context.options?.method ?? "GET").toUpperCase();
    context.response = undefined;
    try {
      await this.sendNext(context);
    } catch (error) {
      if (!isTransportError(error)) throw error;
      return { seen: { method, retryCount, failure: error.kind }, error };
    }
    const response = context.response as GraphResponse | undefined;
    if (response === undefined) throw new Error("internal: the transport returned no response");
    return {
      seen: { method, retryCount, status: response.status, retryAfter: response.headers.get("retry-after") ?? undefined },
      requestId: response.headers.get("request-id") ?? undefined,
    };
  }
}

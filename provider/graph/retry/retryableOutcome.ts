import type { AttemptOutcome } from "./retryStrategy";

/** Why an outcome may be retried; `undefined` when it must not be. */
export type RetryableReason = "throttled" | "unavailable" | "serverError" | "connectionDropped" | "connectionRefused";

/** Reads are always safe to repeat. */
const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The table of what may be retried, by method. Writes are not idempotent, so they are retried only when the
 * service cannot have applied them:
 * - 429 (throttled): any method; Graph rejects throttled requests before processing them.
 * - 503/504 (unavailable): reads, and PATCH (the service did not apply it; repeating the same PATCH is harmless
 *   in any case). Not POST (a second create) nor DELETE.
 * - any other 5xx and a dropped connection: reads only (a write may have been applied).
 * - connection refused: any method; nothing was sent.
 * - deadline passed (`timeout`): never; there is no time left.
 */
export function retryableReason(outcome: AttemptOutcome): RetryableReason | undefined {
  const method = outcome.method.toUpperCase();
  const read = READS.has(method);
  if (outcome.failure !== undefined) {
    if (outcome.failure === "refused") return "connectionRefused";
    if (outcome.failure === "dropped" && read) return "connectionDropped";
    return undefined;
  }
  const status = outcome.status ?? 0;
  if (status === 429) return "throttled";
  if ((status === 503 || status === 504) && (read || method === "PATCH")) return "unavailable";
  if (status >= 500 && status <= 599 && read) return "serverError";
  return undefined;
}

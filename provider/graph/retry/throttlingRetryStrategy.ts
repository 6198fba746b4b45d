import { parseRetryAfter } from "./retryAfter";
import { retryableReason } from "./retryableOutcome";
import type { RetryStrategy } from "./retryStrategy";

/**
 * Honours the server's `Retry-After` on a retryable answer (429, and 503/504 where the method allows):
 * waits exactly as long as Graph asked, which is what its throttling guidance requires.
 */
export function throttlingRetryStrategy(options: { now?: () => number } = {}): RetryStrategy {
  const now = options.now ?? Date.now;
  return {
    name: "throttlingRetryStrategy",
    retry(outcome) {
      if (outcome.status === undefined || retryableReason(outcome) === undefined) return undefined;
      const delayMs = parseRetryAfter(outcome.retryAfter, now());
      return delayMs === undefined ? undefined : { delayMs, serverDictated: true };
    },
  };
}

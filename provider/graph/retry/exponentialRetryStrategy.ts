import { retryableReason } from "./retryableOutcome";
import type { RetryStrategy } from "./retryStrategy";

/** Back-off settings; the defaults suit Graph (first retry after about a second, never more than 30s). */
export interface ExponentialRetryOptions {
  /** Delay before the first retry, before jitter; default 1000 ms. */
  baseDelayMs?: number;
  /** Upper bound of any single delay; default 30000 ms. */
  maxDelayMs?: number;
  /** Random source in [0, 1); default Math.random (tests pass a fixed one). */
  random?: () => number;
}

/**
 * Jittered exponential back-off for retryable outcomes the server gave no `Retry-After` for:
 * delay = min(max, base * 2^retryCount), then scaled into [50%, 100%] of that by `random` so that many
 * clients throttled together do not retry in lockstep.
 */
export function exponentialRetryStrategy(options: ExponentialRetryOptions = {}): RetryStrategy {
  const base = options.baseDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 30_000;
  const random = options.random ?? Math.random;
  return {
    name: "exponentialRetryStrategy",
    retry(outcome) {
      if (retryableReason(outcome) === undefined) return undefined;
      const ceiling = Math.min(max, base * 2 ** outcome.retryCount);
      return { delayMs: Math.round(ceiling * (0.5 + random() * 0.5)), serverDictated: false };
    },
  };
}

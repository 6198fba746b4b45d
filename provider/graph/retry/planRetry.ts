import type { AttemptOutcome, RetryStrategy } from "./retryStrategy";

/** What the retry middleware does next. */
export type RetryPlan =
  /** Wait `delayMs`, then send again. */
  | { kind: "retry"; delayMs: number; strategy: string }
  /** Not retryable: hand the answer (or failure) back as it is. */
  | { kind: "stop" }
  /** Retryable, but retrying stops here; `reason` says why, for the error message. */
  | { kind: "giveUp"; reason: string };

/** Inputs to `planRetry`. */
export interface PlanRetryInput {
  outcome: AttemptOutcome;
  strategies: readonly RetryStrategy[];
  /** Retries allowed after the first attempt. */
  maxRetries: number;
  /** Milliseconds left before the operation's deadline. */
  remainingMs: number;
}

/**
 * Decides the next step after an attempt: the first strategy that applies picks the delay, then the limits
 * apply. A server-dictated wait longer than the time left fails at once (waiting could not succeed and would
 * only hang the deployment); a back-off longer than the time left gives up the same way.
 */
export function planRetry(input: PlanRetryInput): RetryPlan {
  const { outcome, strategies, maxRetries, remainingMs } = input;
  for (const strategy of strategies) {
    const directive = strategy.retry(outcome);
    if (directive === undefined) continue;
    const what = outcome.status === 429 ? "throttled" : "retryable failure";
    if (outcome.retryCount >= maxRetries) {
      return { kind: "giveUp", reason: `${what}: gave up after ${maxRetries} retries (industrydata:maxRetries)` };
    }
    if (directive.delayMs > remainingMs) {
      const wait = directive.serverDictated ? `Retry-After ${formatSeconds(directive.delayMs)}` : `next retry in ${formatSeconds(directive.delayMs)}`;
      return { kind: "giveUp", reason: `${what}: ${wait} exceeds the remaining operation timeout ${formatSeconds(remainingMs)}` };
    }
    return { kind: "retry", delayMs: directive.delayMs, strategy: strategy.name };
  }
  return { kind: "stop" };
}

/** 120000 -> "120s", 1500 -> "1.5s". */
export function formatSeconds(ms: number): string {
  return `${Math.max(0, Math.round(ms / 100) / 10)}s`;
}

import type { TransportFailureKind } from "../transportError";

/** What one attempt produced, as the retry strategies see it. Pure data: no timers, no I/O. */
export interface AttemptOutcome {
  /** HTTP method of the request (upper case). */
  method: string;
  /** Retries already made before this attempt's outcome (0 after the first attempt). */
  retryCount: number;
  /** The HTTP status, when an answer came. */
  status?: number;
  /** The answer's `Retry-After` header, as received. */
  retryAfter?: string;
  /** Why no answer came, when none did. */
  failure?: TransportFailureKind;
}

/** A strategy's verdict when it applies: wait this long, then try again. */
export interface RetryDirective {
  /** Milliseconds to wait before the next attempt. */
  delayMs: number;
  /** True when the wait was dictated by the server (`Retry-After`) rather than chosen by back-off. */
  serverDictated: boolean;
}

/**
 * One retry policy, in the shape of `@azure/core-rest-pipeline`'s strategies: it returns a directive when it
 * applies to the outcome and `undefined` to leave it to the next strategy. Strategies are pure functions of
 * the outcome (and of the clock and random source they were created with).
 */
export interface RetryStrategy {
  readonly name: string;
  retry(outcome: AttemptOutcome): RetryDirective | undefined;
}

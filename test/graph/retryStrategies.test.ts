import { exponentialRetryStrategy } from "../../provider/graph/retry/exponentialRetryStrategy";
import { formatSeconds, planRetry } from "../../provider/graph/retry/planRetry";
import { parseRetryAfter } from "../../provider/graph/retry/retryAfter";
import { retryableReason } from "../../provider/graph/retry/retryableOutcome";
import type { AttemptOutcome } from "../../provider/graph/retry/retryStrategy";
import { throttlingRetryStrategy } from "../../provider/graph/retry/throttlingRetryStrategy";

const NOW = Date.parse("2026-03-01T12:00:00Z");

describe("retryableReason: what may be retried, by method", () => {
  const cases: [string, Partial<AttemptOutcome>, string | undefined][] = [
    ["GET", { status: 429 }, "throttled"],
    ["PATCH", { status: 429 }, "throttled"],
    ["POST", { status: 429 }, "throttled"],
    ["DELETE", { status: 429 }, "throttled"],
    ["GET", { status: 503 }, "unavailable"],
    ["GET", { status: 504 }, "unavailable"],
    ["PATCH", { status: 503 }, "unavailable"],
    ["PATCH", { status: 504 }, "unavailable"],
    ["POST", { status: 503 }, undefined],
    ["DELETE", { status: 504 }, undefined],
    ["GET", { status: 500 }, "serverError"],
    ["GET", { status: 502 }, "serverError"],
    ["PATCH", { status: 500 }, undefined],
    ["POST", { status: 502 }, undefined],
    ["GET", { status: 400 }, undefined],
    ["GET", { status: 401 }, undefined],
    ["GET", { status: 404 }, undefined],
    ["PATCH", { status: 409 }, undefined],
    ["GET", { failure: "dropped" }, "connectionDropped"],
    ["PATCH", { failure: "dropped" }, undefined],
    ["POST", { failure: "dropped" }, undefined],
    ["POST", { failure: "refused" }, "connectionRefused"],
    ["GET", { failure: "timeout" }, undefined],
    ["GET", { failure: "tls" }, undefined],
  ];
  it.each(cases)("%s %j -> %s", (method, outcome, expected) => {
    expect(retryableReason({ method, retryCount: 0, ...outcome })).toBe(expected);
  });
});

describe("parseRetryAfter", () => {
  const cases: [string | undefined, number | undefined][] = [
    [undefined, undefined],
    ["", undefined],
    ["0", 0],
    ["1", 1000],
    ["120", 120_000],
    ["1.5", 1500],
    [" 3 ", 3000],
    ["Sun, 01 Mar 2026 12:00:30 GMT", 30_000],
    ["Sun, 01 Mar 2026 11:59:00 GMT", 0],
    ["-5", undefined],
    ["soon", undefined],
    ["2026-03-01T12:00:30Z", undefined],
    ["2026", 2_026_000],
  ];
  it.each(cases)("%j -> %j ms", (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });
});

describe("throttlingRetryStrategy", () => {
  const strategy = throttlingRetryStrategy({ now: () => NOW });

  it("waits exactly the Retry-After of a 429, in seconds or as a date", () => {
    expect(strategy.retry({ method: "PATCH", retryCount: 0, status: 429, retryAfter: "2" })).toEqual({ delayMs: 2000, serverDictated: true });
    expect(strategy.retry({ method: "GET", retryCount: 0, status: 503, retryAfter: "Sun, 01 Mar 2026 12:00:05 GMT" })).toEqual({
      delayMs: 5000,
      serverDictated: true,
    });
  });

  it("leaves answers without Retry-After, and unretryable ones, to other strategies", () => {
    expect(strategy.retry({ method: "GET", retryCount: 0, status: 429 })).toBeUndefined();
    expect(strategy.retry({ method: "POST", retryCount: 0, status: 503, retryAfter: "1" })).toBeUndefined();
    expect(strategy.retry({ method: "GET", retryCount: 0, status: 400, retryAfter: "1" })).toBeUndefined();
    expect(strategy.retry({ method: "GET", retryCount: 0, failure: "dropped" })).toBeUndefined();
  });
});

describe("exponentialRetryStrategy", () => {
  it("doubles the delay per retry up to the maximum, jittered into [50%, 100%]", () => {
    const top = exponentialRetryStrategy({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 });
    const bottom = exponentialRetryStrategy({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0 });
    const delays = (s: typeof top) => [0, 1, 2, 3, 4, 5].map((retryCount) => s.retry({ method: "GET", retryCount, status: 500 })?.delayMs);
    expect(delays(top)).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(delays(bottom)).toEqual([50, 100, 200, 400, 500, 500]);
  });

  it("backs off a dropped GET but not a dropped PATCH", () => {
    const strategy = exponentialRetryStrategy({ random: () => 0.5 });
    expect(strategy.retry({ method: "GET", retryCount: 0, failure: "dropped" })).toEqual({ delayMs: 750, serverDictated: false });
    expect(strategy.retry({ method: "PATCH", retryCount: 0, failure: "dropped" })).toBeUndefined();
  });
});

describe("planRetry", () => {
  const strategies = [throttlingRetryStrategy({ now: () => NOW }), exponentialRetryStrategy({ baseDelayMs: 100, random: () => 1 })];
  const plan = (outcome: Partial<AttemptOutcome>, limits: { maxRetries?: number; remainingMs?: number } = {}) =>
    planRetry({
      outcome: { method: "PATCH", retryCount: 0, ...outcome },
      strategies,
      maxRetries: limits.maxRetries ?? 3,
      remainingMs: limits.remainingMs ?? 60_000,
    });

  it("retries after the server's Retry-After first, back-off otherwise", () => {
    expect(plan({ status: 429, retryAfter: "1" })).toEqual({ kind: "retry", delayMs: 1000, strategy: "throttlingRetryStrategy" });
    expect(plan({ status: 429 })).toEqual({ kind: "retry", delayMs: 100, strategy: "exponentialRetryStrategy" });
  });

  it("stops on answers that are not retryable", () => {
    expect(plan({ status: 400 })).toEqual({ kind: "stop" });
    expect(plan({ status: 201 })).toEqual({ kind: "stop" });
    expect(plan({ method: "POST", status: 503, retryAfter: "1" })).toEqual({ kind: "stop" });
  });

  it("gives up once maxRetries retries were made", () => {
    expect(plan({ status: 429, retryAfter: "0", retryCount: 3 })).toEqual({
      kind: "giveUp",
      reason: "throttled: gave up after 3 retries (industrydata:maxRetries)",
    });
    expect(plan({ status: 429, retryAfter: "0" }, { maxRetries: 0 }).kind).toBe("giveUp");
  });

  it("fails at once when Retry-After exceeds the remaining operation timeout", () => {
    expect(plan({ status: 429, retryAfter: "120" }, { remainingMs: 30_000 })).toEqual({
      kind: "giveUp",
      reason: "throttled: Retry-After 120s exceeds the remaining operation timeout 30s",
    });
  });

  it("gives up when the back-off would outlast the operation timeout", () => {
    expect(plan({ method: "GET", status: 500, retryCount: 2 }, { remainingMs: 300 })).toEqual({
      kind: "giveUp",
      reason: "retryable failure: next retry in 0.4s exceeds the remaining operation timeout 0.3s",
    });
  });

  it("formats durations in seconds", () => {
    expect([0, 40, 1500, 29_960, 120_000, -5].map(formatSeconds)).toEqual(["0s", "0s", "1.5s", "30s", "120s", "0s"]);
  });
});

import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { MiddlewareControl } from "@microsoft/microsoft-graph-client/lib/src/middleware/MiddlewareControl";
import { GraphOperation } from "../../provider/graph/graphOperation";
import { RetryMiddleware } from "../../provider/graph/middleware/retryMiddleware";
import { exponentialRetryStrategy } from "../../provider/graph/retry/exponentialRetryStrategy";
import { throttlingRetryStrategy } from "../../provider/graph/retry/throttlingRetryStrategy";
import { TransportError } from "../../provider/graph/transportError";

/** One scripted answer of the fake next middleware: a status (with Retry-After) or a transport failure. */
type Step = { status: number; retryAfter?: string } | { fail: TransportError | Error };

/** Stands in for the rest of the chain: answers each attempt from the script and records when it was called. */
class ScriptedNext implements Middleware {
  readonly calls: number[] = [];
  constructor(private readonly steps: Step[]) {}
  async execute(context: Context): Promise<void> {
    this.calls.push(Date.now());
    const step = this.steps.shift();
    if (step === undefined) throw new Error("script exhausted");
    if ("fail" in step) throw step.fail;
    const headers = step.retryAfter !== undefined ? { "Retry-After": step.retryAfter } : undefined;
    context.response = new Response(step.status === 204 ? null : "{}", { status: step.status, headers });
  }
}

function setup(options: { method: string; steps: Step[]; maxRetries?: number; timeoutMs?: number }) {
  const next = new ScriptedNext(options.steps);
  const retry = new RetryMiddleware({
    maxRetries: options.maxRetries ?? 5,
    strategies: [throttlingRetryStrategy(), exponentialRetryStrategy({ baseDelayMs: 100, random: () => 1 })],
  });
  retry.setNext(next);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const operation = new GraphOperation({ method: options.method, path: "/x", deadline: Date.now() + timeoutMs, timeoutMs });
  const context: Context = {
    request: "https://graph.example/beta/x",
    options: { method: options.method },
    middlewareControl: new MiddlewareControl([operation]),
  };
  return { next, retry, operation, context };
}

const dropped = () => new TransportError({ kind: "dropped", message: "connection dropped: socket hang up", code: "ECONNRESET" });

describe("RetryMiddleware (fake timers)", () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.parse("2026-03-01T12:00:00Z") }));
  afterEach(() => jest.useRealTimers());

  it("waits each Retry-After of three 429s, then returns the success", async () => {
    const { next, retry, operation, context } = setup({
      method: "PATCH",
      steps: [{ status: 429, retryAfter: "1" }, { status: 429, retryAfter: "2" }, { status: 429, retryAfter: "0" }, { status: 204 }],
    });
    const done = retry.execute(context);
    await jest.advanceTimersByTimeAsync(3000);
    await done;
    const start = next.calls[0];
    expect(next.calls.map((t) => t - start)).toEqual([0, 1000, 3000, 3000]);
    expect((context.response as Response).status).toBe(204);
    expect(operation.retries).toBe(3);
    expect(operation.stopReason).toBeUndefined();
  });

  it("does not wait at all when Retry-After exceeds the remaining operation timeout", async () => {
    const { next, retry, operation, context } = setup({ method: "PATCH", timeoutMs: 30_000, steps: [{ status: 429, retryAfter: "120" }] });
    await retry.execute(context);
    expect(next.calls).toHaveLength(1);
    expect((context.response as Response).status).toBe(429);
    expect(operation.stopReason).toBe("throttled: Retry-After 120s exceeds the remaining operation timeout 30s");
    expect(jest.getTimerCount()).toBe(0);
  });

  it("measures the remaining time after the waits already made", async () => {
    const { retry, operation, context } = setup({
      method: "GET",
      timeoutMs: 10_000,
      steps: [{ status: 503, retryAfter: "6" }, { status: 503, retryAfter: "6" }],
    });
    const done = retry.execute(context);
    await jest.advanceTimersByTimeAsync(6000);
    await done;
    expect(operation.retries).toBe(1);
    expect(operation.stopReason).toBe("retryable failure: Retry-After 6s exceeds the remaining operation timeout 4s");
  });

  it("backs off exponentially on a 503 without Retry-After for GET", async () => {
    const { next, retry, context } = setup({ method: "GET", steps: [{ status: 503 }, { status: 503 }, { status: 200 }] });
    const done = retry.execute(context);
    await jest.advanceTimersByTimeAsync(300);
    await done;
    const start = next.calls[0];
    expect(next.calls.map((t) => t - start)).toEqual([0, 100, 300]);
    expect((context.response as Response).status).toBe(200);
  });

  it("retries a dropped connection for GET", async () => {
    const { next, retry, context } = setup({ method: "GET", steps: [{ fail: dropped() }, { status: 200 }] });
    const done = retry.execute(context);
    await jest.advanceTimersByTimeAsync(100);
    await done;
    expect(next.calls).toHaveLength(2);
  });

  it("does not retry a dropped connection for PATCH or POST (the write may have been applied)", async () => {
    for (const method of ["PATCH", "POST"]) {
      const { next, retry, context } = setup({ method, steps: [{ fail: dropped() }, { status: 200 }] });
      await expect(retry.execute(context)).rejects.toMatchObject({ name: "TransportError", kind: "dropped" });
      expect(next.calls).toHaveLength(1);
    }
  });

  it("does not retry POST on 503", async () => {
    const { next, retry, context } = setup({ method: "POST", steps: [{ status: 503, retryAfter: "0" }] });
    await retry.execute(context);
    expect(next.calls).toHaveLength(1);
    expect((context.response as Response).status).toBe(503);
  });

  it("stops after maxRetries and says so", async () => {
    const { next, retry, operation, context } = setup({
      method: "GET",
      maxRetries: 2,
      steps: [{ status: 429, retryAfter: "0" }, { status: 429, retryAfter: "0" }, { status: 429, retryAfter: "0" }, { status: 200 }],
    });
    await retry.execute(context);
    expect(next.calls).toHaveLength(3);
    expect((context.response as Response).status).toBe(429);
    expect(operation.stopReason).toBe("throttled: gave up after 2 retries (industrydata:maxRetries)");
  });

  it("rethrows a dropped GET once retries are exhausted, recording why", async () => {
    const { next, retry, operation, context } = setup({ method: "GET", maxRetries: 1, steps: [{ fail: dropped() }, { fail: dropped() }] });
    const done = expect(retry.execute(context)).rejects.toMatchObject({ kind: "dropped" });
    await jest.advanceTimersByTimeAsync(100);
    await done;
    expect(next.calls).toHaveLength(2);
    expect(operation.stopReason).toBe("retryable failure: gave up after 1 retries (industrydata:maxRetries)");
  });

  it("lets other errors (credential, guard) through without retrying", async () => {
    const { next, retry, context } = setup({ method: "GET", steps: [{ fail: new Error("no credential") }, { status: 200 }] });
    await expect(retry.execute(context)).rejects.toThrow("no credential");
    expect(next.calls).toHaveLength(1);
  });
});

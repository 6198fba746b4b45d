/**
 * The options a caller gives one request (provider/graph RequestOptions), against the real client over HTTP:
 * a cancellation ends a Retry-After wait at once, a caller's deadline replaces the per-request budget and is
 * named in the timeout, and each retry is told to the listener with the throttled answer's request-id.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createGraphClient, scopedGraphClient, type ManagedGraphClient, type RetryEvent } from "../../provider/graph";
import { emulatorAdmin, type EmulatorAdmin } from "./emulatorAdmin";
import { FAST_BACKOFF, FLOW_SETS, STATIC_TOKEN, districtSet, staticTokenConfig } from "./fixtures";

describe("per-call options of the Graph client", () => {
  let emulator: RunningEmulator;
  let admin: EmulatorAdmin;
  let client: ManagedGraphClient;

  beforeAll(async () => {
    emulator = await startEmulator({ staticToken: STATIC_TOKEN, quiet: true });
    admin = emulatorAdmin(emulator);
    client = createGraphClient(staticTokenConfig(emulator.graphUrl, { operationTimeoutMs: 120_000 }), FAST_BACKOFF);
  });
  afterAll(async () => {
    client.close();
    await emulator.stop();
  });
  beforeEach(() => admin.reset());

  test("a cancellation during a Retry-After wait ends it at once with a Cancelled error, and no retry is sent", async () => {
    await admin.fault({ method: "GET", path: FLOW_SETS, status: 429, retryAfter: 100 });
    const controller = new AbortController();
    const retries: RetryEvent[] = [];
    const scoped = scopedGraphClient(client, {
      signal: controller.signal,
      onRetry: (event) => {
        retries.push(event);
        setTimeout(() => controller.abort(), 50); // the engine's Cancel arrives while the client waits out Retry-After
      },
    });
    await expect(scoped.list(FLOW_SETS)).rejects.toThrow(/GET \/external\/industryData\/outboundProvisioningFlowSets failed: Cancelled/);
    expect(retries).toEqual([expect.objectContaining({ method: "GET", status: 429, retry: 1, delayMs: 100_000, strategy: "throttlingRetryStrategy", requestId: expect.any(String) })]);
    expect((await admin.requests()).filter((r) => r.path.endsWith("outboundProvisioningFlowSets"))).toHaveLength(1);
  });

  test("a caller's deadline replaces the per-request budget and is named in the timeout", async () => {
    await admin.fault({ method: "POST", path: FLOW_SETS, delayMs: 3_000 });
    const scoped = scopedGraphClient(client, { deadline: Date.now() + 500, deadlineName: "the create timeout 0.5s (customTimeouts.create)" });
    await expect(scoped.post(FLOW_SETS, districtSet("Slow"))).rejects.toThrow(/POST \/external\/industryData\/outboundProvisioningFlowSets failed: Timeout: no answer within the create timeout 0\.5s \(customTimeouts\.create\)/);
  });

  test("a Retry-After beyond the caller's deadline fails at once, naming the remaining time", async () => {
    await admin.fault({ method: "GET", path: FLOW_SETS, status: 429, retryAfter: 60 });
    const scoped = scopedGraphClient(client, { deadline: Date.now() + 5_000, deadlineName: "the update timeout 5s (customTimeouts.update)" });
    await expect(scoped.list(FLOW_SETS)).rejects.toThrow(/429 .*throttled: Retry-After 60s exceeds the remaining operation timeout/);
  });
});

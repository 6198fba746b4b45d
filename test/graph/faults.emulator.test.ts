import { startEmulator, type RunningEmulator, type TenantState } from "../../emulator";
import { createGraphClient, isGraphError, type GraphError, type ManagedGraphClient } from "../../provider/graph";
import type { ProviderConfig } from "../../provider/config";
import { startLeakScan, type LeakScan } from "../support/leakScan";
import { emulatorAdmin, graphRequests, type EmulatorAdmin } from "./emulatorAdmin";
import { FAST_BACKOFF, FLOW_SETS, STATIC_TOKEN, districtSet, flowSetPath, flowsPath, securityGroupFlow, staticTokenConfig } from "./fixtures";

/**
 * Faults injected through the emulator's admin API, against the real client over HTTP. Each scenario starts
 * from a tenant holding two flow sets (one with a flow), PATCHes only the first set's displayName, and ends by
 * comparing the whole tenant (admin GET state) with what was declared: the new name when the call succeeded,
 * the old tenant when it failed, and in both cases every undeclared property (filter, the other set, the flow)
 * exactly as it was.
 */
describe("faults (emulator admin API)", () => {
  let emulator: RunningEmulator;
  let admin: EmulatorAdmin;
  let leaks: LeakScan;
  let client: ManagedGraphClient;
  let setId: string;
  let before: TenantState;

  const connect = (overrides: Partial<ProviderConfig> = {}) => {
    client?.close();
    client = createGraphClient(staticTokenConfig(emulator.graphUrl, overrides), FAST_BACKOFF);
  };

  beforeAll(async () => {
    emulator = await startEmulator({ staticToken: STATIC_TOKEN });
    admin = emulatorAdmin(emulator);
  });
  afterAll(async () => {
    client?.close();
    await emulator.stop();
  });
  beforeEach(async () => {
    await admin.reset();
    connect();
    const set = await client.post<{ id: string }>(FLOW_SETS, districtSet("District A"));
    await client.post(flowsPath(set.id), securityGroupFlow);
    const other = await client.post<{ id: string }>(FLOW_SETS, districtSet("District B"));
    await client.post(flowsPath(other.id), securityGroupFlow);
    setId = set.id;
    before = await admin.state();
    await admin.clearRequests();
    leaks = startLeakScan();
    leaks.secret(STATIC_TOKEN);
  });
  afterEach(() => {
    leaks.stop();
    leaks.assertClean();
  });

  /** The tenant as it must be after a successful rename of the first set: only its name (and timestamp) moved. */
  function renamed(state: TenantState, displayName: string): TenantState {
    const expected = structuredClone(state);
    const set = expected.flowSets.find((s) => s.id === setId)!;
    set.displayName = displayName;
    return expected;
  }

  /** Compares tenants ignoring the server-set lastModifiedDateTime of flow sets. */
  async function expectTenant(expected: TenantState): Promise<void> {
    const strip = (state: TenantState) => ({ ...state, flowSets: state.flowSets.map(({ lastModifiedDateTime: _ignored, ...rest }) => rest) });
    expect(strip(await admin.state())).toEqual(strip(expected));
  }

  const patchName = (displayName: string) => leaks.capture(() => client.patch(flowSetPath(setId), { displayName }));
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e) as Promise<GraphError | undefined>;

  it("three 429s with Retry-After, then success: exactly one PATCH applied, each wait honoured", async () => {
    await admin.fault({ method: "PATCH", path: flowSetPath(setId), status: 429, retryAfter: 1, count: 3 });
    await patchName("District A (throttled)");
    const patches = graphRequests(await admin.requests(), "PATCH");
    expect(patches.map((p) => p.status)).toEqual([429, 429, 429, 204]);
    expect(patches.filter((p) => p.status < 300)).toHaveLength(1);
    const arrivals = patches.map((p) => Date.parse(p.time));
    // Not a timing figure: a retry sent earlier than Retry-After would be a bug.
    for (let i = 1; i < arrivals.length; i++) expect(arrivals[i] - arrivals[i - 1]).toBeGreaterThanOrEqual(1000);
    await expectTenant(renamed(before, "District A (throttled)"));
  });

  it("retries a 503 on GET and returns the entity", async () => {
    await admin.fault({ method: "GET", path: flowSetPath(setId), status: 503, count: 2 });
    const set = await leaks.capture(() => client.get<{ displayName: string }>(flowSetPath(setId)));
    expect(set.displayName).toBe("District A");
    expect(graphRequests(await admin.requests(), "GET").map((r) => r.status)).toEqual([503, 503, 200]);
    await expectTenant(before);
  });

  it("retries a 503 on PATCH with Retry-After 0 (the service did not apply it)", async () => {
    await admin.fault({ method: "PATCH", path: flowSetPath(setId), status: 503, retryAfter: 0, count: 1 });
    await patchName("District A (after 503)");
    expect(graphRequests(await admin.requests(), "PATCH").map((r) => r.status)).toEqual([503, 204]);
    await expectTenant(renamed(before, "District A (after 503)"));
  });

  it("does not retry a 503 on POST (a second create), and creates nothing", async () => {
    await admin.fault({ method: "POST", path: FLOW_SETS, status: 503, retryAfter: 0, count: 1 });
    const error = await failure(leaks.capture(() => client.post(FLOW_SETS, districtSet("District C"))));
    expect(error).toMatchObject({ name: "GraphError", status: 503, code: "ServiceUnavailable", method: "POST" });
    expect(graphRequests(await admin.requests(), "POST")).toHaveLength(1);
    await expectTenant(before);
  });

  it("retries a dropped connection for GET", async () => {
    await admin.fault({ method: "GET", path: flowSetPath(setId), drop: true, count: 1 });
    const set = await leaks.capture(() => client.get<{ displayName: string }>(flowSetPath(setId)));
    expect(set.displayName).toBe("District A");
    const reads = graphRequests(await admin.requests(), "GET");
    expect(reads.map((r) => [r.status, r.fault])).toEqual([
      [0, "drop"],
      [200, undefined],
    ]);
    await expectTenant(before);
  });

  it("does not retry a dropped PATCH (it may have been applied) and says so clearly", async () => {
    await admin.fault({ method: "PATCH", path: flowSetPath(setId), drop: true, count: 1 });
    const error = await failure(patchName("District A (dropped)"));
    expect(isGraphError(error)).toBe(true);
    expect(error).toMatchObject({ status: 0, code: "ConnectionDropped", method: "PATCH", path: flowSetPath(setId) });
    expect(error!.message).toMatch(new RegExp(`^PATCH ${flowSetPath(setId)} failed: ConnectionDropped: connection dropped: `));
    expect(graphRequests(await admin.requests(), "PATCH")).toHaveLength(1);
    await expectTenant(before);
  });

  it("surfaces an injected 400 with its code, message and request-id, without retrying", async () => {
    await admin.fault({ method: "PATCH", path: flowSetPath(setId), status: 400, code: "InvalidFilter", message: "The filter is not valid.", count: 1 });
    const error = await failure(patchName("District A (bad)"));
    const [logged] = graphRequests(await admin.requests(), "PATCH");
    expect(error).toMatchObject({ status: 400, code: "InvalidFilter", graphMessage: "The filter is not valid.", requestId: logged.requestId, clientRequestId: logged.clientRequestId });
    expect(error!.message).toBe(
      `PATCH ${flowSetPath(setId)} failed: 400 InvalidFilter: The filter is not valid. (request-id ${logged.requestId}, client-request-id ${logged.clientRequestId})`,
    );
    await expectTenant(before);
  });

  it("fails at once when Retry-After exceeds the remaining operation timeout", async () => {
    connect({ operationTimeoutMs: 30_000 });
    await admin.fault({ method: "PATCH", path: flowSetPath(setId), status: 429, retryAfter: 120, count: 1 });
    const error = await failure(patchName("District A (too slow)"));
    expect(error).toMatchObject({ status: 429, code: "TooManyRequests" });
    expect(error!.message).toMatch(
      new RegExp(`^PATCH ${flowSetPath(setId)} failed: 429 TooManyRequests: .* throttled: Retry-After 120s exceeds the remaining operation timeout (30|29\\.\\d)s \\(request-id `),
    );
    expect(graphRequests(await admin.requests(), "PATCH")).toHaveLength(1);
    await expectTenant(before);
  });

  it("gives up after maxRetries throttled attempts and says so", async () => {
    connect({ maxRetries: 2 });
    await admin.fault({ method: "PATCH", path: flowSetPath(setId), status: 429, retryAfter: 0, count: 5 });
    const error = await failure(patchName("District A (never)"));
    expect(error!.message).toMatch(/429 TooManyRequests: .* throttled: gave up after 2 retries \(industrydata:maxRetries\) \(request-id .*; retried 2 times\)$/);
    expect(graphRequests(await admin.requests(), "PATCH")).toHaveLength(3);
    await expectTenant(before);
  });

  it("bounds a hung request by the operation timeout", async () => {
    connect({ operationTimeoutMs: 1_000 });
    await admin.fault({ method: "GET", path: flowSetPath(setId), delayMs: 1_600, count: 1 });
    const started = Date.now();
    const error = await failure(leaks.capture(() => client.get(flowSetPath(setId))));
    expect(error).toMatchObject({ status: 0, code: "Timeout", method: "GET" });
    expect(error!.message).toMatch(/no answer within the operation timeout 1s \(industrydata:operationTimeoutMs\)/);
    // Let the emulator's delay for the request we abandoned run out, so no timer of it outlives the test
    // (the emulator does not log a request whose client went away, so there is nothing to poll for).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + 1_700 - Date.now())));
    await expectTenant(before);
  });

  it("does not retry a 500 on PATCH", async () => {
    await admin.fault({ method: "PATCH", path: flowSetPath(setId), status: 500, count: 1 });
    const error = await failure(patchName("District A (500)"));
    expect(error).toMatchObject({ status: 500, code: "InternalServerError" });
    expect(graphRequests(await admin.requests(), "PATCH")).toHaveLength(1);
    await expectTenant(before);
  });
});

import { startEmulator, type RunningEmulator } from "../../emulator";
import { closeSharedGraphClients, createGraphClient, getSharedGraphClient, isGraphError, type GraphError } from "../../provider/graph";
import { startLeakScan, type LeakScan } from "../support/leakScan";
import { emulatorAdmin, graphRequests, type EmulatorAdmin } from "./emulatorAdmin";
import { FLOW_SETS, STATIC_TOKEN, UUID, districtSet, flowSetPath, flowsPath, securityGroupFlow, staticTokenConfig, userFlow } from "./fixtures";
import { TEST_PASSWORDS } from "../support/testSecrets";

interface FlowSet {
  id: string;
  displayName: string;
  filter?: { attribute: string; in: string[] };
  lastModifiedDateTime: string;
}

describe("Graph client against the emulator (plain http, static token)", () => {
  let emulator: RunningEmulator;
  let admin: EmulatorAdmin;
  let leaks: LeakScan;

  beforeAll(async () => {
    emulator = await startEmulator({ staticToken: STATIC_TOKEN, pageSize: 2 });
    admin = emulatorAdmin(emulator);
  });
  afterAll(async () => {
    await emulator.stop();
  });
  beforeEach(async () => {
    await admin.reset();
    leaks = startLeakScan();
    leaks.secret(STATIC_TOKEN);
  });
  afterEach(() => {
    leaks.stop();
    closeSharedGraphClients();
    leaks.assertClean();
  });

  it("creates, reads, updates (204 -> undefined), lists and deletes over real HTTP", async () => {
    const client = createGraphClient(staticTokenConfig(emulator.graphUrl));
    try {
      const created = await leaks.capture(() => client.post<FlowSet>(FLOW_SETS, districtSet("District A")));
      expect(created).toMatchObject({ displayName: "District A", filter: { attribute: "orgExternalId", in: ["school-1", "school-2"] } });
      // Graph quirk (204 vs 200): the emulator answers PATCH with 204 by default, so patch resolves to undefined.
      await expect(client.patch(flowSetPath(created.id), { displayName: "District A (renamed)" })).resolves.toBeUndefined();
      expect((await client.get<FlowSet>(flowSetPath(created.id))).displayName).toBe("District A (renamed)");
      expect((await client.list<FlowSet>(FLOW_SETS)).map((s) => s.id)).toEqual([created.id]);
      await expect(client.delete(flowSetPath(created.id))).resolves.toBeUndefined();
      expect(await client.list(FLOW_SETS)).toEqual([]);
    } finally {
      client.close();
    }
  });

  it("resolves PATCH to the entity when Graph answers 200 with a body", async () => {
    const emulator200 = await startEmulator({ staticToken: STATIC_TOKEN, patchResponse: 200 });
    const client = createGraphClient(staticTokenConfig(emulator200.graphUrl));
    try {
      const created = await client.post<FlowSet>(FLOW_SETS, districtSet("District B"));
      const patched = await client.patch<FlowSet>(flowSetPath(created.id), { displayName: "District B2" });
      expect(patched).toMatchObject({ id: created.id, displayName: "District B2" });
    } finally {
      client.close();
      await emulator200.stop();
    }
  });

  it("follows @odata.nextLink until the last page", async () => {
    const client = createGraphClient(staticTokenConfig(emulator.graphUrl));
    try {
      for (let i = 0; i < 5; i++) await client.post(FLOW_SETS, districtSet(`Set ${i}`));
      await admin.clearRequests();
      const all = await client.list<FlowSet>(FLOW_SETS);
      expect(all.map((s) => s.displayName).sort()).toEqual(["Set 0", "Set 1", "Set 2", "Set 3", "Set 4"]);
      const pages = graphRequests(await admin.requests(), "GET");
      expect(pages).toHaveLength(3); // page size 2
      expect(pages[0].query).toEqual({});
      expect(pages[1].query.$skiptoken).toBeDefined();
    } finally {
      client.close();
    }
  });

  it("lists polymorphic flows under a set", async () => {
    const client = createGraphClient(staticTokenConfig(emulator.graphUrl));
    try {
      const set = await client.post<FlowSet>(FLOW_SETS, districtSet("District C"));
      await client.post(flowsPath(set.id), securityGroupFlow);
      const flows = await client.list<{ "@odata.type": string }>(flowsPath(set.id));
      expect(flows.map((f) => f["@odata.type"])).toEqual(["#microsoft.graph.industryData.securityGroupProvisioningFlow"]);
    } finally {
      client.close();
    }
  });

  it("sends its own UUID client-request-id with every request", async () => {
    const client = createGraphClient(staticTokenConfig(emulator.graphUrl));
    try {
      const set = await client.post<FlowSet>(FLOW_SETS, districtSet("District D"));
      await client.get(flowSetPath(set.id));
      await client.patch(flowSetPath(set.id), { displayName: "x" });
      const ids = graphRequests(await admin.requests()).map((r) => r.clientRequestId);
      expect(ids).toHaveLength(3);
      for (const id of ids) expect(id).toMatch(UUID);
      expect(new Set(ids).size).toBe(3);
    } finally {
      client.close();
    }
  });

  it("surfaces a 404 as a GraphError with status 404", async () => {
    const client = createGraphClient(staticTokenConfig(emulator.graphUrl));
    try {
      const error = (await client.get(flowSetPath("00000000-0000-0000-0000-00000000dead")).catch((e: unknown) => e)) as GraphError;
      expect(isGraphError(error)).toBe(true);
      expect(error).toMatchObject({ status: 404, code: "NotFound", method: "GET" });
    } finally {
      client.close();
    }
  });

  it("surfaces a 400 with Graph's code, message, request-id and client-request-id", async () => {
    const client = createGraphClient(staticTokenConfig(emulator.graphUrl));
    try {
      const set = await client.post<FlowSet>(FLOW_SETS, districtSet("District E"));
      await admin.clearRequests();
      const error = (await leaks.capture(() => client.patch(flowSetPath(set.id), { displayName: 42 })).catch((e: unknown) => e)) as GraphError;
      const [logged] = graphRequests(await admin.requests(), "PATCH");
      expect(error).toMatchObject({ name: "GraphError", status: 400, code: "BadRequest", method: "PATCH", path: flowSetPath(set.id) });
      expect(error.graphMessage).toMatch(/displayName/);
      expect(error.requestId).toBe(logged.requestId);
      expect(error.clientRequestId).toBe(logged.clientRequestId);
      expect(error.message).toBe(
        `PATCH ${flowSetPath(set.id)} failed: 400 BadRequest: ${error.graphMessage} (request-id ${logged.requestId}, client-request-id ${logged.clientRequestId})`,
      );
    } finally {
      client.close();
    }
  });

  it("never lets a password from the request body into an error", async () => {
    const password = TEST_PASSWORDS.graphClientEcho;
    leaks.secret(password);
    const client = createGraphClient(staticTokenConfig(emulator.graphUrl));
    try {
      const set = await client.post<FlowSet>(FLOW_SETS, districtSet("District F"));
      await client.post(flowsPath(set.id), userFlow(password));
      // A second user flow in the same set is refused (one flow per kind); the error must not echo the password.
      const error = (await leaks.capture(() => client.post(flowsPath(set.id), userFlow(password))).catch((e: unknown) => e)) as GraphError;
      expect(error.status).toBeGreaterThanOrEqual(400);
      expect(error.message).not.toContain(password);
    } finally {
      client.close();
    }
  });

  it("shares one client, token cache and concurrency limit per configuration", async () => {
    const config = staticTokenConfig(emulator.graphUrl, { concurrency: 2 });
    const first = getSharedGraphClient(config);
    const second = getSharedGraphClient({ ...config });
    expect(second).toBe(first);
    expect(getSharedGraphClient({ ...config, concurrency: 3 })).not.toBe(first);

    const set = await first.post<FlowSet>(FLOW_SETS, districtSet("District G"));
    await admin.clearRequests();
    await admin.fault({ method: "GET", path: flowSetPath(set.id), delayMs: 150, count: 8 });
    // Eight reads through two handles, as eight resources of one provider process would issue them.
    await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? first : second).get(flowSetPath(set.id))));
    const reads = graphRequests(await admin.requests(), "GET");
    expect(reads).toHaveLength(8);
    expect(maxOverlap(reads.map((r) => ({ start: Date.parse(r.time), end: Date.parse(r.time) + r.durationMs })))).toBeLessThanOrEqual(2);
  });
});

/** Most intervals open at one instant (end is exclusive). */
function maxOverlap(intervals: { start: number; end: number }[]): number {
  const events = intervals.flatMap((i) => [
    { at: i.start, delta: 1 },
    { at: i.end, delta: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let open = 0;
  let most = 0;
  for (const event of events) {
    open += event.delta;
    most = Math.max(most, open);
  }
  return most;
}

/** Fault injection through the admin API: statuses with Retry-After, delays, dropped connections. */
import { FLOW_SETS, startTestEmulator, TestEmulator } from "./helpers";

/** Polls `condition` (each poll is a request, so this waits on the server, not on a clock). */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) if (await condition()) return;
  throw new Error("condition never held");
}

describe("emulator fault injection", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.admin("POST", "/reset"));

  test("three 429s with Retry-After for the matching PATCHes, then the fourth is applied", async () => {
    const id = await emu.createSet({ displayName: "Before" });
    const added = await emu.admin("POST", "/faults", { method: "PATCH", path: FLOW_SETS, status: 429, retryAfter: 2, count: 3 });
    expect(added.status).toBe(201);
    for (let i = 0; i < 3; i++) {
      const r = await emu.graph("PATCH", `${FLOW_SETS}/${id}`, { displayName: `Try ${i}` });
      expect(r.status).toBe(429);
      expect(r.headers.get("retry-after")).toBe("2");
      expect(r.body.error.code).toBe("TooManyRequests");
      expect(r.body.error.innerError["request-id"]).toBe(r.headers.get("request-id"));
      expect((await emu.graph("GET", `${FLOW_SETS}/${id}`)).body.displayName).toBe("Before");
    }
    expect((await emu.graph("PATCH", `${FLOW_SETS}/${id}`, { displayName: "After" })).status).toBe(204);
    expect((await emu.graph("GET", `${FLOW_SETS}/${id}`)).body.displayName).toBe("After");
    const log = (await emu.admin("GET", "/requests")).body.filter((e: { method: string }) => e.method === "PATCH");
    expect(log.map((e: { status: number; fault?: string }) => [e.status, e.fault ?? null])).toEqual([[429, "status"], [429, "status"], [429, "status"], [204, null]]);
    expect((await emu.admin("GET", "/faults")).body).toEqual([]);
  });

  test("a rule matches only its method; GET /faults shows what remains", async () => {
    await emu.admin("POST", "/faults", { method: "POST", status: 503, count: 2 });
    expect((await emu.graph("GET", FLOW_SETS)).status).toBe(200);
    const r = await emu.graph("POST", FLOW_SETS, { displayName: "x" });
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe("ServiceUnavailable");
    expect((await emu.admin("GET", "/faults")).body).toMatchObject([{ method: "POST", status: 503, remaining: 1 }]);
    // The failed create stored nothing.
    expect((await emu.admin("GET", "/state")).body.flowSets).toEqual([]);
  });

  test.each([
    ["a path prefix with /beta", { path: `/beta${FLOW_SETS}/` }],
    ["a path prefix relative to graphUrl", { path: `${FLOW_SETS}/` }],
    ["a regex", { pathRegex: "/provisioningFlows$" }],
  ])("a rule can match by %s", async (_name, match) => {
    const id = await emu.createSet();
    await emu.admin("POST", "/faults", { ...match, status: 504, code: "GatewayTimeout", message: "upstream slow", count: 1 });
    expect((await emu.graph("GET", "/external/industryData/roleGroups")).status).toBe(200);
    const r = await emu.graph("GET", `${FLOW_SETS}/${id}/provisioningFlows`);
    expect(r.status).toBe(504);
    expect(r.body.error).toMatchObject({ code: "GatewayTimeout", message: "upstream slow" });
  });

  test("delayMs holds the answer while later requests are served, then the request is served normally", async () => {
    // Order, not wall-clock time: a request sent after the held one is answered and logged first.
    await emu.admin("POST", "/faults", { method: "GET", path: FLOW_SETS, delayMs: 2000, count: 1 });
    let heldAnswered = false;
    const held = emu.graph("GET", FLOW_SETS).then((r) => {
      heldAnswered = true;
      return r;
    });
    await waitFor(async () => (await emu.admin("GET", "/faults")).body.length === 0); // the rule was taken: it is held
    expect((await emu.graph("GET", "/external/industryData/roleGroups")).status).toBe(200);
    expect(heldAnswered).toBe(false);
    expect((await emu.admin("GET", "/requests")).body.map((e: { path: string }) => e.path)).toEqual(["/beta/external/industryData/roleGroups"]);
    const r = await held;
    expect(r.status).toBe(200);
    const log = (await emu.admin("GET", "/requests")).body;
    expect(log.map((e: { path: string; status: number; fault?: string }) => [e.path, e.status, e.fault ?? null])).toEqual([
      ["/beta/external/industryData/roleGroups", 200, null],
      [`/beta${FLOW_SETS}`, 200, "delay"],
    ]);
  });

  test("drop destroys the connection without an answer; the next request is served", async () => {
    await emu.admin("POST", "/faults", { method: "GET", path: FLOW_SETS, drop: true });
    await expect(emu.graph("GET", FLOW_SETS)).rejects.toThrow(/fetch failed/);
    expect((await emu.graph("GET", FLOW_SETS)).status).toBe(200);
    const log = (await emu.admin("GET", "/requests")).body;
    expect(log[0]).toMatchObject({ method: "GET", status: 0, fault: "drop" });
  });

  test("faults apply to the token endpoint too, and never to the admin API", async () => {
    await emu.admin("POST", "/faults", { path: "/", status: 500, count: 5 });
    expect((await emu.admin("GET", "/state")).status).toBe(200);
    const token = await fetch(`${emu.authorityHost}/tenant/oauth2/v2.0/token`, { method: "POST", body: "grant_type=client_credentials", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(token.status).toBe(500);
    expect((await emu.admin("DELETE", "/faults")).status).toBe(204);
    expect((await emu.graph("GET", FLOW_SETS)).status).toBe(200);
  });

  test("reset clears the faults", async () => {
    await emu.admin("POST", "/faults", { status: 500, count: 10 });
    await emu.admin("POST", "/reset");
    expect((await emu.graph("GET", FLOW_SETS)).status).toBe(200);
  });

  test.each([
    ["an unknown field", { status: 429, colour: "red" }],
    ["a count of 0", { status: 429, count: 0 }],
    ["a status out of range", { status: 42 }],
    ["an invalid regex", { pathRegex: "([" }],
  ])("POST faults with %s is a 400", async (_name, rule) => {
    const r = await emu.admin("POST", "/faults", rule);
    expect(r.status).toBe(400);
    expect((await emu.admin("GET", "/faults")).body).toEqual([]);
  });
});

/** Held requests (`hold` faults, aimed at the n-th match with `skip`): wait until released or the client goes away. */
import { FLOW_SETS, startTestEmulator, TestEmulator, TOKEN } from "./helpers";

interface Held {
  id: number;
  faultId: number;
  method: string;
  path: string;
  clientGone: boolean;
}

describe("emulator held requests", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.admin("POST", "/reset"));

  async function heldNow(): Promise<Held[]> {
    return (await emu.admin("GET", "/holds")).body as Held[];
  }

  async function untilHeld(count: number): Promise<Held[]> {
    for (;;) {
      const held = await heldNow();
      if (held.length >= count) return held;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async function setNames(): Promise<string[]> {
    return ((await emu.admin("GET", "/state")).body.flowSets as { displayName: string }[]).map((s) => s.displayName).sort();
  }

  test("skip lets the first matches through; the held POST acts only once released, then answers as usual", async () => {
    const fault = (await emu.admin("POST", "/faults", { method: "POST", path: FLOW_SETS, skip: 1, hold: true })).body;
    expect(fault).toMatchObject({ hold: true, skip: 1, skipRemaining: 1, remaining: 1 });
    await emu.createSet({ displayName: "First" });
    const second = emu.graph("POST", FLOW_SETS, { displayName: "Second" });
    const [held] = await untilHeld(1);
    expect(held).toMatchObject({ faultId: fault.id, method: "POST", path: `/beta${FLOW_SETS}`, clientGone: false });
    // Reads go on while it waits; the held create has not happened yet.
    expect(await setNames()).toEqual(["First"]);
    expect((await emu.admin("POST", `/holds/${held.id}/release`)).body).toEqual({ released: 1 });
    expect((await second).status).toBe(201);
    expect(await setNames()).toEqual(["First", "Second"]);
    expect(await heldNow()).toEqual([]);
    const posts = ((await emu.admin("GET", "/requests")).body as { method: string; status: number; fault?: string }[]).filter((r) => r.method === "POST");
    expect(posts.map((r) => [r.status, r.fault ?? null])).toEqual([[201, null], [201, "hold"]]);
  });

  test("a held POST whose client goes away is carried out, as a service finishes a request whose client died", async () => {
    await emu.admin("POST", "/faults", { method: "POST", path: FLOW_SETS, hold: true });
    const client = new AbortController();
    const sent = fetch(`${emu.graphUrl}${FLOW_SETS}`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ displayName: "Orphan" }),
      signal: client.signal,
    }).catch((error: unknown) => (error as Error).name);
    await untilHeld(1);
    client.abort();
    expect(await sent).toBe("AbortError");
    for (;;) {
      if ((await setNames()).length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await setNames()).toEqual(["Orphan"]);
    expect(await heldNow()).toEqual([]);
    const posts = ((await emu.admin("GET", "/requests")).body as { method: string; status: number; fault?: string }[]).filter((r) => r.method === "POST");
    expect(posts.map((r) => [r.status, r.fault ?? null])).toEqual([[201, "hold"]]);
  });

  test("releasing all answers how many went on; releasing an unknown id is a 404", async () => {
    expect((await emu.admin("POST", "/holds/release")).body).toEqual({ released: 0 });
    expect((await emu.admin("POST", "/holds/7/release")).status).toBe(404);
  });

  test("POST faults refuses a negative skip", async () => {
    expect((await emu.admin("POST", "/faults", { hold: true, skip: -1 })).status).toBe(400);
  });
});

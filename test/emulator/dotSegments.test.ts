/**
 * A dot segment is a 400 of its own, never another entity: sent raw (node:http does not resolve dots, unlike
 * fetch), `…/provisioningFlows/..` must not answer for (or delete) the flow set.
 */
import * as http from "node:http";
import { FLOW_SETS, flowBodies, startTestEmulator, TestEmulator, TOKEN } from "./helpers";

let emu: TestEmulator;
let setId: string;
let flowId: string;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());
beforeEach(async () => {
  await emu.admin("POST", "/reset");
  setId = await emu.createSet();
  flowId = await emu.createFlow(setId, flowBodies.securityGroup());
});

/** One request with the path exactly as given (global fetch would resolve the dots first). */
function raw(method: string, path: string): Promise<{ status: number; body: any }> {
  const url = new URL(emu.graphUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method, path: `${url.pathname}${path}`, headers: { authorization: `Bearer ${TOKEN}` } },
      (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      },
    );
    request.on("error", reject);
    request.end();
  });
}

describe("emulator: dot segments", () => {
  const cases = [
    { name: "a flow id '..' (would resolve to the flow set)", path: () => `${FLOW_SETS}/${setId}/provisioningFlows/..`, dot: ".." },
    { name: "a flow id '.' (would resolve to the flow list)", path: () => `${FLOW_SETS}/${setId}/provisioningFlows/.`, dot: "." },
    { name: "a percent-encoded '%2e%2e'", path: () => `${FLOW_SETS}/${setId}/provisioningFlows/%2e%2e`, dot: "%2e%2e" },
    { name: "a mixed '.%2E'", path: () => `${FLOW_SETS}/${setId}/provisioningFlows/.%2E`, dot: ".%2E" },
    { name: "a set id '..'", path: () => `${FLOW_SETS}/..`, dot: ".." },
    { name: "a '.' inside the path", path: () => `${FLOW_SETS}/${setId}/./provisioningFlows/${flowId}`, dot: "." },
  ];

  test.each(cases)("$name: GET, PATCH and DELETE answer 400 naming the segment; nothing is deleted", async ({ path, dot }) => {
    for (const method of ["GET", "DELETE", "PATCH"]) {
      const answer = await raw(method, path());
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("BadRequest");
      expect(answer.body.error.message).toContain(`dot segment '${dot}'`);
    }
    const state = (await emu.admin("GET", "/state")).body;
    expect(state.flowSets.map((s: { id: string }) => s.id)).toEqual([setId]);
    expect(state.flowSets[0].flows.map((f: { id: string }) => f.id)).toEqual([flowId]);
  });

  test("the request log keeps the path as received, with its status", async () => {
    await emu.admin("DELETE", "/requests");
    await raw("DELETE", `${FLOW_SETS}/${setId}/provisioningFlows/..`);
    const log = (await emu.admin("GET", "/requests")).body;
    expect(log.map((r: { method: string; path: string; status: number }) => [r.method, r.path, r.status])).toEqual([
      ["DELETE", `/beta${FLOW_SETS}/${setId}/provisioningFlows/..`, 400],
    ]);
  });

  test("ids holding dots that are no dot segment are ordinary ids (a 404 of their own)", async () => {
    for (const id of ["...", ".a", "a..", "%2e%2e%2e"]) {
      const answer = await raw("GET", `${FLOW_SETS}/${setId}/provisioningFlows/${id}`);
      expect(answer.status).toBe(404);
    }
  });
});

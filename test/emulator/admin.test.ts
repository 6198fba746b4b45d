/** The admin API over real HTTP: request log (secrets redacted), reset, whole-tenant state. */
import { FLOW_SETS, flowBodies, startTestEmulator, TestEmulator } from "./helpers";
import { TEST_CLIENT_SECRETS, TEST_PASSWORDS, TEST_TOKENS } from "../support/testSecrets";

describe("emulator admin API", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.admin("POST", "/reset"));

  test("GET requests lists every Graph request with method, path, query, body and status", async () => {
    const setId = await emu.createSet({ displayName: "Logged" });
    await emu.graph("GET", `${FLOW_SETS}?$top=5`);
    await emu.graph("GET", `${FLOW_SETS}/nope`);
    const log = (await emu.admin("GET", "/requests")).body;
    expect(log.map((e: { method: string; status: number }) => [e.method, e.status])).toEqual([["POST", 201], ["GET", 200], ["GET", 404]]);
    expect(log[0]).toMatchObject({ path: `/beta${FLOW_SETS}`, body: { displayName: "Logged" } });
    expect(log[1].query).toEqual({ $top: "5" });
    expect(log[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(setId).toBeTruthy();
  });

  test("the request log redacts passwords", async () => {
    const setId = await emu.createSet();
    await emu.createFlow(setId, flowBodies.user());
    const text = JSON.stringify((await emu.admin("GET", "/requests")).body);
    expect(text).not.toContain(TEST_PASSWORDS.emulatorStaff);
    expect(text).not.toContain(TEST_PASSWORDS.emulatorStudent);
    expect(text).toContain("[redacted]");
  });

  test("the request log redacts secrets sent in the query string", async () => {
    const query = new URLSearchParams({ access_token: TEST_TOKENS.emulatorStatic, client_secret: TEST_CLIENT_SECRETS.emulatorDefault, $top: "5" });
    await emu.graph("GET", `${FLOW_SETS}?${query}`);
    const log = (await emu.admin("GET", "/requests")).body;
    expect(log[0].query).toEqual({ access_token: "[redacted]", client_secret: "[redacted]", $top: "5" });
    expect(JSON.stringify(log)).not.toContain(TEST_TOKENS.emulatorStatic);
    expect(JSON.stringify(log)).not.toContain(TEST_CLIENT_SECRETS.emulatorDefault);
  });

  test("DELETE requests empties the log; admin calls are never logged", async () => {
    await emu.createSet();
    expect((await emu.admin("DELETE", "/requests")).status).toBe(204);
    await emu.admin("GET", "/state");
    expect((await emu.admin("GET", "/requests")).body).toEqual([]);
  });

  test("reset empties the tenant but keeps the built-in role groups", async () => {
    await emu.createSet();
    expect((await emu.admin("POST", "/reset")).status).toBe(204);
    const state = (await emu.admin("GET", "/state")).body;
    expect(state.flowSets).toEqual([]);
    expect(state.roleGroups.map((g: { id: string }) => g.id)).toEqual(["staff", "students"]);
  });

  test("GET state never holds a clear password, only a hash", async () => {
    const setId = await emu.createSet();
    await emu.createFlow(setId, flowBodies.user());
    const state = (await emu.admin("GET", "/state")).body;
    const text = JSON.stringify(state);
    expect(text).not.toContain(TEST_PASSWORDS.emulatorStaff);
    expect(state.flowSets[0].flows[0].creationOptions.configurations[0].defaultPasswordSettings.passwordHash).toMatch(/^hmac-sha256\$/);
  });

  test("PUT state replaces the tenant; Graph then serves it (an out-of-band edit)", async () => {
    const setId = await emu.createSet({ displayName: "Before" });
    const flowId = await emu.createFlow(setId, flowBodies.securityGroup());
    const state = (await emu.admin("GET", "/state")).body;
    state.flowSets[0].displayName = "Edited in the portal";
    state.flowSets[0].flows[0].creationOptions.createBasedOnRoleGroup = false;
    expect((await emu.admin("PUT", "/state", state)).status).toBe(204);
    expect((await emu.graph("GET", `${FLOW_SETS}/${setId}`)).body.displayName).toBe("Edited in the portal");
    expect((await emu.graph("GET", `${FLOW_SETS}/${setId}/provisioningFlows/${flowId}`)).body.creationOptions.createBasedOnRoleGroup).toBe(false);
  });

  test("PUT state hashes a clear password it is given", async () => {
    const setId = await emu.createSet();
    await emu.createFlow(setId, flowBodies.user());
    const state = (await emu.admin("GET", "/state")).body;
    state.flowSets[0].flows[0].creationOptions.configurations[0].defaultPasswordSettings = { password: TEST_PASSWORDS.emulatorSeeded };
    expect((await emu.admin("PUT", "/state", state)).status).toBe(204);
    const text = JSON.stringify((await emu.admin("GET", "/state")).body);
    expect(text).not.toContain(TEST_PASSWORDS.emulatorSeeded);
  });

  test.each([
    ["a wrong version", (s: any) => ({ ...s, version: 2 })],
    ["an unknown flow kind", (s: any) => ({ ...s, flowSets: [{ ...s.flowSets[0], flows: [{ ...s.flowSets[0].flows[0], kind: "teacherFlow" }] }] })],
    ["two flows of one kind in a set", (s: any) => ({ ...s, flowSets: [{ ...s.flowSets[0], flows: [s.flowSets[0].flows[0], { ...s.flowSets[0].flows[0], id: "x" }] }] })],
    ["a missing non-nullable property", (s: any) => ({ ...s, flowSets: [{ ...s.flowSets[0], flows: [{ ...s.flowSets[0].flows[0], creationOptions: undefined }] }] })],
  ])("PUT state rejects %s with 400 and keeps the tenant", async (_name, mutate) => {
    const setId = await emu.createSet();
    await emu.createFlow(setId, flowBodies.securityGroup());
    const before = (await emu.admin("GET", "/state")).body;
    const r = await emu.admin("PUT", "/state", JSON.parse(JSON.stringify(mutate(structuredClone(before)))));
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/Invalid tenant state/);
    expect((await emu.admin("GET", "/state")).body).toEqual(before);
  });

  test("GET info gives the URLs", async () => {
    const info = (await emu.admin("GET", "/info")).body;
    expect(info).toMatchObject({ graphUrl: emu.graphUrl, tokenUrl: emu.tokenUrl, adminUrl: emu.adminUrl });
  });
});

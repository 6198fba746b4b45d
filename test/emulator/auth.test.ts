/** Authentication on Graph paths: bearer token required (401), permission for writes (403). */
import { READ_ALL, READ_WRITE_ALL } from "../../emulator";
import { FLOW_SETS, startTestEmulator, TestEmulator } from "./helpers";
import { TEST_TOKENS } from "../support/testSecrets";

async function mint(emu: TestEmulator, body: Record<string, unknown>): Promise<string> {
  const r = await emu.admin("POST", "/tokens", body);
  expect(r.status).toBe(200);
  return r.body.access_token;
}

describe("emulator authentication", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());

  test.each([
    ["no Authorization header", null],
    ["a token the emulator did not issue", TEST_TOKENS.emulatorForeign],
    ["a JWT signed by someone else", "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.c2lnbmF0dXJl"],
  ])("%s is a 401 InvalidAuthenticationToken", async (_name, token) => {
    const r = await emu.graph("GET", FLOW_SETS, undefined, { token });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe("InvalidAuthenticationToken");
    expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  test("an expired token is a 401", async () => {
    const token = await mint(emu, { lifetimeSeconds: -60 });
    const r = await emu.graph("GET", FLOW_SETS, undefined, { token });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toMatch(/expired/);
  });

  test("the static token has every right", async () => {
    expect((await emu.graph("POST", FLOW_SETS, { displayName: "S" })).status).toBe(201);
  });

  test.each([
    ["app token with ReadWrite.All (roles)", 200, 201, { roles: [READ_WRITE_ALL] }],
    ["delegated token with ReadWrite.All (scp)", 200, 201, { scopes: [READ_WRITE_ALL, "User.Read"] }],
    ["app token with Read.All only", 200, 403, { roles: [READ_ALL] }],
    ["delegated token with Read.All only", 200, 403, { scopes: [READ_ALL] }],
    ["app token with no permission", 403, 403, { roles: [] }],
    ["app token with an unrelated permission", 403, 403, { roles: ["User.Read.All"] }],
  ])("%s: read answers %d, write answers %d", async (_name, readStatus, writeStatus, grant) => {
    const token = await mint(emu, grant);
    const read = await emu.graph("GET", FLOW_SETS, undefined, { token });
    expect(read.status).toBe(readStatus);
    const write = await emu.graph("POST", FLOW_SETS, { displayName: "W" }, { token });
    expect(write.status).toBe(writeStatus);
    if (writeStatus === 403) {
      expect(write.body.error.code).toBe("Authorization_RequestDenied");
      expect(write.body.error.message).toContain(READ_WRITE_ALL);
    }
  });

  test("role groups may be read with any valid token", async () => {
    const token = await mint(emu, { roles: [] });
    expect((await emu.graph("GET", "/external/industryData/roleGroups", undefined, { token })).status).toBe(200);
    expect((await emu.graph("GET", "/external/industryData/roleGroups", undefined, { token: null })).status).toBe(401);
  });
});

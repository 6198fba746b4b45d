/**
 * A OneRoster connector's write-only `credential.clientSecret`: accepted on POST and PATCH, never returned by
 * any read, kept only as a salted hash (state, data file), redacted in the request log; a rotation resends the
 * whole credential, and a credential sent without its secret is refused rather than silently losing it.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { passwordMatches } from "../../emulator";
import { createIn, IDATA, inboundBodies, NS, startTestEmulator, TestEmulator } from "./helpers";
import { TEST_CLIENT_SECRETS } from "../support/testSecrets";

const SECRET = TEST_CLIENT_SECRETS.emulatorOneRoster;
const ROTATED = TEST_CLIENT_SECRETS.emulatorOneRosterRotated;

describe("emulator write-only client secret", () => {
  let emu: TestEmulator;
  let connectorId: string;
  const url = () => `${IDATA}/dataConnectors/${connectorId}`;
  const storedCredential = async () => (await emu.admin("GET", "/state")).body.dataConnectors.find((c: { id: string }) => c.id === connectorId).credential;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());
  beforeEach(async () => {
    await emu.admin("POST", "/reset");
    const sourceSystemId = await createIn(emu, "sourceSystems", inboundBodies.sourceSystem());
    connectorId = await createIn(emu, "dataConnectors", inboundBodies.oneRosterConnector(sourceSystemId, SECRET));
  });

  test("no read ever returns the secret: 201, GET, list, $expand, sub-path; the request log redacts it", async () => {
    const reads = [
      (await emu.graph("GET", url())).body,
      (await emu.graph("GET", `${IDATA}/dataConnectors`)).body,
      (await emu.graph("GET", `${IDATA}/dataConnectors?$select=credential`)).body,
    ];
    const text = JSON.stringify(reads) + JSON.stringify((await emu.admin("GET", "/requests")).body);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("clientSecret\":\"O");
    expect(reads[0].credential).not.toHaveProperty("clientSecret");
    const logged = (await emu.admin("GET", "/requests")).body.find((e: { method: string; path: string }) => e.method === "POST" && e.path.endsWith("/dataConnectors"));
    expect(logged.body.credential.clientSecret).toBe("[redacted]");
  });

  test("the state holds only a salted hash of the secret", async () => {
    const credential = await storedCredential();
    expect(credential).not.toHaveProperty("clientSecret");
    expect(passwordMatches(credential.clientSecretHash, SECRET)).toBe(true);
    expect(JSON.stringify((await emu.admin("GET", "/state")).body)).not.toContain(SECRET);
  });

  test("a rotation (the whole credential resent) answers 204, stores the new secret and resets the validation", async () => {
    const credential = { ...inboundBodies.oneRosterConnector("x", ROTATED).credential };
    const r = await emu.graph("PATCH", url(), { "@odata.type": `${NS}oneRosterApiDataConnector`, credential });
    expect(r.status).toBe(204);
    const stored = await storedCredential();
    expect(passwordMatches(stored.clientSecretHash, ROTATED)).toBe(true);
    expect(passwordMatches(stored.clientSecretHash, SECRET)).toBe(false);
    expect((await emu.graph("GET", url())).body.credential).toMatchObject({ clientId: "530be723-6af3-4952-8658-668fb2598ad7", isValid: true, lastValidDateTime: null });
  });

  test("a credential sent without its secret is a 400 and the stored secret stays (strict PATCH would lose it)", async () => {
    const { clientSecret: _s, ...partial } = inboundBodies.oneRosterConnector("x", SECRET).credential;
    const r = await emu.graph("PATCH", url(), { credential: { ...partial, clientId: "another-client" } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/'credential\.clientSecret' is required/);
    const stored = await storedCredential();
    expect(passwordMatches(stored.clientSecretHash, SECRET)).toBe(true);
    expect(stored.clientId).toBe("530be723-6af3-4952-8658-668fb2598ad7");
  });

  test("a PATCH without the credential keeps the secret", async () => {
    expect((await emu.graph("PATCH", url(), { displayName: "Renamed", isContactsEnabled: true })).status).toBe(204);
    expect(passwordMatches((await storedCredential()).clientSecretHash, SECRET)).toBe(true);
  });

  test("PUT state hashes a clear clientSecret it is given; the data file never holds one", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "emu-secret-"));
    const file = path.join(dir, "tenant.json");
    const persisted = await startTestEmulator({ dataFile: file });
    try {
      const state = (await emu.admin("GET", "/state")).body;
      const connector = state.dataConnectors[0];
      delete connector.credential.clientSecretHash;
      connector.credential.clientSecret = TEST_CLIENT_SECRETS.emulatorOneRosterSeeded;
      expect((await persisted.admin("PUT", "/state", state)).status).toBe(204);
      const stored = (await persisted.admin("GET", "/state")).body.dataConnectors[0].credential;
      expect(stored).not.toHaveProperty("clientSecret");
      expect(passwordMatches(stored.clientSecretHash, TEST_CLIENT_SECRETS.emulatorOneRosterSeeded)).toBe(true);
      await persisted.stop();
      const text = await fs.readFile(file, "utf8");
      expect(text).not.toContain(TEST_CLIENT_SECRETS.emulatorOneRosterSeeded);
      expect(text).toContain("clientSecretHash");
    } finally {
      await persisted.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

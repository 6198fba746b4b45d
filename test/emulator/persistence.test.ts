/** `dataFile`: the tenant survives restarts; writes are atomic; a corrupt file is a clear startup error. */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { FLOW_SETS, flowBodies, startTestEmulator } from "./helpers";
import { TEST_PASSWORDS } from "../support/testSecrets";

describe("emulator persistence", () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "emu-data-"));
    file = path.join(dir, "nested", "tenant.json");
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  test("the tenant survives a restart on the same data file, with no clear password in the file", async () => {
    const first = await startTestEmulator({ dataFile: file });
    const setId = await first.createSet({ displayName: "Persisted" });
    const flowId = await first.createFlow(setId, flowBodies.user());
    await first.createFlow(setId, flowBodies.classGroup());
    // Links carry the origin, which changes with the port: compare without it.
    const portless = (emu: { authorityHost: string }, body: unknown) => JSON.parse(JSON.stringify(body).split(emu.authorityHost).join("ORIGIN"));
    const before = portless(first, (await first.graph("GET", `${FLOW_SETS}/${setId}/provisioningFlows/${flowId}`)).body);
    await first.stop();

    const text = await fs.readFile(file, "utf8");
    expect(JSON.parse(text).flowSets).toHaveLength(1);
    expect(text).not.toContain(TEST_PASSWORDS.emulatorStaff);
    expect(text).toContain("hmac-sha256$");
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);

    const second = await startTestEmulator({ dataFile: file });
    try {
      const after = portless(second, (await second.graph("GET", `${FLOW_SETS}/${setId}/provisioningFlows/${flowId}`)).body);
      expect(after).toEqual(before);
      expect(after.creationOptions.configurations[0].defaultPasswordSettings.password).toBe("***************");
      expect((await second.graph("GET", `${FLOW_SETS}/${setId}/provisioningFlows`)).body.value).toHaveLength(2);
    } finally {
      await second.stop();
    }
  });

  test("a missing data file starts an empty tenant and creates the file", async () => {
    const emu = await startTestEmulator({ dataFile: file });
    await emu.stop();
    expect(JSON.parse(await fs.readFile(file, "utf8"))).toMatchObject({ version: 1, flowSets: [] });
  });

  test("concurrent writes are all persisted, and no temp file is left behind", async () => {
    const emu = await startTestEmulator({ dataFile: file });
    await Promise.all(Array.from({ length: 25 }, (_, i) => emu.createSet({ displayName: `S${i}` })));
    const setId = (await emu.graph("GET", `${FLOW_SETS}?$top=1`)).body.value[0].id;
    await emu.graph("DELETE", `${FLOW_SETS}/${setId}`);
    await emu.stop();
    expect(JSON.parse(await fs.readFile(file, "utf8")).flowSets).toHaveLength(24);
    expect((await fs.readdir(path.dirname(file))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("reset and PUT state are persisted too", async () => {
    const emu = await startTestEmulator({ dataFile: file });
    await emu.createSet();
    await emu.admin("POST", "/reset");
    await emu.stop();
    expect(JSON.parse(await fs.readFile(file, "utf8")).flowSets).toEqual([]);
  });

  test.each([
    ["not JSON", "{ this is not json", /not valid JSON/],
    ["JSON that is not a tenant", JSON.stringify({ version: 1, flowSets: "nope" }), /Invalid tenant state/],
    ["an empty file", "", /not valid JSON/],
  ])("a data file that is %s is a startup error naming the file, and is left untouched", async (_name, content, reason) => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
    const started = startEmulator({ dataFile: file });
    await expect(started).rejects.toThrow(file);
    await expect(startEmulator({ dataFile: file })).rejects.toThrow(reason);
    expect(await fs.readFile(file, "utf8")).toBe(content);
  });
});

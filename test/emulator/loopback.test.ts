/** The admin API answers loopback callers only. */
import * as os from "node:os";
import { isLoopbackAddress } from "../../emulator/loopback";
import { startTestEmulator } from "./helpers";
import { GraphErrorEnvelope, readJson } from "./readJson";

/** A non-loopback IPv4 address of this machine, if it has one. */
function externalAddress(): string | undefined {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  }
  return undefined;
}

describe("emulator admin API is loopback only", () => {
  test.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["10.0.0.5", false],
    ["192.168.1.20", false],
    ["::ffff:10.0.0.5", false],
    ["fe80::1", false],
    ["1270.0.0.1", false],
    [undefined, false],
  ])("isLoopbackAddress(%p) is %p", (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });

  const external = externalAddress();
  // Needs a non-loopback interface to call from; every CI machine seen has one.
  (external ? test : test.skip)(`a caller from a non-loopback address (${external}) is refused with 403; Graph still answers`, async () => {
    const emu = await startTestEmulator({ host: "0.0.0.0" });
    try {
      const viaLan = `http://${external}:${emu.port}`;
      const admin = await fetch(`${viaLan}/_emulator/state`);
      expect(admin.status).toBe(403);
      expect((await readJson<GraphErrorEnvelope>(admin)).error.message).toMatch(/loopback/);
      expect((await fetch(`${viaLan}/_emulator/reset`, { method: "POST" })).status).toBe(403);
      const graph = await fetch(`${viaLan}/beta/external/industryData/roleGroups`, { headers: { authorization: `Bearer ${emu.staticToken}` } });
      expect(graph.status).toBe(200);
      expect((await emu.admin("GET", "/state")).status).toBe(200);
    } finally {
      await emu.stop();
    }
  });
});

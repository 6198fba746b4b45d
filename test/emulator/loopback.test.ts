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
  const inCi = /^(1|true|yes)$/i.test(process.env.CI ?? "");
  const name = `a caller from a non-loopback address (${external ?? "none on this machine"}) is refused with 403; Graph still answers`;
  // Needs a non-loopback interface to call from. Without one the test is skipped locally, saying so, and fails in
  // CI, where the refusal must be proven (never a silent pass).
  if (!external && !inCi) console.warn(`skipping "${name}": this machine has no non-loopback IPv4 address`);
  (external || inCi ? test : test.skip)(name, async () => {
    if (!external) throw new Error("no non-loopback IPv4 address on this CI machine: the admin API's loopback-only refusal is unproven");
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

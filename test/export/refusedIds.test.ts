/**
 * A tenant holding ids the id rule refuses (a line break, `*` then `/`, a dot segment: Graph hands out GUIDs,
 * so only a tampered or foreign tenant can): the export fails naming each one, before listing a set's flows
 * by such an id and before writing anything.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { resolveProviderConfig } from "../../provider/config";
import { createGraphClient } from "../../provider/graph";
import { exportTenant } from "../../provider/cli/exportTenant";
import { TEST_TOKENS } from "../support/testSecrets";

const TOKEN = TEST_TOKENS.exportRoundTrip;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ staticToken: TOKEN });
});
afterAll(() => emulator.stop());

async function admin(method: string, p: string, body?: unknown): Promise<any> {
  const res = await fetch(`${emulator.adminUrl}/${p}`, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } } : {}),
  });
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

async function exportTo(outDir: string) {
  const config = resolveProviderConfig((key) => ({ "industrydata:graphEndpoint": emulator.graphUrl, "industrydata:accessToken": TOKEN })[key], {});
  const client = createGraphClient(config, { env: {} });
  try {
    return await exportTenant({ client, graphEndpoint: config.graphEndpoint, outDir, passwords: "omit" });
  } finally {
    client.close();
  }
}

/** A stored set (as the emulator's state holds it) with these ids. */
function storedSet(id: string, displayName: string, flowIds: string[] = []) {
  const at = "2026-01-01T00:00:00.0000000Z";
  return {
    id,
    displayName,
    createdDateTime: at,
    lastModifiedDateTime: at,
    flows: flowIds.map((flowId) => ({
      id: flowId,
      kind: "securityGroupProvisioningFlow",
      createdDateTime: at,
      lastModifiedDateTime: at,
      readinessStatus: "notReady",
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
    })),
  };
}

describe("export of a tenant holding ids no program can declare", () => {
  test.each([
    { name: "a set id holding */ (a slash)", sets: [storedSet("a*/b", "Evil"), storedSet("ok-set", "Fine")], refused: 'flow set "a*/b" ("Evil"): its id must not contain "/"' },
    { name: "a set id '..'", sets: [storedSet("..", "Dots")], refused: 'flow set ".." ("Dots"): its id must not be ".."' },
    { name: "a flow id holding a line break", sets: [storedSet("ok-set", "Fine", ["f\nconst x = 1;"])], refused: 'flow "f\\nconst x = 1;" in flow set "ok-set" ("Fine"): its id must not contain a control or whitespace character (U+000A)' },
  ])("$name: fails naming it; no request carries the id; nothing is written", async ({ sets, refused }) => {
    const state = await admin("GET", "state");
    await admin("PUT", "state", { ...state, flowSets: sets });
    await admin("DELETE", "requests");
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-refused-"));
    try {
      await expect(exportTo(outDir)).rejects.toThrow(refused);
      expect(fs.readdirSync(outDir)).toEqual([]);
      const requests = (await admin("GET", "requests")) as { path: string }[];
      expect(requests.every((r) => !r.path.includes("a*") && !r.path.includes("/.."))).toBe(true);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});

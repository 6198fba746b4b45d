/**
 * A TypeScript program using the provider plugin through the real Pulumi CLI and our Node.js language host,
 * against the emulator: the plugin found through a `plugins.providers` path in Pulumi.yaml, the resources
 * declared with the Node.js SDK `pulumi package gen-sdk` generates from the plugin's schema. What a reviewer
 * sees is asserted on the CLI's own output: `preview --diff` of a license SKU change on a user flow with a
 * password names the path and both values, and no secret is anywhere in the output or in plain text in the
 * state; `pulumi import` of a flow made in the portal sends no PATCH, and the code it prints runs as a no-op.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, type LoggedRequest, type RunningEmulator } from "../../emulator";
import { flowSetsPath, flowsPath } from "../../provider/schema";
import { pulumiRunner, type CliRun } from "../export/pulumiCli";
import { repoRoot } from "../harness";
import { PLUGIN_PATH } from "../provider/eachFrontEnd";
import { TEST_PASSWORDS, TEST_TOKENS } from "../support/testSecrets";
import { describeWithCli } from "./pulumiRoutes";

const token = TEST_TOKENS.pluginCli;
const password = TEST_PASSWORDS.pluginCliStudent;

const program = `import * as pulumi from "@pulumi/pulumi";
import * as industrydata from "./sdk/nodejs";

const config = new pulumi.Config();
const district = new industrydata.OutboundProvisioningFlowSet("district", { displayName: "Plugin District" });
new industrydata.UserProvisioningFlow("users", {
  flowSetId: district.id,
  createUnmatchedUsers: true,
  managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor" } },
  creationOptions: {
    configurations: [{
      roleGroupId: "students",
      licenseSkus: [config.require("studentSku")],
      defaultPasswordSettings: { password: config.requireSecret("studentPassword") },
    }],
  },
});
export const flowSetId = district.id;
`;

describeWithCli("a TypeScript program on the provider plugin, through the real CLI", () => {
  let dir: string;
  let emulator: RunningEmulator;
  let pulumi: (args: string[]) => Promise<CliRun>;
  const outputs: string[] = [];

  /** Runs the CLI, keeping its output for the leak checks. */
  async function run(args: string[]): Promise<CliRun> {
    const result = await pulumi(args);
    outputs.push(result.output);
    return result;
  }

  async function graphRequests(): Promise<{ method: string; path: string }[]> {
    const logged = (await (await fetch(`${emulator.adminUrl}/requests`)).json()) as LoggedRequest[];
    return logged.map((r) => ({ method: r.method, path: r.path.replace(/^\/beta/, "") }));
  }

  const clearRequests = () => fetch(`${emulator.adminUrl}/requests`, { method: "DELETE" });

  function stateText(): string {
    const stacks = path.join(dir, "state", ".pulumi", "stacks");
    const files = fs.readdirSync(stacks, { recursive: true }) as string[];
    return files.filter((f) => f.endsWith(".json")).map((f) => fs.readFileSync(path.join(stacks, f), "utf8")).join("\n");
  }

  beforeAll(async () => {
    emulator = await startEmulator({ staticToken: token });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-plugin-ts-"));
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      [
        "name: plugin-typescript",
        "runtime: nodejs",
        "main: index.ts",
        "plugins:",
        "  providers:",
        "    - name: industrydata",
        `      path: ${path.dirname(PLUGIN_PATH)}`,
        "",
      ].join("\n"),
    );
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "plugin-typescript", main: "index.ts" }));
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, target: "es2022", module: "commonjs", moduleResolution: "node", skipLibCheck: true } }));
    fs.symlinkSync(path.join(repoRoot(), "node_modules"), path.join(dir, "node_modules"));
    fs.writeFileSync(path.join(dir, "index.ts"), program);
    pulumi = pulumiRunner({ cwd: dir, stateDir: path.join(dir, "state") });
    const steps = [
      ["package", "gen-sdk", PLUGIN_PATH, "--language", "nodejs", "--out", path.join(dir, "sdk")],
      ["stack", "init", "dev"],
      ["config", "set", "industrydata:graphEndpoint", emulator.graphUrl],
      ["config", "set", "--secret", "industrydata:accessToken", token],
      ["config", "set", "studentSku", "SKU_A"],
      ["config", "set", "--secret", "studentPassword", password],
    ];
    for (const step of steps) {
      const result = await run(step);
      if (result.code !== 0) throw new Error(`pulumi ${step.slice(0, 2).join(" ")} failed:\n${result.output}`);
    }
  });

  afterAll(async () => {
    await emulator?.stop();
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("up creates the set and the user flow through the plugin", async () => {
    const up = await run(["up", "--yes", "--skip-preview"]);
    expect({ code: up.code, output: up.code === 0 ? "" : up.output }).toEqual({ code: 0, output: "" });
    expect(up.output).toMatch(/\+ 3 created/);
    const sent = (await graphRequests()).map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, "ID")}`);
    expect(sent.filter((r) => r.startsWith("POST"))).toEqual([`POST ${flowSetsPath}`, `POST ${flowsPath("ID")}`]);
  });

  test("preview --diff of a license SKU change names the path and both values, and sends nothing", async () => {
    await run(["config", "set", "studentSku", "SKU_B"]);
    await clearRequests();
    const preview = await run(["preview", "--diff"]);
    expect(preview.code).toBe(0);
    // The engine prints the DetailedDiff path as nested blocks: creationOptions > configurations > [0] > licenseSkus > [0].
    expect(preview.output).toMatch(/~ creationOptions: \{\s+~ configurations: \[\s+~ \[0\]: \{\s+~ licenseSkus: \[\s+~ \[0\]: "SKU_A" => "SKU_B"/);
    expect(preview.output).toMatch(/~ 1 to update/);
    expect(preview.output).not.toContain("defaultPasswordSettings");
    expect(await graphRequests()).toEqual([]);
  });

  test("no secret anywhere in the output, nor in plain text in the state; the password is stored encrypted", () => {
    const state = stateText();
    for (const text of [...outputs, state]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(token);
    }
    // The password sits in the state as the engine's secret envelope (ciphertext), nested under the configuration.
    expect(state).toMatch(/"password":\{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","ciphertext"/);
    expect(state).toContain('"licenseSkus":["SKU_A"]');
  });

  test("pulumi import of a flow made in the portal: no PATCH, and the code it prints previews as a no-op", async () => {
    await run(["config", "set", "studentSku", "SKU_A"]);
    const stack = await run(["stack", "output", "flowSetId"]);
    const setId = stack.output.trim().split("\n")[0];
    const portal = await fetch(`${emulator.graphUrl}${flowsPath(setId)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        "@odata.type": "#microsoft.graph.industryData.securityGroupProvisioningFlow",
        creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
      }),
    });
    const flowId = ((await portal.json()) as { id: string }).id;
    await clearRequests();

    const imported = await run(["import", "industrydata:index:SecurityGroupProvisioningFlow", "portal", `${setId}/${flowId}`, "--yes", "--out", path.join(dir, "imported.ts")]);
    expect({ code: imported.code, output: imported.code === 0 ? "" : imported.output }).toEqual({ code: 0, output: "" });
    expect((await graphRequests()).map((r) => r.method)).toEqual(["GET", "GET"]); // the import's preview and its update each read it once

    const code = fs.readFileSync(path.join(dir, "imported.ts"), "utf8");
    expect(code).toContain(`flowId: "${flowId}"`);
    expect(code).toContain("createBasedOnRoleGroup: true");
    // Appended to the program as printed, bar its imports (the program has them, the SDK at a local path).
    fs.appendFileSync(path.join(dir, "index.ts"), code.replace(/^import .*$/gm, ""));
    await clearRequests();
    const preview = await run(["preview", "--expect-no-changes"]);
    expect({ code: preview.code, output: preview.code === 0 ? "" : preview.output }).toEqual({ code: 0, output: "" });
    expect(await graphRequests()).toEqual([]);
  });

  test("destroy deletes what the program created and leaves the imported (adopted) flow in the tenant", async () => {
    await run(["state", "unprotect", "--all", "--yes"]);
    await clearRequests();
    const destroy = await run(["destroy", "--yes", "--skip-preview"]);
    expect({ code: destroy.code, output: destroy.code === 0 ? "" : destroy.output }).toEqual({ code: 0, output: "" });
    const deleted = (await graphRequests()).filter((r) => r.method === "DELETE");
    expect(deleted).toHaveLength(2); // the user flow and the set; the imported flow is the tenant's
  });
});

/**
 * The plugin as a user of a published release gets it: the single executable scripts/plugin-executable.js builds
 * (no Node.js needed), in the archive the engine downloads, installed with `pulumi plugin install resource
 * industrydata v<version> --file …` into an empty plugin cache, runs examples/yaml-district with no `plugins`
 * block through the real CLI and the YAML language host, on a PATH holding no `node` at all, against the
 * emulator this test starts: `up`, a no-op `preview --refresh --expect-no-changes`, `destroy`.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TEST_PASSWORDS, TEST_TOKENS } from "../support/testSecrets";
import { CLI_TOOLS, describeWithCli } from "./pulumiRoutes";
import { copyYamlExample, expectExit, startTenant, writes, type TestTenant, type YamlProject } from "./yamlProgram";

const { buildArchives, hostTarget, PLUGIN } = require("../../scripts/plugin-executable.js") as {
  buildArchives(targets: string[], outDir?: string): Promise<string[]>;
  hostTarget(): string;
  PLUGIN: string;
};
const { version } = require("../../package.json") as { version: string };

const TOKEN = TEST_TOKENS.executableDistrict;
const PASSWORD = TEST_PASSWORDS.executableStudent;

describeWithCli(
  "the single-executable plugin archive, installed into an empty plugin cache, runs a YAML program with no node on PATH",
  () => {
    let tenant: TestTenant;
    let project: YamlProject;
    let archive: string;
    let extracted: string;

    beforeAll(async () => {
      // Built (or taken from its cache, keyed by the bundle) before anything else: the build needs both cores.
      [archive] = await buildArchives([hostTarget()]);
      tenant = await startTenant(TOKEN);
      project = copyYamlExample({ example: "yaml-district", plugin: "installed", secrets: [TOKEN, PASSWORD] });
      extracted = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-archive-"));
    }, 10 * 60_000);

    afterAll(async () => {
      await tenant?.emulator.stop();
      project?.remove();
      if (extracted) fs.rmSync(extracted, { recursive: true, force: true });
    });

    test("the archive is named as the engine downloads it and holds one native executable, not a script", () => {
      expect(path.basename(archive)).toBe(`${PLUGIN}-v${version}-${hostTarget()}.tar.gz`);
      expect(execFileSync("tar", ["-tzf", archive], { encoding: "utf8" }).trim().split("\n")).toEqual([PLUGIN]);
      execFileSync("tar", ["-xzf", archive, "-C", extracted]);
      const head = fs.readFileSync(path.join(extracted, PLUGIN)).subarray(0, 4);
      expect(head).toEqual(Buffer.from([0x7f, 0x45, 0x4c, 0x46])); // ELF, where a script starts with #!
    });

    test("pulumi plugin install --file, then up, preview --refresh --expect-no-changes and destroy of the YAML district", async () => {
      const step = async (args: string[]): Promise<string> => expectExit(await project.pulumi(args), "succeeds", args.join(" "));

      // The CLI, the engine and the plugin get a PATH that really holds no node.
      expect(spawnSync("sh", ["-c", "command -v node"], { env: project.env }).status).not.toBe(0);
      const program = fs.readFileSync(path.join(project.dir, "Pulumi.yaml"), "utf8");
      expect(program).not.toMatch(/^plugins:/m);

      expect(await step(["plugin", "ls"])).not.toMatch(/industrydata/);
      await step(["plugin", "install", "resource", "industrydata", `v${version}`, "--file", archive]);
      expect(await step(["plugin", "ls"])).toMatch(new RegExp(`industrydata\\s+resource\\s+${version.replace(/\./g, "\\.")}`));

      await step(["stack", "init", "e2e"]);
      await step([
        "config", "set-all",
        "--plaintext", `industrydata:graphEndpoint=${tenant.emulator.graphUrl}`,
        "--secret", `industrydata:accessToken=${TOKEN}`,
        "--secret", `studentPassword=${PASSWORD}`,
      ]);

      await tenant.clearRequests();
      const up = await step(["up", "--yes", "--skip-preview"]);
      expect(up).toMatch(/\+ 5 created/);
      const [set, ...others] = await tenant.flowSets();
      expect(others).toEqual([]);
      expect(set.displayName).toBe("Contoso Unified School District");
      expect(set.flows.map((f) => f.kind).sort()).toEqual(["classGroupProvisioningFlow", "securityGroupProvisioningFlow", "userProvisioningFlow"]);

      // The refresh reads every resource back from Graph and finds nothing to change: no write.
      await tenant.clearRequests();
      await step(["preview", "--refresh", "--expect-no-changes"]);
      const refreshed = await tenant.requests();
      expect(refreshed.filter((r) => r.method === "GET").length).toBeGreaterThanOrEqual(4);
      expect(writes(refreshed)).toEqual([]);

      const destroyed = await step(["destroy", "--yes", "--skip-preview"]);
      expect(destroyed).toMatch(/- 5 deleted/);
      expect(await tenant.flowSets()).toEqual([]);
    });
  },
  { tools: CLI_TOOLS.yaml },
);

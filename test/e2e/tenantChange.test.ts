/**
 * A provider moved to another tenant, through the real `pulumi` command and the plugin (Pulumi YAML,
 * test/e2e/tenantChangeYaml): DiffConfig answers that a tenantId change replaces the provider, so the engine
 * replaces every resource it manages: created in the new tenant, deleted from the old one with the old
 * configuration; the stored id never points into the other tenant. A rotated credential stays an in-place
 * update of the provider, and its resources are untouched.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TEST_KEYS, TEST_TOKENS } from "../support/testSecrets";
import { CLI_TOOLS, describeWithCli, pulumiCommand, type RunResult } from "./pulumiRoutes";
import { repoRoot } from "./rootProjectCopy";
import { pluginDir, startTenant, writes, type TestTenant } from "./yamlProgram";

const PASSPHRASE = TEST_KEYS.contractMatrixPassphrase;

function expectOk(run: RunResult, what: string): string {
  if (run.code !== 0) throw new Error(`pulumi ${what} failed (exit ${run.code}):\n${run.output}`);
  return run.output;
}

describeWithCli(
  "a provider's tenantId change through the real CLI: the resources are replaced into the new tenant",
  () => {
    let a: TestTenant;
    let b: TestTenant;
    let dir: string;
    let pulumi: (args: string[]) => Promise<RunResult>;

    beforeAll(async () => {
      [a, b] = await Promise.all([startTenant(TEST_TOKENS.tenantChangeA), startTenant(TEST_TOKENS.tenantChangeB)]);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-tenant-change-"));
      const text = fs.readFileSync(path.join(repoRoot, "test", "e2e", "tenantChangeYaml", "Pulumi.yaml"), "utf8");
      fs.writeFileSync(path.join(dir, "Pulumi.yaml"), text.replace(/^(\s+path:\s*)\S+\s*$/m, `$1${pluginDir}`));
      pulumi = pulumiCommand({ dir, stateDir: path.join(dir, ".pulumi-state"), passphrase: PASSPHRASE });
      expectOk(await pulumi(["stack", "init", "tenants"]), "stack init");
      expectOk(
        await pulumi(["config", "set-all", "--plaintext", "tenantId=tenant-a.onmicrosoft.com", "--plaintext", `graphEndpoint=${a.emulator.graphUrl}`, "--secret", `accessToken=${TEST_TOKENS.tenantChangeA}`]),
        "config set-all",
      );
      expectOk(await pulumi(["up", "--yes", "--skip-preview"]), "up");
    });
    afterAll(async () => {
      await a?.emulator.stop();
      await b?.emulator.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    test("tenantId and endpoint changed: the preview shows the provider and the flow set replaced; up creates it in B and deletes it from A", async () => {
      expect((await a.flowSets()).map((s) => s.displayName)).toEqual(["Contoso Unified School District"]);
      const oldId = (await a.flowSets())[0].id;
      expectOk(await pulumi(["config", "set-all", "--plaintext", "tenantId=tenant-b.onmicrosoft.com", "--plaintext", `graphEndpoint=${b.emulator.graphUrl}`, "--secret", `accessToken=${TEST_TOKENS.tenantChangeB}`]), "config set-all");
      const preview = expectOk(await pulumi(["preview", "--diff"]), "preview --diff");
      expect(preview).toMatch(/\+-\s*pulumi:providers:industrydata: \(replace\)/);
      expect(preview).toMatch(/\+-\s*industrydata:index:OutboundProvisioningFlowSet: \(replace\)/);
      await a.clearRequests();
      await b.clearRequests();
      expectOk(await pulumi(["up", "--yes", "--skip-preview"]), "up");
      expect(writes(await b.requests())).toEqual(["POST /beta/external/industryData/outboundProvisioningFlowSets"]);
      expect(writes(await a.requests())).toEqual([`DELETE /beta/external/industryData/outboundProvisioningFlowSets/${oldId}`]);
      expect(await a.flowSets()).toEqual([]);
      expect((await b.flowSets()).map((s) => s.displayName)).toEqual(["Contoso Unified School District"]);
    });

    test("another endpoint for the same tenant updates the provider in place: the flow set is not replaced, nothing is written", async () => {
      const sameTenant = b.emulator.graphUrl.replace("127.0.0.1", "localhost");
      expect(sameTenant).not.toBe(b.emulator.graphUrl);
      expectOk(await pulumi(["config", "set", "graphEndpoint", sameTenant]), "config set graphEndpoint");
      const preview = expectOk(await pulumi(["preview", "--diff"]), "preview --diff");
      expect(preview).toMatch(/~\s*pulumi:providers:industrydata: \(update\)/);
      expect(preview).not.toMatch(/replace/);
      await b.clearRequests();
      expectOk(await pulumi(["up", "--yes", "--skip-preview"]), "up");
      expect(writes(await b.requests())).toEqual([]);
    });
  },
  { tools: CLI_TOOLS.yaml },
);

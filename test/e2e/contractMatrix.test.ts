/**
 * Pulumi's own contract through the real `pulumi` command, on both front ends: a TypeScript program of dynamic
 * resources (test/e2e/contractProject) and a Pulumi YAML program through the provider plugin
 * (test/e2e/contractYaml), each one stack against its own emulator, the same steps:
 * 1. `up` creates the matrix;
 * 2. the portal (a direct Graph PATCH) edits, on each matrix resource, the ignored path and a declared path
 *    beside it, and on `users-undeclared` a sub-field the program does not declare;
 * 3. the program changes users-undeclared's studentAgeGroup; `up` WITHOUT --refresh: the PATCH holds the
 *    portal's undeclared sub-field (no stale overlay);
 * 4. `up --refresh --diff`: each matrix resource gets one PATCH holding the declared path put back and the
 *    ignored value as the tenant holds it; the update steps name only the declared path; the tenant ends with
 *    the ignored value kept and the declared one restored.
 * YAML also reads a configuration's roleGroupId from the outputs through the schema's types (a stack output).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TEST_KEYS, TEST_PASSWORDS, TEST_TOKENS } from "../support/testSecrets";
import { CLI_TOOLS, describeWithCli, pulumiCommand, type RunResult } from "./pulumiRoutes";
import { repoRoot } from "./rootProjectCopy";
import { pluginDir, startTenant, writes, type LoggedRequest, type TestTenant } from "./yamlProgram";

const TOKEN = TEST_TOKENS.contractMatrix;
const PASSWORD = TEST_PASSWORDS.contractStaff;
const PASSPHRASE = TEST_KEYS.contractMatrixPassphrase;
const ROOT = "/external/industryData";
const USER_FLOW = "#microsoft.graph.industryData.userProvisioningFlow";
type Json = Record<string, any>;

interface FrontEnd {
  name: "typescript" | "yaml";
  /** Copies the program to `dir`. */
  lay(dir: string): void;
  /** Changes users-undeclared's declared studentAgeGroup (an env var for TypeScript, config for YAML). */
  changeAgeGroup(pulumi: Pulumi): Promise<Record<string, string>>;
}
type Pulumi = (args: string[], env?: Record<string, string>) => Promise<RunResult>;

const frontEnds: FrontEnd[] = [
  {
    name: "typescript",
    lay(dir) {
      for (const file of ["Pulumi.yaml", "index.ts", "tsconfig.json"]) fs.copyFileSync(path.join(repoRoot, "test", "e2e", "contractProject", file), path.join(dir, file));
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "industrydata-contract", private: true }));
      fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
    },
    changeAgeGroup: async () => ({ CONTRACT_AGE_GROUP: "notAdult" }),
  },
  {
    name: "yaml",
    lay(dir) {
      const text = fs.readFileSync(path.join(repoRoot, "test", "e2e", "contractYaml", "Pulumi.yaml"), "utf8");
      fs.writeFileSync(path.join(dir, "Pulumi.yaml"), text.replace(/^(\s+path:\s*)\S+\s*$/m, `$1${pluginDir}`));
    },
    async changeAgeGroup(pulumi) {
      expectOk(await pulumi(["config", "set", "ageGroup", "notAdult"]), "config set ageGroup");
      return {};
    },
  },
];

function expectOk(run: RunResult, what: string): string {
  if (run.code !== 0) throw new Error(`pulumi ${what} failed (exit ${run.code}):\n${run.output}`);
  return run.output;
}

/**
 * The update steps of an `up --diff` output by resource name: each block from its `~ <type>: (update)` header
 * to the next header (refresh steps, which show what the tenant holds, are not update steps), without the
 * `--outputs:--` parts that follow the input changes (outputs are the whole entity as Graph returns it).
 */
function updateBlocks(output: string): Map<string, string> {
  const blocks = new Map<string, string>();
  const parts = output.split(/\n(?=\s*[~+-]{0,2} *[\w-]+:[\w/-]+:\w+: \()/);
  for (const part of parts) {
    const header = /^\s*~ *[\w-]+:[\w/-]+:\w+: \(update\)/.exec(part);
    const urn = /\[urn=urn:pulumi:[^\]]*::([^:\]]+)\]/.exec(part);
    if (header && urn) blocks.set(urn[1], part.split("--outputs:--")[0]);
  }
  return blocks;
}

/** The lines of a plan block that mark a change (`~`, `+`, `-`), without the step's own header. */
function changedLines(block: string): string[] {
  return block.split("\n").slice(1).filter((line) => /^\s*[~+-] /.test(line));
}

describeWithCli(
  "Pulumi's contract through the real CLI on both front ends: ignoreChanges, refreshed inputs, no stale overlay",
  () => {
    describe.each(frontEnds)("$name", (frontEnd) => {
      let tenant: TestTenant;
      let dir: string;
      let pulumi: Pulumi;
      let env: Record<string, string> = {};
      const ids: Record<string, string> = {};

      /** One command on a fresh request log: its output and the requests it made. */
      async function step(args: string[], what: string): Promise<{ output: string; requests: LoggedRequest[] }> {
        await tenant.clearRequests();
        const started = Date.now();
        const output = expectOk(await pulumi(args, env), what);
        console.log(`e2e contract [${frontEnd.name}] pulumi ${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return { output, requests: await tenant.requests() };
      }

      async function userFlow(name: string): Promise<Json> {
        const [set] = (await tenant.flowSets()).filter((s) => s.displayName === `Contract: ${name}`);
        return set.flows[0];
      }

      beforeAll(async () => {
        tenant = await startTenant(TOKEN);
        dir = fs.mkdtempSync(path.join(os.tmpdir(), `industrydata-contract-${frontEnd.name}-`));
        frontEnd.lay(dir);
        const run = pulumiCommand({ dir, stateDir: path.join(dir, ".pulumi-state"), passphrase: PASSPHRASE });
        pulumi = (args, extra) => run(args, { PULUMI_NODEJS_TRANSPILE_ONLY: "true", ...extra });
        expectOk(await pulumi(["stack", "init", "contract"]), "stack init");
        expectOk(
          await pulumi(["config", "set-all", "--plaintext", `industrydata:graphEndpoint=${tenant.emulator.graphUrl}`, "--secret", `industrydata:accessToken=${TOKEN}`, "--secret", `staffPassword=${PASSWORD}`]),
          "config set-all",
        );
        await step(["up", "--yes", "--skip-preview"], "up");
        const state = (await (await fetch(`${tenant.emulator.adminUrl}/state`)).json()) as Json;
        ids.sis = state.sourceSystems[0].id;
        for (const name of ["set-age", "set-skus", "set-undeclared"]) {
          const set = (await tenant.flowSets()).find((s) => s.displayName === `Contract: ${name}`)!;
          ids[name] = set.id;
          ids[name.replace("set-", "users-")] = set.flows[0].id;
        }
        // The portal edits, out of band: on each matrix resource the ignored path and a declared one beside it;
        // on users-undeclared a sub-field the program does not declare.
        const edits: [string, Json][] = [
          [`${ROOT}/sourceSystems/${ids.sis}`, { vendor: "Changed in the portal", displayName: "Renamed in the portal" }],
          [`${ROOT}/outboundProvisioningFlowSets/${ids["set-age"]}/provisioningFlows/${ids["users-age"]}`, {
            "@odata.type": USER_FLOW,
            managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "adult", allowStudentContactAssociation: false } },
          }],
          [`${ROOT}/outboundProvisioningFlowSets/${ids["set-skus"]}/provisioningFlows/${ids["users-skus"]}`, {
            "@odata.type": USER_FLOW,
            managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor" } },
            creationOptions: {
              configurations: [
                { "roleGroup@odata.bind": `${tenant.emulator.graphUrl}${ROOT}/roleGroups/staff`, licenseSkus: ["PORTAL_SKU"] },
                { "roleGroup@odata.bind": `${tenant.emulator.graphUrl}${ROOT}/roleGroups/students`, licenseSkus: ["CHANGED_IN_PORTAL"] },
              ],
            },
          }],
          [`${ROOT}/outboundProvisioningFlowSets/${ids["set-undeclared"]}/provisioningFlows/${ids["users-undeclared"]}`, {
            "@odata.type": USER_FLOW,
            managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: true } },
          }],
        ];
        for (const [graphPath, body] of edits) {
          const answer = await tenant.graph("PATCH", graphPath, body);
          expect(answer.status).toBeLessThan(300);
        }
      });

      afterAll(async () => {
        if (pulumi !== undefined) await pulumi(["destroy", "--yes", "--skip-preview"], env);
        await tenant?.emulator.stop();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      });

      test("up WITHOUT --refresh that patches a complex property keeps the portal's undeclared sub-field in it", async () => {
        env = await frontEnd.changeAgeGroup(pulumi);
        const { requests } = await step(["up", "--yes", "--skip-preview"], "up (changed studentAgeGroup, no --refresh)");
        const flowPath = `/beta${ROOT}/outboundProvisioningFlowSets/${ids["set-undeclared"]}/provisioningFlows/${ids["users-undeclared"]}`;
        expect(writes(requests)).toEqual([`PATCH ${flowPath}`]);
        const patch = requests.find((r) => r.method === "PATCH")!;
        expect((patch.body as Json).managementOptions.additionalOptions).toEqual({ studentAgeGroup: "notAdult", allowStudentContactAssociation: true });
        expect((await userFlow("set-undeclared")).managementOptions.additionalOptions).toEqual({ studentAgeGroup: "notAdult", allowStudentContactAssociation: true });
      });

      test("up --refresh: each ignored value kept, each declared one restored, the PATCH holding only what is declared and the plan naming only that", async () => {
        const { output, requests } = await step(["up", "--refresh", "--diff", "--yes", "--skip-preview"], "up --refresh --diff");
        const flowPath = (set: string, flow: string) => `/beta${ROOT}/outboundProvisioningFlowSets/${ids[set]}/provisioningFlows/${ids[flow]}`;
        expect(writes(requests).sort()).toEqual([
          `PATCH /beta${ROOT}/sourceSystems/${ids.sis}`,
          `PATCH ${flowPath("set-age", "users-age")}`,
          `PATCH ${flowPath("set-skus", "users-skus")}`,
        ].sort());
        const body = (p: string) => requests.find((r) => r.method === "PATCH" && r.path === p)!.body as Json;

        // Top level: only the declared displayName is sent; the vendor stays the portal's.
        expect(body(`/beta${ROOT}/sourceSystems/${ids.sis}`)).toEqual({ "@odata.type": "#microsoft.graph.industryData.sourceSystemDefinition", displayName: "District SIS" });
        const sis = (await tenant.graph<Json>("GET", `${ROOT}/sourceSystems/${ids.sis}`)).body;
        expect({ displayName: sis.displayName, vendor: sis.vendor }).toEqual({ displayName: "District SIS", vendor: "Changed in the portal" });

        // Nested: managementOptions (Graph requires it whole) holds the declared value put back and the ignored
        // one as the tenant holds it; creationOptions is not sent.
        const age = body(flowPath("set-age", "users-age"));
        expect(Object.keys(age).sort()).toEqual(["@odata.type", "managementOptions"]);
        expect(age.managementOptions.additionalOptions).toEqual({ studentAgeGroup: "adult", allowStudentContactAssociation: true });
        expect((await userFlow("set-age")).managementOptions.additionalOptions).toEqual({ studentAgeGroup: "adult", allowStudentContactAssociation: true });

        // An element of configurations: staff's SKUs stay the portal's, students' are put back; the staff password is sent.
        const skus = body(flowPath("set-skus", "users-skus"));
        const sent = (skus.creationOptions.configurations as Json[]).map((c) => ({ roleGroup: c["roleGroup@odata.bind"].split("/").pop(), licenseSkus: c.licenseSkus, password: c.defaultPasswordSettings !== undefined }));
        expect(sent).toEqual([
          { roleGroup: "staff", licenseSkus: ["PORTAL_SKU"], password: true },
          { roleGroup: "students", licenseSkus: ["M365EDU_A3_STUUSEBNFT"], password: false },
        ]);
        const held = (await userFlow("set-skus")).creationOptions.configurations as Json[];
        expect(held.map((c) => c.licenseSkus)).toEqual([["PORTAL_SKU"], ["M365EDU_A3_STUUSEBNFT"]]);

        // The plan: each update step names the declared path, old (the tenant's) => new; never the ignored one.
        const blocks = updateBlocks(output);
        expect([...blocks.keys()].sort()).toEqual(["sis", "users-age", "users-skus"]);
        expect(blocks.get("sis")).toMatch(/~ displayName\s*: "Renamed in the portal" => "District SIS"/);
        expect(blocks.get("users-age")).toMatch(/~ allowStudentContactAssociation\s*: false => true/);
        expect(blocks.get("users-skus")).toMatch(/~ \[0\]\s*: "CHANGED_IN_PORTAL" => "M365EDU_A3_STUUSEBNFT"/);
        // The ignored value may show as unchanged context (the tenant's), never as a change.
        expect(changedLines(blocks.get("sis")!).filter((line) => /vendor/.test(line))).toEqual([]);
        // The dynamic resources' plan lists every input, the ignored one with the tenant's value; the plugin's, only changes.
        if (frontEnd.name === "typescript") expect(blocks.get("sis")).toMatch(/^\s+vendor\s*: "Changed in the portal"$/m);
        expect(changedLines(blocks.get("users-age")!).filter((line) => /studentAgeGroup|adult/.test(line))).toEqual([]);
        expect(changedLines(blocks.get("users-skus")!).filter((line) => /PORTAL_SKU|M365EDU_A3_FACULTY/.test(line))).toEqual([]);
        expect(output).not.toContain(PASSWORD);

        // A second run has nothing to do: the ignored values are no drift, the declared ones match.
        const again = await step(["preview", "--refresh", "--expect-no-changes"], "preview --refresh --expect-no-changes");
        expect(writes(again.requests)).toEqual([]);
      });

      if (frontEnd.name === "yaml") {
        test("a typed program reads a configuration's roleGroupId from the plugin's outputs (the schema's output type)", async () => {
          const output = expectOk(await pulumi(["stack", "output", "--json"]), "stack output");
          const outputs = JSON.parse(output.slice(output.indexOf("{"), output.lastIndexOf("}") + 1)) as Json;
          expect(outputs.firstRoleGroupId).toBe("staff");
          expect(outputs.secondLicenseSkus).toEqual(["M365EDU_A3_STUUSEBNFT"]);
        });
      }
    });
  },
  { tools: [...CLI_TOOLS.nodejs, ...CLI_TOOLS.yaml] },
);

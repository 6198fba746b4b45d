/**
 * The lookups as Pulumi functions through the real `pulumi` command against the emulator: a Pulumi YAML program
 * (the plugin's `industrydata:index:getRoleGroup` invoke, examples/yaml-role-group-lookup) and a TypeScript
 * program (`getRoleGroupOutput`, examples/role-group-lookup) each look up the `students` role group by its display
 * name and bind its id in a user flow. A lookup only GETs; a name no role group has fails the preview with the
 * names that exist. Skipped locally without the CLI (and the YAML host), failing in CI.
 */
import * as fs from "fs";
import * as path from "path";
import { makeProgramDir, repoRoot, type ProgramDir } from "../harness";
import { pulumiRunner, type CliRun } from "../export/pulumiCli";
import { TEST_TOKENS } from "../support/testSecrets";
import { CLI_TOOLS, describeWithCli } from "./pulumiRoutes";
import { copyYamlExample, expectExit, startTenant, writes, type TestTenant, type YamlProject } from "./yamlProgram";

const TOKEN = TEST_TOKENS.lookupsCli;
const FLOW_SETS = "/external/industryData/outboundProvisioningFlowSets";

/** The role group each configuration of the tenant's only user flow binds (Graph returns it expanded). */
async function boundRoleGroups(tenant: TestTenant): Promise<string[]> {
  const sets = (await tenant.graph<{ value: { id: string }[] }>("GET", FLOW_SETS)).body.value;
  expect(sets).toHaveLength(1);
  const flows = (await tenant.graph<{ value: { "@odata.type": string; creationOptions?: { configurations: { roleGroup?: { id: string } }[] } }[] }>("GET", `${FLOW_SETS}/${sets[0].id}/provisioningFlows`)).body.value;
  const user = flows.find((f) => f["@odata.type"].endsWith("userProvisioningFlow"));
  return (user?.creationOptions?.configurations ?? []).map((c) => c.roleGroup?.id ?? "(none)");
}

const NO_SUCH_GROUP = /no role group has the display name "Studnets"; the tenant has Staff \(id staff\), Students \(id students\)/;

describeWithCli(
  "getRoleGroup from Pulumi YAML: the plugin's invoke through the real CLI and the YAML language host",
  () => {
    let tenant: TestTenant;
    let project: YamlProject;

    beforeAll(async () => {
      tenant = await startTenant(TOKEN);
    });
    afterAll(async () => {
      project?.remove();
      await tenant?.emulator.stop();
    });

    test("the program looks up Students by display name and binds its id in the user flow; the lookup itself writes nothing", async () => {
      project = copyYamlExample({ example: "yaml-role-group-lookup", plugin: "path", secrets: [TOKEN] });
      expectExit(await project.pulumi(["stack", "init", "e2e"]), "succeeds", "stack init");
      const config = await project.pulumi(["config", "set-all", "--plaintext", `industrydata:graphEndpoint=${tenant.emulator.graphUrl}`, "--secret", `industrydata:accessToken=${TOKEN}`]);
      expectExit(config, "succeeds", "config set-all");

      await tenant.clearRequests();
      const preview = expectExit(await project.pulumi(["preview"]), "succeeds", "preview");
      expect(preview).toMatch(/\+ 3 to create/);
      const previewRequests = await tenant.requests();
      expect(writes(previewRequests)).toEqual([]);
      expect(previewRequests.map((r) => `${r.method} ${r.path}`)).toContain("GET /beta/external/industryData/roleGroups");

      expectExit(await project.pulumi(["up", "--yes", "--skip-preview"]), "succeeds", "up");
      const outputs = JSON.parse(expectExit(await project.pulumi(["stack", "output", "--json"]), "succeeds", "stack output"));
      expect(outputs.studentsRoleGroupId).toBe("students");
      expect(outputs.studentsRoles).toEqual(["student"]);
      expect(await boundRoleGroups(tenant)).toEqual(["students"]);

      // A display name no role group has: the preview fails, naming the groups there are.
      project.editProgram((text) => text.replace("displayName: Students", "displayName: Studnets"));
      const wrong = expectExit(await project.pulumi(["preview"]), "fails", "preview with a wrong name");
      expect(wrong).toMatch(NO_SUCH_GROUP);

      project.editProgram((text) => text.replace("displayName: Studnets", "displayName: Students"));
      expectExit(await project.pulumi(["destroy", "--yes", "--skip-preview"]), "succeeds", "destroy");
    });
  },
  { tools: CLI_TOOLS.yaml },
);

describeWithCli("getRoleGroupOutput from a TypeScript program through the real CLI (dynamic resources)", () => {
  let tenant: TestTenant;
  let program: ProgramDir;
  let folder: string;
  let pulumi: (args: string[]) => Promise<CliRun>;

  beforeAll(async () => {
    tenant = await startTenant(TOKEN);
    program = makeProgramDir({ prefix: "industrydata-lookups-", packages: [{ name: "pulumi-industrydata", from: repoRoot(), mode: "symlink" }] });
    folder = path.join(program.dir, "role-group-lookup");
    fs.cpSync(path.join(repoRoot(), "examples", "role-group-lookup"), folder, { recursive: true });
    pulumi = pulumiRunner({ cwd: folder, stateDir: path.join(program.dir, "state") });
  });
  afterAll(async () => {
    program?.remove();
    await tenant?.emulator.stop();
  });

  const run = async (args: string[], expected: "succeeds" | "fails"): Promise<string> => {
    const result = await pulumi(args);
    if ((result.code === 0) !== (expected === "succeeds")) throw new Error(`pulumi ${args.join(" ")}: exit ${result.code}\n${result.output}`);
    return result.output;
  };

  test("the program looks up Students by display name (in its own process, with the stack's config) and binds its id in the user flow", async () => {
    await run(["stack", "init", "e2e"], "succeeds");
    await run(["config", "set-all", "--plaintext", `industrydata:graphEndpoint=${tenant.emulator.graphUrl}`, "--secret", `industrydata:accessToken=${TOKEN}`], "succeeds");

    await tenant.clearRequests();
    expect(await run(["preview"], "succeeds")).toMatch(/\+ 3 to create/);
    const previewRequests = await tenant.requests();
    expect(writes(previewRequests)).toEqual([]);
    expect(previewRequests.map((r) => `${r.method} ${r.path}`)).toContain("GET /beta/external/industryData/roleGroups");

    await run(["up", "--yes", "--skip-preview"], "succeeds");
    const outputs = JSON.parse(await run(["stack", "output", "--json"], "succeeds"));
    expect(outputs.studentsRoleGroupId).toBe("students");
    expect(outputs.studentsRoles).toEqual(["student"]);
    expect(await boundRoleGroups(tenant)).toEqual(["students"]);

    const index = path.join(folder, "index.ts");
    const original = fs.readFileSync(index, "utf8");
    fs.writeFileSync(index, original.replace('displayName: "Students"', 'displayName: "Studnets"'));
    expect(await run(["preview"], "fails")).toMatch(NO_SUCH_GROUP);
    fs.writeFileSync(index, original);
    // Each step starts the Node.js language host and the dynamic-provider host: slow on a loaded machine.
  }, 10 * 60_000);
});

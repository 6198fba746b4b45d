/**
 * examples/yaml-district through the real `pulumi` command, the Pulumi YAML language host (tools/pulumi-yaml) and
 * the provider plugin (found through the program's `plugins.providers` path) against the emulator: what a school
 * IT admin keeping the district in Pulumi YAML sees, from the first `up` to `destroy`, and `pulumi import` of a
 * flow made in the portal. Skipped locally without the CLI or the YAML host, saying so; failing in CI.
 */
import { passwordMatches } from "../../emulator";
import { TEST_PASSWORDS, TEST_TOKENS } from "../support/testSecrets";
import { scanKeptOutput } from "../support/scanKeptOutput";
import { CLI_TOOLS, describeWithCli, replaceReasons } from "./pulumiRoutes";
import { copyYamlExample, expectExit, startTenant, writes, type LoggedRequest, type TestTenant, type YamlProject } from "./yamlProgram";

const TOKEN = TEST_TOKENS.yamlDistrict;
const PASSWORD = TEST_PASSWORDS.yamlStudent;
const ROTATED = TEST_PASSWORDS.yamlStudentRotated;
const FLOW_SETS = "/external/industryData/outboundProvisioningFlowSets";
const USER_FLOW_TYPE = "#microsoft.graph.industryData.userProvisioningFlow";

describeWithCli(
  "examples/yaml-district through the Pulumi CLI, the YAML language host and the provider plugin",
  () => {
    let tenant: TestTenant;
    let project: YamlProject;

    beforeAll(async () => {
      tenant = await startTenant(TOKEN);
    });

    afterAll(async () => {
      await tenant?.emulator.stop();
    });

    /** A fresh copy of the example with an `e2e` stack pointed at the test emulator (not the committed `dev` stack). */
    async function district(): Promise<YamlProject> {
      const copy = copyYamlExample({ example: "yaml-district", plugin: "path", secrets: [TOKEN, PASSWORD, ROTATED] });
      expectExit(await copy.pulumi(["stack", "init", "e2e"]), "succeeds", "stack init");
      const config = await copy.pulumi([
        "config", "set-all",
        "--plaintext", `industrydata:graphEndpoint=${tenant.emulator.graphUrl}`,
        "--secret", `industrydata:accessToken=${TOKEN}`,
        "--secret", `studentPassword=${PASSWORD}`,
      ]);
      expectExit(config, "succeeds", "config set-all");
      return copy;
    }

    /** Runs one command on a fresh request log; fails showing Pulumi's output when the exit code is not the expected one. */
    async function step(args: string[], expected: "succeeds" | "fails"): Promise<{ output: string; requests: LoggedRequest[] }> {
      await tenant.clearRequests();
      const started = Date.now();
      const result = await project.pulumi(args);
      console.log(`e2e [yaml] pulumi ${args.join(" ")}: exit ${result.code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const output = expectExit(result, expected, args.join(" "));
      return { output, requests: await tenant.requests() };
    }

    // Each test has its own copy of the example and stack, on an emptied tenant.
    beforeEach(() => tenant.reset());
    afterEach(() => project?.remove());

    test("a preview of the new stack writes nothing; up creates the district; a no-op preview sends no Graph request; preview --refresh --expect-no-changes --diff names a portal edit; up --refresh puts it back with one PATCH; destroy removes it", async () => {
      project = await district();

      // A preview of the new stack plans five creates and writes nothing.
      const planned = await step(["preview"], "succeeds");
      expect(planned.output).toMatch(/\+ 5 to create/);
      expect(writes(planned.requests)).toEqual([]);

      const created = await step(["up", "--yes", "--skip-preview"], "succeeds");
      expect(writes(created.requests).filter((w) => w.startsWith("POST"))).toHaveLength(4);
      const [set, ...others] = await tenant.flowSets();
      expect(others).toEqual([]);
      expect(set.displayName).toBe("Contoso Unified School District");
      expect(set.flows.map((f) => f.kind).sort()).toEqual(["classGroupProvisioningFlow", "securityGroupProvisioningFlow", "userProvisioningFlow"]);
      const users = set.flows.find((f) => f.kind === "userProvisioningFlow")!;
      const managementOptions = users.managementOptions as { additionalOptions: Record<string, unknown> };
      expect(managementOptions.additionalOptions).toEqual({ studentAgeGroup: "minor", allowStudentContactAssociation: true });

      // Nothing changed: the engine compares state with the program; the plugin asks Graph nothing.
      const noChange = await step(["preview", "--expect-no-changes"], "succeeds");
      expect(noChange.requests).toEqual([]);

      // An admin changes the student age group in the portal.
      const flowPath = `${FLOW_SETS}/${set.id}/provisioningFlows/${users.id}`;
      const edit = await tenant.graph("PATCH", flowPath, {
        "@odata.type": USER_FLOW_TYPE,
        managementOptions: { ...managementOptions, additionalOptions: { ...managementOptions.additionalOptions, studentAgeGroup: "adult" } },
      });
      expect(edit.status).toBe(204);

      const drift = await step(["preview", "--refresh", "--expect-no-changes", "--diff"], "fails");
      expect(drift.output).toMatch(/studentAgeGroup\s*:\s*"minor"\s*=>\s*"adult"/);
      expect(drift.output).toContain("no changes were expected");
      expect(writes(drift.requests)).toEqual([]);

      const restored = await step(["up", "--refresh", "--yes", "--skip-preview"], "succeeds");
      expect(writes(restored.requests)).toEqual([`PATCH /beta${flowPath}`]);
      const after = (await tenant.flowSets())[0].flows.find((f) => f.kind === "userProvisioningFlow")!;
      expect((after.managementOptions as typeof managementOptions).additionalOptions.studentAgeGroup).toBe("minor");

      const destroyed = await step(["destroy", "--yes", "--skip-preview"], "succeeds");
      expect(writes(destroyed.requests).filter((w) => w.startsWith("DELETE"))).not.toHaveLength(0);
      expect(await tenant.flowSets()).toEqual([]);
    });

    test("a rotated studentPassword (config set --secret) is named in preview --diff on the plugin's users flow, its value never shown; up sends it in one PATCH; the next preview is clean", async () => {
      project = await district();
      await step(["up", "--yes", "--skip-preview"], "succeeds");
      expectExit(await project.pulumi(["config", "set", "--secret", "studentPassword", ROTATED]), "succeeds", "config set --secret");

      const plan = await step(["preview", "--diff"], "succeeds");
      // The plugin diffs the nested secret by path: the users flow changes at its password, shown masked.
      expect(plan.output).toMatch(/~ industrydata:index:UserProvisioningFlow: \(update\)\s*\[id=[^\]]+\]\s*\[urn=[^\]]*::users\]/);
      expect(plan.output).toMatch(/~ defaultPasswordSettings\s*: \{\s*~ password\s*: \[secret\] => \[secret\]\s*\}/);
      expect(plan.output).toMatch(/1 to update/);
      expect(writes(plan.requests)).toEqual([]);
      for (const value of [PASSWORD, ROTATED]) expect(plan.output).not.toContain(value);

      const applied = await step(["up", "--yes", "--skip-preview"], "succeeds");
      const patches = writes(applied.requests);
      expect(patches).toHaveLength(1);
      expect(patches[0]).toMatch(/^PATCH \/beta\/external\/industryData\/outboundProvisioningFlowSets\/[^/]+\/provisioningFlows\/[^/]+$/);
      const users = (await tenant.flowSets())[0].flows.find((f) => f.kind === "userProvisioningFlow")!;
      const students = (users.creationOptions as { configurations: { roleGroupId: string; defaultPasswordSettings?: { passwordHash?: string } }[] }).configurations.find((c) => c.roleGroupId === "students")!;
      expect(passwordMatches(students.defaultPasswordSettings!.passwordHash!, ROTATED)).toBe(true);
      expect(writes((await step(["preview", "--diff"], "succeeds")).requests)).toEqual([]);
      expectExit(await project.pulumi(["preview", "--expect-no-changes"]), "succeeds", "preview --expect-no-changes");
    });

    test("preview --diff of a license SKU change on the user flow with a password names the path and both values, and a flow's change of kind names odataType; no secret in any output or in plain text in the state", async () => {
      project = await district();
      const outputs = [(await step(["up", "--yes", "--skip-preview"], "succeeds")).output];

      project.editProgram((text) => text.replace("- M365EDU_A3_FACULTY", "- M365EDU_A5_FACULTY"));
      // The groups flow becomes an administrative-unit flow under the same name (the alias keeps its state): a
      // change of kind, which replaces it, named by the output that holds the kind, as the dynamic resources
      // name it (rootProjectLifecycle.ts).
      project.editProgram((text) =>
        text.replace(
          /  groups:\n    type: industrydata:index:SecurityGroupProvisioningFlow\n([\s\S]*?)createBasedOnRoleGroup: true/,
          "  groups:\n    type: industrydata:index:AdministrativeUnitProvisioningFlow\n" +
            "    options:\n      aliases:\n        - urn:pulumi:e2e::yaml-district::industrydata:index:SecurityGroupProvisioningFlow::groups\n" +
            "$1createBasedOnOrg: true",
        ),
      );
      const plan = await step(["preview", "--diff"], "succeeds");
      outputs.push(plan.output);
      expect(plan.output).toMatch(/licenseSkus\s*:\s*\[\s*~\s*\[0\]\s*:\s*"M365EDU_A3_FACULTY"\s*=>\s*"M365EDU_A5_FACULTY"/);
      expect(plan.output).toMatch(/~ industrydata:index:UserProvisioningFlow: \(update\)\s*\[id=[^\]]+\]\s*\[urn=[^\]]*::users\]/);
      expect(plan.output).toMatch(/\+-industrydata:index:AdministrativeUnitProvisioningFlow: \(replace\)\s*\[id=[^\]]+\]\s*\[urn=[^\]]*::groups\]/);
      expect(plan.output).toMatch(/- odataType\s*: "#microsoft\.graph\.industryData\.securityGroupProvisioningFlow"/);
      expect(plan.output).not.toContain("@odata.type");
      expect(writes(plan.requests)).toEqual([]);
      const json = await step(["preview", "--json"], "succeeds");
      expect(replaceReasons(json.output)).toEqual({ groups: ["odataType"] });

      const state = project.stateText();
      expect(state).toContain("M365EDU_A3_FACULTY");
      for (const text of [...outputs, state]) {
        expect(text).not.toContain(PASSWORD);
        expect(text).not.toContain(TOKEN);
      }
      // Encoded forms too (base64, JSON-escaped, …): the suite's matcher.
      expect(scanKeptOutput({ source: "yaml-district state file", text: state, secrets: [PASSWORD, TOKEN] })).toEqual([]);

      expectExit(await project.pulumi(["destroy", "--yes", "--skip-preview"]), "succeeds", "destroy");
    });

    test("pulumi import of a user flow made in the portal adopts it with no PATCH, the code it generates previews as a no-op, and destroy leaves the flow in the tenant", async () => {
      project = await district();
      // A program with no resources yet: only the plugin, so the engine finds the provider.
      project.editProgram((text) => text.slice(0, text.indexOf("\nconfig:")) + "\n");
      const set = await tenant.graph<{ id: string }>("POST", FLOW_SETS, { displayName: "Made in the portal" });
      const flow = await tenant.graph<{ id: string }>("POST", `${FLOW_SETS}/${set.body.id}/provisioningFlows`, {
        "@odata.type": USER_FLOW_TYPE,
        createUnmatchedUsers: false,
        managementOptions: { additionalAttributes: ["userNumber"], additionalOptions: { studentAgeGroup: "notAdult", allowStudentContactAssociation: false } },
      });
      expect(flow.status).toBe(201);

      const imported = await step(
        ["import", "industrydata:index:UserProvisioningFlow", "portalUsers", `${set.body.id}/${flow.body.id}`, "--yes", "--protect=false", "--out", "generated.yaml"],
        "succeeds",
      );
      expect(writes(imported.requests)).toEqual([]);
      const generated = project.readFile("generated.yaml");
      expect(generated).toMatch(/type:\s*industrydata:(index:)?UserProvisioningFlow/);
      expect(generated).toContain("notAdult");

      project.editProgram((text) => `${text}${generated}`);
      const replay = await step(["preview", "--expect-no-changes", "--diff"], "succeeds");
      expect(writes(replay.requests)).toEqual([]);

      // The imported flow is adopted (the generated code names its flowId): destroy leaves it in the tenant.
      const destroyed = await step(["destroy", "--yes", "--skip-preview"], "succeeds");
      expect(writes(destroyed.requests)).toEqual([]);
      const portal = (await tenant.flowSets()).find((s) => s.id === set.body.id);
      expect(portal?.flows.map((f) => f.id)).toEqual([flow.body.id]);
    });
  },
  { tools: CLI_TOOLS.yaml },
);

/**
 * examples/multi-tenant-providers through the real `pulumi` command, the Pulumi YAML language host and the provider
 * plugin (found on PATH: the example has no `plugins` block) against two emulators, one per tenant: one program,
 * two explicit `industrydata` providers, each configured on its own. Each emulator accepts only its own tenant's
 * token (any other answers 401), so a request it served was sent with that token.
 */
import { TEST_TOKENS } from "../support/testSecrets";
import { CLI_TOOLS, describeWithCli } from "./pulumiRoutes";
import { copyYamlExample, expectExit, startTenant, writes, type LoggedRequest, type TestTenant, type YamlProject } from "./yamlProgram";

const TENANTS = {
  contoso: { token: TEST_TOKENS.yamlContoso, displayName: "Contoso Unified School District" },
  fabrikam: { token: TEST_TOKENS.yamlFabrikam, displayName: "Fabrikam School District" },
} as const;
type TenantName = keyof typeof TENANTS;

describeWithCli(
  "examples/multi-tenant-providers: one Pulumi YAML program, two explicit providers, two tenants",
  () => {
    let tenants: Record<TenantName, TestTenant>;
    let project: YamlProject;

    beforeAll(async () => {
      const [contoso, fabrikam] = await Promise.all([startTenant(TENANTS.contoso.token), startTenant(TENANTS.fabrikam.token)]);
      tenants = { contoso, fabrikam };
      project = copyYamlExample({ example: "multi-tenant-providers", plugin: "PATH", secrets: [TENANTS.contoso.token, TENANTS.fabrikam.token] });
      expectExit(await project.pulumi(["stack", "init", "msp"]), "succeeds", "stack init");
      const config = await project.pulumi([
        "config", "set-all",
        "--plaintext", `contosoGraphEndpoint=${contoso.emulator.graphUrl}`,
        "--secret", `contosoAccessToken=${TENANTS.contoso.token}`,
        "--plaintext", `fabrikamGraphEndpoint=${fabrikam.emulator.graphUrl}`,
        "--secret", `fabrikamAccessToken=${TENANTS.fabrikam.token}`,
      ]);
      expectExit(config, "succeeds", "config set-all");
    });

    afterAll(async () => {
      await Promise.all(Object.values(tenants ?? {}).map((t) => t.emulator.stop()));
      project?.remove();
    });

    /** Runs one command with both request logs cleared; returns each tenant's requests. */
    async function step(args: string[]): Promise<{ output: string; requests: Record<TenantName, LoggedRequest[]> }> {
      await Promise.all(Object.values(tenants).map((t) => t.clearRequests()));
      const started = Date.now();
      const result = await project.pulumi(args);
      console.log(`e2e [yaml multi-tenant] pulumi ${args.join(" ")}: exit ${result.code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const output = expectExit(result, "succeeds", args.join(" "));
      return { output, requests: { contoso: await tenants.contoso.requests(), fabrikam: await tenants.fabrikam.requests() } };
    }

    /** Every request a tenant received was accepted (its token), and none names the other tenant's flow set. */
    async function expectOnlyOwn(requests: Record<TenantName, LoggedRequest[]>): Promise<void> {
      for (const name of Object.keys(TENANTS) as TenantName[]) {
        const other = name === "contoso" ? "fabrikam" : "contoso";
        const otherSetIds = (await tenants[other].flowSets()).map((s) => s.id);
        expect(requests[name].filter((r) => r.status === 401 || r.status === 403)).toEqual([]);
        const sent = JSON.stringify(requests[name]);
        for (const id of otherSetIds) expect(sent).not.toContain(id);
        expect(sent).not.toContain(TENANTS[other].displayName);
      }
    }

    test("up creates each district in its own tenant with its own token; destroy removes each from its own tenant", async () => {
      const up = await step(["up", "--yes", "--skip-preview"]);
      for (const name of Object.keys(TENANTS) as TenantName[]) {
        expect(writes(up.requests[name]).filter((w) => w.startsWith("POST"))).toHaveLength(2);
        const sets = await tenants[name].flowSets();
        expect(sets.map((s) => s.displayName)).toEqual([TENANTS[name].displayName]);
        expect(sets[0].flows.map((f) => f.kind)).toEqual(["securityGroupProvisioningFlow"]);
      }
      expect((await tenants.fabrikam.flowSets())[0].flows[0].creationOptions).toEqual({ createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true });
      await expectOnlyOwn(up.requests);

      // A refresh reads each resource through its own provider.
      const refreshed = await step(["preview", "--refresh", "--expect-no-changes"]);
      for (const name of Object.keys(TENANTS) as TenantName[]) {
        expect(refreshed.requests[name].filter((r) => r.method === "GET").length).toBeGreaterThanOrEqual(2);
        expect(writes(refreshed.requests[name])).toEqual([]);
      }
      await expectOnlyOwn(refreshed.requests);

      const destroyed = await step(["destroy", "--yes", "--skip-preview"]);
      for (const name of Object.keys(TENANTS) as TenantName[]) {
        expect(writes(destroyed.requests[name]).filter((w) => w.startsWith("DELETE"))).toHaveLength(2);
        expect(await tenants[name].flowSets()).toEqual([]);
      }
      for (const name of Object.keys(TENANTS) as TenantName[]) {
        expect(destroyed.requests[name].filter((r) => r.status === 401 || r.status === 403)).toEqual([]);
      }
    });
  },
  { tools: CLI_TOOLS.yaml },
);

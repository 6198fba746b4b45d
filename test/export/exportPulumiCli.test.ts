/**
 * The export round trip through the real Pulumi CLI (built by `npm run pulumi:install` into .tools/pulumi/bin),
 * as an admin would run it: export, `pulumi stack init`, `pulumi config set-all` (the secrets the export asks
 * for), `pulumi up`, `pulumi preview --refresh --expect-no-changes`, `pulumi destroy`. On a local file backend,
 * offline. Skipped, saying so, where the CLI has not been built.
 */
import * as fs from "fs";
import * as path from "path";
import { startEmulator } from "../../emulator";
import { resolveProviderConfig } from "../../provider/config";
import { createGraphClient } from "../../provider/graph";
import { exportTenant, type ExportSummary } from "../../provider/cli/exportTenant";
import { makeProgramDir, repoRoot, type ProgramDir } from "../harness";
import { describeWithCli } from "../e2e/pulumiRoutes";
import { outcome, pulumiRunner, type CliRun } from "./pulumiCli";
import { seededPasswords, seedVariedTenant, variedTenant, variedTenantFlowCount } from "./variedTenant";
import { TEST_TOKENS } from "../support/testSecrets";

const TOKEN = TEST_TOKENS.exportPulumiCli;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
interface Recorded {
  method: string;
  path: string;
}

let emulator: Emulator;
let program: ProgramDir;
let folder: string;
let summary: ExportSummary;
let pulumi: (args: string[]) => Promise<CliRun>;

async function graphRequests(): Promise<Recorded[]> {
  const all = (await (await fetch(`${emulator.adminUrl}/requests`)).json()) as Recorded[] | { value: Recorded[] };
  return (Array.isArray(all) ? all : all.value).filter((r) => r.path.startsWith("/beta/"));
}

/** The sets as the emulator stores them, without their flows. */
async function storedSets(): Promise<unknown[]> {
  const state = (await (await fetch(`${emulator.adminUrl}/state`)).json()) as { flowSets: { flows: unknown[] }[] };
  return state.flowSets.map(({ flows: _flows, ...set }) => set);
}

async function clearRequests(): Promise<void> {
  await fetch(`${emulator.adminUrl}/requests`, { method: "DELETE" });
}

describeWithCli("export -> adopt through the real Pulumi CLI", () => {
  beforeAll(async () => {
    emulator = await startEmulator({ staticToken: TOKEN });
    await seedVariedTenant({ graphUrl: emulator.graphUrl, token: TOKEN });
    program = makeProgramDir({
      prefix: "industrydata-export-cli-",
      packages: [{ name: "pulumi-industrydata", from: repoRoot(), mode: "symlink" }],
    });
    folder = path.join(program.dir, "adopted");
    const config = resolveProviderConfig((key) => ({ "industrydata:graphEndpoint": emulator.graphUrl, "industrydata:accessToken": TOKEN })[key], {});
    const client = createGraphClient(config, { env: {} });
    summary = await exportTenant({ client, graphEndpoint: config.graphEndpoint, outDir: folder }).finally(() => client.close());
    pulumi = pulumiRunner({ cwd: folder, stateDir: path.join(program.dir, "state") });
  });

  afterAll(async () => {
    await emulator?.stop();
    program?.remove();
  });

  test("up adopts every set and flow, changing nothing but the configured passwords; refresh finds no drift; destroy leaves them all", async () => {
    expect((await pulumi(["stack", "init", "adopt"])).code).toBe(0);
    // What the export printed for the admin to run, with the values they would type at the prompts.
    const secrets = summary.plan.secrets.flatMap((s) => ["--secret", `${s.key}=${seededPasswords[s.owner][s.element!]}`]);
    const set = await pulumi([
      "config", "set-all",
      "--plaintext", `industrydata:graphEndpoint=${emulator.graphUrl}`,
      "--secret", `industrydata:accessToken=${TOKEN}`,
      ...secrets,
    ]);
    expect(set.code).toBe(0);

    const setsBefore = await storedSets();
    await clearRequests();
    const up = await pulumi(["up", "--yes", "--skip-preview"]);
    expect(outcome(up)).toEqual({ code: 0, output: "" });
    const entities = variedTenant().length + variedTenantFlowCount;
    expect(up.output).toContain(`+ ${entities + 1} created`); // the sets, the flows and the stack
    const writes = (await graphRequests()).filter((r) => r.method !== "GET");
    // The two user flows holding passwords, as the export said; the sets are adopted untouched.
    expect(writes.map((w) => w.method)).toEqual(["PATCH", "PATCH"]);
    expect(writes.every((w) => w.path.includes("/provisioningFlows/"))).toBe(true);
    expect(summary.plan.secretHolders).toHaveLength(2);
    expect(await storedSets()).toEqual(setsBefore);

    const state = fs.readFileSync(path.join(program.dir, "state", ".pulumi", "stacks", summary.project, "adopt.json"), "utf8");
    for (const passwords of Object.values(seededPasswords)) for (const p of Object.values(passwords)) expect(state).not.toContain(p);

    await clearRequests();
    const drift = await pulumi(["preview", "--refresh", "--expect-no-changes"]);
    expect(outcome(drift)).toEqual({ code: 0, output: "" });
    const refreshReads = await graphRequests();
    expect(refreshReads.filter((r) => r.method !== "GET")).toEqual([]);
    expect(refreshReads).toHaveLength(entities); // one GET per set and per flow

    await clearRequests();
    const destroy = await pulumi(["destroy", "--yes", "--skip-preview"]);
    expect(destroy.code).toBe(0);
    // Adopted sets and flows are not deleteOnDestroy by default: the tenant keeps them.
    expect((await graphRequests()).filter((r) => r.method === "DELETE")).toEqual([]);
    expect(await storedSets()).toEqual(setsBefore);
  });
});

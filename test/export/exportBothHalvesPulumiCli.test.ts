/**
 * The export of a tenant holding both halves, adopted through the real Pulumi CLI as an admin would: export,
 * `pulumi stack init`, `pulumi config set-all` (every secret the export asks for: passwords and the OneRoster
 * client secret), `pulumi up` (the only PATCHes: the declared secrets, each once), then a source system renamed in
 * the portal: `preview --refresh --expect-no-changes --diff` names it and plans one update (the connectors bound
 * to it through `<source>.sourceSystemId` are not shown as replaced: an adopted resource's id output is its own
 * input, known in the preview), `up --refresh` restores it with one PATCH, `destroy` leaves everything in the
 * tenant. Every CLI output goes through the leak scan.
 */
import * as fs from "fs";
import * as path from "path";
import { startEmulator, type LoggedRequest, type TenantState } from "../../emulator";
import { resolveProviderConfig } from "../../provider/config";
import { createGraphClient } from "../../provider/graph";
import { exportTenant, type ExportSummary } from "../../provider/cli/exportTenant";
import { describeWithCli } from "../e2e/pulumiRoutes";
import { makeProgramDir, repoRoot, type ProgramDir } from "../harness";
import { scanKeptOutput } from "../support/scanKeptOutput";
import { TEST_TOKENS } from "../support/testSecrets";
import { exportedInboundCount, seedInboundTenant, seededClientSecrets, type SeededInbound } from "./inboundTenant";
import { outcome, pulumiRunner, type CliRun } from "./pulumiCli";
import { seededPasswords, seedVariedTenant, variedTenant, variedTenantFlowCount } from "./variedTenant";

const TOKEN = TEST_TOKENS.exportPulumiCli;
const ROOT = "/beta/external/industryData";

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

let emulator: Emulator;
let program: ProgramDir;
let summary: ExportSummary;
let inbound: SeededInbound;
let run: (args: string[]) => Promise<CliRun>;

async function graphRequests(): Promise<LoggedRequest[]> {
  const all = (await (await fetch(`${emulator.adminUrl}/requests`)).json()) as LoggedRequest[] | { value: LoggedRequest[] };
  return (Array.isArray(all) ? all : all.value).filter((r) => r.path.startsWith("/beta/"));
}

async function clearRequests(): Promise<void> {
  await fetch(`${emulator.adminUrl}/requests`, { method: "DELETE" });
}

function secretValue(s: ExportSummary["plan"]["secrets"][number]): string {
  return s.property === "password" ? seededPasswords[s.owner][s.element!] : seededClientSecrets[s.owner];
}

async function pulumi(args: string[]): Promise<CliRun> {
  const result = await run(args);
  scanKeptOutput({ source: `pulumi ${args[0]} output`, text: result.output, secrets: [...summary.plan.secrets.map(secretValue), TOKEN] });
  return result;
}

describeWithCli("export of both halves -> adopt through the real Pulumi CLI", () => {
  beforeAll(async () => {
    emulator = await startEmulator({ staticToken: TOKEN });
    await seedVariedTenant({ graphUrl: emulator.graphUrl, token: TOKEN });
    inbound = await seedInboundTenant({ graphUrl: emulator.graphUrl, token: TOKEN });
    program = makeProgramDir({ prefix: "industrydata-export-both-cli-", packages: [{ name: "pulumi-industrydata", from: repoRoot(), mode: "symlink" }] });
    const folder = path.join(program.dir, "adopted");
    const config = resolveProviderConfig((key) => ({ "industrydata:graphEndpoint": emulator.graphUrl, "industrydata:accessToken": TOKEN })[key], {});
    const client = createGraphClient(config, { env: {} });
    summary = await exportTenant({ client, graphEndpoint: config.graphEndpoint, outDir: folder }).finally(() => client.close());
    run = pulumiRunner({ cwd: folder, stateDir: path.join(program.dir, "state") });
  });

  afterAll(async () => {
    await emulator?.stop();
    program?.remove();
  });

  test("up adopts both halves sending only the declared secrets once each; a portal rename is one named update, restored with one PATCH; destroy leaves all", async () => {
    expect(outcome(await pulumi(["stack", "init", "adopt"]))).toEqual({ code: 0, output: "" });
    const secrets = summary.plan.secrets.flatMap((s) => ["--secret", `${s.key}=${secretValue(s)}`]);
    const set = await pulumi(["config", "set-all", "--plaintext", `industrydata:graphEndpoint=${emulator.graphUrl}`, "--secret", `industrydata:accessToken=${TOKEN}`, ...secrets]);
    expect(outcome(set)).toEqual({ code: 0, output: "" });

    await clearRequests();
    const up = await pulumi(["up", "--yes", "--skip-preview"]);
    expect(outcome(up)).toEqual({ code: 0, output: "" });
    expect(up.output).toContain(`+ ${exportedInboundCount + variedTenant().length + variedTenantFlowCount + 1} created`);
    const writes = (await graphRequests()).filter((r) => r.method !== "GET");
    expect(writes.map((w) => w.method)).toEqual(["PATCH", "PATCH", "PATCH"]);
    expect(writes.filter((w) => w.path === `${ROOT}/dataConnectors/${inbound.connectors.oneRoster}`)).toHaveLength(1);
    expect(writes.filter((w) => w.path.includes("/provisioningFlows/"))).toHaveLength(2);
    const state = fs.readFileSync(path.join(program.dir, "state", ".pulumi", "stacks", summary.project, "adopt.json"), "utf8");
    for (const s of summary.plan.secrets) expect(state).not.toContain(secretValue(s));

    expect(outcome(await pulumi(["preview", "--refresh", "--expect-no-changes"]))).toEqual({ code: 0, output: "" });

    const renamed = await fetch(`${emulator.graphUrl}/external/industryData/sourceSystems/${inbound.sourceSystems.contoso}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ displayName: "Renamed in the portal" }),
    });
    expect(renamed.status).toBe(204);
    const drift = await pulumi(["preview", "--refresh", "--expect-no-changes", "--diff"]);
    expect(drift.code).not.toBe(0);
    expect(drift.output).toMatch(/~ displayName\s*:\s*"Contoso SIS" => "Renamed in the portal"/);
    expect(drift.output).toMatch(/Resources:\s+~ 1 to update\s+\d+ unchanged/);
    expect(drift.output).not.toMatch(/replace/);

    await clearRequests();
    expect(outcome(await pulumi(["up", "--refresh", "--yes", "--skip-preview"]))).toEqual({ code: 0, output: "" });
    const restore = (await graphRequests()).filter((r) => r.method !== "GET");
    expect(restore.map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH ${ROOT}/sourceSystems/${inbound.sourceSystems.contoso}`]);

    const before = (await (await fetch(`${emulator.adminUrl}/state`)).json()) as TenantState;
    await clearRequests();
    expect(outcome(await pulumi(["destroy", "--yes", "--skip-preview"]))).toEqual({ code: 0, output: "" });
    expect((await graphRequests()).filter((r) => r.method !== "GET")).toEqual([]);
    expect(await (await fetch(`${emulator.adminUrl}/state`)).json()).toEqual(before);
  });
});

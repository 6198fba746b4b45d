/**
 * examples/district-from-scratch through the real Pulumi CLI against an empty emulator tenant, as a district would
 * run it: `up` creates the inbound side and then the outbound side in dependency order (asserted on the emulator's
 * request log), a second `preview` sends no request, `preview --refresh --expect-no-changes --diff` catches a
 * connector renamed in the portal and names the property with both values, `up --refresh` restores it with one
 * PATCH, and `destroy` removes everything in reverse order, leaving the tenant exactly as it was found. Every
 * CLI output goes through the suite's leak scan.
 */
import * as fs from "fs";
import * as path from "path";
import { startEmulator, type LoggedRequest, type TenantState } from "../../emulator";
import { makeProgramDir, repoRoot, type ProgramDir } from "../harness";
import { scanKeptOutput } from "../support/scanKeptOutput";
import { TEST_KEYS, TEST_PASSWORDS, TEST_TOKENS } from "../support/testSecrets";
import { describeWithCli, pulumiRoutes, type PulumiRoute, type RunResult } from "./pulumiRoutes";

const TOKEN = TEST_TOKENS.examplesCli;
const ROOT = "/beta/external/industryData";
const PASSPHRASE = TEST_KEYS.districtFromScratchPassphrase;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

let emulator: Emulator;
let program: ProgramDir;
let cli: PulumiRoute;
let folder: string;
let stateDir: string;

async function admin<T>(method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emulator.adminUrl}/${p}`, {
    method,
    headers: body !== undefined ? { "content-type": "application/json" } : {},
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function graphRequests(): Promise<LoggedRequest[]> {
  const all = await admin<LoggedRequest[] | { value: LoggedRequest[] }>("GET", "requests");
  return (Array.isArray(all) ? all : all.value).filter((r) => r.path.startsWith("/beta/"));
}

/** A CLI run, its output scanned for secrets (the passwords are in the stack's config). */
async function pulumi(operation: Parameters<PulumiRoute["run"]>[0]): Promise<RunResult> {
  const result = await cli.run(operation);
  scanKeptOutput({ source: `pulumi ${operation.op} output`, text: result.output, secrets: [TEST_PASSWORDS.examplesStaff, TEST_PASSWORDS.examplesStudent, TOKEN] });
  return result;
}

function ok(result: RunResult): { code: number; output: string } {
  return { code: result.code, output: result.code === 0 ? "" : result.output };
}

/** The collection each write went to, in order ("sourceSystems", "outboundProvisioningFlowSets/…/provisioningFlows", …). */
function writeOrder(requests: LoggedRequest[], method: string): string[] {
  return requests
    .filter((r) => r.method === method)
    .map((r) => {
      const rest = r.path.slice(ROOT.length + 1);
      const flows = /^outboundProvisioningFlowSets\/[^/]+\/provisioningFlows/.test(rest);
      return flows ? "provisioningFlows" : rest.split("/")[0];
    });
}

function firstIndex(order: string[], collection: string): number {
  return order.indexOf(collection);
}
function lastIndex(order: string[], collection: string): number {
  return order.lastIndexOf(collection);
}

describeWithCli("examples/district-from-scratch through the real Pulumi CLI, from an empty tenant", () => {
  let empty: TenantState;

  beforeAll(async () => {
    emulator = await startEmulator({ staticToken: TOKEN });
    program = makeProgramDir({ prefix: "industrydata-from-scratch-", packages: [{ name: "pulumi-industrydata", from: repoRoot(), mode: "symlink" }] });
    folder = path.join(program.dir, "district-from-scratch");
    stateDir = path.join(program.dir, "state");
    fs.mkdirSync(stateDir);
    fs.cpSync(path.join(repoRoot(), "examples", "district-from-scratch"), folder, { recursive: true });
    cli = pulumiRoutes({ dir: folder, stateDir, stack: "district", passphrase: PASSPHRASE }).cli;
    expect(ok((await cli.init())!)).toEqual({ code: 0, output: "" });
    fs.writeFileSync(
      path.join(folder, "Pulumi.district.yaml"),
      `config:\n  industrydata:graphEndpoint: ${emulator.graphUrl}\n`,
    );
    // Secrets go through `pulumi config set --secret` (encrypted in the stack file), as a district sets them.
    const { execFileSync } = await import("child_process");
    const { pulumiEnv, pulumiCli } = require("../../scripts/pulumi-env.js") as {
      pulumiEnv(options: { stateDir: string; passphrase?: string; base?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv;
      pulumiCli: string;
    };
    const env = pulumiEnv({ stateDir, passphrase: PASSPHRASE, base: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" } });
    for (const [key, value] of [["industrydata:accessToken", TOKEN], ["staffPassword", TEST_PASSWORDS.examplesStaff], ["studentPassword", TEST_PASSWORDS.examplesStudent]]) {
      execFileSync(pulumiCli, ["config", "set", "--secret", key, "--stack", "district", "--non-interactive"], { cwd: folder, env, input: value, stdio: ["pipe", "ignore", "pipe"] });
    }
    empty = await admin<TenantState>("GET", "state");
  });

  afterAll(async () => {
    await emulator?.stop();
    program?.remove();
  });

  test("up creates everything in dependency order: source system, connector and year, inbound flow, then the flow set and its flows", async () => {
    await admin("DELETE", "requests");
    expect(ok(await pulumi({ op: "up", transpileOnly: true }))).toEqual({ code: 0, output: "" });
    const order = writeOrder(await graphRequests(), "POST");
    expect([...order].sort()).toEqual(
      ["sourceSystems", "dataConnectors", "years", "inboundFlows", "outboundProvisioningFlowSets", "provisioningFlows", "provisioningFlows", "provisioningFlows"].sort(),
    );
    expect(firstIndex(order, "dataConnectors")).toBeGreaterThan(firstIndex(order, "sourceSystems"));
    expect(firstIndex(order, "inboundFlows")).toBeGreaterThan(firstIndex(order, "dataConnectors"));
    expect(firstIndex(order, "inboundFlows")).toBeGreaterThan(firstIndex(order, "years"));
    expect(firstIndex(order, "outboundProvisioningFlowSets")).toBeGreaterThan(firstIndex(order, "inboundFlows"));
    expect(firstIndex(order, "provisioningFlows")).toBeGreaterThan(firstIndex(order, "outboundProvisioningFlowSets"));
    const state = await admin<TenantState>("GET", "state");
    expect([state.sourceSystems.length, state.dataConnectors.length, state.years.length, state.inboundFlows.length, state.flowSets.length]).toEqual([1, 1, 1, 1, 1]);
    expect(state.flowSets[0].flows).toHaveLength(3);
    // Bound as declared: the flow to the connector and the year, the connector to the source system.
    const bound = state.inboundFlows[0] as unknown as { dataConnectorId: string; yearId: string };
    expect([bound.dataConnectorId, bound.yearId]).toEqual([state.dataConnectors[0].id, state.years[0].id]);
    expect((state.dataConnectors[0] as unknown as { sourceSystemId: string }).sourceSystemId).toBe(state.sourceSystems[0].id);
  });

  test("a second preview sends zero requests to Graph", async () => {
    await admin("DELETE", "requests");
    expect(ok(await pulumi({ op: "preview", expectNoChanges: true, transpileOnly: true }))).toEqual({ code: 0, output: "" });
    expect(await graphRequests()).toEqual([]);
  });

  test("preview --refresh --expect-no-changes --diff catches a connector renamed out of band, naming the property and both values; up --refresh restores it with one PATCH", async () => {
    const connector = (await admin<TenantState>("GET", "state")).dataConnectors[0];
    const renamed = await fetch(`${emulator.graphUrl}/external/industryData/dataConnectors/${connector.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ "@odata.type": "#microsoft.graph.industryData.azureDataLakeConnector", displayName: "Renamed in the portal" }),
    });
    expect(renamed.status).toBe(204);

    const drift = await pulumi({ op: "preview", refresh: true, expectNoChanges: true, diff: true, transpileOnly: true });
    expect(drift.code).not.toBe(0);
    expect(drift.output).toMatch(/AzureDataLakeConnector.*sis-csv/);
    // The refresh names the property with the declared and the tenant's value; the plan updates only the connector.
    expect(drift.output).toMatch(/~ displayName\s*:\s*"Contoso SIS nightly CSV" => "Renamed in the portal"/);
    expect(drift.output).toMatch(/Resources:\s+~ 1 to update\s+\d+ unchanged/);
    expect(drift.output).not.toMatch(/replace/);

    await admin("DELETE", "requests");
    expect(ok(await pulumi({ op: "up", refresh: true, transpileOnly: true }))).toEqual({ code: 0, output: "" });
    const writes = (await graphRequests()).filter((r) => r.method !== "GET");
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH ${ROOT}/dataConnectors/${connector.id}`]);
    expect(writes[0].body).toEqual({ "@odata.type": "#microsoft.graph.industryData.azureDataLakeConnector", displayName: "Contoso SIS nightly CSV" });
    expect(ok(await pulumi({ op: "preview", refresh: true, expectNoChanges: true, transpileOnly: true }))).toEqual({ code: 0, output: "" });
  });

  test("destroy removes everything in reverse order and leaves the tenant as it found it", async () => {
    await admin("DELETE", "requests");
    expect(ok(await pulumi({ op: "destroy", transpileOnly: true }))).toEqual({ code: 0, output: "" });
    const order = writeOrder(await graphRequests(), "DELETE");
    expect([...order].sort()).toEqual(
      ["sourceSystems", "dataConnectors", "years", "inboundFlows", "outboundProvisioningFlowSets", "provisioningFlows", "provisioningFlows", "provisioningFlows"].sort(),
    );
    expect(lastIndex(order, "provisioningFlows")).toBeLessThan(firstIndex(order, "outboundProvisioningFlowSets"));
    expect(firstIndex(order, "outboundProvisioningFlowSets")).toBeLessThan(firstIndex(order, "inboundFlows"));
    expect(firstIndex(order, "inboundFlows")).toBeLessThan(firstIndex(order, "dataConnectors"));
    expect(firstIndex(order, "inboundFlows")).toBeLessThan(firstIndex(order, "years"));
    expect(firstIndex(order, "dataConnectors")).toBeLessThan(firstIndex(order, "sourceSystems"));
    // Role groups and the built-in reference definitions are untouched; nothing is left behind (no reference
    // definition is declared, so no soft-deleted one remains either).
    expect(await admin<TenantState>("GET", "state")).toEqual(empty);
  });
});

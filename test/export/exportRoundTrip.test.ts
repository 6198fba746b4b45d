/**
 * The export round trip: seed the emulator with a varied tenant, export it, and run the generated program as the
 * engine would (declared under mocks to get the real registered inputs and `__provider`, then check/create
 * through the real dynamic-provider host). Every set and flow is adopted; adopting must leave the tenant exactly
 * as it was (with `--passwords omit`: GETs only; with passwords from config: one PATCH per user flow holding a
 * declared password, which is intended), and a second run must find no change.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { promisify } from "util";
import { startEmulator, passwordMatches } from "../../emulator";
import { resolveProviderConfig } from "../../provider/config";
import { createGraphClient } from "../../provider/graph";
import { exportTenant, type ExportSummary } from "../../provider/cli/exportTenant";
import { entityCollections } from "../../provider/cli/readTenant";
import type { PasswordMode } from "../../provider/cli/serverToArgs";
import {
  EngineResource,
  makeProgramDir,
  repoRoot,
  secret,
  serializeResources,
  startProviderHost,
  type ProgramDir,
  type ProviderHost,
  type RegisteredResource,
} from "../harness";
import { seedVariedTenant, seededPasswords, variedTenant, variedTenantFlowCount } from "./variedTenant";
import { TEST_TOKENS } from "../support/testSecrets";

const TOKEN = TEST_TOKENS.exportRoundTrip;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
interface Recorded {
  method: string;
  path: string;
  body?: unknown;
}
interface StoredFlow {
  id: string;
  kind: string;
  lastModifiedDateTime: string;
  creationOptions?: { configurations?: { roleGroupId: string; defaultPasswordSettings?: { passwordHash?: string } | null }[] };
  [key: string]: unknown;
}
interface TenantState {
  flowSets: { id: string; displayName: string; flows: StoredFlow[] }[];
}

let emulator: Emulator;
let program: ProgramDir;
let host: ProviderHost;
let seeded: TenantState;

async function admin<T>(method: string, p: string): Promise<T> {
  const res = await fetch(`${emulator.adminUrl}/${p}`, { method });
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Graph requests the emulator recorded since the last clear (token and admin endpoints left out). */
async function graphRequests(): Promise<Recorded[]> {
  const all = await admin<Recorded[] | { value: Recorded[] }>("GET", "requests");
  return (Array.isArray(all) ? all : all.value).filter((r) => r.path.startsWith("/beta/"));
}

async function exportInto(folder: string, passwords: PasswordMode): Promise<ExportSummary> {
  const config = resolveProviderConfig(
    (key) => ({ "industrydata:graphEndpoint": emulator.graphUrl, "industrydata:accessToken": TOKEN })[key],
    {},
  );
  const client = createGraphClient(config, { env: {} });
  try {
    return await exportTenant({ client, graphEndpoint: config.graphEndpoint, outDir: folder, passwords });
  } finally {
    client.close();
  }
}

/** Compiles the generated index.ts to index.js beside it, as ts-node would at `pulumi up`. */
function transpile(folder: string): void {
  const source = fs.readFileSync(path.join(folder, "index.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  fs.writeFileSync(path.join(folder, "index.js"), outputText);
}

/** The configured secret values (what the admin sets with `pulumi config set --secret`), as PULUMI_CONFIG holds them. */
function stackConfig(summary: ExportSummary): Record<string, string> {
  const config: Record<string, string> = {};
  for (const s of summary.plan.secrets) {
    config[`${summary.project}:${s.key}`] = seededPasswords[s.owner][s.element!];
  }
  return config;
}

/** Runs the program under mocks in its folder: every resource as `pulumi up` would register it. */
async function registeredResources(folder: string, summary: ExportSummary): Promise<RegisteredResource[]> {
  const config = stackConfig(summary);
  return serializeResources({
    cwd: folder,
    program: "./index.js",
    project: summary.project,
    stack: "adopt",
    env: { PULUMI_CONFIG: JSON.stringify(config), PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(Object.keys(config)) },
  });
}

/** `pulumi up` of every resource at once (the engine runs independent resources in parallel). */
async function up(resources: RegisteredResource[]): Promise<{ engine: EngineResource; op: string }[]> {
  return Promise.all(
    resources.map(async (r) => {
      const engine = new EngineResource(host, r.urn);
      const result = await engine.up(r.inputs);
      if (result.failures.length > 0) throw new Error(`${r.name}: check failed: ${JSON.stringify(result.failures)}`);
      return { engine, op: result.op };
    }),
  );
}

/** Every set's flows as Graph answers a list (what a portal user or a `pulumi refresh` sees). */
async function graphView(setIds: string[]): Promise<Record<string, unknown>[][]> {
  return Promise.all(
    setIds.map(async (id) => {
      const res = await fetch(`${emulator.graphUrl}/external/industryData/outboundProvisioningFlowSets/${id}/provisioningFlows`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      return ((await res.json()) as { value: Record<string, unknown>[] }).value;
    }),
  );
}

/** The sets as Graph answers a list (each set's own settings and timestamps). */
async function setsView(): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${emulator.graphUrl}/external/industryData/outboundProvisioningFlowSets`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return ((await res.json()) as { value: Record<string, unknown>[] }).value;
}

/** The Graph path (as the emulator logs it) of every seeded set and flow: what adopting them all reads once each. */
function entityPaths(): string[] {
  const sets = "/beta/external/industryData/outboundProvisioningFlowSets";
  const at = encodeURIComponent; // hostile ids travel escaped (the emulator logs the path as received)
  return seeded.flowSets.flatMap((set) => [`${sets}/${at(set.id)}`, ...set.flows.map((flow) => `${sets}/${at(set.id)}/provisioningFlows/${at(flow.id)}`)]);
}

/** The program declares every seeded set as an adopted OutboundProvisioningFlowSet, and every flow points at its set. */
function expectAdoptedSets(resources: RegisteredResource[]): void {
  const sets = resources.filter((r) => r.type.endsWith(":OutboundProvisioningFlowSet"));
  expect(sets.map((r) => r.inputs.flowSetId).sort()).toEqual(seeded.flowSets.map((s) => s.id).sort());
  for (const set of sets) {
    const held = seeded.flowSets.find((s) => s.id === set.inputs.flowSetId)!;
    expect(set.inputs.displayName).toBe(held.displayName);
    expect(set.inputs).not.toHaveProperty("deleteOnDestroy"); // adopted: left in the tenant by default
  }
  for (const flow of resources.filter((r) => !sets.includes(r))) {
    const parent = seeded.flowSets.find((s) => s.flows.some((f) => f.id === flow.inputs.flowId));
    expect([flow.name, flow.inputs.flowSetId]).toEqual([flow.name, parent?.id]);
  }
}

/** After the first up, every set and flow is recorded as adopted and left in the tenant on destroy. */
function expectAdoptedOutputs(results: { engine: EngineResource }[], resources: RegisteredResource[]): void {
  const recorded = results.map(({ engine }, i) => [resources[i].name, engine.state?.outputs.adopted, engine.state?.outputs.deleteOnDestroy]);
  expect(recorded).toEqual(resources.map((r) => [r.name, true, false]));
}

/** A view without what any PATCH of a flow changes on the server's side (its timestamp and computed readiness). */
function withoutWriteMarks(view: Record<string, unknown>[][], patched: Set<string>): Record<string, unknown>[][] {
  return view.map((flows) =>
    flows.map((flow) => (patched.has(String(flow.id)) ? { ...flow, lastModifiedDateTime: "(patched)", readinessStatus: "(computed)" } : flow)),
  );
}

beforeAll(async () => {
  const runtime = path.join(repoRoot(), "dist", "provider", "dynamic", "runtime.js");
  if (!fs.existsSync(runtime)) throw new Error(`${runtime} is missing: run \`npm run build\` first (npm test does)`);
  emulator = await startEmulator({ staticToken: TOKEN });
  await seedVariedTenant({ graphUrl: emulator.graphUrl, token: TOKEN });
  seeded = await admin<TenantState>("GET", "state");
  program = makeProgramDir({
    prefix: "industrydata-export-",
    packages: [
      { name: "pulumi-industrydata", from: repoRoot(), mode: "symlink" },
      { name: "@types/node", from: path.join(repoRoot(), "node_modules", "@types", "node"), mode: "symlink" },
    ],
  });
  host = await startProviderHost({
    cwd: program.dir,
    config: { "industrydata:graphEndpoint": emulator.graphUrl, "industrydata:accessToken": secret(TOKEN) },
    // The developer's own INDUSTRYDATA_* / AZURE_* variables must not reach the provider under test.
    env: Object.fromEntries(Object.keys(process.env).filter((k) => /^(INDUSTRYDATA_|AZURE_)/.test(k)).map((k) => [k, undefined])),
  });
});

afterAll(async () => {
  await host?.stop();
  await emulator?.stop();
  program?.remove();
});

describe("export -> adopt round trip through the dynamic-provider host", () => {
  test("the export reads with GETs only: one list of the sets, one list of flows per set, one list per inbound collection", async () => {
    await admin("DELETE", "requests");
    const summary = await exportInto(path.join(program.dir, "probe"), "omit");
    const requests = await graphRequests();
    expect(requests.every((r) => r.method === "GET")).toBe(true);
    expect(requests).toHaveLength(1 + variedTenant().length + entityCollections().length);
    expect(summary.flowSets).toBe(variedTenant().length);
    expect(summary.flows).toBe(variedTenantFlowCount);
    console.log(`export of ${summary.flowSets} sets / ${summary.flows} flows read in ${summary.readMs} ms`);
  });

  test("--passwords omit: every set and flow adopted with GETs only, zero PATCH, the tenant unchanged; a second run finds no change", async () => {
    const folder = path.join(program.dir, "omit");
    const summary = await exportInto(folder, "omit");
    expect(summary.plan.secrets).toEqual([]);
    expect(summary.plan.secretHolders).toEqual([]);
    transpile(folder);
    const resources = await registeredResources(folder, summary);
    expect(resources).toHaveLength(variedTenant().length + variedTenantFlowCount);
    expectAdoptedSets(resources);

    await admin("DELETE", "requests");
    const first = await up(resources);
    expect(first.map((r) => r.op)).toEqual(resources.map(() => "create"));
    const requests = await graphRequests();
    expect(requests.filter((r) => r.method !== "GET")).toEqual([]);
    // adopt = one GET per set and per flow
    expect(requests.map((r) => r.path).sort()).toEqual(entityPaths().sort());
    expect(await admin<TenantState>("GET", "state")).toEqual(seeded);
    expectAdoptedOutputs(first, resources);

    await admin("DELETE", "requests");
    const second = await Promise.all(first.map(({ engine }, i) => engine.up(resources[i].inputs)));
    expect(second.map((r) => r.op)).toEqual(resources.map(() => "same"));
    expect(second.map((r) => r.diff?.changes)).toEqual(resources.map(() => "DIFF_NONE"));
    expect(await graphRequests()).toEqual([]);
  });

  test("passwords from secret config: every set and flow adopted; exactly one PATCH per user flow with a declared password (intended), nothing else changed", async () => {
    const folder = path.join(program.dir, "config");
    const summary = await exportInto(folder, "config");
    expect(summary.plan.secrets.map((s) => `${s.owner}/${s.element}`).sort()).toEqual([
      "North High School/staff",
      "North High School/students",
      "South Middle/students",
    ]);
    transpile(folder);
    const resources = await registeredResources(folder, summary);
    expectAdoptedSets(resources);

    const setIds = seeded.flowSets.map((s) => s.id);
    const before = await graphView(setIds);
    const setsBefore = await setsView();
    await admin("DELETE", "requests");
    const first = await up(resources);
    expect(first.map((r) => r.op)).toEqual(resources.map(() => "create"));
    expectAdoptedOutputs(first, resources);
    const all = await graphRequests();
    const writes = all.filter((r) => r.method !== "GET");
    // Every set and flow is read once (a PATCHed flow once more: Graph answers 204, without the flow); sets are never written.
    expect(all.filter((r) => r.method === "GET").map((r) => r.path).sort()).toEqual([...entityPaths(), ...writes.map((w) => w.path)].sort());
    expect(await setsView()).toEqual(setsBefore);
    // Graph never returns a password, so the provider cannot know the tenant's already matches: it sends it.
    const userFlowsWithPasswords = seeded.flowSets
      .flatMap((s) => s.flows.map((f) => ({ set: s.id, flow: f })))
      .filter(({ flow }) => flow.creationOptions?.configurations?.some((c) => c.defaultPasswordSettings?.passwordHash));
    expect(writes.map((w) => `${w.method} ${w.path}`).sort()).toEqual(
      userFlowsWithPasswords
        .map(({ set, flow }) => `PATCH /beta/external/industryData/outboundProvisioningFlowSets/${set}/provisioningFlows/${flow.id}`)
        .sort(),
    );
    expect(summary.plan.secretHolders).toHaveLength(userFlowsWithPasswords.length);
    // What Graph answers is the same as before, apart from the PATCHed flows' timestamps and readiness.
    const patched = new Set(userFlowsWithPasswords.map(({ flow }) => flow.id));
    expect(withoutWriteMarks(await graphView(setIds), patched)).toEqual(withoutWriteMarks(before, patched));
    // And the passwords the tenant holds are the configured ones (the emulator keeps salted hashes): every
    // seeded password is checked, and is still there.
    const after = await admin<TenantState>("GET", "state");
    const checked: string[] = [];
    for (const set of after.flowSets) {
      for (const flow of set.flows) {
        for (const c of flow.creationOptions?.configurations ?? []) {
          const hash = c.defaultPasswordSettings?.passwordHash;
          if (hash === undefined) continue;
          expect({ at: `${set.displayName}/${c.roleGroupId}`, matches: passwordMatches(hash, seededPasswords[set.displayName][c.roleGroupId]) }).toEqual({
            at: `${set.displayName}/${c.roleGroupId}`,
            matches: true,
          });
          checked.push(`${set.displayName}/${c.roleGroupId}`);
        }
      }
    }
    const seededCount = Object.values(seededPasswords).reduce((n, byRoleGroup) => n + Object.keys(byRoleGroup).length, 0);
    expect(seededCount).toBeGreaterThan(0);
    expect(checked).toHaveLength(seededCount);

    await admin("DELETE", "requests");
    const second = await Promise.all(first.map(({ engine }, i) => engine.up(resources[i].inputs)));
    expect(second.map((r) => r.diff?.changes)).toEqual(resources.map(() => "DIFF_NONE"));
    expect(await graphRequests()).toEqual([]);
  });

  test("the generated program type-checks against the package's published types", async () => {
    const folder = path.join(program.dir, "typecheck");
    await exportInto(folder, "config");
    const tsc = path.join(repoRoot(), "node_modules", "typescript", "bin", "tsc");
    await expect(promisify(execFile)(process.execPath, [tsc, "--noEmit", "-p", folder])).resolves.toBeDefined();
  });
});

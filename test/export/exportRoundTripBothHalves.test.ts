/**
 * The export round trip of a tenant holding both halves (inbound: source systems, connectors, years, inbound
 * flows, a tenant-defined reference definition; outbound: the varied flow sets and flows), through the real
 * dynamic-provider host, as exportRoundTrip.test.ts does for the outbound half: the generated program adopts
 * everything by id, wires bindings by reference, and its first `up` sends no PATCH except the declared secrets,
 * each sent once (a PATCH per user flow with a password, and the OneRoster connector's whole credential); a
 * second `up` sends nothing.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { promisify } from "util";
import { passwordMatches, startEmulator, type LoggedRequest, type TenantState } from "../../emulator";
import { resolveProviderConfig } from "../../provider/config";
import { createGraphClient } from "../../provider/graph";
import { exportTenant, type ExportSummary } from "../../provider/cli/exportTenant";
import { entityCollections } from "../../provider/cli/readTenant";
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
import { exportedInboundCount, seedInboundTenant, seededClientSecrets, type SeededInbound } from "./inboundTenant";
import { seedVariedTenant, seededPasswords, variedTenant, variedTenantFlowCount } from "./variedTenant";
import { TEST_TOKENS } from "../support/testSecrets";

const TOKEN = TEST_TOKENS.exportRoundTrip;
const ROOT = "/beta/external/industryData";

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

let emulator: Emulator;
let program: ProgramDir;
let host: ProviderHost;
let inbound: SeededInbound;
let summary: ExportSummary;
let folder: string;

async function admin<T>(method: string, p: string): Promise<T> {
  const res = await fetch(`${emulator.adminUrl}/${p}`, { method });
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function graphRequests(): Promise<LoggedRequest[]> {
  const all = await admin<LoggedRequest[] | { value: LoggedRequest[] }>("GET", "requests");
  return (Array.isArray(all) ? all : all.value).filter((r) => r.path.startsWith("/beta/"));
}

/** The value the admin gives each secret key the export asks for (`pulumi config set --secret`). */
function secretValue(s: ExportSummary["plan"]["secrets"][number]): string {
  return s.property === "password" ? seededPasswords[s.owner][s.element!] : seededClientSecrets[s.owner];
}

async function registeredResources(): Promise<RegisteredResource[]> {
  const config = Object.fromEntries(summary.plan.secrets.map((s) => [`${summary.project}:${s.key}`, secretValue(s)]));
  const source = fs.readFileSync(path.join(folder, "index.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  fs.writeFileSync(path.join(folder, "index.js"), outputText);
  return serializeResources({
    cwd: folder,
    program: "./index.js",
    project: summary.project,
    stack: "adopt",
    env: { PULUMI_CONFIG: JSON.stringify(config), PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(Object.keys(config)) },
  });
}

/**
 * The tenant without what a PATCH changes on the server's side: timestamps, readiness, a secret's salted hash,
 * and a null the emulator now stores where it stored nothing (Graph answers both alike).
 */
function withoutWriteMarks(state: TenantState): unknown {
  return JSON.parse(
    JSON.stringify(state, (key, value) =>
      ["lastModifiedDateTime", "readinessStatus", "clientSecretHash", "passwordHash"].includes(key) ? "(write mark)" : value === null ? undefined : value,
    ),
  );
}

beforeAll(async () => {
  const runtime = path.join(repoRoot(), "dist", "provider", "dynamic", "runtime.js");
  if (!fs.existsSync(runtime)) throw new Error(`${runtime} is missing: run \`npm run build\` first (npm test does)`);
  emulator = await startEmulator({ staticToken: TOKEN });
  await seedVariedTenant({ graphUrl: emulator.graphUrl, token: TOKEN });
  inbound = await seedInboundTenant({ graphUrl: emulator.graphUrl, token: TOKEN });
  program = makeProgramDir({
    prefix: "industrydata-export-both-",
    packages: [
      { name: "pulumi-industrydata", from: repoRoot(), mode: "symlink" },
      { name: "@types/node", from: path.join(repoRoot(), "node_modules", "@types", "node"), mode: "symlink" },
    ],
  });
  folder = path.join(program.dir, "both");
  const config = resolveProviderConfig((key) => ({ "industrydata:graphEndpoint": emulator.graphUrl, "industrydata:accessToken": TOKEN })[key], {});
  const client = createGraphClient(config, { env: {} });
  await admin("DELETE", "requests");
  summary = await exportTenant({ client, graphEndpoint: config.graphEndpoint, outDir: folder }).finally(() => client.close());
  host = await startProviderHost({
    cwd: program.dir,
    config: { "industrydata:graphEndpoint": emulator.graphUrl, "industrydata:accessToken": secret(TOKEN) },
    env: Object.fromEntries(Object.keys(process.env).filter((k) => /^(INDUSTRYDATA_|AZURE_)/.test(k)).map((k) => [k, undefined])),
  });
});

afterAll(async () => {
  await host?.stop();
  await emulator?.stop();
  program?.remove();
});

describe("export -> adopt round trip of a tenant holding both halves", () => {
  test("the export lists each inbound collection once, bindings $expanded in the same list, besides the outbound lists", async () => {
    const requests = await graphRequests();
    expect(requests.every((r) => r.method === "GET")).toBe(true);
    const inboundLists = requests.filter((r) => !r.path.includes("outboundProvisioningFlowSets"));
    expect(inboundLists.map((r) => `${r.path}${r.query.$expand ? `?$expand=${r.query.$expand}` : ""}`).sort()).toEqual(
      entityCollections().map((c) => `/beta${c.path}`).sort(),
    );
    expect(requests).toHaveLength(1 + variedTenant().length + entityCollections().length);
    expect([summary.entities, summary.flowSets, summary.flows]).toEqual([exportedInboundCount, variedTenant().length, variedTenantFlowCount]);
  });

  test("bindings are references to the bound resources' outputs, never literal ids, so the engine orders them", () => {
    const text = fs.readFileSync(path.join(folder, "index.ts"), "utf8");
    expect(text).toMatch(/sourceSystemId: contosoSisSourceSystem\.sourceSystemId,/);
    expect(text).toMatch(/dataConnectorId: sisOneRosterOnerosterConnector\.dataConnectorId,\n  yearId: schoolYear202627Year\.yearId,/);
    for (const id of [...Object.values(inbound.sourceSystems), ...Object.values(inbound.connectors), ...Object.values(inbound.years)]) {
      // each id appears exactly once: as the adopt argument of its own resource
      expect([id, text.split(`"${id}"`).length - 1]).toEqual([id, 1]);
    }
    // Bound resources are declared before what binds to them.
    const at = (v: string) => text.indexOf(`const ${v} =`);
    expect(at("contosoSisSourceSystem")).toBeLessThan(at("csvNightlyUploadProcessExit1CsvConnector"));
    expect(at("csvNightlyUploadProcessExit1CsvConnector")).toBeLessThan(at("rostering202526InboundFileFlow"));
    expect(at("schoolYear202526Year")).toBeLessThan(at("rostering202526InboundFileFlow"));
  });

  test("client secrets become secret config keys (never written), like passwords; built-in and disabled reference definitions are not exported", () => {
    expect(summary.plan.secrets.map((s) => `${s.owner}/${s.element ?? s.property}`).sort()).toEqual([
      "North High School/staff",
      "North High School/students",
      "SIS OneRoster/clientSecret",
      "South Middle/students",
    ]);
    const text = fs.readFileSync(path.join(folder, "index.ts"), "utf8");
    expect(text).toContain('clientSecret: config.requireSecret("sisOneRosterClientSecret"),');
    expect(text).toContain("pulumi config set --secret sisOneRosterClientSecret   # clientSecret of data connector \"SIS OneRoster\"");
    expect(fs.readFileSync(path.join(folder, "Pulumi.yaml"), "utf8")).toContain("  sisOneRosterClientSecret:\n    type: string\n    secret: true\n");
    const written = fs.readdirSync(folder).map((f) => fs.readFileSync(path.join(folder, f), "utf8")).join("\n");
    expect(written).not.toContain(seededClientSecrets["SIS OneRoster"]);
    expect(written).not.toContain("isValid");
    expect(summary.plan.entities.filter((e) => e.kind === "referenceDefinition").map((e) => e.id)).toEqual(["RefGradeLevel-PK3"]);
    // A source system's role groups are never returned: its settings are left unmanaged, the note says what is held.
    const contoso = summary.plan.entities.find((e) => e.id === inbound.sourceSystems.contoso)!;
    expect(contoso.args).not.toHaveProperty("userMatchingSettings");
    expect(contoso.notes.join("\n")).toMatch(/userMatchingSettings left undeclared \(unmanaged\).*"priorityOrder":0/);
  });

  test("first up: everything adopted; the only PATCHes are the declared secrets, each sent once; a second up sends nothing", async () => {
    const resources = await registeredResources();
    expect(resources).toHaveLength(exportedInboundCount + variedTenant().length + variedTenantFlowCount);
    const before = await admin<TenantState>("GET", "state");
    await admin("DELETE", "requests");
    const first = await Promise.all(
      resources.map(async (r) => {
        const engine = new EngineResource(host, r.urn);
        const result = await engine.up(r.inputs);
        if (result.failures.length > 0) throw new Error(`${r.name}: check failed: ${JSON.stringify(result.failures)}`);
        return { engine, op: result.op };
      }),
    );
    expect(first.map((r) => r.op)).toEqual(resources.map(() => "create"));
    const writes = (await graphRequests()).filter((r) => r.method !== "GET");
    const userFlowsWithPasswords = before.flowSets.flatMap((s) =>
      s.flows
        .filter((f) => (f as { creationOptions?: { configurations?: { defaultPasswordSettings?: unknown }[] } }).creationOptions?.configurations?.some((c) => c.defaultPasswordSettings))
        .map((f) => `PATCH /beta/external/industryData/outboundProvisioningFlowSets/${s.id}/provisioningFlows/${f.id}`),
    );
    expect(writes.map((w) => `${w.method} ${w.path}`).sort()).toEqual(
      [...userFlowsWithPasswords, `PATCH ${ROOT}/dataConnectors/${inbound.connectors.oneRoster}`].sort(),
    );
    expect(summary.plan.secretHolders).toHaveLength(writes.length);
    // The connector's PATCH resends the whole credential (the secret redacted in the log), and nothing else.
    const connectorPatch = writes.find((w) => w.path.endsWith(inbound.connectors.oneRoster))!;
    expect(Object.keys(connectorPatch.body as object).filter((k) => !k.startsWith("@")).sort()).toEqual(["credential"]);
    expect(Object.keys((connectorPatch.body as { credential: object }).credential).sort()).toEqual(
      expect.arrayContaining(["clientId", "clientSecret", "displayName", "tokenUrl"]),
    );
    // The tenant is as before apart from the write marks, and holds the configured secrets.
    const after = await admin<TenantState>("GET", "state");
    expect(withoutWriteMarks(after)).toEqual(withoutWriteMarks(before));
    const connector = after.dataConnectors.find((c) => c.id === inbound.connectors.oneRoster) as unknown as { credential: { clientSecretHash: string } };
    expect(passwordMatches(connector.credential.clientSecretHash, seededClientSecrets["SIS OneRoster"])).toBe(true);

    await admin("DELETE", "requests");
    const second = await Promise.all(first.map(({ engine }, i) => engine.up(resources[i].inputs)));
    expect(second.map((r) => r.diff?.changes)).toEqual(resources.map(() => "DIFF_NONE"));
    expect(await graphRequests()).toEqual([]);
  });

  test("the generated program type-checks against the package's published types (hostile display names included)", async () => {
    const tsc = path.join(repoRoot(), "node_modules", "typescript", "bin", "tsc");
    await expect(promisify(execFile)(process.execPath, [tsc, "--noEmit", "-p", folder])).resolves.toBeDefined();
  });
});

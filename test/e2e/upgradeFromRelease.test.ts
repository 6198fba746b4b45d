/**
 * A stack written by the previous release keeps working with this one (issue 20), through the real `pulumi`
 * command on a file backend against the emulator, for both front ends' resources (test/e2e/fixtures/
 * upgradeFromRelease: the state, the stack config and the tenant the release left):
 * - the dynamic resources in both layouts: "installed" (`__provider` requires
 *   `pulumi-industrydata/dist/provider/resources/shims/<key>.js` of the installed package: those modules must
 *   stay at that path) and "linked" (inlined closures requiring `pulumi-industrydata/runtime`: the package
 *   export must keep that name);
 * - the provider plugin's resources (Pulumi YAML).
 * Each stack is imported into a fresh backend with the current code, then: `preview --refresh` shows no change
 * and writes nothing; an `up` with one change (the flow set renamed) sends exactly one PATCH; `destroy` removes
 * every entity of the stack from the tenant. Every run's output and the backend are leak-scanned (pulumiRoutes.ts).
 *
 * Without a built CLI (npm run pulumi:install) the tests are skipped locally, saying so, and fail in CI.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { prepareProgram, type ProgramFolder } from "../../bench/programLayout";
import { startEmulator } from "../../emulator";
import { TEST_KEYS } from "../support/testSecrets";
import { CLI_TOOLS, describeWithCli, pulumiCommand, pulumiRoutes, type Operation, type PulumiRoute, type RunResult } from "./pulumiRoutes";
import { repoRoot } from "./rootProjectCopy";
import { pluginDir, writes, type LoggedRequest } from "./yamlProgram";

const PASSPHRASE = TEST_KEYS.upgradePassphrase;
/** The emulator token the fixture's stack config sends (the public demo token). */
const TOKEN = "industrydata-dev-token";
/** The endpoint the fixture was made against (make.js); re-pointed at this run's emulator. */
const FIXTURE_ENDPOINT = "http://127.0.0.1:7992/beta";
const STACK = "upgrade";
const fixtureDir = path.join(repoRoot, "test", "e2e", "fixtures", "upgradeFromRelease");

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
}
interface TenantEntity {
  id: string;
}
type Tenant = Record<"flowSets" | "sourceSystems" | "dataConnectors", TenantEntity[]>;

/** What a stack of the fixture is, and how its program folder is laid out with the current code. */
interface StackCase {
  name: "dynamic" | "yaml";
  /** The program folder with the current code: the fixture's program files are copied into it. */
  program(): { dir: string; remove(): void };
  /** Environment the program needs. */
  env: Record<string, string>;
  /** The resource whose displayName `setName` renames. */
  renamed: string;
}

const installedShim = /require\("pulumi-industrydata\/dist\/provider\/resources\/shims\/\w+\.js"\)/;
const linkedRuntime = 'require("pulumi-industrydata/runtime")';

const cases: StackCase[] = [
  {
    name: "dynamic",
    program: () => {
      // The package installed as a copy of what is published (the installed layout's shims resolve in it);
      // the linked layout loads this repository's dist from its path.
      const folder: ProgramFolder = prepareProgram("installed");
      return { dir: folder.dir, remove: folder.remove };
    },
    env: { INDUSTRYDATA_LINKED_PACKAGE: path.join(repoRoot, "dist", "provider") },
    renamed: "installed-set",
  },
  {
    name: "yaml",
    program: () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-upgrade-yaml-"));
      return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
    env: {},
    renamed: "plugin-set",
  },
];

describeWithCli(
  "a stack written by the previous release (0.1.0), imported with this one: refresh shows nothing, one change is one PATCH, destroy works",
  () => {
    let emulator: Emulator;

    beforeAll(async () => {
      emulator = await startEmulator({ port: 0, staticToken: TOKEN, quiet: true });
      const tenant = await fetch(`${emulator.adminUrl}/state`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: fs.readFileSync(path.join(fixtureDir, "tenant.json")),
      });
      expect(tenant.status).toBeLessThan(300);
    });

    afterAll(async () => {
      await emulator?.stop();
    });

    async function tenant(): Promise<Tenant> {
      return (await (await fetch(`${emulator.adminUrl}/state`)).json()) as Tenant;
    }

    describe.each(cases.map((c) => [c.name, c] as const))("%s", (_name, stackCase) => {
      let program: { dir: string; remove(): void };
      let route: PulumiRoute;
      let pulumi: (args: string[], env?: Record<string, string>) => Promise<RunResult>;
      let imported: StateResource[];

      beforeAll(async () => {
        program = stackCase.program();
        const { dir } = program;
        const repoint = (text: string) => text.split(FIXTURE_ENDPOINT).join(emulator.graphUrl);
        const source = path.join(fixtureDir, stackCase.name);
        for (const file of fs.readdirSync(source)) fs.writeFileSync(path.join(dir, file), repoint(fs.readFileSync(path.join(source, file), "utf8")));
        if (stackCase.name === "yaml") {
          const programFile = path.join(dir, "Pulumi.yaml");
          fs.writeFileSync(programFile, fs.readFileSync(programFile, "utf8").replace(/^(\s+path:\s*)\S+\s*$/m, `$1${pluginDir}`));
        }
        fs.writeFileSync(path.join(dir, "stack.json"), repoint(fs.readFileSync(path.join(fixtureDir, `${stackCase.name}.stack.json`), "utf8")));
        const stateDir = path.join(dir, ".pulumi-state");
        route = pulumiRoutes({ dir, stateDir, stack: STACK, passphrase: PASSPHRASE }).cli;
        pulumi = pulumiCommand({ dir, stateDir, passphrase: PASSPHRASE });
        await expectSuccess(await route.init(), "stack init");
        await expectSuccess(await pulumi(["stack", "import", "--stack", STACK, "--file", "stack.json"]), "stack import");
        imported = await resourcesInState();
      });

      afterAll(() => program?.remove());

      async function expectSuccess(result: RunResult | undefined, what: string): Promise<RunResult> {
        if (result && result.code !== 0) throw new Error(`pulumi ${what} failed (exit ${result.code}):\n${result.output}`);
        return result!;
      }

      /** Runs one operation with a fresh request log; returns its output and the requests that wrote. */
      async function step(operation: Operation): Promise<{ output: string; writes: string[] }> {
        await fetch(`${emulator.adminUrl}/requests`, { method: "DELETE" });
        const result = await expectSuccess(await route.run({ ...operation, env: { ...stackCase.env, ...operation.env } }), operation.op);
        const requests = (await (await fetch(`${emulator.adminUrl}/requests`)).json()) as LoggedRequest[];
        return { output: result.output, writes: writes(requests) };
      }

      async function resourcesInState(): Promise<StateResource[]> {
        const exported = await expectSuccess(await pulumi(["stack", "export", "--stack", STACK]), "stack export");
        const resources = (JSON.parse(exported.output) as { deployment: { resources?: StateResource[] } }).deployment.resources ?? [];
        return resources.filter((r) => !r.type.startsWith("pulumi:"));
      }

      const nameOf = (r: StateResource) => r.urn.split("::").pop()!;

      test("the imported state is the release's: every resource, each with the serialized provider of its layout", () => {
        const layouts = Object.fromEntries(
          imported.map((r) => {
            const provider = r.inputs?.__provider;
            const layout = typeof provider !== "string" ? "plugin" : installedShim.test(provider) ? "installed" : provider.includes(linkedRuntime) ? "linked" : "unknown";
            return [nameOf(r), layout];
          }),
        );
        expect(layouts).toEqual(
          stackCase.name === "dynamic"
            ? { "installed-set": "installed", "installed-users": "installed", "linked-set": "linked", "linked-groups": "linked", "linked-sis": "linked", "linked-oneroster": "linked" }
            : { "plugin-set": "plugin", "plugin-users": "plugin", "plugin-sis": "plugin", "plugin-oneroster": "plugin" },
        );
      });

      test("preview --refresh: no change, nothing written", async () => {
        const preview = await step({ op: "preview", refresh: true, expectNoChanges: true, diff: true });
        expect(preview.writes).toEqual([]);
        // Every resource of the stack (and the stack itself) unchanged, none to update, replace, create or delete.
        expect(preview.output).toMatch(new RegExp(`Resources:\\s+${imported.length + 1} unchanged\\s*$`));
      });

      test("an up with one change (the flow set renamed) sends one PATCH, to that set", async () => {
        const set = imported.find((r) => nameOf(r) === stackCase.renamed)!;
        await expectSuccess(await pulumi(["config", "set", "--stack", STACK, "setName", `Upgrade: ${stackCase.renamed} renamed`]), "config set");
        const up = await step({ op: "up" });
        expect(up.writes).toEqual([`PATCH /beta/external/industryData/outboundProvisioningFlowSets/${set.id}`]);
        expect(up.output).toMatch(/1 updated/);
        const renamed = (await tenant()).flowSets.find((s) => s.id === set.id) as unknown as { displayName: string };
        expect(renamed.displayName).toBe(`Upgrade: ${stackCase.renamed} renamed`);
      });

      test("destroy removes every entity of the stack from the tenant", async () => {
        await step({ op: "destroy" });
        expect(await resourcesInState()).toEqual([]);
        const ids = new Set(imported.map((r) => r.id));
        const left = await tenant();
        const remaining = [...left.flowSets, ...left.sourceSystems, ...left.dataConnectors].filter((e) => ids.has(e.id)).map((e) => e.id);
        expect(remaining).toEqual([]);
      });
    });
  },
  { tools: [...new Set([...CLI_TOOLS.nodejs, ...CLI_TOOLS.yaml])] },
);

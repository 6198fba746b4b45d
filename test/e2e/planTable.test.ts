/**
 * Plans a reviewer can read (issue 11), through the real `pulumi` command on a file backend against the
 * emulator, on the stack of test/e2e/planProject:
 * - the stack as the previous release wrote it (imported, then previewed and `up`, in beforeAll) (test/e2e/fixtures/stateFromRelease: a user flow's whole
 *   creationOptions secret, password in place) upgrades on the next `up`: no change previewed, no request
 *   that writes, outputs (password hashes included) untouched, and the inputs rewritten with only the
 *   password secret;
 * - then one row per kind of edit: the program's PLAN_TABLE_EDITS=1 variant applies every row's edit at once,
 *   each to its own resource, so one `preview --diff` and one short `preview` cover the table: each row reads
 *   its resource's block (property path and old => new) and its short line (`[diff: ~property]`).
 * Every run's output is leak-scanned (pulumiRoutes.ts); the rows also check the passwords never show.
 *
 * Without a built CLI (npm run pulumi:install) the tests are skipped locally, saying so, and fail in CI.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator } from "../../emulator";
import { secretMarker } from "../../provider/dynamic/liftSecrets";
import { TEST_PASSWORDS } from "../support/testSecrets";
import { describeWithCli, pulumiCommand, pulumiRoutes, type Operation, type PulumiRoute, type RunResult } from "./pulumiRoutes";
import { repoRoot } from "./rootProjectCopy";

/** The dev stack's public passphrase, under which the fixture's and Pulumi.plan.yaml's secrets are encrypted. */
const PASSPHRASE = "industrydata-dev";
/** The emulator token the fixture's stack config sends (the dev stack's public demo token). */
const TOKEN = "industrydata-dev-token";
/** The endpoint the fixture was made against; re-pointed at this run's emulator. */
const FIXTURE_ENDPOINT = "http://127.0.0.1:7991/beta";

const projectDir = path.join(repoRoot, "test", "e2e", "planProject");
const fixtureDir = path.join(repoRoot, "test", "e2e", "fixtures", "stateFromRelease");
/** Pulumi's secret envelope key: a value holding it is encrypted in the state file. */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const EDITS = { PLAN_TABLE_EDITS: "1" };

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
interface LoggedRequest {
  method: string;
  path: string;
}
interface StateResource {
  urn: string;
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** One row: the resource it edits, what its block of `preview --diff` shows, and its short `preview` line. */
interface Row {
  edit: string;
  resource: string;
  shows: RegExp[];
  short: string;
}

const rows: Row[] = [
  { edit: "user flow createUnmatchedUsers", resource: "users-create-unmatched", shows: [/~ createUnmatchedUsers: true => false/], short: "[diff: ~createUnmatchedUsers]" },
  { edit: "studentAgeGroup", resource: "users-age-group", shows: [/~ studentAgeGroup\s*: "minor" => "notAdult"/], short: "[diff: ~managementOptions]" },
  { edit: "an additional attribute added", resource: "users-attribute-added", shows: [/~ additionalAttributes: \[/, /\+ \[1\]: "userNumber"/], short: "[diff: ~managementOptions]" },
  { edit: "an additional attribute removed", resource: "users-attribute-removed", shows: [/~ additionalAttributes: \[/, /- \[1\]: "userNumber"/], short: "[diff: ~managementOptions]" },
  {
    edit: "one configuration's licenseSkus, on a flow with a password",
    resource: "users-license",
    shows: [/~ creationOptions\s*: \{/, /~ licenseSkus\s*: \[\s*~ \[0\]: "M365EDU_A3_STUUSEBNFT" => "M365EDU_A1_STUDENT"\s*\]\s*roleGroupId\s*: "students"/],
    short: "[diff: ~creationOptions]",
  },
  {
    edit: "a configuration added (students, with a password) and one removed (staff)",
    resource: "users-configurations",
    shows: [/~ roleGroupId\s*: "staff" => "students"/, /\+ defaultPasswordSettings: \{/, /\+ password\s*: "\[secret #1\]"/, /\+ defaultPasswords\s*: \[secret\]/],
    short: "[diff: +defaultPasswords~creationOptions]",
  },
  {
    edit: "the students password rotated (named, value never printed)",
    resource: "users-password",
    shows: [/~ defaultPasswordSettings: \{[^}]*~ password\s*: "\[secret #1\]" => "\[secret #2\]"/, /roleGroupId\s*: "students"/],
    short: "[diff: ~creationOptions]",
  },
  {
    edit: "class-group createTeam and an enrollment mapping added",
    resource: "classes",
    shows: [/~ createTeam\s*: true => false/, /~ ownerEnrollmentMappings : \[/, /\+ code\s*: "teacherAssistant"/],
    short: "[diff: ~configuration]",
  },
  { edit: "security-group creation options", resource: "security-groups", shows: [/~ createBasedOnOrgPlusRoleGroup: false => true/], short: "[diff: ~creationOptions]" },
  { edit: "admin-unit creation options", resource: "admin-units", shows: [/~ createBasedOnOrg\s*: true => false/], short: "[diff: ~creationOptions]" },
  {
    edit: "flow-set displayName and filter in",
    resource: "groups",
    shows: [/~ displayName: "Plan table: groups" => "Plan table: groups \(renamed\)"/, /~ in\s*: \[\s*\[0\]: "north-high"\s*\+ \[1\]: "south-middle"/],
    short: "[diff: ~displayName,filter]",
  },
];
/** Normalisation-only edits (order, case of codes and role-group ids): no block, no line. */
const unchanged = ["users-reorder", "classes-reorder"];

/** A state value with each encrypted secret replaced by "[secret]". */
function secretsMasked(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_key, v) => (v !== null && typeof v === "object" && SECRET_SIG_KEY in v ? "[secret]" : v));
}

/** The blocks of `preview --diff` output by resource name (the last part of the URN line under each header). */
function blocksByResource(output: string): Map<string, string> {
  const blocks = new Map<string, string>();
  const parts = output.split(/\n(?=\s*[~+-]? *[\w-]+:[\w/-]+:\w+: \()/);
  for (const part of parts) {
    const urn = /\[urn=urn:pulumi:[^\]]*::([^:\]]+)\]/.exec(part);
    if (urn) blocks.set(urn[1], part);
  }
  return blocks;
}

describeWithCli("plans a reviewer can read: a stack from the previous release upgrades, then every edit is named", () => {
  let emulator: Emulator;
  let dir: string;
  let route: PulumiRoute;
  let pulumi: (args: string[], env?: Record<string, string>) => Promise<RunResult>;
  let imported: StateResource[];
  let upgradePreview: Awaited<ReturnType<typeof step>>;
  let upgrade: Awaited<ReturnType<typeof step>>;

  beforeAll(async () => {
    emulator = await startEmulator({ staticToken: TOKEN });
    const tenant = await fetch(`${emulator.adminUrl}/state`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: fs.readFileSync(path.join(fixtureDir, "tenant.json")),
    });
    expect(tenant.status).toBeLessThan(300);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-plan-table-"));
    for (const file of ["Pulumi.yaml", "index.ts", "tsconfig.json"]) fs.copyFileSync(path.join(projectDir, file), path.join(dir, file));
    const repoint = (text: string) => text.split(FIXTURE_ENDPOINT).join(emulator.graphUrl);
    fs.writeFileSync(path.join(dir, "Pulumi.plan.yaml"), repoint(fs.readFileSync(path.join(projectDir, "Pulumi.plan.yaml"), "utf8")));
    fs.writeFileSync(path.join(dir, "stack.json"), repoint(fs.readFileSync(path.join(fixtureDir, "stack.json"), "utf8")));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "industrydata-plan-table", private: true }));
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
    const stateDir = path.join(dir, ".pulumi-state");
    route = pulumiRoutes({ dir, stateDir, stack: "plan", passphrase: PASSPHRASE }).cli;
    pulumi = pulumiCommand({ dir, stateDir, passphrase: PASSPHRASE });
    await expectSuccess(await route.init(), "stack init");
    await expectSuccess(await pulumi(["stack", "import", "--stack", "plan", "--file", "stack.json"]), "stack import");
    // The upgrade, as a user of the new release runs it: every later step starts from its state.
    imported = await userFlowsInState();
    upgradePreview = await step({ op: "preview", diff: true, expectNoChanges: true });
    upgrade = await step({ op: "up" });
  });

  afterAll(async () => {
    await emulator?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function expectSuccess(result: RunResult | undefined, what: string): Promise<RunResult> {
    if (result && result.code !== 0) throw new Error(`pulumi ${what} failed (exit ${result.code}):\n${result.output}`);
    return result!;
  }

  /** Runs one operation with a fresh request log; returns its output and the requests that wrote. */
  async function step(operation: Operation): Promise<{ output: string; writes: string[] }> {
    await fetch(`${emulator.adminUrl}/requests`, { method: "DELETE" });
    const started = Date.now();
    const result = await expectSuccess(await route.run({ transpileOnly: true, ...operation }), `${operation.op} ${JSON.stringify(operation.env ?? {})}`);
    console.log(`e2e planTable: ${operation.op}${operation.diff ? " --diff" : ""}${operation.env ? " (edits)" : ""} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const requests = (await (await fetch(`${emulator.adminUrl}/requests`)).json()) as LoggedRequest[];
    return { output: result.output, writes: requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`) };
  }

  async function userFlowsInState(): Promise<StateResource[]> {
    const exported = await expectSuccess(await pulumi(["stack", "export", "--stack", "plan"]), "stack export");
    const resources = (JSON.parse(exported.output) as { deployment: { resources: StateResource[] } }).deployment.resources;
    return resources.filter((r) => r.type.endsWith(":UserProvisioningFlow"));
  }

  test("state from the previous release: no change previewed, nothing written on up, outputs untouched; then only the password is secret", async () => {
    const before = imported;
    expect(before).toHaveLength(8);
    // The previous release's shape: the whole creationOptions secret when it declared a password (every flow
    // but users-configurations, whose baseline is staff only), no secret input of its own.
    const withPassword = before.filter((flow) => SECRET_SIG_KEY in (flow.inputs!.creationOptions as object)).map((flow) => flow.urn);
    expect(withPassword).toHaveLength(7);
    expect(before.every((flow) => !("defaultPasswords" in flow.inputs!))).toBe(true);

    expect(upgradePreview.writes).toEqual([]);
    expect(upgrade.writes).toEqual([]);
    expect(upgrade.output).toMatch(/22 unchanged/);

    const after = await userFlowsInState();
    // Every flow of the previous release's state is still there (the loop below checks each one).
    expect(after.map((flow) => flow.urn).sort()).toEqual(before.map((flow) => flow.urn).sort());
    for (const flow of after) {
      const previous = before.find((b) => b.urn === flow.urn)!;
      // The outputs are the ones the previous release stored (secrets are re-encrypted on every save, with a new
      // nonce, so they compare as secrets). That the stored hashes still match the declared passwords is the
      // reorder row below: users-reorder declares the same password, and a mismatch would make it change.
      expect({ flow: flow.urn, outputs: secretsMasked(flow.outputs) }).toEqual({ flow: flow.urn, outputs: secretsMasked(previous.outputs) });
      const inputs = flow.inputs!;
      if (!withPassword.includes(flow.urn)) {
        expect({ flow: flow.urn, inputs: Object.keys(inputs).sort() }).toEqual({ flow: flow.urn, inputs: expect.not.arrayContaining(["defaultPasswords"]) });
        continue;
      }
      expect({ flow: flow.urn, creationOptionsSecret: SECRET_SIG_KEY in (inputs.creationOptions as object), passwordsSecret: SECRET_SIG_KEY in (inputs.defaultPasswords as object) }).toEqual({
        flow: flow.urn,
        creationOptionsSecret: false,
        passwordsSecret: true,
      });
      // The password's place holds its revision marker: the same password as before the upgrade is revision 1.
      expect(JSON.stringify(inputs.creationOptions)).toContain(`"password":${JSON.stringify(secretMarker(1))}`);
    }
  });

  describe("one edit per row, each named at property level in `preview --diff` and in the short `preview`", () => {
    let blocks: Map<string, string>;
    let shortLines: string[];

    beforeAll(async () => {
      const detailed = await step({ op: "preview", diff: true, env: EDITS });
      const short = await step({ op: "preview", env: EDITS });
      expect([...detailed.writes, ...short.writes]).toEqual([]);
      blocks = blocksByResource(detailed.output);
      shortLines = short.output.split("\n");
      for (const output of [detailed.output, short.output]) {
        expect(output).not.toContain(TEST_PASSWORDS.planStudent);
        expect(output).not.toContain(TEST_PASSWORDS.planStudentRotated);
      }
    });

    test.each(rows.map((row) => [row.edit, row] as const))("%s", (_edit, row) => {
      const block = blocks.get(row.resource);
      expect(block).toBeDefined();
      for (const shown of row.shows) expect({ resource: row.resource, shows: shown.test(block!) ? "yes" : block }).toEqual({ resource: row.resource, shows: "yes" });
      const line = shortLines.find((l) => new RegExp(`:\\w+ ${row.resource} update`).test(l));
      expect({ resource: row.resource, line: line?.trim() }).toEqual({ resource: row.resource, line: expect.stringContaining(`${row.resource} update ${row.short}`) });
    });

    test("a reorder-only edit (order of SKUs, attributes, configurations and codes; case of codes and role-group ids) prints no change", () => {
      for (const resource of unchanged) {
        expect({ resource, block: blocks.get(resource) }).toEqual({ resource, block: undefined });
        expect(shortLines.filter((l) => new RegExp(`:\\w+ ${resource} `).test(l))).toEqual([]);
      }
      // Control: every other edited resource did print.
      expect(rows.every((row) => blocks.has(row.resource))).toBe(true);
    });
  });
});

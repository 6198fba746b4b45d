/**
 * The full-district example run by the real Pulumi CLI against the emulator, from a copy of the example (stack
 * init writes Pulumi.<stack>.yaml into the project): up creates every set and flow with the declared settings,
 * a second preview finds no change, destroy removes what it created. Without the CLI: skipped locally, failing in CI (describeWithCli).
 */
import * as fs from "fs";
import * as path from "path";
import { startEmulator } from "../../emulator";
import { makeProgramDir, repoRoot, type ProgramDir } from "../harness";
import { describeWithCli } from "../e2e/pulumiRoutes";
import { outcome, pulumiRunner, type CliRun } from "./pulumiCli";
import { TEST_PASSWORDS, TEST_TOKENS } from "../support/testSecrets";

const TOKEN = TEST_TOKENS.examplesCli;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
interface Flow {
  kind: string;
  managementOptions?: { additionalOptions?: { studentAgeGroup?: string | null } };
  configuration?: { additionalOptions?: { createTeam?: boolean } };
}
interface TenantState {
  flowSets: { displayName: string; filter: { in: string[] } | null; flows: Flow[] }[];
}

let emulator: Emulator;
let program: ProgramDir;
let pulumi: (args: string[]) => Promise<CliRun>;

async function tenant(): Promise<TenantState> {
  return (await (await fetch(`${emulator.adminUrl}/state`)).json()) as TenantState;
}

describeWithCli("examples/full-district through the real Pulumi CLI", () => {
  beforeAll(async () => {
    emulator = await startEmulator({ staticToken: TOKEN });
    program = makeProgramDir({ prefix: "industrydata-example-", packages: [{ name: "pulumi-industrydata", from: repoRoot(), mode: "symlink" }] });
    const folder = path.join(program.dir, "full-district");
    fs.cpSync(path.join(repoRoot(), "examples", "full-district"), folder, { recursive: true });
    pulumi = pulumiRunner({ cwd: folder, stateDir: path.join(program.dir, "state") });
  });

  afterAll(async () => {
    await emulator?.stop();
    program?.remove();
  });

  test("up creates the district as declared, preview then finds no change, destroy removes it", async () => {
    expect(outcome(await pulumi(["stack", "init", "emulator"]))).toEqual({ code: 0, output: "" });
    const configured = await pulumi([
      "config", "set-all",
      "--plaintext", `industrydata:graphEndpoint=${emulator.graphUrl}`,
      "--secret", `industrydata:accessToken=${TOKEN}`,
      "--secret", `staffPassword=${TEST_PASSWORDS.examplesStaff}`,
      "--secret", `studentPassword=${TEST_PASSWORDS.examplesStudent}`,
    ]);
    expect(outcome(configured)).toEqual({ code: 0, output: "" });

    expect(outcome(await pulumi(["up", "--yes", "--skip-preview"]))).toEqual({ code: 0, output: "" });
    const created = await tenant();
    const byName = Object.fromEntries(created.flowSets.map((s) => [s.displayName, s]));
    expect(Object.keys(byName).sort()).toEqual(["District-wide", "Elementary schools", "High schools", "Middle schools"]);
    expect(byName["High schools"].filter?.in).toEqual(["north-high", "east-high"]);
    expect(byName["District-wide"].filter).toBeNull();
    const high = byName["High schools"].flows;
    expect(high.find((f) => f.kind === "userProvisioningFlow")?.managementOptions?.additionalOptions?.studentAgeGroup).toBe("notAdult");
    expect(byName["Elementary schools"].flows.find((f) => f.kind === "classGroupProvisioningFlow")?.configuration?.additionalOptions?.createTeam).toBe(false);
    expect(byName["District-wide"].flows.map((f) => f.kind).sort()).toEqual(["administrativeUnitProvisioningFlow", "securityGroupProvisioningFlow"]);

    expect(outcome(await pulumi(["preview", "--expect-no-changes"]))).toEqual({ code: 0, output: "" });
    expect(outcome(await pulumi(["destroy", "--yes", "--skip-preview"]))).toEqual({ code: 0, output: "" });
    expect((await tenant()).flowSets).toEqual([]);
  });
});

describeWithCli("examples/academic-year-rollover through the real Pulumi CLI", () => {
  let rollover: { emulator: Emulator; program: ProgramDir; folder: string; pulumi: (args: string[]) => Promise<CliRun> };

  beforeAll(async () => {
    const em = await startEmulator({ staticToken: TOKEN });
    const dir = makeProgramDir({ prefix: "industrydata-rollover-", packages: [{ name: "pulumi-industrydata", from: repoRoot(), mode: "symlink" }] });
    const folder = path.join(dir.dir, "academic-year-rollover");
    fs.cpSync(path.join(repoRoot(), "examples", "academic-year-rollover"), folder, { recursive: true });
    rollover = { emulator: em, program: dir, folder, pulumi: pulumiRunner({ cwd: folder, stateDir: path.join(dir.dir, "state") }) };
  });

  afterAll(async () => {
    await rollover?.emulator.stop();
    rollover?.program.remove();
  });

  test("the transition is one added line: the plan creates the new year and replaces the inbound flow, naming yearId; the old year stays", async () => {
    const { pulumi, folder, emulator: em } = rollover;
    expect(outcome(await pulumi(["stack", "init", "school"]))).toEqual({ code: 0, output: "" });
    expect(outcome(await pulumi(["config", "set-all", "--plaintext", `industrydata:graphEndpoint=${em.graphUrl}`, "--secret", `industrydata:accessToken=${TOKEN}`]))).toEqual({ code: 0, output: "" });
    expect(outcome(await pulumi(["up", "--yes", "--skip-preview"]))).toEqual({ code: 0, output: "" });
    type Inbound = { years: { id: string; year: { code: string } }[]; inboundFlows: { id: string; yearId: string; displayName: string }[] };
    const state = async () => (await (await fetch(`${em.adminUrl}/state`)).json()) as Inbound;
    const before = await state();
    expect(before.years.map((y) => y.year.code)).toEqual(["2025"]);

    // The change README.md describes: the next school year's entry, uncommented.
    const index = path.join(folder, "index.ts");
    fs.writeFileSync(index, fs.readFileSync(index, "utf8").replace('  // { code: "2026"', '  { code: "2026"'));
    const plan = await pulumi(["preview", "--diff"]);
    expect(plan.code).toBe(0);
    expect(plan.output).toMatch(/\+ pulumi-nodejs:dynamic\/industrydata:YearTimePeriodDefinition: \(create\)[\s\S]*::year-2026\]/);
    expect(plan.output).toMatch(/\+-pulumi-nodejs:dynamic\/industrydata:InboundFileFlow: \(replace\)[\s\S]*::rostering\]/);
    expect(plan.output).toMatch(/~ yearId\s*: "[0-9a-f-]+" => \[unknown\]/);
    expect(plan.output).toMatch(/~ displayName\s*: "Rostering School year 2025-26" => "Rostering School year 2026-27"/);
    expect(plan.output).toMatch(/Resources:\s+\+ 1 to create\s+\+-1 to replace/);
    expect(plan.output).not.toMatch(/- pulumi-nodejs:dynamic\/industrydata:YearTimePeriodDefinition: \(delete\)/);

    expect(outcome(await pulumi(["up", "--yes", "--skip-preview"]))).toEqual({ code: 0, output: "" });
    const after = await state();
    expect(after.years.map((y) => y.year.code).sort()).toEqual(["2025", "2026"]);
    expect(after.inboundFlows).toHaveLength(1);
    expect(after.inboundFlows[0].id).not.toBe(before.inboundFlows[0].id);
    expect(after.inboundFlows[0].yearId).toBe(after.years.find((y) => y.year.code === "2026")!.id);
    expect(outcome(await pulumi(["preview", "--expect-no-changes"]))).toEqual({ code: 0, output: "" });
    expect(outcome(await pulumi(["destroy", "--yes", "--skip-preview"]))).toEqual({ code: 0, output: "" });
    expect(await state()).toMatchObject({ years: [], inboundFlows: [] });
  }, 5 * 60_000);
});

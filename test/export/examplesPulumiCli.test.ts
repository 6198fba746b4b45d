/**
 * The full-district example run by the real Pulumi CLI against the emulator, from a copy of the example (stack
 * init writes Pulumi.<stack>.yaml into the project): up creates every set and flow with the declared settings,
 * a second preview finds no change, destroy removes what it created. Skipped, saying so, without the CLI.
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

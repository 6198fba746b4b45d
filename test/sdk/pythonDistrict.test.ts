/**
 * The sample district in Python, end to end through the real CLI and engine against the emulator: the generated
 * Python SDK (a wheel, pip-installed beside Pulumi's Python SDK from PyPI), the plugin as a release ships it (the
 * single executable, `pulumi plugin install --file`), and no `node` on PATH. Upstream's Python language host is a
 * Go module the registry reachable here refuses (as the Node.js one), so the program runs the way Pulumi's
 * Automation API runs inline programs in every language: the Python process serves the language runtime itself
 * and the CLI (`pulumi up --client`) drives it. `up`, a no-op `preview --refresh --expect-no-changes`, `destroy`.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { TEST_PASSWORDS, TEST_TOKENS } from "../support/testSecrets";
import { scanKeptOutput } from "../support/scanKeptOutput";
import { cleanEnv, pulumiBinDir } from "../e2e/pulumiRoutes";
import { startTenant, withoutNode, writes, type TestTenant } from "../e2e/yamlProgram";
import { pythonProgram, type Declaration } from "./sdkPrograms";
import { describeWithSdkToolchain, generateSdk, venvPython, version } from "./sdkSupport";

const run = promisify(execFile);
const { pulumiEnv } = require("../../scripts/pulumi-env.js") as {
  pulumiEnv(options: { stateDir: string; passphrase?: string; base?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv;
};
const { buildArchives, hostTarget } = require("../../scripts/plugin-executable.js") as {
  buildArchives(targets: string[]): Promise<string[]>;
  hostTarget(): string;
};

const TOKEN = TEST_TOKENS.pythonDistrict;
const PASSWORD = TEST_PASSWORDS.pythonDistrictStudent;

/** examples/yaml-district's resources, as Python declares them (the password from secret config). */
const DISTRICT: Declaration[] = [
  {
    name: "district",
    kind: "flowSet",
    args: { displayName: "Contoso Unified School District", filter: { attribute: "orgExternalId", in: ["north-high", "south-middle", "east-elementary"] } },
  },
  {
    name: "users",
    kind: "user",
    args: {
      flowSetId: { ref: "district" },
      createUnmatchedUsers: true,
      managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: true } },
      creationOptions: {
        configurations: [
          { roleGroupId: "staff", licenseSkus: ["M365EDU_A3_FACULTY"] },
          { roleGroupId: "students", licenseSkus: ["M365EDU_A3_STUUSEBNFT"], defaultPasswordSettings: { password: { config: "studentPassword" } } },
        ],
      },
    },
  },
  {
    name: "classes",
    kind: "classGroup",
    args: {
      flowSetId: { ref: "district" },
      configuration: {
        additionalAttributes: ["courseTitle", "courseCode", "academicSessionTitle"],
        additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
        enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }, { code: "teacherAssistant" }], memberEnrollmentMappings: [{ code: "student" }] },
      },
    },
  },
  { name: "groups", kind: "securityGroup", args: { flowSetId: { ref: "district" }, creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } } },
];

/** Runs one operation on the stack with the Automation API; the program is district.py. */
const DRIVER = `import sys
import pulumi
from pulumi import automation as auto

def program():
    import district  # declares the resources (one operation per process)

op, work_dir, cli_root = sys.argv[1], sys.argv[2], sys.argv[3]
stack = auto.create_or_select_stack(
    stack_name="e2e",
    project_name="python-district",
    program=program,
    opts=auto.LocalWorkspaceOptions(
        work_dir=work_dir,
        pulumi_command=auto.PulumiCommand(root=cli_root, skip_version_check=True),
        project_settings=auto.ProjectSettings(name="python-district", runtime="python"),
    ),
)
if op == "up":
    stack.up(on_output=print, color="never")
elif op == "preview-refresh":
    stack.preview(refresh=True, expect_no_changes=True, on_output=print, color="never")
elif op == "destroy":
    stack.destroy(on_output=print, color="never")
`;

describeWithSdkToolchain("the sample district in Python through the real CLI, with the released plugin and no node on PATH", "python", () => {
  let dir: string;
  let tenant: TestTenant;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const [archive] = await buildArchives([hostTarget()]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-python-district-"));
    tenant = await startTenant(TOKEN);
    const sdk = await generateSdk(dir, "python");
    await run(venvPython, ["-m", "build", "--wheel", "--no-isolation", "--outdir", path.join(dir, "wheel"), sdk], { cwd: sdk });
    const [wheel] = fs.readdirSync(path.join(dir, "wheel"));
    await run(venvPython, ["-m", "pip", "install", "--no-deps", "--no-index", "--disable-pip-version-check", "--target", path.join(dir, "site"), path.join(dir, "wheel", wheel)]);
    fs.writeFileSync(path.join(dir, "district.py"), pythonProgram(DISTRICT));
    fs.writeFileSync(path.join(dir, "driver.py"), DRIVER);
    const base = pulumiEnv({ stateDir: path.join(dir, "state"), base: cleanEnv() });
    env = { ...base, PATH: withoutNode(base.PATH ?? ""), PYTHONPATH: [dir, path.join(dir, "site")].join(path.delimiter), PYTHONDONTWRITEBYTECODE: "1" };
    const install = await pulumi(["plugin", "install", "resource", "industrydata", `v${version}`, "--file", archive]);
    expect(install.code).toBe(0);
  }, 10 * 60_000);

  afterAll(async () => {
    await tenant?.emulator.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The CLI itself (plugin install, config), in the project folder, with the test's environment. */
  async function pulumi(args: string[]): Promise<{ code: number; output: string }> {
    try {
      const { stdout, stderr } = await run(path.join(pulumiBinDir, "pulumi"), [...args, "--non-interactive"], { cwd: dir, env });
      scanKeptOutput({ source: `pulumi ${args[0]}`, text: `${stdout}${stderr}`, secrets: [TOKEN, PASSWORD] });
      return { code: 0, output: `${stdout}${stderr}` };
    } catch (error) {
      const { code, stdout, stderr } = error as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof code === "number" ? code : 1, output: `${stdout ?? ""}${stderr ?? ""}` };
    }
  }

  /** One Automation API operation; fails with its output. */
  async function operation(op: "up" | "preview-refresh" | "destroy"): Promise<string> {
    try {
      const { stdout, stderr } = await run(venvPython, ["driver.py", op, dir, path.dirname(pulumiBinDir)], { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 });
      const output = `${stdout}${stderr}`;
      scanKeptOutput({ source: `python district ${op}`, text: output, secrets: [TOKEN, PASSWORD] });
      return output;
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      const output = `${stdout ?? ""}${stderr ?? ""}`;
      scanKeptOutput({ source: `python district ${op}`, text: output, secrets: [TOKEN, PASSWORD] });
      throw new Error(`python driver.py ${op} failed:\n${output}`);
    }
  }

  test("up creates the district, preview --refresh --expect-no-changes writes nothing, destroy removes it", async () => {
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: python-district\nruntime: python\n");
    expect((await pulumi(["stack", "init", "e2e"])).code).toBe(0);
    const config = await pulumi([
      "config", "set-all", "--stack", "e2e",
      "--plaintext", `industrydata:graphEndpoint=${tenant.emulator.graphUrl}`,
      "--secret", `industrydata:accessToken=${TOKEN}`,
      "--secret", `studentPassword=${PASSWORD}`,
    ]);
    expect(config.code).toBe(0);

    const up = await operation("up");
    expect(up).toMatch(/\+ 5 created/);
    const [set, ...others] = await tenant.flowSets();
    expect(others).toEqual([]);
    expect(set.displayName).toBe("Contoso Unified School District");
    expect(set.flows.map((f) => f.kind).sort()).toEqual(["classGroupProvisioningFlow", "securityGroupProvisioningFlow", "userProvisioningFlow"]);
    const users = set.flows.find((f) => f.kind === "userProvisioningFlow")!;
    expect((users.managementOptions as { additionalOptions: unknown }).additionalOptions).toEqual({ studentAgeGroup: "minor", allowStudentContactAssociation: true });

    await tenant.clearRequests();
    await operation("preview-refresh");
    expect(writes(await tenant.requests())).toEqual([]);

    const destroyed = await operation("destroy");
    expect(destroyed).toMatch(/- 5 deleted/);
    expect(await tenant.flowSets()).toEqual([]);
  });
});

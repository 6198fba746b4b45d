/**
 * The Python SDK as a Python user gets it: generated from the schema, built into a wheel with the PEP 517 tools
 * (as the release does), pip-installed beside Pulumi's Python SDK from PyPI (the virtualenv
 * scripts/sdk-toolchains.js sets up), and a program declaring every resource kind run with Pulumi's mocks
 * (pulumi.runtime.set_mocks): each resource reaches the engine with its type token and exactly the declared
 * arguments in Graph's JSON (snake_case names translated back, nested objects, collections, enums, bindings),
 * and only the secret arguments' properties are marked secret.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { descriptors } from "../../provider/schema";
import { scanKeptOutput } from "../support/scanKeptOutput";
import { CLIENT_SECRET, PASSWORD, declarations, expectedInputs, pythonProgram } from "./sdkPrograms";
import { describeWithSdkToolchain, generateSdk, venvPython, version } from "./sdkSupport";

const run = promisify(execFile);

/** Runs the program under the mocks and prints what the engine was sent, as JSON, on its last line. */
const HARNESS = `import json
import pulumi
from pulumi.runtime import rpc

created = []

class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args):
        inputs = {k: rpc.unwrap_rpc_secret(v) for k, v in args.inputs.items()}
        secret = sorted(k for k, v in args.inputs.items() if rpc.is_rpc_secret(v))
        created.append({"type": args.typ, "name": args.name, "inputs": inputs, "secret": secret})
        return [args.name + "_id", args.inputs]

    def call(self, args):
        return {}

pulumi.runtime.set_mocks(Mocks(), preview=False)

import program

resources = [v for v in vars(program).values() if isinstance(v, pulumi.CustomResource)]

@pulumi.runtime.test
def everything_registered():
    return pulumi.Output.all(*[r.urn for r in resources])

everything_registered()
print(json.dumps(created))
`;

describeWithSdkToolchain("the Python SDK: built, pip-installed beside Pulumi's Python SDK, every kind declared under Pulumi's mocks", "python", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-python-sdk-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the wheel installs as pulumi_industrydata of this version, naming its plugin and where the engine downloads it", async () => {
    const sdk = await generateSdk(dir, "python");
    expect(fs.existsSync(path.join(sdk, "pyproject.toml"))).toBe(true);
    // The release's build: a wheel with no network (--no-isolation: the build tools come from the virtualenv).
    await run(venvPython, ["-m", "build", "--wheel", "--no-isolation", "--outdir", path.join(dir, "wheel"), sdk], { cwd: sdk });
    const [wheel] = fs.readdirSync(path.join(dir, "wheel"));
    expect(wheel).toBe(`pulumi_industrydata-${version}-py3-none-any.whl`);
    // Installed on top of the cached virtualenv (whose Pulumi SDK it uses), into a folder of this test's own.
    await run(venvPython, ["-m", "pip", "install", "--no-deps", "--no-index", "--disable-pip-version-check", "--target", path.join(dir, "site"), path.join(dir, "wheel", wheel)]);
    const plugin = JSON.parse(fs.readFileSync(path.join(dir, "site", "pulumi_industrydata", "pulumi-plugin.json"), "utf8"));
    expect(plugin).toEqual({ resource: true, name: "industrydata", version, server: "github://api.github.com/pulumi-industrydata/pulumi-industrydata" });
  });

  test("every kind reaches the engine with its token and the declared arguments; only the password and the client secret are secret", async () => {
    const list = declarations();
    fs.writeFileSync(path.join(dir, "program.py"), pythonProgram(list));
    fs.writeFileSync(path.join(dir, "harness.py"), HARNESS);
    const { stdout, stderr } = await run(venvPython, ["harness.py"], {
      cwd: dir,
      env: { ...process.env, PYTHONPATH: [dir, path.join(dir, "site")].join(path.delimiter), PYTHONDONTWRITEBYTECODE: "1" },
      maxBuffer: 16 * 1024 * 1024,
    });
    scanKeptOutput({ source: "Python mocks harness", text: stderr });
    const lines = stdout.trim().split("\n");
    const created = JSON.parse(lines[lines.length - 1]) as { type: string; name: string; inputs: Record<string, unknown>; secret: string[] }[];

    // Every declaration once (in the order their inputs resolved: a binding waits for the id it names).
    expect(created.map((c) => c.name).sort()).toEqual(list.map((d) => d.name).sort());
    for (const declared of list) {
      const sent = created.find((c) => c.name === declared.name)!;
      expect({ name: sent.name, type: sent.type }).toEqual({ name: declared.name, type: `industrydata:index:${descriptors[declared.kind].resourceName}` });
      expect({ name: sent.name, inputs: sent.inputs }).toEqual({ name: declared.name, inputs: expectedInputs(declared.args) });
    }
    // By name: the order is the one their inputs resolved in, which the SDK's event loop decides.
    const secrets = created
      .filter((c) => c.secret.length > 0)
      .map((c) => ({ name: c.name, secret: c.secret }))
      .sort((a, b) => a.name.localeCompare(b.name));
    // Pulumi marks a secret's enclosing top-level argument secret on the wire (the SDK's rule, not ours).
    expect(secrets).toEqual([
      { name: "oneRoster", secret: ["credential"] },
      { name: "users", secret: ["creationOptions"] },
    ]);
    const users = created.find((c) => c.name === "users")!.inputs as { creationOptions: { configurations: { defaultPasswordSettings?: { password: string } }[] } };
    expect(users.creationOptions.configurations[1].defaultPasswordSettings?.password).toBe(PASSWORD);
    expect((created.find((c) => c.name === "oneRoster")!.inputs.credential as { clientSecret: string }).clientSecret).toBe(CLIENT_SECRET);
  });
});

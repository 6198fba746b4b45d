/**
 * The Go SDK as a Go user gets it: generated from the schema as its own module (supportPack: its go.mod, the
 * module path under the repository), and a program declaring every resource kind (nested objects, collections,
 * enums, bindings, a secret) against it and github.com/pulumi/pulumi/sdk/v3 passes `go build` and `go vet`.
 * Go runs offline (GOPROXY=off): scripts/sdk-toolchains.js filled its module cache from the Go module registry.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { goProgram } from "./sdkPrograms";
import { describeWithSdkToolchain, generateSdk, goEnv, version } from "./sdkSupport";

const run = promisify(execFile);
const MODULE = "github.com/pulumi-industrydata/pulumi-industrydata/sdk/go";
const { PULUMI_VERSION } = require("../../scripts/sdk-toolchains.js") as { PULUMI_VERSION: string };

/** `go <args>` in `cwd`, offline; fails with Go's own output. */
async function go(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout, stderr } = await run("go", args, { cwd, env: goEnv({ online: false }), maxBuffer: 16 * 1024 * 1024 });
    return `${stdout}${stderr}`;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`go ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

describeWithSdkToolchain("the Go SDK: its own module, a program declaring every kind passes go build and go vet", "go", () => {
  let dir: string;
  let sdk: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-go-sdk-"));
    sdk = await generateSdk(dir, "go");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the SDK is a module at <repository>/sdk/go (supportPack) with the plugin version it asks the engine for", () => {
    const goMod = fs.readFileSync(path.join(sdk, "go.mod"), "utf8");
    expect(goMod).toMatch(new RegExp(`^module ${MODULE.replace(/\./g, "\\.")}$`, "m"));
    expect(goMod).toMatch(/require github\.com\/pulumi\/pulumi\/sdk\/v3 v3\./);
    const plugin = JSON.parse(fs.readFileSync(path.join(sdk, "industrydata", "pulumi-plugin.json"), "utf8"));
    expect(plugin).toEqual({ resource: true, name: "industrydata", version, server: "github://api.github.com/pulumi-industrydata/pulumi-industrydata" });
  });

  test("go build and go vet of a program declaring every kind", async () => {
    const program = path.join(dir, "program");
    fs.mkdirSync(program);
    fs.writeFileSync(
      path.join(program, "go.mod"),
      [
        "module example.com/district",
        "",
        "go 1.25",
        "",
        `require github.com/pulumi/pulumi/sdk/v3 v${PULUMI_VERSION}`,
        `require ${MODULE} v${version}`,
        "",
        `replace ${MODULE} => ${sdk}`,
        "",
      ].join("\n"),
    );
    fs.writeFileSync(path.join(program, "main.go"), goProgram(`${MODULE}/industrydata`));
    await go(["mod", "tidy"], program);
    await go(["build", "-o", path.join(dir, "district"), "."], program);
    expect(fs.statSync(path.join(dir, "district")).size).toBeGreaterThan(0);
    await go(["vet", ".", `${MODULE}/industrydata/...`], program);
  });
});

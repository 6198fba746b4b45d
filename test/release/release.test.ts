/**
 * `npm run release` (scripts/release.js) for this machine's plugin target: one folder with the plugin archive, the
 * schema, the Python wheel and sdist, the Go and .NET SDKs, the Node.js SDK and SHA256SUMS; every checksum right;
 * each package what its registry expects; and a second build from the same inputs byte-identical, except the
 * sdist (Python's tarfile stamps its gzip header with the build time) and the native executable's V8 code cache
 * (taken from the build cache here, so equal; see scripts/plugin-executable.js).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../e2e/rootProjectCopy";
import { describeWithSdkToolchain, version } from "../sdk/sdkSupport";

const { release } = require("../../scripts/release.js") as { release(options: { outDir: string; targets: string[]; repository?: string }): Promise<void> };
const { hostTarget } = require("../../scripts/plugin-executable.js") as { hostTarget(): string };

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describeWithSdkToolchain("npm run release: every artifact in one folder, reproducible", "python", () => {
  let dir: string;
  // Both builds at the default SOURCE_DATE_EPOCH (the HEAD commit's time), so the plugin archive is the one
  // .ci/run built for the other tests (same stamp), not a rebuild.
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-release-"));
    await release({ outDir: path.join(dir, "first"), targets: [hostTarget()] });
    await release({ outDir: path.join(dir, "second"), targets: [hostTarget()] });
  }, 15 * 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the folder holds each artifact once, and SHA256SUMS checks", () => {
    const first = path.join(dir, "first");
    expect(filesUnder(first)).toEqual(
      [
        "SHA256SUMS",
        `pulumi-industrydata-dotnet-v${version}.tar.gz`,
        `pulumi-industrydata-go-v${version}.tar.gz`,
        `pulumi-industrydata-sdk-${version}.tgz`,
        `pulumi-resource-industrydata-v${version}-${hostTarget()}.tar.gz`,
        `python/pulumi_industrydata-${version}-py3-none-any.whl`,
        `python/pulumi_industrydata-${version}.tar.gz`,
        "schema.json",
      ].sort(),
    );
    expect(execFileSync("sha256sum", ["--check", "--strict", "SHA256SUMS"], { cwd: first, encoding: "utf8" }).trim().split("\n")).toHaveLength(7);
  });

  test("same inputs, same bytes (but the sdist's gzip header)", () => {
    const sums = (which: string) =>
      Object.fromEntries(
        fs.readFileSync(path.join(dir, which, "SHA256SUMS"), "utf8").trim().split("\n").map((line) => line.split(/\s+/).reverse()),
      ) as Record<string, string>;
    const first = sums("first");
    const second = sums("second");
    const sdist = `python/pulumi_industrydata-${version}.tar.gz`;
    delete first[sdist];
    delete second[sdist];
    expect(second).toEqual(first);
  });

  test("the Node.js SDK package loads from its tarball: pulumi-industrydata-sdk, compiled, naming its plugin", () => {
    const unpacked = path.join(dir, "node");
    fs.mkdirSync(path.join(unpacked, "node_modules"), { recursive: true });
    execFileSync("tar", ["-xzf", path.join(dir, "first", `pulumi-industrydata-sdk-${version}.tgz`), "-C", unpacked]);
    const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, "package", "package.json"), "utf8"));
    expect(manifest).toMatchObject({
      name: "pulumi-industrydata-sdk",
      version,
      pulumi: { resource: true, name: "industrydata", version, server: "github://api.github.com/pulumi-industrydata/pulumi-industrydata" },
    });
    // Installed as a dependency would be: beside @pulumi/pulumi (this repository's).
    fs.renameSync(path.join(unpacked, "package"), path.join(unpacked, "node_modules", "pulumi-industrydata-sdk"));
    fs.symlinkSync(path.join(repoRoot, "node_modules", "@pulumi"), path.join(unpacked, "node_modules", "@pulumi"), "dir");
    const exported = execFileSync(process.execPath, ["-e", 'const sdk = require("pulumi-industrydata-sdk"); console.log(Object.keys(sdk).sort().join(","))'], {
      cwd: unpacked,
      encoding: "utf8",
    });
    expect(exported.trim().split(",")).toEqual(expect.arrayContaining(["OutboundProvisioningFlowSet", "UserProvisioningFlow", "Provider", "types"]));
  });

  test("the Go SDK is a module at <repository>/sdk/go, the .NET project is Pulumi.Industrydata of this version", () => {
    const goMod = execFileSync("tar", ["-xzOf", path.join(dir, "first", `pulumi-industrydata-go-v${version}.tar.gz`), "./go.mod"], { encoding: "utf8" });
    expect(goMod).toMatch(/^module github\.com\/pulumi-industrydata\/pulumi-industrydata\/sdk\/go$/m);
    const csproj = execFileSync("tar", ["-xzOf", path.join(dir, "first", `pulumi-industrydata-dotnet-v${version}.tar.gz`), "./Pulumi.Industrydata.csproj"], { encoding: "utf8" });
    expect(csproj).toContain(`<Version>${version}</Version>`);
    const plugin = JSON.parse(execFileSync("tar", ["-xzOf", path.join(dir, "first", `pulumi-industrydata-dotnet-v${version}.tar.gz`), "./pulumi-plugin.json"], { encoding: "utf8" }));
    expect(plugin).toMatchObject({ resource: true, name: "industrydata", version });
  });
});

/**
 * The plugin as users install it without this package in their program: the tarball scripts/plugin-pack.js
 * builds, installed with `pulumi plugin install resource industrydata <version> --file …` into a fresh plugin
 * cache, runs from there (the engine starts the launcher at the tarball's root): `pulumi package get-schema
 * industrydata@<version>` prints the generated schema.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packageSchema } from "../../provider/plugin/packageSchema";
import { pulumiRunner } from "../export/pulumiCli";
import { describeWithCli } from "./pulumiRoutes";

const { pack } = require("../../scripts/plugin-pack.js") as { pack(outDir: string): string };
const { version } = require("../../package.json") as { version: string };

describeWithCli("the plugin tarball, installed into the plugin cache", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-tarball-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("pulumi plugin install --file, then the engine runs it from the cache", async () => {
    const tarball = pack(dir);
    expect(path.basename(tarball)).toMatch(new RegExp(`^pulumi-resource-industrydata-v${version}-[a-z]+-[a-z0-9]+\\.tar\\.gz$`));
    // A state folder of its own: its PULUMI_HOME is a fresh, empty plugin cache.
    const pulumi = pulumiRunner({ cwd: dir, stateDir: path.join(dir, "state") });
    const install = await pulumi(["plugin", "install", "resource", "industrydata", version, "--file", tarball]);
    expect({ code: install.code, output: install.code === 0 ? "" : install.output }).toEqual({ code: 0, output: "" });
    const listed = await pulumi(["plugin", "ls"]);
    expect(listed.output).toMatch(new RegExp(`industrydata\\s+resource\\s+${version.replace(/\./g, "\\.")}`));
    const schema = await pulumi(["package", "get-schema", `industrydata@${version}`]);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.output.slice(schema.output.indexOf("{"), schema.output.lastIndexOf("}") + 1))).toEqual(packageSchema({ version }));
  });
});

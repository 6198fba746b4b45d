/**
 * The real CLI reads the plugin's schema (`pulumi package get-schema`) and generates an SDK from it in each
 * language (`pulumi package gen-sdk`: the language hosts pulumi:install builds; each reports the schema's
 * problems as errors, so a clean run means the schema binds in that language).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packageSchema } from "../../provider/plugin/packageSchema";
import { describeWithCli } from "../e2e/pulumiRoutes";
import { pulumiRunner } from "../export/pulumiCli";
import { PLUGIN_PATH } from "../provider/eachFrontEnd";

const { version } = require("../../package.json") as { version: string };

describeWithCli("the plugin's package schema through the Pulumi CLI", () => {
  let dir: string;
  let pulumi: ReturnType<typeof pulumiRunner>;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-schema-"));
    pulumi = pulumiRunner({ cwd: dir, stateDir: path.join(dir, "state") });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("pulumi package get-schema prints the generated schema (GetSchema serves the generator's output)", async () => {
    const run = await pulumi(["package", "get-schema", PLUGIN_PATH]);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.output.slice(run.output.indexOf("{"), run.output.lastIndexOf("}") + 1));
    expect(printed).toEqual(packageSchema({ version }));
  });

  test.each([
    { language: "nodejs", file: "nodejs/userProvisioningFlow.ts" },
    { language: "python", file: "python/pulumi_industrydata/user_provisioning_flow.py" },
    { language: "go", file: "go/industrydata/userProvisioningFlow.go" },
    { language: "dotnet", file: "dotnet/UserProvisioningFlow.cs" },
  ])("pulumi package gen-sdk --language $language runs without errors", async ({ language, file }) => {
    const out = path.join(dir, "sdk");
    const run = await pulumi(["package", "gen-sdk", PLUGIN_PATH, "--language", language, "--out", out]);
    expect({ code: run.code, errors: run.output.split("\n").filter((line) => /error/i.test(line)) }).toEqual({ code: 0, errors: [] });
    const source = fs.readFileSync(path.join(out, file), "utf8");
    // The class is there, documented from the JSON schema's descriptions.
    expect(source).toContain("School Data Sync user provisioning flow");
  });
});

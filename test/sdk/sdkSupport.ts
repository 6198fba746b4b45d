/**
 * What the SDK checks share: the SDK `pulumi package gen-sdk` generates from the package schema (the code-generation
 * language hosts scripts/pulumi-install.js builds), and the toolchains scripts/sdk-toolchains.js sets up from the
 * package registries (a virtualenv with Pulumi's Python SDK, Go's module cache). Without them: skipped with a
 * notice locally, a failing test under CI=true (as describeWithCli does for the CLI).
 */
import * as fs from "fs";
import * as path from "path";
import { packageSchema } from "../../provider/plugin/packageSchema";
import { pulumiRunner } from "../export/pulumiCli";
import { describeWithCli } from "../e2e/pulumiRoutes";

const toolchains = require("../../scripts/sdk-toolchains.js") as {
  venvPython: string;
  goEnv(options: { online: boolean }): NodeJS.ProcessEnv;
  status(): { python: boolean; go: boolean };
};
export const { venvPython, goEnv } = toolchains;
export const { version } = require("../../package.json") as { version: string };

const inCi = /^(1|true|yes)$/i.test(process.env.CI ?? "");

/** `describeWithCli` (with the `language` code-generation host) when the `language` toolchain is set up. */
export function describeWithSdkToolchain(name: string, language: "python" | "go", body: () => void): void {
  if (toolchains.status()[language]) {
    describeWithCli(name, body, { tools: ["pulumi", `pulumi-language-${language}`] });
  } else if (inCi) {
    test(`${name}: the ${language} toolchain is set up (CI runs the SDK checks, never skips them)`, () => {
      throw new Error(`the ${language} toolchain is missing: .ci/run must run \`node scripts/sdk-toolchains.js\` before \`npm test\` (needs ${language === "go" ? "Go" : "python3 with venv"})`);
    });
  } else {
    console.warn(`skipping "${name}": the ${language} toolchain is missing (node scripts/sdk-toolchains.js ${language} sets it up)`);
    describe.skip(name, body);
  }
}

/** Generates the `language` SDK of this package version into `<dir>/sdk/<language>`; returns that folder. */
export async function generateSdk(dir: string, language: "python" | "go" | "nodejs" | "dotnet"): Promise<string> {
  const schemaFile = path.join(dir, "schema.json");
  fs.writeFileSync(schemaFile, JSON.stringify(packageSchema({ version })));
  const pulumi = pulumiRunner({ cwd: dir, stateDir: path.join(dir, "state") });
  const out = path.join(dir, "sdk");
  const run = await pulumi(["package", "gen-sdk", schemaFile, "--language", language, "--out", out]);
  if (run.code !== 0) throw new Error(`pulumi package gen-sdk --language ${language} failed:\n${run.output}`);
  return path.join(out, language);
}

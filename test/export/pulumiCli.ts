/**
 * The locally built Pulumi CLI (scripts/pulumi-install.js -> .tools/pulumi/bin) for the export and example tests:
 * whether it is there, and a runner on an offline local file backend (scripts/pulumi-env.js).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";

const { pulumiEnv, pulumiCli, pulumiBinDir } = require("../../scripts/pulumi-env.js") as {
  pulumiEnv(options: { stateDir: string; base?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv;
  pulumiCli: string;
  pulumiBinDir: string;
};

/** True when the CLI and its Node.js language host have been built. */
export const cliBuilt = ["pulumi", "pulumi-language-nodejs"].every((f) => fs.existsSync(path.join(pulumiBinDir, f)));

/** Says why a CLI test is skipped (a skipped test must be visible in the log). */
export function warnIfNoCli(what: string): void {
  if (!cliBuilt) console.warn(`skipping ${what}: no Pulumi CLI in ${pulumiBinDir} (npm run pulumi:install builds it)`);
}

/** What one CLI command did. */
export interface CliRun {
  code: number;
  output: string;
}

/**
 * A function running `pulumi <args> --non-interactive` in `cwd` on a file backend in `stateDir`. The caller's own
 * INDUSTRYDATA_*, AZURE_* and PULUMI_* variables are left out; programs are transpiled, not type-checked (the
 * type-check tests cover that, much faster).
 */
export function pulumiRunner(options: { cwd: string; stateDir: string }): (args: string[]) => Promise<CliRun> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(INDUSTRYDATA_|AZURE_|PULUMI_)/.test(k)));
  const env = pulumiEnv({ stateDir: options.stateDir, base: { ...base, PULUMI_NODEJS_TRANSPILE_ONLY: "true" } });
  return (args) =>
    new Promise((resolve) => {
      execFile(pulumiCli, [...args, "--non-interactive"], { cwd: options.cwd, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, output: `${stdout}\n${stderr}` });
      });
    });
}

/** The run's outcome for an assertion that shows the CLI's output when it failed. */
export function outcome(run: CliRun): { code: number; output: string } {
  return { code: run.code, output: run.code === 0 ? "" : run.output };
}

/**
 * The locally built Pulumi CLI (scripts/pulumi-install.js -> .tools/pulumi/bin) for the export and example tests:
 * a runner on an offline local file backend (scripts/pulumi-env.js). Whether the CLI is there is
 * describeWithCli's business (test/e2e/pulumiRoutes.ts): skipped with a notice locally, failing under CI=true.
 */
import { execFile } from "child_process";
import { scanKeptOutput } from "../support/scanKeptOutput";
import { scanStateBackend } from "../support/stateBackend";

const { pulumiEnv, pulumiCli } = require("../../scripts/pulumi-env.js") as {
  pulumiEnv(options: { stateDir: string; base?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv;
  pulumiCli: string;
};

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
        const output = `${stdout}\n${stderr}`;
        // Every run's output goes to the suite-wide leak scan, whether or not the test looks at it.
        scanKeptOutput({ source: `output of pulumi ${args.slice(0, 2).join(" ")}`, text: output });
        // And every file of the state backend (stack files, history, backups).
        scanStateBackend(options.stateDir);
        resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, output });
      });
    });
}

/** The run's outcome for an assertion that shows the CLI's output when it failed. */
export function outcome(run: CliRun): { code: number; output: string } {
  return { code: run.code, output: run.code === 0 ? "" : run.output };
}

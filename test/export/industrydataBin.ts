/**
 * The `industrydata` bin as users run it (the built dist/provider/cli/export.js in its own Node process), with
 * everything it printed handed to the suite-wide leak scan, whether or not the test looks at it.
 */
import { execFile } from "child_process";
import * as path from "path";
import { repoRoot } from "../harness";
import { scanKeptOutput, type KeptOutput } from "../support/scanKeptOutput";

export const industrydataBin = path.join(repoRoot(), "dist", "provider", "cli", "export.js");

/** What one run did. */
export interface BinRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Hands one run's output to `scan` (the suite-wide scan by default), the values of `env` known as secrets. */
export function scanBinOutput(what: string, run: BinRun, env: Record<string, string>, scan: (output: KeptOutput) => string[] = scanKeptOutput): string[] {
  return scan({ source: `output of ${what}`, text: `${run.stdout}\n${run.stderr}`, secrets: Object.values(env) });
}

/** Runs the bin with `args` and an environment holding only what the test gives (plus PATH). */
export function industrydata(args: string[], env: Record<string, string> = {}, scan?: (output: KeptOutput) => string[]): Promise<BinRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [industrydataBin, ...args], { env: { PATH: process.env.PATH ?? "", ...env } }, (error, stdout, stderr) => {
      const run = { code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr };
      scanBinOutput(`industrydata ${args.slice(0, 1).join(" ")}`, run, env, scan);
      resolve(run);
    });
  });
}

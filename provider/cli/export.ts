#!/usr/bin/env node
/**
 * The `industrydata` bin (package.json "bin"; `npm run industrydata -- export …` in this repository):
 * `industrydata export --out <dir> …` (exportCommand.ts), and the operational commands `upload`, `validate`,
 * `runs`, `reset`, `health` (operationalCommands.ts).
 */
import { runCli } from "./exportCommand";

// `npm run industrydata -- export --out x` runs this in the package's folder; the relative paths the user typed
// (--out, --ca-file, --certificate) mean the folder npm was run from, which npm passes as INIT_CWD.
if (process.env.npm_lifecycle_event === "industrydata" && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`industrydata: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

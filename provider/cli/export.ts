#!/usr/bin/env node
/**
 * The `industrydata` bin (package.json "bin"): `industrydata export --out <dir> …`. See exportCommand.ts.
 */
import { runCli } from "./exportCommand";

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`industrydata: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

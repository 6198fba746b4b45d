#!/usr/bin/env node
// Runs one Pulumi operation on a project's stack through the Automation API with its program inline (no
// language host), using the locally built CLI on a local file backend. Pulumi's own output is streamed.
//
// Usage: node scripts/pulumi-inline.js <up|preview|refresh|destroy> [--refresh] [--expect-no-changes] [--diff]
//          [--cwd DIR (default .)] [--stack NAME (default dev)] [--state DIR (default <cwd>/.pulumi-state)]
// Exit code: the CLI's (e.g. non-zero when --expect-no-changes finds changes). Passphrase:
// PULUMI_CONFIG_PASSPHRASE, else the documented dev default.
"use strict";

const path = require("node:path");
const { parseArgs } = require("node:util");
const { openLocalStack, cliExitCode } = require("./localStack");

const OPERATIONS = ["up", "preview", "refresh", "destroy"];

/** Runs `operation` with Pulumi's output streamed to ours; resolves to the CLI's exit code. */
async function runOperation(stack, operation, flags) {
  const options = {
    onOutput: (text) => process.stdout.write(text),
    onError: (text) => process.stderr.write(text),
    expectNoChanges: flags["expect-no-changes"],
    refresh: flags.refresh,
    diff: flags.diff,
  };
  try {
    await stack[operation](options);
    return 0;
  } catch (err) {
    // A CommandError: the CLI already printed why (streamed above); its message repeats all of it.
    const code = cliExitCode(err);
    if (code !== undefined) return code === 0 ? 1 : code;
    throw err;
  }
}

async function main() {
  const { values: flags, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      cwd: { type: "string", default: "." },
      stack: { type: "string", default: "dev" },
      state: { type: "string" },
      refresh: { type: "boolean", default: false },
      "expect-no-changes": { type: "boolean", default: false },
      diff: { type: "boolean", default: false },
    },
  });
  const operation = positionals[0];
  if (positionals.length !== 1 || !OPERATIONS.includes(operation)) {
    throw new Error(`usage: pulumi-inline.js <${OPERATIONS.join("|")}> [--refresh] [--expect-no-changes] [--diff] [--cwd DIR] [--stack NAME] [--state DIR]`);
  }
  const workDir = path.resolve(flags.cwd);
  const stack = await openLocalStack({ workDir, stackName: flags.stack, stateDir: flags.state ?? path.join(workDir, ".pulumi-state") });
  process.exitCode = await runOperation(stack, operation, flags);
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`pulumi-inline: ${err?.message ?? err}\n`);
    process.exitCode = 1;
  });
}

module.exports = { runOperation };

#!/usr/bin/env node
// The environment that runs the locally built Pulumi CLI (.tools/pulumi/bin, see
// scripts/pulumi-install.js) fully offline on a local file backend.
//
// As a module: const { pulumiEnv, pulumiCli } = require("./scripts/pulumi-env");
//   spawn(pulumiCli, ["up", "--yes"], { cwd, env: pulumiEnv({ stateDir, homeDir }) })
// As a command: eval "$(node scripts/pulumi-env.js [stateDir [homeDir]])" prints shell exports.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");

/** Folder holding pulumi, pulumi-language-nodejs and pulumi-resource-pulumi-nodejs. */
const pulumiBinDir = path.join(root, ".tools", "pulumi", "bin");

/** Absolute path of the locally built CLI. */
const pulumiCli = path.join(pulumiBinDir, "pulumi");

/**
 * Environment for one offline Pulumi run.
 * @param {object} opts
 * @param {string} opts.stateDir  folder of the file backend (created if missing)
 * @param {string} [opts.homeDir] PULUMI_HOME (workspace settings, logs); default `<stateDir>/.pulumi-home`
 * @param {string} [opts.passphrase] secrets-provider passphrase; default a fixed test value
 * @param {NodeJS.ProcessEnv} [opts.base] environment to extend; default process.env
 * @returns {NodeJS.ProcessEnv}
 */
function pulumiEnv(opts) {
  const stateDir = path.resolve(opts.stateDir);
  const homeDir = path.resolve(opts.homeDir ?? path.join(stateDir, ".pulumi-home"));
  fs.mkdirSync(stateDir, { recursive: true });
  fs.mkdirSync(homeDir, { recursive: true });
  const base = opts.base ?? process.env;
  // The engine starts `node` (language host, dynamic provider) from PATH: put this Node first so
  // the program runs on the same Node >= 22 as the caller, and the CLI's folder so its plugins win.
  const nodeDir = path.dirname(process.execPath);
  return {
    ...base,
    PATH: [pulumiBinDir, nodeDir, base.PATH ?? ""].join(path.delimiter),
    PULUMI_BACKEND_URL: `file://${stateDir}`,
    PULUMI_HOME: homeDir,
    PULUMI_CONFIG_PASSPHRASE: opts.passphrase ?? "pulumi-industrydata-test-passphrase",
    // Offline: no version check against the Pulumi Cloud, never download a plugin.
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    // No colour codes in captured output (prompts are off with --non-interactive or --yes).
    NO_COLOR: "1",
  };
}

module.exports = { pulumiEnv, pulumiCli, pulumiBinDir };

if (require.main === module) {
  const stateDir = process.argv[2] ?? path.join(root, ".pulumi-state");
  const env = pulumiEnv({ stateDir, homeDir: process.argv[3], base: {} });
  for (const [k, v] of Object.entries(env)) {
    if (k === "PATH") process.stdout.write(`export PATH='${v}'"$PATH"\n`);
    else process.stdout.write(`export ${k}='${v}'\n`);
  }
}

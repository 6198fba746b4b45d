// A stack of the Pulumi project in a folder, driven through the Automation API with the locally built CLI
// (.tools/pulumi, scripts/pulumi-install.js) on a local file backend: no account, no network, no language host
// (the program runs inline, scripts/inlineProgram.js).
"use strict";

const path = require("node:path");
const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");
const { inlineProgram, projectSettings } = require("./inlineProgram");
const { pulumiEnv, pulumiBinDir } = require("./pulumi-env");

/** The passphrase the root project's Pulumi.dev.yaml secrets are encrypted with (documented in the README). */
const DEV_PASSPHRASE = "industrydata-dev";

/** The passphrase to use: PULUMI_CONFIG_PASSPHRASE from the environment, else the documented dev default. */
function configPassphrase(env = process.env) {
  return env.PULUMI_CONFIG_PASSPHRASE ?? DEV_PASSPHRASE;
}

/**
 * Selects the stack, creating it in the backend on first use (an existing Pulumi.<stack>.yaml, with its
 * encryption salt and config, is kept).
 * @param {object} opts
 * @param {string} opts.workDir    folder holding Pulumi.yaml (and Pulumi.<stack>.yaml)
 * @param {string} opts.stackName  e.g. "dev"
 * @param {string} opts.stateDir   file-backend folder (created if missing)
 * @param {string} [opts.passphrase] secrets passphrase; default configPassphrase()
 * @param {NodeJS.ProcessEnv} [opts.base] environment the CLI runs in; default process.env
 * @param {boolean} [opts.color] let the CLI colour its output (default false: NO_COLOR, as for captured logs)
 * @returns {Promise<import("@pulumi/pulumi/automation").Stack>}
 */
async function openLocalStack(opts) {
  const base = opts.base ?? process.env;
  const envVars = pulumiEnv({ stateDir: opts.stateDir, passphrase: opts.passphrase ?? configPassphrase(base), base });
  // PULUMI_CONFIG_PASSPHRASE_FILE would win over the passphrase chosen above; one source only.
  delete envVars.PULUMI_CONFIG_PASSPHRASE_FILE;
  if (opts.color) delete envVars.NO_COLOR;
  const pulumiCommand = await PulumiCommand.get({ root: path.dirname(pulumiBinDir) });
  const workDir = path.resolve(opts.workDir);
  return LocalWorkspace.createOrSelectStack(
    { stackName: opts.stackName, projectName: projectSettings(workDir).name, program: inlineProgram({ workDir }) },
    { workDir, pulumiCommand, envVars },
  );
}

/**
 * The CLI's exit code behind an Automation API CommandError, or undefined for any other error. The SDK records
 * -2 as the code whenever the CLI exits non-zero (execa rejects); the real code is on the execa error.
 */
function cliExitCode(err) {
  const result = err?.commandResult;
  if (!result) return undefined;
  const code = result.err?.exitCode ?? result.code;
  return typeof code === "number" ? code : undefined;
}

module.exports = { openLocalStack, configPassphrase, cliExitCode, DEV_PASSPHRASE };

#!/usr/bin/env node
// `npm start`: the root project's `dev` stack, end to end, with no tenant and no account.
//   1. builds dist/ when it is missing or older than provider/ and emulator/ sources;
//   2. builds the Pulumi CLI when it is not there yet (npm run pulumi:install, cached): the CLI and the Node.js
//      language host only, all the sample district needs (the YAML and code-generation hosts are asked for
//      with --yaml/--codegen/--all);
//   3. starts the emulator where Pulumi.dev.yaml points (http://127.0.0.1:7878/beta, its static token), keeping
//      the tenant in .emulator-data/tenant.json;
//   4. runs `pulumi up --refresh` of the dev stack through the Automation API (program inline, no language host)
//      on the file backend .pulumi-state, creating the stack on first run, streaming Pulumi's output;
//   5. prints what changed, the Graph requests it took and the stack outputs, then stops the emulator. The data
//      file stays, so the next `npm start` finds everything as declared and changes nothing.
// Passphrase: PULUMI_CONFIG_PASSPHRASE, else the documented dev default `industrydata-dev`.
// `--cwd DIR` runs another copy of the project the same way (state and data file under DIR; the tests use it).
"use strict";

const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { parseArgs } = require("node:util");

const root = path.resolve(__dirname, "..");
const STACK = "dev";
/** The project folder (Pulumi.yaml, Pulumi.dev.yaml), its file backend and its emulator data file. */
const workDir = path.resolve(parseFlags().cwd);
const STATE_DIR = path.join(workDir, ".pulumi-state");
const DATA_FILE = path.join(workDir, ".emulator-data", "tenant.json");
/** dist/ is stale when any of these sources is newer than its entry points. */
const SOURCE_DIRS = ["provider", "emulator"];
const DIST_ENTRIES = ["dist/provider/index.js", "dist/emulator/index.js"];

function say(msg) {
  process.stderr.write(`npm start: ${msg}\n`);
}

function parseFlags() {
  try {
    return parseArgs({ options: { cwd: { type: "string", default: root } } }).values;
  } catch (err) {
    say(`error: ${err.message} (usage: npm start [-- --cwd DIR])`);
    process.exit(2);
  }
}

/** Re-runs this script on Node >= 22 (scripts/ensure-node.sh) when started by an older one. */
function ensureNode22() {
  if (Number(process.versions.node.split(".")[0]) >= 22) return false;
  const nodeDir = spawnSync("bash", [path.join(root, "scripts", "ensure-node.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (nodeDir.status !== 0) throw new Error("Node >= 22 is required and scripts/ensure-node.sh could not provide it");
  const dir = nodeDir.stdout.trim();
  say(`Node ${process.versions.node} is too old; running on ${path.join(dir, "node")}`);
  const env = { ...process.env, PATH: `${dir}${path.delimiter}${process.env.PATH ?? ""}` };
  const run = spawnSync(path.join(dir, "node"), [__filename, ...process.argv.slice(2)], { stdio: "inherit", env });
  process.exitCode = run.status ?? 1;
  return true;
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function distIsFresh() {
  const entries = DIST_ENTRIES.map((f) => path.join(root, f));
  if (!entries.every((f) => fs.existsSync(f))) return false;
  const built = Math.min(...entries.map((f) => fs.statSync(f).mtimeMs));
  const sources = [...SOURCE_DIRS.map((d) => newestMtime(path.join(root, d))), fs.statSync(path.join(root, "tsconfig.json")).mtimeMs];
  return Math.max(...sources) <= built;
}

/** Runs a package.json script with this Node first on PATH; throws when it fails. */
function npmRun(script) {
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli ? [process.execPath, [npmCli, "run", script]] : ["npm", ["run", script]];
  const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}` };
  const run = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (run.status !== 0) throw new Error(`npm run ${script} failed (exit code ${run.status ?? run.signal}); see above`);
}

/** The emulator's port and token, from the dev stack's config, refusing anything but a loopback endpoint. */
async function emulatorSettings(stack) {
  const endpoint = new URL((await stack.getConfig("industrydata:graphEndpoint")).value);
  if (endpoint.protocol !== "http:" || endpoint.hostname !== "127.0.0.1" || !endpoint.port) {
    throw new Error(`the ${STACK} stack's industrydata:graphEndpoint (${endpoint}) is not the local emulator (http://127.0.0.1:PORT/beta); npm start runs only the emulator stack`);
  }
  const token = (await stack.getConfig("industrydata:accessToken")).value;
  return { port: Number(endpoint.port), staticToken: token, graphUrl: endpoint.href };
}

/**
 * Removes the file backend's locks on the stack left by a `pulumi` process of this machine that no longer runs (an
 * update killed outright), which would otherwise fail every later run with "the stack is currently locked".
 */
function removeStaleLocks(projectName) {
  const dir = path.join(STATE_DIR, ".pulumi", "locks", "organization", projectName, STACK);
  if (!fs.existsSync(dir)) return;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const lock = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    if (lock.hostname !== os.hostname() || isRunning(lock.pid)) continue;
    say(`removing a stale lock on the ${STACK} stack (pulumi process ${lock.pid}, ${lock.timestamp}, no longer running)`);
    for (const f of [file, `${file}.attrs`]) fs.rmSync(path.join(dir, f), { force: true });
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

/** "GET 4, PATCH 1" from the emulator's request log (Graph and token requests alike). */
async function requestCounts(adminUrl) {
  const requests = await (await fetch(`${adminUrl}/requests`)).json();
  const counts = {};
  for (const r of requests) counts[r.method] = (counts[r.method] ?? 0) + 1;
  const text = Object.entries(counts).map(([method, n]) => `${method} ${n}`).join(", ");
  return text || "none";
}

/** "4 created, 1 same" from the update summary's resourceChanges. */
function changeSummary(resourceChanges) {
  const words = { create: "created", update: "updated", delete: "deleted", replace: "replaced", same: "same" };
  const parts = Object.entries(resourceChanges ?? {}).map(([op, n]) => `${n} ${words[op] ?? op}`);
  return parts.join(", ") || "nothing";
}

function printOutputs(outputs) {
  const lines = Object.entries(outputs).map(([name, o]) => `    ${name} = ${o.secret ? "[secret]" : JSON.stringify(o.value)}`);
  process.stdout.write(`  outputs:\n${lines.join("\n")}\n`);
}

async function main() {
  if (ensureNode22()) return;
  if (!fs.existsSync(path.join(root, "node_modules", "@pulumi", "pulumi"))) {
    throw new Error("dependencies are not installed; run `npm ci` first");
  }
  if (distIsFresh()) say("dist/ is up to date");
  else {
    say("building dist/ (npm run build)");
    npmRun("build");
  }
  npmRun("pulumi:install");

  const { openLocalStack, configPassphrase, cliExitCode } = require("./localStack");
  const { projectSettings } = require("./inlineProgram");
  const { startEmulator } = require(path.join(root, "dist", "emulator"));
  say(`secrets passphrase: ${process.env.PULUMI_CONFIG_PASSPHRASE ? "from PULUMI_CONFIG_PASSPHRASE" : "the documented dev default"}`);
  const color = Boolean(process.stdout.isTTY);
  removeStaleLocks(projectSettings(workDir).name);
  const stack = await openLocalStack({ workDir, stackName: STACK, stateDir: STATE_DIR, passphrase: configPassphrase(), color });
  const settings = await emulatorSettings(stack);
  const emulator = await startEmulator({ port: settings.port, staticToken: settings.staticToken, dataFile: DATA_FILE }).catch((err) => {
    throw new Error(`could not start the emulator on port ${settings.port} (${err.message}); is another npm start running?`);
  });
  say(`emulator at ${emulator.graphUrl}, tenant kept in ${path.relative(workDir, DATA_FILE)}; state in ${path.relative(workDir, STATE_DIR)}`);

  // Ctrl-C reaches the whole process group, the CLI included, which then cancels the update cleanly; sending it
  // a second SIGINT would make it stop at once, leaving the stack locked. So SIGINT only keeps us alive until the
  // CLI is done (then `finally` stops the emulator); SIGTERM, sent to us alone, is passed on as one SIGINT.
  const abort = new AbortController();
  const onInterrupt = () => say("interrupted: waiting for Pulumi to cancel the update, then stopping the emulator");
  const onTerminate = () => {
    onInterrupt();
    abort.abort();
  };
  process.on("SIGINT", onInterrupt);
  process.on("SIGTERM", onTerminate);
  try {
    const result = await stack.up({
      refresh: true,
      onOutput: (text) => process.stdout.write(text),
      onError: (text) => process.stderr.write(text),
      color: color ? "always" : "never",
      signal: abort.signal,
    });
    process.stdout.write(`\nnpm start: the ${STACK} stack is up to date with index.ts\n`);
    process.stdout.write(`  changes: ${changeSummary(result.summary.resourceChanges)}\n`);
    process.stdout.write(`  Graph requests to the emulator: ${await requestCounts(emulator.adminUrl)}\n`);
    printOutputs(result.outputs);
  } catch (err) {
    const code = cliExitCode(err);
    if (code === undefined) throw err;
    // The CLI has printed why (streamed above).
    say(`pulumi up failed (exit code ${code})`);
    process.exitCode = code || 1;
  } finally {
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onTerminate);
    await emulator.stop();
  }
}

main().catch((err) => {
  say(`error: ${err?.message ?? err}`);
  process.exitCode = 1;
});

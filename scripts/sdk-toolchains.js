#!/usr/bin/env node
// The toolchains the Python and Go SDK checks (test/sdk) and the release build (scripts/release.js) use, set up
// once from the package registries and cached under .tools (scripts/tools-dir.js), so the tests download nothing:
// - python: a virtualenv (.tools/python/venv) with Pulumi's Python SDK from PyPI, pinned to the CLI's release,
//   and the PEP 517 build tools the release builds the wheel and sdist with;
// - go: Go's module cache (GOMODCACHE) holding github.com/pulumi/pulumi/sdk/v3 at the CLI's release and
//   everything it needs, by tidying and building a module that imports what a generated SDK imports; the tests
//   then run Go with GOPROXY=off (a module missing from the cache fails loudly instead of downloading).
// Cached on a stamp of the pins: a second run takes well under a second. .ci/run runs it before the tests.
//
// Usage: node scripts/sdk-toolchains.js [python] [go]   (default: both)
"use strict";

const { spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { toolsDir } = require("./tools-dir.js");

/** Pulumi's release on every side: the CLI (scripts/pulumi-install.js), @pulumi/pulumi, the Python and Go SDKs. */
const PULUMI_VERSION = "3.259.0";

/** What the virtualenv holds, exact versions (PyPI). */
// parver: what the generated SDK needs besides pulumi (its pyproject.toml dependencies; semver comes with pulumi).
const PYTHON_REQUIREMENTS = [`pulumi==${PULUMI_VERSION}`, "parver==1.0.1.post0", "setuptools==84.2.1", "build==1.6.1", "wheel==0.48.0"];

const pythonDir = toolsDir("python");
const venv = path.join(pythonDir, "venv");
const venvPython = path.join(venv, process.platform === "win32" ? "Scripts/python.exe" : "bin/python");
const goWarmupDir = toolsDir("go-warmup");

/** What a generated Go SDK imports besides itself (its internal/pulumiUtilities.go and resource files). */
const GO_IMPORTS = [
  "github.com/blang/semver",
  "github.com/pulumi/pulumi/sdk/v3/go/pulumi",
  "github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals",
  "github.com/pulumi/pulumi/sdk/v3/go/common/resource",
];

function log(message) {
  process.stderr.write(`sdk-toolchains: ${message}\n`);
}

function run(command, args, options = {}) {
  log(`${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], ...options });
  if (result.error) throw new Error(`could not run ${command} (${result.error.message})`);
  if (result.status !== 0) throw new Error(`${command} ${args[0]} failed with exit code ${result.status}`);
}

function stamped(file, wanted, build) {
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8").trim() === wanted) return false;
  build();
  fs.writeFileSync(file, `${wanted}\n`);
  return true;
}

/** The python3 on PATH (>= 3.9, what Pulumi's Python SDK supports). */
function systemPython() {
  for (const candidate of ["python3", "python"]) {
    const result = spawnSync(candidate, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], { encoding: "utf8" });
    if (result.status === 0) {
      const [major, minor] = result.stdout.trim().split(".").map(Number);
      if (major === 3 && minor >= 9) return candidate;
    }
  }
  return undefined;
}

function setupPython() {
  const python = systemPython();
  if (python === undefined) throw new Error("no python3 >= 3.9 on PATH: install Python 3 (with venv) and retry");
  const wanted = crypto.createHash("sha256").update(PYTHON_REQUIREMENTS.join("\n")).digest("hex");
  const built = stamped(path.join(pythonDir, "venv.stamp"), wanted, () => {
    fs.rmSync(venv, { recursive: true, force: true });
    fs.mkdirSync(pythonDir, { recursive: true });
    run(python, ["-m", "venv", venv]);
    run(venvPython, ["-m", "pip", "install", "--disable-pip-version-check", "--quiet", ...PYTHON_REQUIREMENTS]);
  });
  log(`${built ? "built" : "cached"}: ${venv} (${PYTHON_REQUIREMENTS.join(", ")})`);
}

/** The environment Go runs with for the SDK checks: this machine's caches, no downloads unless `online`. */
function goEnv({ online }) {
  return { ...process.env, GOFLAGS: "-mod=mod", ...(online ? {} : { GOPROXY: "off", GOSUMDB: "off" }) };
}

function setupGo() {
  const wanted = crypto.createHash("sha256").update(`${PULUMI_VERSION}\n${GO_IMPORTS.join("\n")}`).digest("hex");
  fs.mkdirSync(goWarmupDir, { recursive: true });
  const built = stamped(path.join(goWarmupDir, "warmup.stamp"), wanted, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-go-warmup-"));
    try {
      fs.writeFileSync(path.join(dir, "go.mod"), `module warmup\n\ngo 1.25\n\nrequire github.com/pulumi/pulumi/sdk/v3 v${PULUMI_VERSION}\n`);
      const imports = GO_IMPORTS.map((p) => `\t_ "${p}"`).join("\n");
      fs.writeFileSync(path.join(dir, "main.go"), `package main\n\nimport (\n${imports}\n)\n\nfunc main() {}\n`);
      run("go", ["mod", "tidy"], { cwd: dir, env: goEnv({ online: true }) });
      // Builds (and vets) the Pulumi SDK once into Go's build cache, so the test's build compiles only the SDK.
      run("go", ["build", "-o", os.devNull, "."], { cwd: dir, env: goEnv({ online: true }) });
      run("go", ["vet", "."], { cwd: dir, env: goEnv({ online: true }) });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  log(`${built ? "warmed" : "cached"}: Go module cache with github.com/pulumi/pulumi/sdk/v3 v${PULUMI_VERSION}`);
}

/** Whether each toolchain is set up (the tests' skip/fail decision). */
function status() {
  return {
    python: fs.existsSync(venvPython) && fs.existsSync(path.join(pythonDir, "venv.stamp")),
    go: spawnSync("go", ["version"]).status === 0 && fs.existsSync(path.join(goWarmupDir, "warmup.stamp")),
  };
}

module.exports = { PULUMI_VERSION, venvPython, goEnv, status };

if (require.main === module) {
  const wanted = process.argv.slice(2);
  const all = wanted.length === 0;
  try {
    if (all || wanted.includes("python")) setupPython();
    if (all || wanted.includes("go")) setupGo();
  } catch (error) {
    log(`error: ${error.message}`);
    process.exit(1);
  }
}

#!/usr/bin/env node
// Builds actionlint (the GitHub Actions workflow linter) from the Go module registry into .tools/actionlint
// (scripts/tools-dir.js), for test/ci/workflows.test.ts. Cached: rebuilt only when the pinned version changes.
// .ci/run runs it before the tests; locally: node scripts/actionlint-install.js
//
// Usage: node scripts/actionlint-install.js   (prints the binary's path)
"use strict";

const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { toolsDir } = require("./tools-dir.js");

const ACTIONLINT_VERSION = "1.7.12";
const dir = toolsDir("actionlint");
const binary = path.join(dir, process.platform === "win32" ? "actionlint.exe" : "actionlint");
const stampFile = path.join(dir, "version.stamp");

function install() {
  if (fs.existsSync(binary) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8").trim() === ACTIONLINT_VERSION) return binary;
  fs.mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const result = spawnSync("go", ["install", `github.com/rhysd/actionlint/cmd/actionlint@v${ACTIONLINT_VERSION}`], {
    env: { ...process.env, GOBIN: dir, GOFLAGS: "" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.error) throw new Error(`could not run go (${result.error.message}); install Go >= 1.24 and retry`);
  if (result.status !== 0) throw new Error(`go install actionlint failed with exit code ${result.status}`);
  fs.writeFileSync(stampFile, `${ACTIONLINT_VERSION}\n`);
  process.stderr.write(`actionlint-install: built actionlint v${ACTIONLINT_VERSION} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return binary;
}

module.exports = { actionlintPath: binary, ACTIONLINT_VERSION, install };

if (require.main === module) {
  try {
    process.stdout.write(`${install()}\n`);
  } catch (error) {
    process.stderr.write(`actionlint-install: error: ${error.message}\n`);
    process.exit(1);
  }
}

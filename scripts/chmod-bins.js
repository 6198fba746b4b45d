// Marks the package's own commands (package.json "bin", built by tsc) executable. npm does this when it installs
// the package; in this repository nothing else does, and tsc writes new files 0644, so `npx industrydata-emulator`
// from a fresh clone failed with "Permission denied" unless some earlier step happened to set the bit.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const { bin = {} } = require(path.join(root, "package.json"));
for (const target of Object.values(bin)) {
  const file = path.join(root, target);
  if (!fs.existsSync(file)) {
    process.stderr.write(`chmod-bins: ${target} was not built\n`);
    process.exitCode = 1;
    continue;
  }
  fs.chmodSync(file, fs.statSync(file).mode | 0o111);
}

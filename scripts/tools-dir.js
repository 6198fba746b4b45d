// Where the release tooling caches what it builds or downloads (SEA node binaries and archives, the Python
// virtualenv, Go's module and build caches for the SDK checks, actionlint): .tools, as the Pulumi CLI's build,
// unless INDUSTRYDATA_TOOLS_DIR names another folder (a worktree whose .tools is shared with others).
"use strict";

const path = require("node:path");

const root = path.resolve(__dirname, "..");

/** The folder `name` under the tools folder. */
function toolsDir(name) {
  const base = process.env.INDUSTRYDATA_TOOLS_DIR ? path.resolve(process.env.INDUSTRYDATA_TOOLS_DIR) : path.join(root, ".tools");
  return path.join(base, name);
}

module.exports = { toolsDir };

#!/usr/bin/env node
// Packs the provider plugin as the tarball `pulumi plugin install` takes:
//   pulumi plugin install resource industrydata <version> --file pulumi-resource-industrydata-v<version>-<os>-<arch>.tar.gz
// The engine then finds it in its plugin cache (~/.pulumi/plugins/resource-industrydata-v<version>) for any
// program on any language host, with no node_modules of the program involved.
//
// Layout: `pulumi-resource-industrydata` (a sh launcher, at the root as the engine expects) runs
// `package/bin/pulumi-resource-industrydata` with the `node` on PATH (Node >= 22); `package/` holds this
// package's built files (package.json "files") and its production dependencies, copied from the installed
// node_modules (`npm ls --omit=dev`), so packing needs no network. Run `npm run build` first.
//
// Usage: node scripts/plugin-pack.js [--out <dir>]   (default dir: .bench/plugin; prints the tarball's path)
"use strict";

const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const pkg = require(path.join(root, "package.json"));

/** Pulumi's names for this machine, as plugin tarballs are named. */
function platform() {
  const osName = { linux: "linux", darwin: "darwin", win32: "windows" }[process.platform] ?? process.platform;
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch] ?? process.arch;
  return `${osName}-${arch}`;
}

/** Top-level production dependency folders (nested ones come with their parents), this package itself excluded. */
function productionDependencies() {
  const modules = path.join(root, "node_modules");
  const listed = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter((line) => line.startsWith(modules + path.sep));
  const topLevel = new Set(listed.map((dir) => path.relative(modules, dir)).filter((rel) => !rel.includes(`${path.sep}node_modules${path.sep}`)));
  topLevel.delete(pkg.name);
  return [...topLevel].sort();
}

/**
 * Not packed: `.bin` folders (links the engine refuses to extract, and no plugin runs them) and `typescript`,
 * which @pulumi/pulumi needs only to run and serialize programs; the plugin loads @pulumi/pulumi's generated
 * gRPC stubs alone.
 */
const EXCLUDED = ["*/.bin", "node_modules/typescript"];

function pack(outDir) {
  const plugin = path.join(root, "bin", "pulumi-resource-industrydata");
  if (!fs.existsSync(path.join(root, "dist", "provider", "plugin", "main.js"))) throw new Error("dist/ is missing: run npm run build first");
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-plugin-"));
  try {
    const launcher = `#!/bin/sh
# The industrydata resource provider plugin (${pkg.name} ${pkg.version}); needs Node.js >= 22 as \`node\` on PATH.
exec node "$(dirname "$0")/package/${path.relative(root, plugin)}" "$@"
`;
    fs.writeFileSync(path.join(staging, "pulumi-resource-industrydata"), launcher, { mode: 0o755 });
    fs.mkdirSync(outDir, { recursive: true });
    const tarball = path.join(outDir, `pulumi-resource-industrydata-v${pkg.version}-${platform()}.tar.gz`);
    // Straight from the working tree (no copy): this package's files and its dependencies under package/, then
    // the launcher at the root, then compressed.
    const sources = ["package.json", ...pkg.files, ...productionDependencies().map((dep) => path.join("node_modules", dep))];
    const tar = path.join(staging, "plugin.tar");
    // --hard-dereference: npm hard-links some binaries (esbuild's), and the engine refuses a hard-link entry.
    execFileSync("tar", ["-cf", tar, "--hard-dereference", ...EXCLUDED.map((pattern) => `--exclude=${pattern}`), "--transform", "s,^,package/,", "-C", root, ...sources]);
    execFileSync("tar", ["-rf", tar, "-C", staging, "pulumi-resource-industrydata"]);
    execFileSync("gzip", ["-1", tar]); // fastest level: 10% bigger than -6, half the time
    fs.renameSync(`${tar}.gz`, tarball);
    return tarball;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

module.exports = { pack };

if (require.main === module) {
  const at = process.argv.indexOf("--out");
  const outDir = at > 0 ? path.resolve(process.argv[at + 1]) : path.join(root, ".bench", "plugin");
  const started = Date.now();
  const tarball = pack(outDir);
  process.stderr.write(`plugin-pack: ${path.relative(root, tarball)} (${(fs.statSync(tarball).size / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  process.stdout.write(`${tarball}\n`);
}

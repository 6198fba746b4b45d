#!/usr/bin/env node
// `npm run release`: every artifact of a release, built into one folder (default release/):
//   pulumi-resource-industrydata-v<v>-<os>-<arch>.tar.gz   the plugin executables (scripts/plugin-executable.js):
//                                                          linux-amd64, linux-arm64, windows-amd64 on Linux x64;
//                                                          darwin-arm64 on macOS (the workflow merges them)
//   schema.json                                            the package schema the SDKs are generated from
//   python/pulumi_industrydata-<v>-py3-none-any.whl, python/pulumi_industrydata-<v>.tar.gz   (PyPI)
//   pulumi-industrydata-go-v<v>.tar.gz                     the Go SDK module (committed at sdk/go, tag sdk/go/v<v>)
//   pulumi-industrydata-dotnet-v<v>.tar.gz                 the .NET SDK project (packed by `dotnet pack` in CI)
//   pulumi-industrydata-sdk-<v>.tgz                        the Node.js SDK (npm pack of the compiled SDK)
//   SHA256SUMS                                             sha256sum's format, every file above
//
// The SDKs come from `pulumi package gen-sdk` (the code-generation hosts scripts/pulumi-install.js builds) on the
// schema of this version, with the plugin's download URL naming --repository (default: the schema's own). The
// wheel and sdist are built offline with the virtualenv scripts/sdk-toolchains.js sets up.
//
// Same inputs, same bytes: every archive written here is a sorted tar, owned 0:0, mtime SOURCE_DATE_EPOCH (default
// the HEAD commit's time), gzip -n; npm pack fixes its own times. Exceptions: the linux-amd64 executable's V8 code
// cache (see plugin-executable.js), and the sdist's gzip header, which Python's tarfile stamps with the build time
// (the wheel honours SOURCE_DATE_EPOCH).
//
// Usage: npm run release [-- --out <dir>] [--repository <owner/name>] [--target <os-arch> ...]
"use strict";

const { execFileSync, spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { buildArchives, buildableTargets } = require("./plugin-executable.js");
const { pulumiEnv, pulumiCli } = require("./pulumi-env.js");
const { venvPython } = require("./sdk-toolchains.js");

const root = path.resolve(__dirname, "..");
const pkg = require(path.join(root, "package.json"));

function log(message) {
  process.stderr.write(`release: ${message}\n`);
}

/** Runs a tool quietly; its output is shown only when it fails. */
function quiet(file, args, options = {}) {
  const result = spawnSync(file, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new Error(`could not run ${path.basename(file)}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${path.basename(file)} ${args.slice(0, 3).join(" ")} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

function sourceDateEpoch() {
  if (process.env.SOURCE_DATE_EPOCH) return Number(process.env.SOURCE_DATE_EPOCH);
  try {
    return Number(execFileSync("git", ["log", "-1", "--format=%ct"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  } catch {
    return 0;
  }
}

/** Sets every file's and folder's times under `dir` to `epoch` (what tar and setuptools record). */
function touchAll(dir, epoch) {
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) fs.utimesSync(path.join(entry.parentPath, entry.name), epoch, epoch);
  fs.utimesSync(dir, epoch, epoch);
}

/** A sorted, 0:0-owned tar.gz of `dir`'s content with fixed times, gzip'd without name or time. */
function reproducibleTarGz(dir, archive, epoch) {
  touchAll(dir, epoch);
  const tar = `${archive}.${process.pid}.tar.partial`;
  execFileSync("tar", ["--sort=name", `--mtime=@${epoch}`, "--owner=0", "--group=0", "--numeric-owner", "--mode=go-w", "--format=gnu", "-cf", tar, "-C", dir, "."]);
  execFileSync("gzip", ["-n", "-9", "-f", tar]);
  fs.renameSync(`${tar}.gz`, archive);
}

/** `pulumi package gen-sdk` of `schemaFile` for `language` into `<out>/<language>`. */
function genSdk(schemaFile, language, out, env) {
  log(`pulumi package gen-sdk --language ${language}`);
  quiet(pulumiCli, ["package", "gen-sdk", schemaFile, "--language", language, "--out", out, "--non-interactive"], { env });
  return path.join(out, language);
}

/** The Node.js SDK compiled (its own tsconfig, this repository's TypeScript and @pulumi/pulumi) and packed. */
function nodeSdk(dir, outDir, epoch) {
  const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  // The SDK's own imports (@pulumi/pulumi) resolve from this repository's node_modules, through a link.
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  quiet(process.execPath, [tsc, "-p", dir]);
  fs.rmSync(path.join(dir, "node_modules"));
  // Packed from the compiled folder, as Pulumi's own SDKs are: index.js at the package root, and package.json
  // beside utilities.js, which reads its version from there.
  const bin = path.join(dir, "bin");
  for (const file of ["package.json", "README.md"]) fs.copyFileSync(path.join(dir, file), path.join(bin, file));
  touchAll(bin, epoch);
  const packed = JSON.parse(quiet("npm", ["pack", "--json", "--pack-destination", outDir], { cwd: bin }));
  return path.join(outDir, packed[0].filename);
}

/** The wheel and the sdist, built offline (--no-isolation: setuptools from the toolchain virtualenv). */
function pythonSdk(dir, outDir, epoch) {
  if (!fs.existsSync(venvPython)) throw new Error(`no ${venvPython}: node scripts/sdk-toolchains.js python sets it up`);
  // pyproject.toml names README.md beside it; the generator writes the schema's readme into the module folder.
  fs.copyFileSync(path.join(dir, "pulumi_industrydata", "README.md"), path.join(dir, "README.md"));
  touchAll(dir, epoch);
  quiet(venvPython, ["-m", "build", "--wheel", "--sdist", "--no-isolation", "--outdir", outDir, dir], { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: String(epoch) } });
  return fs.readdirSync(outDir).map((f) => path.join(outDir, f));
}

function sha256(file) {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** SHA256SUMS of every file under `outDir` (paths relative to it, sorted), as sha256sum -c reads it. */
function writeChecksums(outDir) {
  const files = fs
    .readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== "SHA256SUMS")
    .map((e) => path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
  fs.writeFileSync(path.join(outDir, "SHA256SUMS"), files.map((f) => `${sha256(path.join(outDir, f))}  ${f}\n`).join(""));
}

async function release({ outDir, repository, targets }) {
  const { packageSchema, DEFAULT_REPOSITORY } = require(path.join(root, "dist", "provider", "plugin", "packageSchema.js"));
  const version = pkg.version;
  const epoch = sourceDateEpoch();
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-release-"));
  try {
    const archives = await buildArchives(targets, outDir);
    log(`plugin archives: ${archives.map((a) => path.basename(a)).join(", ")}`);

    const schemaFile = path.join(outDir, "schema.json");
    fs.writeFileSync(schemaFile, `${JSON.stringify(packageSchema({ version, repository: repository ?? DEFAULT_REPOSITORY }), null, 2)}\n`);
    const env = pulumiEnv({ stateDir: path.join(staging, "state"), base: { ...process.env, PULUMI_NODEJS_TRANSPILE_ONLY: "true" } });
    const sdk = path.join(staging, "sdk");
    for (const language of ["nodejs", "python", "go", "dotnet"]) genSdk(schemaFile, language, sdk, env);

    reproducibleTarGz(path.join(sdk, "go"), path.join(outDir, `pulumi-industrydata-go-v${version}.tar.gz`), epoch);
    reproducibleTarGz(path.join(sdk, "dotnet"), path.join(outDir, `pulumi-industrydata-dotnet-v${version}.tar.gz`), epoch);
    const pythonOut = path.join(outDir, "python");
    fs.mkdirSync(pythonOut);
    log(`python: ${pythonSdk(path.join(sdk, "python"), pythonOut, epoch).map((f) => path.basename(f)).join(", ")}`);
    log(`nodejs: ${path.basename(nodeSdk(path.join(sdk, "nodejs"), outDir, epoch))}`);
    writeChecksums(outDir);
    for (const line of fs.readFileSync(path.join(outDir, "SHA256SUMS"), "utf8").trim().split("\n")) log(line);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

module.exports = { release };

if (require.main === module) {
  const args = process.argv.slice(2);
  const options = { outDir: path.join(root, "release"), repository: undefined, targets: [] };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--out") options.outDir = path.resolve(args[++i]);
    else if (args[i] === "--repository") options.repository = args[++i];
    else if (args[i] === "--target") options.targets.push(args[++i]);
    else {
      log(`unknown argument ${args[i]}`);
      process.exit(2);
    }
  }
  if (options.targets.length === 0) options.targets = buildableTargets();
  const started = Date.now();
  release(options).then(
    () => log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${path.relative(process.cwd(), options.outDir) || "."}`),
    (error) => {
      log(`error: ${error.message}`);
      process.exit(1);
    },
  );
}

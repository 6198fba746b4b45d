#!/usr/bin/env node
// Builds the Pulumi CLI (and the Node.js language host) from the Go module registry into .tools/pulumi/bin,
// next to a wrapper for the Node dynamic-provider plugin that ships inside @pulumi/pulumi; and, when asked
// for, the Pulumi YAML language host (--yaml) and the code-generation hosts (--codegen). `npm start` needs
// only the CLI and the Node.js host, so it asks for nothing more (each extra host adds minutes to a first
// run on empty Go caches); CI asks for everything (--all). Nothing is downloaded except Go modules: the
// Pulumi CLI's own installer fetches prebuilt binaries from hosts this project cannot reach.
//
// Cached, each build on its own: the CLI when .tools/pulumi/bin/pulumi reports the pinned version and
// its stamp (a hash of tools/pulumi-cli's go.mod, go.sum and language-host sources) matches; the YAML
// host when its stamp (tools/pulumi-yaml's go.mod and go.sum) matches. A changed YAML pin never
// rebuilds the CLI. Go's own module and build caches (GOMODCACHE, GOCACHE) make a rebuild after a
// clean fast.
//
// The code-generation language hosts are what `pulumi package gen-sdk` and `pulumi import` need for
// Python, Go and .NET (see installCodegenHosts), cached on their own stamp.
//
// Usage: npm run pulumi:install [-- --yaml] [-- --codegen] [-- --all] [-- --force]
"use strict";

const { execFileSync, spawnSync } = require("node:child_process");
const { parseArgs } = require("node:util");
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

/** The Pulumi release the CLI is built from; keep equal to @pulumi/pulumi in package.json. */
const PULUMI_VERSION = "3.259.0";

/**
 * The Pulumi YAML release its language host is built from; keep equal to the pulumi-yaml require in
 * tools/pulumi-yaml/go.mod. Its own module: v1.25.0 links against pulumi/pkg v3.206.0 and does not
 * compile against the CLI's v3.259.0 (plugin.NewContextWithRoot changed), so it cannot share the
 * CLI's go.mod.
 */
const PULUMI_YAML_VERSION = "1.25.0";

const root = path.resolve(__dirname, "..");
const moduleDir = path.join(root, "tools", "pulumi-cli");
const toolsDir = path.join(root, ".tools", "pulumi");
const binDir = path.join(toolsDir, "bin");
const stampFile = path.join(toolsDir, "build.stamp");
const cliPath = path.join(binDir, "pulumi");
const langHostPath = path.join(binDir, "pulumi-language-nodejs");
const dynamicProviderPath = path.join(binDir, "pulumi-resource-pulumi-nodejs");
const yamlModuleDir = path.join(root, "tools", "pulumi-yaml");
const yamlHostPath = path.join(binDir, "pulumi-language-yaml");
const yamlStampFile = path.join(toolsDir, "yaml-build.stamp");
const codegenDotnetModuleDir = path.join(root, "tools", "pulumi-codegen-dotnet");
const codegenStampFile = path.join(toolsDir, "codegen-build.stamp");
/** Code-generation-only hosts: one binary serves Python and Go (it reads the language from its name). */
const codegenHostPaths = ["python", "go"].map((language) => path.join(binDir, `pulumi-language-${language}`));
const dotnetHostPath = path.join(binDir, "pulumi-language-dotnet");

function log(msg) {
  process.stderr.write(`pulumi-install: ${msg}\n`);
}

/** Hash of everything that decides what the build produces, so a changed pin or host rebuilds. */
function sourceStamp() {
  const hash = crypto.createHash("sha256");
  hash.update(`pulumi ${PULUMI_VERSION}\n`);
  const files = ["go.mod", "go.sum", ...goSources(moduleDir, "cmd/pulumi-language-nodejs"), ...goSources(moduleDir, "internal/codegenhost")];
  for (const f of files) {
    hash.update(`${f}\n`);
    hash.update(fs.readFileSync(path.join(moduleDir, f)));
  }
  return hash.digest("hex");
}

/** The non-test Go files of a package folder, relative to its module, sorted. */
function goSources(module, dir) {
  return fs
    .readdirSync(path.join(module, dir))
    .filter((f) => f.endsWith(".go") && !f.endsWith("_test.go"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Hash of what decides the code-generation hosts: both modules' pins and the hosts' sources. */
function codegenSourceStamp() {
  const hash = crypto.createHash("sha256");
  hash.update(`pulumi ${PULUMI_VERSION}\n`);
  const inputs = [
    ...["go.mod", "go.sum", ...goSources(moduleDir, "cmd/pulumi-language-codegen"), ...goSources(moduleDir, "internal/codegenhost")].map((f) => [moduleDir, f]),
    ...["go.mod", "go.sum", ...goSources(codegenDotnetModuleDir, ".")].map((f) => [codegenDotnetModuleDir, f]),
  ];
  for (const [module, f] of inputs) {
    hash.update(`${path.relative(root, path.join(module, f))}\n`);
    hash.update(fs.readFileSync(path.join(module, f)));
  }
  return hash.digest("hex");
}

function isCodegenCached() {
  const built = [...codegenHostPaths, dotnetHostPath].every((p) => fs.existsSync(p));
  return built && fs.existsSync(codegenStampFile) && fs.readFileSync(codegenStampFile, "utf8").trim() === codegenSourceStamp();
}

/** The version the installed CLI reports, or null when it is missing or broken. */
function installedVersion() {
  if (!fs.existsSync(cliPath)) return null;
  const r = spawnSync(cliPath, ["version"], { encoding: "utf8", env: offlineEnv() });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Environment for running the CLI here without any network: no update check, no plugin downloads. */
function offlineEnv() {
  return {
    ...process.env,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
}

/** Hash of what decides the YAML host build: its release and its module's pins. */
function yamlSourceStamp() {
  const hash = crypto.createHash("sha256");
  hash.update(`pulumi-yaml ${PULUMI_YAML_VERSION}\n`);
  for (const f of ["go.mod", "go.sum"]) {
    hash.update(`${f}\n`);
    hash.update(fs.readFileSync(path.join(yamlModuleDir, f)));
  }
  return hash.digest("hex");
}

function isYamlHostCached() {
  return fs.existsSync(yamlHostPath) && fs.existsSync(yamlStampFile) && fs.readFileSync(yamlStampFile, "utf8").trim() === yamlSourceStamp();
}

function checkYamlPin() {
  const goMod = fs.readFileSync(path.join(yamlModuleDir, "go.mod"), "utf8");
  const pinned = /^\s*(?:require\s+)?github\.com\/pulumi\/pulumi-yaml\s+v(\S+)/m.exec(goMod)?.[1];
  if (pinned !== PULUMI_YAML_VERSION) {
    throw new Error(`tools/pulumi-yaml/go.mod pins pulumi-yaml ${pinned ?? "(nothing)"} but the script builds ${PULUMI_YAML_VERSION}; keep them equal`);
  }
}

function isCached() {
  if (!fs.existsSync(langHostPath) || !fs.existsSync(dynamicProviderPath)) return false;
  if (installedVersion() !== `v${PULUMI_VERSION}`) return false;
  return fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8").trim() === sourceStamp();
}

function goEnv() {
  // -mod=mod: go.sum is committed, but let `go` add a missing checksum instead of failing on a
  // toolchain that computes the build list slightly differently. Keep any GOFLAGS already set.
  const goflags = [process.env.GOFLAGS, "-mod=mod"].filter(Boolean).join(" ");
  return { ...process.env, GOFLAGS: goflags };
}

function go(args, cwd = moduleDir) {
  log(`go ${args.join(" ")} (in ${path.relative(root, cwd)})`);
  const r = spawnSync("go", args, { cwd, env: goEnv(), stdio: "inherit" });
  if (r.error) {
    throw new Error(
      `could not run go (${r.error.message}); install Go >= 1.25 (the Debian package golang-go or go.dev) and retry`,
    );
  }
  if (r.status !== 0) throw new Error(`go ${args[0]} failed with exit code ${r.status}`);
}

/**
 * The dynamic-provider plugin the engine starts for pulumi.dynamic.Resource. The script shipped in
 * @pulumi/pulumi resolves the SDK from its working directory only and exits 0 silently when that
 * fails; this wrapper falls back to the repository's copy and fails loudly instead.
 */
function writeDynamicProviderWrapper() {
  const fallback = require.resolve("@pulumi/pulumi/cmd/dynamic-provider", { paths: [root] });
  const script = `#!/bin/sh
# Generated by scripts/pulumi-install.js: Pulumi's Node dynamic-provider plugin (pulumi-nodejs).
# Prefer the @pulumi/pulumi the program itself resolves; else the repository's copy.
provider=$(node -e "process.stdout.write(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))" 2>/dev/null) || provider=''
if [ -z "$provider" ]; then provider='${fallback}'; fi
exec node "$provider" "$@"
`;
  fs.writeFileSync(dynamicProviderPath, script, { mode: 0o755 });
}

function checkSdkVersion() {
  const sdk = require(require.resolve("@pulumi/pulumi/package.json", { paths: [root] }));
  if (sdk.version !== PULUMI_VERSION) {
    log(`warning: @pulumi/pulumi is ${sdk.version} but the CLI is pinned to ${PULUMI_VERSION}; keep them on one release`);
  }
}

/** The Pulumi YAML language host, so the engine runs `runtime: yaml` programs (it sits next to `pulumi`). */
function installYamlHost(force) {
  checkYamlPin();
  if (!force && isYamlHostCached()) {
    log(`cached: ${yamlHostPath} is pulumi-yaml v${PULUMI_YAML_VERSION}`);
    return;
  }
  fs.mkdirSync(binDir, { recursive: true });
  const started = Date.now();
  go(
    [
      "build",
      "-o",
      yamlHostPath,
      "-ldflags",
      `-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=v${PULUMI_YAML_VERSION}`,
      "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml",
    ],
    yamlModuleDir,
  );
  fs.writeFileSync(yamlStampFile, `${yamlSourceStamp()}\n`);
  log(`built the YAML language host in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * The language hosts `pulumi package gen-sdk` and `pulumi import` call for code generation in Python, Go
 * and .NET (GeneratePackage, GenerateProgram); the Node.js host serves both itself. The upstream hosts are
 * modules the Go registry reachable here refuses, so these wrap the generators pulumi/pkg ships: Python and
 * Go from the CLI's v3.259.0 (tools/pulumi-cli/cmd/pulumi-language-codegen, one binary installed under both
 * names), .NET from v3.206.0, the last release that still has it (tools/pulumi-codegen-dotnet, a module of
 * its own on the Pulumi YAML host's pins, so it shares that build's module and build caches). They generate
 * code only: they cannot run Python, Go or .NET programs.
 */
function installCodegenHosts(force) {
  if (!force && isCodegenCached()) {
    log(`cached: code-generation hosts ${[...codegenHostPaths, dotnetHostPath].map((p) => path.basename(p)).join(", ")}`);
    return;
  }
  fs.mkdirSync(binDir, { recursive: true });
  const started = Date.now();
  const ldflags = `-s -w -X main.version=${PULUMI_VERSION}`;
  const [first, ...others] = codegenHostPaths;
  go(["build", "-o", first, "-ldflags", ldflags, "./cmd/pulumi-language-codegen"]);
  for (const other of others) fs.copyFileSync(first, other);
  go(["build", "-o", dotnetHostPath, "-ldflags", "-s -w", "."], codegenDotnetModuleDir);
  fs.writeFileSync(codegenStampFile, `${codegenSourceStamp()}\n`);
  log(`built the code-generation hosts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** What to build beyond the CLI: the flags, `--all` meaning every host. */
function parseFlags(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      yaml: { type: "boolean", default: false },
      codegen: { type: "boolean", default: false },
      all: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
    },
  });
  return { force: values.force, yaml: values.yaml || values.all, codegen: values.codegen || values.all };
}

function main() {
  const { force, yaml, codegen } = parseFlags(process.argv.slice(2));
  checkSdkVersion();
  if (!force && isCached()) {
    log(`cached: ${cliPath} is v${PULUMI_VERSION}`);
  } else {
    fs.mkdirSync(binDir, { recursive: true });
    const started = Date.now();
    go([
      "build",
      "-o",
      cliPath,
      "-ldflags",
      `-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${PULUMI_VERSION}`,
      "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi",
    ]);
    go([
      "build",
      "-o",
      langHostPath,
      "-ldflags",
      `-s -w -X main.version=${PULUMI_VERSION}`,
      "./cmd/pulumi-language-nodejs",
    ]);
    writeDynamicProviderWrapper();
    fs.writeFileSync(stampFile, `${sourceStamp()}\n`);
    log(`built the CLI in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (!fs.existsSync(dynamicProviderPath)) writeDynamicProviderWrapper();
  // The YAML host first: the .NET code-generation host shares its module and build caches.
  if (yaml) installYamlHost(force);
  if (codegen) installCodegenHosts(force);
  const version = execFileSync(cliPath, ["version"], { encoding: "utf8", env: offlineEnv() }).trim();
  process.stdout.write(`pulumi ${version} (${cliPath})\n`);
  if (yaml) process.stdout.write(`pulumi-language-yaml v${PULUMI_YAML_VERSION} (${yamlHostPath})\n`);
  if (!yaml || !codegen) {
    const skipped = [...(yaml ? [] : ["--yaml (Pulumi YAML programs)"]), ...(codegen ? [] : ["--codegen (gen-sdk/import for Python, Go, .NET)"])];
    log(`not built unless asked for: ${skipped.join(", ")}; --all builds every host`);
  }
}

try {
  main();
} catch (err) {
  log(`error: ${err.message}`);
  process.exit(1);
}

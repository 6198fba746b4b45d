// The Pulumi project in a folder (Pulumi.yaml + its `main` TypeScript program) as an Automation API inline
// program: the program runs inside this Node process, the CLI talks to it over `--client`, and no language
// host is involved. TypeScript is compiled the way `@pulumi/pulumi/cmd/run` (the language host's runner)
// does it: the ts-node that @pulumi/pulumi vendors, the project's `typescript` and tsconfig.json.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

/** ts-node registrations are process-wide: one per process is enough. */
let registered = false;

/**
 * `name` and `main` (absolute; default the folder itself) of the project's Pulumi.yaml. Two top-level scalar
 * keys need no YAML parser.
 */
function projectSettings(workDir) {
  const text = fs.readFileSync(path.join(workDir, "Pulumi.yaml"), "utf8");
  const key = (name) => new RegExp(`^${name}:\\s*["']?([^"'#\\n]+?)["']?\\s*(?:#.*)?$`, "m").exec(text)?.[1];
  const name = key("name");
  if (!name) throw new Error(`${path.join(workDir, "Pulumi.yaml")} has no project name`);
  return { name, main: path.resolve(workDir, key("main") ?? ".") };
}

/**
 * Registers ts-node for `.ts` files as the language host's runner does: transpile-only when
 * PULUMI_NODEJS_TRANSPILE_ONLY=true (or the tsconfig's `noCheck`), else type-checked.
 */
function registerTypeScript(workDir) {
  if (registered) return;
  const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [workDir] }));
  const tsNode = require(path.join(sdkDir, "vendor", "ts-node@7.0.1"));
  const compiler = require.resolve("typescript", { paths: [workDir, sdkDir] });
  const ts = require(compiler);
  const project = path.join(workDir, "tsconfig.json");
  const compilerOptions = fs.existsSync(project) ? ts.readConfigFile(project, ts.sys.readFile).config?.compilerOptions ?? {} : {};
  const env = process.env.PULUMI_NODEJS_TRANSPILE_ONLY;
  tsNode.register({
    compiler,
    project,
    skipProject: !fs.existsSync(project),
    transpileOnly: env ? env === "true" : compilerOptions.noCheck,
    compilerOptions: { target: "ES2020", module: "commonjs", moduleResolution: "node", sourceMap: true, ...compilerOptions },
  });
  registered = true;
}

/**
 * The inline program for the project in `workDir`: each run evaluates the project's main module afresh (the
 * Automation API may run a program more than once per process) and returns its exports as stack outputs.
 * @param {object} opts
 * @param {string} opts.workDir folder holding Pulumi.yaml
 * @returns {() => Promise<Record<string, unknown>>}
 */
function inlineProgram(opts) {
  const workDir = path.resolve(opts.workDir);
  const main = require.resolve(projectSettings(workDir).main);
  return async () => {
    if (main.endsWith(".ts")) registerTypeScript(workDir);
    delete require.cache[main];
    return { ...require(main) };
  };
}

module.exports = { inlineProgram, projectSettings };

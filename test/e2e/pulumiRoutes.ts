/**
 * The two ways these tests run a Pulumi operation on a project's stack with the locally built CLI
 * (scripts/pulumi-install.js), each in a child process (Pulumi's closure serializer reads Node's own module
 * cache, which jest replaces, so a program must never run inside jest):
 * - `automation`: scripts/pulumi-inline.js, the Automation API with the program inline (no language host), the
 *   route issue 6 prescribes when the upstream Node.js language host cannot be built, and the one `npm start` uses;
 * - `cli`: the `pulumi` command itself, whose engine starts our Node.js language host (tools/pulumi-cli).
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { scanKeptOutput } from "../support/scanKeptOutput";
import { scanStateBackend } from "../support/stateBackend";
import { repoRoot } from "./rootProjectCopy";

const { pulumiEnv, pulumiCli, pulumiBinDir } = require("../../scripts/pulumi-env.js") as {
  pulumiEnv(options: { stateDir: string; passphrase?: string; base?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv;
  pulumiCli: string;
  pulumiBinDir: string;
};

export { pulumiCli, pulumiBinDir };

/** What `npm run pulumi:install` builds into the CLI's folder, by what a test needs. */
export const CLI_TOOLS = {
  /** The CLI, the Node.js language host and the dynamic-provider plugin wrapper. */
  nodejs: ["pulumi", "pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"],
  /** The CLI and the Pulumi YAML language host (tools/pulumi-yaml). */
  yaml: ["pulumi", "pulumi-language-yaml"],
} as const;

/** The files of `tools` missing from the CLI's folder. */
function missingTools(tools: readonly string[]): string[] {
  return tools.filter((f) => !fs.existsSync(path.join(pulumiBinDir, f)));
}

/** The CLI, the language host and the dynamic-provider plugin wrapper are all there. */
export const cliBuilt = missingTools(CLI_TOOLS.nodejs).length === 0;

const inCi = /^(1|true|yes)$/i.test(process.env.CI ?? "");

/**
 * `describe(name, body)` when the CLI is built (with the language host `tools` names: the Node.js one unless
 * told), printing its version (`pulumi version`) in the test log. Without it: skipped with a notice locally,
 * and a failing test in CI (CI=true), where the end-to-end tests must run. Sets a generous timeout: each step
 * starts real processes.
 */
export function describeWithCli(name: string, body: () => void, options: { tools?: readonly string[] } = {}): void {
  jest.setTimeout(5 * 60_000);
  const missing = missingTools(options.tools ?? CLI_TOOLS.nodejs);
  if (missing.length === 0) {
    const version = execFileSync(pulumiCli, ["version"], { encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } }).trim();
    console.log(`e2e: Pulumi CLI ${version} (${pulumiCli})`);
    describe(name, body);
  } else if (inCi) {
    test(`${name}: the Pulumi CLI is built (CI runs the end-to-end tests, never skips them)`, () => {
      throw new Error(`no ${missing.join(", ")} in ${pulumiBinDir}: .ci/run must run \`npm run pulumi:install -- --all\` before \`npm test\``);
    });
  } else {
    console.warn(`skipping "${name}": no ${missing.join(", ")} in ${pulumiBinDir} (npm run pulumi:install -- --all builds it)`);
    describe.skip(name, body);
  }
}

/** One Pulumi operation: `up`, `preview`, `destroy`, with the flags both routes understand. */
export interface Operation {
  op: "up" | "preview" | "destroy";
  refresh?: boolean;
  expectNoChanges?: boolean;
  diff?: boolean;
  /** Compile the program without type-checking it (PULUMI_NODEJS_TRANSPILE_ONLY), as both routes honour. */
  transpileOnly?: boolean;
  /** Extra environment for the program (a variant it declares, say). */
  env?: Record<string, string>;
}

/** What a run did: exit code and everything it printed. */
export interface RunResult {
  code: number;
  output: string;
}

/** A way to run operations on one stack of one project folder. */
export interface PulumiRoute {
  name: string;
  /** Creates the stack when the route needs it done first (the Automation API creates it on first use). */
  init(): Promise<RunResult | undefined>;
  run(operation: Operation): Promise<RunResult>;
}

function flags(operation: Operation): string[] {
  return [
    ...(operation.refresh ? ["--refresh"] : []),
    ...(operation.expectNoChanges ? ["--expect-no-changes"] : []),
    ...(operation.diff ? ["--diff"] : []),
  ];
}

function programEnv(env: NodeJS.ProcessEnv, operation: Operation): NodeJS.ProcessEnv {
  return { ...env, ...(operation.transpileOnly ? { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } : {}), ...operation.env };
}

/**
 * Runs one process and hands everything it printed to the suite-wide leak scan (scanKeptOutput): a plan, an
 * error or a log of the real CLI or the Automation API must never show a test secret, whether or not the
 * test itself looks at the output; and so does every file of the state backend in `stateDir` after it (stack files,
 * history, backups: test/support/stateBackend.ts).
 */
function run(file: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; stateDir: string }): Promise<RunResult> {
  const { stateDir, ...spawnOptions } = options;
  return new Promise((resolve) => {
    execFile(file, args, { ...spawnOptions, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}\n${stderr}`;
      scanKeptOutput({ source: `output of ${path.basename(file)} ${args.slice(0, 2).join(" ")}`, text: output });
      scanStateBackend(stateDir);
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, output });
    });
  });
}

/**
 * What a plan of `pulumi preview --json` (the run's output) gives as the reasons of each replacement, by
 * resource name: the properties the provider named, as CI tooling and policy read them.
 */
export function replaceReasons(output: string): Record<string, string[]> {
  const plan = JSON.parse(output.slice(output.indexOf("{"), output.lastIndexOf("}") + 1)) as { steps: { op: string; urn: string; replaceReasons?: string[] }[] };
  return Object.fromEntries(plan.steps.filter((s) => s.op === "replace").map((s) => [s.urn.split("::").pop()!, s.replaceReasons ?? []]));
}

/** The caller's environment without settings that would steer the runs elsewhere. */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(INDUSTRYDATA_|AZURE_|PULUMI_)/.test(k)));
}

/**
 * Any `pulumi` command (`stack import`, `stack export`, …) on the project in `dir`, state in `stateDir`, with the
 * environment the `cli` route uses; its output is leak-scanned like every run's.
 */
export function pulumiCommand(options: { dir: string; stateDir: string; passphrase: string }): (args: string[], env?: Record<string, string>) => Promise<RunResult> {
  const cliEnv = pulumiEnv({ stateDir: options.stateDir, passphrase: options.passphrase, base: cleanEnv() });
  return (args, env) => run(pulumiCli, [...args, "--non-interactive"], { cwd: options.dir, env: { ...cliEnv, ...env }, stateDir: options.stateDir });
}

/** The routes for the stack `stack` of the project in `dir`, state in `stateDir`, secrets under `passphrase`. */
export function pulumiRoutes(options: { dir: string; stateDir: string; stack: string; passphrase: string }): Record<"automation" | "cli", PulumiRoute> {
  const { dir, stateDir, stack, passphrase } = options;
  const automation: PulumiRoute = {
    name: "Automation API inline program (no language host)",
    init: async () => undefined,
    run: (operation) =>
      run(process.execPath, [path.join(repoRoot, "scripts", "pulumi-inline.js"), operation.op, ...flags(operation), "--cwd", dir, "--stack", stack, "--state", stateDir], {
        cwd: dir,
        env: programEnv({ ...cleanEnv(), PULUMI_CONFIG_PASSPHRASE: passphrase }, operation),
        stateDir,
      }),
  };
  const cliEnv = pulumiEnv({ stateDir, passphrase, base: cleanEnv() });
  const cli: PulumiRoute = {
    name: "pulumi command with our Node.js language host",
    init: () => run(pulumiCli, ["stack", "init", stack, "--non-interactive"], { cwd: dir, env: cliEnv, stateDir }),
    run: (operation) => {
      // The Automation API's up and destroy are `--yes --skip-preview`; the same here.
      const confirm = operation.op === "preview" ? [] : ["--yes", "--skip-preview"];
      return run(pulumiCli, [operation.op, ...confirm, ...flags(operation), "--stack", stack, "--non-interactive"], { cwd: dir, env: programEnv(cliEnv, operation), stateDir });
    },
  };
  return { automation, cli };
}

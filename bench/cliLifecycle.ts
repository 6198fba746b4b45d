/**
 * The fleet as a Pulumi YAML program through the real CLI (.tools/pulumi/bin/pulumi and the YAML language host),
 * against the emulator in its own process: create (`up` on an empty tenant), no-op `preview`, drift check
 * (`preview --refresh`), an `up` changing 10% of the resources, and the one-set program's `up`, each beside the
 * empty YAML program's same command and the same program with a trivial provider (trivialProvider.ts, Pulumi's
 * own share), medians of the runs, with where the time went:
 * - in the plugin (pluginTrace.ts, preloaded): its start (spawn to port, module loading), each RPC's calls and
 *   time, its Graph requests' time, its CPU;
 * - at the emulator: its requests and CPU time;
 * - the rest (the engine, the CLI and the YAML language host): wall time when no plugin was starting or
 *   answering, and the CPU of every process the command started minus the plugin's;
 * - one more run of each command with `node --cpu-prof` on the plugin, its CPU by share (pluginProfileShares.ts).
 * Targets (issue 23): drift check within 3x the empty program's, 10% change `up` within 2.5 s, one-set `up`
 * within 1.5 s of the empty program's.
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../test/harness";
import { startEmulatorChild, type EmulatorChild } from "./emulatorChild";
import type { PluginTrace } from "./pluginTrace";
import { profileShareMs, profileShares, type ProfileShare } from "./pluginProfileShares";
import { processCpuMs } from "./processCpu";
import { textTable } from "./report";
import { fleetResourceCount, tenPercentOf, yamlFleetProgram } from "./yamlFleetProgram";

const { pulumiEnv, pulumiCli, pulumiBinDir } = require("../../scripts/pulumi-env.js") as {
  pulumiEnv(options: { stateDir: string; passphrase?: string; base?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv;
  pulumiCli: string;
  pulumiBinDir: string;
};

/** The targets. */
export const CLI_TARGETS = { driftOverEmptyRatio: 3, changeUpMs: 2500, oneSetUpOverEmptyMs: 1500 };

/** The commands, in the order they run. */
export const cliCommands = ["create", "no-op preview", "drift check", "10% change up", "one-set up"] as const;
export type CliCommand = (typeof cliCommands)[number];

/** Which program a row ran. */
export type CliProgram =
  | "industrydata plugin"
  | "industrydata plugin, version declared"
  | "industrydata single executable"
  | "trivial provider"
  | "empty program";

/** The programs whose targets are evaluated (the plugin as the examples name it, and as an installed plugin behaves). */
const industrydataPrograms: CliProgram[] = ["industrydata plugin", "industrydata plugin, version declared", "industrydata single executable"];

/** The plugin's side of one run, summed over its processes (pluginTrace.ts). */
export interface PluginSide {
  processes: number;
  /** Per process: spawn to port, ms. */
  startToPortMs: number[];
  /** Module loading after the port (the provider's modules), summed over processes. */
  providerLoadMs: number;
  /** require() before the port, summed. */
  startupRequireMs: number;
  cpuMs: number;
  rpcs: { method: string; calls: number; totalMs: number; medianMs: number }[];
  graph: { requests: number; totalMs: number; unionMs: number };
  /** Wall time when some plugin process was starting or answering a call (union over processes). */
  busyMs: number;
}

/** One run of a command. */
export interface CliRun {
  wallMs: number;
  /** CPU of every process the command started (CLI, engine, language host, plugins), from the reaped children's times. */
  cpuMs?: number;
  emulator: { requests: number; cpuMs?: number };
  plugin?: PluginSide;
}

/** A command on one program: its runs, and the run of median wall time. */
export interface CliRow {
  command: CliCommand;
  program: CliProgram;
  resources: number;
  runs: CliRun[];
  medianMs: number;
  medianCpuMs?: number;
  /** The run whose wall time is the median, whose breakdown the report shows. */
  median: CliRun;
  /** The plugin's CPU by share, from one extra profiled run (industrydata plugin only). */
  profile?: { totalMs: number; shares: Record<ProfileShare, number> };
}

export interface CliLifecycleResult {
  sets: number;
  resources: number;
  changed: number;
  repeats: number;
  loadAverage: number[];
  plugin: string;
  rows: CliRow[];
  targets: { what: string; target: string; value: string; met: boolean }[];
}

const PASSPHRASE = "industrydata-dev";
const { version: packageVersion } = require("../../package.json") as { version: string };
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** The CLI, the YAML language host and the built plugin are there. */
export function cliLifecycleAvailable(): boolean {
  return ["pulumi", "pulumi-language-yaml"].every((f) => fs.existsSync(path.join(pulumiBinDir, f)));
}

/** CPU ms of this process's reaped children (and theirs): utime+stime of every child waited for, from /proc/self/stat. */
function childrenCpuMs(): number | undefined {
  try {
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/**
 * The folder holding a `pulumi-resource-industrydata` that runs `script` under Node with the trace preloaded, or
 * (`executable`) runs the single executable with the trace preloaded through NODE_OPTIONS, which it honours.
 */
function pluginWrapper(dir: string, script: string, traceDir: string, extraNodeArgs: string[] = [], env: Record<string, string> = {}, executable = false): string {
  fs.mkdirSync(dir, { recursive: true });
  const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  const trace = path.join(__dirname, "pluginTrace.js");
  const vars = executable ? { ...env, NODE_OPTIONS: `--require ${trace}`, BENCH_PLUGIN_TRACE_RPCS: "0" } : env;
  const exports = Object.entries({ ...vars, BENCH_PLUGIN_TRACE_DIR: traceDir }).map(([k, v]) => `export ${k}=${quote(v)}\n`).join("");
  const args = (executable ? [script] : [process.execPath, ...extraNodeArgs, "--require", trace, script]).map(quote).join(" ");
  fs.writeFileSync(path.join(dir, "pulumi-resource-industrydata"), `#!/bin/sh\n${exports}exec ${args} "$@"\n`, { mode: 0o755 });
  return dir;
}

function readTraces(dir: string): PluginTrace[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as PluginTrace);
}

/** Length of the union of intervals. */
function unionMs(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

function pluginSide(traces: PluginTrace[]): PluginSide | undefined {
  if (traces.length === 0) return undefined;
  const byMethod = new Map<string, number[]>();
  for (const t of traces) for (const [m, v] of Object.entries(t.rpcs)) byMethod.set(m, [...(byMethod.get(m) ?? []), ...v]);
  const abs = (t: PluginTrace, [s, e]: [number, number]): [number, number] => [t.timeOrigin + s, t.timeOrigin + e];
  const busy = traces.flatMap((t) => [abs(t, [0, t.startToPortMs ?? 0]), ...t.intervals.map((i) => abs(t, i))]);
  return {
    processes: traces.length,
    startToPortMs: traces.map((t) => t.startToPortMs ?? NaN),
    providerLoadMs: traces.reduce((n, t) => n + t.providerLoadMs, 0),
    startupRequireMs: traces.reduce((n, t) => n + t.startupRequireMs, 0),
    cpuMs: traces.reduce((n, t) => n + t.cpuMs, 0),
    rpcs: [...byMethod.entries()]
      .map(([method, v]) => ({ method, calls: v.length, totalMs: v.reduce((a, b) => a + b, 0), medianMs: median(v) }))
      .sort((a, b) => b.totalMs - a.totalMs),
    graph: {
      requests: traces.reduce((n, t) => n + t.graphMs.length, 0),
      totalMs: traces.reduce((n, t) => n + t.graphMs.reduce((a, b) => a + b, 0), 0),
      unionMs: unionMs(traces.flatMap((t) => t.graphIntervals.map((i) => abs(t, i)))),
    },
    busyMs: unionMs(busy),
  };
}

/** One program's stack folder. */
interface Stack {
  dir: string;
  traceDir: string;
  env: NodeJS.ProcessEnv;
  /** Writes the program (changed: the 10% change on or off). */
  write(options: { changed: boolean }): void;
}

function pulumi(stack: Stack, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(pulumiCli, [...args, "--non-interactive"], { cwd: stack.dir, env: stack.env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

async function must(stack: Stack, args: string[]): Promise<string> {
  const r = await pulumi(stack, args);
  if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (exit ${r.code}) in ${stack.dir}:\n${r.output.slice(-4000)}`);
  return r.output;
}

/** A timed run of `args`: wall, CPU of the command's processes, the emulator's requests and CPU, the plugin's traces. */
async function timed(stack: Stack, args: string[], emulator: EmulatorChild): Promise<CliRun> {
  fs.rmSync(stack.traceDir, { recursive: true, force: true });
  await emulator.clearRequests();
  const emulatorCpu = processCpuMs(emulator.pid);
  const cpu = childrenCpuMs();
  const started = performance.now();
  await must(stack, args);
  const wallMs = performance.now() - started;
  const cpuAfter = childrenCpuMs();
  const emulatorCpuAfter = processCpuMs(emulator.pid);
  const plugin = pluginSide(readTraces(stack.traceDir));
  return {
    wallMs,
    ...(cpu !== undefined && cpuAfter !== undefined ? { cpuMs: cpuAfter - cpu } : {}),
    emulator: { requests: (await emulator.requests()).length, ...(emulatorCpu !== undefined && emulatorCpuAfter !== undefined ? { cpuMs: emulatorCpuAfter - emulatorCpu } : {}) },
    ...(plugin ? { plugin } : {}),
  };
}

function row(command: CliCommand, program: CliProgram, resources: number, runs: CliRun[]): CliRow {
  const walls = runs.map((r) => r.wallMs);
  const m = median(walls);
  const cpus = runs.map((r) => r.cpuMs).filter((c): c is number => c !== undefined);
  return { command, program, resources, runs, medianMs: m, ...(cpus.length === runs.length ? { medianCpuMs: median(cpus) } : {}), median: runs[walls.indexOf(m)] };
}

/**
 * Runs the section. `sets`: flow sets of the fleet program (25: 125 resources); `repeats`: timed runs per command;
 * `profile`: one extra profiled run per command of the industrydata plugin.
 */
export async function measureCliLifecycle(options: {
  sets: number;
  repeats: number;
  profile: boolean;
  /** A single executable of the plugin (scripts/plugin-executable.js), or its release archive: run as a program of its own. */
  executable?: string;
  /** Also run the program with the plugin's version declared beside its path (default true). */
  versionDeclared?: boolean;
  log?: (line: string) => void;
}): Promise<CliLifecycleResult> {
  const log = options.log ?? (() => undefined);
  const root = repoRoot();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-bench-cli-"));
  const token = `bench-token-${Date.now().toString(36)}`;
  const password = `Bench-Pw-${Date.now().toString(36)}`;
  const emulator = await startEmulatorChild({ token });
  const changed = tenPercentOf(options.sets);
  const loadAverage = [os.loadavg()[0]];
  const schemaFile = path.join(work, "schema.json");
  // The trivial provider serves the real package schema, so the same program type-checks against it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built plugin's schema
  const { packageSchema } = require("../provider/plugin/packageSchema") as typeof import("../provider/plugin/packageSchema");
  fs.writeFileSync(schemaFile, JSON.stringify(packageSchema({ version: "0.0.1" })));
  const executable = options.executable === undefined ? undefined : extractedExecutable(options.executable, work);
  const plugins: Record<Exclude<CliProgram, "empty program">, (traceDir: string, extra?: string[]) => string> = {
    "industrydata single executable": (traceDir) => pluginWrapper(path.join(traceDir, "..", "plugin"), executable!, traceDir, [], {}, true),
    "industrydata plugin": (traceDir, extra) => pluginWrapper(path.join(traceDir, "..", `plugin${extra ? "-profiled" : ""}`), path.join(root, "bin", "pulumi-resource-industrydata"), traceDir, extra),
    "industrydata plugin, version declared": (traceDir) => pluginWrapper(path.join(traceDir, "..", "plugin"), path.join(root, "bin", "pulumi-resource-industrydata"), traceDir),
    "trivial provider": (traceDir) => pluginWrapper(path.join(traceDir, "..", "plugin"), path.join(__dirname, "trivialProvider.js"), traceDir, [], { BENCH_TRIVIAL_SCHEMA: schemaFile }),
  };
  let n = 0;
  const makeStack = async (program: CliProgram, sets: number, extraNodeArgs?: string[]): Promise<Stack> => {
    const dir = path.join(work, `stack-${++n}`);
    const traceDir = path.join(dir, ".trace");
    fs.mkdirSync(dir, { recursive: true });
    const env = pulumiEnv({ stateDir: path.join(dir, ".pulumi-state"), passphrase: PASSPHRASE, base: cleanEnv() });
    const pluginDir = program === "empty program" ? undefined : plugins[program](traceDir, extraNodeArgs);
    const stack: Stack = {
      dir,
      traceDir,
      env,
      write: ({ changed: on }) =>
        fs.writeFileSync(
          path.join(dir, "Pulumi.yaml"),
          pluginDir === undefined
            ? `name: bench-empty-yaml\nruntime: yaml\n`
            : yamlFleetProgram({ name: "bench-fleet", sets, pluginDir, changed: on ? changed : 0, ...(program === "industrydata plugin, version declared" ? { pluginVersion: packageVersion } : {}) }),
        ),
    };
    stack.write({ changed: false });
    await must(stack, ["stack", "init", "bench"]);
    if (pluginDir !== undefined) {
      await must(stack, ["config", "set-all", "--plaintext", `industrydata:graphEndpoint=${emulator.graphUrl}`, "--secret", `industrydata:accessToken=${token}`, "--secret", `studentPassword=${password}`]);
    }
    return stack;
  };

  const rows: CliRow[] = [];
  const resourcesOf = (program: CliProgram, sets: number) => (program === "empty program" ? 0 : fleetResourceCount(sets));
  try {
    const programs: CliProgram[] = [
      "empty program",
      "trivial provider",
      "industrydata plugin",
      ...(options.versionDeclared === false ? [] : (["industrydata plugin, version declared"] as const)),
      ...(executable ? (["industrydata single executable"] as const) : []),
    ];
    for (const program of programs) {
      log(`bench: CLI lifecycle, ${program}, ${options.sets} sets (${resourcesOf(program, options.sets)} resources), ${options.repeats} runs per command…`);
      const stack = await makeStack(program, options.sets);
      const runs: Record<CliCommand, CliRun[]> = { create: [], "no-op preview": [], "drift check": [], "10% change up": [], "one-set up": [] };
      // The first preview pays for cold caches (the page cache, the plugin's first load); it is not counted.
      await must(stack, ["preview"]);
      for (let i = 0; i < options.repeats; i++) {
        runs.create.push(await timed(stack, ["up", "--yes"], emulator));
        if (i < options.repeats - 1) await must(stack, ["destroy", "--yes"]);
      }
      for (let i = 0; i < options.repeats; i++) runs["no-op preview"].push(await timed(stack, ["preview"], emulator));
      for (let i = 0; i < options.repeats; i++) runs["drift check"].push(await timed(stack, ["preview", "--refresh"], emulator));
      // Alternating: each run changes the same 10% of the resources, to their new values or back.
      for (let i = 0; i < options.repeats; i++) {
        stack.write({ changed: i % 2 === 0 });
        runs["10% change up"].push(await timed(stack, ["up", "--yes"], emulator));
      }
      await must(stack, ["destroy", "--yes"]);
      const oneSet = await makeStack(program, 1);
      await must(oneSet, ["preview"]);
      for (let i = 0; i < options.repeats; i++) {
        runs["one-set up"].push(await timed(oneSet, ["up", "--yes"], emulator));
        await must(oneSet, ["destroy", "--yes"]);
      }
      for (const command of cliCommands) {
        const r = row(command, program, resourcesOf(program, command === "one-set up" ? 1 : options.sets), runs[command]);
        log(`  ${command}, ${program}: median ${r.medianMs.toFixed(0)} ms wall, ${r.medianCpuMs?.toFixed(0) ?? "?"} ms CPU`);
        rows.push(r);
      }
      loadAverage.push(os.loadavg()[0]);
    }
    if (options.profile) await profileRuns({ rows, makeStack, emulator, sets: options.sets, work, log });
  } finally {
    await emulator.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  return { sets: options.sets, resources: fleetResourceCount(options.sets), changed, repeats: options.repeats, loadAverage, plugin: "bin/pulumi-resource-industrydata under node (what a YAML program's plugins.providers path runs)", rows, targets: targets(rows) };
}

/** One run of each command with the plugin under `node --cpu-prof`, its CPU by share added to the plugin's rows. */
async function profileRuns(options: {
  rows: CliRow[];
  makeStack: (program: CliProgram, sets: number, extraNodeArgs?: string[]) => Promise<Stack>;
  emulator: EmulatorChild;
  sets: number;
  work: string;
  log: (line: string) => void;
}): Promise<void> {
  const { rows, makeStack, emulator, sets, work, log } = options;
  log("bench: CLI lifecycle, one profiled run per command (node --cpu-prof on the plugin)…");
  const profileDir = (command: CliCommand) => path.join(work, "profiles", command.replace(/\W+/g, "-"));
  const profiled = async (stack: Stack, command: CliCommand, args: string[]) => {
    const dir = profileDir(command);
    fs.rmSync(path.join(work, "profiles", "current"), { recursive: true, force: true });
    await timed(stack, args, emulator);
    const current = path.join(work, "profiles", "current");
    const files = fs.existsSync(current) ? fs.readdirSync(current).filter((f) => f.endsWith(".cpuprofile")) : [];
    fs.mkdirSync(dir, { recursive: true });
    for (const f of files) fs.renameSync(path.join(current, f), path.join(dir, f));
    const r = rows.find((x) => x.command === command && x.program === "industrydata plugin");
    if (r && files.length > 0) r.profile = profileShareMs(files.map((f) => path.join(dir, f)));
  };
  const args = ["--cpu-prof", `--cpu-prof-dir=${path.join(work, "profiles", "current")}`];
  const stack = await makeStack("industrydata plugin", sets, args);
  await profiled(stack, "create", ["up", "--yes"]);
  await profiled(stack, "no-op preview", ["preview"]);
  await profiled(stack, "drift check", ["preview", "--refresh"]);
  stack.write({ changed: true });
  await profiled(stack, "10% change up", ["up", "--yes"]);
  await must(stack, ["destroy", "--yes"]);
  const oneSet = await makeStack("industrydata plugin", 1, args);
  await profiled(oneSet, "one-set up", ["up", "--yes"]);
  await must(oneSet, ["destroy", "--yes"]);
}

/** The executable itself, or extracted from its release archive into `work`. */
function extractedExecutable(file: string, work: string): string {
  if (!file.endsWith(".tar.gz")) return path.resolve(file);
  const dir = path.join(work, "executable");
  fs.mkdirSync(dir, { recursive: true });
  execFileSync("tar", ["-xzf", file, "-C", dir]);
  return path.join(dir, "pulumi-resource-industrydata");
}

function targets(rows: CliRow[]): CliLifecycleResult["targets"] {
  const of = (command: CliCommand, program: CliProgram) => rows.find((r) => r.command === command && r.program === program)?.medianMs ?? NaN;
  const programs = industrydataPrograms.filter((program) => rows.some((r) => r.program === program));
  return programs.flatMap((program) => {
    const suffix = program === "industrydata plugin" ? "" : `, ${program}`;
    const drift = of("drift check", program) / of("drift check", "empty program");
    const change = of("10% change up", program);
    const oneSet = of("one-set up", program) - of("one-set up", "empty program");
    return [
      { what: `drift check (preview --refresh) / empty program's${suffix}`, target: `<= x${CLI_TARGETS.driftOverEmptyRatio}`, value: `x${drift.toFixed(2)}`, met: drift <= CLI_TARGETS.driftOverEmptyRatio },
      { what: `10% change up${suffix}`, target: `<= ${CLI_TARGETS.changeUpMs} ms`, value: `${change.toFixed(0)} ms`, met: change <= CLI_TARGETS.changeUpMs },
      { what: `one-set up - empty program's up${suffix}`, target: `<= ${CLI_TARGETS.oneSetUpOverEmptyMs} ms`, value: `${oneSet.toFixed(0)} ms`, met: oneSet <= CLI_TARGETS.oneSetUpOverEmptyMs },
    ];
  });
}

const f0 = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? "-" : v.toFixed(0));

/** The section as text: commands beside the empty program, the breakdown per command, the profile, the targets. */
export function cliLifecycleReport(result: CliLifecycleResult): string {
  const of = (command: CliCommand, program: CliProgram) => result.rows.find((r) => r.command === command && r.program === program);
  const lines: string[] = [
    `== ${result.resources}-resource Pulumi YAML program (${result.sets} flow sets x 4 flows) through the real CLI, median of ${result.repeats} ==`,
    `plugin: ${result.plugin}; load average ${result.loadAverage.map((l) => l.toFixed(1)).join(" -> ")} on ${os.cpus().length} CPUs (wall is inflated by load; CPU much less)`,
    textTable([
      ["command", "resources", "empty ms (CPU)", "trivial ms (CPU)", "industrydata ms (CPU)", "x empty", "- empty ms", "version declared ms (CPU)", "single executable ms (CPU)", "Graph requests"],
      ...cliCommands.map((command) => {
        const e = of(command, "empty program");
        const t = of(command, "trivial provider");
        const p = of(command, "industrydata plugin");
        const x = of(command, "industrydata single executable");
        const v = of(command, "industrydata plugin, version declared");
        const cell = (r: CliRow | undefined) => (r ? `${f0(r.medianMs)} (${f0(r.medianCpuMs)})` : "-");
        return [command, String(p?.resources ?? "-"), cell(e), cell(t), cell(p), e && p ? `x${(p.medianMs / e.medianMs).toFixed(2)}` : "-", e && p ? f0(p.medianMs - e.medianMs) : "-", cell(v), cell(x), String(p?.median.emulator.requests ?? "-")];
      }),
    ]),
    "",
    "where the time goes (the median run of each command; plugin figures summed over its processes):",
    textTable([
      ["command", "program", "wall", "CPU all", "plugin CPU", "rest CPU", "emulator CPU", "plugin procs", "start->port ms", "module load ms", "plugin busy", "Graph reqs / union ms", "not plugin (engine share)"],
      ...result.rows
        .filter((r) => r.program !== "empty program")
        .map((r) => {
          const m = r.median;
          const p = m.plugin;
          return [
            r.command,
            r.program,
            f0(m.wallMs),
            f0(m.cpuMs),
            f0(p?.cpuMs),
            m.cpuMs !== undefined && p ? f0(m.cpuMs - p.cpuMs) : "-",
            f0(m.emulator.cpuMs),
            String(p?.processes ?? 0),
            p ? p.startToPortMs.map((v) => v.toFixed(0)).join("/") : "-",
            p ? f0(p.startupRequireMs + p.providerLoadMs) : "-",
            f0(p?.busyMs),
            p ? `${p.graph.requests} / ${f0(p.graph.unionMs)}` : "-",
            p ? f0(m.wallMs - p.busyMs) : "-",
          ];
        }),
    ]),
    "",
    "RPCs in the plugin (median run): calls x median ms = total ms",
    textTable([
      ["command", "program", "RPCs"],
      ...result.rows
        .filter((r) => (r.median.plugin?.rpcs.length ?? 0) > 0)
        .map((r) => [r.command, r.program, r.median.plugin!.rpcs.map((x) => `${x.method} ${x.calls}x${x.medianMs.toFixed(1)}=${x.totalMs.toFixed(0)}`).join(", ")]),
    ]),
  ];
  const profiledRows = result.rows.filter((r) => r.profile);
  if (profiledRows.length > 0) {
    lines.push(
      "",
      "industrydata plugin CPU by share, ms (one profiled run per command, node --cpu-prof, all plugin processes; idle excluded):",
      textTable([["share", ...profiledRows.map((r) => r.command)], ...profileShares.map((s) => [s, ...profiledRows.map((r) => f0(r.profile!.shares[s]))]), ["total", ...profiledRows.map((r) => f0(r.profile!.totalMs))]]),
    );
  }
  lines.push("", "targets, CLI lifecycle:", textTable([["what", "target", "value", "met"], ...result.targets.map((t) => [t.what, t.target, t.value, t.met ? "yes" : "NO"])]));
  return lines.join("\n");
}

function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(INDUSTRYDATA_|AZURE_|PULUMI_|BENCH_)/.test(k)));
}

// Alone: node dist/bench/cliLifecycle.js [sets] [repeats] [executable] (npm run bench runs it too, unless --no-cli-lifecycle).
if (require.main === module) {
  const [sets, repeats] = process.argv.slice(2, 4).map(Number);
  const executable = process.argv[4];
  measureCliLifecycle({ sets: sets || 25, repeats: repeats || 3, profile: true, ...(executable ? { executable } : {}), log: (line) => process.stderr.write(`${line}\n`) }).then(
    (result) => process.stdout.write(`${cliLifecycleReport(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

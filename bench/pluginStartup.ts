/**
 * The provider plugin's start-up, as the single executable a release ships (scripts/plugin-executable.js, no
 * Node.js needed) beside today's `#!/usr/bin/env node` script (bin/): the time from spawn to the port on its first
 * stdout line (what the engine waits for before its first call), and the wall time of `pulumi preview` of the
 * YAML district (examples/yaml-district) with each, against the empty YAML program, through the real CLI and
 * the YAML language host. Targets: start-to-port under 200 ms; district preview within 0.5 s of the empty one.
 */
import { execFile, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../test/harness";
import { startEmulatorChild } from "./emulatorChild";
import { processCpuMs } from "./processCpu";
import { textTable } from "./report";

const { pulumiEnv, pulumiCli, pulumiBinDir } = require("../../scripts/pulumi-env.js") as {
  pulumiEnv(options: { stateDir: string; passphrase?: string; base?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv;
  pulumiCli: string;
  pulumiBinDir: string;
};
const { buildArchives, hostTarget, PLUGIN } = require("../../scripts/plugin-executable.js") as {
  buildArchives(targets: string[]): Promise<string[]>;
  hostTarget(): string;
  PLUGIN: string;
};

/** The start-up targets (issue 21). */
export const STARTUP_TARGETS = { startToPortMs: 200, districtOverEmptyMs: 500 };

interface Variant {
  name: string;
  /** The folder holding `pulumi-resource-industrydata`. */
  dir: string;
}

export interface PluginStartupResult {
  /** Wall time to the port line, and the plugin process's own CPU time by then (what the machine's load does not inflate). */
  startToPort: { variant: string; medianMs: number; minMs: number; runsMs: number[]; medianCpuMs?: number }[];
  /** The machine's 1-minute load average when the measures started (2 cores here: above 2, every figure waits for CPU). */
  loadAverage: number;
  previews: { program: string; medianMs: number; runsMs: number[] }[];
  targets: { what: string; target: string; value: string; met: boolean }[];
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** Spawn to the first stdout line, `runs` times (wall ms, and the process's CPU ms by then); the process is stopped after each. */
async function startToPort(file: string, runs: number): Promise<{ times: number[]; cpu: number[] }> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    // An engine address nothing listens on: the plugin only dials it to log, which nothing here makes it do.
    const child = spawn(file, ["127.0.0.1:1"], { stdio: ["ignore", "pipe", "ignore"] });
    await new Promise<void>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code) => reject(new Error(`${file} exited (${code}) before printing its port`)));
      child.stdout.once("data", () => resolve());
    });
    times.push(performance.now() - started);
    const used = child.pid === undefined ? undefined : processCpuMs(child.pid);
    if (used !== undefined) cpu.push(used);
    child.removeAllListeners("exit");
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  return { times, cpu };
}

function pulumi(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(pulumiCli, [...args, "--non-interactive"], { ...options, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`pulumi ${args.join(" ")} failed in ${options.cwd}:\n${stdout}\n${stderr}`));
      else resolve(performance.now() - started);
    });
  });
}

/** `pulumi preview` of a program on a fresh stack: one warm-up, then `runs` timed. */
async function previewTimes(layOut: (dir: string) => string[], runs: number): Promise<number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-bench-startup-"));
  try {
    const config = layOut(dir);
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(INDUSTRYDATA_|AZURE_|PULUMI_)/.test(k)));
    const env = pulumiEnv({ stateDir: path.join(dir, ".pulumi-state"), passphrase: "industrydata-dev", base });
    await pulumi(["stack", "init", "bench"], { cwd: dir, env });
    if (config.length > 0) await pulumi(["config", "set-all", ...config], { cwd: dir, env });
    await pulumi(["preview"], { cwd: dir, env });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await pulumi(["preview"], { cwd: dir, env }));
    return times;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Measures both plugin forms; builds (or takes the cached) executable for this machine first. */
export async function measurePluginStartup(options: { runs?: number; previewRuns?: number; log?: (line: string) => void } = {}): Promise<PluginStartupResult> {
  const runs = options.runs ?? 10;
  const previewRuns = options.previewRuns ?? 3;
  const log = options.log ?? (() => undefined);
  const root = repoRoot();
  if (!["pulumi", "pulumi-language-yaml"].every((f) => fs.existsSync(path.join(pulumiBinDir, f)))) {
    throw new Error("the plugin start-up bench needs the CLI and the YAML language host: npm run pulumi:install (or pass --no-plugin-startup)");
  }
  log("bench: building (or taking the cached) single-executable plugin…");
  const [archive] = await buildArchives([hostTarget()]);
  const extracted = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-bench-sea-"));
  const token = `bench-token-${Date.now().toString(36)}`;
  const emulator = await startEmulatorChild({ token });
  try {
    execFileSync("tar", ["-xzf", archive, "-C", extracted]);
    const variants: Variant[] = [
      { name: "script (bin/, node on PATH)", dir: path.join(root, "bin") },
      { name: "single executable (release archive)", dir: extracted },
    ];
    const result: PluginStartupResult = { startToPort: [], previews: [], targets: [], loadAverage: os.loadavg()[0] };
    for (const variant of variants) {
      log(`bench: start-to-port, ${variant.name}, ${runs} runs…`);
      const { times, cpu } = await startToPort(path.join(variant.dir, PLUGIN), runs);
      result.startToPort.push({ variant: variant.name, medianMs: median(times), minMs: Math.min(...times), runsMs: times, ...(cpu.length > 0 ? { medianCpuMs: median(cpu) } : {}) });
    }
    const password = `Bench-Pw-${Date.now().toString(36)}`;
    const programs: { program: string; layOut: (dir: string) => string[] }[] = [
      { program: "empty YAML program", layOut: (dir) => (fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: bench-empty-yaml\nruntime: yaml\n"), []) },
      ...variants.map((variant) => ({
        program: `YAML district, ${variant.name}`,
        layOut: (dir: string) => {
          fs.cpSync(path.join(root, "examples", "yaml-district"), dir, { recursive: true });
          const file = path.join(dir, "Pulumi.yaml");
          fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^(\s+path:\s*)\S+\s*$/m, `$1${variant.dir}`));
          return ["--plaintext", `industrydata:graphEndpoint=${emulator.graphUrl}`, "--secret", `industrydata:accessToken=${token}`, "--secret", `studentPassword=${password}`];
        },
      })),
    ];
    for (const { program, layOut } of programs) {
      log(`bench: pulumi preview, ${program}, ${previewRuns} runs after a warm-up…`);
      const times = await previewTimes(layOut, previewRuns);
      result.previews.push({ program, medianMs: median(times), runsMs: times });
    }
    const empty = result.previews[0].medianMs;
    for (const [i, variant] of variants.entries()) {
      const port = result.startToPort[i].medianMs;
      const over = result.previews[i + 1].medianMs - empty;
      result.targets.push(
        { what: `start-to-port, ${variant.name}`, target: `< ${STARTUP_TARGETS.startToPortMs} ms`, value: `${port.toFixed(0)} ms`, met: port < STARTUP_TARGETS.startToPortMs },
        { what: `district preview - empty preview, ${variant.name}`, target: `<= ${STARTUP_TARGETS.districtOverEmptyMs} ms`, value: `${over.toFixed(0)} ms`, met: over <= STARTUP_TARGETS.districtOverEmptyMs },
      );
    }
    return result;
  } finally {
    await emulator.stop();
    fs.rmSync(extracted, { recursive: true, force: true });
  }
}

/** The result as text: a table per measure, then the targets. */
export function pluginStartupReport(result: PluginStartupResult): string {
  return [
    `plugin start-up (spawn to the port line; median of runs; load average ${result.loadAverage.toFixed(1)} on ${os.cpus().length} CPUs):`,
    textTable([
      ["plugin", "median ms", "min ms", "CPU ms by then"],
      ...result.startToPort.map((r) => [r.variant, r.medianMs.toFixed(0), r.minMs.toFixed(0), r.medianCpuMs === undefined ? "-" : r.medianCpuMs.toFixed(0)]),
    ]),
    "",
    "pulumi preview through the CLI and the YAML language host (median):",
    textTable([["program", "median ms", "runs ms"], ...result.previews.map((p) => [p.program, p.medianMs.toFixed(0), p.runsMs.map((r) => r.toFixed(0)).join(" ")])]),
    "",
    "targets, plugin start-up:",
    textTable([["what", "target", "value", "met"], ...result.targets.map((t) => [t.what, t.target, t.value, t.met ? "yes" : "NO"])]),
  ].join("\n");
}

// Alone: node dist/bench/pluginStartup.js (npm run bench runs it after the rest, unless --no-plugin-startup).
if (require.main === module) {
  measurePluginStartup({ log: (line) => process.stderr.write(`${line}\n`) }).then(
    (result) => process.stdout.write(`${pluginStartupReport(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

/**
 * One benchmark size: a fresh emulator process and a fresh provider process (the dynamic-provider host, or the
 * provider plugin), N flow sets with four flows each taken through create, no-op diff, update of 10% of the
 * flows, refresh and delete. Per phase: the
 * provider's requests (from the emulator's log, cleared before the phase), its wall time, and the raw-HTTP
 * floor of the same requests against the same tenant.
 */
import { randomBytes } from "crypto";
import * as os from "os";
import type { LoggedRequest, TenantState } from "../emulator";
import { ProviderHost, RegisteredResource, Secret, secret, startProviderHost } from "../test/harness";
import { createdIds } from "./createdIds";
import type { HostProfiling } from "./hostProfiling";
import { startEmulatorChild, EmulatorChild } from "./emulatorChild";
import { PhaseName, phaseNames, PhaseRun, repeatablePhases, runEnginePhase } from "./enginePhases";
import { buildFleet, Fleet } from "./fleet";
import type { FrontEnd } from "./frontEnds";
import type { MemberKind } from "./fleetDeclarations";
import { patchBytes, PatchBytes } from "./patchBytes";
import { CpuMeter } from "./processCpu";
import { processMemory } from "./processMemory";
import { replayFloor, FloorResult } from "./rawHttpFloor";
import { requestStats, RequestStats } from "./requestStats";
import { rpcBreakdown, RpcBreakdown } from "./rpcBreakdown";
import { measureStateSizes, StateSizeStats } from "./stateSize";

/** Figures of one phase. */
export interface PhaseResult {
  /** Resource operations run (Check+Create, Check+Diff, Read, Delete, …) by step. */
  steps: Record<string, number>;
  /** Flows the phase is about (all flows; for update, the changed ones): the divisor of `wallPerFlowMs`. */
  flows: number;
  /** Wall time of the phase; for repeated phases the median round. */
  wallMs: number;
  /** Every round's wall time (repeated phases: update, refresh). */
  wallRuns?: number[];
  wallPerFlowMs: number;
  requests: RequestStats;
  patch?: PatchBytes;
  /** CPU used during the phase: the engine stand-in (this process: gRPC client), the host, the emulator. */
  cpuMs: { engine: number; host?: number; emulator?: number };
  /** Operation latency (all RPCs of one resource's step) as the engine sees it. */
  operationMs: { p50: number; p95: number; max: number };
  /** The raw-HTTP floor: the median of `floorRuns` replays of the (first round's) requests, each against the tenant
   * as it was before the phase. */
  floor?: FloorResult & { cpuMs: { client: number; emulator?: number } };
  floorRuns?: number[];
  /** wallMs / floor.wallMs; absent when the phase sent no request. */
  floorRatio?: number;
  /**
   * CPU of engine stand-in + host + emulator over CPU of the floor's client + emulator: the same comparison in
   * CPU time, which other work on the machine disturbs far less than wall time (and which bounds the wall ratio
   * when the phase is CPU-bound, as it is on loopback).
   */
  cpuRatio?: number;
  /** With --profile: CPU profiles of this phase, of the host and of the engine stand-in. */
  profileFiles?: { host: string; engine: string };
  /** Host VmRSS after the phase. */
  hostRssBytes?: number;
  /** The first round's provider RPCs by kind, and the Graph time inside them (where the operation time goes). */
  rpc?: RpcBreakdown;
}

/** Figures of one size. */
export interface SizeResult {
  /** The provider process that served the fleet. */
  frontEnd: FrontEnd;
  sets: number;
  flows: number;
  resources: number;
  parallelism: number;
  /** Latency the emulator added to each Graph request. */
  latencyMs: number;
  host: {
    /** Spawn until the host printed its port. */
    startMs: number;
    configureMs: number;
    /** The first Check: the host deserializes the shim, which loads the provider runtime. */
    firstCallMs: number;
    /** VmRSS right after Configure (Pulumi's host alone), and after the first call (our runtime loaded). */
    rssAfterStartBytes?: number;
    rssAfterFirstCallBytes?: number;
    /** VmHWM of the host process at the end. */
    peakRssBytes?: number;
  };
  /** 1-minute load average before and after (other work on the machine skews wall times; CPU times less). */
  loadAverage: { before: number; after: number };
  state: Partial<Record<MemberKind, StateSizeStats>>;
  phases: Record<PhaseName, PhaseResult>;
}

/** Options of one size's run. */
export interface SizeOptions {
  sets: number;
  /** The dynamic-provider host (default), or the plugin executable `pluginPath`. */
  frontEnd?: FrontEnd;
  pluginPath?: string;
  /** Engine parallelism, the provider's `industrydata:concurrency`, and the floor's concurrency. */
  parallelism: number;
  templates: Record<MemberKind, RegisteredResource>;
  /** The program folder the templates were serialized in: the host's working directory. */
  programDir: string;
  /** Rounds of each repeatable phase and replays of each raw-HTTP floor (the medians are kept). */
  repeats: number;
  /** Added to every Graph request by the emulator (ms), to see the overhead against a service farther away. */
  latencyMs: number;
  /** Extra Node flags for the host (diagnostics). */
  hostNodeArgs?: string[];
  /** Per-phase CPU profiles of the host. */
  profiling?: HostProfiling;
  log?: (line: string) => void;
}

/**
 * Configure's arguments as the engine sends them: the dynamic-provider host gets the whole stack config
 * (`industrydata:` keys), a provider plugin its provider's own keys (the default provider's are the stack
 * config's `industrydata:` keys with the namespace taken off).
 */
function providerConfig(frontEnd: FrontEnd, keys: Record<string, string | Secret<string>>): Record<string, string | Secret<string>> {
  return frontEnd === "plugin" ? keys : Object.fromEntries(Object.entries(keys).map(([k, v]) => [`industrydata:${k}`, v]));
}

/** Runs one size end to end and stops its processes. */
export async function runStackSize(options: SizeOptions): Promise<SizeResult> {
  const token = `bench-token-${randomBytes(12).toString("hex")}`;
  const emulator = await startEmulatorChild({ token });
  if (options.latencyMs > 0) await emulator.addLatency(options.latencyMs);
  let host: ProviderHost | undefined;
  try {
    if (options.frontEnd === "plugin" && !options.pluginPath) throw new Error("the plugin front end needs pluginPath");
    host = await startProviderHost({
      cwd: options.programDir,
      ...(options.frontEnd === "plugin" ? { pluginPath: options.pluginPath } : {}),
      config: providerConfig(options.frontEnd ?? "dynamic", {
        graphEndpoint: emulator.graphUrl,
        accessToken: secret(token),
        concurrency: String(options.parallelism),
      }),
      nodeArgs: [...(options.hostNodeArgs ?? []), ...(options.profiling?.nodeArgs ?? [])],
      env: { ...scrubbedEnv(), ...options.profiling?.env },
      rpcTimeoutMs: 300_000,
    });
    return await measure({ ...options, emulator, host, token });
  } finally {
    await host?.stop();
    await emulator.stop();
  }
}

async function measure(options: SizeOptions & { emulator: EmulatorChild; host: ProviderHost; token: string }): Promise<SizeResult> {
  const { emulator, host, token, parallelism, templates } = options;
  const log = options.log ?? (() => undefined);
  const loadBefore = os.loadavg()[0];
  const rssAfterStartBytes = processMemory(host.pid).rssBytes;
  const t0 = performance.now();
  const first = await host.check(templates.flowSet.urn, {}, templates.flowSet.inputs);
  if (first.failures.length > 0) throw new Error(`Check failed: ${JSON.stringify(first.failures)}`);
  const firstCallMs = performance.now() - t0;
  const rssAfterFirstCallBytes = processMemory(host.pid).rssBytes;

  const fleet = buildFleet({ host, templates, setCount: options.sets });
  const phases = {} as Record<PhaseName, PhaseResult>;
  let state: SizeResult["state"] = {};
  for (const phase of phaseNames) {
    phases[phase] = await runPhase({ phase, fleet, emulator, host, token, parallelism, repeats: options.repeats, profiling: options.profiling });
    const p = phases[phase];
    log(
      `  ${options.sets} sets ${phase}: ${p.wallMs.toFixed(0)} ms, ${p.requests.total} requests` +
        (p.floor ? `, floor ${p.floor.wallMs.toFixed(0)} ms (x${p.floorRatio!.toFixed(2)})` : ""),
    );
    // State is measured once it is what `pulumi refresh` leaves, before the delete phase empties it.
    if (phase === "refresh") state = await measureStateSizes({ fleet, graphUrl: emulator.graphUrl, token, concurrency: parallelism });
    // The transcript keeps every RPC; the benchmark does not need it, and it would only grow this process.
    host.transcript.length = 0;
  }
  return {
    frontEnd: options.frontEnd ?? "dynamic",
    sets: options.sets,
    flows: fleet.flows.length,
    resources: fleet.flows.length + fleet.sets.length,
    parallelism,
    latencyMs: options.latencyMs,
    host: {
      startMs: host.startupMs,
      configureMs: host.configureMs,
      firstCallMs,
      rssAfterStartBytes,
      rssAfterFirstCallBytes,
      peakRssBytes: processMemory(host.pid).peakRssBytes,
    },
    loadAverage: { before: loadBefore, after: os.loadavg()[0] },
    state,
    phases,
  };
}

async function runPhase(options: {
  phase: PhaseName;
  fleet: Fleet;
  emulator: EmulatorChild;
  host: ProviderHost;
  token: string;
  parallelism: number;
  repeats: number;
  profiling?: HostProfiling;
}): Promise<PhaseResult> {
  const { phase, fleet, emulator, host, token, parallelism, profiling } = options;
  // Mutating phases are replayed against the tenant as it was before them, then the provider's result is put back.
  const mutates = phase === "create" || phase === "update" || phase === "delete";
  const before: TenantState | undefined = mutates ? await emulator.getState() : undefined;
  const flows = phase === "update" ? fleet.changed.length : fleet.flows.length;
  // Repeatable phases run `repeats` times (odd, so an update ends changed); the median round is reported and the
  // first round's requests are the ones counted and replayed (every round sends the same number).
  const rounds = repeatablePhases.has(phase) ? options.repeats | 1 : 1;
  const runs: { wallMs: number; cpu: ReturnType<CpuMeter["read"]>; run: PhaseRun }[] = [];
  let requests: LoggedRequest[] = [];
  let patch: PatchBytes | undefined;
  let profileFiles: PhaseResult["profileFiles"];
  let rpc: RpcBreakdown | undefined;
  for (let round = 0; round < rounds; round++) {
    await emulator.clearRequests();
    const transcriptStart = host.transcript.length;
    if (round === 0) await profiling?.start(host.pid);
    const cpu = new CpuMeter([host.pid, emulator.pid]);
    const started = performance.now();
    const run = await runEnginePhase(phase, fleet, parallelism, round);
    const wallMs = performance.now() - started;
    runs.push({ wallMs, cpu: cpu.read(), run });
    if (round === 0) {
      if (profiling) profileFiles = await profiling.stop(host.pid);
      requests = graphRequests(await emulator.requests());
      if (phase === "update") patch = patchBytes(requests, fleet.flows);
      rpc = rpcBreakdown(host.transcript.slice(transcriptStart), requests);
    } else {
      const again = graphRequests(await emulator.requests()).length;
      if (again !== requests.length) throw new Error(`${phase} round ${round + 1} sent ${again} requests, round 1 sent ${requests.length}`);
    }
  }
  const median = [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor((runs.length - 1) / 2)];
  const result: PhaseResult = {
    steps: median.run.steps,
    flows,
    wallMs: median.wallMs,
    ...(runs.length > 1 ? { wallRuns: runs.map((r) => r.wallMs) } : {}),
    wallPerFlowMs: median.wallMs / flows,
    requests: requestStats(requests),
    cpuMs: { engine: median.cpu.own, host: median.cpu.others[0], emulator: median.cpu.others[1] },
    operationMs: percentiles(median.run.latencies),
    hostRssBytes: processMemory(host.pid).rssBytes,
    ...(patch ? { patch } : {}),
    ...(profileFiles ? { profileFiles } : {}),
    ...(rpc ? { rpc } : {}),
  };
  if (requests.length > 0) {
    const after = mutates ? await emulator.getState() : undefined;
    const created = phase === "create" && after ? createdIds(requests, after) : undefined;
    const floors: NonNullable<PhaseResult["floor"]>[] = [];
    for (let i = 0; i < options.repeats; i++) {
      if (before) await emulator.putState(before);
      const floorCpu = new CpuMeter([emulator.pid]);
      const replay = await replayFloor({ origin: emulator.origin, token, requests, concurrency: parallelism, createdIds: created });
      const used = floorCpu.read();
      floors.push({ ...replay, cpuMs: { client: used.own, emulator: used.others[0] } });
      await emulator.clearRequests();
    }
    result.floor = [...floors].sort((a, b) => a.wallMs - b.wallMs)[Math.floor((floors.length - 1) / 2)];
    result.floorRuns = floors.map((r) => r.wallMs);
    result.floorRatio = result.wallMs / result.floor.wallMs;
    const phaseCpu = result.cpuMs.engine + (result.cpuMs.host ?? 0) + (result.cpuMs.emulator ?? 0);
    const floorCpu = result.floor.cpuMs.client + (result.floor.cpuMs.emulator ?? 0);
    if (floorCpu > 0) result.cpuRatio = phaseCpu / floorCpu;
    if (after) await emulator.putState(after);
  }
  await emulator.clearRequests();
  return result;
}

function percentiles(values: number[]): { p50: number; p95: number; max: number } {
  if (values.length === 0) return { p50: 0, p95: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

/** Graph requests only (a static token means no token requests; the admin API is never logged). */
function graphRequests(requests: LoggedRequest[]): LoggedRequest[] {
  return requests.filter((r) => r.path.startsWith("/beta/"));
}

/** This environment without INDUSTRYDATA_* / AZURE_*: the host gets its configuration from Configure only. */
function scrubbedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of Object.keys(process.env)) if (/^(INDUSTRYDATA_|AZURE_)/.test(key)) env[key] = undefined;
  return env;
}

/**
 * One benchmark size: a fresh emulator process and a fresh dynamic-provider host, N flow sets with four flows
 * each taken through create, no-op diff, update of 10% of the flows, refresh and delete. Per phase: the
 * provider's requests (from the emulator's log, cleared before the phase), its wall time, and the raw-HTTP
 * floor of the same requests against the same tenant.
 */
import { randomBytes } from "crypto";
import type { LoggedRequest, TenantState } from "../emulator";
import { ProviderHost, RegisteredResource, repoRoot, secret, startProviderHost } from "../test/harness";
import { createdIds } from "./createdIds";
import type { HostProfiling } from "./hostProfiling";
import { startEmulatorChild, EmulatorChild } from "./emulatorChild";
import { runEnginePhase, PhaseName, phaseNames } from "./enginePhases";
import { buildFleet, Fleet } from "./fleet";
import type { MemberKind } from "./fleetDeclarations";
import { patchBytes, PatchBytes } from "./patchBytes";
import { CpuMeter } from "./processCpu";
import { processMemory } from "./processMemory";
import { replayFloor, FloorResult } from "./rawHttpFloor";
import { requestStats, RequestStats } from "./requestStats";
import { measureStateSizes, StateSizeStats } from "./stateSize";

/** Figures of one phase. */
export interface PhaseResult {
  /** Resource operations run (Check+Create, Check+Diff, Read, Delete, …) by step. */
  steps: Record<string, number>;
  /** Flows the phase is about (all flows; for update, the changed ones): the divisor of `wallPerFlowMs`. */
  flows: number;
  wallMs: number;
  wallPerFlowMs: number;
  requests: RequestStats;
  patch?: PatchBytes;
  /** CPU used during the phase: the engine stand-in (this process: gRPC client), the host, the emulator. */
  cpuMs: { engine: number; host?: number; emulator?: number };
  /** Operation latency (all RPCs of one resource's step) as the engine sees it. */
  operationMs: { p50: number; p95: number; max: number };
  /** The raw-HTTP floor: the median of `floorRuns` replays (each against the tenant as it was before the phase). */
  floor?: FloorResult & { cpuMs: { client: number; emulator?: number } };
  floorRuns?: number[];
  /** wallMs / floor.wallMs; absent when the phase sent no request. */
  floorRatio?: number;
  /** With --profile: the host's CPU profile of this phase. */
  profileFile?: string;
  /** Host VmRSS after the phase. */
  hostRssBytes?: number;
}

/** Figures of one size. */
export interface SizeResult {
  sets: number;
  flows: number;
  resources: number;
  parallelism: number;
  host: {
    /** Spawn until the host printed its port. */
    startMs: number;
    configureMs: number;
    /** The first Check: the host deserializes the shim, which loads the provider runtime. */
    firstCallMs: number;
    /** VmHWM of the host process at the end. */
    peakRssBytes?: number;
  };
  state: Partial<Record<MemberKind, StateSizeStats>>;
  phases: Record<PhaseName, PhaseResult>;
}

/** Options of one size's run. */
export interface SizeOptions {
  sets: number;
  /** Engine parallelism, the provider's `industrydata:concurrency`, and the floor's concurrency. */
  parallelism: number;
  templates: Record<MemberKind, RegisteredResource>;
  /** Replays of the raw-HTTP floor per phase (the median is kept). */
  floorRepeats: number;
  /** Per-phase CPU profiles of the host. */
  profiling?: HostProfiling;
  log?: (line: string) => void;
}

/** Runs one size end to end and stops its processes. */
export async function runStackSize(options: SizeOptions): Promise<SizeResult> {
  const token = `bench-token-${randomBytes(12).toString("hex")}`;
  const emulator = await startEmulatorChild({ token });
  let host: ProviderHost | undefined;
  try {
    host = await startProviderHost({
      cwd: repoRoot(),
      config: {
        "industrydata:graphEndpoint": emulator.graphUrl,
        "industrydata:accessToken": secret(token),
        "industrydata:concurrency": String(options.parallelism),
      },
      nodeArgs: options.profiling?.nodeArgs,
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
  const t0 = performance.now();
  const first = await host.check(templates.flowSet.urn, {}, templates.flowSet.inputs);
  if (first.failures.length > 0) throw new Error(`Check failed: ${JSON.stringify(first.failures)}`);
  const firstCallMs = performance.now() - t0;

  const fleet = buildFleet({ host, templates, setCount: options.sets });
  const phases = {} as Record<PhaseName, PhaseResult>;
  let state: SizeResult["state"] = {};
  for (const phase of phaseNames) {
    phases[phase] = await runPhase({ phase, fleet, emulator, host, token, parallelism, repeats: options.floorRepeats, profiling: options.profiling });
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
    sets: options.sets,
    flows: fleet.flows.length,
    resources: fleet.flows.length + fleet.sets.length,
    parallelism,
    host: { startMs: host.startupMs, configureMs: host.configureMs, firstCallMs, peakRssBytes: processMemory(host.pid).peakRssBytes },
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
  await emulator.clearRequests();
  profiling?.start(host.pid);
  const cpu = new CpuMeter([host.pid, emulator.pid]);
  const started = performance.now();
  const run = await runEnginePhase(phase, fleet, parallelism);
  const wallMs = performance.now() - started;
  const cpuUsed = cpu.read();
  const profileFile = profiling ? await profiling.stop(host.pid) : undefined;
  const requests = graphRequests(await emulator.requests());
  const flows = phase === "update" ? fleet.changed.length : fleet.flows.length;
  const result: PhaseResult = {
    steps: run.steps,
    flows,
    wallMs,
    wallPerFlowMs: wallMs / flows,
    requests: requestStats(requests),
    cpuMs: { engine: cpuUsed.own, host: cpuUsed.others[0], emulator: cpuUsed.others[1] },
    operationMs: percentiles(run.latencies),
    hostRssBytes: processMemory(host.pid).rssBytes,
    ...(profileFile ? { profileFile } : {}),
  };
  if (phase === "update") result.patch = patchBytes(requests, fleet.flows);
  if (requests.length > 0) {
    const after = mutates ? await emulator.getState() : undefined;
    const runs: NonNullable<PhaseResult["floor"]>[] = [];
    for (let i = 0; i < options.repeats; i++) {
      if (before) await emulator.putState(before);
      const floorCpu = new CpuMeter([emulator.pid]);
      const replay = await replayFloor({
        origin: emulator.origin,
        token,
        requests,
        concurrency: parallelism,
        createdIds: after ? createdIds(requests, after) : undefined,
      });
      const used = floorCpu.read();
      runs.push({ ...replay, cpuMs: { client: used.own, emulator: used.others[0] } });
      await emulator.clearRequests();
    }
    const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
    result.floor = sorted[Math.floor((sorted.length - 1) / 2)];
    result.floorRuns = runs.map((r) => r.wallMs);
    result.floorRatio = wallMs / result.floor.wallMs;
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

/** The benchmark's stdout: one table per size, then the targets. */
import * as os from "os";
import type { MemberKind } from "./fleetDeclarations";
import { phaseNames } from "./enginePhases";
import type { PreviewTiming } from "./cliPreview";
import { frontEndLabels } from "./frontEnds";
import type { SizeResult } from "./runStackSize";
import type { TargetResult } from "./targets";

const MB = 1024 * 1024;

/** Renders rows as a left-aligned text table (first row is the header). */
export function textTable(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) => r.map((cell, c) => (cell ?? "").padEnd(widths[c])).join("  ").trimEnd();
  return [line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

function mb(bytes: number | undefined): string {
  return bytes === undefined ? "n/a" : `${(bytes / MB).toFixed(1)} MB`;
}

function ms(value: number | undefined): string {
  return value === undefined ? "?" : value.toFixed(0);
}

function methods(byMethod: Record<string, number>): string {
  const order = ["GET", "POST", "PATCH", "DELETE"];
  const keys = [...order.filter((m) => m in byMethod), ...Object.keys(byMethod).filter((m) => !order.includes(m))];
  return keys.length === 0 ? "0" : keys.map((m) => `${m} ${byMethod[m]}`).join(", ");
}

/** One size: phases table plus host and state figures. */
export function sizeReport(s: SizeResult): string {
  const header = ["phase", "flows", "ops", "wall ms", "ms/flow", "op p50/p95 ms", "HTTP requests", "CPU ms eng/host/emu", "floor ms", "floor CPU cli/emu", "ratio", "CPU ratio", "PATCH B sent/min/allowed"];
  const rows = phaseNames.map((name) => {
    const p = s.phases[name];
    const ops = Object.entries(p.steps).map(([k, v]) => `${v} ${k}`).join(", ");
    return [
      name,
      String(p.flows),
      ops,
      p.wallMs.toFixed(0),
      p.wallPerFlowMs.toFixed(2),
      `${p.operationMs.p50.toFixed(1)}/${p.operationMs.p95.toFixed(1)}`,
      methods(p.requests.byMethod) + (p.requests.failed ? ` (${p.requests.failed} failed)` : ""),
      `${ms(p.cpuMs.engine)}/${ms(p.cpuMs.host)}/${ms(p.cpuMs.emulator)}`,
      p.floor ? p.floor.wallMs.toFixed(0) + (p.floor.statusMismatches ? ` (${p.floor.statusMismatches} status mismatches)` : "") : "-",
      p.floor ? `${ms(p.floor.cpuMs.client)}/${ms(p.floor.cpuMs.emulator)}` : "-",
      p.floorRatio !== undefined ? p.floorRatio.toFixed(2) : "-",
      p.cpuRatio !== undefined ? p.cpuRatio.toFixed(2) : "-",
      p.patch ? `${p.patch.actualBytes}/${p.patch.minimumBytes}/${p.patch.allowedBytes}` : "-",
    ];
  });
  const stateRows = (Object.entries(s.state) as [MemberKind, NonNullable<SizeResult["state"][MemberKind]>][]).map(([kind, v]) => [
    kind,
    String(v.avgStateBytes),
    String(v.maxStateBytes),
    String(v.avgOwnBytes),
    String(v.avgOverheadBytes),
    String(v.maxOverheadBytes),
    String(v.providerBytesInState),
    String(v.avgInputsBytes),
    String(v.avgOutputsBytes),
  ]);
  return [
    `== ${s.sets} flow sets, ${s.flows} flows (${s.resources} resources), parallelism ${s.parallelism}, ${frontEndLabels[s.frontEnd]} ==`,
    textTable([header, ...rows]),
    "",
    `host: start ${s.host.startMs} ms, configure ${s.host.configureMs} ms, first call (loads the runtime) ${s.host.firstCallMs.toFixed(0)} ms; ` +
      `RSS ${mb(s.host.rssAfterStartBytes)} after start, ${mb(s.host.rssAfterFirstCallBytes)} with the runtime loaded, peak ${mb(s.host.peakRssBytes)}`,
    `load average (1 min) ${s.loadAverage.before.toFixed(1)} before, ${s.loadAverage.after.toFixed(1)} after, on ${os.cpus().length} CPUs`,
    "",
    textTable([["state per resource", "avg B", "max B", "own data B", "overhead avg B", "overhead max B", "of which __provider x2 B", "inputs B", "outputs B"], ...stateRows]),
  ].join("\n");
}

/** The targets as a table. */
export function targetsReport(targets: TargetResult[]): string {
  return textTable([["target", "goal", "measured", "met"], ...targets.map((t) => [t.name, t.target, t.measured, t.met ? "yes" : "NO"])]);
}

/** Resource operations a phase ran (Check+Create counts two: the engine makes both calls). */
function operations(steps: Record<string, number>): number {
  return Object.values(steps).reduce((n, v) => n + v, 0);
}

/** State bytes per resource, averaged over every resource of the size. */
function stateBytesPerResource(s: SizeResult): { total: number; provider: number } {
  const kinds = Object.values(s.state);
  const count = kinds.reduce((n, v) => n + v.resources, 0);
  if (count === 0) return { total: 0, provider: 0 };
  const sum = (f: (v: (typeof kinds)[number]) => number) => kinds.reduce((n, v) => n + f(v) * v.resources, 0) / count;
  return { total: Math.round(sum((v) => v.avgStateBytes)), provider: Math.round(sum((v) => v.providerBytesInState)) };
}

/** The front ends side by side on the same fleet: host CPU per resource operation, host memory, state per resource. */
export function frontEndReport(sizes: SizeResult[]): string {
  const phases = phaseNames;
  const header = ["flows", "front end", ...phases.map((p) => `${p} CPU ms/op`), "RSS start", "RSS peak", "state B/resource", "of which __provider"];
  const rows = sizes.map((s) => {
    const state = stateBytesPerResource(s);
    return [
      String(s.flows),
      s.frontEnd,
      ...phases.map((name) => {
        const p = s.phases[name];
        const ops = operations(p.steps);
        return p.cpuMs.host === undefined || ops === 0 ? "?" : (p.cpuMs.host / ops).toFixed(2);
      }),
      mb(s.host.rssAfterStartBytes),
      mb(s.host.peakRssBytes),
      String(state.total),
      String(state.provider),
    ];
  });
  return [
    "== front ends on the same fleet (host = the provider process; CPU per resource operation = host CPU of the phase / its Check, Diff, Create, Update, Read and Delete calls) ==",
    textTable([header, ...rows]),
  ].join("\n");
}

/** `pulumi preview` wall times through the real CLI. */
export function previewReport(timings: PreviewTiming[]): string {
  return [
    "== pulumi preview through the real CLI, fresh stack (everything to create), median of the runs after one warm-up ==",
    textTable([
      ["runtime", "program", "resources", "median ms", "runs ms"],
      ...timings.map((t) => [t.runtime, t.program, String(t.resources), t.medianMs.toFixed(0), t.runsMs.map((v) => v.toFixed(0)).join(", ")]),
    ]),
  ].join("\n");
}

/**
 * Where each phase's operation time goes (first round): per provider RPC kind its calls and median round trip, the
 * Graph requests' median duration at the emulator (added latency included), and per operation the RPC time that is
 * not Graph time (provider processing and the gRPC hop).
 */
export function rpcReport(s: SizeResult): string {
  const rows = phaseNames.flatMap((name) => {
    const p = s.phases[name];
    if (!p.rpc) return [];
    const operations = Object.values(p.steps).reduce((n, v) => n + v, 0);
    return [
      [
        name,
        p.rpc.rpcs.map((r) => `${r.method} ${r.calls}x ${r.p50Ms.toFixed(0)}`).join(", "),
        p.rpc.graph.requests === 0 ? "-" : `${p.rpc.graph.requests}x ${p.rpc.graph.p50Ms.toFixed(0)}`,
        operations === 0 ? "-" : (p.rpc.nonGraphMs / operations).toFixed(1),
      ],
    ];
  });
  return textTable([["phase", "RPC calls x median ms (engine side)", "Graph requests x median ms", "non-Graph RPC ms per operation"], ...rows]);
}

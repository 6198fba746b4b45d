/**
 * Where a phase's operation time goes, from the engine stand-in's own records: each provider RPC's round trip (the
 * harness transcript: Check, Diff, Update, …) split, for the RPCs that send Graph requests, into the time those
 * requests took at the emulator (its log's durationMs, which includes any added latency) and the rest (the
 * provider's own work and the gRPC hop). Medians per RPC kind. A timeline, not a guess: with `--latency`, what is
 * left once the Graph time is taken off is what the provider and the engine protocol add per operation.
 */
import type { LoggedRequest } from "../emulator";
import type { RpcRecord } from "../test/harness";

/** One RPC kind's figures over a phase. */
export interface RpcFigures {
  method: string;
  calls: number;
  /** Median round trip of one call, as the engine sees it. */
  p50Ms: number;
  /** Sum over calls of the round trips (the phase's total of this RPC, across parallel operations). */
  totalMs: number;
}

/** The phase's breakdown. */
export interface RpcBreakdown {
  rpcs: RpcFigures[];
  /** Graph requests of the phase: count, median and total emulator-side duration (latency included). */
  graph: { requests: number; p50Ms: number; totalMs: number };
  /**
   * Sum over all RPCs of their round trips minus the Graph time inside them: what the provider processes and the
   * gRPC protocol add, summed over operations (divide by the operations for a per-operation figure).
   */
  nonGraphMs: number;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The breakdown of a phase's RPCs (the transcript records it added) and Graph requests (its request log). */
export function rpcBreakdown(records: readonly RpcRecord[], requests: readonly LoggedRequest[]): RpcBreakdown {
  const byMethod = new Map<string, number[]>();
  for (const r of records) if (r.ms !== undefined) byMethod.set(r.method, [...(byMethod.get(r.method) ?? []), r.ms]);
  const rpcs = [...byMethod.entries()].map(([method, ms]) => ({ method, calls: ms.length, p50Ms: median(ms), totalMs: ms.reduce((a, b) => a + b, 0) }));
  const durations = requests.map((r) => r.durationMs ?? 0);
  const graphTotal = durations.reduce((a, b) => a + b, 0);
  const rpcTotal = rpcs.reduce((a, r) => a + r.totalMs, 0);
  return { rpcs, graph: { requests: requests.length, p50Ms: median(durations), totalMs: graphTotal }, nonGraphMs: rpcTotal - graphTotal };
}

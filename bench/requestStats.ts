/**
 * Counts of one phase's requests, from the emulator's log: by method, and by method and target ("GET flow",
 * "POST flows", …), which is what the targets are stated in.
 */
import type { LoggedRequest } from "../emulator";
import { graphTarget } from "./graphPaths";

/** Request counts of a phase. */
export interface RequestStats {
  total: number;
  byMethod: Record<string, number>;
  /** `METHOD target`, target one of sets, set, flows, flow, other. */
  byTarget: Record<string, number>;
  /** Answered with 4xx/5xx or dropped. */
  failed: number;
}

/** Counts `requests`. */
export function requestStats(requests: LoggedRequest[]): RequestStats {
  const stats: RequestStats = { total: requests.length, byMethod: {}, byTarget: {}, failed: 0 };
  for (const r of requests) {
    stats.byMethod[r.method] = (stats.byMethod[r.method] ?? 0) + 1;
    const key = `${r.method} ${graphTarget(r.path).target}`;
    stats.byTarget[key] = (stats.byTarget[key] ?? 0) + 1;
    if (r.status >= 400 || r.status === 0) stats.failed++;
  }
  return stats;
}

/**
 * The targets, checked against a run. Count targets hold at every size; the time ratio and memory
 * targets are stated at 1000 flows, so they are judged at the largest size run (and say so when that is less).
 */
import type { MemberKind } from "./fleetDeclarations";
import type { SizeResult } from "./runStackSize";

/** One target and whether the run reached it. */
export interface TargetResult {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

const KB = 1024;
const MB = 1024 * 1024;

/** Evaluates every target; `providerBytes` per kind from serialization. */
export function evaluateTargets(sizes: SizeResult[], providerBytes: Record<MemberKind, number>): TargetResult[] {
  const largest = sizes.reduce((a, b) => (b.flows > a.flows ? b : a));
  const at = largest.flows >= 1000 ? "at 1000 flows" : `at ${largest.flows} flows (largest run; target is at 1000)`;
  const every = (f: (s: SizeResult) => boolean) => sizes.every(f);
  const perSize = (f: (s: SizeResult) => string) => sizes.map((s) => `${s.flows} flows: ${f(s)}`).join("; ");
  const results: TargetResult[] = [];

  results.push({
    name: "no-op diff sends nothing",
    target: "0 HTTP requests",
    measured: perSize((s) => `${s.phases.diff.requests.total} requests`),
    met: every((s) => s.phases.diff.requests.total === 0),
  });

  const update = (s: SizeResult) => s.phases.update;
  const patches = (s: SizeResult) => update(s).requests.byTarget["PATCH flow"] ?? 0;
  const gets = (s: SizeResult) => update(s).requests.byMethod.GET ?? 0;
  results.push({
    // At most two GETs: one before a PATCH holding a complex value (built over what the tenant holds now: no
    // stale overlay), and one after Graph's 204 (its PATCH answer has no body).
    name: "update: one PATCH per changed flow, at most two GETs",
    target: "PATCH = changed flows; GET <= 2 x changed flows; nothing else",
    measured: perSize((s) => `${update(s).flows} changed, ${patches(s)} PATCH, ${gets(s)} GET, ${update(s).requests.total} total`),
    met: every((s) => patches(s) === update(s).flows && gets(s) <= 2 * update(s).flows && update(s).requests.total === patches(s) + gets(s)),
  });

  const refresh = (s: SizeResult) => s.phases.refresh;
  const flowGets = (s: SizeResult) => refresh(s).requests.byTarget["GET flow"] ?? 0;
  results.push({
    name: "refresh: one GET per flow",
    target: "GET flow = flows (plus one GET per set), nothing else",
    measured: perSize((s) => `${flowGets(s)} GET flow, ${refresh(s).requests.byTarget["GET set"] ?? 0} GET set, ${refresh(s).requests.total} total`),
    met: every((s) => flowGets(s) === s.flows && refresh(s).requests.total === s.flows + s.sets),
  });

  results.push({
    name: "PATCH bytes",
    target: "<= minimum (changed properties + @odata.type) + Graph-required properties",
    measured: perSize((s) => {
      const p = update(s).patch!;
      return `${p.actualBytes} B sent, minimum ${p.minimumBytes} B, allowed ${p.allowedBytes} B, ${p.overAllowed}/${p.patches} over`;
    }),
    met: every((s) => (update(s).patch?.overAllowed ?? 1) === 0),
  });

  for (const phase of ["refresh", "update"] as const) {
    const ratio = largest.phases[phase].floorRatio;
    results.push({
      name: `${phase} overhead vs raw-HTTP floor ${at}`,
      target: "<= 1.3",
      measured:
        ratio === undefined
          ? "n/a"
          : `x${ratio.toFixed(2)} (${largest.phases[phase].wallMs.toFixed(0)} ms vs ${largest.phases[phase].floor!.wallMs.toFixed(0)} ms; ` +
            `CPU x${(largest.phases[phase].cpuRatio ?? NaN).toFixed(2)})`,
      met: ratio !== undefined && ratio <= 1.3,
    });
  }

  const maxProvider = Math.max(...Object.values(providerBytes));
  results.push({
    name: "__provider per resource",
    target: "<= 4 KB",
    measured: `${maxProvider} B (largest kind)`,
    met: maxProvider <= 4 * KB,
  });

  const flowOverhead = (s: SizeResult) =>
    Math.max(...Object.entries(s.state).filter(([k]) => k !== "flowSet").map(([, v]) => v!.maxOverheadBytes));
  results.push({
    name: "state per flow beyond its own data",
    target: "<= 4 KB",
    measured: perSize((s) => `${flowOverhead(s)} B (largest)`),
    met: every((s) => flowOverhead(s) <= 4 * KB),
  });

  const rss = largest.host.peakRssBytes;
  results.push({
    name: `host peak RSS ${at}`,
    target: "<= 250 MB",
    measured: rss === undefined ? "n/a (no /proc)" : `${(rss / MB).toFixed(1)} MB`,
    met: rss !== undefined && rss <= 250 * MB,
  });
  return results;
}

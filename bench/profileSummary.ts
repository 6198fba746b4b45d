/**
 * Reads a V8 `.cpuprofile` and lists where the time went: self time by function, and time by package, each
 * sample charged to the nearest frame on its stack that belongs to a package (node_modules/<pkg>) or to this
 * repository's compiled code (dist/…), so Node's internals are charged to whoever called them. Samples with
 * no such frame (native work after an async hop, GC, idle) are listed by their own name. The profiler's own
 * samples (inside node:inspector) are left out of every figure, the total included.
 */
import * as fs from "fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** One row of the summary. */
export interface ProfileRow {
  what: string;
  selfMs: number;
  percent: number;
}

/** Self time by function and time by package, top `top` of each. */
export function summarizeProfile(file: string, top = 20): { totalMs: number; functions: ProfileRow[]; files: ProfileRow[] } {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let totalUs = 0;
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  const add = (m: Map<string, number>, key: string, us: number) => m.set(key, (m.get(key) ?? 0) + us);
  for (let i = 0; i < samples.length; i++) {
    const us = deltas[i] ?? 0;
    const leaf = byId.get(samples[i]);
    // The profiler's own start-up (V8 logging every compiled function) shows as time in inspector calls.
    if (!leaf || leaf.callFrame.url === "node:inspector") continue;
    totalUs += us;
    const { functionName, url, lineNumber } = leaf.callFrame;
    add(functions, `${functionName || "(anonymous)"} ${shorten(url)}:${lineNumber + 1}`, us);
    let owner: string | undefined;
    for (let id: number | undefined = leaf.id; id !== undefined && owner === undefined; id = parent.get(id)) {
      owner = packageOf(byId.get(id)?.callFrame.url ?? "");
    }
    add(packages, owner ?? `(${functionName || shorten(url) || "native"})`, us);
  }
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([what, us]) => ({ what, selfMs: us / 1000, percent: (100 * us) / totalUs }));
  return { totalMs: totalUs / 1000, functions: rows(functions), files: rows(packages) };
}

function shorten(url: string): string {
  return url.replace(/^file:\/\//, "").replace(/^.*\/node_modules\//, "node_modules/").replace(/^.*\/dist\//, "dist/");
}

/** `node_modules/<pkg>`, `dist/<file>`, or undefined for Node's own and native frames. */
function packageOf(url: string): string | undefined {
  const file = shorten(url);
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return pkg[1];
  return file.startsWith("dist/") ? file : undefined;
}

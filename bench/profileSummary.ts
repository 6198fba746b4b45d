/**
 * Reads a V8 `.cpuprofile` and lists where the time went: self time by function (name, file, line) and by
 * file, the largest first. Enough to see whether a host spends its time in our code, in the client library,
 * in gRPC/protobuf marshalling or idle.
 */
import * as fs from "fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
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

/** Self time by function and by package/file, top `top` of each. */
export function summarizeProfile(file: string, top = 20): { totalMs: number; functions: ProfileRow[]; files: ProfileRow[] } {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + (deltas[i] ?? 0));
  const totalUs = profile.endTime - profile.startTime;
  const fn = new Map<string, number>();
  const files = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = shorten(url);
    fn.set(`${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`, (fn.get(`${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`) ?? 0) + us);
    const group = where ? packageOf(where) : functionName;
    files.set(group, (files.get(group) ?? 0) + us);
  }
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([what, us]) => ({ what, selfMs: us / 1000, percent: (100 * us) / totalUs }));
  return { totalMs: totalUs / 1000, functions: rows(fn), files: rows(files) };
}

function shorten(url: string): string {
  return url.replace(/^file:\/\//, "").replace(/^.*\/node_modules\//, "node_modules/").replace(/^.*\/(dist|bench)\//, "$1/");
}

/** `node_modules/@scope/pkg` or `node_modules/pkg` or the file itself. */
function packageOf(file: string): string {
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  return m ? `node_modules/${m[1]}` : file;
}

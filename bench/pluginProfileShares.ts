/**
 * The provider plugin's CPU time by what it was doing, from V8 CPU profiles (`node --cpu-prof`) of its processes
 * under the real CLI: each sample is charged to module loading when any frame on its stack is Node's module
 * loader (start-up and the lazy loads), else to the nearest frame on its stack that belongs to one of the shares
 * below (so Node's internals are charged to whoever called them). Idle samples are left out.
 */
import * as fs from "fs";

/** The shares, in report order. */
export const profileShares = [
  "module loading",
  "gRPC (grpc-js, http2)",
  "message and struct coding (protobuf)",
  "secrets handling (propertyValues)",
  "validation (schema, ajv)",
  "reconcile",
  "operations",
  "Graph client (provider/graph, http)",
  "plugin glue (provider/plugin, config)",
  "garbage collection",
  "other",
] as const;

export type ProfileShare = (typeof profileShares)[number];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** The share a frame's script belongs to, or undefined when the frame says nothing (Node's own internals). */
function shareOfFrame(url: string, functionName: string): ProfileShare | undefined {
  // The generated messages (google-protobuf) and the plugin's own Struct codec over protobufjs's Reader/Writer.
  if (url.includes("node_modules/google-protobuf/") || url.includes("_pb.js") || url.includes("node_modules/protobufjs/") || url.includes("/provider/plugin/structWire") || url.includes("/provider/plugin/wireService")) {
    return "message and struct coding (protobuf)";
  }
  if (url.includes("node_modules/@grpc/") || url.startsWith("node:internal/http2")) return "gRPC (grpc-js, http2)";
  if (url.includes("/provider/plugin/propertyValues")) return "secrets handling (propertyValues)";
  if (url.includes("node_modules/ajv/") || /\/provider\/schema\/(validate|formats|jsonSchema)/.test(url)) return "validation (schema, ajv)";
  if (url.includes("/provider/reconcile/")) return "reconcile";
  if (url.includes("/provider/operations/")) return "operations";
  if (url.includes("/provider/graph/") || url.includes("node_modules/@microsoft/") || url.includes("node_modules/@azure/")) return "Graph client (provider/graph, http)";
  if (url.includes("/provider/plugin/") || url.includes("/provider/config/") || url.includes("/provider/schema/")) return "plugin glue (provider/plugin, config)";
  if (/^node:(_http|http|https|net|tls|internal\/(http|net|tls|stream_base))/.test(url)) return "Graph client (provider/graph, http)";
  if (functionName === "(garbage collector)") return "garbage collection";
  return undefined;
}

const isLoader = (url: string) => url === "node:internal/modules/cjs/loader" || url.startsWith("node:internal/modules/");

/** CPU ms per share over the given profiles (one per plugin process), and their total (idle excluded). */
export function profileShareMs(files: string[]): { totalMs: number; shares: Record<ProfileShare, number> } {
  const shares = Object.fromEntries(profileShares.map((s) => [s, 0])) as Record<ProfileShare, number>;
  let totalUs = 0;
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const cache = new Map<number, ProfileShare | "idle">();
    const shareOf = (leaf: number): ProfileShare | "idle" => {
      const known = cache.get(leaf);
      if (known) return known;
      const stack: ProfileNode[] = [];
      for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!);
      let share: ProfileShare | "idle";
      if (stack[0].callFrame.functionName === "(idle)") share = "idle";
      else if (stack.some((n) => isLoader(n.callFrame.url))) share = "module loading";
      else share = stack.map((n) => shareOfFrame(n.callFrame.url, n.callFrame.functionName)).find((s) => s !== undefined) ?? "other";
      cache.set(leaf, share);
      return share;
    };
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const share = shareOf(samples[i]);
      if (share === "idle") continue;
      const us = deltas[i] ?? 0;
      totalUs += us;
      shares[share] += us / 1000;
    }
  }
  return { totalMs: totalUs / 1000, shares };
}

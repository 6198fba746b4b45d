/**
 * Per-resource state size: the JSON of the inputs and outputs the engine stores for a resource (secrets as the
 * engine's secret structs), against the resource's own data, i.e. the entity's JSON as Graph returns it on GET.
 * The difference is what the provider adds: `__provider` (in inputs and, put there by the dynamic-provider host,
 * in outputs), the declared inputs beside the read outputs, and bookkeeping such as password hashes.
 */
import pLimit from "p-limit";
import { toWire } from "../test/harness";
import type { Fleet, FleetMember } from "./fleet";
import type { MemberKind } from "./fleetDeclarations";

/** State figures of one resource kind. */
export interface StateSizeStats {
  resources: number;
  /** Bytes of `{ inputs, outputs }` as stored, average and largest. */
  avgStateBytes: number;
  maxStateBytes: number;
  /** Bytes of the entity as GET returns it, average. */
  avgOwnBytes: number;
  /** State minus own data, average and largest. */
  avgOverheadBytes: number;
  maxOverheadBytes: number;
  /** Of the state, on average: `__provider` texts (inputs + outputs), the rest of the inputs, the rest of the outputs. */
  providerBytesInState: number;
  avgInputsBytes: number;
  avgOutputsBytes: number;
}

const setsPath = "/external/industryData/outboundProvisioningFlowSets";

/** Measures every resource of the fleet (GETs its entity once, outside any timed phase). */
export async function measureStateSizes(options: {
  fleet: Fleet;
  graphUrl: string;
  token: string;
  concurrency: number;
}): Promise<Partial<Record<MemberKind, StateSizeStats>>> {
  const { fleet, graphUrl, token } = options;
  const members = [...fleet.sets.map((s) => s.set), ...fleet.flows];
  const limit = pLimit(options.concurrency);
  const rows = await Promise.all(
    members.map((m) =>
      limit(async () => {
        const state = m.resource.state;
        if (!state) throw new Error(`${m.name} has no state to measure`);
        const stored = toWire({ inputs: state.inputs, outputs: state.outputs }, { keepSecrets: true }) as {
          inputs: Record<string, unknown>;
          outputs: Record<string, unknown>;
        };
        const providerBytes = ["inputs", "outputs"].reduce((n, k) => {
          const text = (stored as Record<string, Record<string, unknown>>)[k].__provider;
          return n + (typeof text === "string" ? Buffer.byteLength(text, "utf8") : 0);
        }, 0);
        const withoutProvider = (value: Record<string, unknown>) => {
          const { __provider: _ignored, ...rest } = value;
          return Buffer.byteLength(JSON.stringify(rest), "utf8");
        };
        const response = await fetch(`${graphUrl}${entityPath(m)}`, { headers: { authorization: `Bearer ${token}` } });
        if (!response.ok) throw new Error(`GET ${entityPath(m)}: ${response.status}`);
        const own = Buffer.byteLength(await response.text(), "utf8");
        return {
          kind: m.kind,
          state: Buffer.byteLength(JSON.stringify(stored), "utf8"),
          own,
          providerBytes,
          inputs: withoutProvider(stored.inputs),
          outputs: withoutProvider(stored.outputs),
        };
      }),
    ),
  );
  const out: Partial<Record<MemberKind, StateSizeStats>> = {};
  for (const kind of new Set(rows.map((r) => r.kind))) {
    const of = rows.filter((r) => r.kind === kind);
    const avg = (f: (r: (typeof of)[number]) => number) => Math.round(of.reduce((n, r) => n + f(r), 0) / of.length);
    out[kind] = {
      resources: of.length,
      avgStateBytes: avg((r) => r.state),
      maxStateBytes: Math.max(...of.map((r) => r.state)),
      avgOwnBytes: avg((r) => r.own),
      avgOverheadBytes: avg((r) => r.state - r.own),
      maxOverheadBytes: Math.max(...of.map((r) => r.state - r.own)),
      providerBytesInState: avg((r) => r.providerBytes),
      avgInputsBytes: avg((r) => r.inputs),
      avgOutputsBytes: avg((r) => r.outputs),
    };
  }
  return out;
}

function entityPath(m: FleetMember): string {
  const id = m.resource.state!.id;
  if (m.kind === "flowSet") return `${setsPath}/${encodeURIComponent(id)}`;
  const [setId, flowId] = id.split("/");
  return `${setsPath}/${encodeURIComponent(setId)}/provisioningFlows/${encodeURIComponent(flowId)}`;
}

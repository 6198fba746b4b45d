/**
 * PATCH body size of the update phase against two yardsticks per changed flow:
 * - minimum: `@odata.type` plus the changed top-level property alone, at its full new value (Graph replaces a
 *   complex value whole, so no client can send less), taken from the flow as read back after the update, with
 *   the nested `@odata.type` annotations Graph's documented request bodies carry (`documentedAnnotations`; a
 *   read-back value has them only on abstract-typed parts);
 * - allowed: the minimum plus the properties Graph requires on every PATCH of that kind (annotated the same way).
 * Sizes are of the logged body re-serialized with JSON.stringify (no whitespace), as the client sends it.
 */
import type { LoggedRequest } from "../emulator";
import { revealSecrets } from "../test/harness";
import type { FleetMember } from "./fleet";
import { changes, documentedAnnotations, FlowKind, odataTypeOf, requiredOnPatch } from "./fleetDeclarations";
import { graphTarget } from "./graphPaths";

/** PATCH sizes of a phase. */
export interface PatchBytes {
  patches: number;
  actualBytes: number;
  minimumBytes: number;
  allowedBytes: number;
  /** PATCHes larger than their allowed size. */
  overAllowed: number;
  /** Top-level properties sent beyond minimum + required (union over all PATCHes). */
  extraProperties: string[];
  /** `@odata.type` annotations inside complex values (Graph needs them only for derived types). */
  nestedAnnotations: number;
  nestedAnnotationBytes: number;
  /** Per kind: one example of actual vs minimum vs allowed bytes. */
  byKind: Partial<Record<FlowKind, { actual: number; minimum: number; allowed: number }>>;
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

/** Measures every PATCH to a flow in `requests`; `flows` are the stack's flows, updated state included. */
export function patchBytes(requests: LoggedRequest[], flows: FleetMember[]): PatchBytes {
  const byFlowId = new Map(flows.map((f) => [String(f.resource.state?.outputs.flowId ?? ""), f]));
  const result: PatchBytes = {
    patches: 0,
    actualBytes: 0,
    minimumBytes: 0,
    allowedBytes: 0,
    overAllowed: 0,
    extraProperties: [],
    nestedAnnotations: 0,
    nestedAnnotationBytes: 0,
    byKind: {},
  };
  const extra = new Set<string>();
  for (const r of requests) {
    const target = graphTarget(r.path);
    if (r.method !== "PATCH" || target.target !== "flow") continue;
    const flow = byFlowId.get(target.flowId);
    if (!flow || flow.kind === "flowSet" || !flow.resource.state) throw new Error(`PATCH of unknown flow ${target.flowId}`);
    const kind = flow.kind;
    const outputs = revealSecrets(flow.resource.state.outputs) as Record<string, unknown>;
    const { property } = changes[kind];
    const documented = (p: string) => annotated(outputs[p], p, documentedAnnotations[kind]);
    const minimum: Record<string, unknown> = { "@odata.type": odataTypeOf(kind), [property]: documented(property) };
    const allowed: Record<string, unknown> = { ...minimum };
    for (const p of requiredOnPatch[kind]) allowed[p] = documented(p);
    const body = (r.body ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(body)) if (!(key in allowed)) extra.add(key);
    const annotations = nestedAnnotations(body, true);
    const sizes = { actual: bytes(body), minimum: bytes(minimum), allowed: bytes(allowed) };
    result.patches++;
    result.actualBytes += sizes.actual;
    result.minimumBytes += sizes.minimum;
    result.allowedBytes += sizes.allowed;
    if (sizes.actual > sizes.allowed) result.overAllowed++;
    result.nestedAnnotations += annotations.count;
    result.nestedAnnotationBytes += annotations.bytes;
    result.byKind[kind] ??= sizes;
  }
  result.extraProperties = [...extra].sort();
  return result;
}

/** A copy of `value` (at `path`) with `@odata.type` first in every object a path of `annotations` names. */
function annotated(value: unknown, path: string, annotations: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((element) => annotated(element, `${path}[]`, annotations));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = annotations[path] === undefined ? {} : { "@odata.type": annotations[path] };
  for (const [key, sub] of Object.entries(value)) if (!(key in out)) out[key] = annotated(sub, `${path}.${key}`, annotations);
  return out;
}

/** `@odata.*` members below the top level: how many, and the bytes they add (`,"key":"value"`). */
function nestedAnnotations(value: unknown, top: boolean): { count: number; bytes: number } {
  const total = { count: 0, bytes: 0 };
  if (Array.isArray(value)) {
    for (const v of value) add(total, nestedAnnotations(v, false));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (!top && k.startsWith("@odata.")) {
        total.count++;
        total.bytes += bytes(k) + bytes(v) + 2;
      } else add(total, nestedAnnotations(v, false));
    }
  }
  return total;
}

function add(into: { count: number; bytes: number }, from: { count: number; bytes: number }): void {
  into.count += from.count;
  into.bytes += from.bytes;
}

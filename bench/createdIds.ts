/**
 * Which entity each POST of a phase created, found in the tenant after the phase: a set by its (unique)
 * display name, a flow by its set and kind (a set holds one flow per kind). The raw-HTTP floor needs this to
 * replay a create phase: its own POSTs create entities with new ids, which the later requests must use.
 */
import type { LoggedRequest, TenantState } from "../emulator";
import { graphTarget } from "./graphPaths";

const namespace = "#microsoft.graph.industryData.";

/** Index in `requests` of each successful POST -> id of the entity it created. */
export function createdIds(requests: LoggedRequest[], after: TenantState): Map<number, string> {
  const ids = new Map<number, string>();
  const setsByName = new Map(after.flowSets.map((s) => [s.displayName, s]));
  const setsById = new Map(after.flowSets.map((s) => [s.id, s]));
  requests.forEach((r, i) => {
    if (r.method !== "POST" || r.status !== 201) return;
    const body = (r.body ?? {}) as Record<string, unknown>;
    const target = graphTarget(r.path);
    if (target.target === "sets") {
      const set = setsByName.get(String(body.displayName));
      if (set) ids.set(i, set.id);
    } else if (target.target === "flows") {
      const kind = String(body["@odata.type"] ?? "").replace(namespace, "");
      const flow = setsById.get(target.setId)?.flows.find((f) => f.kind === kind);
      if (flow) ids.set(i, flow.id);
    }
  });
  return ids;
}

/** Reads every outbound provisioning flow set and its flows from Graph, for `industrydata export`. */
import type { GraphClient } from "../graph";
import type { JsonObject } from "../reconcile";
import { flowSetsPath, flowsPath, idSegmentProblem } from "../schema";

/** The tenant as Graph returned it: each flow set with its flows, server JSON untouched. */
export interface TenantSnapshot {
  flowSets: { set: JsonObject; flows: JsonObject[] }[];
}

/** Options of {@link readTenant}. */
export interface ReadTenantOptions {
  client: GraphClient;
  /** Called once the sets are listed, with their number. */
  onFlowSetsListed?(count: number): void;
  /** Called after each set's flows are read. */
  onFlowSetRead?(set: JsonObject, flows: JsonObject[]): void;
}

/**
 * One list of the sets, then one list of each set's flows (the list answers hold every property, so no GET per
 * flow), all sets at once: the client's shared limiter bounds how many requests are in flight. Paging through
 * `@odata.nextLink` is the client's. The flow collection is polymorphic: each flow carries its `@odata.type`.
 */
export async function readTenant(options: ReadTenantOptions): Promise<TenantSnapshot> {
  const sets = await options.client.list<JsonObject>(flowSetsPath);
  assertDeclarableIds(sets.map((set) => ({ what: `flow set ${describe(set)}`, id: set.id })));
  options.onFlowSetsListed?.(sets.length);
  const flowSets = await Promise.all(
    sets.map(async (set) => {
      const flows = await options.client.list<JsonObject>(flowsPath(String(set.id)));
      options.onFlowSetRead?.(set, flows);
      return { set, flows };
    }),
  );
  assertDeclarableIds(flowSets.flatMap(({ set, flows }) => flows.map((flow) => ({ what: `flow ${JSON.stringify(flow.id)} in flow set ${describe(set)}`, id: flow.id }))));
  return { flowSets };
}

function describe(set: JsonObject): string {
  return `${JSON.stringify(set.id)} (${JSON.stringify(set.displayName)})`;
}

/**
 * Fails, before anything is written, when the tenant holds an id the id rule refuses (Graph hands out GUIDs, so
 * only a tampered or foreign tenant can): a program declaring it would fail `check`, and no request may carry it.
 */
function assertDeclarableIds(entities: { what: string; id: unknown }[]): void {
  const refused = entities.flatMap(({ what, id }) => {
    const problem = idSegmentProblem(id);
    return problem === undefined ? [] : [`${what}: its id ${problem}`];
  });
  if (refused.length > 0) {
    throw new Error(`the tenant holds ids no program can declare (an id becomes a URL segment), so nothing was exported:\n  ${refused.join("\n  ")}`);
  }
}

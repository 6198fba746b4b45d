/**
 * Reads the whole tenant from Graph for `industrydata export`: every outbound provisioning flow set and its
 * flows, and every top-level inbound entity (source systems, data connectors, years, inbound flows, reference
 * definitions).
 */
import { isGraphError, type GraphClient } from "../graph";
import { boundIds, type JsonObject } from "../reconcile";
import {
  descriptorForOdataType,
  descriptors,
  entityCollectionPath,
  entityListPath,
  flowSetsPath,
  flowsPath,
  idSegmentProblem,
  resourceKinds,
  type ResourceKind,
} from "../schema";

/** One top-level inbound entity as Graph returned it (bindings `$expand`ed), with its resource kind. */
export interface EntitySnapshot {
  kind: ResourceKind;
  server: JsonObject;
}

/** The tenant as Graph returned it: each flow set with its flows, then the inbound entities; server JSON untouched. */
export interface TenantSnapshot {
  flowSets: { set: JsonObject; flows: JsonObject[] }[];
  /** The inbound entities of every kind this provider manages (absent: an outbound-only snapshot). */
  entities?: EntitySnapshot[];
  /** Inbound items of a type this provider version does not manage (a newer connector kind, say): not exported. */
  unmanaged?: { id: string; odataType: string }[];
  /** Inbound collections Graph refused to list (403: the caller lacks that collection's read permission). */
  refused?: { path: string; message: string }[];
}

/** Options of {@link readTenant}. */
export interface ReadTenantOptions {
  client: GraphClient;
  /** Called once the sets are listed, with their number. */
  onFlowSetsListed?(count: number): void;
  /** Called after each set's flows are read. */
  onFlowSetRead?(set: JsonObject, flows: JsonObject[]): void;
}

/** A top-level inbound collection to list: its path with `$expand` of its kinds' entity bindings, and its kinds. */
interface EntityCollection {
  path: string;
  kinds: ResourceKind[];
}

/**
 * The inbound collections, from the descriptors: every inbound kind (the outbound flow set and its flows are
 * read set by set) lives in a top-level collection; kinds sharing one (the two connector kinds, whose bindings are the same) are listed once.
 * Bindings are never in a plain answer (Graph returns them only expanded): `$expand` brings them in the same list.
 */
export function entityCollections(): EntityCollection[] {
  const byPath = new Map<string, ResourceKind[]>();
  for (const kind of resourceKinds) {
    if (descriptors[kind].side !== "inbound") continue;
    const collection = entityCollectionPath(kind);
    byPath.set(collection, [...(byPath.get(collection) ?? []), kind]);
  }
  return [...byPath.values()].map((kinds) => ({ path: entityListPath(kinds[0]), kinds }));
}

/**
 * One list of the sets, then one list of each set's flows (the list answers hold every property, so no GET per
 * flow), and one list per inbound collection, all at once: the client's shared limiter bounds how many requests
 * are in flight. Paging through `@odata.nextLink` is the client's. The flow, connector and inbound-flow
 * collections are polymorphic: each item carries its `@odata.type`; an item of a type this provider does not
 * manage is left out of `entities`.
 */
export async function readTenant(options: ReadTenantOptions): Promise<TenantSnapshot> {
  // One Promise.all, so a failure of either half is the export's failure and never an unhandled rejection.
  const [flowSets, read] = await Promise.all([readFlowSets(options), Promise.all(entityCollections().map((c) => readCollection(options.client, c)))]);
  const entities = read.flatMap((r) => r.entities);
  // The inbound ids become adopt arguments and bind targets of the program: the same rule as the sets' and flows'.
  assertDeclarableIds(
    entities.flatMap(({ kind, server }) => {
      const what = `${descriptors[kind].noun} ${JSON.stringify(server.id)} (${JSON.stringify(server.displayName)})`;
      const bound = Object.entries(boundIds(kind, server)).filter(([, id]) => typeof id === "string");
      return [{ what, id: server.id }, ...bound.map(([argument, id]) => ({ what: `${what}, its ${argument}`, id }))];
    }),
  );
  return { flowSets, entities, unmanaged: read.flatMap((r) => r.unmanaged), refused: read.flatMap((r) => r.refused) };
}

async function readFlowSets(options: ReadTenantOptions): Promise<TenantSnapshot["flowSets"]> {
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
  return flowSets;
}

type CollectionRead = Required<Omit<TenantSnapshot, "flowSets">>;

/**
 * One collection's entities. A 403 leaves the collection out (and says so) rather than failing the export: an
 * app registration made for the outbound flows alone still exports them, and the inbound collections it may read.
 */
async function readCollection(client: GraphClient, collection: EntityCollection): Promise<CollectionRead> {
  const out: CollectionRead = { entities: [], unmanaged: [], refused: [] };
  let items: JsonObject[];
  try {
    items = await client.list<JsonObject>(collection.path);
  } catch (error) {
    if (!isGraphError(error) || error.status !== 403) throw error;
    out.refused.push({ path: collection.path.replace(/\?.*$/, ""), message: `${error.code}: ${error.graphMessage}` });
    return out;
  }
  for (const server of items) {
    const odataType = typeof server["@odata.type"] === "string" ? server["@odata.type"] : "";
    const kind = collection.kinds.length === 1 && !descriptors[collection.kinds[0]].polymorphic ? collection.kinds[0] : descriptorForOdataType(odataType)?.kind;
    if (kind !== undefined && collection.kinds.includes(kind)) out.entities.push({ kind, server });
    else out.unmanaged.push({ id: String(server.id), odataType });
  }
  return out;
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

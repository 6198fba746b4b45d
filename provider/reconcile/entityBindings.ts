import { descriptors, idFromBindUrl, isPlainObject } from "../schema";
import type { ResourceKind } from "../schema";
import type { JsonObject } from "./types";

/**
 * What a server value says about each entity binding of the kind: the bound id (from `$expand=<navigation>`,
 * or from a `<navigation>@odata.bind` in an answer that echoes the request), null when Graph says the
 * navigation is empty, undefined when the answer does not tell (a POST answer, a GET without `$expand`).
 */
export function boundIds(kind: ResourceKind, server: JsonObject): Record<string, string | null | undefined> {
  const out: Record<string, string | null | undefined> = {};
  for (const { argument, navigation, targetCollection } of descriptors[kind].entityBindings) {
    const expanded = server[navigation];
    const bind = server[`${navigation}@odata.bind`];
    if (isPlainObject(expanded) && typeof expanded.id === "string") out[argument] = expanded.id;
    else if (expanded === null) out[argument] = null;
    else if (typeof bind === "string") out[argument] = idFromBindUrl(bind, targetCollection);
    else out[argument] = undefined;
  }
  return out;
}

/**
 * A copy of a server value with each entity binding as its declared argument (`sourceSystemId`) in place of
 * the expanded navigation (`sourceSystem: {…}`), whose other properties belong to another resource. Where
 * the answer does not tell, `fallback` (what was just bound, or the previous outputs) gives the id.
 */
export function liftEntityBindings(kind: ResourceKind, server: JsonObject, fallback?: JsonObject): JsonObject {
  const { entityBindings } = descriptors[kind];
  if (entityBindings.length === 0) return server;
  const out: JsonObject = { ...server };
  const ids = boundIds(kind, server);
  for (const { argument, navigation } of entityBindings) {
    delete out[navigation];
    delete out[`${navigation}@odata.bind`];
    const id = ids[argument] !== undefined ? ids[argument] : fallback?.[argument];
    if (id !== undefined) out[argument] = id;
  }
  return out;
}

/**
 * Paths of the top-level industryData entities (source systems, connectors, years, inbound flows, reference
 * definitions), derived from their descriptors so every front end reads and writes them alike.
 */
import { descriptors, type ResourceKind } from "./descriptors";
import { entityPath } from "./paths";

/** The collection a kind's entities are POSTed to, e.g. `/external/industryData/dataConnectors`. */
export function entityCollectionPath(kind: ResourceKind): string {
  const template = descriptors[kind].pathTemplate;
  return template.slice(0, template.lastIndexOf("/"));
}

/**
 * The GET that reads one entity: its path, with `$expand` of its entity bindings when it has some. Graph returns
 * a binding only expanded, so one request tells both the properties and the bound ids; `$select=id` inside the
 * `$expand` keeps the bound entities' bodies (a connector's credential, a source system's settings) out of it.
 */
export function entityReadPath(kind: ResourceKind, id: string): string {
  return withBindingsExpanded(kind, entityPath(entityCollectionPath(kind), id, descriptors[kind].adoptArgument));
}

/** The GET that lists a kind's collection (what `industrydata export` reads), bindings expanded as in entityReadPath. */
export function entityListPath(kind: ResourceKind): string {
  return withBindingsExpanded(kind, entityCollectionPath(kind));
}

function withBindingsExpanded(kind: ResourceKind, path: string): string {
  const expand = descriptors[kind].entityBindings.map((b) => `${b.navigation}($select=id)`).join(",");
  return expand === "" ? path : `${path}?$expand=${expand}`;
}

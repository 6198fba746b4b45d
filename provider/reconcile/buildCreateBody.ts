import { bindUrl, descriptors } from "../schema";
import type { ResourceKind } from "../schema";
import type { JsonObject } from "./types";
import { toWire } from "./wireValue";

/**
 * The POST body of a new resource: `@odata.type` (required: the flow, connector and inbound-flow collections
 * are polymorphic) + every declared Graph property in wire form (`roleGroup@odata.bind` URLs, nested
 * `@odata.type` values) + each entity binding as `<navigation>@odata.bind` (a connector's source system).
 * Throws for the base provisioningFlow kind: Graph's type is abstract and cannot be created.
 */
export function buildCreateBody(kind: ResourceKind, declared: JsonObject, ctx: { graphEndpoint: string }): JsonObject {
  const descriptor = descriptors[kind];
  if (descriptor.abstract) {
    throw new Error(`${descriptor.resourceName} cannot be created: Graph's ${descriptor.graphType} is abstract; set flowId to adopt a flow`);
  }
  const body: JsonObject = { "@odata.type": descriptor.odataType };
  for (const property of descriptor.properties) {
    if (declared[property] !== undefined) body[property] = toWire(kind, property, declared[property], ctx.graphEndpoint);
  }
  for (const { argument, navigation, targetCollection } of descriptor.entityBindings) {
    const id = declared[argument];
    if (typeof id === "string") body[`${navigation}@odata.bind`] = bindUrl(ctx.graphEndpoint, targetCollection, id, argument);
  }
  return body;
}

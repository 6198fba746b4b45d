import { descriptors } from "../schema";
import type { ResourceKind } from "../schema";
import { toDeclaredForm } from "./declaredForm";
import { differingProperties } from "./differingProperties";
import type { BodyContext, JsonObject } from "./types";
import { overlay, toWire } from "./wireValue";

/**
 * The minimal PATCH body, or undefined when no Graph property differs:
 * `@odata.type` + each differing top-level property + the properties Graph requires on every PATCH.
 * Each complex value is the last-read value with the declared parts laid over it (see `overlay`).
 * When a user flow's creationOptions is resent, the declared passwords are sent with it.
 * Read-only properties are never sent. `lastRead` may be a fresh GET or the stored outputs.
 */
export function buildPatchBody(
  kind: ResourceKind,
  declared: JsonObject,
  lastRead: JsonObject,
  ctx: BodyContext,
): JsonObject | undefined {
  const differing = differingProperties(kind, declared, lastRead, ctx.olds ?? lastRead);
  if (differing.length === 0) return undefined;
  return patchBodyOver(kind, declared, lastRead, differing, ctx.graphEndpoint);
}

/**
 * A PATCH body sending these top-level properties (and those Graph requires on every PATCH), each complex value
 * built over `server` with the declared parts laid over it. The properties to send are decided elsewhere
 * (against the stored outputs: what the program changed); `server` is what the tenant holds now, so an
 * undeclared sub-property changed since the last refresh is sent back as it is.
 */
export function patchBodyOver(kind: ResourceKind, declared: JsonObject, server: JsonObject, properties: string[], graphEndpoint: string): JsonObject {
  const descriptor = descriptors[kind];
  const held = toDeclaredForm(kind, server);
  const body: JsonObject = { "@odata.type": descriptor.odataType };
  for (const property of [...properties, ...descriptor.requiredOnPatch]) {
    if (property in body) continue;
    const value = overlay(kind, held[property], declared[property], property);
    if (value !== undefined) body[property] = toWire(kind, property, value, graphEndpoint);
  }
  return body;
}

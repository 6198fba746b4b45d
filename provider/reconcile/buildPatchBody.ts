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
  const descriptor = descriptors[kind];
  const differing = differingProperties(kind, declared, lastRead, ctx.olds ?? lastRead);
  if (differing.length === 0) return undefined;
  const server = toDeclaredForm(kind, lastRead);
  const body: JsonObject = { "@odata.type": descriptor.odataType };
  for (const property of [...differing, ...descriptor.requiredOnPatch]) {
    if (property in body) continue;
    const value = overlay(kind, server[property], declared[property], property);
    if (value !== undefined) body[property] = toWire(kind, property, value, ctx.graphEndpoint);
  }
  return body;
}

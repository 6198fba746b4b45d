import type { GraphClient } from "../graph";
import type { JsonObject } from "../reconcile";
import { descriptors, forEachAt, isPlainObject, type ResourceKind } from "../schema";

/**
 * True when an answer to a write lacks what the outputs need, so one GET must follow: Graph's PATCH answers
 * 204 with no body (or 200 with one; seed 001), and its 201 answer to a user-flow POST has no `roleGroup`
 * although every GET returns it auto-expanded (quirk: roleGroup expansion).
 */
export function needsReread(kind: ResourceKind, answer: JsonObject | undefined): boolean {
  return answer === undefined || typeof answer.id !== "string" || lacksExpandedBinding(kind, answer);
}

/**
 * True when an element at one of the kind's bindings (its descriptor's `bindings`: a user configuration's
 * roleGroup) lacks the navigation every GET returns expanded. A binding Graph never returns (`unreadable`: a
 * user-matching setting's roleGroup) is never waited for.
 */
function lacksExpandedBinding(kind: ResourceKind, entity: JsonObject): boolean {
  const { bindings, unreadable } = descriptors[kind];
  return Object.entries(bindings).some(([pattern, binding]) => {
    if (unreadable.includes(`${pattern}.${binding.argument}`)) return false;
    let lacking = false;
    forEachAt(entity, pattern, (_holder, _key, element) => {
      if (isPlainObject(element) && !(binding.navigation in element)) lacking = true;
    });
    return lacking;
  });
}

/** What {@link patchEntity} writes, and where it reads the entity back. */
export interface EntityPatch {
  kind: ResourceKind;
  /** The entity's path, PATCHed. */
  path: string;
  body: JsonObject;
  /** The GET that reads it back (bindings expanded); default `path`. */
  readPath?: string;
}

/**
 * PATCHes an entity and returns it as the service now holds it. Quirk (204 vs 200): Graph documents 204 with no
 * body, its metadata allows 200 with the entity; the body is used when it is complete, else one GET follows.
 */
export async function patchEntity(client: GraphClient, { kind, path, body, readPath = path }: EntityPatch): Promise<JsonObject> {
  const answer = await client.patch<JsonObject>(path, body);
  return answer !== undefined && !needsReread(kind, answer) ? answer : client.get<JsonObject>(readPath);
}

import type { GraphClient } from "../graph";
import type { JsonObject } from "../reconcile";

/**
 * True when an answer to a write lacks what the outputs need, so one GET must follow: Graph's PATCH answers
 * 204 with no body (or 200 with one; seed 001), and its 201 answer to a user-flow POST has no `roleGroup`
 * although every GET returns it auto-expanded (quirk: roleGroup expansion).
 */
export function needsReread(answer: JsonObject | undefined): boolean {
  return answer === undefined || typeof answer.id !== "string" || lacksExpandedRoleGroup(answer);
}

function lacksExpandedRoleGroup(entity: JsonObject): boolean {
  const creationOptions = entity.creationOptions as { configurations?: unknown } | null | undefined;
  const configurations = creationOptions?.configurations;
  if (!Array.isArray(configurations)) return false;
  return configurations.some((c) => c !== null && typeof c === "object" && !("roleGroup" in c));
}

/**
 * PATCHes an entity and returns it as the service now holds it. Quirk (204 vs 200): Graph documents 204 with no
 * body, its metadata allows 200 with the entity; the body is used when it is complete, else one GET follows.
 */
export async function patchEntity(client: GraphClient, path: string, body: JsonObject, readPath: string = path): Promise<JsonObject> {
  const answer = await client.patch<JsonObject>(path, body);
  return answer !== undefined && !needsReread(answer) ? answer : client.get<JsonObject>(readPath);
}

import type { GraphClient } from "../graph";
import type { JsonObject } from "../reconcile";
import { descriptorForOdataType, descriptors, flowsPath, type ResourceKind } from "../schema";

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
export async function patchEntity(client: GraphClient, path: string, body: JsonObject): Promise<JsonObject> {
  const answer = await client.patch<JsonObject>(path, body);
  return answer !== undefined && !needsReread(answer) ? answer : client.get<JsonObject>(path);
}

/**
 * Fails, before the POST, when the set already holds a flow of this kind. Quirk (one flow per kind): a set
 * holds at most one user, class-group, security-group and administrative-unit flow; Graph's error for a second
 * one is undocumented, so the rule is enforced here with a message that says what to do.
 */
export async function assertKindFree(client: GraphClient, kind: ResourceKind, flowSetId: string): Promise<void> {
  const flows = await client.list<JsonObject>(flowsPath(flowSetId));
  const existing = flows.find((flow) => kindOf(flow) === kind);
  if (existing === undefined) return;
  const { graphType } = descriptors[kind];
  throw new Error(
    `flow set ${flowSetId} already holds a ${graphType} (flow ${String(existing.id)}); a flow set holds at most ` +
      `one flow of each kind. Adopt the existing one with flowId: "${String(existing.id)}", or use another flow set.`,
  );
}

/** The resource kind of a flow as Graph returns it (by its `@odata.type`), or undefined for an unknown type. */
export function kindOf(flow: JsonObject): ResourceKind | undefined {
  const odataType = flow["@odata.type"];
  return typeof odataType === "string" ? descriptorForOdataType(odataType)?.kind : undefined;
}

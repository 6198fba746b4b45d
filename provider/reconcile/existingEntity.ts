/**
 * What a create or an adoption does with the entity Graph already holds, decided once for every front end
 * (pure: the caller does the GET and acts on the answer).
 */
import { descriptors, type ResourceKind } from "../schema";
import { createOnlyConflicts } from "./diffResource";
import type { JsonObject } from "./types";

/**
 * Quirk (soft delete): a reference definition deleted earlier (by a destroy) is still there, disabled, and Graph
 * refuses a second one with its code. Declaring it again revives it (a PATCH of what differs), which is allowed
 * when the existing entity carries the kind's soft-delete flag. An enabled one is someone else's: the error says
 * to adopt it explicitly.
 */
export function assertRevivable(kind: ResourceKind, existing: JsonObject, id: string): void {
  const descriptor = descriptors[kind];
  const flag = descriptor.softDelete?.flag;
  if (flag !== undefined && existing[flag] === true) return;
  throw new Error(
    `${descriptor.noun} ${id} already exists and is not disabled (source: ${String(existing.source ?? "unknown")}). ` +
      `Adopt it with ${descriptor.adoptArgument}: "${id}", or declare another code. If an interrupted \`pulumi up\` ` +
      `created it for this resource, run \`pulumi refresh --clear-pending-creates --yes\`, then ` +
      `\`INDUSTRYDATA_TAKE_OVER=${id} pulumi up --yes\` to take it over as this resource's own.`,
  );
}

/**
 * Graph cannot change a create-only value in place: adopting an entity that holds another one than declared would
 * leave a resource that differs from its arguments for ever, so it is refused, naming the values.
 */
export function assertNoCreateOnlyConflict(kind: ResourceKind, declared: JsonObject, existing: JsonObject, what: string): void {
  const conflicts = createOnlyConflicts(kind, declared, existing);
  if (conflicts.length === 0) return;
  const { adoptArgument, noun } = descriptors[kind];
  throw new Error(
    `cannot adopt ${what}: ${conflicts.join(", ")} cannot be changed in place and differ from the declared ` +
      `value (declare what the tenant holds, or drop ${adoptArgument} to create a new ${noun})`,
  );
}

/**
 * Whether an entity Graph lists is the tenant's own configuration (what `industrydata export` adopts and
 * `industrydata orphans` reports): not one of Graph's built-ins (the descriptor's `builtIns`: reference codes
 * the tenant did not define), and not what a soft delete left behind (disabled: a removed code).
 */
export function isTenantsOwn(kind: ResourceKind, server: JsonObject): boolean {
  const { builtIns, softDelete } = descriptors[kind];
  if (builtIns !== undefined) {
    const value = server[builtIns.property];
    if (typeof value !== "string" || value.toLowerCase() !== builtIns.tenantValue.toLowerCase()) return false;
  }
  return softDelete === undefined || server[softDelete.flag] !== true;
}

import { descriptorForOdataType, descriptors } from "../schema";
import type { ResourceKind, TypeDescriptor } from "../schema";
import { differingProperties } from "./differingProperties";
import type { DiffResult, JsonObject } from "./types";

/**
 * Compares the declared (checked) inputs with the previous outputs (last-read server JSON + provider
 * fields). Managed = declared: only declared properties are compared, after normalization. A change of a
 * flow's flowSetId, of an adopted id (a flow's flowId, a set's flowSetId), or of the flow kind replaces the
 * resource. A flow is deleted first (a set holds at most one flow of each kind, so the new one could not be
 * created beside the old); a set is adopted (or created) before the old one is let go.
 */
export function diffResource(kind: ResourceKind, declared: JsonObject, olds: JsonObject): DiffResult {
  const descriptor = descriptors[kind];
  const replaces = replacedArguments(descriptor, declared, olds);
  const changed = differingProperties(kind, declared, olds, olds);
  if (effectiveDeleteOnDestroy(kind, declared, olds) !== recordedDeleteOnDestroy(kind, olds)) changed.push("deleteOnDestroy");
  const changedProperties = [...new Set([...replaces, ...changed])];
  return {
    changes: changedProperties.length > 0,
    replaces,
    changedProperties,
    deleteBeforeReplace: replaces.length > 0 && descriptor.isFlow,
  };
}

/** The descriptor's replace-on-change arguments that differ from the outputs. */
function replacedArguments(descriptor: TypeDescriptor, declared: JsonObject, olds: JsonObject): string[] {
  return descriptor.replaceOnChange.filter((argument) => {
    if (argument === "@odata.type") return typeof olds.odataType === "string" && !kindMatches(descriptor, olds.odataType);
    // Adopting another entity is another resource; dropping the adopted id keeps managing the same one.
    if (argument === descriptor.adoptArgument) {
      return declared[argument] !== undefined && declared[argument] !== null && declared[argument] !== olds[argument];
    }
    return olds[argument] !== undefined && declared[argument] !== olds[argument];
  });
}

/** Graph never changes a flow's @odata.type in place; the base kind accepts any flow subtype. */
function kindMatches(descriptor: TypeDescriptor, odataType: string): boolean {
  const actual = descriptorForOdataType(odataType);
  return descriptor.abstract ? actual?.isFlow === true : actual === descriptor;
}

/** True when the outputs record an adopted entity, else when the inputs name one to adopt. */
export function isAdoption(kind: ResourceKind, declared: JsonObject | undefined, olds: JsonObject | undefined): boolean {
  if (typeof olds?.adopted === "boolean") return olds.adopted;
  // Previous outputs without the record were stored before sets could be adopted: that set was created.
  if (olds?.id !== undefined) return false;
  const id = declared?.[descriptors[kind].adoptArgument];
  return id !== undefined && id !== null && id !== "";
}

/**
 * deleteOnDestroy as the outputs record it: the declared value, else true for created sets and flows and
 * false for adopted ones (adopted is sticky: removing flowId/flowSetId later does not make it deletable).
 */
export function effectiveDeleteOnDestroy(kind: ResourceKind, declared: JsonObject | undefined, olds: JsonObject | undefined): boolean {
  if (typeof declared?.deleteOnDestroy === "boolean") return declared.deleteOnDestroy;
  return !isAdoption(kind, declared, olds);
}

/**
 * Whether destroying the resource deletes it, as its outputs record: their deleteOnDestroy; a set stored before
 * sets could be adopted has no record: it was created, so true.
 */
export function recordedDeleteOnDestroy(kind: ResourceKind, olds: JsonObject): boolean {
  return typeof olds.deleteOnDestroy === "boolean" ? olds.deleteOnDestroy : effectiveDeleteOnDestroy(kind, undefined, olds);
}

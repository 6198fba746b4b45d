import { descriptorForOdataType, descriptors } from "../schema";
import type { ResourceKind, TypeDescriptor } from "../schema";
import { differingProperties } from "./differingProperties";
import type { DiffResult, JsonObject } from "./types";

/**
 * Compares the declared (checked) inputs with the previous outputs (last-read server JSON + provider
 * fields). Managed = declared: only declared properties are compared, after normalization. A change of
 * flowSetId, of an adopted flowId, or of the flow kind replaces the flow, deleting first (a set holds at
 * most one flow of each kind, so the new one could not be created beside the old).
 */
export function diffResource(kind: ResourceKind, declared: JsonObject, olds: JsonObject): DiffResult {
  const descriptor = descriptors[kind];
  const replaces = descriptor.isFlow ? replacedArguments(descriptor, declared, olds) : [];
  const changed = differingProperties(kind, declared, olds, olds);
  if (descriptor.isFlow && effectiveDeleteOnDestroy(declared, olds) !== olds.deleteOnDestroy) changed.push("deleteOnDestroy");
  const changedProperties = [...new Set([...replaces, ...changed])];
  return {
    changes: changedProperties.length > 0,
    replaces,
    changedProperties,
    deleteBeforeReplace: replaces.length > 0,
  };
}

function replacedArguments(descriptor: TypeDescriptor, declared: JsonObject, olds: JsonObject): string[] {
  const replaces: string[] = [];
  if (olds.flowSetId !== undefined && declared.flowSetId !== olds.flowSetId) replaces.push("flowSetId");
  // Adopting another flow is another resource; dropping flowId keeps managing the same flow.
  if (declared.flowId !== undefined && declared.flowId !== null && declared.flowId !== olds.flowId) replaces.push("flowId");
  if (typeof olds.odataType === "string" && !kindMatches(descriptor, olds.odataType)) replaces.push("@odata.type");
  return replaces;
}

/** Graph never changes a flow's @odata.type in place; the base kind accepts any flow subtype. */
function kindMatches(descriptor: TypeDescriptor, odataType: string): boolean {
  const actual = descriptorForOdataType(odataType);
  return descriptor.abstract ? actual?.isFlow === true : actual === descriptor;
}

/**
 * deleteOnDestroy as the outputs record it: the declared value, else true for created flows and false for
 * adopted ones (adopted is sticky: removing flowId later does not make the flow deletable).
 */
export function effectiveDeleteOnDestroy(declared: JsonObject | undefined, olds: JsonObject | undefined): boolean {
  if (typeof declared?.deleteOnDestroy === "boolean") return declared.deleteOnDestroy;
  const adopted = typeof olds?.adopted === "boolean" ? olds.adopted : Boolean(declared?.flowId);
  return !adopted;
}

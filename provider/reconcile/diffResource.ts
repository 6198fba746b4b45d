import { descriptorForOdataType, descriptors, idSegment } from "../schema";
import type { ResourceKind, TypeDescriptor } from "../schema";
import { covers } from "./covers";
import { toDeclaredForm } from "./declaredForm";
import { locateChanges } from "./detailedDiff";
import { differingProperties } from "./differingProperties";
import { kindOutputKey } from "./kindOutput";
import type { DiffResult, JsonObject } from "./types";

/**
 * Compares the declared (checked) inputs with the previous outputs (last-read server JSON + provider
 * fields). Managed = declared: only declared properties are compared, after normalization. A change of a
 * flow's flowSetId, of an adopted id (a flow's flowId, a set's flowSetId, a connector's dataConnectorId, …), of
 * the kind in a polymorphic collection, or of a create-only value (an entity binding such as a connector's
 * sourceSystemId, a year's `year` code, an inbound flow's dataDomain) replaces the resource. A flow is deleted
 * first (a set holds at most one flow of each kind, so the new one could not be created beside the old); a set
 * is adopted (or created) before the old one is let go. Changes are named as plans name them (the kind by its
 * output, `odataType`), and located down to the changed value (`detailedChanges`); `oldInputs`, the arguments
 * last applied when the front end has them, tell a change of the arguments from drift.
 */
export function diffResource(kind: ResourceKind, declared: JsonObject, olds: JsonObject, oldInputs?: JsonObject): DiffResult {
  const descriptor = descriptors[kind];
  const replaces = replacedArguments(kind, declared, olds).map(planName);
  const changed = differingProperties(kind, declared, olds, olds);
  if (effectiveDeleteOnDestroy(kind, declared, olds) !== recordedDeleteOnDestroy(kind, olds)) changed.push("deleteOnDestroy");
  const changedProperties = [...new Set([...replaces, ...changed])];
  const decision = {
    changes: changedProperties.length > 0,
    replaces,
    changedProperties,
    deleteBeforeReplace: replaces.length > 0 && descriptor.isFlow,
  };
  return { ...decision, detailedChanges: locateChanges(kind, decision, declared, olds, oldInputs) };
}

/** A replace-on-change argument as a plan names it: the kind ("@odata.type" to the rules) by its output. */
function planName(argument: string): string {
  return argument === "@odata.type" ? kindOutputKey : argument;
}

/**
 * The descriptor's replace-on-change arguments that differ from the outputs. An entity binding in the outputs
 * is the one last read (`$expand`), so a binding changed out of band shows here after a refresh.
 */
export function replacedArguments(kind: ResourceKind, declared: JsonObject, olds: JsonObject): string[] {
  const descriptor = descriptors[kind];
  const held = toDeclaredForm(kind, olds);
  return descriptor.replaceOnChange.filter((argument) => {
    if (argument === "@odata.type") return typeof olds[kindOutputKey] === "string" && !kindMatches(descriptor, olds[kindOutputKey]);
    // Adopting another entity is another resource; dropping the adopted id keeps managing the same one.
    if (argument === descriptor.adoptArgument) {
      return declared[argument] !== undefined && declared[argument] !== null && declared[argument] !== olds[argument];
    }
    if (typeof declared[argument] === "string" && typeof olds[argument] === "string") return declared[argument] !== olds[argument];
    // A create-only Graph property (a year's code) compares normalized; left undeclared it is unmanaged.
    return olds[argument] !== undefined && !covers(kind, declared[argument], held[argument], argument);
  });
}

/**
 * The create-only values an adopted entity holds other than declared (Graph cannot change them in place, so
 * adopting it would leave a resource that differs from its arguments for ever).
 */
export function createOnlyConflicts(kind: ResourceKind, declared: JsonObject, existing: JsonObject): string[] {
  const descriptor = descriptors[kind];
  const held = toDeclaredForm(kind, existing);
  return descriptor.replaceOnChange.filter((argument) => {
    if (argument === "@odata.type" || argument === descriptor.adoptArgument || declared[argument] === undefined) return false;
    // A binding Graph did not report cannot be judged (it is compared from the next read on).
    if (held[argument] === undefined) return false;
    if (typeof declared[argument] === "string" && typeof held[argument] === "string") {
      return declared[argument] !== held[argument];
    }
    return !covers(kind, declared[argument], held[argument], argument);
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

/**
 * The Graph id an entity with a natural id will have (`<referenceType>-<code>` of a reference definition), or
 * undefined for kinds whose ids Graph assigns (or inputs not known yet). Throws, before any request, for a part
 * that breaks the id rule.
 */
export function naturalIdOf(kind: ResourceKind, declared: JsonObject): string | undefined {
  const properties = descriptors[kind].naturalId;
  if (properties === undefined || !properties.every((property) => typeof declared[property] === "string")) return undefined;
  // Each part goes through the id rule: it ends up in a URL segment (idSegment throws, naming the property).
  for (const property of properties) idSegment(declared[property] as string, property);
  return properties.map((property) => declared[property]).join("-");
}

import * as pulumi from "@pulumi/pulumi";
import { childPath, descriptors, elementPath, validateInputs, type ResourceKind } from "../schema";

/** The property under which `dynamic.Resource` stores the serialized provider; never a Graph property. */
export const PROVIDER_KEY = "__provider";

/** A dynamic provider's `check` answer. */
export interface CheckOutcome {
  inputs: Record<string, unknown>;
  failures: { property: string; reason: string }[];
}

/**
 * Validates a resource's arguments before any HTTP call (property path and allowed values in each failure) and
 * fills the `@odata.type` values Graph needs. Warnings (the deprecated `markAllStudentsAsMinors`) go to
 * `pulumi.log.warn`: the dynamic-provider host has no engine connection, so they are written to its stderr,
 * which the engine shows with the resource's operation.
 */
export function checkInputs(kind: ResourceKind, news: Record<string, unknown>): CheckOutcome {
  const raw = withoutProviderKey(news);
  const result = validateInputs(kind, raw);
  // The host cannot tell which resource is checked: the class name says which kind of resource warns.
  for (const warning of result.warnings) pulumi.log.warn(`${descriptors[kind].resourceName}: ${warning}`);
  const unknowns = unknownPaths(raw, "");
  if (unknowns.length === 0) return { inputs: result.inputs, failures: result.failures };
  // A preview can hold values not known yet (the id of a set created in the same run): they cannot be judged
  // now and are checked again when known, so only failures elsewhere count, and the inputs pass unchanged.
  const failures = result.failures.filter((f) => !unknowns.some((path) => isAtOrUnder(f.property, path)));
  return { inputs: raw, failures };
}

/** A copy without the serialized provider, which is the host's business, not the reconcile rules'. */
export function withoutProviderKey(props: Record<string, unknown>): Record<string, unknown> {
  const { [PROVIDER_KEY]: _provider, ...rest } = props;
  return rest;
}

/** Paths (`a.b[0].c`, the notation of validation failures) of every value the engine marked unknown. */
function unknownPaths(value: unknown, path: string): string[] {
  if (value === pulumi.runtime.unknownValue) return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => unknownPaths(item, elementPath(path, i)));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) => unknownPaths(child, childPath(path, key)));
  }
  return [];
}

function isAtOrUnder(property: string, path: string): boolean {
  return property === path || property.startsWith(`${path}.`) || property.startsWith(`${path}[`);
}

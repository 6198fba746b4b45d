/** JSON helpers shared by the reconcile rules. */
import { isPlainObject } from "../schema";
import type { JsonObject } from "./types";

// Re-exported for reconcile modules that take their JSON helpers from here (passwords.ts).
export { isPlainObject };

/** True for an OData annotation key (`@odata.type`, `roleGroup@odata.context`, …). */
export function isAnnotation(key: string): boolean {
  return key.includes("@odata.");
}

/** A deep copy without `@odata.*` annotations and without undefined values. */
export function stripAnnotations<T>(value: T): T {
  if (Array.isArray(value)) return value.map((element) => stripAnnotations(element)) as unknown as T;
  if (!isPlainObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, sub] of Object.entries(value)) {
    if (!isAnnotation(key) && sub !== undefined) out[key] = stripAnnotations(sub);
  }
  return out as T;
}

/** A deep copy (JSON values only). */
export function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((element) => deepCopy(element)) as unknown as T;
  if (!isPlainObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, sub] of Object.entries(value)) if (sub !== undefined) out[key] = deepCopy(sub);
  return out as T;
}

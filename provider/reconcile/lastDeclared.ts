/**
 * Values Graph never returns and that are not secret (the descriptor's `unreadable` paths: a user-matching
 * setting's roleGroupId, bound with roleGroup@odata.bind and absent from every answer). They cannot be compared
 * with the tenant, so, like a write-only secret, the declared value is compared with the value last declared:
 * the outputs keep (`lastDeclared`) a canonical form of each top-level property holding one, and a declared
 * value whose canonical form differs is a change. Canonical: annotations dropped, keys sorted, case-insensitive
 * values lower-cased, set-like collections sorted, so a reordering or a change of case is no change.
 */
import { childPath, descriptors, forEachAt, isPlainObject } from "../schema";
import type { ResourceKind, TypeDescriptor } from "../schema";
import { isAnnotation } from "./json";
import type { JsonObject } from "./types";

/** Outputs key of the canonical forms, by top-level property. */
export const lastDeclaredKey = "lastDeclared";

/** The top-level properties of a kind that hold an unreadable value. */
export function unreadableProperties(kind: ResourceKind): string[] {
  return descriptors[kind].properties.filter((p) => descriptors[kind].unreadable.some((path) => path.startsWith(`${p}.`) || path.startsWith(`${p}[]`)));
}

/** The record to keep in the outputs for these declared inputs (undefined when nothing unreadable is declared). */
export function lastDeclaredRecord(kind: ResourceKind, declared: JsonObject): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const property of unreadableProperties(kind)) {
    if (declared[property] !== undefined) out[property] = canonical(descriptors[kind], declared[property], property);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * True when the declared property holds unreadable values that differ from the last declared ones: its
 * canonical form differs from the record, or there is no record (first declared, or an adopted entity,
 * whose role groups Graph cannot tell) while it holds some.
 */
export function unreadableChanged(kind: ResourceKind, property: string, declared: JsonObject, olds: JsonObject | undefined): boolean {
  const value = declared[property];
  if (value === undefined || !unreadableProperties(kind).includes(property)) return false;
  const record = olds?.[lastDeclaredKey];
  const previous = isPlainObject(record) ? record[property] : undefined;
  if (typeof previous === "string") return previous !== canonical(descriptors[kind], value, property);
  return holdsUnreadable(descriptors[kind], { [property]: value });
}

/**
 * True when a read returned the property's "unreadable" values after all: the CSDL marks userMatchingSetting's
 * roleGroup `Core.AutoExpand`, so Graph may answer a plain GET with each setting's role group expanded (which
 * toDeclaredForm turns into its `roleGroupId`), though the docs' examples show none. Then they are compared with
 * the tenant like any value (covers.ts) and exported, and the last declared record is not needed. `server` is in
 * declared form; every element holding such a value must have it, or none is trusted.
 */
export function unreadableReturned(kind: ResourceKind, property: string, server: JsonObject): boolean {
  const d = descriptors[kind];
  let elements = 0;
  let returned = 0;
  for (const path of d.unreadable.filter((p) => p.startsWith(`${property}.`) || p.startsWith(`${property}[]`))) {
    const cut = path.lastIndexOf(".");
    const [holderPattern, leaf] = [path.slice(0, cut), path.slice(cut + 1)];
    forEachAt({ [property]: server[property] }, holderPattern, (_h, _k, element) => {
      elements++;
      if (isPlainObject(element) && typeof element[leaf] === "string") returned++;
    });
  }
  return elements > 0 && returned === elements;
}

function holdsUnreadable(d: TypeDescriptor, holder: JsonObject): boolean {
  let found = false;
  for (const path of d.unreadable) {
    forEachAt(holder, path, (_h, _k, value) => {
      if (value !== undefined && value !== null) found = true;
    });
  }
  return found;
}

function canonical(d: TypeDescriptor, value: unknown, pattern: string): string {
  return JSON.stringify(normalize(d, value, pattern));
}

function normalize(d: TypeDescriptor, value: unknown, pattern: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => normalize(d, item, `${pattern}[]`));
    return d.setLike.includes(pattern) ? items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) : items;
  }
  if (isPlainObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value).sort()) {
      if (!isAnnotation(key) && value[key] !== undefined) out[key] = normalize(d, value[key], childPath(pattern, key));
    }
    return out;
  }
  if (typeof value === "string" && d.caseInsensitive.includes(pattern)) return value.toLowerCase();
  return value;
}

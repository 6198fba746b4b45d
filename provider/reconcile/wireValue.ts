import { childPath, descriptors, fillOdataTypes, forEachAt, isPlainObject, roleGroupBindUrl } from "../schema";
import type { ResourceKind, TypeDescriptor } from "../schema";
import { findByKey } from "./covers";
import { deepCopy, isAnnotation } from "./json";
import type { JsonObject } from "./types";

/**
 * The last-read value with the declared parts laid over it, so an undeclared sub-property is never wiped
 * (Graph replaces a complex value sent in a PATCH whole). Collections come out as declared (membership and
 * order); an element of a keyed collection is laid over its last-read twin the same way. Write-only values
 * Graph returned masked are never sent back: a masked password is not a password. Nested read-only values
 * (a credential's `isValid`) are never sent back either: Graph computes them.
 */
export function overlay(kind: ResourceKind, lastRead: unknown, declared: unknown, pattern: string): unknown {
  return overlayWith(descriptors[kind], lastRead, declared, pattern);
}

function overlayWith(d: TypeDescriptor, lastRead: unknown, declared: unknown, pattern: string): unknown {
  if (pattern.includes(".") && d.readOnly.includes(pattern)) return undefined;
  if (declared === undefined) return scrubWriteOnly(d, deepCopy(lastRead), pattern);
  if (Array.isArray(declared)) {
    const key = d.keyedCollections[pattern];
    const previous = Array.isArray(lastRead) ? lastRead : [];
    if (key === undefined) return deepCopy(declared);
    return declared.map((item) =>
      overlayWith(d, findByKey(previous, key, isPlainObject(item) ? item[key] : undefined), item, `${pattern}[]`),
    );
  }
  if (!isPlainObject(declared)) return declared;
  const base = isPlainObject(lastRead) ? lastRead : {};
  const out: JsonObject = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(declared)])) {
    if (isAnnotation(key) && !(key in declared)) continue;
    const value = overlayWith(d, base[key], declared[key], childPath(pattern, key));
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * Drops, from an undeclared last-read value, every object holding a write-only value (e.g.
 * defaultPasswordSettings with its masked password). Without a declared password there is nothing
 * sendable: the mask would become the password, and a passwordSettings without password is invalid. So
 * the configuration is resent without defaultPasswordSettings; declare the password to keep it managed.
 */
function scrubWriteOnly(d: TypeDescriptor, value: unknown, pattern: string): unknown {
  for (const writeOnly of d.writeOnly) {
    const holder = writeOnly.slice(0, writeOnly.lastIndexOf("."));
    if (holder === pattern) return undefined;
    if (!holder.startsWith(`${pattern}.`) && !holder.startsWith(`${pattern}[]`)) continue;
    if (Array.isArray(value)) {
      return value.map((element) => scrubWriteOnly(d, element, `${pattern}[]`)).filter((e) => e !== undefined);
    }
    if (isPlainObject(value)) {
      const out: JsonObject = {};
      for (const [key, sub] of Object.entries(value)) {
        const kept = scrubWriteOnly(d, sub, childPath(pattern, key));
        if (kept !== undefined) out[key] = kept;
      }
      return out;
    }
  }
  return value;
}

/**
 * A top-level property value in Graph's wire form: navigations declared by id become
 * `<navigation>@odata.bind` absolute URLs, and the nested `@odata.type` values are filled.
 */
export function toWire(kind: ResourceKind, property: string, value: unknown, graphEndpoint: string): unknown {
  const holder: JsonObject = { [property]: deepCopy(value) };
  for (const [pattern, binding] of Object.entries(descriptors[kind].bindings)) {
    forEachAt(holder, pattern, (_holder, _key, element) => {
      if (!isPlainObject(element)) return;
      const id = element[binding.argument];
      delete element[binding.argument];
      delete element[binding.navigation];
      if (typeof id === "string") element[`${binding.navigation}@odata.bind`] = roleGroupBindUrl(graphEndpoint, id);
    });
  }
  fillOdataTypes(kind, holder);
  return holder[property];
}

import { isPlainObject } from "../schema";
import { deepCopy } from "./json";
import type { JsonObject } from "./types";

/**
 * A copy of declared inputs without the values at Pulumi property paths (a resource's `ignoreChanges`, as the
 * plugin receives them in Diff and Update): an ignored value is then undeclared to the rules, so it is
 * neither compared nor sent, and a complex value around it is rebuilt from what the tenant holds. Paths are
 * Pulumi's property-path syntax: `vendor`, `managementOptions.additionalOptions.studentAgeGroup`,
 * `creationOptions.configurations[0].licenseSkus`, `a["dotted.key"]`, and `*` / `[*]` for every key or
 * element. A path that names nothing is skipped.
 */
export function withoutPaths(declared: JsonObject, paths: readonly string[]): JsonObject {
  if (paths.length === 0) return declared;
  const out = deepCopy(declared);
  for (const path of paths) removeAt(out, parsePropertyPath(path));
  return out;
}

type Segment = string | number | "*";

/** `a.b[0]["c.d"][*]` -> ["a", "b", 0, "c.d", "*"]. */
export function parsePropertyPath(path: string): Segment[] {
  const segments: Segment[] = [];
  const pattern = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\[\*\]|([^.[\]]+)/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(Number(match[1]));
    else if (match[2] !== undefined) segments.push(match[2].replace(/\\(.)/g, "$1"));
    else if (match[0] === "[*]") segments.push("*");
    else segments.push(match[3]);
  }
  return segments;
}

function removeAt(node: unknown, segments: Segment[]): void {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  const keys: (string | number)[] =
    head === "*" ? (Array.isArray(node) ? node.map((_, i) => i) : isPlainObject(node) ? Object.keys(node) : []) : [head];
  for (const key of keys) {
    if (Array.isArray(node) && typeof key === "number") {
      if (rest.length === 0) continue; // an element itself stays: removing it would shift the ones after it
      removeAt(node[key], rest);
    } else if (isPlainObject(node) && typeof key === "string" && key in node) {
      if (rest.length === 0) delete node[key];
      else removeAt(node[key], rest);
    }
  }
}

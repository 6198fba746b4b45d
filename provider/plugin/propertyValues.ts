/**
 * The engine's property values on the wire (a `google.protobuf.Struct` as JSON) and the plain JSON the
 * operations work on. The plugin accepts secrets (acceptSecrets), so a secret arrives as a signature object
 * wrapping its value; it is unwrapped for the operations and its concrete path remembered, so the answer can
 * mark the same values secret again, nested: only the password is secret, not the object around it.
 */
import { childPath, elementPath, isPlainObject } from "../schema";

/** The key that marks a special value, and the signature of a secret (Pulumi's sdk/go/common/resource/sig). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A wire value unwrapped: plain JSON, and the concrete paths (`a.b[0].c`, "" for the root) that were secret. */
export interface Unwrapped<T> {
  value: T;
  secretPaths: string[];
}

/** True for the engine's secret wrapper `{ <sig>: <secret sig>, value }`. */
function isSecretWrapper(value: unknown): value is { value: unknown } {
  return isPlainObject(value) && value[SIG_KEY] === SECRET_SIG;
}

/** Wraps a value as a secret for the wire. */
export function secretValue(value: unknown): Record<string, unknown> {
  return { [SIG_KEY]: SECRET_SIG, value };
}

/** Plain JSON from a wire value, with the paths of the secrets it held. */
export function unwrapSecrets<T>(wire: T): Unwrapped<T> {
  const secretPaths: string[] = [];
  const walk = (value: unknown, path: string): unknown => {
    if (isSecretWrapper(value)) {
      secretPaths.push(path);
      return walk(value.value, path);
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, elementPath(path, i)));
    if (isPlainObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, sub]) => [key, walk(sub, childPath(path, key))]));
    }
    return value;
  };
  return { value: walk(wire, "") as T, secretPaths };
}

/**
 * A copy of `value` with the values at these places wrapped as secrets: descriptor patterns (`a.b[].c`, every
 * element) and concrete paths (`a.b[0].c`) alike. Places that do not exist are skipped; nothing is wrapped twice.
 */
export function wrapSecrets(value: Record<string, unknown>, places: readonly string[]): Record<string, unknown> {
  if (places.includes("")) return secretValue(value);
  const copy = structuredClone(value);
  for (const place of new Set(places)) wrapAt(copy, segmentsOf(place));
  return copy;
}

/** `a.b[0].c[]` -> ["a", "b", 0, "c", "[]"]: names, element indices, and "[]" for every element. */
function segmentsOf(place: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of place.matchAll(/([^.[\]]+)|\[(\d*)\]/g)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else segments.push(match[2] === "" ? "[]" : Number(match[2]));
  }
  return segments;
}

function wrapAt(node: unknown, segments: (string | number)[]): void {
  const [head, ...rest] = segments;
  const targets: [Record<string | number, unknown>, string | number][] = [];
  if (head === "[]" && Array.isArray(node)) node.forEach((_, i) => targets.push([node as unknown as Record<number, unknown>, i]));
  else if (typeof head === "number" && Array.isArray(node) && head < node.length) targets.push([node as unknown as Record<number, unknown>, head]);
  else if (typeof head === "string" && head !== "[]" && isPlainObject(node) && head in node) targets.push([node, head]);
  for (const [holder, key] of targets) {
    const found = holder[key];
    if (rest.length > 0) wrapAt(found, rest);
    else if (found !== undefined && !isSecretWrapper(found)) holder[key] = secretValue(found);
  }
}

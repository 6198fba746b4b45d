import { childPath, descriptors, isPlainObject } from "../schema";
import type { ResourceKind, TypeDescriptor } from "../schema";
import { covers, findByKey } from "./covers";
import { toDeclaredForm } from "./declaredForm";
import { deepCopy } from "./json";
import type { JsonObject } from "./types";

/**
 * The inputs a Read hands back to the engine (dynamic `ReadResult.inputs`, plugin `ReadResponse.inputs`): the
 * stored inputs with each declared value Graph now holds otherwise replaced by Graph's value, in the declared
 * form. What Pulumi builds on them:
 * - `ignoreChanges` copies the *old inputs* at an ignored path into the new ones, so an ignored value the
 *   portal changed stays the portal's (never shown, never sent) only when the old inputs were refreshed;
 * - the update step of a drifted resource names the property with both values (old input => declared).
 *
 * Only declared paths are refreshed (managed = declared): nothing undeclared is added. A value Graph holds
 * as declared (after normalization: case, order of a set, instants) keeps the user's spelling, so a refresh
 * without drift returns the inputs unchanged. Write-only values (passwords, client secrets, and the
 * dynamic resources' revision markers in their place) and values Graph never returns are compared with
 * nothing here and stay as they are; provider fields (`flowSetId`, `flowId`, `deleteOnDestroy`, lifted
 * secret inputs, entity bindings) are not Graph properties and stay too. A keyed collection keeps the
 * declared order and length (an `ignoreChanges` path names an element by its declared index), each element
 * refreshed from its twin by key; an element Graph no longer holds is left as declared (the diff against
 * the outputs still shows it).
 */
export function refreshedInputs(kind: ResourceKind, inputs: JsonObject, server: JsonObject): JsonObject {
  const descriptor = descriptors[kind];
  const live = toDeclaredForm(kind, server);
  const out = deepCopy(inputs);
  for (const property of descriptor.properties) {
    if (!(property in inputs) || inputs[property] === undefined) continue;
    out[property] = refreshValue(descriptor, kind, inputs[property], live[property], property);
  }
  return out;
}

function refreshValue(d: TypeDescriptor, kind: ResourceKind, declared: unknown, live: unknown, pattern: string): unknown {
  if (covers(kind, declared, live, pattern)) return deepCopy(declared);
  // An object Graph no longer holds, around a value it never returns (the password settings the portal
  // dropped), is walked as empty: the write-only value stays as declared, its siblings read as null.
  if (isPlainObject(declared) && (isPlainObject(live) || holdsUnreturned(d, pattern))) {
    const base = isPlainObject(live) ? live : {};
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(declared)) {
      out[key] = refreshValue(d, kind, value, base[key], childPath(pattern, key));
    }
    return out;
  }
  const key = d.keyedCollections[pattern];
  if (Array.isArray(declared) && key !== undefined) {
    const list = Array.isArray(live) ? live : [];
    return declared.map((item) => {
      const twin = findByKey(list, key, isPlainObject(item) ? item[key] : undefined);
      return twin === undefined ? deepCopy(item) : refreshValue(d, kind, item, twin, `${pattern}[]`);
    });
  }
  // A collection whose elements hold values Graph never returns (a user-matching setting's roleGroupId)
  // cannot be rebuilt from a read: it stays as declared, and the diff against the outputs still shows it.
  if (Array.isArray(declared) && holdsUnreturned(d, `${pattern}[]`)) return deepCopy(declared);
  // A value Graph no longer holds reads as null (what declaring it absent says).
  return live === undefined ? null : deepCopy(live);
}

/** True when a value Graph never returns (write-only or unreadable) sits under this pattern. */
function holdsUnreturned(d: TypeDescriptor, pattern: string): boolean {
  return [...d.writeOnly, ...d.unreadable].some((path) => path.startsWith(`${pattern}.`) || path.startsWith(`${pattern}[]`));
}

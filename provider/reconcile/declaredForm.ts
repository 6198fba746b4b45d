import { descriptors, forEachAt, isPlainObject, roleGroupIdFromBindUrl } from "../schema";
import type { ResourceKind } from "../schema";
import { liftEntityBindings } from "./entityBindings";
import { deepCopy, stripAnnotations } from "./json";
import type { JsonObject } from "./types";

/**
 * A server value (a fresh GET or the stored outputs) in the shape of the declared arguments, so the two can
 * be compared and merged: navigations declared by id are turned back into that id (roleGroup is read back
 * auto-expanded as `{ id, displayName, roles }`, or, in a request echo, as `roleGroup@odata.bind`), and
 * every `@odata.*` annotation is dropped. Entity bindings read with `$expand` become their argument
 * (`sourceSystem: { id }` -> `sourceSystemId`).
 */
export function toDeclaredForm(kind: ResourceKind, server: JsonObject): JsonObject {
  const copy = liftEntityBindings(kind, deepCopy(server));
  for (const [pattern, binding] of Object.entries(descriptors[kind].bindings)) {
    forEachAt(copy, pattern, (_holder, _key, element) => {
      if (!isPlainObject(element)) return;
      const expanded = element[binding.navigation];
      const bind = element[`${binding.navigation}@odata.bind`];
      let id: unknown = element[binding.argument];
      if (isPlainObject(expanded) && typeof expanded.id === "string") id = expanded.id;
      else if (typeof bind === "string") id = roleGroupIdFromBindUrl(bind);
      delete element[binding.navigation];
      if (typeof id === "string") element[binding.argument] = id;
    });
  }
  return stripAnnotations(copy);
}

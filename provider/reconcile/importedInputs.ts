import { descriptors, isPlainObject, jsonSchemas, patternOf, childPath, elementPath } from "../schema";
import type { ResourceKind } from "../schema";
import { toDeclaredForm } from "./declaredForm";
import type { JsonObject } from "./types";

/**
 * The arguments that declare an existing entity exactly as Graph holds it (`pulumi import`): its Graph
 * properties in the declared form (`roleGroupId`, no `@odata.*`), limited to what the arguments' JSON schema
 * accepts, without nulls (an undeclared property is unmanaged, which is what null would say), and without the
 * objects holding a write-only value: Graph returns a password masked, so it cannot be declared from a read
 * (declare it to manage it). `identity` holds the provider fields that name the entity (its parent and the
 * adopted id). Run through the same check and diff, these inputs show no change and send no PATCH.
 */
export function importedInputs(kind: ResourceKind, server: JsonObject, identity: JsonObject): JsonObject {
  const descriptor = descriptors[kind];
  const declared = toDeclaredForm(kind, server);
  const schema = jsonSchemas[kind] as SchemaNode;
  const out: JsonObject = { ...identity };
  for (const property of descriptor.properties) {
    const value = prune(declared[property], schema.properties?.[property], property, descriptor.writeOnly);
    if (value !== undefined) out[property] = value;
  }
  return out;
}

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

function prune(value: unknown, schema: SchemaNode | undefined, path: string, writeOnly: string[]): unknown {
  if (value === null || value === undefined || schema === undefined) return undefined;
  if (Array.isArray(value)) {
    return value.map((item, i) => prune(item, schema.items, elementPath(path, i), writeOnly)).filter((item) => item !== undefined);
  }
  if (!isPlainObject(value)) return value;
  const holdsWriteOnly = writeOnly.some((pattern) => pattern.slice(0, pattern.lastIndexOf(".")) === patternOf(path));
  if (holdsWriteOnly) return undefined;
  const out: JsonObject = {};
  for (const [key, sub] of Object.entries(value)) {
    const kept = prune(sub, schema.properties?.[key], childPath(path, key), writeOnly);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}

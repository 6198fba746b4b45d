/**
 * The one walk from an entity as Graph holds it to the arguments that declare it: what `pulumi import` adopts
 * (operations' importExisting) and what `industrydata export` writes into a program (cli/serverToArgs, through
 * operations). Pure: JSON in, arguments out. Both get the same rules, from the descriptor and the argument
 * schema; the two choices that differ between them are options (what stands for a write-only value, and
 * whether a null declares anything).
 */
import { childPath, descriptors, elementPath, forEachAt, isPlainObject, jsonSchemas } from "../schema";
import type { ResourceKind } from "../schema";
import { toDeclaredForm } from "./declaredForm";
import { unreadableProperties, unreadableReturned } from "./lastDeclared";
import type { JsonObject } from "./types";

/** Where a write-only value belongs: its own property name, and the key of the keyed element holding it. */
export interface WriteOnlyPlace {
  /** "password", "clientSecret". */
  property: string;
  /** The key of the keyed collection element holding it (a user configuration's role group), if any. */
  element?: string;
}

/**
 * What becomes of a write-only value (the descriptor's `writeOnly`: Graph returns a password masked and a
 * client secret not at all, so neither can be declared from a read):
 * - `always`: the object holding it is left out (unmanaged, kept as the tenant holds it);
 * - `whereOptional`: left out where the argument schema lets the holder be left out (a configuration's
 *   `defaultPasswordSettings`), else `placeholder` stands for the value (a connector's `credential`);
 * - `never`: `placeholder` stands for every value.
 */
export type WriteOnlyChoice =
  | { omit: "always" }
  | { omit: "whereOptional" | "never"; placeholder: (place: WriteOnlyPlace) => unknown };

/** Options of {@link declaredArguments}. */
export interface DeclaredArgumentsOptions {
  writeOnly: WriteOnlyChoice;
  /** `keep`: a null Graph holds is declared null (managed as null); `drop`: it is left undeclared. */
  nulls: "keep" | "drop";
}

/** The arguments, and what the reader of them should know (what was left out, and why). */
export interface DeclaredArguments {
  /** The kind's Graph properties as declared arguments (no provider fields: the caller adds the identity). */
  args: JsonObject;
  notes: string[];
}

/**
 * The Graph properties that declare `server` as it is, in the declared form (`roleGroupId`, no `@odata.*`),
 * each pruned to the argument schema (what this provider version does not model is noted and left unmanaged),
 * without read-only parts (a credential's `isValid`), without deprecated properties (declaring one only earns
 * a warning on every run), and without what cannot be declared from a read: values Graph never returns (a
 * user-matching setting's role group, unless a read returned it after all), a string the schema refuses (an
 * empty display name). An abstract kind (the base ProvisioningFlow) adopts only: none of its properties, as
 * the one it accepts (readinessStatus) is server-computed. Run through check and diff, these arguments show
 * no change and send no PATCH.
 */
export function declaredArguments(kind: ResourceKind, server: JsonObject, options: DeclaredArgumentsOptions): DeclaredArguments {
  const d = descriptors[kind];
  const notes: string[] = [];
  if (d.abstract) return { args: {}, notes };
  const declared = toDeclaredForm(kind, server);
  for (const path of d.readOnly) dropAt(declared, path);
  const managed = managedProperties(kind, declared, notes);
  const args = options.nulls === "drop" ? (withoutNulls(managed) as JsonObject) : managed;
  dropUndeclarable(kind, args, notes);
  dropUnreadable(kind, args, notes);
  dropDeprecated(kind, args, notes);
  placeWriteOnly(kind, args, options.writeOnly);
  return { args, notes };
}

/** Deletes the value at a descriptor path (`credential.isValid`), wherever it is present. */
function dropAt(root: JsonObject, pattern: string): void {
  forEachAt(root, pattern, (holder, key) => {
    delete holder[key];
  });
}

interface SchemaNode {
  type?: string;
  minLength?: number;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

/** The kind's Graph properties present in the declared form, each pruned to its argument schema. */
function managedProperties(kind: ResourceKind, declared: JsonObject, notes: string[]): JsonObject {
  const schema = jsonSchemas[kind] as SchemaNode;
  const out: JsonObject = {};
  for (const property of descriptors[kind].properties) {
    if (property in declared) out[property] = pruneToSchema(declared[property], schema.properties?.[property], property, notes);
  }
  return out;
}

/**
 * The value with only what the argument schema declares: a property Graph returns that this provider version
 * does not model (a newer Graph, say) would fail `check`, so it is dropped and noted (left unmanaged).
 */
function pruneToSchema(value: unknown, schema: unknown, path: string, notes: string[]): unknown {
  if (!isPlainObject(schema)) return value;
  if (Array.isArray(value)) return value.map((item, i) => pruneToSchema(item, schema.items, elementPath(path, i), notes));
  const properties = schema.properties;
  if (!isPlainObject(value) || !isPlainObject(properties)) return value;
  const out: JsonObject = {};
  for (const [key, sub] of Object.entries(value)) {
    const subPath = childPath(path, key);
    if (!(key in properties)) {
      notes.push(`${JSON.stringify(subPath)} is not modelled by this provider version: left unmanaged`);
      continue;
    }
    out[key] = pruneToSchema(sub, properties[key], subPath, notes);
  }
  return out;
}

/**
 * A top-level string the schema requires non-empty, held empty or null (a display name): no argument could
 * declare it, so it is left undeclared, and the adopted entity keeps it.
 */
function dropUndeclarable(kind: ResourceKind, args: JsonObject, notes: string[]): void {
  const schema = jsonSchemas[kind] as SchemaNode;
  for (const [property, value] of Object.entries(args)) {
    const minLength = schema.properties?.[property]?.minLength;
    if (minLength === undefined || (value !== null && (typeof value !== "string" || value.length >= minLength))) continue;
    notes.push(`its ${property} ${JSON.stringify(value)} cannot be declared: left undeclared, the ${descriptors[kind].noun} keeps it`);
    delete args[property];
  }
}

/**
 * A property holding values Graph never returns (a user-matching setting's role group) cannot be declared
 * faithfully: it is left undeclared (unmanaged), with what Graph does return in a note, unless it holds nothing
 * of the kind (an empty list) or a read returned them after all (AutoExpand of the role group).
 */
function dropUnreadable(kind: ResourceKind, args: JsonObject, notes: string[]): void {
  for (const property of unreadableProperties(kind)) {
    const value = args[property];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    if (unreadableReturned(kind, property, args)) continue;
    delete args[property];
    notes.push(
      `${property} left undeclared (unmanaged): Graph never returns ${descriptors[kind].unreadable.filter((p) => p.startsWith(property)).join(", ")}, ` +
        `so it cannot be exported; the tenant holds ${JSON.stringify(value)}. Declare it with that value to manage it ` +
        "(the first `pulumi up` then sends it once).",
    );
  }
}

/** Deprecated properties (the descriptor's `deprecated`) are left out; a value other than null is noted. */
function dropDeprecated(kind: ResourceKind, args: JsonObject, notes: string[]): void {
  for (const { path, replacement } of descriptors[kind].deprecated ?? []) {
    forEachAt(args, path, (holder, key, value) => {
      delete holder[key];
      if (value !== null && value !== undefined) {
        notes.push(`${path} was ${JSON.stringify(value)}: deprecated and not exported; ${replacement.slice(replacement.lastIndexOf(".") + 1)} replaces it`);
      }
    });
  }
}

/**
 * Write-only values (see {@link WriteOnlyChoice}), wherever the object holding one is present (a user
 * configuration's `defaultPasswordSettings`, a connector's `credential`). The key of each keyed collection
 * element (a configuration's roleGroupId) is moved first: it names the element, and the secret read in it.
 */
function placeWriteOnly(kind: ResourceKind, args: JsonObject, choice: WriteOnlyChoice): void {
  const d = descriptors[kind];
  for (const [collection, keyArgument] of Object.entries(d.keyedCollections)) {
    forEachAt(args, `${collection}[]`, (holder, index, element) => {
      if (isPlainObject(element) && keyArgument in element) holder[index] = { [keyArgument]: element[keyArgument], ...element };
    });
  }
  for (const pattern of d.writeOnly) {
    const cut = pattern.lastIndexOf(".");
    const holderPattern = pattern.slice(0, cut);
    const property = pattern.slice(cut + 1);
    const keyed = Object.entries(d.keyedCollections).find(([collection]) => holderPattern.startsWith(`${collection}[].`));
    const placeholder = choice.omit === "never" || (choice.omit === "whereOptional" && requiredAt(kind, holderPattern)) ? choice.placeholder : undefined;
    const visitHolder = (root: unknown, rest: string, element: string | undefined) =>
      forEachAt(root, rest, (parent, key, holder) => {
        if (!isPlainObject(holder)) return;
        if (placeholder === undefined) delete parent[key];
        else parent[key] = { ...holder, [property]: placeholder(element === undefined ? { property } : { property, element }) };
      });
    if (keyed === undefined) {
      visitHolder(args, holderPattern, undefined);
      continue;
    }
    const [collection, keyArgument] = keyed;
    forEachAt(args, `${collection}[]`, (_holder, _index, element) => {
      if (!isPlainObject(element)) return;
      const key = typeof element[keyArgument] === "string" ? (element[keyArgument] as string) : "";
      visitHolder(element, holderPattern.slice(collection.length + 3), key);
    });
  }
}

/** Whether the argument schema requires the value at a descriptor path (`credential`: yes; a configuration's `defaultPasswordSettings`: no). */
function requiredAt(kind: ResourceKind, pattern: string): boolean {
  let schema: unknown = jsonSchemas[kind];
  const segments = pattern.split(".");
  for (const [i, segment] of segments.entries()) {
    const name = segment.replace(/\[\]$/, "");
    if (!isPlainObject(schema) || !isPlainObject(schema.properties)) return false;
    if (i === segments.length - 1) return Array.isArray(schema.required) && schema.required.includes(name);
    schema = schema.properties[name];
    if (segment.endsWith("[]")) schema = isPlainObject(schema) ? schema.items : undefined;
  }
  return false;
}

/** The value without nulls, at any depth (an element that is null is left out of its list). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(withoutNulls);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, sub]) => sub !== null).map(([key, sub]) => [key, withoutNulls(sub)]));
}

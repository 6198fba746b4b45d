/**
 * The server JSON -> resource arguments mapping of `industrydata export`: the inverse of the create body
 * (provider/reconcile `buildCreateBody`). Pure: JSON in, arguments out, no I/O. Everything it knows about the
 * Graph types comes from provider/schema (descriptors, JSON schemas) and provider/reconcile (`toDeclaredForm`),
 * so the exported arguments are exactly what the provider compares and sends.
 */
import {
  childPath,
  descriptorForOdataType,
  descriptors,
  elementPath,
  forEachAt,
  isPlainObject,
  jsonSchemas,
  resourceKinds,
  type ResourceKind,
} from "../schema";
import { boundIds, isTenantsOwn, toDeclaredForm, unreadableProperties, unreadableReturned, type JsonObject } from "../reconcile";

/**
 * Stands where a write-only value belongs (the descriptor's `writeOnly` paths): Graph returns a password masked
 * (`***************`) and a connector's client secret not at all, so the exported program reads each from secret
 * stack config instead. The renderer turns it into `config.requireSecret(key)`.
 */
export class SecretReference {
  constructor(
    /** The write-only property's own name: "password", "clientSecret". */
    readonly property: string,
    /** The key of the keyed collection element holding it (a user configuration's role group), if any. */
    readonly element?: string,
  ) {}
}

/** The flow kind that adopts any flow (Graph's abstract base type): a flow of a type this version does not model. */
const ABSTRACT_FLOW_KIND = resourceKinds.find((kind) => descriptors[kind].isFlow && descriptors[kind].abstract)!;

/** How write-only values are exported. */
export type PasswordMode =
  /** Each write-only value a `SecretReference`: managed, read from secret stack config. */
  | "config"
  /**
   * Write-only values left out together with the object holding them wherever the arguments may leave it out
   * (a user configuration's `defaultPasswordSettings`): they stay as they are in the tenant, unmanaged. Where the
   * holder must be declared (a OneRoster connector's `credential`), the secret is still read from config.
   */
  | "omit";

/** A flow set's adoption arguments, as the tenant holds them. */
export interface FlowSetArgsExport {
  id: string;
  /** `flowSetId` (adopt), `displayName` and, when the set has one (null: all organisations), `filter`. */
  args: JsonObject;
  notes: string[];
}

/** A flow's resource kind and arguments, as the tenant holds them. */
export interface FlowArgsExport {
  kind: ResourceKind;
  /** `flowSetId`, `flowId` and every Graph property the provider manages for this kind. */
  args: JsonObject;
  /** The `SecretReference`s in `args`, in the order they appear. */
  secrets: SecretReference[];
  /** Things the reader of the generated program should know (deprecated or unsupported properties dropped). */
  notes: string[];
}

/** Options of {@link flowToArgs}. */
export interface FlowToArgsOptions {
  flowSetId: string;
  /** Default "config". */
  passwords?: PasswordMode;
}

/**
 * A flow set's adoption arguments: `flowSetId` (the set to adopt), then `displayName` and `filter` as read,
 * annotations and read-only fields dropped. A display name the arguments could not declare (empty) is left
 * out: an adopted set keeps the name it holds.
 */
export function flowSetToArgs(server: JsonObject): FlowSetArgsExport {
  const notes: string[] = [];
  const id = String(server.id);
  const args: JsonObject = { flowSetId: id, ...managedProperties("flowSet", toDeclaredForm("flowSet", server), notes) };
  if ("displayName" in args && (typeof args.displayName !== "string" || args.displayName === "")) {
    notes.push(`its displayName ${JSON.stringify(args.displayName)} cannot be declared: left undeclared, the set keeps it`);
    delete args.displayName;
  }
  return { id, args, notes };
}

/**
 * A flow's kind and adoption arguments: `flowSetId`, `flowId`, then each property the kind manages, as read:
 * `roleGroup` read back expanded becomes `roleGroupId`, `@odata.*` annotations are dropped, read-only fields
 * (`id`, timestamps, `readinessStatus`) are dropped, and a masked password becomes a `PasswordReference` (or
 * is left out). A flow of a type this provider does not model becomes a base `ProvisioningFlow` (adopt only).
 */
export function flowToArgs(server: JsonObject, options: FlowToArgsOptions): FlowArgsExport {
  const odataType = typeof server["@odata.type"] === "string" ? server["@odata.type"] : "";
  const found = descriptorForOdataType(odataType);
  const kind: ResourceKind = found === undefined || found.abstract || !found.isFlow ? ABSTRACT_FLOW_KIND : found.kind;
  const notes: string[] = [];
  if (descriptors[kind].abstract) {
    notes.push(`its type ${JSON.stringify(odataType)} is not modelled by this provider version: adopted as a ProvisioningFlow, its settings unmanaged`);
  }
  const args: JsonObject = { flowSetId: options.flowSetId, flowId: String(server.id) };
  // readinessStatus is server-computed (CSDL Computed): never exported, even on the base kind that accepts it.
  if (!descriptors[kind].abstract) Object.assign(args, managedProperties(kind, toDeclaredForm(kind, server), notes));
  const secrets = replaceWriteOnly(kind, args, options.passwords ?? "config");
  dropDeprecated(kind, args, notes);
  return { kind, args, secrets, notes };
}

/** A top-level inbound entity's kind, id, bindings and adoption arguments, as the tenant holds them. */
export interface EntityArgsExport {
  kind: ResourceKind;
  id: string;
  /**
   * `<adoptArgument>` (the id) and every Graph property the provider manages for this kind, as read; the entity
   * bindings (`sourceSystemId`, …) are in `bindings`, for the planner to write as references to their targets.
   */
  args: JsonObject;
  /** Each entity binding's argument, target collection and the bound id as read (`$expand`); null when unbound. */
  bindings: { argument: string; targetCollection: string; id: string | null | undefined }[];
  secrets: SecretReference[];
  notes: string[];
}

/**
 * Whether the export adopts this entity: only the tenant's own configuration (reconcile's isTenantsOwn): not
 * Graph's built-in reference codes (hundreds, the same in every tenant, never deletable), and not a disabled
 * one, what Graph's (soft) DELETE leaves behind, a removed code rather than one the tenant uses.
 */
export function isExported(kind: ResourceKind, server: JsonObject): boolean {
  return isTenantsOwn(kind, server);
}

/**
 * A top-level inbound entity's adoption arguments, driven by its descriptor: `<adoptArgument>` (its id), then each
 * managed property as read (annotations, read-only parts such as a credential's `isValid` dropped), each
 * write-only value a `SecretReference`. A property holding values Graph never returns (a user-matching setting's
 * role group) cannot be declared faithfully: it is left undeclared (unmanaged), with what Graph does return in a
 * note, unless it holds nothing of the kind (an empty list).
 */
export function entityToArgs(kind: ResourceKind, server: JsonObject, options: { passwords?: PasswordMode } = {}): EntityArgsExport {
  const d = descriptors[kind];
  const notes: string[] = [];
  const id = String(server.id);
  const ids = boundIds(kind, server);
  const bindings = d.entityBindings.map((b) => ({ argument: b.argument, targetCollection: b.targetCollection, id: ids[b.argument] }));
  const declared = toDeclaredForm(kind, server);
  for (const b of d.entityBindings) delete declared[b.argument];
  for (const path of d.readOnly) dropAt(declared, path);
  const properties = managedProperties(kind, declared, notes);
  for (const property of unreadableProperties(kind)) {
    const value = properties[property];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    // Graph returned them after all (AutoExpand of the role group): exported like any value.
    if (unreadableReturned(kind, property, properties)) continue;
    delete properties[property];
    notes.push(
      `${property} left undeclared (unmanaged): Graph never returns ${d.unreadable.filter((p) => p.startsWith(property)).join(", ")}, ` +
        `so it cannot be exported; the tenant holds ${JSON.stringify(value)}. Declare it with that value to manage it ` +
        "(the first `pulumi up` then sends it once).",
    );
  }
  const args: JsonObject = { [d.adoptArgument]: id, ...properties };
  const secrets = replaceWriteOnly(kind, args, options.passwords ?? "config");
  return { kind, id, args, bindings, secrets, notes };
}

/** Deletes the value at a descriptor path (`credential.isValid`), wherever it is present. */
function dropAt(root: JsonObject, pattern: string): void {
  forEachAt(root, pattern, (holder, key) => {
    delete holder[key];
  });
}

/**
 * Write-only values (the descriptor's `writeOnly` paths): Graph returns a password masked and a client secret not
 * at all, so neither is ever exported. Wherever the object holding one is present (a user configuration's
 * `defaultPasswordSettings`, a connector's `credential`), the value becomes a `SecretReference`; with `omit`, the
 * holder is left out instead where its schema allows. The key of each keyed collection element (a
 * configuration's roleGroupId) is moved first: it names the element, and the secret read in it.
 */
function replaceWriteOnly(kind: ResourceKind, args: JsonObject, mode: PasswordMode): SecretReference[] {
  const d = descriptors[kind];
  for (const [collection, keyArgument] of Object.entries(d.keyedCollections)) {
    forEachAt(args, `${collection}[]`, (holder, index, element) => {
      if (isPlainObject(element) && keyArgument in element) holder[index] = { [keyArgument]: element[keyArgument], ...element };
    });
  }
  const secrets: SecretReference[] = [];
  for (const pattern of d.writeOnly) {
    const cut = pattern.lastIndexOf(".");
    const holderPattern = pattern.slice(0, cut);
    const property = pattern.slice(cut + 1);
    const keyed = Object.entries(d.keyedCollections).find(([collection]) => holderPattern.startsWith(`${collection}[].`));
    const visitHolder = (root: unknown, rest: string, element: string | undefined) =>
      forEachAt(root, rest, (parent, key, holder) => {
        if (!isPlainObject(holder)) return;
        if (mode === "omit" && !requiredAt(kind, pattern.slice(0, cut))) {
          delete parent[key];
          return;
        }
        const reference = new SecretReference(property, element);
        parent[key] = { ...holder, [property]: reference };
        secrets.push(reference);
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
  return secrets;
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

/**
 * Deprecated properties (the descriptor's `deprecated`, e.g. `markAllStudentsAsMinors`, which Graph stopped
 * honouring in favour of `studentAgeGroup`): declaring one only earns a warning on every run, so it is not
 * exported; a value other than null is noted.
 */
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

/** The kind's Graph properties present in the declared form, each pruned to its argument schema. */
function managedProperties(kind: ResourceKind, declared: JsonObject, notes: string[]): JsonObject {
  const schema = jsonSchemas[kind] as { properties?: Record<string, unknown> };
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

/**
 * The server JSON -> resource arguments mapping of `industrydata export`: the inverse of the create body
 * (provider/reconcile `buildCreateBody`). Pure: JSON in, arguments out, no I/O. Everything it knows about the
 * Graph types comes from provider/schema (descriptors, JSON schemas) and provider/reconcile (`toDeclaredForm`),
 * so the exported arguments are exactly what the provider compares and sends.
 */
import { childPath, descriptorForOdataType, descriptors, elementPath, isPlainObject, jsonSchemas, type ResourceKind } from "../schema";
import { toDeclaredForm, type JsonObject } from "../reconcile";

/**
 * Stands where a write-only password was read: Graph returns it masked (`***************`), so the exported
 * program must read it from stack config instead. The renderer turns it into `config.requireSecret(key)`.
 */
export class PasswordReference {
  constructor(
    /** The role group of the user configuration holding the password ("staff", "students", …). */
    readonly roleGroupId: string,
  ) {}
}

/** How masked passwords are exported. */
export type PasswordMode =
  /** `defaultPasswordSettings: { password: <PasswordReference> }`: managed, read from secret stack config. */
  | "config"
  /** `defaultPasswordSettings` left out: the password stays as it is in the tenant, unmanaged. */
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
  /** The role groups whose password is a `PasswordReference` in `args`, in the order they appear. */
  passwordRoleGroups: string[];
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
  const kind: ResourceKind = found === undefined || found.abstract || !found.isFlow ? "provisioningFlow" : found.kind;
  const notes: string[] = [];
  if (kind === "provisioningFlow") {
    notes.push(`its type ${JSON.stringify(odataType)} is not modelled by this provider version: adopted as a ProvisioningFlow, its settings unmanaged`);
  }
  const args: JsonObject = { flowSetId: options.flowSetId, flowId: String(server.id) };
  // readinessStatus is server-computed (CSDL Computed): never exported, even on the base kind that accepts it.
  if (kind !== "provisioningFlow") Object.assign(args, managedProperties(kind, toDeclaredForm(kind, server), notes));
  const passwordRoleGroups = kind === "user" ? replacePasswords(args, options.passwords ?? "config") : [];
  if (kind === "user") dropDeprecatedMinorsFlag(args, notes);
  return { kind, args, passwordRoleGroups, notes };
}

/**
 * Masked password: Graph returns `simplePasswordSettings.password` as a fixed mask, never the value, so the
 * mask is never exported: the password becomes a config reference, or its settings are left out.
 */
function replacePasswords(args: JsonObject, mode: PasswordMode): string[] {
  const creationOptions = args.creationOptions;
  const configurations = isPlainObject(creationOptions) ? creationOptions.configurations : undefined;
  if (!Array.isArray(configurations)) return [];
  const roleGroups: string[] = [];
  configurations.forEach((configuration, i) => {
    // roleGroupId first: it names the configuration (toDeclaredForm appends it where the roleGroup was).
    if (isPlainObject(configuration) && "roleGroupId" in configuration) {
      configurations[i] = { roleGroupId: configuration.roleGroupId, ...configuration };
    }
  });
  for (const configuration of configurations) {
    if (!isPlainObject(configuration) || !isPlainObject(configuration.defaultPasswordSettings)) continue;
    if (mode === "omit") {
      delete configuration.defaultPasswordSettings;
      continue;
    }
    const roleGroupId = typeof configuration.roleGroupId === "string" ? configuration.roleGroupId : "";
    configuration.defaultPasswordSettings = { password: new PasswordReference(roleGroupId) };
    roleGroups.push(roleGroupId);
  }
  return roleGroups;
}

/**
 * Deprecated `markAllStudentsAsMinors`: Graph stopped honouring it (2025-10-15) in favour of `studentAgeGroup`,
 * and declaring it only earns a warning on every run, so it is not exported; a value other than null is noted.
 */
function dropDeprecatedMinorsFlag(args: JsonObject, notes: string[]): void {
  const managementOptions = args.managementOptions;
  const options = isPlainObject(managementOptions) ? managementOptions.additionalOptions : undefined;
  if (!isPlainObject(options) || !("markAllStudentsAsMinors" in options)) return;
  const value = options.markAllStudentsAsMinors;
  delete options.markAllStudentsAsMinors;
  if (value !== null && value !== undefined) {
    notes.push(`managementOptions.additionalOptions.markAllStudentsAsMinors was ${JSON.stringify(value)}: deprecated and not exported; studentAgeGroup replaces it`);
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

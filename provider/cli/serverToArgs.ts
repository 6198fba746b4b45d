/**
 * The server JSON -> resource arguments mapping of `industrydata export`: the inverse of the create body
 * (provider/reconcile `buildCreateBody`). Pure: JSON in, arguments out, no I/O. The arguments come from the
 * one walk `pulumi import` uses too (operations' declaredArguments), so the exported arguments are exactly what
 * the provider compares and sends; this adds the identity arguments, the bindings, and the secret references.
 */
import { resourceOperations, type DeclaredArgumentsOptions } from "../operations";
import { descriptorForOdataType, descriptors, resourceKinds, type ResourceKind } from "../schema";
import { boundIds, isTenantsOwn, type JsonObject } from "../reconcile";

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
  const id = String(server.id);
  const { args, notes } = exported("flowSet", server, "config", []);
  return { id, args: { flowSetId: id, ...args }, notes };
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
  const secrets: SecretReference[] = [];
  const walked = exported(kind, server, options.passwords ?? "config", secrets);
  const args: JsonObject = { flowSetId: options.flowSetId, flowId: String(server.id), ...walked.args };
  return { kind, args, secrets, notes: [...notes, ...walked.notes] };
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
  const id = String(server.id);
  const ids = boundIds(kind, server);
  const bindings = d.entityBindings.map((b) => ({ argument: b.argument, targetCollection: b.targetCollection, id: ids[b.argument] }));
  const secrets: SecretReference[] = [];
  const { args, notes } = exported(kind, server, options.passwords ?? "config", secrets);
  return { kind, id, args: { [d.adoptArgument]: id, ...args }, bindings, secrets, notes };
}

/**
 * The walk `pulumi import` takes too, with the export's choices: a null Graph holds is declared (managed as
 * null), and each write-only value a `SecretReference` (read from secret stack config), collected in `secrets`
 * in the order they appear; with `omit`, left out with its holder where the arguments allow.
 */
function exported(kind: ResourceKind, server: JsonObject, mode: PasswordMode, secrets: SecretReference[]): { args: JsonObject; notes: string[] } {
  const placeholder = ({ property, element }: { property: string; element?: string }) => {
    const reference = new SecretReference(property, element);
    secrets.push(reference);
    return reference;
  };
  const options: DeclaredArgumentsOptions = { writeOnly: { omit: mode === "omit" ? "whereOptional" : "never", placeholder }, nulls: "keep" };
  return resourceOperations[kind].declaredArguments(server, options);
}

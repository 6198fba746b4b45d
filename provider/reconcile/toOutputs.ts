import { descriptors, forEachAt, isPlainObject, roleGroupIdFromBindUrl } from "../schema";
import type { ResourceKind } from "../schema";
import { effectiveDeleteOnDestroy, isAdoption } from "./diffResource";
import { liftEntityBindings } from "./entityBindings";
import { kindOutputKey } from "./kindOutput";
import { deepCopy, stripAnnotations } from "./json";
import { lastDeclaredKey, lastDeclaredRecord } from "./lastDeclared";
import { newPasswordSalt, passwordHashes, passwordHashesKey, passwordSaltKey } from "./passwords";
import type { JsonObject, OutputContext } from "./types";

/**
 * The outputs Pulumi stores: the whole server JSON as read (annotations stripped, password left as
 * Graph's mask), so later PATCHes merge over the last-read value; plus `flowSetId` (a set's own id, a flow's
 * parent), `flowId`, a top-level entity's own id under its adopt argument (`sourceSystemId`, `dataConnectorId`,
 * …), its entity bindings by id (`sourceSystemId` of a connector: from the `$expand`ed navigation, else what was
 * bound), the read-only fields (null when Graph omitted them), and bookkeeping: `odataType` (the concrete kind
 * in a polymorphic collection), `adopted`, `deleteOnDestroy`, for write-only secrets `passwordSalt` +
 * `passwordHashes` (salted hashes of the declared values; never the plain text), and for values Graph never
 * returns `lastDeclared` (see lastDeclared.ts).
 * Pass `declared` after a create/update (what was sent); pass undefined after a plain read: the
 * bookkeeping then comes from `ctx.olds`.
 */
export function toOutputs(
  kind: ResourceKind,
  server: JsonObject,
  declared: JsonObject | undefined,
  ctx?: OutputContext,
): JsonObject {
  const descriptor = descriptors[kind];
  const olds = ctx?.olds;
  const out: JsonObject = withBindingArguments(kind, stripAnnotations(liftEntityBindings(kind, keepBoundIds(kind, server), declared ?? olds)));
  for (const key of descriptor.readOnly) if (!key.includes(".") && out[key] === undefined) out[key] = null;

  if (descriptor.isFlow) {
    out.flowSetId = declared?.flowSetId ?? olds?.flowSetId;
    out.flowId = server.id ?? olds?.flowId;
  } else {
    out[descriptor.adoptArgument] = server.id ?? olds?.[descriptor.adoptArgument];
  }
  if (descriptor.polymorphic) {
    const odataType = server["@odata.type"] ?? olds?.[kindOutputKey] ?? (descriptor.abstract ? undefined : descriptor.odataType);
    if (odataType !== undefined) out[kindOutputKey] = odataType;
  }
  // A plain read carries the bookkeeping over and never invents it: a set stored before sets could be
  // adopted has none, and a refresh that added it would show as a change.
  if (declared !== undefined || typeof olds?.adopted === "boolean") {
    const adopted = isAdoption(kind, declared, olds);
    out.adopted = adopted;
    out.deleteOnDestroy = declared ? effectiveDeleteOnDestroy(kind, declared, olds) : (olds?.deleteOnDestroy ?? !adopted);
  }

  const lastDeclared = declared ? lastDeclaredRecord(kind, declared) : olds?.[lastDeclaredKey];
  if (lastDeclared !== undefined) out[lastDeclaredKey] = lastDeclared;

  if (descriptor.writeOnly.length > 0) {
    const salt = typeof olds?.[passwordSaltKey] === "string" ? (olds[passwordSaltKey] as string) : newPasswordSalt();
    const hashes = declared ? passwordHashes(declared, salt, kind) : olds?.[passwordHashesKey];
    if (isPlainObject(hashes) && Object.keys(hashes).length > 0) {
      out[passwordSaltKey] = salt;
      out[passwordHashesKey] = hashes;
    }
  }
  return out;
}

/**
 * Each navigation declared by id gets its argument in the outputs too (`roleGroupId` beside the expanded
 * `roleGroup: { id, displayName, roles }`): the package schema's output types are the argument types, so a
 * typed SDK reads `creationOptions.configurations[0].roleGroupId` from the outputs as it declared it.
 */
function withBindingArguments(kind: ResourceKind, out: JsonObject): JsonObject {
  for (const [pattern, binding] of Object.entries(descriptors[kind].bindings)) {
    // A binding Graph may or may not return (AutoExpand of a user-matching roleGroup) would come and go with the
    // answer's shape, so a create and the read after it would disagree: its argument stays out of the outputs.
    if (descriptors[kind].unreadable.includes(`${pattern}.${binding.argument}`)) continue;
    forEachAt(out, pattern, (_holder, _key, element) => {
      if (!isPlainObject(element)) return;
      const navigation = element[binding.navigation];
      if (isPlainObject(navigation) && typeof navigation.id === "string") element[binding.argument] = navigation.id;
    });
  }
  return out;
}

/**
 * roleGroup is normally read back auto-expanded; an answer that echoes `roleGroup@odata.bind` instead (a
 * PATCH answered 200 with the request's shape) keeps the bound id as `roleGroup: { id }`, since stripping
 * the annotation would otherwise lose which role group the configuration is for.
 */
function keepBoundIds(kind: ResourceKind, server: JsonObject): JsonObject {
  const copy = deepCopy(server);
  for (const [pattern, binding] of Object.entries(descriptors[kind].bindings)) {
    // A binding the docs never show read back (a user-matching setting's roleGroup) that a read did return
    // expanded (the CSDL's AutoExpand) keeps only its id: the role group's name and roles are not the source
    // system's, and would only grow the state.
    const unread = descriptors[kind].unreadable.includes(`${pattern}.${binding.argument}`);
    forEachAt(copy, pattern, (_holder, _key, element) => {
      if (!isPlainObject(element)) return;
      const expanded = element[binding.navigation];
      if (unread && isPlainObject(expanded) && typeof expanded.id === "string") element[binding.navigation] = { id: expanded.id };
      if (element[binding.navigation] !== undefined) return;
      const bind = element[`${binding.navigation}@odata.bind`];
      const id = typeof bind === "string" ? roleGroupIdFromBindUrl(bind) : undefined;
      if (id !== undefined) element[binding.navigation] = { id };
    });
  }
  return copy;
}

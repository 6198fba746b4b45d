import { descriptors, forEachAt, isPlainObject, roleGroupIdFromBindUrl } from "../schema";
import type { ResourceKind } from "../schema";
import { effectiveDeleteOnDestroy, isAdoption } from "./diffResource";
import { deepCopy, stripAnnotations } from "./json";
import { newPasswordSalt, passwordHashes, passwordHashesKey, passwordSaltKey } from "./passwords";
import type { JsonObject, OutputContext } from "./types";

/**
 * The outputs Pulumi stores: the whole server JSON as read (annotations stripped, password left as
 * Graph's mask), so later PATCHes merge over the last-read value; plus `flowSetId` (a set's own id, a flow's
 * parent), `flowId`, the read-only fields (null when Graph omitted them), and bookkeeping: `odataType` (the
 * flow's concrete kind), `adopted`, `deleteOnDestroy`, and, for user flows, `passwordSalt` + `passwordHashes`
 * (salted hashes of the declared passwords; never the plain text).
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
  const out: JsonObject = stripAnnotations(keepBoundIds(kind, server));
  for (const key of descriptor.readOnly) if (out[key] === undefined) out[key] = null;

  if (descriptor.isFlow) {
    out.flowSetId = declared?.flowSetId ?? olds?.flowSetId;
    out.flowId = server.id ?? olds?.flowId;
    const odataType = server["@odata.type"] ?? olds?.odataType ?? (descriptor.abstract ? undefined : descriptor.odataType);
    if (odataType !== undefined) out.odataType = odataType;
  } else {
    out.flowSetId = server.id ?? olds?.flowSetId;
  }
  // A plain read carries the bookkeeping over and never invents it: a set stored before sets could be
  // adopted has none, and a refresh that added it would show as a change.
  if (declared !== undefined || typeof olds?.adopted === "boolean") {
    const adopted = isAdoption(kind, declared, olds);
    out.adopted = adopted;
    out.deleteOnDestroy = declared ? effectiveDeleteOnDestroy(kind, declared, olds) : (olds?.deleteOnDestroy ?? !adopted);
  }

  if (descriptor.writeOnly.length > 0) {
    const salt = typeof olds?.[passwordSaltKey] === "string" ? (olds[passwordSaltKey] as string) : newPasswordSalt();
    const hashes = declared ? passwordHashes(declared, salt) : olds?.[passwordHashesKey];
    if (isPlainObject(hashes) && Object.keys(hashes).length > 0) {
      out[passwordSaltKey] = salt;
      out[passwordHashesKey] = hashes;
    }
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
    forEachAt(copy, pattern, (_holder, _key, element) => {
      if (!isPlainObject(element) || element[binding.navigation] !== undefined) return;
      const bind = element[`${binding.navigation}@odata.bind`];
      const id = typeof bind === "string" ? roleGroupIdFromBindUrl(bind) : undefined;
      if (id !== undefined) element[binding.navigation] = { id };
    });
  }
  return copy;
}

import { descriptors, type ResourceKind } from "../../provider/schema";
import { providers } from "../../provider/dynamic/runtime";
import type { ProviderKey } from "../../provider/schema";

/**
 * The key in `providers` of a resource kind (the kind itself, or its Graph type name), so tests can iterate
 * `resourceKinds`: a kind added without a provider under either name fails here instead of going untested.
 */
export function providerKeyOf(kind: ResourceKind): ProviderKey {
  const key = Object.keys(providers).find((k) => k === kind || k === descriptors[kind].graphType);
  if (key === undefined) throw new Error(`no provider for resource kind ${kind} (expected key "${kind}" or "${descriptors[kind].graphType}")`);
  return key as ProviderKey;
}

/**
 * The provider implementation, loaded by package name (`pulumi-industrydata/runtime`) by the serialized shim
 * in the dynamic-provider host: `configure` and one full `dynamic.ResourceProvider` per resource class.
 *
 * That package path is part of stored state (a shim inlined into `__provider` requires it by name), so
 * package.json "exports" keeps `./runtime` pointing at this module wherever it lives.
 */
import { descriptors, resourceKinds, type ProviderKey } from "../schema";
import { createResourceProvider, type CrudProvider } from "./resourceProvider";

export { configure } from "./runtimeConfig";

/** The providers of the resource classes by their descriptors' `providerKey`, callable directly by tests and tools. */
export const providers = Object.fromEntries(
  resourceKinds.map((kind) => [descriptors[kind].providerKey, createResourceProvider({ kind })]),
) as Record<ProviderKey, CrudProvider>;

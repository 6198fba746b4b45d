import type * as pulumi from "@pulumi/pulumi";
import type { ProviderKey } from "../schema";

/**
 * The provider object that `dynamic.Resource` serializes into every resource's state (`__provider`); the host
 * copies it into the outputs too, so it is stored twice per resource.
 *
 * It is the whole `module.exports` of `provider/resources/shims/<key>.js` (`key`: the descriptor's
 * `providerKey`), whose methods load the real implementation by package name when the host calls them
 * (delegatingProvider.ts). Pulumi's serializer writes a module object found under node_modules as a `require`
 * of its path, so where users get the package (installed in node_modules) `__provider` is just
 * `require("pulumi-industrydata/dist/provider/resources/shims/<key>.js")`, a few hundred bytes; package.json
 * "exports" lists that path so the host may require it. Loaded from a local path (this repo's own programs),
 * the module is inlined instead: seven small closures capturing only `key`. Either way no client, config or
 * secret is captured, and a fixed package version applies to resources created before the fix, since the
 * host requires whatever is installed. The shim paths are therefore part of stored state: they stay in
 * provider/resources/shims although everything else of the dynamic front end lives here.
 *
 * One module per key (the serializer names a module, not a property of one), required by its key so that no
 * list of them is kept here: a new kind adds its shim file and nothing else of this module.
 */
export function shimProvider(key: ProviderKey): pulumi.dynamic.ResourceProvider {
  return require(`../resources/shims/${key}`) as pulumi.dynamic.ResourceProvider;
}

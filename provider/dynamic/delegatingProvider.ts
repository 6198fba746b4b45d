import type * as pulumi from "@pulumi/pulumi";
import type { ProviderKey } from "../schema";

/**
 * A provider whose every method loads the real implementation by package name when the dynamic-provider host
 * calls it, and delegates to `providers[key]` of `pulumi-industrydata/runtime`.
 *
 * The methods capture only `key`, a string: when the serializer has to inline them (the package loaded from a
 * local path, not from node_modules) the text stays small and holds no client, config or secret.
 */
export function delegatingProvider(key: ProviderKey): pulumi.dynamic.ResourceProvider {
  return {
    // `require` is called here, not at module load: loading the runtime costs about a second and a program
    // that only declares resources never needs it.
    configure: (req) => require("pulumi-industrydata/runtime").configure(req.config),
    check: (olds, news) => require("pulumi-industrydata/runtime").providers[key].check(olds, news),
    diff: (id, olds, news) => require("pulumi-industrydata/runtime").providers[key].diff(id, olds, news),
    create: (inputs) => require("pulumi-industrydata/runtime").providers[key].create(inputs),
    read: (id, props) => require("pulumi-industrydata/runtime").providers[key].read(id, props),
    update: (id, olds, news) => require("pulumi-industrydata/runtime").providers[key].update(id, olds, news),
    delete: (id, props) => require("pulumi-industrydata/runtime").providers[key].delete(id, props),
  };
}

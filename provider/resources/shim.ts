import type * as pulumi from "@pulumi/pulumi";

/** The keys of `providers` in `pulumi-industrydata/runtime`: one real provider per resource class. */
export type ProviderKey =
  | "flowSet"
  | "userProvisioningFlow"
  | "classGroupProvisioningFlow"
  | "securityGroupProvisioningFlow"
  | "administrativeUnitProvisioningFlow"
  | "provisioningFlow";

/**
 * The provider object that `dynamic.Resource` serializes into every resource's state (`__provider`).
 *
 * Pulumi serializes the provider with everything it captures. This one captures only `key`, a string: each
 * method loads the real implementation by package name when the dynamic-provider host calls it. That keeps
 * `__provider` a few hundred bytes, keeps clients, config and secrets out of state, and means a fixed package
 * version applies to resources created before the fix (the host requires whatever is installed).
 */
export function shimProvider(key: ProviderKey): pulumi.dynamic.ResourceProvider {
  return {
    // `require` is called here, not at module load: the serializer would otherwise inline the whole runtime.
    configure: (req) => require("pulumi-industrydata/runtime").configure(req.config),
    check: (olds, news) => require("pulumi-industrydata/runtime").providers[key].check(olds, news),
    diff: (id, olds, news) => require("pulumi-industrydata/runtime").providers[key].diff(id, olds, news),
    create: (inputs) => require("pulumi-industrydata/runtime").providers[key].create(inputs),
    read: (id, props) => require("pulumi-industrydata/runtime").providers[key].read(id, props),
    update: (id, olds, news) => require("pulumi-industrydata/runtime").providers[key].update(id, olds, news),
    delete: (id, props) => require("pulumi-industrydata/runtime").providers[key].delete(id, props),
  };
}

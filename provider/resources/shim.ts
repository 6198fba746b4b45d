import type * as pulumi from "@pulumi/pulumi";
import administrativeUnitProvisioningFlow = require("./shims/administrativeUnitProvisioningFlow");
import classGroupProvisioningFlow = require("./shims/classGroupProvisioningFlow");
import flowSet = require("./shims/flowSet");
import provisioningFlow = require("./shims/provisioningFlow");
import securityGroupProvisioningFlow = require("./shims/securityGroupProvisioningFlow");
import userProvisioningFlow = require("./shims/userProvisioningFlow");
import sourceSystemDefinition = require("./shims/sourceSystemDefinition");
import azureDataLakeConnector = require("./shims/azureDataLakeConnector");
import oneRosterApiDataConnector = require("./shims/oneRosterApiDataConnector");
import yearTimePeriodDefinition = require("./shims/yearTimePeriodDefinition");
import inboundFileFlow = require("./shims/inboundFileFlow");
import inboundApiFlow = require("./shims/inboundApiFlow");
import referenceDefinition = require("./shims/referenceDefinition");

/** The keys of `providers` in `pulumi-industrydata/runtime`: one real provider per resource class. */
export type ProviderKey =
  | "flowSet"
  | "userProvisioningFlow"
  | "classGroupProvisioningFlow"
  | "securityGroupProvisioningFlow"
  | "administrativeUnitProvisioningFlow"
  | "provisioningFlow"
  | "sourceSystemDefinition"
  | "azureDataLakeConnector"
  | "oneRosterApiDataConnector"
  | "yearTimePeriodDefinition"
  | "inboundFileFlow"
  | "inboundApiFlow"
  | "referenceDefinition";

const shims: Record<ProviderKey, pulumi.dynamic.ResourceProvider> = {
  flowSet,
  userProvisioningFlow,
  classGroupProvisioningFlow,
  securityGroupProvisioningFlow,
  administrativeUnitProvisioningFlow,
  provisioningFlow,
  sourceSystemDefinition,
  azureDataLakeConnector,
  oneRosterApiDataConnector,
  yearTimePeriodDefinition,
  inboundFileFlow,
  inboundApiFlow,
  referenceDefinition,
};

/**
 * The provider object that `dynamic.Resource` serializes into every resource's state (`__provider`); the host
 * copies it into the outputs too, so it is stored twice per resource.
 *
 * It is the whole `module.exports` of `shims/<key>.js`, whose methods load the real implementation by package
 * name when the host calls them. Pulumi's serializer writes a module object found under node_modules as a
 * `require` of its path, so where users get the package (installed in node_modules) `__provider` is just
 * `require("pulumi-industrydata/dist/provider/resources/shims/<key>.js")`, a few hundred bytes; package.json
 * "exports" lists that path so the host may require it. Loaded from a local path (this repo's own programs),
 * the module is inlined instead: seven small closures capturing only `key`. Either way no client, config or
 * secret is captured, and a fixed package version applies to resources created before the fix, since the
 * host requires whatever is installed. The shim paths are therefore part of stored state: keep them.
 */
export function shimProvider(key: ProviderKey): pulumi.dynamic.ResourceProvider {
  return shims[key];
}

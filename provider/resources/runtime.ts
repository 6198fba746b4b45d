/**
 * The provider implementation, loaded by package name (`pulumi-industrydata/runtime`) by the serialized shim
 * in the dynamic-provider host: `configure` and one full `dynamic.ResourceProvider` per resource class.
 */
import { createResourceProvider, type CrudProvider } from "./resourceProvider";
import type { ProviderKey } from "./shim";

export { configure } from "./runtimeConfig";

/** The providers of the six resource classes, callable directly by tests and tools. */
export const providers: Record<ProviderKey, CrudProvider> = {
  flowSet: createResourceProvider({ kind: "flowSet" }),
  userProvisioningFlow: createResourceProvider({ kind: "user" }),
  classGroupProvisioningFlow: createResourceProvider({ kind: "classGroup" }),
  securityGroupProvisioningFlow: createResourceProvider({ kind: "securityGroup" }),
  administrativeUnitProvisioningFlow: createResourceProvider({ kind: "administrativeUnit" }),
  provisioningFlow: createResourceProvider({ kind: "provisioningFlow" }),
};

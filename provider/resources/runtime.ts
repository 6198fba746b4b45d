/**
 * The provider implementation, loaded by package name (`pulumi-industrydata/runtime`) by the serialized shim
 * in the dynamic-provider host: `configure` and one full `dynamic.ResourceProvider` per resource class.
 */
import { createResourceProvider, type CrudProvider } from "./resourceProvider";
import { flowLocator, flowSetLocator } from "./resourceLocator";
import type { ProviderKey } from "./shim";

export { configure } from "./runtimeConfig";

/** The providers of the six resource classes, callable directly by tests and tools. */
export const providers: Record<ProviderKey, CrudProvider> = {
  flowSet: createResourceProvider({ kind: "flowSet", locator: flowSetLocator }),
  userProvisioningFlow: createResourceProvider({ kind: "user", locator: flowLocator }),
  classGroupProvisioningFlow: createResourceProvider({ kind: "classGroup", locator: flowLocator }),
  securityGroupProvisioningFlow: createResourceProvider({ kind: "securityGroup", locator: flowLocator }),
  administrativeUnitProvisioningFlow: createResourceProvider({ kind: "administrativeUnit", locator: flowLocator }),
  provisioningFlow: createResourceProvider({ kind: "provisioningFlow", locator: flowLocator }),
};

/**
 * The provider implementation, loaded by package name (`pulumi-industrydata/runtime`) by the serialized shim
 * in the dynamic-provider host: `configure` and one full `dynamic.ResourceProvider` per resource class.
 */
import { createResourceProvider, type CrudProvider } from "./resourceProvider";
import { entityLocator, flowLocator, flowSetLocator } from "./resourceLocator";
import type { ProviderKey } from "./shim";

export { configure } from "./runtimeConfig";

/** The providers of the resource classes, callable directly by tests and tools. */
export const providers: Record<ProviderKey, CrudProvider> = {
  flowSet: createResourceProvider({ kind: "flowSet", locator: flowSetLocator }),
  userProvisioningFlow: createResourceProvider({ kind: "user", locator: flowLocator }),
  classGroupProvisioningFlow: createResourceProvider({ kind: "classGroup", locator: flowLocator }),
  securityGroupProvisioningFlow: createResourceProvider({ kind: "securityGroup", locator: flowLocator }),
  administrativeUnitProvisioningFlow: createResourceProvider({ kind: "administrativeUnit", locator: flowLocator }),
  provisioningFlow: createResourceProvider({ kind: "provisioningFlow", locator: flowLocator }),
  sourceSystemDefinition: createResourceProvider({ kind: "sourceSystem", locator: entityLocator("sourceSystem") }),
  azureDataLakeConnector: createResourceProvider({ kind: "azureDataLakeConnector", locator: entityLocator("azureDataLakeConnector") }),
  oneRosterApiDataConnector: createResourceProvider({ kind: "oneRosterApiDataConnector", locator: entityLocator("oneRosterApiDataConnector") }),
  yearTimePeriodDefinition: createResourceProvider({ kind: "year", locator: entityLocator("year") }),
  inboundFileFlow: createResourceProvider({ kind: "inboundFileFlow", locator: entityLocator("inboundFileFlow") }),
  inboundApiFlow: createResourceProvider({ kind: "inboundApiFlow", locator: entityLocator("inboundApiFlow") }),
  referenceDefinition: createResourceProvider({ kind: "referenceDefinition", locator: entityLocator("referenceDefinition") }),
};

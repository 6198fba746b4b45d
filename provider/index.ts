/**
 * pulumi-industrydata: Microsoft Graph industryData outbound provisioning (School Data Sync) as Pulumi resources.
 * The six resource classes and their argument types, and the providers behind them (`providers.userProvisioningFlow`,
 * …) so tests and tools can call check/diff/create/read/update/delete directly.
 */
export { OutboundProvisioningFlowSet } from "./resources/outboundProvisioningFlowSet";
export type { OutboundProvisioningFlowSetArgs } from "./resources/outboundProvisioningFlowSet";
export { UserProvisioningFlow } from "./resources/userProvisioningFlow";
export type { UserProvisioningFlowArgs } from "./resources/userProvisioningFlow";
export { ClassGroupProvisioningFlow } from "./resources/classGroupProvisioningFlow";
export type { ClassGroupProvisioningFlowArgs } from "./resources/classGroupProvisioningFlow";
export { SecurityGroupProvisioningFlow } from "./resources/securityGroupProvisioningFlow";
export type { SecurityGroupProvisioningFlowArgs } from "./resources/securityGroupProvisioningFlow";
export { AdministrativeUnitProvisioningFlow } from "./resources/administrativeUnitProvisioningFlow";
export type { AdministrativeUnitProvisioningFlowArgs } from "./resources/administrativeUnitProvisioningFlow";
export { ProvisioningFlow } from "./resources/provisioningFlow";
export type { ProvisioningFlowArgs } from "./resources/provisioningFlow";
/**
 * The provider of each resource class (`providers.userProvisioningFlow.diff(…)`), for tests and tools; loaded on
 * first use. Call `configure` first (else the `INDUSTRYDATA_*` environment variables apply).
 */
export { lazyProviders as providers, lazyConfigure as configure } from "./resources/lazyRuntime";
export type { CrudProvider } from "./resources/resourceProvider";
export type { ProviderKey } from "./resources/shim";
export type { DeepInput } from "./resources/inputTypes";
export type * from "./schema/types";
export type * from "./schema/enums";

/**
 * pulumi-industrydata: Microsoft Graph industryData (School Data Sync) as Pulumi resources: the outbound
 * provisioning flow sets and flows, and the inbound side they depend on (source systems, data connectors, academic
 * years, inbound flows, reference definitions). The resource classes and their argument types, and the providers behind them (`providers.userProvisioningFlow`,
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
export { SourceSystemDefinition } from "./resources/sourceSystemDefinition";
export type { SourceSystemDefinitionArgs } from "./resources/sourceSystemDefinition";
export { AzureDataLakeConnector } from "./resources/azureDataLakeConnector";
export type { AzureDataLakeConnectorArgs } from "./resources/azureDataLakeConnector";
export { OneRosterApiDataConnector } from "./resources/oneRosterApiDataConnector";
export type { OneRosterApiDataConnectorArgs } from "./resources/oneRosterApiDataConnector";
export { YearTimePeriodDefinition } from "./resources/yearTimePeriodDefinition";
export type { YearTimePeriodDefinitionArgs } from "./resources/yearTimePeriodDefinition";
export { InboundFileFlow, InboundApiFlow } from "./resources/inboundFlows";
export type { InboundFlowArgs } from "./resources/inboundFlows";
export { ReferenceDefinition } from "./resources/referenceDefinition";
export type { ReferenceDefinitionArgs } from "./resources/referenceDefinition";
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
/**
 * Read-only lookups (Pulumi functions): role groups, the latest run with statistics, a flow set's readiness. The
 * plugin serves the same ones as invokes (`industrydata:index:getRoleGroup`, …) for YAML and the other languages.
 */
export { getFlowSetReadiness, getFlowSetReadinessOutput, getLatestRun, getLatestRunOutput, getRoleGroup, getRoleGroupOutput } from "./resources/lookups";
export type {
  GetFlowSetReadinessArgs,
  GetFlowSetReadinessResult,
  GetLatestRunArgs,
  GetLatestRunResult,
  GetRoleGroupArgs,
  GetRoleGroupResult,
} from "./resources/lookups";
export type { FlowReadiness, RoleCount, RunActivity, RunError, RunStatistics, EntityCounts } from "./operations";

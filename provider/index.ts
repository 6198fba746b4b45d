/**
 * pulumi-industrydata: Microsoft Graph industryData (School Data Sync) as Pulumi resources: the outbound
 * provisioning flow sets and flows, and the inbound side they depend on (source systems, data connectors, academic
 * years, inbound flows, reference definitions). The resource classes and their argument types, and the providers behind them (`providers.userProvisioningFlow`,
 * …) so tests and tools can call check/diff/create/read/update/delete directly.
 */
export { OutboundProvisioningFlowSet } from "./dynamic/resources/outboundProvisioningFlowSet";
export type { OutboundProvisioningFlowSetArgs } from "./dynamic/resources/outboundProvisioningFlowSet";
export { UserProvisioningFlow } from "./dynamic/resources/userProvisioningFlow";
export type { UserProvisioningFlowArgs } from "./dynamic/resources/userProvisioningFlow";
export { ClassGroupProvisioningFlow } from "./dynamic/resources/classGroupProvisioningFlow";
export type { ClassGroupProvisioningFlowArgs } from "./dynamic/resources/classGroupProvisioningFlow";
export { SecurityGroupProvisioningFlow } from "./dynamic/resources/securityGroupProvisioningFlow";
export type { SecurityGroupProvisioningFlowArgs } from "./dynamic/resources/securityGroupProvisioningFlow";
export { AdministrativeUnitProvisioningFlow } from "./dynamic/resources/administrativeUnitProvisioningFlow";
export type { AdministrativeUnitProvisioningFlowArgs } from "./dynamic/resources/administrativeUnitProvisioningFlow";
export { ProvisioningFlow } from "./dynamic/resources/provisioningFlow";
export type { ProvisioningFlowArgs } from "./dynamic/resources/provisioningFlow";
export { SourceSystemDefinition } from "./dynamic/resources/sourceSystemDefinition";
export type { SourceSystemDefinitionArgs } from "./dynamic/resources/sourceSystemDefinition";
export { AzureDataLakeConnector } from "./dynamic/resources/azureDataLakeConnector";
export type { AzureDataLakeConnectorArgs } from "./dynamic/resources/azureDataLakeConnector";
export { OneRosterApiDataConnector } from "./dynamic/resources/oneRosterApiDataConnector";
export type { OneRosterApiDataConnectorArgs } from "./dynamic/resources/oneRosterApiDataConnector";
export { YearTimePeriodDefinition } from "./dynamic/resources/yearTimePeriodDefinition";
export type { YearTimePeriodDefinitionArgs } from "./dynamic/resources/yearTimePeriodDefinition";
export { InboundFileFlow, InboundApiFlow } from "./dynamic/resources/inboundFlows";
export type { InboundFlowArgs } from "./dynamic/resources/inboundFlows";
export { ReferenceDefinition } from "./dynamic/resources/referenceDefinition";
export type { ReferenceDefinitionArgs } from "./dynamic/resources/referenceDefinition";
/**
 * The provider of each resource class (`providers.userProvisioningFlow.diff(…)`), for tests and tools; loaded on
 * first use. Call `configure` first (else the `INDUSTRYDATA_*` environment variables apply).
 */
export { lazyProviders as providers, lazyConfigure as configure } from "./dynamic/lazyRuntime";
export type { CrudProvider } from "./dynamic/resourceProvider";
export type { ProviderKey } from "./schema";
export type { DeepInput } from "./dynamic/inputTypes";
export type * from "./schema/types";
export type * from "./schema/enums";
/**
 * Read-only lookups (Pulumi functions): role groups, the latest run with statistics, a flow set's readiness. The
 * plugin serves the same ones as invokes (`industrydata:index:getRoleGroup`, …) for YAML and the other languages.
 */
export { getFlowSetReadiness, getFlowSetReadinessOutput, getLatestRun, getLatestRunOutput, getRoleGroup, getRoleGroupOutput } from "./dynamic/lookups";
export type {
  GetFlowSetReadinessArgs,
  GetFlowSetReadinessResult,
  GetLatestRunArgs,
  GetLatestRunResult,
  GetRoleGroupArgs,
  GetRoleGroupResult,
} from "./dynamic/lookups";
export type { FlowReadiness, RoleCount, RunActivity, RunError, RunStatistics, EntityCounts } from "./operations";

/** provider/cli: the `industrydata` command line (`industrydata export`) and its parts, for tests and tools. */
export { runCli } from "./exportCommand";
export type { CliIo } from "./exportCommand";
export { exportTenant, projectNameFor } from "./exportTenant";
export type { ExportTenantOptions, ExportSummary } from "./exportTenant";
export { readTenant, entityCollections } from "./readTenant";
export type { TenantSnapshot, EntitySnapshot, ReadTenantOptions } from "./readTenant";
export { entityToArgs, flowSetToArgs, flowToArgs, isExported, SecretReference } from "./serverToArgs";
export type { EntityArgsExport, FlowArgsExport, FlowSetArgsExport, FlowToArgsOptions, PasswordMode } from "./serverToArgs";
export { describeSecret, entityKindOrder, planProgram } from "./planProgram";
export type { ProgramPlan, PlannedEntity, PlannedFlow, PlannedFlowSet, SecretConfigKey } from "./planProgram";
export { renderProgram } from "./renderProgram";
export { renderProjectFiles, configCommands } from "./renderProjectFiles";
export { explainExportError, EXPORT_READ_PERMISSION, MANAGE_PERMISSION } from "./explainExportError";

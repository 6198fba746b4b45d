/** provider/cli: the `industrydata` command line (`industrydata export`) and its parts, for tests and tools. */
export { runCli } from "./exportCommand";
export type { CliIo } from "./exportCommand";
export { exportTenant, projectNameFor } from "./exportTenant";
export type { ExportTenantOptions, ExportSummary } from "./exportTenant";
export { readTenant } from "./readTenant";
export type { TenantSnapshot, ReadTenantOptions } from "./readTenant";
export { flowSetToArgs, flowToArgs, PasswordReference } from "./serverToArgs";
export type { FlowArgsExport, FlowSetArgsExport, FlowToArgsOptions, PasswordMode } from "./serverToArgs";
export { planProgram } from "./planProgram";
export type { ProgramPlan, PlannedFlow, PlannedFlowSet, SecretConfigKey } from "./planProgram";
export { renderProgram } from "./renderProgram";
export { renderProjectFiles, configCommands } from "./renderProjectFiles";
export { explainExportError, EXPORT_READ_PERMISSION, MANAGE_PERMISSION } from "./explainExportError";

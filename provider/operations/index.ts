/**
 * provider/operations: the sequencing of schema, reconcile and Graph calls for each resource kind, shared by
 * both front ends (the dynamic resources in provider/dynamic and the plugin in provider/plugin). Knows no
 * Pulumi front end: the Graph context comes from the caller.
 */
import { resourceKinds, type ResourceKind } from "../schema";
import { createResourceOperations, type ResourceOperations } from "./resourceOperations";
import { locatorFor } from "./resourceLocator";

export { checkResource, createResourceOperations, isInitFailedError, isNotFound } from "./resourceOperations";
export type { CheckOutcome, CreatedResource, CreateOptions, DiffOptions, GraphContext, InitFailedError, ReadOutcome, ResourceOperations, UpdateOptions } from "./resourceOperations";
export type { DeclaredArguments, DeclaredArgumentsOptions, DiffResult, PropertyChange, WriteOnlyChoice, WriteOnlyPlace } from "../reconcile";
export { flowLocator, flowSetLocator, locatorFor } from "./resourceLocator";
export type { ResourceLocator } from "./resourceLocator";
export { formatFlowResourceId, parseFlowResourceId } from "./resourceId";
export type { FlowAddress } from "./resourceId";

/** The operations of every resource kind the descriptors declare, built once. */
export const resourceOperations: Readonly<Record<ResourceKind, ResourceOperations>> = Object.fromEntries(
  resourceKinds.map((kind) => [kind, createResourceOperations({ kind, locator: locatorFor(kind) })]),
) as Record<ResourceKind, ResourceOperations>;

// The operational half (issue 22): lookups served as Pulumi functions, and what the CLI's commands run.
export { lookups, lookupNamed, lookupTypes, runLookup } from "./lookups";
export type { ArgumentFailure, LookupProperty, LookupSpec, LookupType } from "./lookups";
export { getRoleGroup, listRoleGroups } from "./roleGroups";
export type { RoleGroupInfo, RoleGroupQuery } from "./roleGroups";
export { getLatestRun, getRun, isRunFinished, listRuns, RUN_LIMIT, RunNotStartedError, startRun, toRunInfo, waitForRun } from "./runs";
export type { EntityCounts, RoleCount, RunActivity, RunError, RunInfo, RunStatistics, RunStatus, StartedRun } from "./runs";
export { DEFAULT_OPERATION_POLL_MS, getUploadSession, latestValidation, listConnectors, locate, toValidationResult, validateConnector } from "./connectorValidation";
export type { OperationStatus, UploadSession, ValidateOptions, ValidationIssue, ValidationResult } from "./connectorValidation";
export { getFlowSetReadiness, listFlowSetReadiness, listInboundFlowReadiness, resetFlow } from "./flowReadiness";
export type { FlowReadiness, FlowSetReadiness } from "./flowReadiness";
export { DEFAULT_THRESHOLDS, evaluateHealth, gatherHealth } from "./health";
export type { ConnectorHealth, HealthCheck, HealthOutcome, HealthReport, HealthSnapshot, HealthThresholds } from "./health";
export { pollUntil } from "./polling";
export type { PollOptions, PollRead } from "./polling";

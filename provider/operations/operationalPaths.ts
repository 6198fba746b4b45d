/**
 * Graph paths (relative to the endpoint) of the operational half: runs, their statistics and activities, the
 * `start` and `validate` actions, upload sessions, file-validation operations and a flow's `reset`. Every id
 * goes through `idSegment` (no request is ever built from an id that is no safe segment).
 */
import { dataConnectorsPath, flowPath, idSegment, industryDataPath, roleGroupsPath } from "../schema";

/** The run collection (read-only; the system runs every 12 hours). */
export const runsPath = `${industryDataPath}/runs`;

/** One run. */
export function runPath(runId: string): string {
  return `${runsPath}/${idSegment(runId, "runId")}`;
}

/** A run's per-flow activities. */
export function runActivitiesPath(runId: string): string {
  return `${runPath(runId)}/activities`;
}

/**
 * A run's statistics: the function `getStatistics` bound to the run, in the docs' short form (Graph also takes
 * the SDK's `microsoft.graph.industryData.getStatistics()`; the short form is the documented one).
 */
export function runStatisticsPath(runId: string): string {
  return `${runPath(runId)}/getStatistics`;
}

/** The `start` action bound to the run collection (202 Accepted, no body). */
export const startRunPath = `${runsPath}/microsoft.graph.industryData.start`;

/** One role group (`staff`, `students`, …). */
export function roleGroupPath(roleGroupId: string): string {
  return `${roleGroupsPath}/${idSegment(roleGroupId, "roleGroupId")}`;
}

/** One data connector. */
export function dataConnectorPath(connectorId: string): string {
  return `${dataConnectorsPath}/${idSegment(connectorId, "dataConnectorId")}`;
}

/** The `validate` action of a connector (202 Accepted + `Location` of the operation). */
export function validateConnectorPath(connectorId: string): string {
  return `${dataConnectorPath(connectorId)}/microsoft.graph.industryData.validate`;
}

/**
 * The `getUploadSession` function of a CSV connector: bound to `azureDataLakeConnector`, so reached through the
 * type-cast segment (reference §5). `resetSession=true` asks for a new session with an empty container.
 */
export function uploadSessionPath(connectorId: string, resetSession: boolean): string {
  return `${dataConnectorPath(connectorId)}/microsoft.graph.industryData.azureDataLakeConnector/getUploadSession${resetSession ? "?resetSession=true" : ""}`;
}

/** The long-running operations (file validations) collection. */
export const operationsPath = `${industryDataPath}/operations`;

/** One outbound flow's `reset` action: reprocess all current data as on a first run (202 Accepted). */
export function resetFlowPath(flowSetId: string, flowId: string): string {
  return `${flowPath(flowSetId, flowId)}/reset`;
}

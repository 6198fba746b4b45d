import type { GraphClient } from "../graph";
import type { JsonObject } from "../reconcile";
import { flowPath, flowSetPath, flowSetsPath, flowsPath, inboundFlowsPath } from "../schema";
import { resetFlowPath } from "./operationalPaths";
import { isNotFound } from "./resourceOperations";

/** One flow's readiness (`readinessStatus`: notReady, ready, failed, disabled, expired). */
export interface FlowReadiness {
  flowId: string;
  displayName: string;
  /** The Graph type of the flow (`userProvisioningFlow`, `inboundFileFlow`, …). */
  kind: string;
  readinessStatus: string;
}

/** A flow set's readiness: ready when every flow in it is `ready`. */
export interface FlowSetReadiness {
  flowSetId: string;
  displayName: string;
  ready: boolean;
  flows: FlowReadiness[];
}

/** The readiness of one outbound flow set and its flows (two GETs). */
export async function getFlowSetReadiness(client: GraphClient, flowSetId: string): Promise<FlowSetReadiness> {
  const set = await client.get<JsonObject>(flowSetPath(flowSetId)).catch((error: unknown) => {
    throw isNotFound(error) ? new Error(`flow set ${flowSetId} does not exist (404)`) : error;
  });
  const flows = (await client.list<JsonObject>(flowsPath(flowSetId))).map((flow) => readiness(flow, odataName(flow)));
  return { flowSetId, displayName: String(set.displayName ?? ""), ready: flows.every((f) => f.readinessStatus === "ready"), flows };
}

/** The readiness of every outbound flow set of the tenant. */
export async function listFlowSetReadiness(client: GraphClient): Promise<FlowSetReadiness[]> {
  const sets = await client.list<JsonObject>(flowSetsPath);
  return Promise.all(sets.map((set) => getFlowSetReadiness(client, String(set.id))));
}

/** The readiness of every inbound flow of the tenant. */
export async function listInboundFlowReadiness(client: GraphClient): Promise<FlowReadiness[]> {
  return (await client.list<JsonObject>(inboundFlowsPath)).map((flow) => readiness(flow, odataName(flow)));
}

/**
 * Resets an outbound flow (POST `…/provisioningFlows/{id}/reset`, 202): Graph reprocesses all current data as
 * on a first run and clears the flow's errors. Imperative, never part of a plan; the CLI asks for confirmation.
 */
export async function resetFlow(client: GraphClient, flowSetId: string, flowId: string): Promise<FlowReadiness> {
  const flow = await client.get<JsonObject>(flowPath(flowSetId, flowId)).catch((error: unknown) => {
    throw isNotFound(error) ? new Error(`flow ${flowId} in flow set ${flowSetId} does not exist (404)`) : error;
  });
  await client.request("POST", resetFlowPath(flowSetId, flowId));
  return readiness(flow, odataName(flow));
}

function readiness(flow: JsonObject, kind: string): FlowReadiness {
  return { flowId: String(flow.id), displayName: String(flow.displayName ?? ""), kind, readinessStatus: String(flow.readinessStatus ?? "unknown") };
}

function odataName(entity: JsonObject): string {
  return String(entity["@odata.type"] ?? "").replace(/^#?microsoft\.graph\.industryData\./, "");
}

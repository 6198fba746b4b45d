/**
 * The lookups as TypeScript functions beside the resource classes (the plugin serves the same ones as invokes,
 * from the same table: provider/operations/lookups.ts). They run in the Pulumi program's own process, where
 * `pulumi.runtime.getConfig` reads the stack's `industrydata:*` configuration, the same keys the dynamic
 * provider's `configure()` reads, with the same `INDUSTRYDATA_*` fallbacks; nothing is serialized, so reading
 * config here is safe (the dynamic-provider pitfall is config captured into `__provider`, which this is not).
 * A lookup opens its own Graph client and closes it when done, so the program's process can exit.
 *
 * Each comes in the two forms Pulumi packages give: `getX(args)` (a Promise, plain arguments) and
 * `getXOutput(args)` (an Output, arguments that may be Outputs of other resources).
 */
import * as pulumi from "@pulumi/pulumi";
import type { FlowSetReadiness, RoleGroupInfo, RunActivity, RunError, RunStatistics } from "../operations";
import type { JsonObject } from "../reconcile";

/** Arguments of {@link getRoleGroup}: exactly one of `id` and `displayName`. */
export type GetRoleGroupArgs = { id: string; displayName?: undefined } | { displayName: string; id?: undefined };
/** A role group, with its role codes; use `id` as a user configuration's `roleGroupId`. */
export type GetRoleGroupResult = RoleGroupInfo;

/** Arguments of {@link getLatestRun}. */
export interface GetLatestRunArgs {
  /** Skip a run still going: the newest finished run. Default false. */
  finishedOnly?: boolean;
}
/** The newest run; `found` is false (and only `activities`, empty, is set) when the tenant has none yet. */
export interface GetLatestRunResult {
  found: boolean;
  id?: string;
  displayName?: string;
  status?: string;
  startDateTime?: string;
  /** Absent while the run is going. */
  endDateTime?: string;
  blockingError?: RunError;
  activities: RunActivity[];
  statistics?: RunStatistics;
}

/** Arguments of {@link getFlowSetReadiness}. */
export interface GetFlowSetReadinessArgs {
  flowSetId: string;
}
export type GetFlowSetReadinessResult = FlowSetReadiness;

/**
 * Looks up a role group (the built-in `staff` and `students`, or the tenant's own) by id or by display name
 * (case-insensitive), with its roles. Read-only. Permission: IndustryData.ReadBasic.All (undocumented; the role
 * groups are readable with any industryData read permission in practice).
 *
 * ```ts
 * const students = industrydata.getRoleGroupOutput({ displayName: "Students" });
 * // … creationOptions.configurations: [{ roleGroupId: students.id, defaultPasswordSettings: … }]
 * ```
 */
export function getRoleGroup(args: GetRoleGroupArgs): Promise<GetRoleGroupResult> {
  return invokeLookup("getRoleGroup", args) as Promise<GetRoleGroupResult>;
}

/** {@link getRoleGroup} with arguments that may be Outputs. */
export function getRoleGroupOutput(args: pulumi.Input<{ id?: pulumi.Input<string>; displayName?: pulumi.Input<string> }>): pulumi.Output<GetRoleGroupResult> {
  return pulumi.output(args).apply((plain) => getRoleGroup(plain as GetRoleGroupArgs));
}

/**
 * The tenant's newest School Data Sync run (or newest finished one) with its per-flow activities and statistics.
 * Read-only. Permission: IndustryData-Run.Read.All.
 */
export function getLatestRun(args: GetLatestRunArgs = {}): Promise<GetLatestRunResult> {
  return invokeLookup("getLatestRun", args) as Promise<GetLatestRunResult>;
}

/** {@link getLatestRun} with arguments that may be Outputs. */
export function getLatestRunOutput(args: pulumi.Input<{ finishedOnly?: pulumi.Input<boolean> }> = {}): pulumi.Output<GetLatestRunResult> {
  return pulumi.output(args).apply((plain) => getLatestRun(plain as GetLatestRunArgs));
}

/** Whether an outbound flow set is ready: each flow's readinessStatus. Read-only. Permission: IndustryData-OutboundFlow.Read.All. */
export function getFlowSetReadiness(args: GetFlowSetReadinessArgs): Promise<GetFlowSetReadinessResult> {
  return invokeLookup("getFlowSetReadiness", args) as Promise<GetFlowSetReadinessResult>;
}

/** {@link getFlowSetReadiness} with arguments that may be Outputs (a flow set's id created in the same program). */
export function getFlowSetReadinessOutput(args: pulumi.Input<{ flowSetId: pulumi.Input<string> }>): pulumi.Output<GetFlowSetReadinessResult> {
  return pulumi.output(args).apply((plain) => getFlowSetReadiness(plain as GetFlowSetReadinessArgs));
}

/** Runs a lookup of the shared table with this process's configuration; the Graph layer is loaded on first use. */
async function invokeLookup(name: string, args: object): Promise<unknown> {
  // Loaded here, not at import: a program that only declares resources never pays for the Graph client.
  const { runLookup } = require("../operations") as typeof import("../operations");
  const { resolveProviderConfig } = require("../config") as typeof import("../config");
  const { createGraphClient } = require("../graph") as typeof import("../graph");
  const config = resolveProviderConfig((key) => pulumi.runtime.getConfig(key), process.env);
  const client = createGraphClient(config);
  try {
    return await runLookup(client, name, args as JsonObject);
  } finally {
    client.close();
  }
}

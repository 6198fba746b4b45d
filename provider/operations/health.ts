/**
 * `industrydata health`: one report a nightly job can gate on. `gatherHealth` reads the tenant (connectors and
 * their last validation, the latest runs, every flow's readiness; GETs only); `evaluateHealth` is pure: the
 * snapshot against the user's thresholds, each check passing, warning or failing, so it is tested table-driven.
 */
import type { GraphClient } from "../graph";
import type { JsonObject } from "../reconcile";
import { latestValidation, listConnectors, type ValidationResult } from "./connectorValidation";
import { listFlowSetReadiness, listInboundFlowReadiness, type FlowReadiness, type FlowSetReadiness } from "./flowReadiness";
import { getRun, isRunFinished, listRuns, type RunInfo } from "./runs";

/** A connector and what Graph last said of it. */
export interface ConnectorHealth {
  id: string;
  displayName: string;
  kind: "file" | "api" | "other";
  /** A CSV connector's latest validation operation, if Graph keeps one. */
  lastValidation?: ValidationResult;
  /** An API connector's `credential.isValid` (null: never validated). */
  credentialValid?: boolean | null;
}

/** What health is judged on. */
export interface HealthSnapshot {
  connectors: ConnectorHealth[];
  /** The newest finished run, with its statistics. */
  lastRun?: RunInfo;
  /** A run still going, if any. */
  runningRun?: { id: string; startDateTime: string };
  flowSets: FlowSetReadiness[];
  inboundFlows: FlowReadiness[];
}

/** The limits the user sets; undefined means no limit. */
export interface HealthThresholds {
  /** Errors the last run may report (default 0). */
  maxErrors?: number;
  maxWarnings?: number;
  /** Users no Entra user matched, summed over roles. */
  maxUnmatchedUsers?: number;
  /** How old the last finished run may be, hours (default 24: runs are every 12 hours). */
  maxRunAgeHours?: number;
}

export type HealthOutcome = "pass" | "warn" | "fail";

/** One line of the report. */
export interface HealthCheck {
  /** What was checked, e.g. `connector "CSV connector"`, `last run errors`. */
  check: string;
  outcome: HealthOutcome;
  detail: string;
}

/** The report: healthy when no check failed. */
export interface HealthReport {
  healthy: boolean;
  checks: HealthCheck[];
  thresholds: Required<Pick<HealthThresholds, "maxErrors" | "maxRunAgeHours">> & Omit<HealthThresholds, "maxErrors" | "maxRunAgeHours">;
  lastRun?: RunInfo;
}

export const DEFAULT_THRESHOLDS = { maxErrors: 0, maxRunAgeHours: 24 } as const;

/** Reads what health is judged on (GETs only; never validates or starts anything). */
export async function gatherHealth(client: GraphClient): Promise<HealthSnapshot> {
  const [connectors, runs, flowSets, inboundFlows] = await Promise.all([
    listConnectors(client),
    listRuns(client),
    listFlowSetReadiness(client),
    listInboundFlowReadiness(client),
  ]);
  const finished = runs.find((run) => isRunFinished(String(run.status)));
  const running = runs.find((run) => run.status === "running");
  return {
    connectors: await Promise.all(connectors.map((c) => connectorHealth(client, c))),
    ...(finished !== undefined ? { lastRun: await getRun(client, finished.id) } : {}),
    ...(running !== undefined ? { runningRun: { id: running.id, startDateTime: running.startDateTime } } : {}),
    flowSets,
    inboundFlows,
  };
}

async function connectorHealth(client: GraphClient, connector: JsonObject): Promise<ConnectorHealth> {
  const type = String(connector["@odata.type"] ?? "");
  const base = { id: String(connector.id), displayName: String(connector.displayName ?? "") };
  if (type.endsWith("azureDataLakeConnector")) {
    const last = await latestValidation(client, base.id);
    return { ...base, kind: "file", ...(last !== undefined ? { lastValidation: last } : {}) };
  }
  const credential = connector.credential as JsonObject | null | undefined;
  if (credential !== undefined && credential !== null) {
    return { ...base, kind: "api", credentialValid: typeof credential.isValid === "boolean" ? credential.isValid : null };
  }
  return { ...base, kind: "other" };
}

/** Judges a snapshot against the thresholds. Pure. */
export function evaluateHealth(snapshot: HealthSnapshot, thresholds: HealthThresholds = {}, now: number = Date.now()): HealthReport {
  const limits = { ...DEFAULT_THRESHOLDS, ...definedOnly(thresholds) };
  const checks: HealthCheck[] = [
    ...snapshot.connectors.map(connectorCheck),
    ...runChecks(snapshot, limits, now),
    ...snapshot.flowSets.flatMap((set) => set.flows.map((flow) => flowCheck(`flow ${flow.kind} in set "${set.displayName}"`, flow))),
    ...snapshot.inboundFlows.map((flow) => flowCheck(`inbound flow "${flow.displayName}"`, flow)),
  ];
  if (snapshot.connectors.length === 0) checks.unshift({ check: "data connectors", outcome: "warn", detail: "the tenant has no data connector" });
  return { healthy: checks.every((c) => c.outcome !== "fail"), checks, thresholds: limits, ...(snapshot.lastRun !== undefined ? { lastRun: snapshot.lastRun } : {}) };
}

function connectorCheck(connector: ConnectorHealth): HealthCheck {
  const check = `connector "${connector.displayName}"`;
  if (connector.kind === "api") {
    if (connector.credentialValid === true) return { check, outcome: "pass", detail: "credential valid" };
    if (connector.credentialValid === false) return { check, outcome: "fail", detail: "credential invalid: rotate the secret, then `industrydata validate`" };
    return { check, outcome: "warn", detail: "credential never validated (`industrydata validate`)" };
  }
  if (connector.kind === "file") {
    const last = connector.lastValidation;
    if (last === undefined) return { check, outcome: "warn", detail: "no validation on record (`industrydata upload` validates)" };
    if (last.valid) return { check, outcome: "pass", detail: `last validation succeeded (${last.validatedFiles.length} file(s), ${last.warnings.length} warning(s))` };
    if (last.status !== "succeeded" && last.status !== "failed") return { check, outcome: "warn", detail: `validation ${last.operationId} is ${last.status}` };
    const first = last.errors[0];
    return { check, outcome: "fail", detail: `last validation ${last.status} with ${last.errors.length} error(s)${first !== undefined ? `: ${first.code} ${first.message}` : ""}` };
  }
  return { check, outcome: "pass", detail: "no validation applies" };
}

function runChecks(snapshot: HealthSnapshot, limits: HealthReport["thresholds"], now: number): HealthCheck[] {
  const run = snapshot.lastRun;
  const running = snapshot.runningRun !== undefined ? ` (run ${snapshot.runningRun.id} is running since ${snapshot.runningRun.startDateTime})` : "";
  if (run === undefined) return [{ check: "last run", outcome: "fail", detail: `no run has finished yet${running}` }];
  const checks: HealthCheck[] = [];
  const finishedAt = Date.parse(run.endDateTime ?? run.startDateTime);
  // Never negative: a server clock ahead of ours (the emulator's fast clock) is not a run from the future.
  const ageHours = Math.max(0, (now - finishedAt) / 3600_000);
  const outcome = run.status === "failed" ? "fail" : "pass";
  checks.push({ check: "last run", outcome, detail: `${run.status} at ${run.endDateTime ?? run.startDateTime}${run.blockingError ? `: ${run.blockingError.code} ${run.blockingError.message}` : ""}${running}` });
  checks.push(
    ageHours > limits.maxRunAgeHours
      ? { check: "last run age", outcome: "fail", detail: `${ageHours.toFixed(1)} h old, more than --max-run-age ${limits.maxRunAgeHours} h` }
      : { check: "last run age", outcome: "pass", detail: `${ageHours.toFixed(1)} h old (limit ${limits.maxRunAgeHours} h)` },
  );
  const stats = run.statistics;
  if (stats === undefined) {
    checks.push({ check: "last run statistics", outcome: "warn", detail: "Graph has no statistics for the run" });
    return checks;
  }
  checks.push(limitCheck("last run errors", stats.errors, limits.maxErrors, "--max-errors"));
  checks.push(limitCheck("last run warnings", stats.warnings, limits.maxWarnings, "--max-warnings"));
  checks.push(limitCheck("unmatched users", stats.unmatchedPeople, limits.maxUnmatchedUsers, "--max-unmatched-users", byRole(stats.unmatchedPeopleByRole)));
  return checks;
}

function limitCheck(check: string, value: number, limit: number | undefined, option: string, extra = ""): HealthCheck {
  if (limit === undefined) return { check, outcome: "pass", detail: `${value}${extra} (no limit set)` };
  if (value > limit) return { check, outcome: "fail", detail: `${value}${extra}, more than ${option} ${limit}` };
  return { check, outcome: "pass", detail: `${value}${extra} (limit ${limit})` };
}

function byRole(counts: { role: string; count: number }[]): string {
  const nonZero = counts.filter((c) => c.count > 0);
  return nonZero.length > 0 ? ` (${nonZero.map((c) => `${c.role} ${c.count}`).join(", ")})` : "";
}

function flowCheck(check: string, flow: FlowReadiness): HealthCheck {
  if (flow.readinessStatus === "ready") return { check, outcome: "pass", detail: "ready" };
  // A disabled flow is someone's decision; every other state stops provisioning.
  if (flow.readinessStatus === "disabled") return { check, outcome: "warn", detail: "disabled" };
  return { check, outcome: "fail", detail: flow.readinessStatus };
}

function definedOnly(thresholds: HealthThresholds): HealthThresholds {
  return Object.fromEntries(Object.entries(thresholds).filter(([, v]) => v !== undefined)) as HealthThresholds;
}

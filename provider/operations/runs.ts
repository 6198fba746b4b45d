import { isGraphError, type GraphClient } from "../graph";
import type { JsonObject } from "../reconcile";
import { runActivitiesPath, runPath, runsPath, runStatisticsPath, startRunPath } from "./operationalPaths";
import { pollUntil } from "./polling";
import { isNotFound } from "./resourceOperations";

/** Graph's `industryDataRunStatus`. */
export type RunStatus = "running" | "failed" | "completed" | "completedWithErrors" | "completedWithWarnings" | "unknownFutureValue";

/** A Graph error as a run or activity reports it (`blockingError`). */
export interface RunError {
  code: string;
  message: string;
}

/**
 * Counts of one entity type: an activity's `industryDataRunEntityCountMetric` (active, inactive, total), or a
 * run's `aggregatedInboundStatistics`, which Graph types as a plain Int32 (only `total` then).
 */
export interface EntityCounts {
  active?: number;
  inactive?: number;
  total: number;
}

/** People counted by role (`industryDataRunRoleCountMetric`). */
export interface RoleCount {
  role: string;
  count: number;
}

/** A run's (or one activity's) statistics: `aggregatedInboundStatistics` / `inboundActivityResults`, with sums. */
export interface RunStatistics {
  errors: number;
  warnings: number;
  people?: EntityCounts;
  organizations?: EntityCounts;
  groups?: EntityCounts;
  memberships?: EntityCounts;
  /** Users matched to a Microsoft Entra user: the sum of `matchedPeopleByRole`. */
  matchedPeople: number;
  /** Users no Entra user matched: the sum of `unmatchedPeopleByRole`. */
  unmatchedPeople: number;
  matchedPeopleByRole: RoleCount[];
  unmatchedPeopleByRole: RoleCount[];
}

/** One flow's part of a run: its status, and its statistics when Graph has them. */
export interface RunActivity {
  id: string;
  displayName: string;
  status: string;
  blockingError?: RunError;
  statistics?: RunStatistics;
}

/** A run as the lookups and commands show it. */
export interface RunInfo {
  id: string;
  displayName: string;
  status: RunStatus | string;
  startDateTime: string;
  /** Null while the run is going. */
  endDateTime: string | null;
  blockingError?: RunError;
  activities: RunActivity[];
  /** The run's totals (`inboundTotals`); absent when Graph has none yet. */
  statistics?: RunStatistics;
}

/** Statuses after which a run changes no more. */
const FINISHED: ReadonlySet<string> = new Set(["failed", "completed", "completedWithErrors", "completedWithWarnings"]);
/** Runs that count against the on-demand limit: Graph documents "5 successful runs per 12 hours". */
const SUCCESSFUL: ReadonlySet<string> = new Set(["completed", "completedWithErrors", "completedWithWarnings"]);

/** Graph's documented limit on runs (reference §5, notes on `start`). */
export const RUN_LIMIT = { runs: 5, windowHours: 12 } as const;

/** True once a run's status is final. */
export function isRunFinished(status: string): boolean {
  return FINISHED.has(status);
}

/** Every run of the tenant, newest first (by `startDateTime`). */
export async function listRuns(client: GraphClient): Promise<RunInfo[]> {
  const runs = (await client.list<JsonObject>(runsPath)).map((run) => toRunInfo(run));
  return runs.sort((a, b) => Date.parse(b.startDateTime) - Date.parse(a.startDateTime));
}

/** One run with its activities and statistics (three GETs: the run, its activities, `getStatistics`). */
export async function getRun(client: GraphClient, runId: string): Promise<RunInfo> {
  return (await readRun(client, runId)).value;
}

/** {@link getRun}, with the `Retry-After` Graph sent on the run's GET (its polling interval while running). */
async function readRun(client: GraphClient, runId: string): Promise<{ value: RunInfo; retryAfterSeconds?: number }> {
  const [run, activities, statistics] = await Promise.all([
    client.request<JsonObject>("GET", runPath(runId)).catch((error: unknown) => {
      throw isNotFound(error) ? new Error(`run ${runId} does not exist (404)`) : error;
    }),
    client.list<JsonObject>(runActivitiesPath(runId)),
    readStatistics(client, runId),
  ]);
  const value = toRunInfo(run.body ?? {}, activities, statistics);
  return run.retryAfterSeconds !== undefined ? { value, retryAfterSeconds: run.retryAfterSeconds } : { value };
}

/**
 * The newest run (optionally the newest finished one), with activities and statistics; undefined when the
 * tenant has no run yet.
 */
export async function getLatestRun(client: GraphClient, options: { finishedOnly?: boolean } = {}): Promise<RunInfo | undefined> {
  const runs = await listRuns(client);
  const latest = options.finishedOnly === true ? runs.find((run) => isRunFinished(String(run.status))) : runs[0];
  return latest === undefined ? undefined : getRun(client, latest.id);
}

/** What `startRun` found and did. */
export interface StartedRun {
  /** The run Graph started, when it is listed already (Graph's 202 names none). */
  run?: RunInfo;
  /** Successful runs in the last 12 hours before this one (the limit counts these). */
  recentSuccessfulRuns: number;
}

/** Why a run was not started: the limit, or one still running. Its message says what to do. */
export class RunNotStartedError extends Error {
  override readonly name = "RunNotStartedError";
}

/**
 * Starts an on-demand run (POST `runs/start`, 202). Before sending, it refuses when Graph's limit (5 successful
 * runs per 12 hours) is reached or a run is still going, with a message naming the runs and when the oldest
 * leaves the window; Graph's own refusal of a start (throttling) gets the same explanation.
 */
export async function startRun(client: GraphClient, options: { now?: () => number } = {}): Promise<StartedRun> {
  const now = (options.now ?? Date.now)();
  const before = await listRuns(client);
  const running = before.find((run) => run.status === "running");
  if (running !== undefined) {
    throw new RunNotStartedError(`run ${running.id} (started ${running.startDateTime}) is still running; wait for it (industrydata runs status --wait) before starting another`);
  }
  const windowStart = now - RUN_LIMIT.windowHours * 3600_000;
  const recent = before.filter((run) => SUCCESSFUL.has(String(run.status)) && Date.parse(run.startDateTime) >= windowStart);
  if (recent.length >= RUN_LIMIT.runs) {
    const oldest = recent[recent.length - 1];
    const freeAt = new Date(Date.parse(oldest.startDateTime) + RUN_LIMIT.windowHours * 3600_000).toISOString();
    throw new RunNotStartedError(
      `the on-demand run limit is reached: Graph allows ${RUN_LIMIT.runs} successful runs per ${RUN_LIMIT.windowHours} hours and ` +
        `${recent.length} ran since ${new Date(windowStart).toISOString()}; the next start is possible after ${freeAt} (no request was sent)`,
    );
  }
  let accepted;
  try {
    accepted = await client.request("POST", startRunPath);
  } catch (error) {
    // 429: the limit (Graph counts runs this client cannot see, e.g. from the portal); 409: a run is going or
    // there is nothing to run. Either way no run started, and Graph's message says which.
    if (isGraphError(error) && error.status === 429) {
      throw new RunNotStartedError(`the on-demand run limit is reached (Graph allows ${RUN_LIMIT.runs} successful runs per ${RUN_LIMIT.windowHours} hours): ${error.message}`);
    }
    if (isGraphError(error) && error.status === 409) throw new RunNotStartedError(`Graph refused to start a run: ${error.message}`);
    throw error;
  }
  // Graph documents no body and no Location for the 202; when a Location names the run, it is used, else the
  // new run is the one the list did not hold before.
  const located = accepted.location !== undefined ? /\/runs\/([^/?]+)$/.exec(accepted.location)?.[1] : undefined;
  const known = new Set(before.map((run) => run.id));
  const startedId = located !== undefined ? decodeURIComponent(located) : (await listRuns(client)).find((run) => !known.has(run.id))?.id;
  return { ...(startedId !== undefined ? { run: await getRun(client, startedId) } : {}), recentSuccessfulRuns: recent.length };
}

/** Polls a run until it finishes; `onRead` sees each state (progress display). */
export function waitForRun(
  client: GraphClient,
  runId: string,
  options: { intervalMs: number; timeoutMs?: number; onRead?(run: RunInfo): void; sleep?(ms: number): Promise<void> },
): Promise<RunInfo> {
  return pollUntil<RunInfo>({
    read: () => readRun(client, runId),
    done: (run) => isRunFinished(String(run.status)),
    intervalMs: options.intervalMs,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    what: `run ${runId}`,
    ...(options.onRead !== undefined ? { onRead: (run: RunInfo) => options.onRead!(run) } : {}),
    ...(options.sleep !== undefined ? { sleep: options.sleep } : {}),
  });
}

/** `getStatistics`, or undefined while Graph has none for the run (404). */
async function readStatistics(client: GraphClient, runId: string): Promise<JsonObject | undefined> {
  try {
    return await client.get<JsonObject>(runStatisticsPath(runId));
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** A run from Graph's JSON, with its activities joined to their statistics (by `activityId`, else by name). */
export function toRunInfo(run: JsonObject, activities: JsonObject[] = [], statistics?: JsonObject): RunInfo {
  const perActivity = Array.isArray(statistics?.activityStatistics) ? (statistics.activityStatistics as JsonObject[]) : [];
  const joined: RunActivity[] = activities.map((activity) => {
    const stats = perActivity.find((s) => s.activityId === activity.id) ?? perActivity.find((s) => s.displayName === activity.displayName);
    return activityInfo(activity, stats);
  });
  // Statistics of an activity the activities list did not name (a differently shaped id) are still shown.
  for (const stats of perActivity) {
    if (!activities.some((a) => a.id === stats.activityId || a.displayName === stats.displayName)) {
      joined.push(activityInfo({ id: stats.activityId, displayName: stats.displayName, status: stats.status }, stats));
    }
  }
  const info: RunInfo = {
    id: String(run.id),
    displayName: String(run.displayName ?? ""),
    status: String(run.status ?? "unknownFutureValue"),
    startDateTime: String(run.startDateTime ?? ""),
    endDateTime: typeof run.endDateTime === "string" ? run.endDateTime : null,
    activities: joined,
  };
  const blocking = toRunError(run.blockingError);
  if (blocking !== undefined) info.blockingError = blocking;
  const totals = statistics?.inboundTotals;
  if (totals !== null && typeof totals === "object") info.statistics = toStatistics(totals as JsonObject);
  return info;
}

function activityInfo(activity: JsonObject, stats: JsonObject | undefined): RunActivity {
  const info: RunActivity = {
    id: String(activity.id ?? ""),
    displayName: String(activity.displayName ?? ""),
    status: String(activity.status ?? stats?.status ?? "unknownFutureValue"),
  };
  const blocking = toRunError(activity.blockingError);
  if (blocking !== undefined) info.blockingError = blocking;
  if (stats !== undefined) info.statistics = toStatistics(stats);
  return info;
}

function toStatistics(source: JsonObject): RunStatistics {
  const matched = roleCounts(source.matchedPeopleByRole);
  const unmatched = roleCounts(source.unmatchedPeopleByRole);
  const stats: RunStatistics = {
    errors: count(source.errors),
    warnings: count(source.warnings),
    matchedPeople: matched.reduce((sum, r) => sum + r.count, 0),
    unmatchedPeople: unmatched.reduce((sum, r) => sum + r.count, 0),
    matchedPeopleByRole: matched,
    unmatchedPeopleByRole: unmatched,
  };
  for (const key of ["people", "organizations", "groups", "memberships"] as const) {
    const metric = source[key];
    if (typeof metric === "number") stats[key] = { total: count(metric) };
    else if (metric !== null && typeof metric === "object") {
      const m = metric as JsonObject;
      stats[key] = { active: count(m.active), inactive: count(m.inactive), total: count(m.total) };
    }
  }
  return stats;
}

function roleCounts(value: unknown): RoleCount[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => ({ role: String((item as JsonObject)?.role ?? ""), count: count((item as JsonObject)?.count) }));
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

function toRunError(value: unknown): RunError | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const error = value as JsonObject;
  if (error.code === undefined && error.message === undefined) return undefined;
  return { code: String(error.code ?? ""), message: String(error.message ?? "") };
}

/**
 * `/external/industryData/runs`: the runs of the inbound flows, `runs/start` (on demand, at most five runs every
 * 12 hours, one at a time), their activities and `getStatistics`. A run is planned when it starts
 * (model/runPlan.ts) and completes on the emulator's clock.
 */
import { randomUUID } from "node:crypto";
import { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { SCOPES } from "../auth/permissions";
import { EmulatorContext } from "../context";
import { badRequest, GraphHttpError, notFound } from "../graphError";
import { formatGraphTime, parseGraphTime } from "../model/emulatorClock";
import { inboundTotals, planRun } from "../model/runPlan";
import { StoredRun, StoredRunActivity, TenantState } from "../model/tenant";
import { odataType } from "../schemas/edm";
import { INDUSTRY_DATA_PATH, renderEntity } from "./entityRoutes";
import { collectionDefs } from "./inboundCollections";
import { paginate, requestGraphUrl, requestOrigin } from "./odata";

export const RUNS_PATH = `${INDUSTRY_DATA_PATH}/runs`;

/** Emulated seconds a run takes. */
export const RUN_SECONDS = 60;
/** Graph: "up to five successful runs every 12 hours". */
export const RUN_LIMIT = 5;
export const RUN_WINDOW_HOURS = 12;

function findRun(state: Readonly<TenantState>, id: string): StoredRun {
  const run = state.runs.find((r) => r.id.toLowerCase() === id.toLowerCase());
  if (!run) throw notFound(`The industryDataRun '${id}' was not found.`);
  return run;
}

function findActivity(run: StoredRun, id: string): StoredRunActivity {
  const activity = run.activities.find((a) => a.id.toLowerCase() === id.toLowerCase());
  if (!activity) throw notFound(`The industryDataRunActivity '${id}' was not found in run '${run.id}'.`);
  return activity;
}

function renderActivity(activity: StoredRunActivity): Record<string, unknown> {
  return {
    "@odata.type": odataType("inboundFlowActivity"),
    id: activity.id,
    displayName: activity.displayName,
    status: activity.status,
    blockingError: activity.blockingError,
  };
}

function renderRun(run: StoredRun, expandActivities: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    "@odata.type": odataType("industryDataRun"),
    id: run.id,
    displayName: run.displayName,
    startDateTime: run.startDateTime,
    endDateTime: run.endDateTime,
    status: run.status,
    blockingError: run.blockingError,
  };
  if (expandActivities) out.activities = run.activities.map(renderActivity);
  return out;
}

function statistics(run: StoredRun): Record<string, unknown> {
  const done = run.status !== "running";
  return {
    "@odata.type": odataType("industryDataRunStatistics"),
    runId: run.id,
    status: run.status,
    inboundTotals: inboundTotals(run),
    activityStatistics: run.activities.map((a) => {
      const c = a.outcome.counts;
      const zero = { active: 0, inactive: 0, total: 0 };
      return {
        "@odata.type": odataType("inboundActivityResults"),
        activityId: a.id,
        displayName: a.displayName,
        status: a.status,
        errors: done ? c.errors : 0,
        warnings: done ? c.warnings : 0,
        groups: done ? c.groups : zero,
        memberships: done ? c.memberships : zero,
        organizations: done ? c.organizations : zero,
        people: done ? c.people : zero,
        matchedPeopleByRole: done ? c.matchedPeopleByRole : [],
        unmatchedPeopleByRole: done ? c.unmatchedPeopleByRole : [],
      };
    }),
  };
}

function setRetryAfter(ctx: EmulatorContext, reply: FastifyReply, run: StoredRun): void {
  if (run.status === "running") reply.header("Retry-After", String(ctx.clock.retryAfterSeconds(parseGraphTime(run.completesAt))));
}

/** `$expand=activities` only (the metadata's one navigation of a run). */
function expandsActivities(request: FastifyRequest): boolean {
  const expand = (request.query as Record<string, string | undefined>).$expand;
  if (expand === undefined) return false;
  if (expand.trim().toLowerCase() !== "activities") throw badRequest(`Could not find a navigation property named '${expand}' on type 'microsoft.graph.industryData.industryDataRun' to $expand. Expandable: activities.`);
  return true;
}

/** `$filter=status eq '…'` (the one filter served on runs). */
function statusFilter(request: FastifyRequest): string | undefined {
  const filter = (request.query as Record<string, string | undefined>).$filter;
  if (filter === undefined) return undefined;
  const m = /^\s*status\s+eq\s+'([^']*)'\s*$/i.exec(filter);
  if (!m) throw badRequest(`Invalid $filter '${filter}': the emulator serves only "status eq '<status>'" on runs.`);
  return m[1];
}

/** `$orderby=startDateTime [asc|desc]`. */
function ordering(request: FastifyRequest): "asc" | "desc" {
  const orderby = (request.query as Record<string, string | undefined>).$orderby;
  if (orderby === undefined) return "asc";
  const m = /^\s*startDateTime(?:\s+(asc|desc))?\s*$/i.exec(orderby);
  if (!m) throw badRequest(`Invalid $orderby '${orderby}': the emulator orders runs by startDateTime (asc or desc) only.`);
  return (m[1]?.toLowerCase() as "asc" | "desc" | undefined) ?? "asc";
}

/** Runs counted against the limit at `now`: started within the window and not failed. */
function runsInWindow(state: Readonly<TenantState>, now: number): StoredRun[] {
  const since = now - RUN_WINDOW_HOURS * 3_600_000;
  return state.runs.filter((r) => parseGraphTime(r.startDateTime) > since && r.status !== "failed");
}

/** Registers the run routes. */
export function runRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const read = { config: { access: "read" as const, scopes: SCOPES.runs } };

  for (const action of ["start", "microsoft.graph.industryData.start"]) {
    app.post(`${RUNS_PATH}/${action}`, { config: { access: "write", scopes: SCOPES.runStart } }, async (request, reply) => {
      const now = ctx.clock.now();
      const run = await ctx.store.update((state) => {
        const running = state.runs.find((r) => r.status === "running");
        if (running) {
          throw new GraphHttpError({ status: 409, code: "Conflict", message: `Run '${running.id}' is still running; start another once it has completed.` });
        }
        const counted = runsInWindow(state, now);
        if (counted.length >= RUN_LIMIT) {
          const oldest = Math.min(...counted.map((r) => parseGraphTime(r.startDateTime)));
          const nextAt = oldest + RUN_WINDOW_HOURS * 3_600_000;
          throw new GraphHttpError({
            status: 429,
            code: "TooManyRequests",
            message: `At most ${RUN_LIMIT} runs may start every ${RUN_WINDOW_HOURS} hours; ${counted.length} started since ${formatGraphTime(now - RUN_WINDOW_HOURS * 3_600_000)}. The next run may start at ${formatGraphTime(nextAt)}.`,
            headers: { "Retry-After": String(Math.ceil(Math.max(0, nextAt - now) / 1000 / (ctx.clock.speed || 1))) },
          });
        }
        if (state.inboundFlows.length === 0) {
          throw new GraphHttpError({ status: 409, code: "Conflict", message: "There is no inbound flow to run: create one first." });
        }
        const planned = planRun(state, now, RUN_SECONDS * 1000, randomUUID);
        state.runs.push(planned);
        return planned;
      });
      reply.code(202).header("Location", `${requestOrigin(request)}${RUNS_PATH}/${run.id}`);
      setRetryAfter(ctx, reply, run);
      return reply.send();
    });
  }

  app.get(RUNS_PATH, read, async (request) => {
    const expand = expandsActivities(request);
    const status = statusFilter(request);
    const order = ordering(request);
    return ctx.store.read((state) => {
      let runs = state.runs.filter((r) => status === undefined || r.status.toLowerCase() === status.toLowerCase());
      runs = [...runs].sort((a, b) => parseGraphTime(a.startDateTime) - parseGraphTime(b.startDateTime));
      if (order === "desc") runs.reverse();
      const page = paginate(runs.map((r) => renderRun(r, expand)), request, ctx.options.pageSize);
      return {
        "@odata.context": `${requestGraphUrl(request)}/$metadata#external/industryData/runs`,
        ...(page.nextLink ? { "@odata.nextLink": page.nextLink } : {}),
        value: page.value,
      };
    });
  });

  app.get(`${RUNS_PATH}/:id`, read, async (request, reply) => {
    const { id } = request.params as { id: string };
    const expand = expandsActivities(request);
    return ctx.store.read((state) => {
      const run = findRun(state, id);
      setRetryAfter(ctx, reply, run);
      return { "@odata.context": `${requestGraphUrl(request)}/$metadata#external/industryData/runs/$entity`, ...renderRun(run, expand) };
    });
  });

  for (const fn of ["getStatistics", "microsoft.graph.industryData.getStatistics"]) {
    app.get(`${RUNS_PATH}/:id/${fn}`, read, async (request, reply) => {
      const { id } = request.params as { id: string };
      return ctx.store.read((state) => {
        const run = findRun(state, id);
        setRetryAfter(ctx, reply, run);
        return { "@odata.context": `${requestGraphUrl(request)}/$metadata#microsoft.graph.industryData.industryDataRunStatistics`, ...statistics(run) };
      });
    });
  }

  app.get(`${RUNS_PATH}/:id/activities`, read, async (request) => {
    const { id } = request.params as { id: string };
    return ctx.store.read((state) => {
      const run = findRun(state, id);
      const page = paginate(run.activities.map(renderActivity), request, ctx.options.pageSize);
      return {
        "@odata.context": `${requestGraphUrl(request)}/$metadata#external/industryData/runs('${run.id}')/activities`,
        ...(page.nextLink ? { "@odata.nextLink": page.nextLink } : {}),
        value: page.value,
      };
    });
  });

  app.get(`${RUNS_PATH}/:id/activities/:activityId`, read, async (request) => {
    const { id, activityId } = request.params as { id: string; activityId: string };
    return ctx.store.read((state) => {
      const run = findRun(state, id);
      return { "@odata.context": `${requestGraphUrl(request)}/$metadata#external/industryData/runs('${run.id}')/activities/$entity`, ...renderActivity(findActivity(run, activityId)) };
    });
  });

  app.get(`${RUNS_PATH}/:id/activities/:activityId/activity`, read, async (request) => {
    const { id, activityId } = request.params as { id: string; activityId: string };
    return ctx.store.read((state) => {
      const activity = findActivity(findRun(state, id), activityId);
      const flow = state.inboundFlows.find((f) => f.id === activity.flowId);
      if (!flow) throw notFound(`The inbound flow '${activity.flowId}' of activity '${activity.id}' no longer exists.`);
      return renderEntity(collectionDefs.inboundFlows, flow, request, state, { expand: [] }, { context: `${requestGraphUrl(request)}/$metadata#external/industryData/inboundFlows/$entity` });
    });
  });
}

/** A run planted through the admin API: terminal (or running) at once, with the totals given. */
export function plantedRun(body: PlantedRunBody, now: number): StoredRun {
  const start = body.startDateTime ? parseGraphTime(body.startDateTime) : now;
  const status = body.status;
  const blockingError = body.blockingError ? { code: body.blockingError.code, message: body.blockingError.message, target: body.blockingError.target ?? null, details: [], innerError: null } : null;
  const running = status === "running";
  const iso = new Date(start).toISOString();
  return {
    id: randomUUID(),
    displayName: `Run ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`,
    startDateTime: formatGraphTime(start),
    completesAt: formatGraphTime(running ? start + RUN_SECONDS * 1000 : start),
    endDateTime: running ? null : formatGraphTime(start),
    status: running ? "running" : status,
    blockingError: running ? null : blockingError,
    planted: true,
    activities: [],
    outcome: { status: running ? "completed" : status, blockingError },
    totals: { errors: 0, warnings: 0, organizations: 0, people: 0, groups: 0, memberships: 0, matchedPeopleByRole: [], unmatchedPeopleByRole: [], ...(body.statistics ?? {}) },
  };
}

/** `POST /_emulator/runs`. */
export interface PlantedRunBody {
  status: "running" | "failed" | "completed" | "completedWithErrors" | "completedWithWarnings";
  startDateTime?: string;
  blockingError?: { code: string; message: string; target?: string | null };
  statistics?: NonNullable<StoredRun["totals"]>;
}

/**
 * What a run does, decided when it starts: one activity per inbound flow, each with the status and counts it
 * reports once the run completes, derived from the data its connector last validated clean and from the
 * configuration (the source system's user matching settings, the role groups, the emulated Entra users).
 * Pure: state and time in, run out.
 */
import { formatGraphTime, parseGraphTime } from "./emulatorClock";
import {
  EntityCount, EntraUser, PublicError, RunCounts, StoredDataset, StoredEntity, StoredRun, StoredRunActivity, TenantState,
} from "./tenant";

const STATUS_ORDER = ["completedWithErrors", "completedWithWarnings", "completed"] as const;

function blocking(code: string, message: string, target: string | null = null): PublicError {
  return { code, message, target, details: [], innerError: null };
}

export function zeroCounts(): RunCounts {
  const zero = (): EntityCount => ({ active: 0, inactive: 0, total: 0 });
  return { errors: 0, warnings: 0, organizations: zero(), people: zero(), groups: zero(), memberships: zero(), matchedPeopleByRole: [], unmatchedPeopleByRole: [] };
}

function entityCount(current: string[], previous: string[] | undefined): EntityCount {
  const now = new Set(current);
  const inactive = (previous ?? []).filter((id) => !now.has(id)).length;
  return { active: now.size, inactive, total: now.size + inactive };
}

function byRole(counts: Map<string, number>): { role: string; count: number }[] {
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([role, count]) => ({ role, count }));
}

const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

/** The Entra property a matchTarget code names. */
const matchTargetProperty: Record<string, keyof EntraUser> = {
  userprincipalname: "userPrincipalName",
  mail: "mail",
  mailnickname: "mailNickname",
  employeeid: "employeeId",
};

interface MatchingSetting {
  roleGroupId: string;
  priorityOrder: number;
  sourceIdentifier?: { code?: string } | null;
  matchTarget?: { code?: string } | null;
}

/** The counts a file flow reports for `dataset`, compared with what its previous run processed. */
function fileFlowCounts(state: Readonly<TenantState>, connector: StoredEntity, dataset: StoredDataset, previous: StoredRunActivity["processed"]): { counts: RunCounts; processed: NonNullable<StoredRunActivity["processed"]> } {
  const sourceSystem = state.sourceSystems.find((s) => s.id === connector.sourceSystemId);
  const settings = ((sourceSystem?.userMatchingSettings as MatchingSetting[] | null | undefined) ?? []).slice().sort((a, b) => a.priorityOrder - b.priorityOrder);
  const counts = zeroCounts();
  const matched = new Map<string, number>();
  const unmatched = new Map<string, number>();
  const processedPeople: string[] = [];
  let errors = 0;
  let warnings = dataset.warnings;
  for (const person of dataset.people) {
    const role = person.roles[0];
    if (role === undefined) {
      // In users.csv with no roles.csv row: kept, not provisioned by role.
      warnings++;
      processedPeople.push(person.sourcedId);
      continue;
    }
    const group = state.roleGroups.find((g) => g.roles.some((r) => r.code.toLowerCase() === role.toLowerCase()));
    const setting = group && settings.find((s) => s.roleGroupId.toLowerCase() === group.id.toLowerCase());
    const identifierCode = setting?.sourceIdentifier?.code ?? "";
    const identifier = Object.entries(person.identifiers).find(([k]) => k.toLowerCase() === identifierCode.toLowerCase())?.[1] ?? "";
    if (!group || !setting || !identifier) {
      errors++; // the record is dropped: it cannot be matched
      continue;
    }
    processedPeople.push(person.sourcedId);
    const property = matchTargetProperty[(setting.matchTarget?.code ?? "").toLowerCase()];
    const found = property !== undefined && state.entraUsers.some((u) => String(u[property] ?? "").toLowerCase() === identifier.toLowerCase());
    bump(found ? matched : unmatched, role);
  }
  const processed = { orgIds: dataset.orgIds, personIds: processedPeople, classIds: dataset.classIds, membershipKeys: dataset.membershipKeys };
  counts.errors = errors;
  counts.warnings = warnings;
  counts.organizations = entityCount(processed.orgIds, previous?.orgIds);
  counts.people = entityCount(processed.personIds, previous?.personIds);
  counts.groups = entityCount(processed.classIds, previous?.classIds);
  counts.memberships = entityCount(processed.membershipKeys, previous?.membershipKeys);
  counts.matchedPeopleByRole = byRole(matched);
  counts.unmatchedPeopleByRole = byRole(unmatched);
  return { counts, processed };
}

function statusOf(counts: RunCounts): string {
  if (counts.errors > 0) return STATUS_ORDER[0];
  if (counts.warnings > 0) return STATUS_ORDER[1];
  return STATUS_ORDER[2];
}

/** The latest data the connector validated clean by `now`. */
export function latestDataset(state: Readonly<TenantState>, connectorId: string, now: number): StoredDataset | undefined {
  return state.datasets
    .filter((d) => d.dataConnectorId === connectorId && d.validatedDateTime && parseGraphTime(d.validatedDateTime) <= now)
    .sort((a, b) => parseGraphTime(b.validatedDateTime!) - parseGraphTime(a.validatedDateTime!))[0];
}

/** What the flow's last completed run processed. */
function previousProcessed(state: Readonly<TenantState>, flowId: string): StoredRunActivity["processed"] {
  for (const run of [...state.runs].reverse()) {
    if (run.status === "running") continue;
    const activity = run.activities.find((a) => a.flowId === flowId && a.processed);
    if (activity) return activity.processed;
  }
  return undefined;
}

function planActivity(state: Readonly<TenantState>, flow: StoredEntity, now: number, id: string): StoredRunActivity {
  const base = { id, flowId: flow.id, displayName: String(flow.displayName), status: "inProgress", blockingError: null };
  const expiration = flow.expirationDateTime as string | null | undefined;
  if (parseGraphTime(String(flow.effectiveDateTime)) > now || (expiration && parseGraphTime(expiration) <= now)) {
    return { ...base, outcome: { status: "skipped", blockingError: null, counts: zeroCounts() }, processed: null };
  }
  const connector = state.dataConnectors.find((c) => c.id === flow.dataConnectorId)!;
  if (flow.kind === "inboundApiFlow") {
    const credential = connector.credential as { isValid?: boolean } | null | undefined;
    if (credential?.isValid === false) {
      const error = blocking("InvalidCredential", `The credential of data connector '${connector.id}' did not pass its last validation.`, "credential");
      return { ...base, outcome: { status: "failed", blockingError: error, counts: zeroCounts() }, processed: null };
    }
    // The emulator reaches no OneRoster API: nothing is read.
    return { ...base, outcome: { status: "completed", blockingError: null, counts: zeroCounts() }, processed: null };
  }
  const dataset = latestDataset(state, connector.id, now);
  if (!dataset) {
    const error = blocking("NoValidatedData", `Data connector '${connector.id}' has no files that passed validation: upload them (getUploadSession) and validate them first.`);
    return { ...base, outcome: { status: "failed", blockingError: error, counts: zeroCounts() }, processed: null };
  }
  const { counts, processed } = fileFlowCounts(state, connector, dataset, previousProcessed(state, flow.id));
  return { ...base, datasetId: dataset.id, processed, outcome: { status: statusOf(counts), blockingError: null, counts } };
}

/** `Run 2026-12-07 03:10 UTC`, as the docs' example names runs. */
function runName(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `Run ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** A new run starting at `now`, completing after `durationMs` (emulated). */
export function planRun(state: Readonly<TenantState>, now: number, durationMs: number, newId: () => string): StoredRun {
  const activities = state.inboundFlows.map((flow) => planActivity(state, flow, now, newId()));
  const ran = activities.filter((a) => a.outcome.status !== "skipped" && a.outcome.status !== "failed");
  const failed = activities.filter((a) => a.outcome.status === "failed");
  let outcome: StoredRun["outcome"];
  if (ran.length === 0) {
    outcome = { status: "failed", blockingError: failed[0]?.outcome.blockingError ?? blocking("NoActiveFlows", "No inbound flow was active: every flow is expired or not yet effective.") };
  } else {
    const counts = activities.map((a) => a.outcome.counts);
    const errors = counts.reduce((n, c) => n + c.errors, 0);
    const warnings = counts.reduce((n, c) => n + c.warnings, 0);
    outcome = { status: errors > 0 || failed.length > 0 ? "completedWithErrors" : warnings > 0 ? "completedWithWarnings" : "completed", blockingError: null };
  }
  return {
    id: newId(),
    displayName: runName(now),
    startDateTime: formatGraphTime(now),
    completesAt: formatGraphTime(now + durationMs),
    endDateTime: null,
    status: "running",
    blockingError: null,
    activities,
    outcome,
  };
}

/** The run's inbound totals: its activities' counts added up (a planted run's as planted). */
export function inboundTotals(run: StoredRun): Record<string, unknown> {
  const done = run.status !== "running";
  const sum = (pick: (c: RunCounts) => number) => (done ? run.activities.reduce((n, a) => n + pick(a.outcome.counts), 0) : 0);
  const merge = (pick: (c: RunCounts) => { role: string; count: number }[]) => {
    const m = new Map<string, number>();
    if (done) for (const a of run.activities) for (const { role, count } of pick(a.outcome.counts)) m.set(role, (m.get(role) ?? 0) + count);
    return byRole(m);
  };
  const t = run.totals;
  return {
    errors: t?.errors ?? sum((c) => c.errors),
    warnings: t?.warnings ?? sum((c) => c.warnings),
    groups: t?.groups ?? sum((c) => c.groups.active),
    memberships: t?.memberships ?? sum((c) => c.memberships.active),
    organizations: t?.organizations ?? sum((c) => c.organizations.active),
    people: t?.people ?? sum((c) => c.people.active),
    matchedPeopleByRole: t?.matchedPeopleByRole ?? merge((c) => c.matchedPeopleByRole),
    unmatchedPeopleByRole: t?.unmatchedPeopleByRole ?? merge((c) => c.unmatchedPeopleByRole),
  };
}

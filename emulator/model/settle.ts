/**
 * Applies what the emulator's clock has made due: operations move notStarted → running → their outcome,
 * runs complete with theirs. Called whenever the tenant is read (store/settlingStore.ts), so progress needs
 * no timers and a frozen clock freezes it.
 */
import { formatGraphTime, parseGraphTime } from "./emulatorClock";
import { StoredOperation, StoredRun, TenantState } from "./tenant";

const due = (at: string | undefined, now: number) => at === undefined || parseGraphTime(at) <= now;

function operationDue(op: StoredOperation, now: number): boolean {
  if (op.status === "notStarted") return due(op.runningAt, now) || due(op.completesAt, now);
  return op.status === "running" && due(op.completesAt, now);
}

function runDue(run: StoredRun, now: number): boolean {
  return run.status === "running" && due(run.completesAt, now);
}

/** True when something is due at `now` (cheap: the common read has nothing to do). */
export function hasDue(state: Readonly<TenantState>, now: number): boolean {
  return state.operations.some((op) => operationDue(op, now)) || (state.runs ?? []).some((run) => runDue(run, now));
}

function completeOperation(op: StoredOperation, state: TenantState, now: number): void {
  const at = op.completesAt ?? formatGraphTime(now);
  op.lastActionDateTime = at;
  const outcome = op.outcome ?? { status: "succeeded" as const, errors: [], warnings: [] };
  delete op.outcome;
  const connector = state.dataConnectors.find((c) => c.id === op.dataConnectorId);
  if (!connector) {
    op.status = "failed";
    op.errors = [{ code: "DataConnectorNotFound", message: `Data connector '${op.dataConnectorId}' was deleted before its validation completed.`, target: null, details: [], innerError: null }];
    op.warnings = [];
    state.datasets = state.datasets.filter((d) => d.id !== op.id);
    return;
  }
  op.status = outcome.status;
  op.errors = outcome.errors;
  op.warnings = outcome.warnings;
  if (op.kind === "fileValidateOperation") {
    op.validatedFiles = outcome.validatedFiles ?? [];
    // Files that pass become the connector's data for the next run; files with errors never do.
    const dataset = state.datasets.find((d) => d.id === op.id);
    if (dataset && outcome.status === "succeeded" && outcome.errors.length === 0) dataset.validatedDateTime = at;
    else state.datasets = state.datasets.filter((d) => d.id !== op.id);
    return;
  }
  const credential = connector.credential as Record<string, unknown> | null | undefined;
  if (credential) {
    credential.isValid = outcome.credentialValid !== false;
    if (outcome.credentialValid !== false) credential.lastValidDateTime = at;
  }
}

function completeRun(run: StoredRun): void {
  run.status = run.outcome.status;
  run.blockingError = run.outcome.blockingError;
  run.endDateTime = run.completesAt;
  for (const activity of run.activities) {
    activity.status = activity.outcome.status;
    activity.blockingError = activity.outcome.blockingError;
  }
}

/** Applies every transition due at `now` (emulated epoch ms). */
export function settle(state: TenantState, now: number): void {
  for (const op of state.operations) {
    if (op.status === "notStarted" && due(op.runningAt, now)) {
      op.status = "running";
      op.lastActionDateTime = op.runningAt ?? formatGraphTime(now);
    }
    if (op.status === "running" && due(op.completesAt, now)) completeOperation(op, state, now);
  }
  for (const run of state.runs ?? []) if (runDue(run, now)) completeRun(run);
}

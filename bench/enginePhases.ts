/**
 * The five phases as the engine schedules them: resource operations at a fixed parallelism (the engine's
 * `--parallel`), each resource's step started only when the resources it depends on are done (a flow after its
 * set on create, a set after its flows on delete). Each phase checks that every step did what the phase is
 * about, so a provider bug shows as a failed benchmark rather than as flattering numbers.
 */
import pLimit from "p-limit";
import type { StepOp } from "../test/harness";
import type { Fleet, FleetMember } from "./fleet";

/** A phase of the benchmark. */
export type PhaseName = "create" | "diff" | "update" | "refresh" | "delete";

/** The phases in the order they run. */
export const phaseNames: PhaseName[] = ["create", "diff", "update", "refresh", "delete"];

/** What a phase ran: resource operations (check+create, check+diff, …) by kind of step. */
export interface PhaseRun {
  operations: number;
  steps: Record<string, number>;
  /** Duration of each resource operation (all its RPCs), as the engine would see it, in ms. */
  latencies: number[];
}

type Limit = pLimit.Limit;

/**
 * Phases run more than once for a steadier median: the two with a time target. Both can run again on what they
 * leave (update alternates the change and its revert).
 */
export const repeatablePhases: ReadonlySet<PhaseName> = new Set(["update", "refresh"]);

/**
 * Runs one phase over the fleet at the given parallelism. `round` counts repeats of a repeatable phase: an
 * update's even rounds declare the change, its odd rounds the original value again (a one-property change too).
 */
export async function runEnginePhase(phase: PhaseName, fleet: Fleet, parallelism: number, round = 0): Promise<PhaseRun> {
  const limit = pLimit(parallelism);
  const steps: Record<string, number> = {};
  const latencies: number[] = [];
  const timed = (operation: () => Promise<void>) => async () => {
    const started = performance.now();
    await operation();
    latencies.push(performance.now() - started);
  };
  const count = (step: string) => {
    steps[step] = (steps[step] ?? 0) + 1;
  };
  switch (phase) {
    case "create":
      await Promise.all(
        fleet.sets.map(async (s) => {
          await limit(timed(() => up(s.set, "create", count)));
          await Promise.all(s.flows.map((f) => limit(timed(() => up(f, "create", count)))));
        }),
      );
      break;
    case "diff":
      // `pulumi up` with an unchanged program: Check and Diff for every resource, sets before their flows.
      await Promise.all(
        fleet.sets.map(async (s) => {
          await limit(timed(() => up(s.set, "same", count)));
          await Promise.all(s.flows.map((f) => limit(timed(() => up(f, "same", count)))));
        }),
      );
      break;
    case "update":
      // Only the changed flows: the no-op Check+Diff of everything else is what the diff phase measures.
      for (const f of fleet.changed) f.setChanged(round % 2 === 0);
      await Promise.all(fleet.changed.map((f) => limit(timed(() => up(f, "update", count)))));
      break;
    case "refresh":
      await Promise.all([...fleet.sets.map((s) => s.set), ...fleet.flows].map((m) => limit(timed(() => refresh(m, count)))));
      break;
    case "delete":
      await Promise.all(
        fleet.sets.map(async (s) => {
          await Promise.all(s.flows.map((f) => limit(timed(() => destroy(f, count)))));
          await limit(timed(() => destroy(s.set, count)));
        }),
      );
      break;
  }
  const operations = Object.values(steps).reduce((a, b) => a + b, 0);
  return { operations, steps, latencies };
}

async function up(m: FleetMember, expected: StepOp, count: (step: string) => void): Promise<void> {
  const result = await m.resource.up(m.goal());
  if (result.op !== expected) {
    const why = result.failures.map((f) => `${f.property}: ${f.reason}`).join("; ");
    throw new Error(`${m.name}: expected step ${expected}, got ${result.op}${why ? ` (${why})` : ""} after ${result.calls.join(",")}`);
  }
  count(result.op);
}

async function refresh(m: FleetMember, count: (step: string) => void): Promise<void> {
  const result = await m.resource.refresh();
  if (result.gone) throw new Error(`${m.name}: refresh found it gone`);
  count("read");
}

async function destroy(m: FleetMember, count: (step: string) => void): Promise<void> {
  await m.resource.destroy();
  count("delete");
}

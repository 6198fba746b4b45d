/**
 * The read-only lookups served as Pulumi functions on both front ends: one table, from which the plugin's
 * `Invoke` dispatches, the package schema's `functions` are generated, and the TypeScript functions
 * (provider/dynamic/lookups.ts) are typed. Each checks its arguments before any request (a failure names the
 * argument and the rule) and only GETs: a lookup never writes.
 */
import type { GraphClient } from "../graph";
import type { JsonObject } from "../reconcile";
import { idSegmentProblem } from "../schema";
import { getFlowSetReadiness } from "./flowReadiness";
import { getRoleGroup } from "./roleGroups";
import { getLatestRun } from "./runs";

/** A property in Pulumi package-schema form (`type`, `items`, `$ref` to a type of {@link lookupTypes}). */
export interface LookupProperty {
  type?: "string" | "boolean" | "integer" | "number" | "array";
  items?: LookupProperty;
  /** A type name of {@link lookupTypes}. */
  ref?: string;
  description: string;
}

/** An object type the lookups return (declared once in the schema). */
export interface LookupType {
  description: string;
  properties: Record<string, LookupProperty>;
  required: string[];
}

/** A failure of a lookup's arguments (as Check failures are reported). */
export interface ArgumentFailure {
  property: string;
  reason: string;
}

/** One lookup. */
export interface LookupSpec {
  /** The function's name: `getRoleGroup`; the token is `industrydata:index:<name>`. */
  name: string;
  description: string;
  inputs: Record<string, LookupProperty>;
  requiredInputs: string[];
  outputs: Record<string, LookupProperty>;
  requiredOutputs: string[];
  /** What is wrong with the arguments (empty when they are fine); checked before any request. */
  check(args: JsonObject): ArgumentFailure[];
  run(client: GraphClient, args: JsonObject): Promise<JsonObject>;
}

const text = (description: string): LookupProperty => ({ type: "string", description });
const int = (description: string): LookupProperty => ({ type: "integer", description });
const list = (items: LookupProperty, description: string): LookupProperty => ({ type: "array", items, description });
const ref = (name: string, description: string): LookupProperty => ({ ref: name, description });

/** Object types of the lookups' results (schema tokens `industrydata:index:<Name>`). */
export const lookupTypes: Record<string, LookupType> = {
  RunError: {
    description: "An error that stopped a run or an activity (Graph's publicError: code and message).",
    properties: { code: text("Graph's error code."), message: text("Graph's error message.") },
    required: ["code", "message"],
  },
  RunRoleCount: {
    description: "People counted by role (industryDataRunRoleCountMetric).",
    properties: { role: text("The role code, e.g. student."), count: int("How many people.") },
    required: ["role", "count"],
  },
  RunEntityCounts: {
    description: "Counts of one entity type in a run: an activity's industryDataRunEntityCountMetric (active, inactive, total), or the run's total only (Graph's aggregatedInboundStatistics holds plain counts).",
    properties: { active: int("Active entities (activities only)."), inactive: int("Inactive entities (activities only)."), total: int("All entities.") },
    required: ["total"],
  },
  RunStatistics: {
    description: "A run's or an activity's statistics (aggregatedInboundStatistics / inboundActivityResults), with the matched and unmatched people summed over roles.",
    properties: {
      errors: int("Records dropped with an error."),
      warnings: int("Optional values dropped with a warning."),
      matchedPeople: int("People matched to a Microsoft Entra user (sum of matchedPeopleByRole)."),
      unmatchedPeople: int("People no Microsoft Entra user matched (sum of unmatchedPeopleByRole)."),
      matchedPeopleByRole: list(ref("RunRoleCount", "Per role."), "Matched people per role."),
      unmatchedPeopleByRole: list(ref("RunRoleCount", "Per role."), "Unmatched people per role."),
      people: ref("RunEntityCounts", "People."),
      organizations: ref("RunEntityCounts", "Organizations."),
      groups: ref("RunEntityCounts", "Groups."),
      memberships: ref("RunEntityCounts", "Memberships."),
    },
    required: ["errors", "warnings", "matchedPeople", "unmatchedPeople", "matchedPeopleByRole", "unmatchedPeopleByRole"],
  },
  RunActivity: {
    description: "One flow's part of a run: its status and statistics.",
    properties: {
      id: text("The activity id."),
      displayName: text("The flow's name."),
      status: text("inProgress, skipped, failed, completed, completedWithErrors or completedWithWarnings."),
      blockingError: ref("RunError", "What stopped the activity, if anything."),
      statistics: ref("RunStatistics", "The activity's statistics, when Graph has them."),
    },
    required: ["id", "displayName", "status"],
  },
  FlowReadiness: {
    description: "A flow's readiness.",
    properties: {
      flowId: text("The flow's Graph id."),
      displayName: text("The flow's name."),
      kind: text("The flow kind, e.g. userProvisioningFlow."),
      readinessStatus: text("notReady, ready, failed, disabled or expired."),
    },
    required: ["flowId", "kind", "readinessStatus"],
  },
};

function idFailure(args: JsonObject, name: string, required: boolean): ArgumentFailure[] {
  const value = args[name];
  if (value === undefined || value === null) return required ? [{ property: name, reason: `${name} is required` }] : [];
  const problem = idSegmentProblem(value);
  return problem === undefined ? [] : [{ property: name, reason: `${name} ${problem}` }];
}

/** The lookups, by name. */
export const lookups: readonly LookupSpec[] = [
  {
    name: "getRoleGroup",
    description:
      "Looks up a School Data Sync role group (the built-in `staff` and `students`, or the tenant's own) by id or by display name (case-insensitive), with its role codes. Use its `id` as a user configuration's `roleGroupId`. Read-only.",
    inputs: {
      id: text("The role group id, e.g. `students`. Give this or displayName."),
      displayName: text("The role group's display name, e.g. `Students`. Give this or id."),
    },
    requiredInputs: [],
    outputs: { id: text("The role group id."), displayName: text("Its display name."), roles: list(text("A RefRole code."), "Its role codes, e.g. student.") },
    requiredOutputs: ["id", "displayName", "roles"],
    check(args) {
      const given = ["id", "displayName"].filter((k) => args[k] !== undefined && args[k] !== null);
      if (given.length !== 1) return [{ property: given.length === 0 ? "id" : "displayName", reason: "give exactly one of id or displayName" }];
      if (given[0] === "displayName") {
        return typeof args.displayName === "string" && args.displayName.trim() !== "" ? [] : [{ property: "displayName", reason: "displayName must be a non-empty string" }];
      }
      return idFailure(args, "id", true);
    },
    run: async (client, args) =>
      ({ ...(await getRoleGroup(client, typeof args.id === "string" ? { id: args.id } : { displayName: String(args.displayName) })) }) as unknown as JsonObject,
  },
  {
    name: "getLatestRun",
    description:
      "The tenant's newest School Data Sync run (or the newest finished one) with its per-flow activities and statistics: errors, warnings, matched and unmatched people. `found` is false when no run exists yet. Read-only.",
    inputs: { finishedOnly: { type: "boolean", description: "Skip a run still going: the newest finished run. Default false." } },
    requiredInputs: [],
    outputs: {
      found: { type: "boolean", description: "False when the tenant has no (finished) run yet; the other outputs are then absent." },
      id: text("The run id."),
      displayName: text("The run's name."),
      status: text("running, failed, completed, completedWithErrors or completedWithWarnings."),
      startDateTime: text("When it started (UTC, ISO 8601)."),
      endDateTime: text("When it ended; absent while running."),
      blockingError: ref("RunError", "What stopped the run, if anything."),
      activities: list(ref("RunActivity", "One flow."), "Per flow: status and statistics."),
      statistics: ref("RunStatistics", "The run's totals."),
    },
    requiredOutputs: ["found", "activities"],
    check: (args) => (args.finishedOnly === undefined || typeof args.finishedOnly === "boolean" ? [] : [{ property: "finishedOnly", reason: "finishedOnly must be a boolean" }]),
    async run(client, args) {
      const run = await getLatestRun(client, { finishedOnly: args.finishedOnly === true });
      if (run === undefined) return { found: false, activities: [] };
      const { endDateTime, ...rest } = run;
      return { found: true, ...rest, ...(endDateTime !== null ? { endDateTime } : {}) } as unknown as JsonObject;
    },
  },
  {
    name: "getFlowSetReadiness",
    description: "Whether an outbound provisioning flow set is ready: every flow's readinessStatus. Read-only.",
    inputs: { flowSetId: text("The flow set's Graph id.") },
    requiredInputs: ["flowSetId"],
    outputs: {
      flowSetId: text("The flow set id."),
      displayName: text("The flow set's name."),
      ready: { type: "boolean", description: "True when every flow of the set is ready." },
      flows: list(ref("FlowReadiness", "One flow."), "Each flow's readiness."),
    },
    requiredOutputs: ["flowSetId", "displayName", "ready", "flows"],
    check: (args) => idFailure(args, "flowSetId", true),
    run: async (client, args) => ({ ...(await getFlowSetReadiness(client, String(args.flowSetId))) }) as unknown as JsonObject,
  },
];

/** The lookup of a name, or undefined. */
export function lookupNamed(name: string): LookupSpec | undefined {
  return lookups.find((l) => l.name === name);
}

/** Runs a lookup: its arguments checked first (an error naming each failing argument, no request), then its GETs. */
export async function runLookup(client: GraphClient, name: string, args: JsonObject): Promise<JsonObject> {
  const lookup = lookupNamed(name);
  if (lookup === undefined) throw new Error(`unknown function ${name}: this provider has ${lookups.map((l) => l.name).join(", ")}`);
  const failures = lookup.check(args);
  if (failures.length > 0) throw new Error(`${name}: ${failures.map((f) => f.reason).join("; ")}; no request was sent`);
  return lookup.run(client, args);
}

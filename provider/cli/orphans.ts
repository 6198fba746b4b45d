/**
 * `industrydata orphans`, the comparison (pure: the command reads the stack's state and the tenant, this says
 * what differs): every entity the tenant holds that no resource of the stack manages, each with the commands
 * that take it over or delete it. An orphan an interrupted `pulumi up` left (the stack's state still records the
 * pending create it matches) gets the take-over the provider's refusal gives.
 */
import { findTwin, isTenantsOwn, type JsonObject } from "../reconcile";
import { descriptors, entityPath, flowPath, flowSetPath, entityCollectionPath, resourceKinds, type ResourceKind } from "../schema";
import type { TenantSnapshot } from "./readTenant";

/** What the comparison needs from a stack's state (`pulumi stack export`). */
export interface StackState {
  /** Stack and project, from the URNs (for messages). */
  stack?: string;
  project?: string;
  /** Pulumi ids of every industrydata resource the state manages. */
  managedIds: Set<string>;
  /** Creates Pulumi recorded as begun and never saw answered (an interrupted `up`): URN, kind, declared inputs. */
  pendingCreates: { urn: string; kind: ResourceKind; inputs: JsonObject }[];
  /** The stack's Graph endpoint, as its provider's (plain) configuration holds it. */
  graphEndpoint?: string;
}

interface ExportedResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: JsonObject;
}

interface ExportedOperation {
  type: string;
  resource: ExportedResource;
}

/** The resource kind of a type token, on either front end (`industrydata:index:X`, `pulumi-nodejs:dynamic/industrydata:X`). */
export function kindOfType(type: string): ResourceKind | undefined {
  const match = /^(?:industrydata:index|pulumi-nodejs:dynamic\/industrydata):(\w+)$/.exec(type);
  return match === null ? undefined : resourceKinds.find((kind) => descriptors[kind].resourceName === match[1]);
}

/** Reads what the comparison needs from `pulumi stack export` JSON; throws naming what is not a stack export. */
export function readStackState(exported: unknown): StackState {
  const deployment = (exported as { deployment?: { resources?: ExportedResource[]; pending_operations?: ExportedOperation[] } } | null)?.deployment;
  if (deployment === undefined || deployment === null || typeof deployment !== "object") {
    throw new Error("the state is not the output of `pulumi stack export` (no `deployment`)");
  }
  const resources = deployment.resources ?? [];
  const managedIds = new Set(resources.filter((r) => kindOfType(r.type) !== undefined && typeof r.id === "string").map((r) => r.id as string));
  const pendingCreates = (deployment.pending_operations ?? []).flatMap((op) => {
    const kind = op.type === "creating" ? kindOfType(op.resource.type) : undefined;
    return kind === undefined ? [] : [{ urn: op.resource.urn, kind, inputs: op.resource.inputs ?? {} }];
  });
  const [stack, project] = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(resources[0]?.urn ?? "")?.slice(1) ?? [];
  return { stack, project, managedIds, pendingCreates, graphEndpoint: stackGraphEndpoint(resources) };
}

/** The default provider's endpoint: the plugin's `graphEndpoint` input, or the dynamic provider's `industrydata:graphEndpoint`. */
function stackGraphEndpoint(resources: ExportedResource[]): string | undefined {
  for (const r of resources) {
    const inputs = r.inputs ?? {};
    const value = r.type === "pulumi:providers:industrydata" ? inputs.graphEndpoint : r.type === "pulumi:providers:pulumi-nodejs" ? inputs["industrydata:graphEndpoint"] : undefined;
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

/** One entity the tenant holds and the stack does not manage. */
export interface Orphan {
  kind: ResourceKind;
  /** Its resource class, e.g. "SourceSystemDefinition". */
  resourceName: string;
  /** Its Pulumi id (`<setId>/<flowId>` for a flow). */
  id: string;
  displayName?: string;
  /** The URN of the stack's pending create it matches (an interrupted `up` made it), if any. */
  pendingCreate?: string;
  /**
   * The ways out: take it over (an interrupted create's), import it into the stack (the plugin: Pulumi YAML and
   * the generated SDKs), adopt it in the program (its adopt arguments, either front end), or delete it from the tenant.
   */
  commands: { takeOver?: string; import: string; adopt: string; delete: string };
}

/** Every entity of `tenant` that `state` does not manage, in the tenant's order (sets with their flows, then inbound). */
export function findOrphans(tenant: TenantSnapshot, state: StackState, graphEndpoint: string): Orphan[] {
  const candidates: { kind: ResourceKind; id: string; server: JsonObject; path: string }[] = [];
  for (const { set, flows } of tenant.flowSets) {
    const setId = String(set.id);
    candidates.push({ kind: "flowSet", id: setId, server: set, path: flowSetPath(setId) });
    for (const flow of flows) {
      const kind = flowKind(flow);
      if (kind !== undefined) candidates.push({ kind, id: `${setId}/${String(flow.id)}`, server: flow, path: flowPath(setId, String(flow.id)) });
    }
  }
  for (const { kind, server } of tenant.entities ?? []) {
    if (!isTenantsOwn(kind, server)) continue;
    const id = String(server.id);
    candidates.push({ kind, id, server, path: entityPath(entityCollectionPath(kind), id, descriptors[kind].adoptArgument) });
  }
  return candidates.filter((c) => !state.managedIds.has(c.id)).map((c) => orphan(c, state, graphEndpoint));
}

function orphan(c: { kind: ResourceKind; id: string; server: JsonObject; path: string }, state: StackState, graphEndpoint: string): Orphan {
  const { resourceName } = descriptors[c.kind];
  // The set a flow belongs to is part of what the pending create declared (its flowSetId).
  const parent = !descriptors[c.kind].isFlow ? {} : { flowSetId: c.id.split("/")[0] };
  const pending = state.pendingCreates.find(
    (p) => p.kind === c.kind && (parent.flowSetId === undefined || p.inputs.flowSetId === parent.flowSetId) && findTwin(c.kind, p.inputs, [c.server]) !== undefined,
  );
  const name = typeof c.server.displayName === "string" ? c.server.displayName : undefined;
  const resourceToken = `industrydata:index:${resourceName}`;
  return {
    kind: c.kind,
    resourceName,
    id: c.id,
    ...(name !== undefined ? { displayName: name } : {}),
    ...(pending !== undefined ? { pendingCreate: pending.urn } : {}),
    commands: {
      ...(pending !== undefined ? { takeOver: `pulumi refresh --clear-pending-creates --yes && INDUSTRYDATA_TAKE_OVER=${shellWord(c.id)} pulumi up --yes` } : {}),
      import: `pulumi import ${resourceToken} ${resourceNameFor(c.kind, name, c.id)} ${shellWord(c.id)}`,
      adopt: adoptArguments(c.kind, c.id),
      delete: `az rest --method DELETE --url ${shellWord(`${graphEndpoint.replace(/\/+$/, "")}${c.path}`)}`,
    },
  };
}

/** The arguments that adopt the entity in a program, e.g. `flowSetId: "s", flowId: "f"`. */
function adoptArguments(kind: ResourceKind, id: string): string {
  if (descriptors[kind].isFlow) {
    const [flowSetId, flowId] = id.split("/");
    return `flowSetId: ${JSON.stringify(flowSetId)}, flowId: ${JSON.stringify(flowId)}`;
  }
  return `${descriptors[kind].adoptArgument}: ${JSON.stringify(id)}`;
}

/** A flow's kind by its `@odata.type` (undefined for a kind this provider does not manage). */
function flowKind(flow: JsonObject): ResourceKind | undefined {
  const type = typeof flow["@odata.type"] === "string" ? flow["@odata.type"].replace(/^#?microsoft\.graph\.industryData\./i, "") : "";
  return resourceKinds.find((kind) => descriptors[kind].isFlow && !descriptors[kind].abstract && descriptors[kind].graphType.toLowerCase() === type.toLowerCase());
}

/** A resource name for `pulumi import`: the display name in kebab case, else the kind and the id's start. */
function resourceNameFor(kind: ResourceKind, displayName: string | undefined, id: string): string {
  const fromName = (displayName ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return fromName !== "" ? fromName : `${kind}-${id.replace(/[^A-Za-z0-9]/g, "").slice(0, 8)}`;
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The human table: one row per orphan, its commands below it; a line saying so when there is none. */
export function formatOrphans(orphans: Orphan[], context: { stack?: string; graphEndpoint: string }): string {
  const stack = context.stack !== undefined ? `stack ${context.stack}` : "the stack";
  if (orphans.length === 0) return `No orphans: ${stack} manages every entity ${context.graphEndpoint} holds.\n`;
  const rows = orphans.map((o) => [o.resourceName, o.id, o.displayName ?? "", o.pendingCreate !== undefined ? "interrupted create" : ""]);
  const header = ["KIND", "ID", "NAME", "NOTE"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd();
  const blocks = orphans.map((o, i) =>
    [
      line(rows[i]),
      ...(o.commands.takeOver !== undefined ? [`    take over: ${o.commands.takeOver}   # made by the interrupted create of ${o.pendingCreate}`] : []),
      `    import:    ${o.commands.import}`,
      `    adopt:     ${o.commands.adopt}`,
      `    delete:    ${o.commands.delete}`,
    ].join("\n"),
  );
  return [`${orphans.length} entit${orphans.length === 1 ? "y" : "ies"} in ${context.graphEndpoint} that ${stack} does not manage:`, "", line(header), ...blocks, ""].join("\n");
}

/**
 * What the exported program declares, before any text is written: one entry per inbound entity, flow set and
 * flow with its resource name, TypeScript variable, class and arguments, plus the secret config keys the program
 * reads. Everything is adopted by id (`sourceSystemId`, …, `flowSetId`, `flowId`) with the settings the tenant
 * holds, and every binding is a reference to the bound resource's output, so the engine orders them.
 * Pure: the tenant snapshot in, the plan out.
 */
import type { JsonObject } from "../reconcile";
import { descriptors, entityCollectionPath, resourceKinds, type ResourceKind } from "../schema";
import { camelIdentifier, kebabName, reservedIdentifiers, UniqueNames } from "./names";
import type { EntitySnapshot, TenantSnapshot } from "./readTenant";
import { entityToArgs, flowSetToArgs, flowToArgs, isExported, SecretReference, type PasswordMode } from "./serverToArgs";
import { Code } from "./tsLiteral";

/** A secret stack config key the program reads with `config.requireSecret`: one per write-only value. */
export interface SecretConfigKey {
  key: string;
  /** The resource whose argument reads it. */
  resourceName: string;
  /** Display name of what holds it: the flow set of a user flow's password, the connector of a client secret. */
  owner: string;
  /** What `owner` is: "flow set", "data connector". */
  ownerNoun: string;
  /** The write-only property's name: "password", "clientSecret". */
  property: string;
  /** The keyed element holding it (the role group of a password), if any. */
  element?: string;
}

/** A secret key in words, for comments, Pulumi.yaml and the printed instructions. */
export function describeSecret(secret: SecretConfigKey): string {
  const where = secret.element !== undefined ? `role group ${secret.element} in ` : "";
  return `${secret.property} of ${where}${secret.ownerNoun} ${JSON.stringify(secret.owner)} (write-only in Graph)`;
}

/** One top-level inbound entity the program adopts (by its id argument). */
export interface PlannedEntity {
  kind: ResourceKind;
  id: string;
  /** The resource class, e.g. "SourceSystemDefinition". */
  className: string;
  /** Pulumi resource name, e.g. "contoso-sis-source-system". */
  resourceName: string;
  /** TypeScript variable, e.g. "contosoSisSourceSystem". */
  variable: string;
  /** The output holding its id, which the resources bound to it reference: its adopt argument ("sourceSystemId"). */
  idOutput: string;
  /** Constructor arguments; bindings are `Code` references to the bound resources' outputs. */
  args: JsonObject;
  notes: string[];
}

/** One flow the program adopts (by `flowId`). */
export interface PlannedFlow {
  kind: ResourceKind;
  /** The resource class, e.g. "UserProvisioningFlow". */
  className: string;
  /** Pulumi resource name, e.g. "north-high-users". */
  resourceName: string;
  /** TypeScript variable, e.g. "northHighUsers". */
  variable: string;
  /** Constructor arguments; `Code` values are written verbatim (the set's flowSetId output, secret config reads). */
  args: JsonObject;
  notes: string[];
}

/** One flow set: adopted by id (`flowSetId`) with the settings it holds, and its flows. */
export interface PlannedFlowSet {
  id: string;
  displayName: string;
  /** The resource class: "OutboundProvisioningFlowSet". */
  className: string;
  /** Pulumi resource name, e.g. "north-high-set"; its flows are named after the same stem. */
  resourceName: string;
  /** TypeScript variable, e.g. "northHighSet"; the flows' `flowSetId` is its `flowSetId` output. */
  variable: string;
  /** Constructor arguments: flowSetId, displayName, filter (as read). */
  args: JsonObject;
  flows: PlannedFlow[];
  notes: string[];
}

/** The whole program. */
export interface ProgramPlan {
  /** The inbound entities, bound ones after what they bind to (source systems, years, connectors, inbound flows). */
  entities: PlannedEntity[];
  flowSets: PlannedFlowSet[];
  secrets: SecretConfigKey[];
  /**
   * Resource names of the resources holding a secret read from config (user flows with a password, OneRoster
   * connectors): the first `pulumi up` PATCHes each of them once (Graph never returns a secret, so whether the
   * tenant's already matches cannot be known).
   */
  secretHolders: string[];
  /** What the reader should know about the tenant as a whole (items of a type this version does not manage). */
  notes: string[];
  /** Resource classes the program uses, sorted. */
  classNames: string[];
  passwords: PasswordMode;
}

/** How many flows the program adopts, over all its sets. */
export function flowCount(plan: ProgramPlan): number {
  return plan.flowSets.reduce((n, s) => n + s.flows.length, 0);
}

/** Flow kinds in the order a program lists them: the descriptors' order (the concrete kinds, then the abstract base). */
const kindOrder: ResourceKind[] = [...resourceKinds.filter((k) => descriptors[k].isFlow && !descriptors[k].abstract), ...resourceKinds.filter((k) => descriptors[k].isFlow && descriptors[k].abstract)];

/** How many inbound entities the program adopts. */
export function entityCount(plan: ProgramPlan): number {
  return plan.entities.length;
}

/**
 * The inbound kinds in declaration order, from the descriptors: a kind comes after every kind its entity
 * bindings point at (connectors after source systems, inbound flows after connectors and years), so each
 * reference in the program is to a variable already declared.
 */
export function entityKindOrder(): ResourceKind[] {
  const inbound = resourceKinds.filter((k) => descriptors[k].side === "inbound");
  const depth = (k: ResourceKind): number => {
    const targets = descriptors[k].entityBindings.flatMap((b) => inbound.filter((t) => entityCollectionPath(t) === b.targetCollection));
    return targets.length === 0 ? 0 : 1 + Math.max(...targets.map(depth));
  };
  return inbound.map((k, i) => ({ k, i, depth: depth(k) })).sort((a, b) => a.depth - b.depth || a.i - b.i).map((x) => x.k);
}

/**
 * Plans the program adopting every inbound entity, flow set and flow of the snapshot. Entities come first, in
 * binding order (entityKindOrder), each kind ordered by display name, then id; then sets by display name, then id.
 */
export function planProgram(snapshot: TenantSnapshot, options: { passwords?: PasswordMode } = {}): ProgramPlan {
  const passwords = options.passwords ?? "config";
  const resourceNames = new UniqueNames("-");
  const variables = new UniqueNames("", reservedIdentifiers);
  const configKeys = new UniqueNames("");
  const secrets: SecretConfigKey[] = [];
  const secretHolders: string[] = [];
  const classNames = new Set<string>();
  const readSecrets = (stem: string, resourceName: string, owner: string, ownerNoun: string) => (reference: SecretReference) => {
    const key = configKeys.claim(camelIdentifier(`${stem} ${reference.element ?? ""} ${reference.property}`, "secret"));
    secrets.push({ key, resourceName, owner, ownerNoun, property: reference.property, ...(reference.element !== undefined ? { element: reference.element } : {}) });
    return new Code(`config.requireSecret(${JSON.stringify(key)})`);
  };

  const entities = planEntities(snapshot.entities ?? [], { passwords, resourceNames, variables, classNames, secretHolders, readSecrets });
  const notes = [
    ...(snapshot.refused ?? []).map(
      (r) => `Graph refused to list ${r.path} (403 ${r.message}): its entities were not exported; grant the caller that collection's read permission and export again`,
    ),
    ...(snapshot.unmanaged ?? []).map(
      (u) => `${JSON.stringify(u.id)} is of type ${JSON.stringify(u.odataType)}, which this provider version does not manage: not exported`,
    ),
  ];

  const sets = [...snapshot.flowSets].sort(
    (a, b) => String(a.set.displayName ?? "").localeCompare(String(b.set.displayName ?? "")) || String(a.set.id).localeCompare(String(b.set.id)),
  );
  const flowSets = sets.map(({ set, flows }): PlannedFlowSet => {
    const exported = flowSetToArgs(set);
    const displayName = typeof set.displayName === "string" ? set.displayName : "";
    const stem = resourceNames.claim(kebabName(displayName, "flow-set"));
    const setResourceName = resourceNames.claim(`${stem}-${descriptors.flowSet.programNameSuffix}`);
    const setVariable = variables.claim(camelIdentifier(setResourceName, "flow set"));
    const className = descriptors.flowSet.resourceName;
    classNames.add(className);
    const planned = flows
      .map((server) => flowToArgs(server, { flowSetId: exported.id, passwords }))
      .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind))
      .map((flow): PlannedFlow => {
        const resourceName = resourceNames.claim(`${stem}-${descriptors[flow.kind].programNameSuffix}`);
        const flowClass = descriptors[flow.kind].resourceName;
        classNames.add(flowClass);
        const args = withCode(flow.args, readSecrets(stem, resourceName, displayName, descriptors.flowSet.noun));
        if (flow.secrets.length > 0) secretHolders.push(resourceName);
        // The set's flowSetId output, not its id: equal once adopted, and known in a preview before it is.
        args.flowSetId = new Code(`${setVariable}.flowSetId`);
        return { kind: flow.kind, className: flowClass, resourceName, variable: variables.claim(camelIdentifier(resourceName, "flow")), args, notes: flow.notes };
      });
    return {
      id: exported.id,
      displayName,
      className,
      resourceName: setResourceName,
      variable: setVariable,
      args: exported.args,
      flows: planned,
      notes: exported.notes,
    };
  });
  return { entities, flowSets, secrets, secretHolders, notes, classNames: [...classNames].sort(), passwords };
}

interface EntityPlanning {
  passwords: PasswordMode;
  resourceNames: UniqueNames;
  variables: UniqueNames;
  classNames: Set<string>;
  secretHolders: string[];
  readSecrets(stem: string, resourceName: string, owner: string, ownerNoun: string): (reference: SecretReference) => Code;
}

/**
 * The inbound entities the program adopts (serverToArgs' isExported), in binding order. Each entity binding
 * becomes a reference to the bound resource's id output (`sourceSystemId: contosoSisSourceSystem.sourceSystemId`):
 * equal to the literal id once adopted, and it tells the engine the order. A target the tenant's lists did not
 * return stays a literal id, with a note.
 */
function planEntities(snapshots: EntitySnapshot[], planning: EntityPlanning): PlannedEntity[] {
  const order = entityKindOrder();
  const declared = new Map<string, PlannedEntity>();
  const keyOf = (collection: string, id: string) => `${collection}\n${id.toLowerCase()}`;
  const sorted = snapshots
    .filter((e) => order.includes(e.kind) && isExported(e.kind, e.server))
    .map((e) => ({ ...e, name: nameOf(e) }))
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name) || String(a.server.id).localeCompare(String(b.server.id)));
  return sorted.map(({ kind, server, name }): PlannedEntity => {
    const d = descriptors[kind];
    const exported = entityToArgs(kind, server, { passwords: planning.passwords });
    const notes = [...exported.notes];
    const resourceName = planning.resourceNames.claim(`${kebabName(name, descriptors[kind].programNameSuffix)}-${descriptors[kind].programNameSuffix}`);
    const variable = planning.variables.claim(camelIdentifier(resourceName, d.noun));
    const bindings: JsonObject = {};
    for (const binding of exported.bindings) {
      if (typeof binding.id !== "string") {
        notes.push(`its ${binding.argument} could not be read (Graph returned no bound entity): declare it before \`pulumi up\``);
        continue;
      }
      const target = declared.get(keyOf(binding.targetCollection, binding.id));
      if (target !== undefined) bindings[binding.argument] = new Code(`${target.variable}.${target.idOutput}`);
      else {
        bindings[binding.argument] = binding.id;
        notes.push(`its ${binding.argument} ${JSON.stringify(binding.id)} is not among the exported entities: written as a literal id`);
      }
    }
    const { [d.adoptArgument]: id, ...properties } = exported.args;
    const args = withCode({ [d.adoptArgument]: id, ...bindings, ...properties }, planning.readSecrets(kebabName(name, d.noun), resourceName, name, d.noun));
    if (exported.secrets.length > 0) planning.secretHolders.push(resourceName);
    planning.classNames.add(d.resourceName);
    const planned: PlannedEntity = { kind, id: exported.id, className: d.resourceName, resourceName, variable, idOutput: d.adoptArgument, args, notes };
    declared.set(keyOf(entityCollectionPath(kind), exported.id), planned);
    return planned;
  });
}

/**
 * The name an entity is known by: its display name, else the values Graph forms its id from (a reference
 * definition's type and code), else its id.
 */
function nameOf({ kind, server }: EntitySnapshot): string {
  if (typeof server.displayName === "string" && server.displayName.trim() !== "") return server.displayName;
  const natural = descriptors[kind].naturalId?.map((p) => server[p]).filter((v) => typeof v === "string");
  return natural !== undefined && natural.length > 0 ? natural.join(" ") : String(server.id);
}

/** A copy of the arguments with each `SecretReference` replaced by the code reading it from config. */
function withCode(value: JsonObject, secret: (reference: SecretReference) => Code): JsonObject {
  const walk = (v: unknown): unknown => {
    if (v instanceof SecretReference) return secret(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object" && !(v instanceof Code)) {
      return Object.fromEntries(Object.entries(v as JsonObject).map(([k, sub]) => [k, walk(sub)]));
    }
    return v;
  };
  return walk(value) as JsonObject;
}

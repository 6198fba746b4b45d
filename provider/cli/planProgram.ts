/**
 * What the exported program declares, before any text is written: one entry per flow set and flow with its
 * resource name, TypeScript variable, class and arguments, plus the secret config keys the program reads.
 * Every set and flow is adopted by id (`flowSetId`, `flowId`) with the settings the tenant holds.
 * Pure: the tenant snapshot in, the plan out.
 */
import type { JsonObject } from "../reconcile";
import { descriptors, type ResourceKind } from "../schema";
import { camelIdentifier, kebabName, reservedIdentifiers, UniqueNames } from "./names";
import type { TenantSnapshot } from "./readTenant";
import { flowSetToArgs, flowToArgs, PasswordReference, type PasswordMode } from "./serverToArgs";
import { Code } from "./tsLiteral";

/** A secret stack config key the program reads with `config.requireSecret`. */
export interface SecretConfigKey {
  key: string;
  /** Where it is used, for the printed instructions: the flow set's display name and the role group. */
  flowSetDisplayName: string;
  roleGroupId: string;
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
  flowSets: PlannedFlowSet[];
  secrets: SecretConfigKey[];
  /**
   * Resource names of the user flows holding a password read from config: the first `pulumi up` PATCHes each
   * of them once (Graph never returns a password, so whether the tenant's already matches cannot be known).
   */
  passwordFlows: string[];
  /** Resource classes the program uses, sorted. */
  classNames: string[];
  passwords: PasswordMode;
}

/** How many flows the program adopts, over all its sets. */
export function flowCount(plan: ProgramPlan): number {
  return plan.flowSets.reduce((n, s) => n + s.flows.length, 0);
}

/** Flow kinds in the order a program lists them (the base kind last). */
const kindOrder: ResourceKind[] = ["user", "classGroup", "securityGroup", "administrativeUnit", "provisioningFlow"];

/** Resource-name suffix of each flow kind. */
const kindSuffix: Record<ResourceKind, string> = {
  flowSet: "set",
  user: "users",
  classGroup: "class-groups",
  securityGroup: "security-groups",
  administrativeUnit: "admin-units",
  provisioningFlow: "flow",
  sourceSystem: "source-system",
  azureDataLakeConnector: "csv-connector",
  oneRosterApiDataConnector: "oneroster-connector",
  year: "year",
  inboundFileFlow: "inbound-file-flow",
  inboundApiFlow: "inbound-api-flow",
  referenceDefinition: "reference",
};

/** Plans the program adopting every flow set and flow of the snapshot. Sets are ordered by display name, then id. */
export function planProgram(snapshot: TenantSnapshot, options: { passwords?: PasswordMode } = {}): ProgramPlan {
  const passwords = options.passwords ?? "config";
  const resourceNames = new UniqueNames("-");
  const variables = new UniqueNames("", reservedIdentifiers);
  const configKeys = new UniqueNames("");
  const secrets: SecretConfigKey[] = [];
  const passwordFlows: string[] = [];
  const classNames = new Set<string>();

  const sets = [...snapshot.flowSets].sort(
    (a, b) => String(a.set.displayName ?? "").localeCompare(String(b.set.displayName ?? "")) || String(a.set.id).localeCompare(String(b.set.id)),
  );
  const flowSets = sets.map(({ set, flows }): PlannedFlowSet => {
    const exported = flowSetToArgs(set);
    const displayName = typeof set.displayName === "string" ? set.displayName : "";
    const stem = resourceNames.claim(kebabName(displayName, "flow-set"));
    const setResourceName = resourceNames.claim(`${stem}-${kindSuffix.flowSet}`);
    const setVariable = variables.claim(camelIdentifier(setResourceName, "flow set"));
    const className = descriptors.flowSet.resourceName;
    classNames.add(className);
    const planned = flows
      .map((server) => flowToArgs(server, { flowSetId: exported.id, passwords }))
      .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind))
      .map((flow): PlannedFlow => {
        const resourceName = resourceNames.claim(`${stem}-${kindSuffix[flow.kind]}`);
        const flowClass = descriptors[flow.kind].resourceName;
        classNames.add(flowClass);
        const args = withCode(flow.args, (reference) => {
          const key = configKeys.claim(camelIdentifier(`${stem} ${reference.roleGroupId} password`, "password"));
          secrets.push({ key, flowSetDisplayName: displayName, roleGroupId: reference.roleGroupId });
          return new Code(`config.requireSecret(${JSON.stringify(key)})`);
        });
        if (flow.passwordRoleGroups.length > 0) passwordFlows.push(resourceName);
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
  return { flowSets, secrets, passwordFlows, classNames: [...classNames].sort(), passwords };
}

/** A copy of the arguments with each `PasswordReference` replaced by the code reading it from config. */
function withCode(value: JsonObject, secret: (reference: PasswordReference) => Code): JsonObject {
  const walk = (v: unknown): unknown => {
    if (v instanceof PasswordReference) return secret(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object" && !(v instanceof Code)) {
      return Object.fromEntries(Object.entries(v as JsonObject).map(([k, sub]) => [k, walk(sub)]));
    }
    return v;
  };
  return walk(value) as JsonObject;
}

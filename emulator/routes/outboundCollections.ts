/**
 * The outbound collections as the generic entity routes (entityRoutes.ts) serve them: the flow sets, and each
 * set's provisioning flows (a polymorphic collection: the base type is abstract, so POST needs `@odata.type`; at
 * most one flow of each kind per set; a base-typed PATCH may set readinessStatus; the `reset` action).
 */
import { SCOPES } from "../auth/permissions";
import { badRequest, GraphHttpError, notFound } from "../graphError";
import { ingestEntity } from "../model/ingest";
import { StoredEntity, StoredFlow, StoredFlowSet, TenantState } from "../model/tenant";
import { computedProperties, FlowKind, flowKindOf, flowKinds, isBaseFlowType, odataType, outboundProvisioningFlowSet, provisioningFlowBase } from "../schemas/edm";
import { canonicalizePropertyNames } from "../schemas/propertyNames";
import { assertValid, validators } from "../schemas/validator";
import { CollectionDef } from "./collectionDef";
import { rejectComputed } from "./odata";

const SETS = "outboundProvisioningFlowSets";
const allowedTypes = Object.keys(flowKinds).map((k) => odataType(k)).join(", ");

/** The stored set with this id (ids compare case-insensitively), or the Graph 404. */
function findFlowSet(state: Readonly<TenantState>, setId: string): StoredFlowSet {
  // Keys compare case-insensitively (GUIDs), on both sides: a stored id need not be lower-case (PUT state).
  const set = state.flowSets.find((s) => s.id.toLowerCase() === setId.toLowerCase());
  if (!set) throw notFound(`The outboundProvisioningFlowSet '${setId}' was not found.`);
  return set;
}

const stamps = (entity: StoredEntity) => ({ createdDateTime: entity.createdDateTime, lastModifiedDateTime: entity.lastModifiedDateTime });

const flowSets: CollectionDef = {
  path: SETS,
  idParam: "setId",
  scope: (state) => ({ list: state.flowSets as unknown as StoredEntity[], context: SETS }),
  typeName: "outboundProvisioningFlowSet",
  kinds: { outboundProvisioningFlowSet },
  polymorphic: false,
  scopes: SCOPES.outboundFlows,
  readOnly: ["id", "createdDateTime", "lastModifiedDateTime"],
  createOnly: [],
  queryOptions: "ignored",
  // The metadata marks flow sets not filterable (reference §1.1).
  listRefuses: { option: "$filter", message: "Query option '$filter' is not supported on outboundProvisioningFlowSets." },
  timestamps: true,
  initial: () => ({ flows: [] }),
  checkBody(body) {
    if ("provisioningFlows" in body) throw badRequest("Property 'provisioningFlows' cannot be written with the flow set; create flows under …/provisioningFlows.");
  },
  // The flows are contained in the set (not rendered: provisioningFlows is not expanded), so they go with it.
  renderHead: stamps,
};

/** A flow's kind's validators: Graph's docs mark each kind's NN property Required on PATCH too. */
function flowValidators(kind: string) {
  return { create: validators.flowCreate[kind as FlowKind], patch: validators.flowPatch[kind as FlowKind] };
}

/** Applies a PATCH body to a stored flow (validated against its kind, or the base type). */
function applyFlowPatch(draft: StoredEntity, sent: Record<string, unknown>, state: TenantState): void {
  const flow = draft as StoredFlow;
  const t = sent["@odata.type"];
  if (isBaseFlowType(t)) {
    const body = canonicalizePropertyNames(provisioningFlowBase.properties, sent);
    // Emulator allowance (seed 002): a base-typed PATCH may set readinessStatus on any kind, so tests can
    // drive the status; the metadata marks it Computed, so a concrete-kind PATCH may not.
    rejectComputed(body, computedProperties.filter((p) => p !== "readinessStatus"));
    assertValid(validators.flowBasePatch, body);
    if ("readinessStatus" in body) flow.readinessStatus = body.readinessStatus as string | null;
    return;
  }
  if (t !== undefined) {
    const kind = flowKindOf(t);
    if (!kind) throw badRequest(`Invalid @odata.type '${String(t)}' for a provisioningFlow. Allowed: ${allowedTypes}.`);
    if (kind !== flow.kind) {
      throw badRequest(`The type of provisioningFlow '${flow.id}' cannot change from '${odataType(flow.kind)}' to '${odataType(kind)}'; delete it and create a new one.`);
    }
  }
  const body = canonicalizePropertyNames(flowKinds[flow.kind].properties, sent);
  rejectComputed(body, computedProperties);
  assertValid(validators.flowPatch[flow.kind], body);
  // Strict PATCH: a property sent replaces the stored one whole (sub-properties omitted are lost,
  // collections replaced); properties not sent stay as they are.
  Object.assign(flow, ingestEntity(flowKinds[flow.kind], body, { roleGroups: state.roleGroups }));
  // readinessStatus rule (deterministic): notReady at create; the first update moves it to disabled, as the
  // docs' later examples show (the emulator never runs provisioning); other statuses are kept.
  if (flow.readinessStatus === "notReady") flow.readinessStatus = "disabled";
}

const provisioningFlows: CollectionDef = {
  path: `${SETS}/:setId/provisioningFlows`,
  idParam: "flowId",
  scope(state, params) {
    const set = findFlowSet(state, params.setId);
    return { list: set.flows as StoredEntity[], context: `${SETS}('${set.id}')/provisioningFlows`, parentId: set.id, within: ` in outboundProvisioningFlowSet '${set.id}'` };
  },
  typeName: "provisioningFlow",
  kinds: flowKinds,
  polymorphic: true,
  scopes: SCOPES.outboundFlows,
  readOnly: computedProperties,
  createOnly: [],
  queryOptions: "ignored",
  timestamps: true,
  initial: () => ({ readinessStatus: "notReady" }),
  validators: flowValidators,
  kindForCreate(body) {
    const t = body["@odata.type"];
    if (t === undefined) throw badRequest(`Property '@odata.type' is required: provisioningFlow is abstract. Send one of ${allowedTypes}.`);
    if (isBaseFlowType(t)) throw badRequest(`Cannot create an instance of the abstract type 'microsoft.graph.industryData.provisioningFlow'. Send one of ${allowedTypes}.`);
    const kind = flowKindOf(t);
    if (!kind) throw badRequest(`Invalid @odata.type '${String(t)}' for a provisioningFlow. Allowed: ${allowedTypes}.`);
    return kind;
  },
  beforeCreate(kind, scope) {
    const existing = scope.list.find((f) => f.kind === kind);
    // One flow of each kind per set (reference §4.4); the real error code is undocumented.
    if (existing) {
      throw new GraphHttpError({
        status: 409,
        code: "Conflict",
        message: `Flow set '${scope.parentId}' already has a ${kind} ('${existing.id}'); a flow set holds at most one flow of each kind.`,
      });
    }
  },
  applyPatch: applyFlowPatch,
  renderHead: (flow) => ({ ...stamps(flow), readinessStatus: flow.readinessStatus ?? null }),
  // The reset action, in both spellings (docs: /reset; SDK: /microsoft.graph.industryData.reset): it
  // reprocesses the flow from scratch, which here means readinessStatus back to notReady.
  actions: Object.fromEntries(
    ["reset", "microsoft.graph.industryData.reset"].map((name) => [name, (flow: StoredEntity) => void (flow.readinessStatus = "notReady")]),
  ),
};

/** Every outbound collection. */
export const outboundCollectionDefs: CollectionDef[] = [flowSets, provisioningFlows];

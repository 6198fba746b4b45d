/**
 * `…/outboundProvisioningFlowSets/{setId}/provisioningFlows`: a polymorphic collection (the base type is
 * abstract, so POST needs `@odata.type`), at most one flow of each kind per set, strict PATCH, and the
 * `reset` action.
 */
import { randomUUID } from "node:crypto";
import { FastifyInstance, FastifyRequest } from "fastify";
import { EmulatorContext } from "../context";
import { badRequest, GraphHttpError, notFound } from "../graphError";
import { graphTimestamp } from "../model/clock";
import { ingestEntity, stripReadAnnotations } from "../model/ingest";
import { flowsContext, renderFlow } from "../model/render";
import { StoredFlow, StoredFlowSet, TenantState } from "../model/tenant";
import { computedProperties, FlowKind, flowKindOf, flowKinds, isBaseFlowType, odataType, provisioningFlowBase } from "../schemas/edm";
import { canonicalizePropertyNames } from "../schemas/propertyNames";
import { assertValid, validators } from "../schemas/validator";
import { findFlowSet, FLOW_SETS_PATH } from "./flowSets";
import { collectionAnswer, objectBody, rejectComputed, renderOptionsFor, requestGraphUrl, requestOrigin } from "./odata";

const FLOWS_PATH = `${FLOW_SETS_PATH}/:setId/provisioningFlows`;
const FLOW_PATH = `${FLOWS_PATH}/:flowId`;
const allowedTypes = Object.keys(flowKinds).map((k) => odataType(k)).join(", ");

function findFlow(set: StoredFlowSet, flowId: string): StoredFlow {
  const flow = set.flows.find((f) => f.id.toLowerCase() === flowId.toLowerCase());
  if (!flow) throw notFound(`The provisioningFlow '${flowId}' was not found in outboundProvisioningFlowSet '${set.id}'.`);
  return flow;
}

function params(request: FastifyRequest): { setId: string; flowId: string } {
  return request.params as { setId: string; flowId: string };
}

/** The concrete kind a POST body names; the Graph 400 when it names none. */
function kindForCreate(body: Record<string, unknown>): FlowKind {
  const t = body["@odata.type"];
  if (t === undefined) throw badRequest(`Property '@odata.type' is required: provisioningFlow is abstract. Send one of ${allowedTypes}.`);
  if (isBaseFlowType(t)) throw badRequest(`Cannot create an instance of the abstract type 'microsoft.graph.industryData.provisioningFlow'. Send one of ${allowedTypes}.`);
  const kind = flowKindOf(t);
  if (!kind) throw badRequest(`Invalid @odata.type '${String(t)}' for a provisioningFlow. Allowed: ${allowedTypes}.`);
  return kind;
}

/** Applies a PATCH body to a stored flow (validated against its kind, or the base type). */
function applyPatch(flow: StoredFlow, sent: Record<string, unknown>, state: TenantState): void {
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

/** Registers the flow routes. */
export function flowRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get(FLOWS_PATH, { config: { access: "read" } }, async (request) => {
    const { setId } = params(request);
    return ctx.store.read((state) => {
      const set = findFlowSet(state, setId);
      const all = set.flows.map((f) => renderFlow(set.id, f, { ...renderOptionsFor(request, state), withContext: false }));
      return collectionAnswer(all, request, { context: flowsContext(requestGraphUrl(request), set.id), pageSize: ctx.options.pageSize });
    });
  });

  app.post(FLOWS_PATH, { config: { access: "write" } }, async (request, reply) => {
    const { setId } = params(request);
    const sent = stripReadAnnotations(objectBody(request)) as Record<string, unknown>;
    const kind = kindForCreate(sent);
    const body = canonicalizePropertyNames(flowKinds[kind].properties, sent);
    rejectComputed(body, computedProperties);
    assertValid(validators.flowCreate[kind], body);
    const created = await ctx.store.update((state) => {
      const set = findFlowSet(state, setId);
      const existing = set.flows.find((f) => f.kind === kind);
      // One flow of each kind per set (reference §4.4); the real error code is undocumented.
      if (existing) {
        throw new GraphHttpError({
          status: 409,
          code: "Conflict",
          message: `Flow set '${set.id}' already has a ${kind} ('${existing.id}'); a flow set holds at most one flow of each kind.`,
        });
      }
      const props = ingestEntity(flowKinds[kind], body, { roleGroups: state.roleGroups });
      const now = graphTimestamp();
      const flow: StoredFlow = { id: randomUUID(), kind, createdDateTime: now, lastModifiedDateTime: now, readinessStatus: "notReady", ...props };
      set.flows.push(flow);
      // The 201 answer has no expanded roleGroup (as the docs' create example shows).
      return renderFlow(set.id, flow, { ...renderOptionsFor(request, state, false), withContext: true });
    });
    reply.code(201).header("Location", `${requestOrigin(request)}${FLOW_SETS_PATH}/${setId}/provisioningFlows/${created.id}`);
    return created;
  });

  app.get(FLOW_PATH, { config: { access: "read" } }, async (request) => {
    const { setId, flowId } = params(request);
    return ctx.store.read((state) => {
      const set = findFlowSet(state, setId);
      return renderFlow(set.id, findFlow(set, flowId), { ...renderOptionsFor(request, state), withContext: true });
    });
  });

  app.patch(FLOW_PATH, { config: { access: "write" } }, async (request, reply) => {
    const { setId, flowId } = params(request);
    const body = stripReadAnnotations(objectBody(request)) as Record<string, unknown>;
    const rendered = await ctx.store.update((state) => {
      const set = findFlowSet(state, setId);
      const flow = findFlow(set, flowId);
      const draft = structuredClone(flow);
      applyPatch(draft, body, state);
      draft.lastModifiedDateTime = graphTimestamp();
      set.flows[set.flows.indexOf(flow)] = draft;
      return renderFlow(set.id, draft, { ...renderOptionsFor(request, state), withContext: true });
    });
    // 204 as the docs show, or 200 with the entity when started with patchResponse 200.
    if (ctx.options.patchResponse === 200) return rendered;
    return reply.code(204).send();
  });

  app.delete(FLOW_PATH, { config: { access: "write" } }, async (request, reply) => {
    const { setId, flowId } = params(request);
    await ctx.store.update((state) => {
      const set = findFlowSet(state, setId);
      const flow = findFlow(set, flowId);
      set.flows = set.flows.filter((f) => f !== flow);
    });
    return reply.code(204).send();
  });

  // The reset action, in both spellings (docs: /reset; SDK: /microsoft.graph.industryData.reset): it
  // reprocesses the flow from scratch, which here means readinessStatus back to notReady.
  for (const action of ["reset", "microsoft.graph.industryData.reset"]) {
    app.post(`${FLOW_PATH}/${action}`, { config: { access: "write" } }, async (request, reply) => {
      const { setId, flowId } = params(request);
      await ctx.store.update((state) => {
        const flow = findFlow(findFlowSet(state, setId), flowId);
        flow.readinessStatus = "notReady";
      });
      return reply.code(202).send();
    });
  }
}

/** `/beta/external/industryData/outboundProvisioningFlowSets`: list, create, get, PATCH, delete. */
import { randomUUID } from "node:crypto";
import { FastifyInstance, FastifyRequest } from "fastify";
import { EmulatorContext } from "../context";
import { badRequest, notFound } from "../graphError";
import { graphTimestamp } from "../model/clock";
import { ingestEntity, stripReadAnnotations } from "../model/ingest";
import { flowSetsContext, renderFlowSet } from "../model/render";
import { StoredFlowSet, TenantState } from "../model/tenant";
import { outboundProvisioningFlowSet } from "../schemas/edm";
import { canonicalizePropertyNames } from "../schemas/propertyNames";
import { assertValid, validators } from "../schemas/validator";
import { collectionAnswer, objectBody, rejectComputed, renderOptionsFor, requestGraphUrl, requestOrigin } from "./odata";

/** Route prefix of the flow sets collection. */
export const FLOW_SETS_PATH = "/beta/external/industryData/outboundProvisioningFlowSets";

const computed = ["id", "createdDateTime", "lastModifiedDateTime"] as const;

/** The stored set with this id (ids compare case-insensitively), or the Graph 404. */
export function findFlowSet(state: Readonly<TenantState>, setId: string): StoredFlowSet {
  // Keys compare case-insensitively (GUIDs), on both sides: a stored id need not be lower-case (PUT state).
  const set = state.flowSets.find((s) => s.id.toLowerCase() === setId.toLowerCase());
  if (!set) throw notFound(`The outboundProvisioningFlowSet '${setId}' was not found.`);
  return set;
}

/** A validated, annotation-free write body (create or PATCH). */
function checkedBody(request: FastifyRequest, mode: "create" | "patch"): Record<string, unknown> {
  const sent = stripReadAnnotations(objectBody(request)) as Record<string, unknown>;
  const body = canonicalizePropertyNames(outboundProvisioningFlowSet.properties, sent);
  rejectComputed(body, computed);
  if ("provisioningFlows" in body) throw badRequest("Property 'provisioningFlows' cannot be written with the flow set; create flows under …/provisioningFlows.");
  assertValid(mode === "create" ? validators.flowSetCreate : validators.flowSetPatch, body);
  return body;
}

/** Registers the flow-set routes. */
export function flowSetRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get(FLOW_SETS_PATH, { config: { access: "read" } }, async (request) => {
    // The metadata marks flow sets not filterable (reference §1.1).
    if ((request.query as Record<string, unknown>).$filter !== undefined) throw badRequest("Query option '$filter' is not supported on outboundProvisioningFlowSets.");
    return ctx.store.read((state) => {
      const all = state.flowSets.map((s) => renderFlowSet(s, { ...renderOptionsFor(request, state), withContext: false }));
      return collectionAnswer(all, request, { context: flowSetsContext(requestGraphUrl(request)), pageSize: ctx.options.pageSize });
    });
  });

  app.post(FLOW_SETS_PATH, { config: { access: "write" } }, async (request, reply) => {
    const body = checkedBody(request, "create");
    const created = await ctx.store.update((state) => {
      const props = ingestEntity(outboundProvisioningFlowSet, body, { roleGroups: state.roleGroups });
      const now = graphTimestamp();
      const set = { id: randomUUID(), createdDateTime: now, lastModifiedDateTime: now, ...props, flows: [] } as unknown as StoredFlowSet;
      state.flowSets.push(set);
      return renderFlowSet(set, { ...renderOptionsFor(request, state), withContext: true });
    });
    reply.code(201).header("Location", `${requestOrigin(request)}${FLOW_SETS_PATH}/${created.id}`);
    return created;
  });

  app.get(`${FLOW_SETS_PATH}/:setId`, { config: { access: "read" } }, async (request) => {
    const { setId } = request.params as { setId: string };
    return ctx.store.read((state) => renderFlowSet(findFlowSet(state, setId), { ...renderOptionsFor(request, state), withContext: true }));
  });

  app.patch(`${FLOW_SETS_PATH}/:setId`, { config: { access: "write" } }, async (request, reply) => {
    const { setId } = request.params as { setId: string };
    const body = checkedBody(request, "patch");
    const rendered = await ctx.store.update((state) => {
      const set = findFlowSet(state, setId);
      // Strict PATCH: each property sent replaces the stored one whole; those not sent stay.
      Object.assign(set, ingestEntity(outboundProvisioningFlowSet, body, { roleGroups: state.roleGroups }));
      set.lastModifiedDateTime = graphTimestamp();
      return renderFlowSet(set, { ...renderOptionsFor(request, state), withContext: true });
    });
    // Docs show 204; the SDK allows 200 with the entity: both are offered (option patchResponse).
    if (ctx.options.patchResponse === 200) return rendered;
    return reply.code(204).send();
  });

  app.delete(`${FLOW_SETS_PATH}/:setId`, { config: { access: "write" } }, async (request, reply) => {
    const { setId } = request.params as { setId: string };
    await ctx.store.update((state) => {
      const set = findFlowSet(state, setId);
      // The flows are contained in the set, so they go with it.
      state.flowSets = state.flowSets.filter((s) => s !== set);
    });
    return reply.code(204).send();
  });
}

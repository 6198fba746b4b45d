/**
 * `/external/industryData/referenceDefinitions`: built-in definitions (source CEDS, IMS Global, Microsoft;
 * created 0001-01-01) and tenant-defined ones (source "Tenant Defined"). Id `{referenceType}-{code}`; code and
 * sortIndex unique within a reference type; DELETE is a soft delete (isDisabled true), as Graph documents.
 */
import { FastifyInstance, FastifyRequest } from "fastify";
import { SCOPES } from "../auth/permissions";
import { EmulatorContext } from "../context";
import { badRequest, GraphHttpError, notFound } from "../graphError";
import { graphTimestamp } from "../model/clock";
import { stripReadAnnotations } from "../model/ingest";
import { StoredReferenceDefinition, TENANT_DEFINED, TenantState } from "../model/tenant";
import { extensibleReferenceTypes, referenceDefinition } from "../schemas/inboundEdm";
import { canonicalizePropertyNames } from "../schemas/propertyNames";
import { assertValid, entityValidators } from "../schemas/validator";
import { INDUSTRY_DATA_PATH } from "./entityRoutes";
import { collectionAnswer, objectBody, rejectComputed, requestGraphUrl, requestOrigin } from "./odata";

const PATH = `${INDUSTRY_DATA_PATH}/referenceDefinitions`;
const computed = ["id", "source", "createdDateTime", "lastModifiedDateTime"];
const validators = entityValidators(referenceDefinition, { requireOdataType: false });

function render(def: StoredReferenceDefinition, context?: string): Record<string, unknown> {
  return {
    ...(context ? { "@odata.context": context } : {}),
    id: def.id,
    referenceType: def.referenceType,
    displayName: def.displayName ?? null,
    code: def.code,
    source: def.source,
    isDisabled: def.isDisabled,
    sortIndex: def.sortIndex,
    createdDateTime: def.createdDateTime,
    lastModifiedDateTime: def.lastModifiedDateTime,
  };
}

function find(state: Readonly<TenantState>, id: string): StoredReferenceDefinition {
  const found = state.referenceDefinitions.find((d) => d.id.toLowerCase() === id.toLowerCase());
  if (!found) throw notFound(`The referenceDefinition '${id}' was not found.`);
  return found;
}

function conflict(message: string): GraphHttpError {
  return new GraphHttpError({ status: 409, code: "Conflict", message });
}

/** sortIndex is unique within a reference type (reference §8): another definition holding it is a 409. */
function checkSortIndex(state: Readonly<TenantState>, def: Pick<StoredReferenceDefinition, "id" | "referenceType" | "sortIndex">): void {
  const other = state.referenceDefinitions.find((d) => d.referenceType === def.referenceType && d.sortIndex === def.sortIndex && d.id !== def.id);
  if (other) throw conflict(`sortIndex ${def.sortIndex} is already used by '${other.id}': it must be unique within ${def.referenceType}.`);
}

function body(request: FastifyRequest): Record<string, unknown> {
  const sent = stripReadAnnotations(objectBody(request)) as Record<string, unknown>;
  const out = canonicalizePropertyNames(referenceDefinition.properties, sent);
  rejectComputed(out, computed);
  return out;
}

/** Registers the reference definition routes. */
export function referenceDefinitionRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const read = { config: { access: "read" as const, scopes: SCOPES.referenceDefinitions } };
  const write = { config: { access: "write" as const, scopes: SCOPES.referenceDefinitions } };
  const contextOf = (request: FastifyRequest) => `${requestGraphUrl(request)}/$metadata#external/industryData/referenceDefinitions`;

  app.get(PATH, read, async (request) =>
    ctx.store.read((state) => collectionAnswer(state.referenceDefinitions.map((d) => render(d)), request, { context: contextOf(request), pageSize: ctx.options.pageSize })),
  );

  app.get(`${PATH}/:id`, read, async (request) =>
    ctx.store.read((state) => render(find(state, (request.params as { id: string }).id), `${contextOf(request)}/$entity`)),
  );

  app.post(PATH, write, async (request, reply) => {
    const sent = body(request);
    assertValid(validators.create, sent);
    const referenceType = extensibleReferenceTypes.find((t) => t.toLowerCase() === String(sent.referenceType).toLowerCase());
    if (!referenceType) throw badRequest(`Reference type '${String(sent.referenceType)}' cannot be extended. Extensible types: ${extensibleReferenceTypes.join(", ")}.`);
    const code = String(sent.code);
    if (!/^[^-/\\?#'()]+$/.test(code)) throw badRequest(`Property 'code' value '${code}' cannot hold '-', '/', '\\', '?', '#', quotes or parentheses: it is part of the id {referenceType}-{code}.`);
    const created = await ctx.store.update((state) => {
      const id = `${referenceType}-${code}`;
      const existing = state.referenceDefinitions.find((d) => d.id.toLowerCase() === id.toLowerCase());
      // A disabled (deleted) definition still holds its code: re-enable it with a PATCH instead.
      if (existing) throw conflict(`Code '${code}' already exists in ${referenceType} ('${existing.id}'${existing.isDisabled ? ", disabled" : ""}): code must be unique within a reference type.`);
      const now = graphTimestamp();
      const def: StoredReferenceDefinition = {
        id, code, referenceType, displayName: (sent.displayName as string | null | undefined) ?? null,
        isDisabled: sent.isDisabled as boolean, sortIndex: sent.sortIndex as number,
        source: TENANT_DEFINED, createdDateTime: now, lastModifiedDateTime: now,
      };
      checkSortIndex(state, def);
      state.referenceDefinitions.push(def);
      return def;
    });
    reply.code(201).header("Location", `${requestOrigin(request)}${PATH}/${created.id}`);
    return render(created, `${contextOf(request)}/$entity`);
  });

  app.patch(`${PATH}/:id`, write, async (request, reply) => {
    const sent = body(request);
    assertValid(validators.patch, sent);
    const rendered = await ctx.store.update((state) => {
      const def = find(state, (request.params as { id: string }).id);
      if (def.source !== TENANT_DEFINED) throw badRequest(`Reference definition '${def.id}' is built in (source ${def.source}) and cannot be changed.`);
      for (const name of ["code", "referenceType"] as const) {
        // Part of the id: a different value would be another definition.
        if (name in sent && sent[name] !== def[name]) throw badRequest(`Property '${name}' of a referenceDefinition cannot be updated: it is part of the id '${def.id}'.`);
      }
      const draft = { ...def };
      if ("displayName" in sent) draft.displayName = sent.displayName as string | null;
      if ("isDisabled" in sent) draft.isDisabled = sent.isDisabled as boolean;
      if ("sortIndex" in sent) draft.sortIndex = sent.sortIndex as number;
      checkSortIndex(state, draft);
      draft.lastModifiedDateTime = graphTimestamp();
      state.referenceDefinitions[state.referenceDefinitions.indexOf(def)] = draft;
      return render(draft, `${contextOf(request)}/$entity`);
    });
    if (ctx.options.patchResponse === 200) return rendered;
    return reply.code(204).send();
  });

  // Soft delete (reference §2.7): historical data may point at the code, so it is disabled, never removed.
  app.delete(`${PATH}/:id`, write, async (request, reply) => {
    await ctx.store.update((state) => {
      const def = find(state, (request.params as { id: string }).id);
      if (def.source !== TENANT_DEFINED) throw badRequest(`Reference definition '${def.id}' is built in (source ${def.source}) and cannot be deleted.`);
      if (!def.isDisabled) {
        def.isDisabled = true;
        def.lastModifiedDateTime = graphTimestamp();
      }
    });
    return reply.code(204).send();
  });
}

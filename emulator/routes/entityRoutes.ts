/**
 * The generic routes of a collection of entities (a CollectionDef: the outbound flow sets and flows, the inbound
 * collections): list, create, get, strict PATCH, delete, the entity's actions, the navigation sub-paths
 * (`…/{id}/sourceSystem`), `$expand` of the bindings and `$select`. Bindings are written only on create
 * (`<navigation>@odata.bind`) and never appear in a plain read.
 */
import { randomUUID } from "node:crypto";
import { FastifyInstance, FastifyRequest } from "fastify";
import { EmulatorContext } from "../context";
import { badRequest, GraphHttpError, notFound } from "../graphError";
import { graphTimestamp } from "../model/clock";
import { ingestEntity, stripReadAnnotations } from "../model/ingest";
import { renderStructural } from "../model/render";
import { InboundCollection, StoredEntity, TenantState } from "../model/tenant";
import { EntityDef, NavTarget, odataType } from "../schemas/edm";
import { qualified } from "../schemas/inboundEdm";
import { canonicalizePropertyNames } from "../schemas/propertyNames";
import { assertValid, entityValidators, EntityValidators } from "../schemas/validator";
import { CollectionDef, Scope } from "./collectionDef";
import { collectionDefs } from "./inboundCollections";
import { outboundCollectionDefs } from "./outboundCollections";
import { collectionAnswer, objectBody, rejectComputed, renderOptionsFor, requestGraphUrl, requestOrigin } from "./odata";

/** `/beta/external/industryData` */
export const INDUSTRY_DATA_PATH = "/beta/external/industryData";

/** An entity-level binding of a collection's kinds. */
interface Navigation {
  name: string;
  target: NavTarget;
}

/** The entity-level bindings of `def`'s kinds (union over kinds; all kinds of a collection share theirs). */
export function navigationsOf(def: CollectionDef): Navigation[] {
  const out = new Map<string, Navigation>();
  for (const kind of Object.values(def.kinds)) {
    for (const p of kind.properties) if (p.type.kind === "nav") out.set(p.name, { name: p.name, target: p.type.target });
  }
  return [...out.values()];
}

function structuralNames(def: CollectionDef): Set<string> {
  const names = new Set<string>(["id", ...def.readOnly]);
  for (const kind of Object.values(def.kinds)) {
    for (const p of kind.properties) if (p.type.kind !== "nav" && p.type.kind !== "secret") names.add(p.name);
  }
  return names;
}

/** The entity of `scope` with this id, or the Graph 404. */
function findIn(def: CollectionDef, scope: Scope, id: string): StoredEntity {
  // Keys compare case-insensitively (GUIDs), on both sides: a stored id need not be lower-case (PUT state).
  const found = scope.list.find((e) => e.id.toLowerCase() === id.toLowerCase());
  if (!found) throw notFound(`The ${def.typeName} '${id}' was not found${scope.within ?? ""}.`);
  return found;
}

/** The stored entity of a top-level collection with this id (ids compare case-insensitively), or the Graph 404. */
export function findEntity(state: Readonly<TenantState>, def: CollectionDef, id: string): StoredEntity {
  return findIn(def, def.scope(state, {}), id);
}

function kindDef(def: CollectionDef, entity: StoredEntity): EntityDef {
  return def.kinds[entity.kind ?? def.typeName];
}

/** `$expand` and `$select` of a read, checked against the collection's properties and bindings. */
interface ReadShape {
  /** Each expanded binding, with the `$select` nested in it (`$expand=year($select=id)`), if any. */
  expand: { nav: Navigation; shape: ReadShape }[];
  /** A plain read with the emulator's `autoExpandInbound` option: the CSDL's AutoExpand navigations come expanded. */
  autoExpand?: boolean;
  select?: Set<string>;
}

/** `a,b(c,d),e` split on the commas outside parentheses. */
function splitTopLevel(raw: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of raw) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === separator && depth === 0) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}

function selectOf(def: CollectionDef, raw: string | undefined): Set<string> | undefined {
  if (raw === undefined) return undefined;
  const names = structuralNames(def);
  const select = new Set<string>();
  for (const name of splitTopLevel(raw, ",")) {
    const found = [...names].find((n) => n.toLowerCase() === name.toLowerCase());
    if (!found) throw badRequest(`Could not find a property named '${name}' on type '${qualified(def.typeName)}' to $select.`);
    select.add(found);
  }
  return select;
}

function expandOf(def: CollectionDef, raw: string | undefined): ReadShape["expand"] {
  const navs = navigationsOf(def);
  return splitTopLevel(raw ?? "", ",").map((item) => {
    const m = /^([^()]+?)\s*(?:\((.*)\))?$/.exec(item);
    const name = m?.[1] ?? item;
    const nav = navs.find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (!nav || nav.target === "roleGroups") {
      const allowed = navs.filter((n) => n.target !== "roleGroups").map((n) => n.name).join(", ") || "none";
      throw badRequest(`Could not find a navigation property named '${name}' on type '${qualified(def.typeName)}' to $expand. Expandable: ${allowed}.`);
    }
    const nested: Record<string, string> = {};
    for (const option of splitTopLevel(m?.[2] ?? "", ";")) {
      const [key, ...value] = option.split("=");
      if (key.trim().toLowerCase() !== "$select") throw badRequest(`Query option '${key.trim()}' inside $expand=${nav.name}(…) is not supported by the emulator; only $select is.`);
      nested.$select = value.join("=");
    }
    const targetDef = collectionDefs[nav.target as InboundCollection];
    return { nav, shape: { expand: [], select: selectOf(targetDef, nested.$select) } };
  });
}

/**
 * The entity-level navigations the CSDL marks `Core.AutoExpand` (industryDataConnector/sourceSystem), by
 * collection; served expanded in plain reads only with the `autoExpandInbound` option.
 */
const AUTO_EXPANDED: Partial<Record<string, string[]>> = { dataConnectors: ["sourceSystem"] };

function readShape(request: FastifyRequest, def: CollectionDef, autoExpand: boolean, read: "list" | "item"): ReadShape {
  const query = request.query as Record<string, string | undefined>;
  if (read === "list" && def.listRefuses && query[def.listRefuses.option] !== undefined) throw badRequest(def.listRefuses.message);
  if (def.queryOptions === "ignored") return { expand: [] };
  for (const unsupported of ["$filter", "$orderby", "$search", "$count"]) {
    if (query[unsupported] !== undefined) throw badRequest(`Query option '${unsupported}' is not supported by the emulator on ${def.path}.`);
  }
  return { expand: expandOf(def, query.$expand), select: selectOf(def, query.$select), autoExpand };
}

/** How one entity is rendered beyond its read shape. */
export interface RenderAs {
  /** The answer's `@odata.context` (an item's `…/$entity`), if it has one. */
  context?: string;
  /** The context URL of the entity's collection, which a flow's expanded roleGroup names in its own context. */
  collection?: string;
  /** The 201 answer of a create: no roleGroup expanded in it (as the docs' create example shows). */
  created?: boolean;
}

/**
 * An entity as Graph returns it: `@odata.type` for polymorphic collections, id, the stored head (timestamps,
 * status), structural properties, computed ones.
 */
export function renderEntity(def: CollectionDef, entity: StoredEntity, request: FastifyRequest, state: Readonly<TenantState>, shape: ReadShape = { expand: [] }, as: RenderAs = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (as.context) out["@odata.context"] = as.context;
  const kind = entity.kind ?? def.typeName;
  if (def.polymorphic) out["@odata.type"] = odataType(kind);
  out.id = entity.id;
  Object.assign(out, def.renderHead?.(entity));
  renderStructural(kindDef(def, entity), entity, out, {
    ...renderOptionsFor(request, state, !as.created),
    expandInboundRoleGroups: shape.autoExpand === true,
    entityContext: as.collection ? `${as.collection}('${entity.id}')/${qualified(kind)}` : "",
  });
  Object.assign(out, def.computedOnRead?.(entity));
  if (shape.select) {
    for (const key of Object.keys(out)) if (!key.startsWith("@odata.") && key !== "id" && !shape.select.has(key)) delete out[key];
  }
  for (const { nav, shape: nested } of shape.expand) out[nav.name] = renderBound(nav, entity, request, state, nested);
  if (shape.autoExpand) {
    // AutoExpand: what the read did not $expand itself (nor leave out with $select) comes expanded, whole.
    for (const nav of navigationsOf(def).filter((n) => AUTO_EXPANDED[def.path]?.includes(n.name))) {
      if (nav.name in out || (shape.select && !shape.select.has(nav.name))) continue;
      out[nav.name] = renderBound(nav, entity, request, state, { expand: [], autoExpand: true });
    }
  }
  return out;
}

function renderBound(nav: Navigation, entity: StoredEntity, request: FastifyRequest, state: Readonly<TenantState>, shape?: ReadShape): Record<string, unknown> | null {
  const id = entity[`${nav.name}Id`];
  if (nav.target === "roleGroups") return null;
  const targetDef = collectionDefs[nav.target];
  const bound = state[nav.target].find((e) => e.id === id);
  return bound ? renderEntity(targetDef, bound, request, state, shape) : null;
}

function contextOf(request: FastifyRequest, collection: string): string {
  return `${requestGraphUrl(request)}/$metadata#external/industryData/${collection}`;
}

/** The concrete kind a POST body names; the Graph 400 for none, an abstract base, or another collection's type. */
function kindForCreate(def: CollectionDef, body: Record<string, unknown>): string {
  if (!def.polymorphic) return def.typeName;
  const allowed = Object.keys(def.kinds).map(odataType).join(", ");
  const t = body["@odata.type"];
  if (t === undefined) throw badRequest(`Property '@odata.type' is required: ${qualified(def.typeName)} is abstract. Send one of ${allowed}.`);
  const name = String(t).replace(/^#/, "");
  const kind = Object.keys(def.kinds).find((k) => qualified(k) === name);
  if (kind) return kind;
  const abstract = new Set([def.typeName, ...Object.values(def.ancestors ?? {}).flat()].map(qualified));
  throw badRequest(`Cannot create an instance of '${name}' in ${def.path}: ${abstract.has(name) ? "the type is abstract" : "not a type of this collection"}. Send one of ${allowed}.`);
}

/** A PATCH's `@odata.type`, when sent, must name the entity's own kind or an abstract ancestor (with or without '#'). */
function checkPatchType(def: CollectionDef, entity: StoredEntity, body: Record<string, unknown>): void {
  const t = body["@odata.type"];
  if (t === undefined) return;
  const own = entity.kind ?? def.typeName;
  const accepted = [own, ...(def.ancestors?.[own] ?? [])].map(qualified);
  if (!accepted.includes(String(t).replace(/^#/, ""))) {
    throw badRequest(`The type of ${def.typeName} '${entity.id}' is '${odataType(own)}' and cannot change to '${String(t)}'; delete it and create a new one.`);
  }
}

function validatorsOf(def: CollectionDef, kind: string): EntityValidators {
  return def.validators?.(kind) ?? entityValidators(def.kinds[kind], { requireOdataType: def.polymorphic });
}

/** A validated, annotation-free write body with canonical property names. */
function checkedBody(request: FastifyRequest, def: CollectionDef, kind: string, mode: "create" | "patch"): Record<string, unknown> {
  const sent = stripReadAnnotations(objectBody(request)) as Record<string, unknown>;
  const body = canonicalizePropertyNames(def.kinds[kind].properties, sent);
  rejectComputed(body, def.readOnly);
  def.checkBody?.(body);
  if (mode === "patch") {
    // Checked by checkPatchType (own kind or an abstract ancestor): the kind's schema validates the rest.
    delete body["@odata.type"];
    // Bindings are create-only (reference §6): a PATCH carrying one, even to the same entity, is refused, so a
    // client that would rebind in place finds out (Graph documents no update of them).
    const bind = navigationsOf(def).find((n) => `${n.name}@odata.bind` in body);
    if (bind) throw badRequest(`Property '${bind.name}@odata.bind' cannot be updated: the ${bind.name} of a ${def.typeName} is set on create only. Delete the ${def.typeName} and create a new one.`);
  }
  const validators = validatorsOf(def, kind);
  assertValid(mode === "create" ? validators.create : validators.patch, body);
  return body;
}

/** Throws the 400 for a create-only property the PATCH would change. */
function checkCreateOnly(def: CollectionDef, before: StoredEntity, after: StoredEntity): void {
  for (const name of def.createOnly) {
    if (JSON.stringify(before[name] ?? null) !== JSON.stringify(after[name] ?? null)) {
      throw badRequest(`Property '${name}' of a ${def.typeName} cannot be updated; delete it and create a new one.`);
    }
  }
}

/** The route parameters of a request (a parent's id, the entity's). */
function paramsOf(request: FastifyRequest): Record<string, string> {
  return request.params as Record<string, string>;
}

/** Registers the routes of one collection. */
export function entityRoutes(app: FastifyInstance, ctx: EmulatorContext, def: CollectionDef): void {
  const path = `${INDUSTRY_DATA_PATH}/${def.path}`;
  const item = `${path}/:${def.idParam}`;
  const read = { config: { access: "read" as const, scopes: def.scopes } };
  const write = { config: { access: "write" as const, scopes: def.scopes } };
  const id = (request: FastifyRequest) => paramsOf(request)[def.idParam];
  /** The entities the request addresses and their collection's context URL. */
  const scopeOf = (request: FastifyRequest, state: Readonly<TenantState>) => {
    const scope = def.scope(state, paramsOf(request));
    return { scope, collection: contextOf(request, scope.context) };
  };
  const entityOf = (request: FastifyRequest, state: Readonly<TenantState>) => {
    const { scope, collection } = scopeOf(request, state);
    return { scope, collection, entity: findIn(def, scope, id(request)) };
  };

  app.get(path, read, async (request) => {
    const shape = readShape(request, def, ctx.options.autoExpandInbound, "list");
    return ctx.store.read((state) => {
      const { scope, collection } = scopeOf(request, state);
      const all = scope.list.map((e) => renderEntity(def, e, request, state, shape, { collection }));
      return collectionAnswer(all, request, { context: collection, pageSize: ctx.options.pageSize });
    });
  });

  app.post(path, write, async (request, reply) => {
    const sent = objectBody(request);
    const kind = def.kindForCreate?.(sent) ?? kindForCreate(def, sent);
    const body = checkedBody(request, def, kind, "create");
    const created = await ctx.store.update((state) => {
      const { scope, collection } = scopeOf(request, state);
      def.beforeCreate?.(kind, scope);
      const props = ingestEntity(def.kinds[kind], body, { roleGroups: state.roleGroups, state });
      const now = graphTimestamp();
      const entity: StoredEntity = {
        id: randomUUID(),
        ...(def.polymorphic ? { kind } : {}),
        ...(def.timestamps ? { createdDateTime: now, lastModifiedDateTime: now } : {}),
        ...def.initial?.(),
        ...props,
      };
      def.check?.(entity, state);
      scope.list.push(entity);
      return renderEntity(def, entity, request, state, undefined, { context: `${collection}/$entity`, collection, created: true });
    });
    const params = paramsOf(request);
    const at = def.path.replace(/:(\w+)/g, (_m, name: string) => params[name]);
    reply.code(201).header("Location", `${requestOrigin(request)}${INDUSTRY_DATA_PATH}/${at}/${String(created.id)}`);
    return created;
  });

  app.get(item, read, async (request) => {
    const shape = readShape(request, def, ctx.options.autoExpandInbound, "item");
    return ctx.store.read((state) => {
      const { collection, entity } = entityOf(request, state);
      return renderEntity(def, entity, request, state, shape, { context: `${collection}/$entity`, collection });
    });
  });

  app.patch(item, write, async (request, reply) => {
    const rendered = await ctx.store.update((state) => {
      const { scope, collection, entity } = entityOf(request, state);
      // Applied to a copy, so a refused PATCH changes nothing.
      const draft: StoredEntity = structuredClone(entity);
      if (def.applyPatch) def.applyPatch(draft, stripReadAnnotations(objectBody(request)) as Record<string, unknown>, state);
      else {
        checkPatchType(def, entity, objectBody(request));
        const body = checkedBody(request, def, entity.kind ?? def.typeName, "patch");
        // Strict PATCH: each property sent replaces the stored one whole (a credential sent without a part loses
        // it); properties not sent stay.
        Object.assign(draft, ingestEntity(kindDef(def, entity), body, { roleGroups: state.roleGroups, state }));
        checkCreateOnly(def, entity, draft);
      }
      if (def.timestamps) draft.lastModifiedDateTime = graphTimestamp();
      def.check?.(draft, state);
      scope.list[scope.list.indexOf(entity)] = draft;
      return renderEntity(def, draft, request, state, undefined, { context: `${collection}/$entity`, collection });
    });
    // Docs show 204; the SDK allows 200 with the entity: both are offered (option patchResponse).
    if (ctx.options.patchResponse === 200) return rendered;
    return reply.code(204).send();
  });

  app.delete(item, write, async (request, reply) => {
    await ctx.store.update((state) => {
      const { scope, entity } = entityOf(request, state);
      const binders = def.boundBy?.(state, entity.id);
      if (binders && binders.ids.length) {
        // Undocumented: the emulator refuses with 409 rather than leave dangling bindings (README).
        throw new GraphHttpError({
          status: 409,
          code: "Conflict",
          message: `The ${def.typeName} '${entity.id}' cannot be deleted: ${binders.collection} ${binders.ids.map((b) => `'${b}'`).join(", ")} bind it through '${binders.navigation}'. Delete or replace them first.`,
        });
      }
      // What the entity contains (a set's flows) goes with it.
      scope.list.splice(scope.list.indexOf(entity), 1);
    });
    return reply.code(204).send();
  });

  for (const [name, run] of Object.entries(def.actions ?? {})) {
    app.post(`${item}/${name}`, write, async (request, reply) => {
      await ctx.store.update((state) => run(entityOf(request, state).entity));
      return reply.code(202).send();
    });
  }

  // Navigation sub-paths: the bound entity itself (reference §1: …/dataConnectors/{id}/sourceSystem, …).
  for (const nav of navigationsOf(def)) {
    if (nav.target === "roleGroups") continue;
    app.get(`${item}/${nav.name}`, read, async (request) =>
      ctx.store.read((state) => {
        const bound = renderBound(nav, entityOf(request, state).entity, request, state);
        if (!bound) throw notFound(`The ${def.typeName} '${id(request)}' has no ${nav.name}.`);
        return { "@odata.context": `${contextOf(request, nav.target)}/$entity`, ...bound };
      }),
    );
  }
}

/** Registers every collection of entities: the outbound ones, then the inbound ones. */
export function collectionRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  for (const def of outboundCollectionDefs) entityRoutes(app, ctx, def);
  for (const segment of Object.keys(collectionDefs) as InboundCollection[]) entityRoutes(app, ctx, collectionDefs[segment]);
}

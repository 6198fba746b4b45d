/**
 * The generic routes of an inbound collection (collectionDefs): list, create, get, strict PATCH, delete, the
 * navigation sub-paths (`…/{id}/sourceSystem`), `$expand` of the bindings and `$select`. Bindings are
 * written only on create (`<navigation>@odata.bind`) and never appear in a plain read.
 */
import { randomUUID } from "node:crypto";
import { FastifyInstance, FastifyRequest } from "fastify";
import { EmulatorContext } from "../context";
import { badRequest, GraphHttpError, notFound } from "../graphError";
import { ingestEntity, stripReadAnnotations } from "../model/ingest";
import { renderStructural } from "../model/render";
import { InboundCollection, StoredEntity, TenantState } from "../model/tenant";
import { EntityDef, NavTarget, odataType } from "../schemas/edm";
import { qualified } from "../schemas/inboundEdm";
import { canonicalizePropertyNames } from "../schemas/propertyNames";
import { assertValid, entityValidators } from "../schemas/validator";
import { CollectionDef, collectionDefs } from "./inboundCollections";
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

/** The stored entity of `def` with this id (ids compare case-insensitively), or the Graph 404. */
export function findEntity(state: Readonly<TenantState>, def: CollectionDef, id: string): StoredEntity {
  const found = state[def.segment].find((e) => e.id === id.toLowerCase());
  if (!found) throw notFound(`The ${def.typeName} '${id}' was not found.`);
  return found;
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
const AUTO_EXPANDED: Partial<Record<InboundCollection, string[]>> = { dataConnectors: ["sourceSystem"] };

function readShape(request: FastifyRequest, def: CollectionDef, autoExpand: boolean): ReadShape {
  const query = request.query as Record<string, string | undefined>;
  for (const unsupported of ["$filter", "$orderby", "$search", "$count"]) {
    if (query[unsupported] !== undefined) throw badRequest(`Query option '${unsupported}' is not supported by the emulator on ${def.segment}.`);
  }
  return { expand: expandOf(def, query.$expand), select: selectOf(def, query.$select), autoExpand };
}

/** An entity as Graph returns it: `@odata.type` for polymorphic collections, id, structural properties, computed ones. */
export function renderEntity(def: CollectionDef, entity: StoredEntity, request: FastifyRequest, state: Readonly<TenantState>, shape: ReadShape = { expand: [] }, context?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (context) out["@odata.context"] = context;
  if (def.polymorphic) out["@odata.type"] = odataType(entity.kind as string);
  out.id = entity.id;
  renderStructural(kindDef(def, entity), entity, out, { ...renderOptionsFor(request, state), expandInboundRoleGroups: shape.autoExpand === true });
  Object.assign(out, def.computedOnRead?.(entity));
  if (shape.select) {
    for (const key of Object.keys(out)) if (!key.startsWith("@odata.") && key !== "id" && !shape.select.has(key)) delete out[key];
  }
  for (const { nav, shape: nested } of shape.expand) out[nav.name] = renderBound(nav, entity, request, state, nested);
  if (shape.autoExpand) {
    // AutoExpand: what the read did not $expand itself (nor leave out with $select) comes expanded, whole.
    for (const nav of navigationsOf(def).filter((n) => AUTO_EXPANDED[def.segment]?.includes(n.name))) {
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

function contextOf(request: FastifyRequest, segment: string): string {
  return `${requestGraphUrl(request)}/$metadata#external/industryData/${segment}`;
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
  throw badRequest(`Cannot create an instance of '${name}' in ${def.segment}: ${abstract.has(name) ? "the type is abstract" : "not a type of this collection"}. Send one of ${allowed}.`);
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

/** A validated, annotation-free write body with canonical property names. */
function checkedBody(request: FastifyRequest, def: CollectionDef, kind: string, mode: "create" | "patch"): Record<string, unknown> {
  const sent = stripReadAnnotations(objectBody(request)) as Record<string, unknown>;
  const body = canonicalizePropertyNames(def.kinds[kind].properties, sent);
  rejectComputed(body, def.readOnly);
  if (mode === "patch") {
    // Checked by checkPatchType (own kind or an abstract ancestor): the kind's schema validates the rest.
    delete body["@odata.type"];
    // Bindings are create-only (reference §6): a PATCH carrying one, even to the same entity, is refused, so a
    // client that would rebind in place finds out (Graph documents no update of them).
    const bind = navigationsOf(def).find((n) => `${n.name}@odata.bind` in body);
    if (bind) throw badRequest(`Property '${bind.name}@odata.bind' cannot be updated: the ${bind.name} of a ${def.typeName} is set on create only. Delete the ${def.typeName} and create a new one.`);
  }
  const validators = entityValidators(def.kinds[kind], { requireOdataType: def.polymorphic });
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

/** Registers the routes of one inbound collection. */
export function entityRoutes(app: FastifyInstance, ctx: EmulatorContext, def: CollectionDef): void {
  const path = `${INDUSTRY_DATA_PATH}/${def.segment}`;
  const read = { config: { access: "read" as const, scopes: def.scopes } };
  const write = { config: { access: "write" as const, scopes: def.scopes } };
  const id = (request: FastifyRequest) => (request.params as { id: string }).id;

  app.get(path, read, async (request) => {
    const shape = readShape(request, def, ctx.options.autoExpandInbound);
    return ctx.store.read((state) => {
      const all = state[def.segment].map((e) => renderEntity(def, e, request, state, shape));
      return collectionAnswer(all, request, { context: contextOf(request, def.segment), pageSize: ctx.options.pageSize });
    });
  });

  app.post(path, write, async (request, reply) => {
    const kind = kindForCreate(def, objectBody(request));
    const body = checkedBody(request, def, kind, "create");
    const created = await ctx.store.update((state) => {
      const props = ingestEntity(def.kinds[kind], body, { roleGroups: state.roleGroups, state });
      const entity: StoredEntity = { id: randomUUID(), ...(def.polymorphic ? { kind } : {}), ...props };
      def.check?.(entity, state);
      state[def.segment].push(entity);
      return renderEntity(def, entity, request, state, undefined, `${contextOf(request, def.segment)}/$entity`);
    });
    reply.code(201).header("Location", `${requestOrigin(request)}${path}/${String(created.id)}`);
    return created;
  });

  app.get(`${path}/:id`, read, async (request) => {
    const shape = readShape(request, def, ctx.options.autoExpandInbound);
    return ctx.store.read((state) => renderEntity(def, findEntity(state, def, id(request)), request, state, shape, `${contextOf(request, def.segment)}/$entity`));
  });

  app.patch(`${path}/:id`, write, async (request, reply) => {
    const rendered = await ctx.store.update((state) => {
      const entity = findEntity(state, def, id(request));
      checkPatchType(def, entity, objectBody(request));
      const body = checkedBody(request, def, entity.kind ?? def.typeName, "patch");
      // Strict PATCH: each property sent replaces the stored one whole (a credential sent without a part loses
      // it); properties not sent stay. Applied to a draft so a refused PATCH changes nothing.
      const draft: StoredEntity = { ...structuredClone(entity), ...ingestEntity(kindDef(def, entity), body, { roleGroups: state.roleGroups, state }) };
      checkCreateOnly(def, entity, draft);
      def.check?.(draft, state);
      const list = state[def.segment];
      list[list.indexOf(entity)] = draft;
      return renderEntity(def, draft, request, state, undefined, `${contextOf(request, def.segment)}/$entity`);
    });
    // Docs show 204; the SDK allows 200 with the entity: both are offered (option patchResponse), as outbound.
    if (ctx.options.patchResponse === 200) return rendered;
    return reply.code(204).send();
  });

  app.delete(`${path}/:id`, write, async (request, reply) => {
    await ctx.store.update((state) => {
      const entity = findEntity(state, def, id(request));
      const binders = def.boundBy?.(state, entity.id);
      if (binders && binders.ids.length) {
        // Undocumented: the emulator refuses with 409 rather than leave dangling bindings (README).
        throw new GraphHttpError({
          status: 409,
          code: "Conflict",
          message: `The ${def.typeName} '${entity.id}' cannot be deleted: ${binders.collection} ${binders.ids.map((b) => `'${b}'`).join(", ")} bind it through '${binders.navigation}'. Delete or replace them first.`,
        });
      }
      const list = state[def.segment];
      list.splice(list.indexOf(entity), 1);
    });
    return reply.code(204).send();
  });

  // Navigation sub-paths: the bound entity itself (reference §1: …/dataConnectors/{id}/sourceSystem, …).
  for (const nav of navigationsOf(def)) {
    if (nav.target === "roleGroups") continue;
    app.get(`${path}/:id/${nav.name}`, read, async (request) =>
      ctx.store.read((state) => {
        const bound = renderBound(nav, findEntity(state, def, id(request)), request, state);
        if (!bound) throw notFound(`The ${def.typeName} '${id(request)}' has no ${nav.name}.`);
        return { "@odata.context": `${contextOf(request, nav.target)}/$entity`, ...bound };
      }),
    );
  }
}

/** Registers every generic inbound collection. */
export function inboundRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  for (const segment of Object.keys(collectionDefs) as InboundCollection[]) entityRoutes(app, ctx, collectionDefs[segment]);
}

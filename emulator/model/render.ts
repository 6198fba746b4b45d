/**
 * Renders stored entities as the service answers (reference §3, §4): every property of the type present
 * (absent ones as null, collections as []), nested values without `@odata.type` except abstract-typed ones
 * (defaultPasswordSettings, filter), passwords masked, `roleGroup` auto-expanded with its
 * `roleGroup@odata.context` on GET/list but absent from the 201 answer (as the docs show).
 */
import { ComplexDef, EntityDef, odataType, PropDef, PropType } from "../schemas/edm";
import { PASSWORD_MASK } from "./passwords";
import { RoleGroup } from "./tenant";

/** How one answer is rendered. */
export interface RenderOptions {
  /** `{graphUrl}` of the request, for `@odata.context` values. */
  graphUrl: string;
  /** AutoExpand of roleGroup: true on GET/list/PATCH-200, false on the 201 create answer. */
  expandRoleGroups: boolean;
  /**
   * AutoExpand (CSDL) of a role group bound inside an inbound complex value (a user-matching setting's roleGroup):
   * only with the emulator's `autoExpandInbound` option, on plain reads.
   */
  expandInboundRoleGroups?: boolean;
  roleGroups: readonly RoleGroup[];
}

interface Ctx extends RenderOptions {
  /** `@odata.context` prefix of the entity being rendered, for the nested roleGroup context. */
  entityContext: string;
  path: string[];
}

/** A role group as Graph returns it. */
export function renderRoleGroup(group: RoleGroup) {
  return { id: group.id, displayName: group.displayName, roles: group.roles.map((r) => ({ code: r.code })) };
}

function renderValue(type: PropType, value: unknown, ctx: Ctx): unknown {
  if (type.kind === "collection") {
    return Array.isArray(value) ? value.map((v) => renderValue(type.item, v, ctx)) : [];
  }
  if (value === undefined || value === null) return null;
  if (type.kind === "complex") return renderComplex(type.complex, value as Record<string, unknown>, ctx);
  if (type.kind === "polymorphic") {
    const tag = (value as Record<string, unknown>)["@odata.type"];
    const chosen = type.types.find((t) => odataType(t.name) === tag);
    return chosen ? renderComplex(chosen, value as Record<string, unknown>, ctx) : null;
  }
  return value;
}

function renderProperty(p: PropDef, stored: Record<string, unknown>, out: Record<string, unknown>, ctx: Ctx): void {
  if (p.droppedOnWrite) return;
  if (p.type.kind === "nav" && p.type.target === "roleGroups" && ctx.expandInboundRoleGroups) {
    const group = ctx.roleGroups.find((g) => g.id === stored[`${p.name}Id`]);
    out[`${p.name}@odata.context`] = `${ctx.graphUrl}/$metadata#external/industryData/roleGroups/$entity`;
    out[p.name] = group ? renderRoleGroup(group) : null;
    return;
  }
  // Write-only values and inbound bindings are never part of an entity's read (reference §2, §3.1, §3.3), unless
  // the AutoExpand option above serves them.
  if (p.type.kind === "secret" || p.type.kind === "nav") return;
  if (p.type.kind === "roleGroupNav") {
    if (!ctx.expandRoleGroups) return;
    const id = stored[`${p.name}Id`];
    const group = ctx.roleGroups.find((g) => g.id === id);
    out[`${p.name}@odata.context`] = `${ctx.entityContext}/${[...ctx.path, p.name].join("/")}/$entity`;
    out[p.name] = group ? renderRoleGroup(group) : null;
    return;
  }
  if (p.type.kind === "password") {
    // Write-only: Graph answers a fixed mask, whatever was sent.
    out[p.name] = stored.passwordHash || stored.password ? PASSWORD_MASK : null;
    return;
  }
  out[p.name] = renderValue(p.type, stored[p.name], { ...ctx, path: [...ctx.path, p.name] });
}

function renderComplex(def: ComplexDef, stored: Record<string, unknown>, ctx: Ctx): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Only values of an abstract declared type keep their @odata.type on read.
  if (def.abstractBase) out["@odata.type"] = odataType(def.name);
  for (const p of def.properties) renderProperty(p, stored, out, ctx);
  return out;
}

function renderEntityProps(def: EntityDef, stored: Record<string, unknown>, out: Record<string, unknown>, ctx: Ctx): void {
  for (const p of def.properties) renderProperty(p, stored, out, { ...ctx, path: [] });
}

/**
 * An entity's structural properties as Graph returns them, added to `out` (inbound bindings and secrets left out);
 * `entityContext` is the entity's own context path, which an expanded outbound roleGroup names in its context.
 */
export function renderStructural(def: EntityDef, stored: Record<string, unknown>, out: Record<string, unknown>, options: RenderOptions & { entityContext?: string }): void {
  renderEntityProps(def, stored, out, { ...options, entityContext: options.entityContext ?? "", path: [] });
}

/** `/beta/external/industryData/roleGroups[/{id}]`: the read-only role groups (staff, students, …). */
import { FastifyInstance, FastifyRequest } from "fastify";
import { EmulatorContext } from "../context";
import { badRequest, notFound } from "../graphError";
import { renderRoleGroup } from "../model/render";
import { RoleGroup } from "../model/tenant";
import { collectionAnswer, requestGraphUrl } from "./odata";

const ROLE_GROUPS_PATH = "/beta/external/industryData/roleGroups";
const SELECTABLE = ["id", "displayName", "roles"];

/** `$filter=displayName eq '…'` or `id eq '…'` (case-insensitive, as directory lookups are); quotes doubled inside. */
function filterOf(request: FastifyRequest): ((group: RoleGroup) => boolean) | undefined {
  const filter = (request.query as Record<string, string | undefined>).$filter;
  if (filter === undefined) return undefined;
  const m = /^\s*(displayName|id)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
  if (!m) throw badRequest(`Invalid $filter '${filter}': the emulator serves "displayName eq '<name>'" and "id eq '<id>'" on roleGroups.`);
  const property = m[1].toLowerCase() === "id" ? "id" : "displayName";
  const value = m[2].replace(/''/g, "'").toLowerCase();
  return (group) => group[property].toLowerCase() === value;
}

/** `$select` over id, displayName, roles (id always kept). */
function selectOf(request: FastifyRequest): ((rendered: Record<string, unknown>) => Record<string, unknown>) {
  const select = (request.query as Record<string, string | undefined>).$select;
  if (select === undefined) return (r) => r;
  const names = select.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = names.find((n) => !SELECTABLE.some((s) => s.toLowerCase() === n.toLowerCase()));
  if (unknown) throw badRequest(`Could not find a property named '${unknown}' on type 'microsoft.graph.industryData.roleGroup'. Selectable: ${SELECTABLE.join(", ")}.`);
  const keep = new Set(["id", ...names.map((n) => SELECTABLE.find((s) => s.toLowerCase() === n.toLowerCase())!)]);
  return (r) => Object.fromEntries(Object.entries(r).filter(([k]) => k.startsWith("@odata.") || keep.has(k)));
}

/** Registers the role-group routes (any valid token may read them: their permission is undocumented). */
export function roleGroupRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get(ROLE_GROUPS_PATH, { config: { access: "any" } }, async (request) => {
    const filter = filterOf(request);
    const select = selectOf(request);
    const all = ctx.store.read((state) => state.roleGroups.filter((g) => !filter || filter(g)).map((g) => select(renderRoleGroup(g))));
    return collectionAnswer(all, request, { context: `${requestGraphUrl(request)}/$metadata#external/industryData/roleGroups`, pageSize: ctx.options.pageSize });
  });

  app.get(`${ROLE_GROUPS_PATH}/:id`, { config: { access: "any" } }, async (request) => {
    const { id } = request.params as { id: string };
    const select = selectOf(request);
    const group = ctx.store.read((state) => state.roleGroups.find((g) => g.id.toLowerCase() === id.toLowerCase()));
    if (!group) throw notFound(`The roleGroup '${id}' was not found.`);
    return { "@odata.context": `${requestGraphUrl(request)}/$metadata#external/industryData/roleGroups/$entity`, ...select(renderRoleGroup(group)) };
  });
}

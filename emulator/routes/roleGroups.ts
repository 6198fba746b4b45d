/** `/beta/external/industryData/roleGroups[/{id}]`: the read-only role groups (staff, students, …). */
import { FastifyInstance } from "fastify";
import { EmulatorContext } from "../context";
import { notFound } from "../graphError";
import { renderRoleGroup } from "../model/render";
import { collectionAnswer, requestGraphUrl } from "./odata";

const ROLE_GROUPS_PATH = "/beta/external/industryData/roleGroups";

/** Registers the role-group routes (any valid token may read them: their permission is undocumented). */
export function roleGroupRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get(ROLE_GROUPS_PATH, { config: { access: "any" } }, async (request) => {
    const all = ctx.store.read((state) => state.roleGroups.map(renderRoleGroup));
    return collectionAnswer(all, request, { context: `${requestGraphUrl(request)}/$metadata#external/industryData/roleGroups`, pageSize: ctx.options.pageSize });
  });

  app.get(`${ROLE_GROUPS_PATH}/:id`, { config: { access: "any" } }, async (request) => {
    const { id } = request.params as { id: string };
    const group = ctx.store.read((state) => state.roleGroups.find((g) => g.id.toLowerCase() === id.toLowerCase()));
    if (!group) throw notFound(`The roleGroup '${id}' was not found.`);
    return { "@odata.context": `${requestGraphUrl(request)}/$metadata#external/industryData/roleGroups/$entity`, ...renderRoleGroup(group) };
  });
}

import type { GraphClient } from "../graph";
import type { JsonObject } from "../reconcile";
import { roleGroupsPath } from "../schema";
import { isNotFound } from "./resourceOperations";
import { roleGroupPath } from "./operationalPaths";

/** Which role group to look up: by its id (`students`) or by its display name (`Students`). */
export type RoleGroupQuery = { id: string; displayName?: undefined } | { displayName: string; id?: undefined };

/** A role group as the lookups return it: its id (for `roleGroupId`), its name and its role codes. */
export interface RoleGroupInfo {
  id: string;
  displayName: string;
  /** The `RefRole` codes the group holds, e.g. `["student"]`. */
  roles: string[];
}

/**
 * Finds one role group. By id: one GET (Graph's 404 becomes a message naming the id). By display name: the list,
 * matched case-insensitively (the built-in names are `Staff` and `Students`); no match or several matches is an
 * error naming the groups that exist, so a typo is told, not silently bound to nothing.
 */
export async function getRoleGroup(client: GraphClient, query: RoleGroupQuery): Promise<RoleGroupInfo> {
  const hasId = typeof query.id === "string";
  const hasName = typeof query.displayName === "string";
  if (hasId === hasName) throw new Error("getRoleGroup: give exactly one of id or displayName");
  if (hasId) {
    try {
      return toRoleGroupInfo(await client.get<JsonObject>(roleGroupPath(query.id as string)));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      const known = await client.list<JsonObject>(roleGroupsPath);
      throw new Error(`role group ${JSON.stringify(query.id)} does not exist; the tenant has ${describe(known)}`);
    }
  }
  const wanted = (query.displayName as string).trim().toLowerCase();
  const all = await client.list<JsonObject>(roleGroupsPath);
  const matches = all.filter((group) => String(group.displayName ?? "").trim().toLowerCase() === wanted);
  if (matches.length === 1) return toRoleGroupInfo(matches[0]);
  if (matches.length === 0) throw new Error(`no role group has the display name ${JSON.stringify(query.displayName)}; the tenant has ${describe(all)}`);
  throw new Error(`${matches.length} role groups have the display name ${JSON.stringify(query.displayName)} (${matches.map((g) => String(g.id)).join(", ")}); look it up by id`);
}

/** Every role group of the tenant. */
export async function listRoleGroups(client: GraphClient): Promise<RoleGroupInfo[]> {
  return (await client.list<JsonObject>(roleGroupsPath)).map(toRoleGroupInfo);
}

function toRoleGroupInfo(group: JsonObject): RoleGroupInfo {
  const roles = Array.isArray(group.roles) ? group.roles : [];
  return {
    id: String(group.id),
    displayName: String(group.displayName ?? ""),
    roles: roles.map((role) => String((role as { code?: unknown } | null)?.code ?? "")).filter((code) => code !== ""),
  };
}

function describe(groups: JsonObject[]): string {
  if (groups.length === 0) return "no role groups";
  return groups.map((g) => `${String(g.displayName)} (id ${String(g.id)})`).join(", ");
}

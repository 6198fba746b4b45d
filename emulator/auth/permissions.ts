/** Graph permissions for industryData outbound flows (reference §1.3). */

/** Needed for every write (POST, PATCH, DELETE, reset). */
export const READ_WRITE_ALL = "IndustryData-OutboundFlow.ReadWrite.All";
/** Enough for reads. */
export const READ_ALL = "IndustryData-OutboundFlow.Read.All";

/** What a route needs: "read" (GET), "write" (changes), or "any" valid token (role groups). */
export type Access = "read" | "write" | "any";

/** Who is calling, as the token says. */
export interface Principal {
  /** "static" for the configured static token, else the client id (azp/appid). */
  subject: string;
  /** Application permissions (app tokens: `roles`). */
  roles: string[];
  /** Delegated permissions (user tokens: `scp`, space-separated in the JWT). */
  scopes: string[];
  /** The static token has every right. */
  allAccess: boolean;
}

/** True when `principal` may perform an operation needing `access`. */
export function hasAccess(principal: Principal, access: Access): boolean {
  if (principal.allAccess || access === "any") return true;
  const granted = new Set([...principal.roles, ...principal.scopes]);
  if (granted.has(READ_WRITE_ALL)) return true;
  return access === "read" && granted.has(READ_ALL);
}

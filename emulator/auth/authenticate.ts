/**
 * The auth step of the request path for Graph routes: a bearer token is required (401
 * InvalidAuthenticationToken otherwise), then the route's access level is checked (403
 * Authorization_RequestDenied when the token lacks the collection's permission, auth/permissions.ts).
 */
import { timingSafeEqual } from "node:crypto";
import { GraphHttpError } from "../graphError";
import { Access, hasAccess, neededFor, Principal, ScopeSet } from "./permissions";
import { TokenIssuer } from "./tokenIssuer";

/** What authentication needs. */
export interface AuthConfig {
  issuer: TokenIssuer;
  /** A token accepted as-is with every right (the `--token` option); none when undefined. */
  staticToken?: string;
}

function unauthorized(message: string): GraphHttpError {
  return new GraphHttpError({
    status: 401,
    code: "InvalidAuthenticationToken",
    message,
    headers: { "WWW-Authenticate": 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token"' },
  });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The caller named by an Authorization header; throws the Graph 401 when there is none or it is invalid. */
export async function authenticate(authorization: string | undefined, config: AuthConfig): Promise<Principal> {
  if (!authorization) throw unauthorized("Access token is empty.");
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!m) throw unauthorized("Access token is empty or not a bearer token.");
  const token = m[1];
  if (config.staticToken && sameSecret(token, config.staticToken)) {
    return { subject: "static", roles: [], scopes: [], allAccess: true };
  }
  try {
    const t = await config.issuer.verify(token);
    return { subject: t.clientId, roles: t.roles, scopes: t.scopes, allAccess: false };
  } catch (e) {
    const expired = (e as { code?: string }).code === "ERR_JWT_EXPIRED";
    throw unauthorized(expired ? "Lifetime validation failed, the token is expired." : "Access token validation failure. Invalid audience, signature or format.");
  }
}

/** Throws the Graph 403 when `principal` may not perform an operation needing `access` on a collection guarded by `scopes`. */
export function authorize(principal: Principal, access: Access, scopes?: ScopeSet): void {
  if (hasAccess(principal, access, scopes)) return;
  const needed = neededFor(access, scopes);
  throw new GraphHttpError({
    status: 403,
    code: "Authorization_RequestDenied",
    message: `Insufficient privileges to complete the operation. The token needs ${needed} (application 'roles' or delegated 'scp').`,
  });
}

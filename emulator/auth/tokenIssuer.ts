/**
 * Issues and verifies the emulator's access tokens: RS256 JWTs signed with a key pair generated at start
 * (never written anywhere), shaped like Entra ID v2 tokens (aud Graph, iss `{base}/{tenant}/v2.0`, tid,
 * azp/appid, roles or scp).
 */
import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, JWK, jwtVerify, KeyLike, SignJWT } from "jose";

/** Graph's resource identifiers accepted as audience. */
export const GRAPH_AUDIENCES = ["https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000"];

/** What goes into one token. */
export interface TokenRequest {
  /** Issuer base (the emulator origin) and tenant: iss = `{issuerBase}/{tenantId}/v2.0`. */
  issuerBase: string;
  tenantId: string;
  clientId: string;
  /** App permissions (roles claim). */
  roles?: string[];
  /** Delegated permissions (scp claim); makes it a user token. */
  scopes?: string[];
  lifetimeSeconds: number;
}

/** The claims the emulator reads back from a token. */
export interface VerifiedToken {
  clientId: string;
  roles: string[];
  scopes: string[];
}

/** Signs and verifies the emulator's tokens. */
export class TokenIssuer {
  private constructor(
    private readonly privateKey: KeyLike,
    private readonly publicKey: KeyLike,
    readonly kid: string,
  ) {}

  /** A new issuer with a fresh RS256 key pair. */
  static async create(): Promise<TokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair("RS256");
    return new TokenIssuer(privateKey, publicKey, randomUUID());
  }

  /** A signed access token. */
  async issue(req: TokenRequest): Promise<string> {
    const claims: Record<string, unknown> = {
      tid: req.tenantId,
      azp: req.clientId,
      appid: req.clientId,
      oid: randomUUID(),
      ver: "2.0",
    };
    if (req.scopes && req.scopes.length) claims.scp = req.scopes.join(" ");
    else {
      claims.roles = req.roles ?? [];
      claims.idtyp = "app";
    }
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: this.kid })
      .setIssuer(`${req.issuerBase}/${req.tenantId}/v2.0`)
      .setAudience(GRAPH_AUDIENCES[0])
      .setSubject(req.clientId)
      .setIssuedAt()
      .setNotBefore("0s")
      .setExpirationTime(`${req.lifetimeSeconds}s`)
      .setJti(randomUUID())
      .sign(this.privateKey);
  }

  /** Verifies signature, expiry and audience; throws (jose errors) when any fails. */
  async verify(token: string): Promise<VerifiedToken> {
    const { payload } = await jwtVerify(token, this.publicKey, { audience: GRAPH_AUDIENCES, algorithms: ["RS256"] });
    const scp = typeof payload.scp === "string" ? payload.scp.split(" ").filter(Boolean) : [];
    const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : [];
    return { clientId: String(payload.azp ?? payload.appid ?? payload.sub ?? ""), roles, scopes: scp };
  }

  /** The public key as a JWKS document (served at `/{tenant}/discovery/v2.0/keys`). */
  async jwks(): Promise<{ keys: JWK[] }> {
    const jwk = await exportJWK(this.publicKey);
    return { keys: [{ ...jwk, kid: this.kid, use: "sig", alg: "RS256" }] };
  }
}

import type { AccessToken, TokenCredential } from "@azure/identity";

/**
 * A credential for a ready bearer token (`industrydata:accessToken`): the emulator's static token, or a token
 * a script obtained elsewhere. Its expiry is read from the token when it is a JWT (`exp`), else taken as an
 * hour from now; the provider cannot renew it either way.
 */
export class StaticTokenCredential implements TokenCredential {
  private readonly expiresOnTimestamp: number;

  constructor(private readonly token: string) {
    this.expiresOnTimestamp = jwtExpiry(token) ?? Date.now() + 3_600_000;
  }

  async getToken(): Promise<AccessToken> {
    return { token: this.token, expiresOnTimestamp: this.expiresOnTimestamp, tokenType: "Bearer" };
  }
}

function jwtExpiry(token: string): number | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as { exp?: unknown };
    return typeof claims.exp === "number" ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

import type { AccessToken } from "@azure/identity";
import { tokenReusableUntil } from "./tokenReuse";

/**
 * The bearer token string of the current token, kept until shortly before it expires (or its
 * `refreshAfterTimestamp`), so the hot path of a request is a clock read. Acquiring is left to `acquire`
 * (the cached credential, which shares one token request among concurrent callers).
 */
export class AccessTokenCache {
  private current?: { token: string; reuseUntil: number };

  constructor(
    private readonly options: {
      /** Asks the credential; null when it has no token (the caller decides how to fail). */
      acquire: () => Promise<AccessToken | null>;
      now?: () => number;
    },
  ) {}

  /** The cached token string while it is fresh, else a newly acquired one (null when the credential has none). */
  async token(): Promise<string | null> {
    const now = this.options.now ?? Date.now;
    if (this.current !== undefined && now() < this.current.reuseUntil) return this.current.token;
    const acquired = await this.options.acquire();
    if (acquired === null) return null;
    this.current = { token: acquired.token, reuseUntil: tokenReusableUntil(acquired) };
    return acquired.token;
  }
}

import type { AccessToken } from "@azure/identity";

/** Stop reusing a token this long before it expires (as `cachedTokenCredential`, which renews it then). */
const REFRESH_MARGIN_MS = 5 * 60_000;

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
    const reuseUntil = Math.min(acquired.refreshAfterTimestamp ?? Infinity, acquired.expiresOnTimestamp - REFRESH_MARGIN_MS);
    this.current = { token: acquired.token, reuseUntil };
    return acquired.token;
  }
}

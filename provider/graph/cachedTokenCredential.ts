import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/identity";
import { tokenReusableUntil } from "./tokenReuse";

/**
 * Wraps a credential so the whole provider process asks the token endpoint once per token lifetime:
 * concurrent callers share one pending request, and a token is reused until five minutes before it expires
 * (or its `refreshAfterTimestamp`). `@azure/identity`'s own cache is per credential and does not stop
 * concurrent cold-start requests; some credentials (Azure CLI) do not cache at all.
 */
export function cachedTokenCredential(credential: TokenCredential, options: { now?: () => number } = {}): TokenCredential {
  const now = options.now ?? Date.now;
  const tokens = new Map<string, AccessToken>();
  const pending = new Map<string, Promise<AccessToken | null>>();

  const fresh = (token: AccessToken | undefined): token is AccessToken =>
    token !== undefined && now() < tokenReusableUntil(token);

  return {
    async getToken(scopes: string | string[], getTokenOptions?: GetTokenOptions): Promise<AccessToken | null> {
      const key = [scopes].flat().join(" ");
      const cached = tokens.get(key);
      if (fresh(cached)) return cached;
      let request = pending.get(key);
      if (request === undefined) {
        request = credential.getToken(scopes, getTokenOptions).then((token) => {
          if (token !== null) tokens.set(key, token);
          return token;
        });
        pending.set(key, request);
        void request.then(() => pending.delete(key), () => pending.delete(key));
      }
      return request;
    },
  };
}

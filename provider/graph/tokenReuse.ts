import type { AccessToken } from "@azure/identity";

/** Stop reusing a token this long before it expires (Graph rejects a token that expires in flight). */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Until when a token may be reused: its `refreshAfterTimestamp` when it has one, and never later than five
 * minutes before it expires. The one rule both token caches (the shared credential and the bearer-string cache
 * in the authentication middleware) follow, so they never disagree about when a token is stale.
 */
export function tokenReusableUntil(token: AccessToken): number {
  return Math.min(token.refreshAfterTimestamp ?? Infinity, token.expiresOnTimestamp - REFRESH_MARGIN_MS);
}

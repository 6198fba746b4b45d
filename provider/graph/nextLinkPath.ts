/**
 * Turns an `@odata.nextLink` (an absolute URL chosen by the server) into a path relative to the configured
 * endpoint, or throws when it points anywhere else: following it would send our bearer token to a host (or
 * path) we were not configured to trust.
 */
export function nextLinkPath(nextLink: string, graphEndpoint: string): string {
  const endpoint = new URL(graphEndpoint);
  let link: URL;
  try {
    link = new URL(nextLink, endpoint);
  } catch {
    throw new Error(`Graph returned an unreadable @odata.nextLink ${JSON.stringify(nextLink)}`);
  }
  const base = endpoint.pathname.replace(/\/+$/, "");
  if (link.origin !== endpoint.origin || !(link.pathname === base || link.pathname.startsWith(`${base}/`))) {
    throw new Error(
      `Graph returned an @odata.nextLink outside the configured endpoint (${link.origin}${link.pathname} is not under ${endpoint.origin}${base}); refusing to follow it with our credentials`,
    );
  }
  return link.pathname.slice(base.length) + link.search;
}

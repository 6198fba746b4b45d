/** Graph's hosts in Microsoft's clouds; each is its own OAuth resource. */
const MICROSOFT_GRAPH_HOSTS = new Set([
  "graph.microsoft.com",
  "graph.microsoft.us",
  "dod-graph.microsoft.us",
  "microsoftgraph.chinacloudapi.cn",
  "graph.microsoft.de",
]);

/** The scope of global Graph, for endpoints that stand in for it. */
export const GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default";

/**
 * The OAuth scope to request for the configured endpoint, derived from its origin:
 * - a Microsoft Graph host: `<origin>/.default` (`https://graph.microsoft.com/.default`,
 *   `https://graph.microsoft.us/.default`, `https://microsoftgraph.chinacloudapi.cn/.default`, …);
 * - any other endpoint (the emulator, a gateway in front of Graph): `https://graph.microsoft.com/.default`.
 *   Such an endpoint stands in for global Graph and takes Graph's tokens: a gateway forwards them to Graph, and
 *   the emulator's token endpoint, like Entra's, accepts only Graph's resource (an `<origin>/.default` scope
 *   such as `https://127.0.0.1:4443/.default` is rejected with AADSTS1002012 invalid_scope).
 */
export function scopeForEndpoint(graphEndpoint: string): string {
  const url = new URL(graphEndpoint);
  return MICROSOFT_GRAPH_HOSTS.has(url.hostname.toLowerCase()) ? `${url.origin}/.default` : GRAPH_DEFAULT_SCOPE;
}

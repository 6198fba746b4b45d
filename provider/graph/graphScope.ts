/**
 * The OAuth scope for the configured endpoint: `<origin>/.default`. For Microsoft's clouds the origin is the
 * Graph resource itself (`https://graph.microsoft.com/.default`, `https://graph.microsoft.us/.default`,
 * `https://microsoftgraph.chinacloudapi.cn/.default`, …). For any other endpoint (the emulator, a proxy) the
 * same rule gives e.g. `http://127.0.0.1:4000/.default`, which is what the emulator's token endpoint expects
 * as the audience; a proxy in front of real Graph must accept tokens for its own origin.
 */
export function scopeForEndpoint(graphEndpoint: string): string {
  return `${new URL(graphEndpoint).origin}/.default`;
}

import { isIP } from "node:net";

/**
 * True when `hostname` (as `URL.hostname` gives it, IPv6 in brackets or not) names this machine:
 * 127.0.0.0/8, ::1 (and its IPv4-mapped form ::ffff:127.x.y.z), `localhost` and `*.localhost`.
 * Only such hosts may receive a bearer token over plain http.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const family = isIP(host);
  if (family === 4) return host.startsWith("127.");
  if (family === 6) {
    if (host === "::1" || /^0{0,4}(:0{0,4}){6}:0{0,3}1$/.test(host)) return true;
    // IPv4-mapped loopback, dotted (::ffff:127.0.0.1) or as URL normalizes it (::ffff:7f00:1).
    const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (dotted !== null) return dotted[1].startsWith("127.");
    return /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
  }
  return false;
}

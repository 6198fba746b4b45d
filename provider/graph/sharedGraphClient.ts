import { createHash } from "node:crypto";
import type { ProviderConfig } from "../config/providerConfig";
import { createGraphClient, type ManagedGraphClient } from "./createGraphClient";

/** One client per distinct configuration in this process (normally exactly one). */
const clients = new Map<string, ManagedGraphClient>();

/**
 * The process-wide client for a configuration: every resource of the provider process shares its one
 * credential, token cache, connection pool and concurrency limiter. The key is a hash of the whole config
 * (secrets included, so a rotated secret gets a new client), never the secrets themselves.
 */
export function getSharedGraphClient(config: ProviderConfig): ManagedGraphClient {
  const key = configFingerprint(config);
  let client = clients.get(key);
  if (client === undefined) {
    client = createGraphClient(config);
    clients.set(key, client);
  }
  return client;
}

/** Closes and forgets every shared client (tests; a long-lived host reconfiguring). */
export function closeSharedGraphClients(): void {
  for (const client of clients.values()) client.close();
  clients.clear();
}

function configFingerprint(config: ProviderConfig): string {
  const entries = Object.entries(config).filter(([, value]) => value !== undefined).sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256").update(JSON.stringify(entries)).digest("hex");
}

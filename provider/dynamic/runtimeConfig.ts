import { resolveProviderConfig, type ProviderConfig } from "../config";
import { getSharedGraphClient } from "../graph";
import type { GraphContext } from "../operations";

export type { GraphContext };

type ConfigState = { config: ProviderConfig } | { error: unknown } | undefined;

let state: ConfigState;

/**
 * Resolves the provider configuration from stack config (`industrydata:*`) with `INDUSTRYDATA_*` variables
 * as fallback. Called by the dynamic-provider host (through the shim) before the first method of each
 * resource type; never captured at serialization, so no config or secret lands in `__provider`.
 * A bad value fails here, naming the key, before any HTTP call.
 */
export async function configure(config: { get(key: string): string | undefined }): Promise<void> {
  try {
    state = { config: resolveProviderConfig((key) => config.get(key), process.env) };
  } catch (error) {
    // The host caches a provider before awaiting its configure(), so a failed configure is not retried:
    // remember the error and fail every later call with it rather than fall back to defaults (the real Graph).
    state = { error };
    throw error;
  }
}

/**
 * The Graph context of this process: the dynamic-provider host configures once per process, so every resource
 * shares it (the plugin keeps one per provider instance instead). Without a prior `configure()` (tools and tests calling the
 * providers directly) the configuration comes from the `INDUSTRYDATA_*` environment variables.
 */
export function graphContext(): GraphContext {
  if (state === undefined) state = { config: resolveProviderConfig(() => undefined, process.env) };
  if ("error" in state) throw state.error;
  return { client: getSharedGraphClient(state.config), graphEndpoint: state.config.graphEndpoint, takeOver: state.config.takeOver };
}

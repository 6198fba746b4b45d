import type { CrudProvider } from "./resourceProvider";
import type { ProviderKey } from "../schema";

type Runtime = typeof import("./runtime");

/** Loads the provider runtime (Graph client, credentials, validation) the first time it is needed. */
function runtime(): Runtime {
  return require("./runtime") as Runtime;
}

/**
 * `providers` of the runtime, loaded on first access: a Pulumi program that only declares resources never needs
 * the Graph client (the dynamic-provider host loads the runtime itself), and loading it costs about a second.
 */
export const lazyProviders: Readonly<Record<ProviderKey, CrudProvider>> = new Proxy({} as Record<ProviderKey, CrudProvider>, {
  get: (_target, key) => (runtime().providers as Record<string | symbol, unknown>)[key],
  has: (_target, key) => key in runtime().providers,
  ownKeys: () => Reflect.ownKeys(runtime().providers),
  getOwnPropertyDescriptor: (_target, key) => Object.getOwnPropertyDescriptor(runtime().providers, key),
});

/** The runtime's `configure`, loaded on first call. */
export function lazyConfigure(config: { get(key: string): string | undefined }): Promise<void> {
  return runtime().configure(config);
}

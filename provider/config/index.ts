export type { ProviderConfig, ProviderConfigKey, ProviderConfigKeySpec } from "./providerConfig";
export {
  resolveProviderConfig,
  envNameFor,
  providerConfigKeys,
  providerConfigSpecs,
  DEFAULT_GRAPH_ENDPOINT,
  DEFAULT_MAX_RETRIES,
  DEFAULT_CONCURRENCY,
  DEFAULT_OPERATION_TIMEOUT_MS,
} from "./providerConfig";
export { isLoopbackHost } from "./loopbackHost";
export { isConfigError } from "./configValues";
export type { ConfigError } from "./configValues";

import { configError, parseBoundedInteger, parseEndpointUrl, parseHttpsUrl, parseSeconds } from "./configValues";

/** Graph's beta endpoint, where the industryData APIs live. */
export const DEFAULT_GRAPH_ENDPOINT = "https://graph.microsoft.com/beta";
/** Retries after the first attempt for a throttled or transient failure. */
export const DEFAULT_MAX_RETRIES = 5;
/** Graph requests in flight at once, shared by every resource of the provider process. */
export const DEFAULT_CONCURRENCY = 4;
/** Budget for one Graph operation (all its attempts, back-off waits and pages). */
export const DEFAULT_OPERATION_TIMEOUT_MS = 120_000;

/**
 * The provider's settings, resolved once in the dynamic provider's `configure()` from stack config
 * (`industrydata:<key>`) with `INDUSTRYDATA_<UPPER_SNAKE_KEY>` environment variables as the fallback.
 * Credentials are chosen from it by `createCredential` (provider/graph): `accessToken`, then `clientSecret`,
 * then `clientCertificatePath`, then a workload identity token file (`AZURE_FEDERATED_TOKEN_FILE`), else
 * `DefaultAzureCredential`.
 */
export interface ProviderConfig {
  /** Graph base URL including the version segment; default `https://graph.microsoft.com/beta`. */
  graphEndpoint: string;
  /** Entra tenant (directory) id or domain, needed with `clientSecret` or `clientCertificatePath`. */
  tenantId?: string;
  /** Application (client) id of the app registration. */
  clientId?: string;
  /** Client secret of the app registration (secret). */
  clientSecret?: string;
  /** Path to a PEM file holding the app's certificate and its private key. */
  clientCertificatePath?: string;
  /** Entra authority host (e.g. `https://login.microsoftonline.us`); a custom one disables instance discovery. */
  authorityHost?: string;
  /** A ready bearer token used as is (secret; meant for the emulator and short scripts). */
  accessToken?: string;
  /**
   * Extra PEM CA bundle trusted, beside the system roots, for Graph and the token endpoint
   * (a TLS-inspecting proxy, or the emulator's generated CA). Not in the fixed contract: an optional extension.
   */
  caCertificatePath?: string;
  /** Retries after the first attempt (0 disables retrying); default 5. */
  maxRetries: number;
  /** Graph requests in flight at once for the whole provider process; default 4. */
  concurrency: number;
  /** Budget in milliseconds for one operation, retries and waits included; default 120000. */
  operationTimeoutMs: number;
  /**
   * Pulumi ids of entities an interrupted `up` created, which a create may take over as its own instead of
   * refusing to duplicate them (the refusal names the id). Meant for one run: `INDUSTRYDATA_TAKE_OVER=<id> pulumi up`.
   */
  takeOver?: string[];
}

/** A configuration key under the `industrydata:` namespace. */
export type ProviderConfigKey =
  | "graphEndpoint"
  | "tenantId"
  | "clientId"
  | "clientSecret"
  | "clientCertificatePath"
  | "authorityHost"
  | "accessToken"
  | "caCertificatePath"
  | "maxRetries"
  | "concurrency"
  | "operationTimeoutMs"
  | "operationTimeout"
  | "takeOver";

/** Every key the provider reads, in the order the docs list them. */
export const providerConfigKeys: readonly ProviderConfigKey[] = [
  "graphEndpoint",
  "tenantId",
  "clientId",
  "clientSecret",
  "clientCertificatePath",
  "authorityHost",
  "accessToken",
  "caCertificatePath",
  "maxRetries",
  "concurrency",
  "operationTimeoutMs",
  "operationTimeout",
  "takeOver",
];

/** How a configuration key is documented and typed where a package schema or a generated SDK shows it. */
export interface ProviderConfigKeySpec {
  description: string;
  type: "string" | "integer" | "number";
  /** Credentials: kept secret in state and never shown. */
  secret?: boolean;
}

/** Every key's documentation, type and secrecy: the one place the package schema and the README take them from. */
export const providerConfigSpecs: Readonly<Record<ProviderConfigKey, ProviderConfigKeySpec>> = {
  graphEndpoint: { type: "string", description: "Graph base URL including the version segment; default `https://graph.microsoft.com/beta` (http only for a loopback host, such as the emulator)." },
  tenantId: { type: "string", description: "Entra tenant (directory) id or domain, needed with `clientSecret` or `clientCertificatePath`." },
  clientId: { type: "string", description: "Application (client) id of the app registration." },
  clientSecret: { type: "string", secret: true, description: "Client secret of the app registration (secret; not with `clientCertificatePath`)." },
  clientCertificatePath: { type: "string", description: "Path to a PEM file holding the app's certificate and its private key." },
  authorityHost: { type: "string", description: "Entra authority host (e.g. `https://login.microsoftonline.us`); a custom one disables instance discovery." },
  accessToken: { type: "string", secret: true, description: "A ready bearer token used as is (secret; meant for the emulator and short scripts)." },
  caCertificatePath: { type: "string", description: "Extra PEM CA bundle trusted beside the system roots (a TLS-inspecting proxy, or the emulator's generated CA)." },
  maxRetries: { type: "integer", description: "Retries after the first attempt of a throttled or transient failure, 0 to 20 (0 disables retrying); default 5." },
  concurrency: { type: "integer", description: "Graph requests in flight at once for this provider, 1 to 64; default 4." },
  operationTimeoutMs: { type: "integer", description: "Budget in milliseconds for one operation, retries and waits included, 1000 to 3600000; default 120000." },
  operationTimeout: { type: "number", description: "The same budget in seconds (decimals allowed); `operationTimeoutMs` wins when both are set." },
  takeOver: {
    type: "string",
    description:
      "Ids (comma-separated) of entities an interrupted `pulumi up` created, which the create of the resource they duplicate takes over as its own instead of refusing (the refusal names the id); meant for one run: `INDUSTRYDATA_TAKE_OVER=<id> pulumi up`.",
  },
};

/** `graphEndpoint` -> `INDUSTRYDATA_GRAPH_ENDPOINT`. */
export function envNameFor(key: ProviderConfigKey): string {
  return "INDUSTRYDATA_" + key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

/**
 * Resolves the provider configuration.
 * @param get Pulumi's `ConfigureRequest.config.get`; called with full keys such as `industrydata:graphEndpoint`
 *   (a bare key is tried too, for callers that strip the namespace).
 * @param env where the `INDUSTRYDATA_*` fallbacks are read; default `process.env`.
 * @throws Error naming the key and the accepted values for any bad value, before any network call.
 */
export function resolveProviderConfig(
  get: (key: string) => string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ProviderConfig {
  const read = (key: ProviderConfigKey): { value?: string; source: string } => {
    const fromStack = get(`industrydata:${key}`) ?? get(key);
    if (nonEmpty(fromStack)) return { value: fromStack.trim(), source: `industrydata:${key}` };
    const envName = envNameFor(key);
    const fromEnv = env[envName];
    if (nonEmpty(fromEnv)) return { value: fromEnv.trim(), source: envName };
    return { source: `industrydata:${key}` };
  };
  const text = (key: ProviderConfigKey): string | undefined => read(key).value;

  const endpoint = read("graphEndpoint");
  const graphEndpoint = parseEndpointUrl(endpoint.value ?? DEFAULT_GRAPH_ENDPOINT, endpoint.source);

  const authority = read("authorityHost");
  const authorityHost = authority.value === undefined ? undefined : parseHttpsUrl(authority.value, authority.source);

  const config: ProviderConfig = {
    graphEndpoint,
    tenantId: text("tenantId"),
    clientId: text("clientId"),
    clientSecret: text("clientSecret"),
    clientCertificatePath: text("clientCertificatePath"),
    authorityHost,
    accessToken: text("accessToken"),
    caCertificatePath: text("caCertificatePath"),
    maxRetries: integer(read("maxRetries"), { min: 0, max: 20, fallback: DEFAULT_MAX_RETRIES }),
    concurrency: integer(read("concurrency"), { min: 1, max: 64, fallback: DEFAULT_CONCURRENCY }),
    operationTimeoutMs: operationTimeout(read("operationTimeoutMs"), read("operationTimeout")),
    takeOver: idList(read("takeOver")),
  };
  checkCredentialChoice(config);
  return dropUndefined(config);
}

function integer(
  entry: { value?: string; source: string },
  bounds: { min: number; max: number; fallback: number },
): number {
  return entry.value === undefined ? bounds.fallback : parseBoundedInteger(entry.value, { ...bounds, key: entry.source });
}

/** `operationTimeoutMs` wins over `operationTimeout` (seconds, accepted for convenience). */
function operationTimeout(ms: { value?: string; source: string }, seconds: { value?: string; source: string }): number {
  const bounds = { min: 1_000, max: 3_600_000 };
  if (ms.value !== undefined) return parseBoundedInteger(ms.value, { ...bounds, key: ms.source });
  if (seconds.value !== undefined) return parseSeconds(seconds.value, { ...bounds, key: seconds.source });
  return DEFAULT_OPERATION_TIMEOUT_MS;
}

/** Incomplete or contradictory credential settings fail here, naming the keys, instead of at the first request. */
function checkCredentialChoice(config: ProviderConfig): void {
  if (config.clientSecret !== undefined && config.clientCertificatePath !== undefined) {
    throw configError(
      "industrydata:clientSecret",
      "cannot be combined with industrydata:clientCertificatePath; set one of them",
    );
  }
  const appCredential = config.clientSecret !== undefined ? "clientSecret" : config.clientCertificatePath !== undefined ? "clientCertificatePath" : undefined;
  if (appCredential === undefined || config.accessToken !== undefined) return;
  for (const needed of ["tenantId", "clientId"] as const) {
    if (config[needed] === undefined) {
      throw configError(
        `industrydata:${needed}`,
        `is required with industrydata:${appCredential} (set industrydata:${needed} or ${envNameFor(needed)})`,
      );
    }
  }
}

/** A comma- (or blank-) separated list of ids; undefined when none is set. */
function idList(entry: { value?: string; source: string }): string[] | undefined {
  if (entry.value === undefined) return undefined;
  const ids = entry.value.split(/[\s,]+/).filter((id) => id !== "");
  return ids.length === 0 ? undefined : ids;
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/**
 * How every `industrydata` command reaches Graph: the same options (standing for the provider's
 * `industrydata:*` configuration keys; `INDUSTRYDATA_*` and `AZURE_*` variables fill in the rest), the same
 * client (provider/graph: auth, retries, errors with request-id), closed when the command ends.
 */
import type { Command } from "commander";
import { resolveProviderConfig, type ProviderConfig } from "../config";
import { createGraphClient, type ManagedGraphClient } from "../graph";

/** The connection options as commander parses them. */
export interface ConnectionOptions {
  endpoint?: string;
  tenant?: string;
  clientId?: string;
  certificate?: string;
  clientSecretEnv?: string;
  tokenEnv?: string;
  authorityHost?: string;
  caFile?: string;
}

/** Adds the connection options to a command; `endpointDefault` says where the endpoint comes from when not given. */
export function addConnectionOptions(command: Command, { endpointDefault = "https://graph.microsoft.com/beta" }: { endpointDefault?: string } = {}): Command {
  return command
    .option("--endpoint <url>", `Graph endpoint (industrydata:graphEndpoint, INDUSTRYDATA_GRAPH_ENDPOINT); default ${endpointDefault}`)
    .option("--tenant <id>", "Entra tenant id or domain (industrydata:tenantId, INDUSTRYDATA_TENANT_ID)")
    .option("--client-id <id>", "application (client) id of the app registration (industrydata:clientId, INDUSTRYDATA_CLIENT_ID)")
    .option("--certificate <path>", "PEM file with the app's certificate and private key (industrydata:clientCertificatePath)")
    .option("--client-secret-env <name>", "environment variable holding the app's client secret (default INDUSTRYDATA_CLIENT_SECRET)")
    .option("--token-env <name>", "environment variable holding a ready access token (default INDUSTRYDATA_ACCESS_TOKEN)")
    .option("--authority-host <url>", "Entra authority host (industrydata:authorityHost)")
    .option("--ca-file <path>", "extra PEM CA bundle to trust, e.g. the emulator's with --tls (industrydata:caCertificatePath)");
}

/**
 * The `get` of `resolveProviderConfig`: the command-line options under their `industrydata:` keys. Secrets
 * come from the variables the options name; an option naming an unset variable is an error, not a fallback.
 */
export function configFromOptions(options: ConnectionOptions, env: NodeJS.ProcessEnv): (key: string) => string | undefined {
  const fromVariable = (option: string, name: string | undefined): string | undefined => {
    if (name === undefined) return undefined;
    const value = env[name];
    if (value === undefined || value.trim() === "") throw new Error(`${option} ${name}: that environment variable is not set`);
    return value;
  };
  const values: Record<string, string | undefined> = {
    "industrydata:graphEndpoint": options.endpoint,
    "industrydata:tenantId": options.tenant,
    "industrydata:clientId": options.clientId,
    "industrydata:clientCertificatePath": options.certificate,
    "industrydata:clientSecret": fromVariable("--client-secret-env", options.clientSecretEnv),
    "industrydata:accessToken": fromVariable("--token-env", options.tokenEnv),
    "industrydata:authorityHost": options.authorityHost,
    "industrydata:caCertificatePath": options.caFile,
  };
  return (key) => values[key];
}

/** Runs `work` with a Graph client built from the options, and closes the client after. */
export async function withGraphClient<T>(
  options: ConnectionOptions,
  env: NodeJS.ProcessEnv,
  work: (client: ManagedGraphClient, config: ProviderConfig) => Promise<T>,
): Promise<T> {
  const config = resolveProviderConfig(configFromOptions(options, env), env);
  const client = createGraphClient(config, { env });
  try {
    return await work(client, config);
  } finally {
    client.close();
  }
}

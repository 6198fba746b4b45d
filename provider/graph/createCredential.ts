import type { TokenCredential, TokenCredentialOptions } from "@azure/identity";
import type { ProviderConfig } from "../config/providerConfig";
import { StaticTokenCredential } from "./staticTokenCredential";

/** Which credential `createCredential` chose, for messages and tests. */
export type CredentialKind = "accessToken" | "clientSecret" | "clientCertificate" | "workloadIdentity" | "default";

/** What `createCredential` needs besides the config. */
export interface CreateCredentialOptions {
  /** Where `AZURE_FEDERATED_TOKEN_FILE` (and the AZURE_* fallbacks) are read; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** CA certificates for the token endpoint's TLS (see `trustedCertificates`). */
  ca?: string[];
}

/**
 * The identity library, loaded when the first credential is built rather than with this module: it is about
 * half of what the provider plugin loads, and a preview of new resources, a static token (the emulator) or
 * GetSchema never needs it.
 */
function identity(): typeof import("@azure/identity") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose (see above)
  return require("@azure/identity") as typeof import("@azure/identity");
}

/** Microsoft's own authority hosts, for which instance discovery works. */
function knownAuthorityHosts(): Set<string> {
  return new Set<string>(Object.values(identity().AzureAuthorityHosts).map((host) => new URL(host).origin));
}

/**
 * Chooses and builds the `@azure/identity` credential, first match wins:
 * 1. `accessToken` -> a static token (the emulator, scripts);
 * 2. `clientSecret` -> `ClientSecretCredential(tenantId, clientId, secret)`;
 * 3. `clientCertificatePath` -> `ClientCertificateCredential` (PEM with certificate and private key);
 * 4. `AZURE_FEDERATED_TOKEN_FILE` set -> `WorkloadIdentityCredential` reading that token file (AKS workload
 *    identity, GitHub/GitLab OIDC written to a file), tenant and client from config or AZURE_TENANT_ID/AZURE_CLIENT_ID;
 * 5. otherwise `DefaultAzureCredential` (environment, workload identity, managed identity, Azure CLI, …).
 * Every credential gets `credentialOptions` (authority host, instance discovery, CA).
 */
export function createCredential(
  config: ProviderConfig,
  options: CreateCredentialOptions = {},
): { credential: TokenCredential; kind: CredentialKind } {
  const env = options.env ?? process.env;
  const common = credentialOptions(config, options);

  if (config.accessToken !== undefined) {
    return { credential: new StaticTokenCredential(config.accessToken), kind: "accessToken" };
  }
  if (config.clientSecret !== undefined) {
    const { tenantId, clientId } = requireApp(config, "clientSecret");
    return { credential: new (identity().ClientSecretCredential)(tenantId, clientId, config.clientSecret, common), kind: "clientSecret" };
  }
  if (config.clientCertificatePath !== undefined) {
    const { tenantId, clientId } = requireApp(config, "clientCertificatePath");
    const credential = new (identity().ClientCertificateCredential)(tenantId, clientId, { certificatePath: config.clientCertificatePath }, common);
    return { credential, kind: "clientCertificate" };
  }
  const tokenFilePath = env.AZURE_FEDERATED_TOKEN_FILE;
  if (tokenFilePath !== undefined && tokenFilePath !== "") {
    const tenantId = config.tenantId ?? env.AZURE_TENANT_ID;
    const clientId = config.clientId ?? env.AZURE_CLIENT_ID;
    if (tenantId === undefined || clientId === undefined) {
      throw new Error(
        "AZURE_FEDERATED_TOKEN_FILE is set, so workload identity is used, but the tenant or client id is missing: set industrydata:tenantId and industrydata:clientId (or AZURE_TENANT_ID and AZURE_CLIENT_ID)",
      );
    }
    return { credential: new (identity().WorkloadIdentityCredential)({ ...common, tenantId, clientId, tokenFilePath }), kind: "workloadIdentity" };
  }
  const defaults = { ...common, ...(config.tenantId !== undefined ? { tenantId: config.tenantId } : {}) };
  return { credential: new (identity().DefaultAzureCredential)(defaults), kind: "default" };
}

/**
 * The options every `@azure/identity` credential gets: the authority host, instance discovery off for a custom
 * one (discovery asks login.microsoftonline.com about a host it cannot know), and the extra CA for its TLS.
 */
export function credentialOptions(
  config: Pick<ProviderConfig, "authorityHost">,
  options: Pick<CreateCredentialOptions, "ca"> = {},
): TokenCredentialOptions & { disableInstanceDiscovery?: boolean } {
  const common: TokenCredentialOptions & { disableInstanceDiscovery?: boolean } = {};
  if (config.authorityHost !== undefined) {
    common.authorityHost = config.authorityHost;
    if (!knownAuthorityHosts().has(new URL(config.authorityHost).origin)) common.disableInstanceDiscovery = true;
  }
  if (options.ca !== undefined) common.tlsOptions = { ca: options.ca };
  return common;
}

function requireApp(config: ProviderConfig, with_: string): { tenantId: string; clientId: string } {
  if (config.tenantId === undefined || config.clientId === undefined) {
    throw new Error(`industrydata:${with_} needs industrydata:tenantId and industrydata:clientId`);
  }
  return { tenantId: config.tenantId, clientId: config.clientId };
}

/** Options of `startEmulator()` and the CLI, with their defaults. */

/** An app registration the token endpoint knows. */
export interface RegisteredClient {
  clientId: string;
  /** Accepted as `client_secret`. */
  clientSecret?: string;
  /** PEM of the client certificate (a private key in the same PEM is ignored); accepted as `client_assertion`. */
  certificatePem?: string;
  /**
   * Federated credentials: a `client_assertion` issued by one of `federatedIssuers` with this `sub`
   * (GitHub OIDC: `repo:org/repo:ref:refs/heads/main`) is accepted for this client.
   */
  federatedSubjects?: string[];
  /** Application permissions put in its tokens' `roles` claim; default every IndustryData ReadWrite.All (ALL_READ_WRITE). */
  roles?: string[];
}

/** An external token issuer trusted for federated client assertions (workload identity). */
export interface FederatedIssuer {
  /** The `iss` claim of its tokens, e.g. `https://token.actions.githubusercontent.com`. */
  issuer: string;
  /** Its signing key: SPKI public key PEM or an X.509 certificate PEM. */
  publicKeyPem: string;
  /** Accepted `aud` values; default ["api://AzureADTokenExchange"]. */
  audiences?: string[];
}

/** Everything `startEmulator` takes; all optional. */
export interface EmulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on; default "127.0.0.1" (loopback). */
  host?: string;
  /** Serve HTTPS with a generated certificate (default false). */
  tls?: boolean;
  /** Persist the tenant in this JSON file (default: memory only). */
  dataFile?: string;
  /** A bearer token accepted with every right (default: none). */
  staticToken?: string;
  /** Items per page of a list when `$top` is absent (default 100). */
  pageSize?: number;
  /** PATCH answer: 204 No Content (default, as the docs show) or 200 with the entity. */
  patchResponse?: 204 | 200;
  /** App registrations; default `[DEFAULT_TEST_CLIENT]`. Pass `[]` for none. */
  clients?: RegisteredClient[];
  /** Trusted issuers of federated client assertions (default none). */
  federatedIssuers?: FederatedIssuer[];
  /** Lifetime of issued access tokens in seconds (default 3600). */
  tokenLifetimeSeconds?: number;
  /** Suppress the emulator's own console output (default true for `startEmulator`, false for the CLI). */
  quiet?: boolean;
  /** Speed of the emulator's clock, on which validations and runs progress (default 1; 0 frozen). */
  clockSpeed?: number;
  /** Azurite, behind getUploadSession: started on first need ("lazy", default), at start ("eager"), or never ("off"). */
  storage?: "lazy" | "eager" | "off";
  /**
   * Serve the CSDL's `Core.AutoExpand` of the inbound navigations in plain reads (GET and list without `$expand`):
   * each user-matching setting's `roleGroup`, and a data connector's `sourceSystem`. Default false: the docs'
   * examples, which show neither (README, "AutoExpand"). Nobody here can check which the real service does, so
   * tests run both.
   */
  autoExpandInbound?: boolean;
}

/**
 * A client every emulator knows unless `clients` is given: for tests and demos only (the emulator
 * listens on loopback). Its tokens carry every IndustryData ReadWrite.All permission (ALL_READ_WRITE).
 */
export const DEFAULT_TEST_CLIENT: Readonly<Required<Pick<RegisteredClient, "clientId" | "clientSecret">>> = Object.freeze({
  clientId: "11111111-2222-3333-4444-555555555555",
  clientSecret: "emulator-test-secret",
});

/** A tenant id clients may use (any id is accepted in token URLs). */
export const DEFAULT_TENANT_ID = "00000000-0000-0000-0000-000000000001";

/** Options with defaults filled. */
export interface ResolvedOptions extends Required<Omit<EmulatorOptions, "dataFile" | "staticToken">> {
  dataFile?: string;
  staticToken?: string;
}

/** Fills the defaults documented on `EmulatorOptions`. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSize must be a positive integer, got ${pageSize}`);
  if (options.patchResponse !== undefined && options.patchResponse !== 200 && options.patchResponse !== 204) {
    throw new Error(`patchResponse must be 204 or 200, got ${String(options.patchResponse)}`);
  }
  if (options.clockSpeed !== undefined && !(options.clockSpeed >= 0 && Number.isFinite(options.clockSpeed))) {
    throw new Error(`clockSpeed must be a finite number ≥ 0, got ${String(options.clockSpeed)}`);
  }
  if (options.storage !== undefined && !["lazy", "eager", "off"].includes(options.storage)) {
    throw new Error(`storage must be lazy, eager or off, got ${String(options.storage)}`);
  }
  return {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    tls: options.tls ?? false,
    dataFile: options.dataFile,
    staticToken: options.staticToken,
    pageSize,
    patchResponse: options.patchResponse ?? 204,
    clients: options.clients ?? [{ ...DEFAULT_TEST_CLIENT }],
    federatedIssuers: options.federatedIssuers ?? [],
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    quiet: options.quiet ?? true,
    clockSpeed: options.clockSpeed ?? 1,
    storage: options.storage ?? "lazy",
    autoExpandInbound: options.autoExpandInbound ?? false,
  };
}

import type { TokenCredential } from "@azure/identity";
import type { GraphResponse } from "./middleware/bufferedResponse";
import { Client, ResponseType, type GraphRequest } from "@microsoft/microsoft-graph-client";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials";
import pLimit from "p-limit";
import { parseEndpointUrl } from "../config/configValues";
import type { ProviderConfig } from "../config/providerConfig";
import { cachedTokenCredential } from "./cachedTokenCredential";
import { createCredential, type CredentialKind } from "./createCredential";
import type { GraphAnswer, GraphClient, RequestOptions } from "./graphClient";
import { GraphError } from "./graphError";
import { GraphOperation } from "./graphOperation";
import { scopeForEndpoint } from "./graphScope";
import { createMiddlewareChain } from "./middlewareChain";
import { nextLinkPath } from "./nextLinkPath";
import { registerSecret, sensitiveValuesOf } from "./redactSecrets";
import type { ExponentialRetryOptions } from "./retry/exponentialRetryStrategy";
import { parseRetryAfter } from "./retry/retryAfter";
import { graphErrorFromFailure, graphErrorFromResponse } from "./toGraphError";
import { trustedCertificates } from "./trustedCertificates";

/** Optional collaborators of `createGraphClient`; production code passes none. */
export interface GraphClientOptions {
  /** Use this credential instead of choosing one from the config (it is wrapped in the token cache). */
  credential?: TokenCredential;
  /** Share a concurrency limiter (default: a new one of `config.concurrency` slots). */
  limiter?: pLimit.Limit;
  /** Where AZURE_FEDERATED_TOKEN_FILE and other AZURE_* variables are read; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Back-off tuning; tests shorten it. */
  backoff?: ExponentialRetryOptions;
  /** Clock and sleep of the retry loop; default real time. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** A `GraphClient` that owns connections and a credential. */
export interface ManagedGraphClient extends GraphClient {
  /** Which credential the config selected. */
  readonly credentialKind: CredentialKind | "custom";
  /** Closes pooled connections; the client must not be used afterwards. */
  close(): void;
}

/** Guards a list against a server that keeps answering with a next page. */
const MAX_PAGES = 10_000;

/**
 * Builds a Graph client from the provider configuration: `@microsoft/microsoft-graph-client` with our middleware
 * chain (see `createMiddlewareChain`), authenticated through the library's `TokenCredentialAuthenticationProvider`
 * over a cached `@azure/identity` credential for scope `<endpoint origin>/.default`. Each call of a method is one
 * operation: it waits for a concurrency slot, then has `operationTimeoutMs` for all its attempts, waits and pages.
 * Errors are `GraphError`s. Prefer `getSharedGraphClient`, which reuses one client per configuration.
 */
export function createGraphClient(config: ProviderConfig, options: GraphClientOptions = {}): ManagedGraphClient {
  const endpoint = parseEndpointUrl(config.graphEndpoint, "industrydata:graphEndpoint");
  registerSecret(config.clientSecret);
  registerSecret(config.accessToken);
  const ca = trustedCertificates(config.caCertificatePath);
  const chosen =
    options.credential !== undefined
      ? { credential: options.credential, kind: "custom" as const }
      : createCredential(config, { ...(options.env !== undefined ? { env: options.env } : {}), ...(ca !== undefined ? { ca } : {}) });
  const authenticationProvider = new TokenCredentialAuthenticationProvider(cachedTokenCredential(chosen.credential), {
    scopes: [scopeForEndpoint(endpoint)],
  });
  const { middleware, transport } = createMiddlewareChain({
    authenticationProvider,
    maxRetries: config.maxRetries,
    ...(options.backoff !== undefined ? { backoff: options.backoff } : {}),
    ...(ca !== undefined ? { ca } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.sleep !== undefined ? { sleep: options.sleep } : {}),
  });
  const url = new URL(endpoint);
  const client = Client.initWithMiddleware({
    middleware,
    baseUrl: url.origin,
    // The library builds `<baseUrl>/<defaultVersion>/<path>`; the endpoint's path (e.g. "beta") is the version.
    defaultVersion: url.pathname.replace(/^\/+|\/+$/g, ""),
  });
  return new LibraryGraphClient({
    client,
    endpoint,
    limit: options.limiter ?? pLimit(config.concurrency),
    timeoutMs: config.operationTimeoutMs,
    now: options.now ?? Date.now,
    credentialKind: chosen.kind,
    close: () => transport.destroy(),
  });
}

type Method = "GET" | "POST" | "PATCH" | "DELETE";

/** One operation's clock and the caller's options, shared by its requests (a list's pages). */
interface OperationScope {
  deadline: number;
  timeoutMs: number;
  timeoutName?: string;
  options?: RequestOptions;
}

interface LibraryGraphClientDeps {
  client: Client;
  endpoint: string;
  limit: pLimit.Limit;
  timeoutMs: number;
  now: () => number;
  credentialKind: CredentialKind | "custom";
  close: () => void;
}

/** The `GraphClient` methods over the library's `Client`; one method call = one operation. */
class LibraryGraphClient implements ManagedGraphClient {
  readonly credentialKind: CredentialKind | "custom";

  constructor(private readonly deps: LibraryGraphClientDeps) {
    this.credentialKind = deps.credentialKind;
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.operation(options, async (scope) => (await this.json<T>("GET", path, scope)) as T);
  }

  list<T>(path: string, options?: RequestOptions): Promise<T[]> {
    return this.operation(options, async (scope) => {
      const items: T[] = [];
      let next: string | undefined = path;
      for (let page = 0; next !== undefined; page++) {
        const answer: unknown = await this.json("GET", next, scope);
        const collection = answer as { value?: unknown; "@odata.nextLink"?: unknown } | undefined;
        if (collection === undefined || !Array.isArray(collection.value)) {
          throw this.clientError("GET", next, "InvalidResponse", "expected a collection ({ value: [...] })");
        }
        items.push(...(collection.value as T[]));
        const link = collection["@odata.nextLink"];
        if (typeof link !== "string" || link === "") break;
        if (page + 1 >= MAX_PAGES) throw this.clientError("GET", path, "TooManyPages", `more than ${MAX_PAGES} pages`);
        try {
          next = nextLinkPath(link, this.deps.endpoint);
        } catch (error) {
          throw this.clientError("GET", next, "UntrustedNextLink", (error as Error).message);
        }
      }
      return items;
    });
  }

  post<T>(path: string, body: object, options?: RequestOptions): Promise<T> {
    return this.operation(options, async (scope) => (await this.json<T>("POST", path, scope, body)) as T);
  }

  patch<T>(path: string, body: object, options?: RequestOptions): Promise<T | undefined> {
    // Graph quirk (204 vs 200): PATCH answers 204 without a body per the docs, 200 with the entity per the SDKs.
    return this.operation(options, (scope) => this.json<T>("PATCH", path, scope, body));
  }

  delete(path: string, options?: RequestOptions): Promise<void> {
    return this.operation(options, async (scope) => {
      await this.send("DELETE", path, scope);
    });
  }

  request<T>(method: "GET" | "POST", path: string, body?: object): Promise<GraphAnswer<T>> {
    return this.operation(undefined, async (scope) => {
      const response = await this.send(method, path, scope, method === "POST" ? (body ?? {}) : undefined);
      const text = await response.text();
      let parsed: T | undefined;
      if (response.status !== 204 && text.trim() !== "") {
        try {
          parsed = JSON.parse(text) as T;
        } catch {
          throw this.clientError(method, path, "InvalidResponse", `answer ${response.status} is not JSON`);
        }
      }
      const answer: GraphAnswer<T> = { status: response.status, body: parsed };
      const location = response.headers.get("location");
      if (location !== null && location !== "") {
        try {
          // The same rule as a next link: a Location outside the endpoint is never polled with our token.
          answer.location = nextLinkPath(location, this.deps.endpoint);
        } catch (error) {
          throw this.clientError(method, path, "UntrustedLocation", (error as Error).message.replace(/an @odata\.nextLink/g, "a Location header"));
        }
      }
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), this.deps.now());
      if (retryAfterMs !== undefined) answer.retryAfterSeconds = retryAfterMs / 1000;
      return answer;
    });
  }

  close(): void {
    this.deps.close();
  }

  /**
   * Waits for a concurrency slot, then starts the operation's clock: the caller's deadline when it gives one
   * (a resource's customTimeouts), else the client's own budget (industrydata:operationTimeout).
   */
  private operation<R>(options: RequestOptions | undefined, run: (scope: OperationScope) => Promise<R>): Promise<R> {
    return this.deps.limit(() => {
      const start = this.deps.now();
      const scope: OperationScope =
        options?.deadline !== undefined
          ? { deadline: options.deadline, timeoutMs: Math.max(0, options.deadline - start), options, ...(options.deadlineName !== undefined ? { timeoutName: options.deadlineName } : {}) }
          : { deadline: start + this.deps.timeoutMs, timeoutMs: this.deps.timeoutMs, ...(options !== undefined ? { options } : {}) };
      return run(scope);
    });
  }

  /** Sends and parses the JSON answer; `undefined` for 204 or an empty body. */
  private async json<T>(method: Method, path: string, scope: OperationScope, body?: object): Promise<T | undefined> {
    const response = await this.send(method, path, scope, body);
    const text = await response.text();
    if (response.status === 204 || text.trim() === "") return undefined;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw this.clientError(method, path, "InvalidResponse", `answer ${response.status} is not JSON`);
    }
  }

  /** One request through the chain; non-2xx answers and failures become `GraphError`s. */
  private async send(method: Method, path: string, scope: OperationScope, body?: object): Promise<GraphResponse> {
    if (!path.startsWith("/") || path.includes("://")) {
      throw new Error(`internal: Graph paths are relative to the endpoint and start with "/", got ${JSON.stringify(path)}`);
    }
    const { deadline, timeoutMs, timeoutName, options } = scope;
    const operation = new GraphOperation({
      method,
      path,
      deadline,
      timeoutMs,
      ...(timeoutName !== undefined ? { timeoutName } : {}),
      ...(options?.signal !== undefined ? { signal: options.signal } : {}),
      ...(options?.onRetry !== undefined ? { onRetry: options.onRetry } : {}),
      secrets: sensitiveValuesOf(body),
    });
    const request = this.deps.client.api(path).middlewareOptions([operation]).responseType(ResponseType.RAW);
    let response: GraphResponse;
    try {
      response = (await dispatch(request, method, body)) as GraphResponse;
    } catch (error) {
      // The library wraps errors from the chain; the capture middleware kept the original.
      throw graphErrorFromFailure(operation.failure ?? error, operation);
    }
    if (!response.ok) throw await graphErrorFromResponse(response, operation);
    return response;
  }

  private clientError(method: Method, path: string, code: string, message: string): GraphError {
    return new GraphError({ status: 0, code, graphMessage: message, method, path });
  }
}

function dispatch(request: GraphRequest, method: Method, body: object | undefined): Promise<unknown> {
  switch (method) {
    case "GET":
      return request.get();
    case "POST":
      return request.post(body ?? {});
    case "PATCH":
      return request.patch(body ?? {});
    case "DELETE":
      return request.delete();
  }
}

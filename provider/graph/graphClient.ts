/**
 * The contract between the provider and Graph: the only way the rest of the provider reaches HTTP.
 * Paths are relative to the configured endpoint (e.g. `/external/industryData/outboundProvisioningFlowSets`).
 * Every method throws a `GraphError` (see `graphError.ts`) for a non-2xx answer.
 */
export interface GraphClient {
  /** GET one entity. */
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  /** GET a collection, following `@odata.nextLink` until the last page. */
  list<T>(path: string, options?: RequestOptions): Promise<T[]>;
  /** POST; resolves to the created entity (201 body). */
  post<T>(path: string, body: object, options?: RequestOptions): Promise<T>;
  /** PATCH; resolves to the entity when Graph answers 200 with a body, `undefined` on 204. */
  patch<T>(path: string, body: object, options?: RequestOptions): Promise<T | undefined>;
  /** DELETE; resolves on 204. */
  delete(path: string, options?: RequestOptions): Promise<void>;
  /**
   * One request whose headers matter besides its body: an action answered `202 Accepted` (`validate`,
   * `runs/start`, a flow's `reset`) and the polls of what it started. `location` is the `Location` header as a
   * path relative to the endpoint (a header pointing anywhere else is an error: our token would follow it).
   */
  request<T>(method: "GET" | "POST", path: string, body?: object): Promise<GraphAnswer<T>>;
}

/** What {@link GraphClient.request} resolves to. */
export interface GraphAnswer<T> {
  status: number;
  /** The parsed JSON body; undefined for 202/204 or an empty body. */
  body: T | undefined;
  /** The `Location` header, relative to the endpoint (e.g. `/external/industryData/operations/{id}`). */
  location?: string;
  /** The `Retry-After` header in seconds (Graph's polling interval for a long-running operation). */
  retryAfterSeconds?: number;
}

/**
 * What the caller of one request adds to the client's own rules: a way to abandon it (the engine's Cancel),
 * a deadline of the caller's whole operation (a resource's `customTimeouts`), which then replaces the
 * client's per-request budget (`industrydata:operationTimeout`), and a listener told of each retry.
 */
export interface RequestOptions {
  /** Aborts the request, its retries and its waits; the request fails with a `Cancelled` GraphError. */
  signal?: AbortSignal;
  /** Absolute time (ms since the epoch) by which the request must be done, waits and retries included. */
  deadline?: number;
  /** How that deadline is named in a timeout message, e.g. `the create timeout 2s (customTimeouts)`. */
  deadlineName?: string;
  /** Called before each wait for a retry (throttling or a transient failure). */
  onRetry?: (event: RetryEvent) => void;
}

/** One retry about to happen: what was answered, and how long the client waits before sending again. */
export interface RetryEvent {
  method: string;
  path: string;
  /** The HTTP status answered, or undefined when no answer came (a dropped connection, a timeout). */
  status?: number;
  /** Why no answer came, when none did (`dropped`, `refused`, `timeout`). */
  failure?: string;
  /** Graph's `request-id` of the answer, when there was one. */
  requestId?: string;
  clientRequestId?: string;
  /** The retry's number (1 for the first retry). */
  retry: number;
  delayMs: number;
  /** The strategy that chose the wait (`throttling` honours Retry-After). */
  strategy: string;
}

/**
 * The contract between the provider and Graph: the only way the rest of the provider reaches HTTP.
 * Paths are relative to the configured endpoint (e.g. `/external/industryData/outboundProvisioningFlowSets`).
 * Every method throws a `GraphError` (see `graphError.ts`) for a non-2xx answer.
 */
export interface GraphClient {
  /** GET one entity. */
  get<T>(path: string): Promise<T>;
  /** GET a collection, following `@odata.nextLink` until the last page. */
  list<T>(path: string): Promise<T[]>;
  /** POST; resolves to the created entity (201 body). */
  post<T>(path: string, body: object): Promise<T>;
  /** PATCH; resolves to the entity when Graph answers 200 with a body, `undefined` on 204. */
  patch<T>(path: string, body: object): Promise<T | undefined>;
  /** DELETE; resolves on 204. */
  delete(path: string): Promise<void>;
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

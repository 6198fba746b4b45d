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
}

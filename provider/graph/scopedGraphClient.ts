import type { GraphClient, RequestOptions } from "./graphClient";

/**
 * A client whose every request carries the same caller options: the front end builds one per engine call
 * (its cancellation, its customTimeouts deadline, its retry log), so provider/operations, which only sees a
 * `GraphClient`, needs no knowledge of either.
 */
export function scopedGraphClient(client: GraphClient, options: RequestOptions): GraphClient {
  const merged = (own?: RequestOptions): RequestOptions => ({ ...options, ...own });
  return {
    get: (path, own) => client.get(path, merged(own)),
    list: (path, own) => client.list(path, merged(own)),
    post: (path, body, own) => client.post(path, body, merged(own)),
    patch: (path, body, own) => client.patch(path, body, merged(own)),
    delete: (path, own) => client.delete(path, merged(own)),
    // The operational actions (validate, runs/start, their polls) are not resource operations: no caller options.
    request: (method, path, body) => client.request(method, path, body),
  };
}

/**
 * The raw-HTTP floor of a phase: the very requests the provider sent (method, path, query, body, as the
 * emulator logged them) sent again straight with Node's fetch, at the same concurrency, against the same
 * emulator and tenant. No client library, no middleware, no Pulumi: what the phase would cost if the provider
 * added nothing. Ids the provider's POSTs created are mapped to the ids the replayed POSTs create, and a
 * request that names such an id waits for the POST that creates it (as the provider had to).
 */
import pLimit from "p-limit";
import type { LoggedRequest } from "../emulator";

/** What the floor measured. */
export interface FloorResult {
  requests: number;
  wallMs: number;
  /** Requests answered with another status than the provider's got (should be 0: same requests, same tenant). */
  statusMismatches: number;
}

interface Deferred {
  promise: Promise<string>;
  resolve(id: string): void;
}

function deferred(): Deferred {
  let resolve!: (id: string) => void;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

/** Replays `requests` in their logged order with at most `concurrency` in flight. */
export async function replayFloor(options: {
  origin: string;
  token: string;
  requests: LoggedRequest[];
  concurrency: number;
  /** Index of a POST -> id it created in the provider's run (see createdIds). */
  createdIds?: Map<number, string>;
}): Promise<FloorResult> {
  const { origin, token, requests, concurrency } = options;
  const created = options.createdIds ?? new Map<number, string>();
  const pending = new Map<string, Deferred>([...created.values()].map((id) => [id, deferred()]));
  const limit = pLimit(concurrency);
  let statusMismatches = 0;

  const mapPath = async (path: string): Promise<string> => {
    const segments = path.split("/");
    for (let i = 0; i < segments.length; i++) {
      const waiting = pending.get(segments[i]);
      if (waiting) segments[i] = await waiting.promise;
    }
    return segments.join("/");
  };

  const send = async (r: LoggedRequest, index: number): Promise<void> => {
    const query = new URLSearchParams(r.query ?? {}).toString();
    const url = `${origin}${await mapPath(r.path)}${query ? `?${query}` : ""}`;
    const hasBody = r.body !== undefined;
    const response = await fetch(url, {
      method: r.method,
      headers: { authorization: `Bearer ${token}`, ...(hasBody ? { "content-type": "application/json" } : {}) },
      ...(hasBody ? { body: JSON.stringify(r.body) } : {}),
    });
    const text = await response.text();
    if (response.status !== r.status) statusMismatches++;
    const hostId = created.get(index);
    if (hostId !== undefined) {
      // A failed replayed POST leaves the provider's id in place: later requests then miss, and count as mismatches.
      let id = hostId;
      try {
        id = String((JSON.parse(text) as { id?: unknown }).id ?? hostId);
      } catch {
        /* not JSON: keep the provider's id */
      }
      pending.get(hostId)!.resolve(id);
    }
  };

  const started = performance.now();
  // p-limit starts tasks in call order, so the log's order is kept: a waiting request holds its slot, and the
  // POST it waits for was started before it.
  await Promise.all(requests.map((r, i) => limit(() => send(r, i))));
  return { requests: requests.length, wallMs: performance.now() - started, statusMismatches };
}

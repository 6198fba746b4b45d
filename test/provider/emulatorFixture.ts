/**
 * A real emulator on port 0 with a static token and the admin API's request log, so a test can assert exactly
 * which Graph requests a provider method sent (the front ends are pointed at it by eachFrontEnd).
 */
import { startEmulator, type FaultRule, type LoggedRequest, type RunningEmulator, type TenantState } from "../../emulator";
import { closeSharedGraphClients } from "../../provider/graph";
import { flowSetsPath } from "../../provider/schema";
import { TEST_TOKENS } from "../support/testSecrets";

/** The emulator's static token in these tests (a loopback test value, not a credential). */
export const TEST_TOKEN = TEST_TOKENS.providerStatic;

/** One Graph request as the emulator logged it: method, path relative to the endpoint, body. */
export interface SentRequest {
  method: string;
  path: string;
  /** Query parameters, when the request had some (e.g. `$expand`). */
  query?: Record<string, string>;
  body?: unknown;
  status: number;
}

/** A running emulator and the ways a test reaches it. */
export interface EmulatorFixture {
  emulator: RunningEmulator;
  /** Graph requests received since the last `clearRequests()` (bodies with passwords redacted). */
  requests(): Promise<SentRequest[]>;
  clearRequests(): Promise<void>;
  /** The whole tenant as the emulator stores it. */
  state(): Promise<TenantState>;
  /**
   * Replaces the whole tenant (ids kept): restores a snapshot from `state()`, or makes an out-of-band change
   * Graph's API cannot (a rebound binding).
   */
  putState(state: TenantState): Promise<void>;
  /** A Graph call made directly (an out-of-band change, as in the portal); not via the provider. */
  graph(method: string, path: string, body?: object): Promise<{ status: number; body: any }>;
  /** Creates a flow set directly (not via the provider) and returns its id. */
  createFlowSet(displayName: string): Promise<string>;
  /** Injects a fault for the next matching requests (see the emulator's FaultRule). */
  fault(rule: FaultRule): Promise<void>;
  /** Empties the tenant and the request log. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The two ways Graph may answer a plain read of the inbound navigations the CSDL marks AutoExpand (a user-matching
 * setting's roleGroup, a connector's sourceSystem): as the docs' examples show (not expanded), or expanded. Nobody
 * here can check the real service, so the inbound tests run both (the emulator's `autoExpandInbound`).
 */
export const AUTO_EXPAND_MODES = [
  { mode: "plain reads as the docs show them", autoExpandInbound: false },
  { mode: "plain reads with the CSDL's AutoExpand", autoExpandInbound: true },
] as const;

/** The emulator's options the provider tests vary. */
export interface FixtureOptions {
  /** How PATCH answers (default 204, as the docs show; 200 with the entity, as the metadata allows). */
  patchResponse?: 204 | 200;
  /** Whether plain reads expand the CSDL's AutoExpand navigations (default false, as the docs' examples show). */
  autoExpandInbound?: boolean;
}

/** Starts an emulator on port 0 with the tests' static token. */
export async function startFixture(options: FixtureOptions = {}): Promise<EmulatorFixture> {
  const emulator = await startEmulator({ staticToken: TEST_TOKEN, patchResponse: options.patchResponse, autoExpandInbound: options.autoExpandInbound });
  const graph: EmulatorFixture["graph"] = async (method, path, body) => {
    const response = await fetch(`${emulator.graphUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${TEST_TOKEN}`, "content-type": "application/json" },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
  };
  const admin = async (method: string, path: string, body?: object): Promise<any> => {
    const response = await fetch(`${emulator.adminUrl}/${path}`, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } } : {}),
    });
    if (!response.ok) throw new Error(`admin ${method} ${path}: ${response.status}`);
    return response.status === 204 ? undefined : response.json();
  };
  return {
    emulator,
    requests: async () =>
      ((await admin("GET", "requests")) as LoggedRequest[]).map((r) => ({
        method: r.method,
        path: r.path.replace(/^\/beta/, ""),
        ...(Object.keys(r.query ?? {}).length > 0 ? { query: r.query } : {}),
        ...(r.body !== undefined ? { body: r.body } : {}),
        status: r.status,
      })),
    clearRequests: () => admin("DELETE", "requests"),
    state: () => admin("GET", "state"),
    putState: (state) => admin("PUT", "state", state),
    reset: () => admin("POST", "reset"),
    fault: (rule) => admin("POST", "faults", rule),
    graph,
    createFlowSet: async (displayName) => {
      const created = await graph("POST", flowSetsPath, { displayName });
      if (created.status !== 201) throw new Error(`creating flow set "${displayName}": ${created.status} ${JSON.stringify(created.body)}`);
      return created.body.id;
    },
    stop: async () => {
      closeSharedGraphClients();
      await emulator.stop();
    },
  };
}

/** `METHOD path` of each request: the shape most assertions need. */
export function summary(requests: SentRequest[]): string[] {
  return requests.map((r) => `${r.method} ${r.path}`);
}

/** `METHOD path?query` of each request (query parameters in the order sent), where the query matters. */
export function summaryWithQuery(requests: SentRequest[]): string[] {
  return requests.map((r) => {
    const query = Object.entries(r.query ?? {}).map(([k, v]) => `${k}=${v}`).join("&");
    return `${r.method} ${r.path}${query === "" ? "" : `?${query}`}`;
  });
}

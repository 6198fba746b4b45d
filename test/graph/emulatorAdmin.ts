import * as http from "node:http";
import * as https from "node:https";
import type { FaultRule, LoggedRequest, RunningEmulator, TenantState } from "../../emulator";

/**
 * The emulator's admin API (`/_emulator/…`) for tests, over plain Node http(s) trusting the emulator's CA:
 * request log, faults, reset and whole-tenant state.
 */
export interface EmulatorAdmin {
  requests(): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
  fault(rule: FaultRule): Promise<void>;
  reset(): Promise<void>;
  state(): Promise<TenantState>;
  putState(state: TenantState): Promise<void>;
}

/** Admin helpers for a running emulator. */
export function emulatorAdmin(emulator: RunningEmulator): EmulatorAdmin {
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const url = new URL(`${emulator.adminUrl}${path}`);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const secure = url.protocol === "https:";
    const text = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = (secure ? https : http).request(
        url,
        {
          method,
          headers: payload ? { "content-type": "application/json", "content-length": payload.length } : {},
          ...(secure && emulator.caPem ? { ca: emulator.caPem } : {}),
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on("data", (c: Buffer) => chunks.push(c));
          answer.on("end", () => resolve({ status: answer.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
          answer.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(payload);
    });
    if (text.status >= 300) throw new Error(`admin ${method} ${path} answered ${text.status}: ${text.text}`);
    return text.text === "" ? undefined : JSON.parse(text.text);
  };
  return {
    requests: async () => (await call("GET", "/requests")) as LoggedRequest[],
    clearRequests: async () => void (await call("DELETE", "/requests")),
    fault: async (rule) => void (await call("POST", "/faults", rule)),
    reset: async () => void (await call("POST", "/reset")),
    state: async () => (await call("GET", "/state")) as TenantState,
    putState: async (state) => void (await call("PUT", "/state", state)),
  };
}

/** The Graph requests of a log (without the token endpoint's). */
export function graphRequests(log: LoggedRequest[], method?: string): LoggedRequest[] {
  return log.filter((r) => r.path.startsWith("/beta/") && (method === undefined || r.method === method));
}

/** The token endpoint requests of a log. */
export function tokenRequests(log: LoggedRequest[]): LoggedRequest[] {
  return log.filter((r) => /\/oauth2\/v2\.0\/token$/.test(r.path));
}

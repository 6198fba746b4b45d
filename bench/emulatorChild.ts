/**
 * Starts the emulator in a child process (see emulatorProcess.ts) and speaks to its admin API: the request log,
 * which the benchmark counts per phase, and the whole-tenant state, which it saves and restores around the
 * raw-HTTP floor so that the floor replays its requests against the same tenant the provider saw.
 */
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as readline from "readline";
import type { LoggedRequest, TenantState } from "../emulator";

/** A running emulator process. */
export interface EmulatorChild {
  pid: number;
  /** Graph base URL, ending in `/beta`. */
  graphUrl: string;
  /** Scheme, host and port of `graphUrl` (the log's paths start with `/beta`). */
  origin: string;
  adminUrl: string;
  /** Every request recorded since the last clear (admin `GET requests`). */
  requests(): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
  getState(): Promise<TenantState>;
  putState(state: TenantState): Promise<void>;
  /** Delays every Graph request by `ms` from now on (an emulator delay fault with an unbounded count). */
  addLatency(ms: number): Promise<void>;
  stop(): Promise<void>;
}

/** Spawns the emulator process with a static token and waits for its URLs. */
export async function startEmulatorChild(options: { token: string }): Promise<EmulatorChild> {
  const script = path.join(__dirname, "emulatorProcess.js");
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, BENCH_EMULATOR_TOKEN: options.token },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const urls = await readUrls(child);
  const admin = async (method: string, what: string, body?: unknown): Promise<Response> => {
    const response = await fetch(`${urls.adminUrl}/${what}`, {
      method,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`emulator admin ${method} ${what}: ${response.status} ${await response.text()}`);
    return response;
  };
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  return {
    pid: child.pid ?? -1,
    graphUrl: urls.graphUrl,
    origin: new URL(urls.graphUrl).origin,
    adminUrl: urls.adminUrl,
    requests: async () => (await (await admin("GET", "requests")).json()) as LoggedRequest[],
    clearRequests: async () => {
      await admin("DELETE", "requests");
    },
    getState: async () => (await (await admin("GET", "state")).json()) as TenantState,
    putState: async (state) => {
      await admin("PUT", "state", state);
    },
    addLatency: async (ms) => {
      await admin("POST", "faults", { path: "/external/industryData", delayMs: ms, count: 2_000_000_000 });
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function readUrls(child: ChildProcess): Promise<{ graphUrl: string; adminUrl: string }> {
  return new Promise((resolve, reject) => {
    const errors: string[] = [];
    readline.createInterface({ input: child.stderr! }).on("line", (line) => errors.push(line));
    readline.createInterface({ input: child.stdout! }).once("line", (line) => {
      try {
        resolve(JSON.parse(line) as { graphUrl: string; adminUrl: string });
      } catch {
        reject(new Error(`bench emulator printed ${JSON.stringify(line)} instead of its URLs`));
      }
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench emulator exited (code ${code}) before starting:\n${errors.join("\n")}`)));
  });
}

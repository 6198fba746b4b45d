/**
 * Preloaded (`node --require`) into the provider plugin when the CLI bench (cliLifecycle.ts) runs a Pulumi YAML
 * program through the real CLI: it times, inside the plugin process and without touching the plugin's code,
 * - the start: process start to the port line on stdout, and the time spent loading the provider's modules
 *   (providerServer and everything it requires, which main.ts loads on the first call that needs it);
 * - every gRPC call the plugin serves: per method, calls and the time from the handler's start to its answer;
 * - every Graph request the plugin sends (Node's `http.client.*` diagnostics channels): count and time to the
 *   end of the response;
 * - the process's CPU time (user + system) at exit.
 * It writes them as JSON to `$BENCH_PLUGIN_TRACE_DIR/<pid>.json` when the process exits (the engine stops a
 * plugin with a signal, which main.ts answers with process.exit).
 */
import * as diagnostics from "diagnostics_channel";
import * as fs from "fs";
import * as path from "path";

/** What one plugin process writes. */
export interface PluginTrace {
  pid: number;
  /** The process's start, ms since the epoch (performance.timeOrigin): every other time is relative to it. */
  timeOrigin: number;
  /** ms from the process's start to the port line. */
  startToPortMs?: number;
  /** ms spent in requiring the provider's modules (providerServer and what it loads), after the port line. */
  providerLoadMs: number;
  /** ms spent in every require() before the port line (the gRPC server, the protos). */
  startupRequireMs: number;
  /** Per gRPC method: each call's ms, from the handler's start to its answer. */
  rpcs: Record<string, number[]>;
  /** Each call's [start, end] in ms since the process's start, for the busy-time union. */
  intervals: [number, number][];
  /** Graph requests: each one's ms from the request's start to the end of its response. */
  graphMs: number[];
  graphIntervals: [number, number][];
  cpuMs: number;
  /** ms from the process's start to its exit. */
  lifetimeMs: number;
}

const dir = process.env.BENCH_PLUGIN_TRACE_DIR;
if (dir) install(dir);

function install(dir: string): void {
  const now = () => performance.now();
  const trace: PluginTrace = { pid: process.pid, timeOrigin: performance.timeOrigin, providerLoadMs: 0, startupRequireMs: 0, rpcs: {}, intervals: [], graphMs: [], graphIntervals: [], cpuMs: 0, lifetimeMs: 0 };

  // The port line: the first write to stdout.
  const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
  process.stdout.write = ((...args: unknown[]) => {
    trace.startToPortMs ??= now();
    return write(...args);
  }) as typeof process.stdout.write;

  // Module loading: the outermost require() calls, charged to start-up before the port line and to the provider after.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Node's module loader, to time require()
  const Module = require("module") as { prototype: { require(id: string): unknown } };
  const originalRequire = Module.prototype.require;
  let depth = 0;
  Module.prototype.require = function timedRequire(this: unknown, id: string) {
    if (depth++ > 0) {
      try {
        return originalRequire.call(this, id);
      } finally {
        depth--;
      }
    }
    const started = now();
    try {
      return originalRequire.call(this, id);
    } finally {
      depth--;
      const took = now() - started;
      if (trace.startToPortMs === undefined) trace.startupRequireMs += took;
      else trace.providerLoadMs += took;
    }
  };

  // gRPC: every handler the plugin registers, timed to its callback (unary) or its end (streams). Not in the single
  // executable (BENCH_PLUGIN_TRACE_RPCS=0): its gRPC library is inside its bundle, out of this require's reach.
  if (process.env.BENCH_PLUGIN_TRACE_RPCS !== "0") timeRpcs(trace, now);

  // Graph requests: Node's http client channels (the Graph client's transport is node:http/https).
  const started = new WeakMap<object, number>();
  diagnostics.subscribe("http.client.request.start", (message) => started.set((message as { request: object }).request, now()));
  diagnostics.subscribe("http.client.response.finish", (message) => {
    const { request } = message as { request: object };
    const at = started.get(request);
    if (at === undefined) return;
    const ended = now();
    trace.graphMs.push(ended - at);
    trace.graphIntervals.push([at, ended]);
  });

  process.once("exit", () => {
    const { user, system } = process.cpuUsage();
    trace.cpuMs = (user + system) / 1000;
    trace.lifetimeMs = now();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify(trace));
  });
}

function timeRpcs(trace: PluginTrace, now: () => number): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the plugin's own grpc-js (same node_modules)
  const grpc = require("@grpc/grpc-js") as typeof import("@grpc/grpc-js");
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function timedAddService(this: unknown, service, implementation) {
    const timed: Record<string, unknown> = {};
    for (const [method, handler] of Object.entries(implementation)) {
      timed[method] = (call: unknown, callback?: (...args: unknown[]) => void) => {
        const started = now();
        const done = () => {
          const ended = now();
          (trace.rpcs[method] ??= []).push(ended - started);
          trace.intervals.push([started, ended]);
        };
        if (typeof callback !== "function") {
          (call as { once(event: string, listener: () => void): void }).once("finish", done);
          return (handler as (call: unknown) => unknown)(call);
        }
        return (handler as (call: unknown, callback: unknown) => unknown)(call, (...args: unknown[]) => {
          done();
          callback(...args);
        });
      };
    }
    return addService.call(this, service, timed as typeof implementation);
  };
}

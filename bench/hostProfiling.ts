/**
 * Per-phase CPU profiles of the two Node processes a phase runs in: the dynamic-provider host (through
 * hostProfiler.ts, which the host preloads) and this process, the engine stand-in (its gRPC client and
 * marshalling; an in-process inspector session).
 */
import * as fs from "fs";
import * as inspector from "inspector";
import * as path from "path";

/** Profiling of one host and of this process: where the profiles go, and how to toggle them. */
export interface HostProfiling {
  nodeArgs: string[];
  env: NodeJS.ProcessEnv;
  /** Starts the profilers in the host and here. */
  start(pid: number): Promise<void>;
  /** Stops both and resolves to the written profiles' paths. */
  stop(pid: number): Promise<{ host: string; engine: string }>;
}

/** Profiling into `dir`; profiles are numbered in the order they are stopped. */
export function hostProfiling(dir: string): HostProfiling {
  let stopped = 0;
  const session = new inspector.Session();
  session.connect();
  const post = <T>(method: string) =>
    new Promise<T>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result as T))));
  return {
    nodeArgs: ["--require", path.join(__dirname, "hostProfiler.js")],
    env: { BENCH_PROFILE_DIR: dir },
    start: async (pid) => {
      process.kill(pid, "SIGUSR2");
      await post("Profiler.enable");
      await post("Profiler.start");
      await waitForFile(path.join(dir, `${stopped + 1}.started`));
    },
    stop: async (pid) => {
      const { profile } = await post<{ profile: unknown }>("Profiler.stop");
      process.kill(pid, "SIGUSR2");
      const n = ++stopped;
      fs.mkdirSync(dir, { recursive: true });
      const engine = path.join(dir, `engine-${n}.cpuprofile`);
      fs.writeFileSync(engine, JSON.stringify(profile));
      const host = path.join(dir, `${n}.cpuprofile`);
      await waitForFile(host);
      return { host, engine };
    },
  };
}

async function waitForFile(file: string): Promise<void> {
  for (let waited = 0; !fs.existsSync(file); waited += 20) {
    if (waited > 30_000) throw new Error(`the host did not write ${file}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

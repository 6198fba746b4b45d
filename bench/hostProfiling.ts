/**
 * The benchmark's side of hostProfiler.ts: the Node flags and environment that install it in the host, and
 * a per-phase start/stop that waits for the profile file.
 */
import * as fs from "fs";
import * as path from "path";

/** Profiling of one host: where its profiles go, and how to toggle it. */
export interface HostProfiling {
  nodeArgs: string[];
  env: NodeJS.ProcessEnv;
  /** Starts the profiler in the host. */
  start(pid: number): void;
  /** Stops it and resolves to the written profile's path. */
  stop(pid: number): Promise<string>;
}

/** Profiling into `dir`; profiles are numbered in the order they are stopped. */
export function hostProfiling(dir: string): HostProfiling {
  let stopped = 0;
  return {
    nodeArgs: ["--require", path.join(__dirname, "hostProfiler.js")],
    env: { BENCH_PROFILE_DIR: dir },
    start: (pid) => {
      process.kill(pid, "SIGUSR2");
    },
    stop: async (pid) => {
      process.kill(pid, "SIGUSR2");
      const file = path.join(dir, `${++stopped}.cpuprofile`);
      for (let waited = 0; !fs.existsSync(file); waited += 50) {
        if (waited > 30_000) throw new Error(`the host wrote no profile ${file}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return file;
    },
  };
}

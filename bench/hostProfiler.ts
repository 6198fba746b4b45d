/**
 * Preloaded into the dynamic-provider host with `--require` when the benchmark runs with `--profile`: each
 * SIGUSR2 toggles V8's CPU profiler: starting writes `<n>.started`, stopping writes `<n>.cpuprofile` (n = 1, 2, …)
 * to BENCH_PROFILE_DIR.
 * The benchmark toggles it around each phase, so every phase gets a profile of its own. (`node --cpu-prof`
 * would give one profile, and only on a normal exit: the host is ended with SIGTERM, as the engine ends plugins.)
 */
import * as fs from "fs";
import * as inspector from "inspector";
import * as path from "path";

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  const post = <T>(method: string) =>
    new Promise<T>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result as T))));
  let running = false;
  let written = 0;
  let queue: Promise<void> = Promise.resolve();
  process.on("SIGUSR2", () => {
    queue = queue.then(async () => {
      if (!running) {
        await post("Profiler.enable");
        await post("Profiler.start");
        running = true;
        // Starting takes a while (V8 logs every compiled function first): the benchmark waits for this file.
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, `${written + 1}.started`), "");
        return;
      }
      const { profile } = await post<{ profile: unknown }>("Profiler.stop");
      running = false;
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${++written}.cpuprofile`);
      // Written under another name first, so the benchmark never reads half a file.
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(profile));
      fs.renameSync(`${file}.tmp`, file);
    });
  });
}

/**
 * `npm start` (scripts/start.js), the README's main-job command, on a copy of the root project whose dev stack
 * points at a free port: the first run creates the sample district in a fresh emulator, the second finds it all
 * as declared (data file and file-backend state kept) and writes nothing; the emulator is stopped after each.
 * No PULUMI_CONFIG_PASSPHRASE is given, so the documented default must open the dev stack's secrets.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import { scanKeptOutput } from "../support/scanKeptOutput";
import { scanStateBackend } from "../support/stateBackend";
import { cleanEnv, describeWithCli, type RunResult } from "./pulumiRoutes";
import { copyRootProject, repoRoot, type RootProjectCopy } from "./rootProjectCopy";

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function npmStart(dir: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repoRoot, "scripts", "start.js"), "--cwd", dir], { env: cleanEnv(), maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}\n${stderr}`;
      // What `npm start` printed (the Automation API's up) goes to the suite-wide leak scan like every run's.
      scanKeptOutput({ source: "output of npm start (scripts/start.js)", text: output });
      // And the project's file backend (scripts/start.js keeps it in <dir>/.pulumi-state), history and backups included.
      scanStateBackend(path.join(dir, ".pulumi-state"));
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, output });
    });
  });
}

/** The summary lines start.js prints after the update. */
function summary(run: RunResult): { changes?: string; requests?: string } {
  return {
    changes: /^ {2}changes: (.*)$/m.exec(run.output)?.[1],
    requests: /^ {2}Graph requests to the emulator: (.*)$/m.exec(run.output)?.[1],
  };
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

describeWithCli("npm start on the root project's dev stack", () => {
  let project: RootProjectCopy;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    project = copyRootProject({ graphUrl: `http://127.0.0.1:${port}/beta`, prefix: "industrydata-npm-start-" });
  });

  afterAll(() => project?.remove());

  test("the first run creates the district, the second changes nothing and writes nothing", async () => {
    const first = await npmStart(project.dir);
    if (first.code !== 0) throw new Error(`first npm start failed (exit ${first.code}):\n${first.output}`);
    expect(first.output).toContain("Updating (dev)");
    expect(summary(first).changes).toBe("5 created");
    expect(summary(first).requests).toMatch(/\bPOST 4\b/);
    expect(first.output).toMatch(/^ {4}flowSetId = "[^"]+"$/m);
    expect(fs.existsSync(path.join(project.dir, ".emulator-data", "tenant.json"))).toBe(true);
    expect(await isListening(port)).toBe(false);

    const second = await npmStart(project.dir);
    if (second.code !== 0) throw new Error(`second npm start failed (exit ${second.code}):\n${second.output}`);
    expect(summary(second).changes).toBe("5 same");
    expect(summary(second).requests).not.toMatch(/POST|PATCH|DELETE/);
    expect(await isListening(port)).toBe(false);
  });
});

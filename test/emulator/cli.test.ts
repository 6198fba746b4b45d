/** The built CLI (`npx industrydata-emulator`): prints its Graph URL, serves it, stops cleanly on SIGTERM. */
import { ChildProcess, spawn } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createInterface } from "node:readline";
import { TEST_TOKENS } from "../support/testSecrets";
import { GraphCollection, readJson } from "./readJson";

const root = path.resolve(__dirname, "../..");
const cli = path.join(root, "dist/emulator/cli.js");

interface Started {
  child: ChildProcess;
  firstLine: string;
  stderr: () => string;
}

/** Spawns and resolves with the first stdout line (or rejects with stderr when it exits first). */
function startCli(command: string, args: string[]): Promise<Started> {
  // Its own process group, so stopping npx also stops the node process npx started.
  const child = spawn(command, args, { cwd: root, env: { ...process.env, INDUSTRYDATA_EMULATOR_TOKEN: "" }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let err = "";
  child.stderr!.on("data", (d) => (err += d));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (firstLine) => resolve({ child, firstLine, stderr: () => err }));
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
}

/** SIGTERM to the CLI's process group; resolves with the exit code (null when ended by the signal). */
function stopped(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
    process.kill(-child.pid!, "SIGTERM");
  });
}

describe("industrydata-emulator CLI", () => {
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm test does).`);
  });

  test("`npx industrydata-emulator --port 0 --token T` prints its Graph base URL first and serves Graph there", async () => {
    const { child, firstLine } = await startCli("npx", ["--no-install", "industrydata-emulator", "--port", "0", "--token", TEST_TOKENS.emulatorCli]);
    try {
      expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/beta$/);
      const r = await fetch(`${firstLine}/external/industryData/outboundProvisioningFlowSets`, { headers: { authorization: `Bearer ${TEST_TOKENS.emulatorCli}` } });
      expect(r.status).toBe(200);
      expect((await readJson<GraphCollection>(r)).value).toEqual([]);
    } finally {
      await stopped(child); // npx itself may report the signal rather than a code; the direct run below checks exit 0
    }
  });

  test("--json --tls --data prints every URL and the CA file; SIGTERM stops it with the data flushed", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "emu-cli-"));
    const data = path.join(dir, "tenant.json");
    try {
      const { child, firstLine } = await startCli(process.execPath, [cli, "--json", "--tls", "--data", data, "--token", "t", "--page-size", "5"]);
      const info = JSON.parse(firstLine);
      expect(info.graphUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/beta$/);
      expect(info.tokenUrl).toMatch(/\/oauth2\/v2\.0\/token$/);
      expect(info.adminUrl).toMatch(/\/_emulator$/);
      expect(await fs.readFile(info.caFile, "utf8")).toContain("BEGIN CERTIFICATE");
      const { Agent } = await import("undici");
      const dispatcher = new Agent({ connect: { ca: await fs.readFile(info.caFile, "utf8") } });
      const created = await fetch(`${info.graphUrl}/external/industryData/outboundProvisioningFlowSets`, {
        method: "POST",
        headers: { authorization: "Bearer t", "content-type": "application/json" },
        body: JSON.stringify({ displayName: "From the CLI test" }),
        dispatcher,
      } as RequestInit);
      expect(created.status).toBe(201);
      await dispatcher.close();
      expect(await stopped(child)).toBe(0);
      expect(JSON.parse(await fs.readFile(data, "utf8")).flowSets[0].displayName).toBe("From the CLI test");
      expect(existsSync(info.caFile)).toBe(false); // the generated CA is removed on stop
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  test("a corrupt data file: exit code 1 and a message naming the file", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "emu-cli-"));
    const data = path.join(dir, "tenant.json");
    await fs.writeFile(data, "{broken");
    try {
      await expect(startCli(process.execPath, [cli, "--data", data])).rejects.toThrow(new RegExp(`exited 1: .*${data.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}.*corrupt`));
      expect(await fs.readFile(data, "utf8")).toBe("{broken");
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  test.each([
    [["--patch-response", "201"], /expected 204 or 200/],
    [["--clock-speed", "-2"], /expected a number ≥ 0/],
    [["--storage", "sometimes"], /expected lazy, eager or off/],
  ])("a bad option value is refused by the argument parser: %j", async (args, message) => {
    await expect(startCli(process.execPath, [cli, ...args])).rejects.toThrow(message);
  });

  test("--clock-speed and --storage eager: the clock runs at that speed and Azurite listens from the start", async () => {
    const { child, firstLine } = await startCli(process.execPath, [cli, "--json", "--clock-speed", "0", "--storage", "eager"]);
    try {
      const info = await readJson<{ clock: { speed: number }; storage: { mode: string; blobEndpoint: string } }>(await fetch(`${JSON.parse(firstLine).adminUrl}/info`));
      expect(info.clock.speed).toBe(0);
      expect(info.storage).toEqual({ mode: "eager", blobEndpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1$/) });
    } finally {
      expect(await stopped(child)).toBe(0);
    }
  });
});

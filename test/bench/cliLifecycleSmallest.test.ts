/**
 * The bench's CLI lifecycle section (bench/cliLifecycle.ts, `npm run bench -- --only cli125`) cannot break
 * silently: run alone at its smallest size (a one-set program, one run per command, no profiled runs) through the
 * real CLI, it must complete and report every command for the empty program, the trivial provider and the
 * plugin (named by path, and with its version declared), with the plugin's per-phase breakdown and the three targets. No timing is asserted; the request counts
 * are, since they are the same on every machine.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../harness";
import { CLI_TOOLS, describeWithCli } from "../e2e/pulumiRoutes";
import { scanKeptOutput } from "../support/scanKeptOutput";
import type { CliLifecycleResult } from "../../bench/cliLifecycle";

const COMMANDS = ["create", "no-op preview", "drift check", "10% change up", "one-set up"];
const PROGRAMS = ["empty program", "trivial provider", "industrydata plugin", "industrydata plugin, version declared"];

describeWithCli(
  "npm run bench -- --only cli125, smallest size",
  () => {
    let run: { code: number; stdout: string; stderr: string };
    let result: CliLifecycleResult;
    let out: string;

    beforeAll(async () => {
      jest.setTimeout(10 * 60_000);
      out = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-bench-cli-"));
      const script = path.join(repoRoot(), "dist", "bench", "run.js");
      run = await new Promise((resolve) => {
        execFile(
          process.execPath,
          [script, "--only", "cli125", "--cli-sets", "1", "--repeats", "1", "--no-cli-profile", "--out", out],
          { cwd: repoRoot(), maxBuffer: 16 * 1024 * 1024 },
          (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr }),
        );
      });
      scanKeptOutput({ source: "npm run bench -- --only cli125 output", text: `${run.stdout}\n${run.stderr}` });
      const files = fs.readdirSync(out).filter((f) => f.endsWith(".json"));
      result = (JSON.parse(fs.readFileSync(path.join(out, files[0]), "utf8")) as { cliLifecycle: CliLifecycleResult }).cliLifecycle;
    }, 10 * 60_000);

    afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

    test("completes and reports every command for every program", () => {
      expect({ code: run.code, stderrTail: run.stderr.slice(-2000) }).toEqual({ code: 0, stderrTail: expect.stringContaining("results written to") });
      expect(result.rows.map((r) => [r.command, r.program])).toEqual(PROGRAMS.flatMap((p) => COMMANDS.map((c) => [c, p])));
      for (const c of COMMANDS) expect(run.stdout).toContain(c);
    });

    test("with its version declared, the plugin's schema comes from the engine's cache: no schema-only plugin process after the first command", () => {
      const processes = (program: string, command: string) => result.rows.find((r) => r.command === command && r.program === program)!.median.plugin!.processes;
      expect(COMMANDS.map((c) => [c, processes("industrydata plugin", c) - processes("industrydata plugin, version declared", c)])).toEqual([
        ["create", 2],
        ["no-op preview", 1],
        ["drift check", 1],
        ["10% change up", 2],
        ["one-set up", 2],
      ]);
    });

    test("the plugin's rows carry the per-phase breakdown", () => {
      for (const r of result.rows.filter((x) => x.program !== "empty program")) {
        const plugin = r.median.plugin;
        expect({ command: r.command, program: r.program, processes: (plugin?.processes ?? 0) > 0, ports: plugin?.startToPortMs.every((ms) => ms > 0) }).toEqual({
          command: r.command,
          program: r.program,
          processes: true,
          ports: true,
        });
        expect(r.median.cpuMs).toBeGreaterThan(0);
      }
      const rpcs = (command: string) => result.rows.find((r) => r.command === command && r.program === "industrydata plugin")!.median.plugin!.rpcs.map((x) => x.method);
      expect(rpcs("create")).toEqual(expect.arrayContaining(["check", "create", "configure"]));
      expect(rpcs("drift check")).toEqual(expect.arrayContaining(["read"]));
      expect(rpcs("10% change up")).toEqual(expect.arrayContaining(["diff", "update"]));
    });

    test("Graph requests: one POST per resource on create, none on a no-op preview, one GET per resource on a drift check", () => {
      const requests = (command: string) => result.rows.find((r) => r.command === command && r.program === "industrydata plugin")!.median;
      expect({
        create: requests("create").emulator.requests >= 5,
        preview: requests("no-op preview").emulator.requests,
        drift: requests("drift check").plugin!.graph.requests,
      }).toEqual({ create: true, preview: 0, drift: 5 });
    });

    test("every target is reported", () => {
      const names = ["drift check (preview --refresh) / empty program's", "10% change up", "one-set up - empty program's up"];
      expect(result.targets.map((t) => t.what)).toEqual([...names, ...names.map((n) => `${n}, industrydata plugin, version declared`)]);
      for (const t of result.targets) expect(t.value).not.toMatch(/NaN/);
      expect(run.stdout).toContain("targets, CLI lifecycle:");
    });
  },
  { tools: CLI_TOOLS.yaml },
);

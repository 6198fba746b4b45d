/**
 * `npm run bench` cannot break silently: the built benchmark (dist/bench/run.js, what `npm run bench` runs after
 * its build) at its smallest size, one flow set, one round, both front ends, without the CLI previews. It must
 * complete, print each front end's table and targets, and write the JSON with every target for both. No timing
 * is asserted (the ratios and memory are machine-dependent); the request counts and bytes are, since they are
 * the same on every machine and a regression in them is what the bench exists to show.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../harness";
import { scanKeptOutput } from "../support/scanKeptOutput";

jest.setTimeout(5 * 60_000);

/** Every target the bench reports, by the start of its name (the ratio and RSS names end with the size). */
const TARGETS = [
  "no-op diff sends nothing",
  "update: one PATCH per changed flow, at most two GETs",
  "refresh: one GET per flow",
  "PATCH bytes",
  "refresh overhead vs raw-HTTP floor",
  "update overhead vs raw-HTTP floor",
  "__provider per resource",
  "state per flow beyond its own data",
  "host peak RSS",
];

/** The targets that do not depend on the machine: they must be met at any size. */
const DETERMINISTIC = TARGETS.slice(0, 4).concat(["__provider per resource", "state per flow beyond its own data"]);

interface TargetResult {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

interface BenchJson {
  frontEnds: string[];
  sizes: { frontEnd: string; sets: number; flows: number; phases: Record<string, { steps: Record<string, number>; requests: { total: number } }> }[];
  targetsByFrontEnd: { frontEnd: string; targets: TargetResult[] }[];
}

let run: { code: number; stdout: string; stderr: string };
let json: BenchJson;
let out: string;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-bench-"));
  const script = path.join(repoRoot(), "dist", "bench", "run.js");
  if (!fs.existsSync(script)) throw new Error(`${script} is missing: npm test builds it (npm run build)`);
  run = await new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, "--sets", "1", "--repeats", "1", "--no-preview", "--no-cli-lifecycle", "--front-end", "dynamic,plugin", "--out", out],
      { cwd: repoRoot(), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr }),
    );
  });
  scanKeptOutput({ source: "npm run bench output", text: `${run.stdout}\n${run.stderr}` });
  const files = fs.readdirSync(out).filter((f) => f.endsWith(".json"));
  json = files.length === 1 ? (JSON.parse(fs.readFileSync(path.join(out, files[0]), "utf8")) as BenchJson) : (undefined as unknown as BenchJson);
});

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

test("completes and writes one JSON result", () => {
  expect({ code: run.code, stderrTail: run.stderr.slice(-2000) }).toEqual({ code: 0, stderrTail: expect.stringContaining("results written to") });
  expect(json).toBeDefined();
});

test("runs every phase on both front ends with one operation per resource", () => {
  expect(json.sizes.map((s) => [s.frontEnd, s.sets, s.flows])).toEqual([
    ["dynamic", 1, 4],
    ["plugin", 1, 4],
  ]);
  for (const size of json.sizes) {
    expect(Object.keys(size.phases)).toEqual(["create", "diff", "update", "refresh", "delete"]);
    expect({ frontEnd: size.frontEnd, create: size.phases.create.steps, delete: size.phases.delete.steps }).toEqual({
      frontEnd: size.frontEnd,
      create: { create: 5 },
      delete: { delete: 5 },
    });
  }
});

describe.each(["dynamic", "plugin"])("targets of the %s front end", (frontEnd) => {
  test("every target is reported, in the JSON and on stdout", () => {
    const targets = json.targetsByFrontEnd.find((t) => t.frontEnd === frontEnd)?.targets ?? [];
    expect(targets.map((t) => TARGETS.find((name) => t.name.startsWith(name)))).toEqual(TARGETS);
    expect(run.stdout).toContain(`targets, ${frontEnd}:`);
    const section = run.stdout.slice(run.stdout.indexOf(`targets, ${frontEnd}:`));
    for (const t of targets) expect(section).toContain(t.name);
    for (const t of targets) expect(t.measured).not.toMatch(/^n\/a$/);
  });

  test("the request-count, PATCH-bytes and size targets are met", () => {
    const targets = json.targetsByFrontEnd.find((t) => t.frontEnd === frontEnd)?.targets ?? [];
    const deterministic = targets.filter((t) => DETERMINISTIC.includes(t.name));
    expect(deterministic).toHaveLength(DETERMINISTIC.length);
    expect(deterministic.filter((t) => !t.met)).toEqual([]);
  });
});

/**
 * The suite-wide leak reporter must be able to fail a run, or the green suite proves nothing: real jest runs
 * (a child process each, in a temporary root folder, with this reporter) over test files that leak
 * registered secrets through each path the reporter watches, and one clean run as the control.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generatedSecret, registeredSecrets, TEST_CLIENT_SECRETS, TEST_PASSWORDS, TEST_TOKENS } from "./testSecrets";

const repoRoot = join(__dirname, "..", "..");
const jestBin = require.resolve("jest/bin/jest");

/** The reporter's label of a registry value: number, name and length, never the value. */
function label(value: string): string {
  const index = registeredSecrets().findIndex((s) => s.value === value);
  return `registered secret #${index + 1} ${registeredSecrets()[index].name} (${value.length} chars)`;
}

interface JestRun {
  code: number | null;
  output: string;
  /** The reporter's part of the output (from its heading on). */
  report: string;
}

/** Runs jest over `files` (name -> source) in a fresh root folder with the leak reporter. */
async function runJest(files: Record<string, string>, args: string[] = []): Promise<JestRun> {
  const root = mkdtempSync(join(tmpdir(), "industrydata-leak-reporter-"));
  try {
    for (const [name, source] of Object.entries(files)) writeFileSync(join(root, name), source);
    const config = {
      rootDir: root,
      testEnvironment: "node",
      testMatch: ["**/*.test.js", "**/*.test.ts"],
      transform: { "^.+\\.ts$": [require.resolve("ts-jest"), { tsconfig: { module: "commonjs", target: "ES2022", esModuleInterop: true, types: ["node"] }, isolatedModules: true, diagnostics: false }] },
      reporters: ["default", join(repoRoot, "test", "support", "leakReporter.js")],
    };
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };
    delete env.JEST_WORKER_ID;
    const child = spawn(process.execPath, [jestBin, "--config", JSON.stringify(config), "--runInBand", ...args], { cwd: root, env });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    const heading = output.indexOf("Secret leak scan");
    return { code, output, report: heading >= 0 ? output.slice(heading) : "" };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe("leakReporter", () => {
  const password = TEST_PASSWORDS.unitPlain;
  const clientSecret = TEST_CLIENT_SECRETS.emulatorDefault;
  const token = TEST_TOKENS.providerStatic;
  const hostToken = generatedSecret("engineToken");
  const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
  const scanKeptOutput = join(repoRoot, "test", "support", "scanKeptOutput");
  let leaky: JestRun;
  let single: JestRun;
  let clean: JestRun;

  beforeAll(async () => {
    [leaky, single, clean] = await Promise.all([
      runJest({
        "consoleLeak.test.js": `test("logs", () => {
          console.log("signing in with", ${JSON.stringify(password)});
          console.warn("Authorization: Basic " + Buffer.from("app:" + ${JSON.stringify(clientSecret)}).toString("base64"));
        });`,
        "assertionLeak.test.js": `test("fails", () => { expect({ token: ${JSON.stringify(token)} }).toEqual({}); });`,
        "streamLeak.test.js": `test("writes", () => { process.stderr.write("id_token=${jwt}\\n"); });`,
        "keptOutputLeak.test.ts": `import { scanKeptOutput } from ${JSON.stringify(scanKeptOutput)};
          test("harness", () => { scanKeptOutput({ source: "provider host output", text: ["ready", "configured with ${hostToken}"] }); });`,
        "clean.test.js": `test("clean", () => { console.log("PATCH /flows/1 failed: 400 (Authorization: Bearer [REDACTED])"); });`,
      }),
      // One file runs verbose: jest prints its console straight through instead of buffering it.
      runJest({ "onlyFile.test.js": `test("logs", () => { console.error(encodeURIComponent(${JSON.stringify(TEST_PASSWORDS.redactJson)})); });` }),
      runJest({ "clean.test.js": `test("clean", () => { console.log("nothing secret: Bearer [REDACTED], masked ********"); });` }),
    ]);
  }, 60_000);

  test.each([
    ["console output (jest's per-file buffer)", "consoleLeak.test.js", () => label(password), "console.log"],
    ["a base64-encoded secret inside a longer value", "consoleLeak.test.js", () => label(clientSecret), "console.warn"],
    ["an assertion error", "assertionLeak.test.js", () => label(token), 'assertion error in "fails"'],
    ["a credential shape written to a process stream", "streamLeak.test.js", () => "a JWT", "process stderr"],
    ["a per-run secret in output a harness kept", "keptOutputLeak.test.ts", () => "a generated secret (engineToken)", "kept output: provider host output"],
  ])("fails the run on %s, naming file, secret and place", (_path, file, what, where) => {
    expect(leaky.code).toBe(1);
    const section = leaky.report.slice(leaky.report.indexOf(file));
    expect(leaky.report).toContain("Secret leak scan FAILED");
    expect(section.split(/\n  \S/)[0]).toMatch(new RegExp(`${escape(what())} appeared in [^\\n]*${escape(where)}`));
  });

  test("the report never holds a secret itself, and leaves clean files out", () => {
    for (const value of [password, clientSecret, token, hostToken, jwt]) expect(leaky.report).not.toContain(value);
    // Control: jest itself did print them (the console buffer, the failure diff), so they were there to find.
    expect(leaky.output).toContain(password);
    expect(leaky.output).toContain(token);
    expect(leaky.report).not.toContain("clean.test.js");
  });

  test("console printed straight through (a single file runs verbose) is caught, URL-encoded", () => {
    expect(single.code).toBe(1);
    expect(single.report).toContain("onlyFile.test.js");
    expect(single.report).toMatch(new RegExp(`${escape(label(TEST_PASSWORDS.redactJson))} appeared in [^\\n]*process stdout`));
    expect(single.report).not.toContain(TEST_PASSWORDS.redactJson);
  });

  test("a clean run passes and says what was searched", () => {
    expect(clean.code).toBe(0);
    expect(clean.report).toMatch(/^Secret leak scan: nothing found \(searched 1 test files: 1 console entries/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("leakReporter when its own scan fails", () => {
  test("a matcher that throws while scanning a stream fails the run (the write still goes through)", () => {
    // In process, on a stream of its own: the reporter's spool variable is this worker's too, so it is put back.
    const spool = process.env.INDUSTRYDATA_LEAK_SPOOL;
    const LeakReporter = require("./leakReporter.js");
    const reporter = new LeakReporter({ rootDir: repoRoot });
    try {
      reporter.onRunStart();
      for (const unhook of reporter._unhook) unhook(); // leave the real process streams alone
      reporter._unhook = [];
      reporter._matcher = {
        find: () => {
          throw new Error("matcher broke");
        },
      };
      const written: string[] = [];
      const stream = { write: (chunk: string) => written.push(chunk) > 0 };
      const unhook = reporter._hook(stream, "probe");
      stream.write("some output");
      unhook();
      expect(written).toEqual(["some output"]);
      const stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
      try {
        reporter.onRunComplete(undefined, {});
      } finally {
        stderr.mockRestore();
      }
      expect(reporter.getLastError()?.message).toMatch(/the scan itself failed 1 time\(s\)[\s\S]*probe: Error: matcher broke/);
    } finally {
      if (spool === undefined) delete process.env.INDUSTRYDATA_LEAK_SPOOL;
      else process.env.INDUSTRYDATA_LEAK_SPOOL = spool;
    }
  });
});

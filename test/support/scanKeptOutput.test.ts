/** Kept output of processes under test reaches the suite-wide scan; without the reporter a finding throws. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LEAK_SPOOL_ENV, scanKeptOutput, type SpooledFinding } from "./scanKeptOutput";
import { generatedSecret, TEST_TOKENS } from "./testSecrets";

describe("scanKeptOutput", () => {
  const spool = process.env[LEAK_SPOOL_ENV];

  afterEach(() => {
    if (spool === undefined) delete process.env[LEAK_SPOOL_ENV];
    else process.env[LEAK_SPOOL_ENV] = spool;
  });

  test("finds registered secrets, per-run secret shapes and the harness's own secrets, by label only", () => {
    delete process.env[LEAK_SPOOL_ENV];
    const given = "host-config-secret-9d2e";
    const token = generatedSecret("engineToken");
    const lines = ["ready on 127.0.0.1:4000", `configure: ${given}`, `GET with ${TEST_TOKENS.providerStatic}`, `token ${token}`];
    let failure: Error | undefined;
    try {
      scanKeptOutput({ source: "host output", text: lines, secrets: [given, "short", "********"] });
    } catch (error) {
      failure = error as Error;
    }
    expect(failure?.message).toMatch(/^Secret leak in host output:/);
    expect(failure?.message).toContain("a secret the harness was given (#1) (23 chars)");
    expect(failure?.message).toMatch(/registered secret #\d+ tokens\.providerStatic \(19 chars\)/);
    expect(failure?.message).toContain("a generated secret (engineToken)");
    for (const value of [given, TEST_TOKENS.providerStatic, token]) expect(failure?.message).not.toContain(value);
  });

  test("clean output passes; Graph's mask and short values given as secrets are not looked for", () => {
    delete process.env[LEAK_SPOOL_ENV];
    expect(scanKeptOutput({ source: "host output", text: "password ******** (short)", secrets: ["short", "********"] })).toEqual([]);
  });

  // Only under the suite's own reporter: it names the spool folder (jest.config.js registers it).
  (spool ? test : test.skip)("with the reporter, every scan is spooled for it, labelled with this test file", () => {
    const before = spooled(spool!).length;
    scanKeptOutput({ source: "clean host output", text: ["nothing to see"] });
    const entries = spooled(spool!).slice(before);
    expect(entries).toEqual([{ testPath: __filename, source: "clean host output", findings: [] }]);
  });
});

/** This process's spooled entries. */
function spooled(spool: string): SpooledFinding[] {
  const file = readdirSync(spool).find((name) => name === `${process.pid}.jsonl`);
  if (!file) return [];
  return readFileSync(join(spool, file), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SpooledFinding);
}

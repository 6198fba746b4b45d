/**
 * Hands output a harness kept from a process under test (a provider host's stdout/stderr lines, a CLI's
 * output) to the suite-wide leak scan. The text is scanned here, in the test's own process, against the
 * registry (testSecrets.ts), the per-run secret shapes, credential shapes and any `secrets` the harness
 * knows (e.g. the secret config it passed); only the result (source and finding labels, never values)
 * travels on, appended to the spool folder the reporter (leakReporter.js) names in INDUSTRYDATA_LEAK_SPOOL
 * and reads at the end of each test file, failing the run and naming the file when anything was found.
 *
 * Under jest without the reporter (no spool) a finding throws instead, so it cannot pass unseen; outside
 * jest (the benchmark reuses the harness) nothing is recorded.
 */
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { leakMatcher, TOKEN_SHAPES, type SecretToFind } from "./leakMatcher";
import { generatedSecretShapes, PUBLIC_VALUES, registeredSecrets } from "./testSecrets";

/** The environment variable naming the reporter's spool folder (set by leakReporter.js). */
export const LEAK_SPOOL_ENV = "INDUSTRYDATA_LEAK_SPOOL";

/** One piece of kept output. */
export interface KeptOutput {
  /** Where it came from, e.g. `provider host output`; appears in the report. */
  source: string;
  /** The text, or its lines. */
  text: string | readonly string[];
  /** Values the harness knows to be secret besides the registry's (shorter than 8 characters, or PUBLIC_VALUES such as Graph's mask: ignored). */
  secrets?: readonly string[];
}

/** One spooled scan, as the reporter reads it (JSON, one a line; `findings` empty when clean). */
export interface SpooledFinding {
  testPath: string | undefined;
  source: string;
  findings: string[];
}

/** Scans kept output and hands findings to the reporter; returns the findings (labels only). */
export function scanKeptOutput(output: KeptOutput): string[] {
  const testPath = currentTestPath();
  const spool = process.env[LEAK_SPOOL_ENV];
  if (testPath === undefined && !spool) return [];
  const given: SecretToFind[] = (output.secrets ?? [])
    .filter((value) => value.length >= 8 && !(value in PUBLIC_VALUES))
    .map((value, index) => ({ label: `a secret the harness was given (#${index + 1})`, value }));
  const registered = registeredSecrets().map(({ name, value }, index) => ({ label: `registered secret #${index + 1} ${name}`, value }));
  const matcher = leakMatcher({ secrets: [...given, ...registered], shapes: [...TOKEN_SHAPES, ...generatedSecretShapes()] });
  const text = typeof output.text === "string" ? output.text : output.text.join("\n");
  const findings = matcher.find(text);
  if (!spool) {
    if (findings.length > 0) throw new Error(`Secret leak in ${output.source}:\n- ${findings.join("\n- ")}`);
    return findings;
  }
  const entry: SpooledFinding = { testPath, source: output.source, findings };
  appendFileSync(join(spool, `${process.pid}.jsonl`), `${JSON.stringify(entry)}\n`);
  return findings;
}

/** The running test file, when called under jest. */
function currentTestPath(): string | undefined {
  const jestExpect = (globalThis as { expect?: { getState?: () => { testPath?: string } } }).expect;
  return typeof jestExpect?.getState === "function" ? jestExpect.getState().testPath : undefined;
}

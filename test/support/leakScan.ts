/**
 * Secret-leak scan for tests: captures what a test makes visible (console output, process stdout/stderr
 * writes, and any error, result or output handed to `record`), then asserts that none of the registered
 * secrets (passwords, client secrets, tokens) nor anything credential-shaped (a JWT, `Bearer <token>`, a
 * private key) appears.
 *
 *   const leaks = startLeakScan();
 *   leaks.secret(clientSecret, password);
 *   const result = await leaks.capture(() => client.patch(path, body)); // records result or error
 *   leaks.assertClean();
 *   leaks.stop();
 *
 * Besides the secrets a test registers, every secret of the suite's registry (testSecrets.ts) and the shapes
 * of its per-run secrets are looked for (turn off with `registry: false`). Matching, including the encoded
 * forms a secret travels in, is leakMatcher.ts, shared with the suite-wide reporter (leakReporter.js).
 *
 * Failures never print the secret itself, only which one (by index or registry name, and length) and where.
 */
import { describeValue, leakMatcher, TOKEN_SHAPES, type SecretToFind } from "./leakMatcher";
import { generatedSecretShapes, registeredSecrets } from "./testSecrets";

/** Where a piece of captured text came from. */
interface Captured {
  source: string;
  text: string;
}

/** A running scan (see the module comment). */
export interface LeakScan {
  /** Registers values that must never appear (undefined and empty values are ignored). */
  secret(...values: (string | undefined)[]): void;
  /** Records a value as visible output: strings as is, errors with name, message, stack and fields, others as JSON. */
  record(value: unknown, source?: string): void;
  /** Awaits `run`, recording its result or its error (which is rethrown). */
  capture<T>(run: () => Promise<T>, source?: string): Promise<T>;
  /** Throws when a secret or a token-shaped string was seen. */
  assertClean(): void;
  /** Restores console and the process streams. Safe to call twice. */
  stop(): void;
  /** Everything captured so far (for a test's own assertions). */
  readonly captured: readonly Captured[];
}

/** Options of `startLeakScan`. */
export interface LeakScanOptions {
  /** Also let captured console/stream output through to the real streams (default false: kept quiet). */
  passthrough?: boolean;
  /** Also look for the registry's secrets and per-run secret shapes (default true). */
  registry?: boolean;
}

const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;

/** Starts capturing console and process stdout/stderr output. */
export function startLeakScan(options: LeakScanOptions = {}): LeakScan {
  const secrets = new Set<string>();
  const captured: Captured[] = [];
  const restore: (() => void)[] = [];

  for (const method of CONSOLE_METHODS) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      captured.push({ source: `console.${method}`, text: args.map(describeValue).join(" ") });
      if (options.passthrough) original.apply(console, args);
    };
    restore.push(() => (console[method] = original));
  }
  for (const name of ["stdout", "stderr"] as const) {
    const stream = process[name];
    const original = stream.write;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      captured.push({ source: `process.${name}`, text: typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8") });
      return options.passthrough ? (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest) : true;
    }) as typeof stream.write;
    restore.push(() => (stream.write = original));
  }

  const scan: LeakScan = {
    captured,
    secret(...values) {
      for (const value of values) if (value !== undefined && value !== "") secrets.add(value);
    },
    record(value, source = "recorded value") {
      captured.push({ source, text: describeValue(value) });
    },
    async capture(run, source = "captured call") {
      try {
        const result = await run();
        scan.record(result, `${source} result`);
        return result;
      } catch (error) {
        scan.record(error, `${source} error`);
        throw error;
      }
    },
    assertClean() {
      const own = [...secrets];
      const toFind: SecretToFind[] = own.map((value, index) => ({ label: `secret #${index + 1}`, value }));
      if (options.registry !== false) {
        registeredSecrets().forEach(({ name, value }, index) => {
          if (!secrets.has(value)) toFind.push({ label: `registered secret #${index + 1} ${name}`, value });
        });
      }
      const shapes = options.registry !== false ? [...TOKEN_SHAPES, ...generatedSecretShapes()] : TOKEN_SHAPES;
      const matcher = leakMatcher({ secrets: toFind, shapes });
      const findings = captured.flatMap(({ source, text }) => matcher.find(text).map((what) => `${what} appeared in ${source}`));
      if (findings.length > 0) throw new Error(`Secret leak scan failed:\n- ${[...new Set(findings)].join("\n- ")}`);
    },
    stop() {
      while (restore.length > 0) restore.pop()?.();
    },
  };
  return scan;
}

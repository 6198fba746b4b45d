/**
 * Secret-leak scan for tests: captures what a test makes visible (console output, process stdout/stderr
 * writes, and any error, result or output handed to `record`), then asserts that none of the registered
 * secrets (passwords, client secrets, tokens) nor anything token-shaped (a JWT, `Bearer <token>`) appears.
 *
 *   const leaks = startLeakScan();
 *   leaks.secret(clientSecret, password);
 *   const result = await leaks.capture(() => client.patch(path, body)); // records result or error
 *   leaks.assertClean();
 *   leaks.stop();
 *
 * Failures never print the secret itself, only which one (by index and length) and where.
 */

/** Anything shaped like a credential, whoever's it is. */
const TOKEN_SHAPES: { name: string; pattern: RegExp }[] = [
  { name: "JWT", pattern: /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/ },
  { name: "bearer token", pattern: /\bBearer\s+(?!\[REDACTED\]|\[redacted\])[A-Za-z0-9\-._~+/]{8,}/i },
];

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
      captured.push({ source: `console.${method}`, text: args.map(describe).join(" ") });
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
      captured.push({ source, text: describe(value) });
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
      const findings: string[] = [];
      const list = [...secrets];
      for (const { source, text } of captured) {
        list.forEach((secret, index) => {
          for (const form of new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64")])) {
            if (text.includes(form)) findings.push(`secret #${index + 1} (${secret.length} chars) appeared in ${source}`);
          }
        });
        for (const { name, pattern } of TOKEN_SHAPES) {
          if (pattern.test(text)) findings.push(`a ${name} appeared in ${source}`);
        }
      }
      if (findings.length > 0) throw new Error(`Secret leak scan failed:\n- ${[...new Set(findings)].join("\n- ")}`);
    },
    stop() {
      while (restore.length > 0) restore.pop()?.();
    },
  };
  return scan;
}

/** Text a value would show as in a log or error report. */
function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) {
    const fields = Object.fromEntries(Object.entries(value));
    return `${value.name}: ${value.message}\n${value.stack ?? ""}\n${safeJson(fields)}\n${value.cause !== undefined ? describe(value.cause) : ""}`;
  }
  return safeJson(value);
}

function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => {
        if (typeof v === "object" && v !== null) {
          if (seen.has(v)) return "[circular]";
          seen.add(v);
        }
        return typeof v === "bigint" ? v.toString() : v;
      }) ?? String(value)
    );
  } catch {
    return String(value);
  }
}

/**
 * Every request the emulator received (Graph and token endpoints; not the admin API), for tests and the
 * benchmark to count. Secrets in bodies (passwords, client secrets, assertions, tokens) are redacted
 * before they are kept, so a test printing the log cannot leak them.
 */

/** One received request. */
export interface LoggedRequest {
  /** 1, 2, … in arrival order. */
  seq: number;
  /** ISO time the request arrived. */
  time: string;
  method: string;
  /** URL path without the query string, e.g. `/beta/external/industryData/outboundProvisioningFlowSets`. */
  path: string;
  /** Query parameters, secrets redacted. */
  query: Record<string, string>;
  /** Parsed body with secrets redacted; undefined when none (or when a fault answered before it was read). */
  body?: unknown;
  /** HTTP status answered; 0 when the connection was dropped by a fault. */
  status: number;
  requestId: string;
  clientRequestId?: string;
  /** Set when an injected fault answered, delayed or held this request: "status", "drop", "delay" or "hold". */
  fault?: "status" | "drop" | "delay" | "hold";
  durationMs: number;
}

/** What replaces a secret value. */
export const REDACTED = "[redacted]";

const secretKeys = /^(password|passwordHash|client_secret|clientSecret|client_assertion|clientAssertion|access_token|refresh_token|assertion|privateKey|certificatePem)$/i;

/** A SAS signature inside any text (a URL in a path, a query value or a body): `sig=…` up to the next `&`. */
const sasSignature = /((?:^|[?&;\s"'])sig=)[^&\s"'#]*/gi;

/** `text` with every SAS signature replaced by `[redacted]` (an upload session's URL is a bearer credential). */
export function redactSasSignatures(text: string): string {
  return text.replace(sasSignature, `$1${REDACTED}`);
}

/** A deep copy of `value` with every secret-named property's value (and SAS signature) replaced by `[redacted]`. */
export function redactSecrets(value: unknown): unknown {
  if (typeof value === "string") return redactSasSignatures(value);
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = (secretKeys.test(k) || k.toLowerCase() === "sig") && v != null ? REDACTED : redactSecrets(v);
  return out;
}

/** The log, bounded so a long-running emulator cannot grow without limit. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  constructor(private readonly options: { maxEntries: number } = { maxEntries: 100_000 }) {}

  /** Records one request (its query and body redacted here: a client may send a token or secret in either). */
  add(entry: Omit<LoggedRequest, "seq">): void {
    const query = redactSecrets(entry.query) as Record<string, string>;
    this.entries.push({ ...entry, path: redactSasSignatures(entry.path), query, body: redactSecrets(entry.body), seq: ++this.seq });
    if (this.entries.length > this.options.maxEntries) this.entries.splice(0, this.entries.length - this.options.maxEntries);
  }

  /** Everything recorded since the last clear, oldest first. */
  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}

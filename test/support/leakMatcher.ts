/**
 * The matching half of every secret-leak scan in the suite: given some visible text, which registered secrets
 * (in any of the forms a secret travels in) and which credential-shaped strings appear in it. Shared by the
 * per-test scan (leakScan.ts), the suite-wide jest reporter (leakReporter.js, which loads this file through
 * the TypeScript compiler, so it must stay free of runtime imports) and scanKeptOutput.ts.
 *
 * Findings name a secret by its label (an index or a registry name, and its length), never by its value.
 */

/** A value that must never appear, with the label findings use for it. */
export interface SecretToFind {
  /** How findings name it, e.g. `secret #1` or `passwords.unitPlain`; never the value. */
  label: string;
  value: string;
}

/** A pattern that must never match, with the label findings use for it. */
export interface ShapeToFind {
  /** How findings name it, e.g. `a JWT`. */
  label: string;
  pattern: RegExp;
}

/** Anything shaped like a credential, whoever's it is. */
export const TOKEN_SHAPES: readonly ShapeToFind[] = [
  { label: "a JWT", pattern: /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/ },
  // What the provider's own redaction leaves behind ([REDACTED]) is not a token.
  { label: "a bearer token", pattern: /\bBearer\s+(?!\[REDACTED\]|\[redacted\])[A-Za-z0-9\-._~+/]{8,}/i },
  { label: "a private key", pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  // An Azure Storage SAS signature (an upload session's sessionUrl); redacted it reads sig=[REDACTED].
  { label: "a SAS signature", pattern: /[?&]sig=(?!\[REDACTED\]|\[redacted\])[A-Za-z0-9%+/=]{8,}/i },
];

/**
 * The forms a secret takes on its way into a log line: as is, URL-encoded (encodeURIComponent's, which leaves
 * `!'()*` as they are; RFC 3986's, which encodes them; and a form body's, application/x-www-form-urlencoded as
 * URLSearchParams writes it: `!` as `%21`, a space as `+`), escaped inside a JSON string, and each of those two base64 / base64url encoded at each of the three byte
 * alignments (so it is found inside a longer encoded value, such as `Basic id:secret` or a JWT's JSON
 * payload, not only when encoded alone).
 */
export function secretForms(value: string): string[] {
  const jsonEscaped = JSON.stringify(value).slice(1, -1);
  const uriComponent = encodeURIComponent(value);
  const rfc3986 = uriComponent.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const formEncoded = new URLSearchParams({ v: value }).toString().slice("v=".length);
  const forms = new Set([value, uriComponent, rfc3986, formEncoded, jsonEscaped]);
  for (const plain of new Set([value, jsonEscaped])) {
    const bytes = Buffer.from(plain, "utf8");
    for (const offset of [0, 1, 2]) {
      const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64").replace(/=+$/, "");
      // Leading characters also encode the padding bytes; a trailing partial group also encodes what follows.
      const start = [0, 2, 3][offset];
      const end = (offset + bytes.length) % 3 === 0 ? encoded.length : encoded.length - 1;
      const inner = encoded.slice(start, end);
      if (inner.length >= 8) {
        forms.add(inner);
        forms.add(inner.replace(/\+/g, "-").replace(/\//g, "_"));
      }
    }
  }
  return [...forms];
}

/** A prepared scan: the forms of every secret computed once, then any number of texts checked against them. */
export interface LeakMatcher {
  /** Labels of the secrets and shapes that appear in `text` (each once). */
  find(text: string): string[];
}

/** Options of `leakMatcher`. */
export interface LeakMatcherOptions {
  secrets: readonly SecretToFind[];
  /** Patterns to look for besides the secrets; default `TOKEN_SHAPES`. */
  shapes?: readonly ShapeToFind[];
}

/** Prepares a matcher; empty secret values are ignored. Findings read `<label> (<length> chars)` for secrets. */
export function leakMatcher(options: LeakMatcherOptions): LeakMatcher {
  const secrets = options.secrets
    .filter((s) => s.value !== "")
    .map((s) => ({ finding: `${s.label} (${s.value.length} chars)`, forms: secretForms(s.value) }));
  const shapes = options.shapes ?? TOKEN_SHAPES;
  return {
    find(text) {
      const found = new Set<string>();
      for (const { finding, forms } of secrets) if (forms.some((form) => text.includes(form))) found.add(finding);
      for (const { label, pattern } of shapes) if (pattern.test(text)) found.add(label);
      return [...found];
    },
  };
}

/** Text a value would show as in a log or error report: errors with name, message, stack, own fields and cause. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) {
    const fields = Object.fromEntries(Object.entries(value));
    return `${value.name}: ${value.message}\n${value.stack ?? ""}\n${safeJson(fields)}\n${value.cause !== undefined ? describeValue(value.cause) : ""}`;
  }
  return safeJson(value);
}

/** JSON of anything, cycles and bigints included, never throwing. */
export function safeJson(value: unknown): string {
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

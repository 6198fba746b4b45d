/** What replaces a secret in any text the provider emits. */
export const REDACTED = "[REDACTED]";

/** Secret values of this process (client secret, static token) registered at client creation. */
const knownSecrets = new Set<string>();

/** Keys whose string values are secrets wherever they appear in a JSON body or form. */
const SENSITIVE_KEY = /password|secret|token|assertion|authorization/i;

/** Values this short would redact ordinary words; real secrets are far longer. */
const MIN_SECRET_LENGTH = 6;

/** Registers a secret value so that `redactSecrets` removes it from every message of this process. */
export function registerSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= MIN_SECRET_LENGTH) knownSecrets.add(value);
}

/**
 * Removes secrets from text meant for a message or log: registered and `extra` values verbatim, bearer
 * tokens, anything shaped like a JWT, and values of sensitive keys in JSON (`"password": "…"`) or forms
 * (`client_secret=…`), so an echo of a request body in Graph's error message cannot leak a password.
 */
export function redactSecrets(text: string, extra: Iterable<string> = []): string {
  let out = text;
  const values = [...knownSecrets, ...[...extra].filter((v) => v.length >= MIN_SECRET_LENGTH)];
  // Longest first, so a secret containing another is removed whole.
  for (const value of values.sort((a, b) => b.length - a.length)) out = out.split(value).join(REDACTED);
  return out
    .replace(/\bBearer\s+[A-Za-z0-9\-._~+/]+=*/gi, `Bearer ${REDACTED}`)
    .replace(/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED)
    .replace(/("[^"]*(?:password|secret|token|assertion|authorization)[^"]*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${REDACTED}"`)
    .replace(/(\b[\w.-]*(?:password|secret|token|assertion)[\w.-]*=)[^&\s"']+/gi, `$1${REDACTED}`)
    // An Azure Storage SAS (an upload session's sessionUrl): its signature is the secret part.
    .replace(/([?&]sig=)[^&\s"'<>]+/gi, `$1${REDACTED}`);
}

/**
 * A SAS URL as it may be shown: the signature (`sig`) registered as a secret of this process, so no later
 * message can carry it, and replaced by {@link REDACTED}. The rest (account, container, expiry, permissions)
 * stays readable.
 */
export function redactSasUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const sig = parsed.searchParams.get("sig");
    if (sig !== null) {
      registerSecret(sig);
      registerSecret(encodeURIComponent(sig));
    }
  } catch {
    // not a URL: the pattern below still removes a sig= parameter
  }
  return redactSecrets(url);
}

/**
 * The string values under sensitive keys anywhere in a request body (e.g. `defaultPasswordSettings.password`),
 * to be redacted from the error that answers that request.
 */
export function sensitiveValuesOf(body: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown, sensitive: boolean): void => {
    if (typeof value === "string") {
      if (sensitive) found.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, sensitive);
    } else if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) visit(child, sensitive || SENSITIVE_KEY.test(key));
    }
  };
  visit(body, false);
  return found;
}

import { isLoopbackHost } from "./loopbackHost";

/** A bad configuration value: the key it came from and what is wrong, also told apart for CheckConfig's failures. */
export interface ConfigError extends Error {
  name: "ConfigError";
  /** Where the value came from: `industrydata:<key>`, or the environment variable read instead. */
  key: string;
  /** What is wrong with it, e.g. `must be a whole number from 0 to 20, got "three"`. */
  problem: string;
}

/** An error for a bad configuration value; the message starts with the key so users can find it. */
export function configError(key: string, problem: string): ConfigError {
  return Object.assign(new Error(`${key} ${problem}`), { name: "ConfigError" as const, key, problem });
}

/** True for the error {@link configError} builds. */
export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof Error && error.name === "ConfigError" && typeof (error as Partial<ConfigError>).key === "string";
}

/**
 * Parses a whole number within bounds.
 * @throws naming the key: `industrydata:maxRetries must be a whole number from 0 to 20, got "three"`.
 */
export function parseBoundedInteger(raw: string, options: { key: string; min: number; max: number }): number {
  const { key, min, max } = options;
  if (!/^[+]?\d+$/.test(raw)) throw configError(key, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  const value = Number(raw);
  if (value < min || value > max) throw configError(key, `must be a whole number from ${min} to ${max}, got ${value}`);
  return value;
}

/** Parses seconds (decimals allowed, e.g. `1.5`) into milliseconds within bounds given in milliseconds. */
export function parseSeconds(raw: string, options: { key: string; min: number; max: number }): number {
  const { key, min, max } = options;
  const range = `from ${min / 1000} to ${max / 1000}`;
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)$/.test(raw)) throw configError(key, `must be a number of seconds ${range}, got ${JSON.stringify(raw)}`);
  const ms = Math.round(Number(raw) * 1000);
  if (ms < min || ms > max) throw configError(key, `must be a number of seconds ${range}, got ${raw}`);
  return ms;
}

/**
 * Parses the Graph endpoint: an absolute https URL, or http for a loopback host only (the emulator), since a
 * bearer token must never cross the network in clear text. Returns it without a trailing slash, query or fragment.
 */
export function parseEndpointUrl(raw: string, key: string): string {
  const url = parseUrl(raw, key);
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw configError(
      key,
      `must use https: plain http is accepted only for a loopback host (127.0.0.0/8, ::1, localhost), got ${url.origin}`,
    );
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw configError(key, `must be a base URL without credentials, query or fragment, got ${JSON.stringify(url.origin + url.pathname)}`);
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
}

/** Parses an https URL (the authority host: MSAL only talks to https authorities). */
export function parseHttpsUrl(raw: string, key: string): string {
  const url = parseUrl(raw, key);
  if (url.protocol !== "https:") throw configError(key, `must be an https URL, got ${JSON.stringify(withoutUserInfo(url))}`);
  return url.origin + url.pathname.replace(/\/+$/, "");
}

function parseUrl(raw: string, key: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw configError(key, `must be an absolute URL such as https://graph.microsoft.com/beta, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw configError(key, `must be an http(s) URL, got ${JSON.stringify(withoutUserInfo(url))}`);
  }
  return url;
}

/** The URL as text with any `user:password@` masked: a mistyped endpoint must not put a password in an error. */
function withoutUserInfo(url: URL): string {
  if (url.username === "" && url.password === "") return url.href;
  const masked = new URL(url.href);
  masked.username = "***";
  masked.password = "";
  return masked.href;
}

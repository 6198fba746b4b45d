import type { Context } from "@microsoft/microsoft-graph-client";

type HeaderBag = Record<string, string> | Headers | [string, string][];

/**
 * A WHATWG Headers, told apart without touching the global `Headers`: the first use of that global loads Node's
 * fetch implementation (undici), which nothing else in the plugin needs (see bufferedResponse.ts).
 */
export function isHeaders(headers: unknown): headers is Headers {
  return typeof headers === "object" && headers !== null && !Array.isArray(headers) && typeof (headers as Headers).get === "function" && typeof (headers as Headers).entries === "function";
}

/** Reads a request header, case-insensitively, whatever shape the library gave `options.headers`. */
export function getRequestHeader(context: Context, name: string): string | undefined {
  const headers = context.options?.headers as HeaderBag | undefined;
  if (headers === undefined) return undefined;
  if (isHeaders(headers)) return headers.get(name) ?? undefined;
  const lower = name.toLowerCase();
  const entries = Array.isArray(headers) ? headers : Object.entries(headers);
  return entries.find(([key]) => key.toLowerCase() === lower)?.[1];
}

/** Sets a request header, replacing any value under another capitalisation. */
export function setRequestHeader(context: Context, name: string, value: string): void {
  context.options ??= {};
  const headers = (context.options.headers ?? {}) as HeaderBag;
  if (isHeaders(headers)) {
    headers.set(name, value);
    return;
  }
  const lower = name.toLowerCase();
  const kept = (Array.isArray(headers) ? headers : Object.entries(headers)).filter(([key]) => key.toLowerCase() !== lower);
  context.options.headers = Object.fromEntries([...kept, [name, value]]);
}

/** The request URL, whether the library passed a string or a Request. */
export function requestUrl(context: Context): string {
  return typeof context.request === "string" ? context.request : context.request.url;
}

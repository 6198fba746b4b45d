/**
 * Parses a `Retry-After` header into milliseconds from `nowMs`: delay-seconds (`120`, also `1.5` as some
 * services send) or an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`, a date in the past meaning 0).
 * Returns `undefined` when the header is absent or unreadable.
 */
export function parseRetryAfter(header: string | undefined | null, nowMs: number): number | undefined {
  if (header === undefined || header === null) return undefined;
  const value = header.trim();
  if (value === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // Only a real HTTP date (it names a weekday or month), not any string Date.parse happens to accept.
  if (!/[A-Za-z]{3}/.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * The one rule for every id that becomes a URL path segment or a bind target (`flowSetId`, `flowId`,
 * `roleGroupId`, and whatever a descriptor lists in `idArguments`). `encodeURIComponent` leaves `.` and `..`
 * as they are, and the URL layer (WHATWG `URL`, which also reads `%2e` as a dot) resolves them, so
 * `…/provisioningFlows/..` addresses the flow set itself: such an id must never reach a path.
 *
 * Required: a string of 1 to {@link maxIdLength} characters, not `.` or `..`, with no control character, no
 * whitespace, and none of `/ ? # % \` (a separator, a query or fragment start, an escape, or what some URL
 * layers read as a separator). GUIDs are NOT required: Graph's set and flow ids are GUIDs, but role-group ids
 * ("staff") and reference-definition ids (`<referenceType>-<code>`) are not, and one rule serves every id;
 * what keeps a request inside its entity is the segment's shape, and a well-formed id that names nothing gets
 * Graph's own 404, naming it.
 */

/** Longest id accepted: far above a GUID (36) or a reference-definition id, far below a runaway value. */
export const maxIdLength = 256;

// Control characters (C0, DEL, C1), any Unicode whitespace, and the URL delimiters a segment must not hold.
const forbidden = /[\u0000-\u001f\u007f-\u009f\s/?#%\\]/u;

/** Why `value` cannot be an id in a URL segment, or undefined when it can. */
export function idSegmentProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `must be a string (got ${value === null ? "null" : typeof value})`;
  if (value === "") return "must not be empty";
  if (value === "." || value === "..") return `must not be "${value}" (a dot segment would address another entity)`;
  if (value.length > maxIdLength) return `must be at most ${maxIdLength} characters (got ${value.length})`;
  const bad = forbidden.exec(value);
  if (bad) return `must not contain ${describeChar(bad[0])} (an id becomes a URL segment)`;
  return undefined;
}

/** The id itself, or an error naming `what` and the rule (a path builder's guard: never a request). */
export function idSegment(value: string, what: string): string {
  const problem = idSegmentProblem(value);
  if (problem !== undefined) {
    throw new Error(`invalid ${what} ${JSON.stringify(shorten(String(value)))}: ${problem}; no request was sent`);
  }
  return encodeURIComponent(value);
}

function describeChar(ch: string): string {
  if (/\s/u.test(ch) && ch === " ") return "a space";
  if (/[\u0000-\u001f\u007f-\u009f\s]/u.test(ch)) return `a control or whitespace character (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;
  return `"${ch}"`;
}

function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

/** Small helpers for the descriptor path notation (`a.b[].c`) and for printable property paths (`a.b[1].c`). */

/** A descriptor path of a concrete location: `creationOptions.configurations[1].roleGroupId` -> `creationOptions.configurations[].roleGroupId`. */
export function patternOf(concretePath: string): string {
  return concretePath.replace(/\[\d+\]/g, "[]");
}

/** True for a non-null, non-array object (a JSON object). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Joins a property name to a path (printable, or a descriptor pattern: both join names with dots). */
export function childPath(parent: string, key: string): string {
  return parent === "" ? key : `${parent}.${key}`;
}

/** Joins an element index to a printable path. */
export function elementPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** An ajv instancePath (`/creationOptions/configurations/1/roleGroupId`) as a printable path. */
export function fromJsonPointer(pointer: string): string {
  if (pointer === "") return "";
  let out = "";
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    out = /^\d+$/.test(segment) ? elementPath(out, Number(segment)) : childPath(out, segment);
  }
  return out;
}

/**
 * Calls `visit` on every value found at a descriptor path (`[]` fans out over array elements), with the
 * object holding it and its key, so callers can read or write in place.
 */
export function forEachAt(
  root: unknown,
  pattern: string,
  visit: (holder: Record<string, unknown>, key: string, value: unknown) => void,
): void {
  const segments = pattern.split(".");
  const walk = (node: unknown, index: number): void => {
    if (!isPlainObject(node)) return;
    const segment = segments[index];
    const isEach = segment.endsWith("[]");
    const key = isEach ? segment.slice(0, -2) : segment;
    const holder = node;
    const value = holder[key];
    const last = index === segments.length - 1;
    if (isEach) {
      if (!Array.isArray(value)) return;
      value.forEach((element, i) => {
        // The array is the holder: `holder[String(i)] = …` replaces the element in place.
        if (last) visit(value as unknown as Record<string, unknown>, String(i), element);
        else walk(element, index + 1);
      });
    } else if (last) {
      visit(holder, key, value);
    } else {
      walk(value, index + 1);
    }
  };
  walk(root, 0);
}

/** Every value found at a descriptor path, with its printable path (`a.b[1].c`); missing values are skipped. */
export function valuesAt(root: unknown, pattern: string): { path: string; value: unknown }[] {
  const found: { path: string; value: unknown }[] = [];
  const walk = (node: unknown, segments: string[], path: string): void => {
    if (segments.length === 0) {
      if (node !== undefined) found.push({ path, value: node });
      return;
    }
    if (!isPlainObject(node)) return;
    const [segment, ...rest] = segments;
    const isEach = segment.endsWith("[]");
    const key = isEach ? segment.slice(0, -2) : segment;
    const value = node[key];
    if (!isEach) return walk(value, rest, childPath(path, key));
    if (Array.isArray(value)) value.forEach((element, i) => walk(element, rest, elementPath(childPath(path, key), i)));
  };
  walk(root, pattern.split("."), "");
  return found;
}

/** Names for the generated program: Pulumi resource names, TypeScript identifiers and stack config keys. */

/** Longest name stem taken from a display name, in characters (whole words are kept). */
const MAX_STEM = 40;

/** The words of a text, lower-cased, letters and digits only ("North High #2" -> ["north", "high", "2"]). */
export function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}

/** `north-high-2`: a Pulumi resource name stem (kebab case, at most 40 characters of whole words); `fallback` when the text has no usable word. */
export function kebabName(text: string, fallback: string): string {
  const kept: string[] = [];
  for (const word of words(text)) {
    if (kept.length > 0 && [...kept, word].join("-").length > MAX_STEM) break;
    kept.push(word.slice(0, MAX_STEM));
  }
  return kept.length > 0 ? kept.join("-") : fallback;
}

/** `northHigh2`: a camelCase TypeScript identifier; prefixed when it would start with a digit. */
export function camelIdentifier(text: string, fallback: string): string {
  const parts = words(text);
  const all = parts.length > 0 ? parts : words(fallback);
  const joined = all.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("");
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/**
 * Hands out names that are unique within one program: a taken name gets `-2`, `-3`, … (the separator is
 * `-` for resource names and `` (none) for identifiers and config keys).
 */
export class UniqueNames {
  private readonly taken = new Set<string>();

  constructor(private readonly separator: string, reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  /** `base`, or `base<sep>2`, `base<sep>3`, … whichever is free first; the result is taken from then on. */
  claim(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${this.separator}${n}`;
    this.taken.add(name);
    return name;
  }
}

/** Identifiers the generated program itself uses, or TypeScript reserves, which a flow set must never be named. */
export const reservedIdentifiers = [
  "pulumi", "config", "industrydata",
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
  "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
  "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "let",
  "static", "yield", "await", "implements", "interface", "package", "private", "protected", "public",
];

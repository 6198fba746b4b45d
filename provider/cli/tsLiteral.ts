/** Renders JSON-like values as TypeScript source, for the program `industrydata export` writes. */

/** A TypeScript expression written verbatim (a variable, `config.requireSecret("…")`). */
export class Code {
  constructor(readonly text: string) {}
}

/** Options of {@link tsLiteral}. */
export interface TsLiteralOptions {
  /** Indentation of the line the value starts on (spaces). Default 0. */
  indent?: number;
  /** A value whose one-line form fits this width is written on one line. Default 100. */
  width?: number;
  /** Write the outermost object or array one item per line even when it would fit on one. Default false. */
  multiline?: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The value as a TypeScript expression: objects and arrays pretty-printed with two-space indentation (on one
 * line when short), strings JSON-quoted, keys bare when they are identifiers, `Code` verbatim. `undefined`
 * properties are left out.
 */
export function tsLiteral(value: unknown, options: TsLiteralOptions = {}): string {
  return render(value, options.indent ?? 0, options.width ?? 100, options.multiline ?? false);
}

function render(value: unknown, indent: number, width: number, multiline = false): string {
  if (value instanceof Code) return value.text;
  if (value === null) return "null";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) {
    return renderList(value.map((v) => ({ text: (i: number) => render(v, i, width) })), "[", "]", indent, multiline ? -1 : width);
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return renderList(
      entries.map(([k, v]) => ({ text: (i: number) => `${propertyKey(k)}: ${render(v, i, width)}` })),
      "{",
      "}",
      indent,
      multiline ? -1 : width,
    );
  }
  throw new Error(`cannot write a ${typeof value} as TypeScript`);
}

function renderList(items: { text(indent: number): string }[], open: string, close: string, indent: number, width: number): string {
  if (items.length === 0) return `${open}${close}`;
  const pad = open === "{" ? " " : "";
  const inline = `${open}${pad}${items.map((item) => item.text(0)).join(", ")}${pad}${close}`;
  if (!inline.includes("\n") && indent + inline.length <= width) return inline;
  const inner = " ".repeat(indent + 2);
  return `${open}\n${items.map((item) => `${inner}${item.text(indent + 2)},`).join("\n")}\n${" ".repeat(indent)}${close}`;
}

/** A property key: bare when it is an identifier, else quoted. */
export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/** Text safe inside a `//` comment: line breaks (which would end the comment and start code) become spaces. */
export function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}

/** A string literal for TypeScript source (JSON quoting is valid TypeScript). */
export function tsString(text: string): string {
  return JSON.stringify(text);
}

/**
 * Checks a set of uploaded files against the SDS v2.1 CSV format (sdsFormat.ts) the way a file validation
 * reports it: errors and warnings naming the file and, for a record, its line; and the data the files hold
 * (what a run then processes). Pure: files in, findings out.
 */
import { parse } from "csv-parse/sync";
import { ColumnSpec, fileSpec, FileSpec, SDS_FILES } from "./sdsFormat";

/** A finding, in Graph's publicError shape. */
export interface Finding {
  code: string;
  message: string;
  target: string | null;
  details: { code: string; message: string; target: string | null }[];
  innerError: null;
}

/** One person of the data, as a run matches them. */
export interface DatasetPerson {
  sourcedId: string;
  /** Role codes of the person's roles.csv rows, the primary one first. */
  roles: string[];
  /** The values a userMatchingSetting's sourceIdentifier may name. */
  identifiers: { username: string; email: string; sourcedId: string; activeDirectoryMatchId: string };
}

/** What the files hold, for runs. */
export interface Dataset {
  orgIds: string[];
  classIds: string[];
  /** roles.csv and enrollments.csv rows, as keys. */
  membershipKeys: string[];
  people: DatasetPerson[];
  /** Line-level warnings (optional values dropped). */
  warnings: number;
}

export interface ValidationResult {
  errors: Finding[];
  warnings: Finding[];
  validatedFiles: string[];
  dataset: Dataset;
}

/** Listed per operation at most; the rest are summarized in one more entry. */
export const MAX_FINDINGS = 200;

type Row = { line: number; values: Record<string, string>; dropped: boolean };
interface ParsedFile {
  spec: FileSpec;
  /** False when the file could not be read as a table with its required columns. */
  usable: boolean;
  rows: Row[];
}

class Findings {
  readonly errors: Finding[] = [];
  readonly warnings: Finding[] = [];
  lineWarnings = 0;

  add(severity: "error" | "warning", code: string, file: string | null, message: string, line?: number): void {
    const text = line !== undefined ? `${file} line ${line}: ${message}` : message;
    const details = line !== undefined ? [{ code, message: `line ${line}`, target: `${file}:${line}` }] : [];
    (severity === "error" ? this.errors : this.warnings).push({ code, message: text, target: file, details, innerError: null });
    if (severity === "warning" && line !== undefined) this.lineWarnings++;
  }

  capped(list: Finding[], code: string): Finding[] {
    if (list.length <= MAX_FINDINGS) return list;
    const rest = list.length - MAX_FINDINGS;
    return [...list.slice(0, MAX_FINDINGS), { code, message: `${rest} more not listed.`, target: null, details: [], innerError: null }];
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$|^\d{8}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function formatProblem(column: ColumnSpec, value: string): string | undefined {
  switch (column.format) {
    case "date":
      return ISO_DATE.test(value) && !Number.isNaN(Date.parse(value.length === 8 ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}` : value))
        ? undefined
        : `${column.name} '${value}' is not an ISO 8601 date (YYYY-MM-DD or YYYYMMDD).`;
    case "boolean":
      return /^(true|false)$/i.test(value) ? undefined : `${column.name} '${value}' is not true or false.`;
    case "email":
      return EMAIL.test(value) ? undefined : `${column.name} '${value}' is not an email address.`;
    default:
      return undefined;
  }
}

/** Reads one file: encoding, CSV syntax, header, then each row's own values. */
function parseFile(spec: FileSpec, content: Buffer, findings: Findings): ParsedFile {
  const file = spec.name;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    findings.add("error", "InvalidFileEncoding", file, `${file} is not UTF-8 encoded; SDS CSV files must be UTF-8.`);
    return { spec, usable: false, rows: [] };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as never;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    findings.add("error", "MalformedCsv", file, `not RFC 4180 CSV: ${(e as Error).message}`, line ?? 1);
    return { spec, usable: false, rows: [] };
  }
  if (records.length === 0) {
    findings.add("error", "MissingHeader", file, `${file} is empty: its first line must be the header.`);
    return { spec, usable: false, rows: [] };
  }
  const header = records[0].record;
  let usable = true;
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      findings.add("error", "DuplicateColumn", file, `column '${name}' appears more than once in the header.`, 1);
      usable = false;
    }
    seen.add(name);
  }
  for (const column of spec.columns.filter((c) => c.required)) {
    if (seen.has(column.name)) continue;
    const nearly = header.find((h) => h.toLowerCase() === column.name.toLowerCase());
    const hint = nearly !== undefined ? ` ('${nearly}' differs in case; headers are case-sensitive)` : "";
    findings.add("error", "MissingRequiredColumn", file, `the required column '${column.name}' is missing from the header${hint}.`, 1);
    usable = false;
  }
  const rows: Row[] = [];
  const known = new Map(spec.columns.map((c) => [c.name, c]));
  const keys = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const row: Row = { line, values: {}, dropped: false };
    rows.push(row);
    const drop = (code: string, message: string) => {
      findings.add("error", code, file, message, line);
      row.dropped = true;
    };
    if (record.length !== header.length) {
      drop("ColumnCountMismatch", `the row has ${record.length} fields; the header has ${header.length}.`);
      continue;
    }
    header.forEach((name, i) => (row.values[name] = record[i]));
    const broken = header.find((name) => /[\r\n]/.test(row.values[name]));
    if (broken !== undefined) {
      drop("LineBreakInData", `column '${broken}' holds a line break; SDS accepts none inside data.`);
      continue;
    }
    if (!usable) continue;
    for (const [name, value] of Object.entries(row.values)) {
      const column = known.get(name);
      if (!column) continue; // columns SDS does not define are ignored (README)
      if (value === "") {
        if (column.required) drop("MissingRequiredValue", `the required column '${name}' is empty.`);
        continue;
      }
      if (column.enumeration) {
        const match = column.enumeration.find((m) => m.toLowerCase() === value.toLowerCase());
        if (match === undefined) {
          if (column.required) drop("InvalidEnumValue", `${name} '${value}' is not one of ${column.enumeration.join(", ")}.`);
          else findings.add("warning", "InvalidEnumValue", file, `${name} '${value}' is not a known value; it was dropped.`, line);
        } else row.values[name] = match; // stored in its canonical spelling (enums match case-insensitively)
      }
      const problem = formatProblem(column, value);
      if (problem) {
        if (column.required) drop("InvalidValue", problem);
        else {
          findings.add("warning", "InvalidValue", file, `${problem} The value was dropped.`, line);
          row.values[name] = "";
        }
      }
    }
    if (spec.key && !row.dropped) {
      const key = row.values[spec.key];
      const first = keys.get(key);
      if (first !== undefined) drop("DuplicateSourcedId", `${spec.key} '${key}' is already used on line ${first}.`);
      else keys.set(key, line);
    }
  }
  return { spec, usable, rows };
}

/** Cross-file references: each id a column names must be a sourcedId of the file it refers to. */
function checkReferences(parsed: Map<string, ParsedFile>, findings: Findings): void {
  const idsOf = new Map<string, Set<string>>();
  for (const [name, file] of parsed) {
    if (file.spec.key && file.usable) idsOf.set(name, new Set(file.rows.filter((r) => !r.dropped).map((r) => r.values[file.spec.key!])));
  }
  for (const spec of SDS_FILES) {
    const file = parsed.get(spec.name);
    if (!file?.usable) continue;
    for (const column of spec.columns.filter((c) => c.references)) {
      const target = column.references!;
      const targetFile = parsed.get(target.file);
      if (targetFile && !targetFile.usable) continue; // its own errors say why; no cascade
      const ids = idsOf.get(target.file);
      for (const row of file.rows.filter((r) => !r.dropped)) {
        const value = row.values[column.name];
        if (!value) continue;
        for (const one of target.list ? value.split(",").map((v) => v.trim()).filter(Boolean) : [value]) {
          if (ids?.has(one)) continue;
          const message = ids
            ? `${column.name} '${one}' is not the ${target.file === spec.name ? "sourcedId of another row" : `sourcedId of any row of ${target.file}`}.`
            : `${column.name} '${one}' refers to ${target.file}, which was not uploaded.`;
          if (target.severity === "error") {
            findings.add("error", "UnknownReference", spec.name, message, row.line);
            row.dropped = true;
          } else {
            findings.add("warning", "UnknownReference", spec.name, `${message} The value was dropped.`, row.line);
          }
        }
      }
    }
  }
}

function datasetOf(parsed: Map<string, ParsedFile>, warnings: number): Dataset {
  const kept = (name: string) => (parsed.get(name)?.usable ? parsed.get(name)!.rows.filter((r) => !r.dropped) : []);
  const roles = kept("roles.csv");
  const people: DatasetPerson[] = kept("users.csv").map((u) => {
    const mine = roles.filter((r) => r.values.userSourcedId === u.values.sourcedId);
    const primary = mine.find((r) => /^true$/i.test(r.values.isPrimary ?? "")) ?? mine[0];
    const ordered = primary ? [primary, ...mine.filter((r) => r !== primary)] : [];
    return {
      sourcedId: u.values.sourcedId,
      roles: ordered.map((r) => r.values.role),
      identifiers: {
        username: u.values.username ?? "",
        email: u.values.email ?? "",
        sourcedId: u.values.sourcedId,
        activeDirectoryMatchId: u.values.activeDirectoryMatchId ?? "",
      },
    };
  });
  return {
    orgIds: kept("orgs.csv").map((r) => r.values.sourcedId),
    classIds: kept("classes.csv").map((r) => r.values.sourcedId),
    membershipKeys: [
      ...roles.map((r) => `role:${r.values.userSourcedId}|${r.values.orgSourcedId}|${r.values.role}`),
      ...kept("enrollments.csv").map((r) => `enrollment:${r.values.classSourcedId}|${r.values.userSourcedId}|${r.values.role}`),
    ],
    people,
    warnings,
  };
}

/** Validates the uploaded `files` (blob names as uploaded) as an SDS v2.1 set. */
export function validateSdsFiles(files: { name: string; content: Buffer }[]): ValidationResult {
  const findings = new Findings();
  const parsed = new Map<string, ParsedFile>();
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    const spec = fileSpec(file.name);
    if (!spec) {
      const nearly = SDS_FILES.find((s) => s.name.toLowerCase() === file.name.toLowerCase());
      const hint = nearly ? ` Did you mean ${nearly.name}? File names are case-sensitive.` : "";
      findings.add("warning", "UnrecognizedFile", file.name, `${file.name} is not an SDS v2.1 file and was ignored.${hint}`);
      continue;
    }
    parsed.set(spec.name, parseFile(spec, file.content, findings));
  }
  for (const spec of SDS_FILES) {
    if (parsed.has(spec.name)) continue;
    if (spec.presence === "required") {
      findings.add("error", "RequiredFileNotFound", spec.name, `When trying to validate required file ${spec.name} encountered RequiredFileNotFound error.`);
    } else if (spec.presence === "paired") {
      const partner = SDS_FILES.find((s) => s.presence === "paired" && s !== spec)!;
      if (parsed.has(partner.name)) {
        findings.add("error", "RequiredFileNotFound", spec.name, `${spec.name} is required with ${partner.name}: classes and their enrollments are uploaded together.`);
      } else {
        findings.add("warning", "OptionalFileNotFound", spec.name, `When trying to validate file ${spec.name} encountered OptionalFileNotFound error.`);
      }
    }
  }
  checkReferences(parsed, findings);
  return {
    errors: findings.capped(findings.errors, "TooManyErrors"),
    warnings: findings.capped(findings.warnings, "TooManyWarnings"),
    validatedFiles: [...parsed.keys()].sort(),
    dataset: datasetOf(parsed, findings.lineWarnings),
  };
}

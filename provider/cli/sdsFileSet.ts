/**
 * The local check `industrydata upload` runs before anything leaves the machine: a folder's CSV files against the
 * SDS v2.1 format (sdsFormat.ts). It refuses what cannot pass the service's validation (a required file or
 * header missing, a header in the wrong case, a row without a required value, an id used twice, a reference to
 * an id no file defines, a line break inside a value, a file that is not UTF-8) and names the file and line of
 * each; what the service may still take (an unknown column, an unknown file) is a warning. Parsing is csv-parse
 * (RFC 4180, as the format requires), which reports the line each record ends on.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "csv-parse/sync";
import { PAIRED_FILES, REQUIRED_FILES, SDS_FILES, SDS_REFERENCES, type SdsFileSpec } from "./sdsFormat";

/** One problem found, with where it is: line 1 is the header. */
export interface FileSetIssue {
  code: string;
  file: string;
  line?: number;
  message: string;
}

/** A file that will be uploaded. */
export interface CheckedFile {
  name: string;
  path: string;
  /** Data rows (the header excluded). */
  rows: number;
  bytes: number;
}

/** The outcome of the local check: upload only when `errors` is empty. */
export interface FileSetCheck {
  folder: string;
  files: CheckedFile[];
  errors: FileSetIssue[];
  warnings: FileSetIssue[];
}

interface ParsedFile {
  spec: SdsFileSpec;
  header: string[];
  /** Each data row as column → value, with the line it is on. */
  rows: { line: number; values: Record<string, string> }[];
}

/** Reports at most this many issues per file and code, then one line saying how many more. */
const MAX_ISSUES_PER_KIND = 20;

/** Checks the SDS v2.1 files of `folder`. Reads the files; no network. */
export function checkSdsFileSet(folder: string): FileSetCheck {
  const result: FileSetCheck = { folder, files: [], errors: [], warnings: [] };
  let entries: string[];
  try {
    entries = fs.readdirSync(folder).filter((name) => fs.statSync(path.join(folder, name)).isFile());
  } catch (error) {
    result.errors.push({ code: "FolderNotReadable", file: folder, message: `cannot read the folder: ${(error as Error).message}` });
    return result;
  }
  const csvs = entries.filter((name) => name.toLowerCase().endsWith(".csv"));
  const parsed = new Map<string, ParsedFile>();
  for (const name of csvs) {
    const spec = SDS_FILES.find((s) => s.name === name);
    if (spec === undefined) {
      const sameButCase = SDS_FILES.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (sameButCase !== undefined) {
        result.errors.push({ code: "FileNameCase", file: name, message: `file names are case-sensitive in SDS v2.1: rename it to ${sameButCase.name}` });
      } else {
        result.warnings.push({ code: "UnknownFile", file: name, message: `not a file of the SDS v2.1 format (${SDS_FILES.map((s) => s.name).join(", ")}); it is not uploaded` });
      }
      continue;
    }
    const file = path.join(folder, name);
    const bytes = fs.readFileSync(file);
    const one = parseFile(spec, bytes, result);
    if (one !== undefined) {
      parsed.set(name, one);
      result.files.push({ name, path: file, rows: one.rows.length, bytes: bytes.length });
    }
  }
  for (const name of REQUIRED_FILES) {
    if (!csvs.includes(name) && !result.errors.some((e) => e.code === "FileNameCase" && e.message.endsWith(name))) {
      result.errors.push({ code: "RequiredFileNotFound", file: name, message: `the required file ${name} is missing (SDS v2.1 needs ${REQUIRED_FILES.join(", ")})` });
    }
  }
  const present = PAIRED_FILES.filter((name) => csvs.includes(name));
  if (present.length === 1) {
    const missing = PAIRED_FILES.find((name) => !csvs.includes(name))!;
    result.errors.push({ code: "RequiredFileNotFound", file: missing, message: `${present[0]} is given without ${missing}: classes and enrollments come together` });
  }
  checkIds(parsed, result);
  checkReferences(parsed, result);
  result.errors = capped(result.errors);
  result.warnings = capped(result.warnings);
  return result;
}

function parseFile(spec: SdsFileSpec, bytes: Buffer, result: FileSetCheck): ParsedFile | undefined {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    result.errors.push({ code: "InvalidEncoding", file: spec.name, message: "the file is not UTF-8 (SDS v2.1 files must be UTF-8)" });
    return undefined;
  }
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, { bom: true, info: true, raw: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    result.errors.push({ code: "InvalidCsv", file: spec.name, ...(e.lines !== undefined ? { line: e.lines } : {}), message: `not valid CSV: ${e.message}` });
    return undefined;
  }
  if (records.length === 0) {
    result.errors.push({ code: "MissingHeader", file: spec.name, line: 1, message: `the file is empty; it needs the header ${spec.required.join(",")}` });
    return undefined;
  }
  const header = records[0].record.map((h) => h.trim());
  if (!checkHeader(spec, header, result)) return undefined;
  const rows: ParsedFile["rows"] = [];
  for (const { record, info, raw } of records.slice(1)) {
    // csv-parse counts lines up to the record's end; a value spanning lines starts that many lines earlier.
    const line = info.lines - (raw.replace(/\r?\n$/, "").match(/\n/g)?.length ?? 0);
    if (record.length !== header.length) {
      result.errors.push({ code: "ColumnCountMismatch", file: spec.name, line, message: `${record.length} values for ${header.length} columns` });
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((column, i) => (values[column] = record[i]));
    const broken = header.find((column) => /[\r\n]/.test(values[column]));
    if (broken !== undefined) {
      result.errors.push({ code: "LineBreakInValue", file: spec.name, line, message: `${broken} holds a line break; SDS does not accept line breaks inside values` });
      continue;
    }
    for (const column of spec.required) {
      if (values[column].trim() === "") result.errors.push({ code: "MissingRequiredValue", file: spec.name, line, message: `${column} is required and empty` });
    }
    rows.push({ line, values });
  }
  return { spec, header, rows };
}

/** The header: every required column, in the exact case; unknown columns are warned about. */
function checkHeader(spec: SdsFileSpec, header: string[], result: FileSetCheck): boolean {
  let ok = true;
  const known = [...spec.required, ...spec.optional];
  for (const column of spec.required) {
    if (header.includes(column)) continue;
    ok = false;
    const wrongCase = header.find((h) => h.toLowerCase() === column.toLowerCase());
    result.errors.push({
      code: "MissingRequiredHeader",
      file: spec.name,
      line: 1,
      message: wrongCase !== undefined ? `header "${wrongCase}" must be spelled "${column}" (headers are case-sensitive)` : `the required column ${column} is missing (required: ${spec.required.join(", ")})`,
    });
  }
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) {
      ok = false;
      result.errors.push({ code: "DuplicateHeader", file: spec.name, line: 1, message: `the column ${column} appears twice` });
    }
    seen.add(column);
    if (!known.includes(column) && !known.some((k) => k.toLowerCase() === column.toLowerCase())) {
      result.warnings.push({ code: "UnknownHeader", file: spec.name, line: 1, message: `the column "${column}" is not part of ${spec.name} in SDS v2.1` });
    }
  }
  return ok;
}

function checkIds(parsed: Map<string, ParsedFile>, result: FileSetCheck): void {
  for (const file of parsed.values()) {
    const idColumn = file.spec.idColumn;
    if (idColumn === undefined) continue;
    const firstLine = new Map<string, number>();
    for (const row of file.rows) {
      const id = row.values[idColumn];
      if (id === "") continue;
      const earlier = firstLine.get(id);
      if (earlier !== undefined) result.errors.push({ code: "DuplicateId", file: file.spec.name, line: row.line, message: `${idColumn} ${JSON.stringify(id)} is already used on line ${earlier}` });
      else firstLine.set(id, row.line);
    }
  }
}

function checkReferences(parsed: Map<string, ParsedFile>, result: FileSetCheck): void {
  for (const reference of SDS_REFERENCES) {
    const file = parsed.get(reference.file);
    const target = parsed.get(reference.target);
    // A missing target file is already an error of its own; a missing column is the header's.
    if (file === undefined || target === undefined || !file.header.includes(reference.column)) continue;
    const ids = new Set(target.rows.map((row) => row.values[target.spec.idColumn!]));
    for (const row of file.rows) {
      const value = row.values[reference.column];
      if (value === "" && reference.optional === true) continue;
      if (value !== "" && !ids.has(value)) {
        result.errors.push({
          code: "UnknownReference",
          file: reference.file,
          line: row.line,
          message: `${reference.column} ${JSON.stringify(value)} names no record of ${reference.target}`,
        });
      }
    }
  }
}

/** At most MAX_ISSUES_PER_KIND of each file and code, then a count of the rest (a 50,000-row export stays readable). */
function capped(issues: FileSetIssue[]): FileSetIssue[] {
  const counts = new Map<string, number>();
  const out: FileSetIssue[] = [];
  for (const issue of issues) {
    const key = `${issue.file}\u0000${issue.code}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n <= MAX_ISSUES_PER_KIND) out.push(issue);
  }
  for (const [key, n] of counts) {
    if (n <= MAX_ISSUES_PER_KIND) continue;
    const [file, code] = key.split("\u0000");
    out.push({ code, file, message: `… and ${n - MAX_ISSUES_PER_KIND} more ${code} in ${file}` });
  }
  return out;
}

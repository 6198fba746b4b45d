/** The human form of what the operational commands report (the `--json` form is the same data as JSON). */
import type { HealthReport, RunInfo, RunStatistics, ValidationIssue, ValidationResult } from "../operations";
import { formatTable, printable } from "./commandOutput";
import type { FileSetCheck, FileSetIssue } from "./sdsFileSet";

/** `roles.csv:12`, `orgs.csv`, or `-`. */
function where(file: string | undefined, line: number | undefined): string {
  if (file === undefined) return "-";
  return line !== undefined ? `${file}:${line}` : file;
}

/** The local check's findings, errors first. */
export function renderFileSetCheck(check: FileSetCheck): string {
  const rows = [
    ...check.errors.map((e: FileSetIssue) => ["error", where(e.file, e.line), e.code, e.message]),
    ...check.warnings.map((w: FileSetIssue) => ["warning", where(w.file, w.line), w.code, w.message]),
  ];
  const files = check.files.map((f) => `${f.name} (${f.rows} row${f.rows === 1 ? "" : "s"})`).join(", ") || "none";
  const head = `Checked ${printable(check.folder)}: ${files}; ${check.errors.length} error(s), ${check.warnings.length} warning(s)`;
  return rows.length === 0 ? head : `${head}\n${formatTable(["LEVEL", "WHERE", "CODE", "MESSAGE"], rows)}`;
}

/** A validation operation's outcome with its errors and warnings per file and line. */
export function renderValidation(result: ValidationResult): string {
  const verdict = result.valid ? "valid" : result.status === "succeeded" ? "NOT valid (succeeded with errors)" : `NOT valid (${result.status})`;
  const lines = [`Validation of data connector ${printable(result.connectorId)}: ${verdict} (operation ${printable(result.operationId)})`];
  if (result.statusDetail !== undefined) lines.push(`  ${printable(result.statusDetail)}`);
  if (result.validatedFiles.length > 0) lines.push(`  Files validated: ${result.validatedFiles.map(printable).join(", ")}`);
  const issues = [
    ...result.errors.map((e: ValidationIssue) => ["error", where(e.file ?? e.target, e.line), e.code, e.message]),
    ...result.warnings.map((w: ValidationIssue) => ["warning", where(w.file ?? w.target, w.line), w.code, w.message]),
  ];
  if (issues.length > 0) lines.push(formatTable(["LEVEL", "WHERE", "CODE", "MESSAGE"], issues));
  return lines.join("\n");
}

/** A run: status, times, per-activity progress and statistics, and the totals. */
export function renderRun(run: RunInfo): string {
  const lines = [
    `Run ${printable(run.id)} ${printable(run.displayName)}: ${printable(run.status)}`,
    `  started ${printable(run.startDateTime)}${run.endDateTime !== null ? `, ended ${printable(run.endDateTime)}` : ", still going"}`,
  ];
  if (run.blockingError !== undefined) lines.push(`  blocked by ${printable(run.blockingError.code)}: ${printable(run.blockingError.message)}`);
  if (run.activities.length > 0) {
    lines.push(
      formatTable(
        ["ACTIVITY", "STATUS", "PEOPLE", "MATCHED", "UNMATCHED", "ERRORS", "WARNINGS"],
        run.activities.map((a) => [a.displayName || a.id, a.status, ...statColumns(a.statistics)]),
      ),
    );
  }
  if (run.statistics !== undefined) {
    const s = run.statistics;
    lines.push(
      `Totals: ${s.people?.total ?? 0} people, ${s.organizations?.total ?? 0} organizations, ${s.groups?.total ?? 0} groups, ` +
        `${s.memberships?.total ?? 0} memberships; matched ${s.matchedPeople}${byRole(s.matchedPeopleByRole)}, ` +
        `unmatched ${s.unmatchedPeople}${byRole(s.unmatchedPeopleByRole)}; ${s.errors} error(s), ${s.warnings} warning(s)`,
    );
  }
  return lines.join("\n");
}

function statColumns(stats: RunStatistics | undefined): string[] {
  if (stats === undefined) return ["-", "-", "-", "-", "-"];
  return [String(stats.people?.total ?? "-"), String(stats.matchedPeople), String(stats.unmatchedPeople), String(stats.errors), String(stats.warnings)];
}

function byRole(counts: { role: string; count: number }[]): string {
  const nonZero = counts.filter((c) => c.count > 0);
  return nonZero.length > 0 ? ` (${nonZero.map((c) => `${printable(c.role)} ${c.count}`).join(", ")})` : "";
}

/** The health report: one row per check, then the verdict. */
export function renderHealth(report: HealthReport): string {
  const table = formatTable(
    ["CHECK", "RESULT", "DETAIL"],
    report.checks.map((c) => [c.check, c.outcome.toUpperCase(), c.detail]),
  );
  const failed = report.checks.filter((c) => c.outcome === "fail").length;
  const warned = report.checks.filter((c) => c.outcome === "warn").length;
  const verdict = report.healthy
    ? `HEALTHY: ${report.checks.length} check(s), ${warned} warning(s)`
    : `UNHEALTHY: ${failed} of ${report.checks.length} check(s) failed, ${warned} warning(s)`;
  return `${table}\n${verdict}`;
}

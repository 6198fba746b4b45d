/**
 * What the operational commands print: JSON for scripts (`--json`, one document on stdout) or a human table,
 * and their exit codes, one meaning for all of them so a CI job can tell "the data is bad" from "the job broke".
 */
import { isGraphError } from "../graph";

/** 0: all good; 1: the check failed (files refused, validation failed, run failed, unhealthy); 2: could not tell (Graph, network, input). */
export const EXIT = { ok: 0, failed: 1, error: 2 } as const;

/** Where a command writes. */
export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/**
 * Where the `industrydata` command reads and writes: a CommandIo whose streams are terminals' (the export's
 * progress bar asks for the width and whether it is a TTY); the real process by default, replaceable in tests.
 * Here, beside CommandIo, so every command module takes it from one place (no command imports another for it).
 */
export interface CliIo extends CommandIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Tenant data shown on a terminal: control characters would drive it. */
export function printable(value: unknown): string {
  return String(value ?? "").replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
}

/** A plain-text table: a header row, then rows, columns padded to the widest cell; the last column unpadded. */
export function formatTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows].map((row) => row.map(printable));
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? "").length)));
  return all
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : (cell ?? "").padEnd(widths[i]))).join("  ").trimEnd())
    .join("\n");
}

/** The JSON document of `--json`. */
export function writeJson(io: CommandIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** The Graph permissions each command needs, named when Graph answers 401/403. */
export const COMMAND_PERMISSIONS: Record<string, string> = {
  upload: "IndustryData-DataConnector.Upload (or IndustryData-DataConnector.ReadWrite.All)",
  validate: "IndustryData-DataConnector.Upload (or IndustryData-DataConnector.ReadWrite.All), and IndustryData.ReadBasic.All to read the operation",
  "runs start": "IndustryData-Run.Start and IndustryData-Run.Read.All",
  "runs status": "IndustryData-Run.Read.All",
  reset: "IndustryData-OutboundFlow.ReadWrite.All",
  health:
    "IndustryData-DataConnector.Read.All, IndustryData-Run.Read.All, IndustryData-OutboundFlow.Read.All, IndustryData-InboundFlow.Read.All and IndustryData.ReadBasic.All",
};

/** The line printed when a command could not do its job: Graph's code, message and request-id, and the permission on 401/403. */
export function explainCommandError(command: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (isGraphError(error) && (error.status === 401 || error.status === 403)) {
    // GraphError's own hint names the outbound permission; this command needs its own.
    const graphPart = message.replace(/ Hint: .*$/s, "");
    return `industrydata ${command}: ${graphPart}\nThe caller needs ${COMMAND_PERMISSIONS[command] ?? "the industryData permissions of this command"}.`;
  }
  return `industrydata ${command}: ${message}`;
}

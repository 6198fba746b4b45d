/**
 * `industrydata upload <connector> <folder>`: the SIS export to School Data Sync. The folder is checked locally
 * first (sdsFileSet.ts) and a set that cannot pass is refused before any request; then `getUploadSession`
 * (a new, empty container unless --keep-session), the files uploaded to its SAS URL, `validate`, and the
 * operation polled until it finishes. Exit 0 when the files are valid, 1 when they are refused or fail, 2 on
 * any other failure. The SAS URL is never printed whole: its signature is redacted.
 */
import type { Command } from "commander";
import { redactSasUrl, uploadToSession, type UploadedFile } from "../graph";
import { getUploadSession, validateConnector, type ValidationResult } from "../operations";
import { addConnectionOptions, withGraphClient, type ConnectionOptions } from "./connectionOptions";
import { EXIT, explainCommandError, writeJson, type CommandIo } from "./commandOutput";
import { stepProgress } from "./operationProgress";
import { renderFileSetCheck, renderValidation } from "./renderOperational";
import { checkSdsFileSet, type FileSetCheck } from "./sdsFileSet";
import { pollOptions, type PollCliOptions } from "./validateCommand";

interface UploadOptions extends ConnectionOptions, PollCliOptions {
  json?: boolean;
  quiet?: boolean;
  keepSession?: boolean;
  skipLocalChecks?: boolean;
}

/** What `--json` prints. */
export interface UploadReport {
  connectorId: string;
  folder: string;
  localCheck: Pick<FileSetCheck, "files" | "errors" | "warnings">;
  uploaded: string[];
  session?: { sessionUrl: string; containerId?: string; sessionExpirationDateTime?: string };
  validation?: ValidationResult;
  ok: boolean;
}

export function registerUploadCommand(program: Command, io: CommandIo, setExit: (code: number) => void): void {
  const command = program
    .command("upload")
    .description(
      "Check a folder of SDS v2.1 CSV files, upload them to a CSV data connector's upload session, validate them and print " +
        "the validation's errors and warnings per file and line. Exit 0: valid; 1: refused or invalid; 2: could not run.",
    )
    .argument("<connector>", "id of the azureDataLakeConnector (CSV data connector)")
    .argument("<folder>", "folder holding orgs.csv, users.csv, roles.csv (and the optional SDS v2.1 files)");
  addConnectionOptions(command);
  pollOptions(command)
    .option("--keep-session", "upload into the current session's container instead of a new, empty one (resetSession=false)")
    .option("--skip-local-checks", "upload even when the local check finds errors (the service's validation then reports them)")
    .option("--json", "print one JSON document on stdout (no progress display)")
    .option("-q, --quiet", "no progress display")
    .action(async (connector: string, folder: string, options: UploadOptions) => setExit(await runUpload(connector, folder, options, io)));
}

async function runUpload(connectorId: string, folder: string, options: UploadOptions, io: CommandIo): Promise<number> {
  const json = options.json === true;
  const check = checkSdsFileSet(folder);
  const report: UploadReport = { connectorId, folder, localCheck: { files: check.files, errors: check.errors, warnings: check.warnings }, uploaded: [], ok: false };
  if (!json && (check.errors.length > 0 || check.warnings.length > 0 || options.quiet !== true)) io.stdout.write(`${renderFileSetCheck(check)}\n`);
  if (check.errors.length > 0 && options.skipLocalChecks !== true) {
    if (json) writeJson(io, report);
    else io.stderr.write(`industrydata upload: refused: ${check.errors.length} error(s) in ${folder}; nothing was uploaded (fix the files, or --skip-local-checks to let the service's validation judge them)\n`);
    return EXIT.failed;
  }
  const quiet = json || options.quiet === true;
  try {
    return await withGraphClient(options, io.env, async (client) => {
      const session = await getUploadSession(client, connectorId, { resetSession: options.keepSession !== true });
      report.session = {
        sessionUrl: redactSasUrl(session.sessionUrl),
        ...(session.containerId !== undefined ? { containerId: session.containerId } : {}),
        ...(session.sessionExpirationDateTime !== undefined ? { sessionExpirationDateTime: session.sessionExpirationDateTime } : {}),
      };
      const files: UploadedFile[] = check.files.map((f) => ({ name: f.name, path: f.path, bytes: f.bytes }));
      const total = files.reduce((sum, f) => sum + f.bytes, 0);
      const sent = new Map<string, number>();
      const upload = stepProgress(io, "Uploading", { quiet });
      upload.update(`${files.length} file(s) to ${report.session.sessionUrl}`, 0, total);
      await uploadToSession(session.sessionUrl, files, {
        onProgress(file, bytes) {
          sent.set(file.name, bytes);
          upload.update(file.name, [...sent.values()].reduce((a, b) => a + b, 0), total);
        },
      });
      upload.update(`${files.length} file(s) uploaded`, total, total);
      upload.stop();
      report.uploaded = files.map((f) => f.name);
      const validating = stepProgress(io, "Validating", { quiet });
      const validation = await validateConnector(client, connectorId, {
        intervalMs: options.pollInterval * 1000,
        timeoutMs: options.timeout * 1000,
        onRead: (result, polls) => validating.update(`${result.status} (${polls} read${polls === 1 ? "" : "s"})`, polls, polls + 1),
      });
      validating.stop();
      report.validation = validation;
      report.ok = validation.valid;
      if (json) writeJson(io, report);
      else io.stdout.write(`Uploaded ${report.uploaded.join(", ")} to ${report.session.sessionUrl}\n${renderValidation(validation)}\n`);
      return validation.valid ? EXIT.ok : EXIT.failed;
    });
  } catch (error) {
    if (json) writeJson(io, { ...report, error: explainCommandError("upload", error) });
    io.stderr.write(`${explainCommandError("upload", error)}\n`);
    return EXIT.error;
  }
}

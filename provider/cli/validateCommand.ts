/**
 * `industrydata validate <connector>`: Graph's `validate` action on any data connector (the files of a CSV
 * connector's session; an API connector's credential, e.g. after a secret rotation), the operation polled until
 * it finishes, no more often than Graph allows. Exit 0: valid; 1: not valid; 2: could not run.
 */
import { InvalidArgumentError, type Command } from "commander";
import { DEFAULT_OPERATION_POLL_MS, validateConnector } from "../operations";
import { addConnectionOptions, withGraphClient, type ConnectionOptions } from "./connectionOptions";
import { EXIT, explainCommandError, writeJson, type CommandIo } from "./commandOutput";
import { stepProgress } from "./operationProgress";
import { renderValidation } from "./renderOperational";

/** The polling options every waiting command shares. */
export interface PollCliOptions {
  /** Seconds between polls (least; Graph's Retry-After wins when larger). */
  pollInterval: number;
  /** Seconds before giving up waiting. */
  timeout: number;
}

/** A positive number of seconds. */
export function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number of seconds");
  return n;
}

/** Adds --poll-interval and --timeout. */
export function pollOptions(command: Command, defaults: { interval: number; timeout: number } = { interval: DEFAULT_OPERATION_POLL_MS / 1000, timeout: 1800 }): Command {
  return command
    .option("--poll-interval <seconds>", "least time between two polls; a longer Retry-After from Graph is honoured", seconds, defaults.interval)
    .option("--timeout <seconds>", "stop waiting after this long (what Graph does goes on)", seconds, defaults.timeout);
}

interface ValidateOptions extends ConnectionOptions, PollCliOptions {
  json?: boolean;
  quiet?: boolean;
}

export function registerValidateCommand(program: Command, io: CommandIo, setExit: (code: number) => void): void {
  const command = program
    .command("validate")
    .description("Validate a data connector (a CSV connector's uploaded files, or an API connector's credential) and print the errors and warnings. Exit 0: valid; 1: not valid; 2: could not run.")
    .argument("<connector>", "id of the data connector");
  addConnectionOptions(command);
  pollOptions(command)
    .option("--json", "print the operation as one JSON document on stdout")
    .option("-q, --quiet", "no progress display")
    .action(async (connector: string, options: ValidateOptions) => setExit(await runValidate(connector, options, io)));
}

async function runValidate(connectorId: string, options: ValidateOptions, io: CommandIo): Promise<number> {
  const json = options.json === true;
  try {
    return await withGraphClient(options, io.env, async (client) => {
      const progress = stepProgress(io, "Validating", { quiet: json || options.quiet === true });
      const result = await validateConnector(client, connectorId, {
        intervalMs: options.pollInterval * 1000,
        timeoutMs: options.timeout * 1000,
        onRead: (r, polls) => progress.update(`${r.status} (${polls} read${polls === 1 ? "" : "s"})`, polls, polls + 1),
      });
      progress.stop();
      if (json) writeJson(io, result);
      else io.stdout.write(`${renderValidation(result)}\n`);
      return result.valid ? EXIT.ok : EXIT.failed;
    });
  } catch (error) {
    io.stderr.write(`${explainCommandError("validate", error)}\n`);
    return EXIT.error;
  }
}

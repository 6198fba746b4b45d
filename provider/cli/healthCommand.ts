/**
 * `industrydata health`: one report for a nightly job: connectors valid, the last finished run's outcome and
 * statistics against the user's thresholds, every flow ready. Reads only. Exit 0: healthy; 1: a check failed;
 * 2: could not read the tenant. A CI job gates on it.
 */
import { InvalidArgumentError, type Command } from "commander";
import { evaluateHealth, gatherHealth, type HealthThresholds } from "../operations";
import { addConnectionOptions, withGraphClient, type ConnectionOptions } from "./connectionOptions";
import { EXIT, explainCommandError, writeJson, type CommandIo } from "./commandOutput";
import { renderHealth } from "./renderOperational";

interface HealthOptions extends ConnectionOptions {
  maxErrors?: number;
  maxWarnings?: number;
  maxUnmatchedUsers?: number;
  maxRunAge?: number;
  json?: boolean;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number, 0 or more");
  return n;
}

function hours(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number of hours");
  return n;
}

export function registerHealthCommand(program: Command, io: CommandIo, setExit: (code: number) => void): void {
  const command = program
    .command("health")
    .description(
      "Report School Data Sync's health for a nightly job: connectors valid, the last run's outcome and statistics against the thresholds, " +
        "flows ready. Reads only. Exit 0: healthy; 1: a check failed; 2: could not read the tenant.",
    );
  addConnectionOptions(command)
    .option("--max-errors <n>", "errors the last run may report", count, 0)
    .option("--max-warnings <n>", "warnings the last run may report (default: no limit)", count)
    .option("--max-unmatched-users <n>", "users of the last run no Entra user matched (default: no limit)", count)
    .option("--max-run-age <hours>", "how old the last finished run may be (runs are every 12 hours)", hours, 24)
    .option("--json", "print the report as one JSON document on stdout")
    .action(async (options: HealthOptions) => setExit(await runHealth(options, io)));
}

async function runHealth(options: HealthOptions, io: CommandIo): Promise<number> {
  const thresholds: HealthThresholds = {
    ...(options.maxErrors !== undefined ? { maxErrors: options.maxErrors } : {}),
    ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
    ...(options.maxUnmatchedUsers !== undefined ? { maxUnmatchedUsers: options.maxUnmatchedUsers } : {}),
    ...(options.maxRunAge !== undefined ? { maxRunAgeHours: options.maxRunAge } : {}),
  };
  try {
    return await withGraphClient(options, io.env, async (client) => {
      const report = evaluateHealth(await gatherHealth(client), thresholds);
      if (options.json === true) writeJson(io, report);
      else io.stdout.write(`${renderHealth(report)}\n`);
      return report.healthy ? EXIT.ok : EXIT.failed;
    });
  } catch (error) {
    io.stderr.write(`${explainCommandError("health", error)}\n`);
    return EXIT.error;
  }
}

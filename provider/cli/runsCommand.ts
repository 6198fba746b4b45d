/**
 * `industrydata runs start [--wait]` and `industrydata runs status [run] [--wait]`: an on-demand School Data Sync
 * run (refused before the request when Graph's limit of 5 successful runs per 12 hours is reached, or a run is
 * still going), and a run's status with per-activity progress and statistics. Exit 0: done (or started); 1: the
 * run failed, or the start was refused; 2: could not run.
 */
import type { Command } from "commander";
import { getLatestRun, getRun, isRunFinished, startRun, waitForRun, type RunInfo } from "../operations";
import { addConnectionOptions, withGraphClient, type ConnectionOptions } from "./connectionOptions";
import { EXIT, explainCommandError, writeJson, type CommandIo } from "./commandOutput";
import { stepProgress } from "./operationProgress";
import { renderRun } from "./renderOperational";
import { pollOptions, type PollCliOptions } from "./validateCommand";

interface RunsOptions extends ConnectionOptions, PollCliOptions {
  wait?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** Runs take minutes to hours: poll every 30 s by default, wait up to 3 hours. */
const RUN_POLL = { interval: 30, timeout: 3 * 3600 };

export function registerRunsCommand(program: Command, io: CommandIo, setExit: (code: number) => void): void {
  const runs = program.command("runs").description("Start School Data Sync runs and follow them.");
  const start = runs
    .command("start")
    .description(
      "Start an on-demand run (Graph allows 5 successful runs per 12 hours; an on-demand run skips a scheduled run due within 10 hours). " +
        "Exit 0: started (and, with --wait, not failed); 1: refused or failed; 2: could not run.",
    );
  addConnectionOptions(start);
  pollOptions(start, RUN_POLL)
    .option("--wait", "wait until the run finishes, showing its activities' progress")
    .option("--json", "print the run as one JSON document on stdout")
    .option("-q, --quiet", "no progress display")
    .action(async (options: RunsOptions) => setExit(await runStart(options, io)));

  const status = runs
    .command("status")
    .description("Show a run (default: the newest) with per-activity progress and statistics. Exit 0: fine or still going; 1: the run failed; 2: could not run.")
    .argument("[run]", "run id (default: the newest run)");
  addConnectionOptions(status);
  pollOptions(status, RUN_POLL)
    .option("--wait", "wait until the run finishes")
    .option("--json", "print the run as one JSON document on stdout")
    .option("-q, --quiet", "no progress display")
    .action(async (runId: string | undefined, options: RunsOptions) => setExit(await runStatus(runId, options, io)));
}

async function runStart(options: RunsOptions, io: CommandIo): Promise<number> {
  const json = options.json === true;
  try {
    return await withGraphClient(options, io.env, async (client) => {
      const started = await startRun(client);
      if (started.run === undefined) {
        if (json) writeJson(io, { started: true, run: null });
        else io.stdout.write("Run started (Graph accepted it; it is not listed yet: `industrydata runs status` shows it)\n");
        return EXIT.ok;
      }
      if (!json) io.stdout.write(`Started run ${started.run.id} (${started.recentSuccessfulRuns + 1} of 5 in 12 hours once it succeeds)\n`);
      const run = options.wait === true ? await follow(client, started.run, options, io) : started.run;
      if (json) writeJson(io, { started: true, run });
      else io.stdout.write(`${renderRun(run)}\n`);
      return run.status === "failed" ? EXIT.failed : EXIT.ok;
    });
  } catch (error) {
    const refused = (error as { name?: string }).name === "RunNotStartedError";
    if (json && refused) writeJson(io, { started: false, reason: (error as Error).message });
    io.stderr.write(`${explainCommandError("runs start", error)}\n`);
    return refused ? EXIT.failed : EXIT.error;
  }
}

async function runStatus(runId: string | undefined, options: RunsOptions, io: CommandIo): Promise<number> {
  const json = options.json === true;
  try {
    return await withGraphClient(options, io.env, async (client) => {
      let run = runId !== undefined ? await getRun(client, runId) : await getLatestRun(client);
      if (run === undefined) {
        if (json) writeJson(io, { run: null });
        else io.stdout.write("No run yet.\n");
        return EXIT.ok;
      }
      if (options.wait === true && !isRunFinished(String(run.status))) run = await follow(client, run, options, io);
      if (json) writeJson(io, run);
      else io.stdout.write(`${renderRun(run)}\n`);
      return run.status === "failed" ? EXIT.failed : EXIT.ok;
    });
  } catch (error) {
    io.stderr.write(`${explainCommandError("runs status", error)}\n`);
    return EXIT.error;
  }
}

/** Waits for a run, the bar showing its finished activities. */
async function follow(client: Parameters<typeof waitForRun>[0], run: RunInfo, options: RunsOptions, io: CommandIo): Promise<RunInfo> {
  const progress = stepProgress(io, `Run ${run.id}`, { quiet: options.json === true || options.quiet === true });
  try {
    return await waitForRun(client, run.id, {
      intervalMs: options.pollInterval * 1000,
      timeoutMs: options.timeout * 1000,
      onRead: (r) => {
        const done = r.activities.filter((a) => a.status !== "inProgress").length;
        progress.update(`${r.status}: ${done}/${r.activities.length} activities finished`, done, r.activities.length);
      },
    });
  } finally {
    progress.stop();
  }
}

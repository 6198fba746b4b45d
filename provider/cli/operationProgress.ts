/**
 * Progress of the operational commands on stderr: on a terminal a cli-progress bar (bytes uploaded; a run's
 * finished activities) or a status line rewritten in place; elsewhere (CI logs, pipes) one plain line each
 * time the status changes, so a nightly job's log tells what happened without control characters.
 */
import { Presets, SingleBar } from "cli-progress";
import { printable, type CommandIo } from "./commandOutput";

/** A display of one long step. */
export interface StepProgress {
  /** The step's state now: `value` of `total` when measurable, and a short status text. */
  update(status: string, value?: number, total?: number): void;
  stop(): void;
}

const silent: StepProgress = { update() {}, stop() {} };

/** A progress display for `label`; silent with `quiet` or `--json` (stdout is for the document, stderr stays clean). */
export function stepProgress(io: CommandIo, label: string, options: { quiet: boolean }): StepProgress {
  if (options.quiet) return silent;
  if (io.stderr.isTTY !== true) {
    let last = "";
    return {
      update(status) {
        const line = `${label}: ${printable(status)}`;
        if (line !== last) io.stderr.write(`${line}\n`);
        last = line;
      },
      stop() {},
    };
  }
  let bar: SingleBar | undefined;
  return {
    update(status, value, total) {
      if (bar === undefined) {
        bar = new SingleBar(
          { stream: io.stderr as NodeJS.WriteStream, format: `${label} [{bar}] {percentage}% {status}`, clearOnComplete: false, hideCursor: true },
          Presets.shades_classic,
        );
        bar.start(total ?? 1, 0, { status: "" });
      }
      if (total !== undefined) bar.setTotal(Math.max(total, 1));
      bar.update(value ?? 0, { status: printable(status).slice(0, 60) });
    },
    stop() {
      bar?.stop();
    },
  };
}

/** The progress display of `industrydata export`: a cli-progress bar over the flow sets read. */
import { Presets, SingleBar } from "cli-progress";

/** What the export reports while it reads. */
export interface ProgressDisplay {
  /** The sets are listed: `total` of them will be read. */
  start(total: number): void;
  /** One more set's flows were read. */
  advance(label: string): void;
  stop(): void;
}

/** A display that shows nothing (not a terminal, `--quiet`, tests). */
export const silentProgress: ProgressDisplay = { start() {}, advance() {}, stop() {} };

/**
 * A bar on `stream` when it is a terminal and the user did not ask for quiet; else {@link silentProgress}, so
 * logs of CI runs and pipes get no control characters.
 */
export function progressDisplay(options: { stream: NodeJS.WriteStream; quiet: boolean }): ProgressDisplay {
  if (options.quiet || !options.stream.isTTY) return silentProgress;
  const bar = new SingleBar(
    {
      stream: options.stream,
      format: "Reading flow sets [{bar}] {value}/{total} {label}",
      clearOnComplete: true,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let value = 0;
  return {
    start: (total) => bar.start(total, 0, { label: "" }),
    // A display name is tenant data: control characters would drive the terminal.
    advance: (label) => bar.update(++value, { label: label.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").slice(0, 40) }),
    stop: () => bar.stop(),
  };
}

/** CPU time of processes, to split a phase's cost between the engine stand-in, the host and the emulator. */
import * as fs from "fs";

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every mainstream kernel build). */
const TICKS_PER_SECOND = 100;

/** User + system CPU time of a process in ms, from /proc/<pid>/stat; undefined where /proc is unavailable. */
export function processCpuMs(pid: number): number | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // Fields after the command name (which may hold spaces, hence the last ")"): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** CPU ms used by this process (user + system). */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPU used between `start()` and `stop()` by this process and the given others. */
export class CpuMeter {
  private readonly startedAt: { own: number; others: (number | undefined)[] };

  constructor(private readonly pids: number[]) {
    this.startedAt = { own: ownCpuMs(), others: pids.map(processCpuMs) };
  }

  /** ms of CPU since construction: this process, then each pid in order (undefined without /proc). */
  read(): { own: number; others: (number | undefined)[] } {
    return {
      own: ownCpuMs() - this.startedAt.own,
      others: this.pids.map((pid, i) => {
        const now = processCpuMs(pid);
        const then = this.startedAt.others[i];
        return now === undefined || then === undefined ? undefined : now - then;
      }),
    };
  }
}

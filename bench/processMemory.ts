/** Memory figures of another process, from Linux's /proc/<pid>/status. */
import * as fs from "fs";

/** Peak resident set (VmHWM) and current resident set (VmRSS) in bytes; undefined where /proc is unavailable. */
export function processMemory(pid: number): { peakRssBytes?: number; rssBytes?: number } {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return {};
  }
  const kib = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m").exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  };
  return { peakRssBytes: kib("VmHWM"), rssBytes: kib("VmRSS") };
}

/**
 * The leak scan of a Pulumi file backend: every file under the state folder, whatever Pulumi keeps there — the
 * stack files, their `.bak` copies, `history/` (every update's checkpoint), `backups/`, locks — gzip-compressed
 * ones (`*.gz`, PULUMI_SELF_MANAGED_STATE_GZIP) decompressed, each handed to the suite-wide scan
 * (scanKeptOutput) as its own source. A secret must be in state only encrypted; its plain text in any file, in any
 * of the forms leakMatcher.ts knows, is a leak.
 *
 * The real-CLI harnesses (test/e2e/pulumiRoutes.ts, test/e2e/yamlProgram.ts, test/export/pulumiCli.ts,
 * test/e2e/npmStart.test.ts) call it after every run, so no test needs to remember to.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { gunzipSync } from "node:zlib";
import { scanKeptOutput, type KeptOutput } from "./scanKeptOutput";

/** One file of a backend: its path relative to the state folder, and its text. */
export interface BackendFile {
  file: string;
  text: string;
}

/** Every file of the backend in `stateDir` (none when it does not exist yet), gzip files decompressed. */
export function backendFiles(stateDir: string): BackendFile[] {
  if (!fs.existsSync(stateDir)) return [];
  return fs
    .readdirSync(stateDir, { recursive: true, withFileTypes: true })
    // Installed plugins (PULUMI_HOME/plugins, when the home is inside the state folder) are code, not state.
    .filter((e) => e.isFile() && !isInstalledPlugin(path.relative(stateDir, e.parentPath)))
    .map((e) => {
      const full = path.join(e.parentPath, e.name);
      const bytes = fs.readFileSync(full);
      const text = e.name.endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
      return { file: path.relative(stateDir, full), text };
    });
}

function isInstalledPlugin(folder: string): boolean {
  const parts = folder.split(path.sep);
  return parts.includes("plugins") && parts[parts.indexOf("plugins") - 1] === ".pulumi-home";
}

/**
 * Scans every file of the backend in `stateDir`; returns the findings by file (labels only). `scan` is the
 * suite-wide scan unless a test of the scan itself gives its own.
 */
export function scanStateBackend(
  stateDir: string,
  options: { secrets?: readonly string[]; scan?: (output: KeptOutput) => string[] } = {},
): { file: string; findings: string[] }[] {
  const scan = options.scan ?? scanKeptOutput;
  return backendFiles(stateDir)
    .map(({ file, text }) => ({ file, findings: scan({ source: `state backend file ${file}`, text, secrets: options.secrets }) }))
    .filter((r) => r.findings.length > 0);
}

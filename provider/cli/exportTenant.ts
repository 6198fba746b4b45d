/**
 * `industrydata export` without the command line: read the tenant, plan the program, write its files.
 * Each step is its own module (readTenant, planProgram, renderProgram, renderProjectFiles); this one sequences
 * them and writes the folder.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { GraphClient } from "../graph";
import { entityCount, flowCount, planProgram, type ProgramPlan } from "./planProgram";
import { packageVersions } from "./packageVersions";
import { silentProgress, type ProgressDisplay } from "./progressDisplay";
import { readTenant } from "./readTenant";
import { configCommands, renderProjectFiles } from "./renderProjectFiles";
import { renderProgram } from "./renderProgram";
import type { PasswordMode } from "./serverToArgs";

/** Options of {@link exportTenant}. */
export interface ExportTenantOptions {
  client: GraphClient;
  /** The endpoint the client talks to (written into the program's instructions). */
  graphEndpoint: string;
  tenantId?: string;
  clientId?: string;
  /** Folder the program is written to; created when missing. */
  outDir: string;
  /** Pulumi project name; default: derived from the folder name. */
  project?: string;
  /** Default "config". */
  passwords?: PasswordMode;
  /** Write into a folder that already holds files (they may be overwritten). Default false. */
  force?: boolean;
  progress?: ProgressDisplay;
  /** Clock of the header's date; default now. */
  now?: () => Date;
}

/** What an export did. */
export interface ExportSummary {
  outDir: string;
  project: string;
  /** Inbound resources adopted (source systems, connectors, years, inbound flows, reference definitions). */
  entities: number;
  flowSets: number;
  flows: number;
  /** Files written, relative to `outDir`. */
  files: string[];
  /** The `pulumi config set` commands the adoption still needs (secrets prompt for their value). */
  configCommands: string[];
  plan: ProgramPlan;
  /** Wall time of reading the tenant, in milliseconds. */
  readMs: number;
}

/** Reads the whole tenant (inbound entities, flow sets, flows) through `client` and writes a program adopting it into `outDir`. */
export async function exportTenant(options: ExportTenantOptions): Promise<ExportSummary> {
  const outDir = path.resolve(options.outDir);
  assertWritable(outDir, options.force ?? false);
  const project = options.project ?? projectNameFor(outDir);
  if (!PROJECT_NAME.test(project)) throw new Error(`--project ${JSON.stringify(project)}: a Pulumi project name has only letters, digits, "-", "_" and "."`);
  const progress = options.progress ?? silentProgress;

  const started = Date.now();
  const snapshot = await readTenant({
    client: options.client,
    onFlowSetsListed: (count) => progress.start(count),
    onFlowSetRead: (set) => progress.advance(String(set.displayName ?? set.id)),
  }).finally(() => progress.stop());
  const readMs = Date.now() - started;

  const plan = planProgram(snapshot, { passwords: options.passwords ?? "config" });
  const settings = { graphEndpoint: options.graphEndpoint, tenantId: options.tenantId, clientId: options.clientId };
  const files: Record<string, string> = {
    "index.ts": renderProgram(plan, { graphEndpoint: options.graphEndpoint, exportedAt: (options.now?.() ?? new Date()).toISOString() }),
    ...renderProjectFiles(plan, { ...settings, project, versions: packageVersions() }),
  };
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(outDir, name), content);

  return {
    outDir,
    project,
    entities: entityCount(plan),
    flowSets: plan.flowSets.length,
    flows: flowCount(plan),
    files: Object.keys(files),
    configCommands: configCommands(plan, settings),
    plan,
    readMs,
  };
}

/** What Pulumi accepts as a project name (and npm as a package name, lower-cased). */
const PROJECT_NAME = /^[A-Za-z0-9_.-]+$/;

/** Refuses, before any Graph call, to write over a folder that holds files, unless forced. */
function assertWritable(outDir: string, force: boolean): void {
  if (!fs.existsSync(outDir)) return;
  if (!fs.statSync(outDir).isDirectory()) throw new Error(`--out ${outDir} exists and is not a folder`);
  if (!force && fs.readdirSync(outDir).length > 0) {
    throw new Error(`--out ${outDir} is not empty: choose a new folder, or pass --force to overwrite the exported files in it`);
  }
}

/** A Pulumi project name from the folder name (letters, digits, `-`, `_`, `.`), "industrydata-adopted" when none is left. */
export function projectNameFor(outDir: string): string {
  const name = path.basename(outDir).replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "");
  return name !== "" ? name : "industrydata-adopted";
}

/**
 * `industrydata orphans`: what the tenant holds that no resource of a stack manages (an interrupted `up`'s
 * entity, one made in the portal), with the command to take over, import, adopt or delete each. Both halves are
 * read as the export reads them: the stack's state from `pulumi stack export` (a file, stdin, or the command run
 * in the project's folder), the tenant through the Graph client (readTenant).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import type { Command } from "commander";
import { resolveProviderConfig } from "../config";
import { createGraphClient, type ManagedGraphClient } from "../graph";
import { addConnectionOptions, configFromOptions, type ConnectionOptions as GraphOptions } from "./connectionOptions";
import type { CliIo } from "./commandOutput";
import { explainExportError } from "./explainExportError";
import { findOrphans, formatOrphans, readStackState } from "./orphans";
import { readTenant } from "./readTenant";

interface OrphansOptions extends GraphOptions {
  state?: string;
  cwd?: string;
  stack?: string;
  json?: boolean;
}

/** Adds `orphans` to the `industrydata` command line; `setExitCode` receives its exit code. */
export function registerOrphansCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = program
    .command("orphans")
    .description(
      "List what the tenant holds that no resource of a Pulumi stack manages (what an interrupted `pulumi up` created, " +
        "or someone made in the portal), with the command to take over, import, adopt or delete each.",
    )
    .option("--state <file>", "the stack's state as `pulumi stack export` writes it (`-` reads it from stdin); default: run `pulumi stack export`")
    .option("--cwd <dir>", "the Pulumi project's folder, where `pulumi stack export` runs (default: the current folder)")
    .option("--stack <name>", "the stack to export (default: the selected stack)")
    .option("--json", "print the orphans as JSON (an array) for scripts");
  addConnectionOptions(command, { endpointDefault: "the stack's industrydata:graphEndpoint, else INDUSTRYDATA_GRAPH_ENDPOINT, else Graph" })
    .addHelpText(
      "after",
      "\nThe stack's secrets are not decrypted: give the Graph credential as for `industrydata export`.\n" +
        "The caller needs read permission on the industryData collections (IndustryData-*.Read.All).",
    )
    .action(async (options: OrphansOptions) => {
      setExitCode(await runOrphans(options, io));
    });
}

async function runOrphans(options: OrphansOptions, io: CliIo): Promise<number> {
  let client: ManagedGraphClient | undefined;
  try {
    const state = readStackState(JSON.parse(await stackExport(options)));
    const fromOptions = configFromOptions(options, io.env);
    // The stack's own endpoint when neither the option nor the environment names one.
    const get = (key: string) => fromOptions(key) ?? (key === "industrydata:graphEndpoint" && io.env.INDUSTRYDATA_GRAPH_ENDPOINT === undefined ? state.graphEndpoint : undefined);
    const config = resolveProviderConfig(get, io.env);
    client = createGraphClient(config, { env: io.env });
    const orphans = findOrphans(await readTenant({ client }), state, config.graphEndpoint);
    io.stdout.write(options.json ? `${JSON.stringify(orphans, null, 2)}\n` : formatOrphans(orphans, { stack: state.stack, graphEndpoint: config.graphEndpoint }));
    return 0;
  } catch (error) {
    io.stderr.write(`${explainExportError(error).replace(/^industrydata export/, "industrydata orphans")}\n`);
    return 1;
  } finally {
    client?.close();
  }
}

/** The `pulumi stack export` JSON text: the file given, stdin, or the command run in the project's folder. */
async function stackExport(options: OrphansOptions): Promise<string> {
  if (options.state === "-") return fs.readFileSync(0, "utf8");
  if (options.state !== undefined) return fs.readFileSync(options.state, "utf8");
  const args = ["stack", "export", ...(options.stack !== undefined ? ["--stack", options.stack] : [])];
  return new Promise((resolve, reject) => {
    execFile("pulumi", args, { cwd: options.cwd ?? process.cwd(), maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`\`pulumi ${args.join(" ")}\` failed in ${options.cwd ?? process.cwd()}: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

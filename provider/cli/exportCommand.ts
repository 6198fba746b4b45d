/**
 * The `industrydata` command line (commander): `industrydata export` reads a tenant's flow sets and flows and
 * writes a Pulumi program adopting them. Configuration is the provider's own (provider/config): the options
 * below stand for the `industrydata:*` keys, and `INDUSTRYDATA_*` / `AZURE_*` variables fill in the rest.
 */
import { Command, CommanderError, Option } from "commander";
import { resolveProviderConfig, type ProviderConfig } from "../config";
import { createGraphClient, type ManagedGraphClient } from "../graph";
import { explainExportError } from "./explainExportError";
import { addConnectionOptions, configFromOptions, type ConnectionOptions } from "./connectionOptions";
import { registerOperationalCommands } from "./operationalCommands";
import { exportTenant, type ExportSummary } from "./exportTenant";
import { progressDisplay } from "./progressDisplay";
import { describeSecret } from "./planProgram";
import type { PasswordMode } from "./serverToArgs";
import { registerOrphansCommand } from "./orphansCommand";
import type { CliIo } from "./commandOutput";

/** The options of `industrydata export`, as commander parses them. */
interface ExportOptions extends ConnectionOptions {
  out: string;
  project?: string;
  passwords: PasswordMode;
  force?: boolean;
  quiet?: boolean;
}

/**
 * Runs the command line (`argv` without node and script) and resolves to the exit code: 0 on success, 1 when
 * the export failed (the reason on stderr), commander's code for a usage error.
 */
export async function runCli(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  let exitCode = 0;
  const program = new Command("industrydata")
    .description("Tools of pulumi-industrydata (Microsoft Graph industryData outbound provisioning as Pulumi resources).")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  const exportCommand = program
    .command("export")
    .description(
      "Read every outbound provisioning flow set and flow of a tenant (or the emulator) and write a TypeScript " +
        "Pulumi program that adopts them by flowSetId and flowId, with the settings the tenant holds.",
    )
    .option("-o, --out <dir>", "folder to write the program to (must be empty unless --force)", "industrydata-adopted");
  addConnectionOptions(exportCommand)
    .option("--project <name>", "Pulumi project name of the program (default: the --out folder's name)")
    .addOption(
      new Option("--passwords <mode>", "config: read default passwords from secret stack config; omit: leave them unmanaged")
        .choices(["config", "omit"])
        .default("config"),
    )
    .option("--force", "write into a folder that is not empty, overwriting the exported files")
    .option("-q, --quiet", "no progress display and no instructions, only the summary line")
    .addHelpText(
      "after",
      "\nSecrets are never taken on the command line: pass the name of the variable that holds them.\n" +
        "With no credential option: AZURE_FEDERATED_TOKEN_FILE (workload identity), else DefaultAzureCredential.\n" +
        "The caller needs IndustryData-OutboundFlow.Read.All (ReadWrite.All to manage the adopted sets and flows).",
    )
    .action(async (options: ExportOptions) => {
      exitCode = await runExport(options, io);
    });
  registerOperationalCommands(program, io, (code) => {
    exitCode = code;
  });
  registerOrphansCommand(program, io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.code === "commander.helpDisplayed" || error.code === "commander.version" ? 0 : error.exitCode;
    throw error;
  }
  return exitCode;
}

async function runExport(options: ExportOptions, io: CliIo): Promise<number> {
  let client: ManagedGraphClient | undefined;
  try {
    const config = resolveProviderConfig(configFromOptions(options, io.env), io.env);
    client = createGraphClient(config, { env: io.env });
    const summary = await exportTenant({
      client,
      graphEndpoint: config.graphEndpoint,
      ...(config.tenantId !== undefined ? { tenantId: config.tenantId } : {}),
      ...(config.clientId !== undefined ? { clientId: config.clientId } : {}),
      outDir: options.out,
      ...(options.project !== undefined ? { project: options.project } : {}),
      passwords: options.passwords,
      force: options.force ?? false,
      progress: progressDisplay({ stream: io.stderr, quiet: options.quiet ?? false }),
    });
    io.stdout.write(report(summary, config, options.quiet ?? false));
    return 0;
  } catch (error) {
    io.stderr.write(`${explainExportError(error)}\n`);
    return 1;
  } finally {
    client?.close();
  }
}

/** What the user reads after a successful export: the summary, then the commands that finish the adoption. */
function report(summary: ExportSummary, config: ProviderConfig, quiet: boolean): string {
  const seconds = (summary.readMs / 1000).toFixed(1);
  const inbound = summary.entities > 0 ? `${summary.entities} inbound resource(s), ` : "";
  const line = `Exported ${inbound}${summary.flowSets} flow set(s) and ${summary.flows} flow(s) from ${config.graphEndpoint} in ${seconds} s to ${summary.outDir}\n`;
  if (quiet) return line;
  const secretNotes = new Map(summary.plan.secrets.map((s) => [s.key, `# ${describeSecret(s)}`]));
  const commands = summary.configCommands.map((c) => {
    const key = c.startsWith("pulumi config set --secret ") ? c.slice("pulumi config set --secret ".length) : undefined;
    return key !== undefined && secretNotes.has(key) ? `  ${c}   ${secretNotes.get(key)}` : `  ${c}`;
  });
  const notes = [
    ...summary.plan.notes,
    ...summary.plan.entities.flatMap((e) => e.notes.map((n) => `${e.resourceName}: ${n}`)),
    ...summary.plan.flowSets.flatMap((s) => [...s.notes, ...s.flows.flatMap((f) => f.notes.map((n) => `${f.resourceName}: ${n}`))]),
  ];
  return [
    line.trimEnd(),
    adoptionNote(summary),
    `Files: ${summary.files.join(", ")}`,
    ...(notes.length > 0 ? ["", "Notes:", ...notes.map((n) => `  - ${n.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")}`)] : []),
    "",
    `Next, in ${summary.outDir}:`,
    "  npm install",
    "  pulumi stack init <stack>",
    ...commands,
    "  pulumi preview   # each resource: + create (adoption), nothing sent to Graph",
    `  pulumi up        # ${summary.plan.secretHolders.length > 0 ? `one GET each; a PATCH only for the ${summary.plan.secretHolders.length} resource(s) with a declared secret` : "one GET each, no change in the tenant"}`,
    "",
  ].join("\n");
}

/** What the first `pulumi up` will do to the tenant: nothing, except sending each declared secret once. */
function adoptionNote(summary: ExportSummary): string {
  const { secretHolders, passwords } = summary.plan;
  const sets = summary.entities > 0
    ? "Every inbound resource, flow set and flow is adopted by id, bindings as references: the first `pulumi up` reads each once"
    : "Every flow set and flow is adopted by id (flowSetId, flowId): the first `pulumi up` reads each once";
  if (secretHolders.length > 0) {
    return (
      `${sets} and sends one PATCH to each of the ${secretHolders.length} resource(s) with a declared secret ` +
      `(${secretHolders.join(", ")}), and nothing else: Graph never reveals a password or client secret, so the declared ` +
      "one is sent once, on purpose."
    );
  }
  const omitted = passwords === "omit" ? " (default passwords not exported: --passwords omit)" : "";
  return `${sets} and sends no PATCH: the tenant is left unchanged${omitted}.`;
}

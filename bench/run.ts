#!/usr/bin/env node
/**
 * `npm run bench [-- --quick] [-- --sets 1,25,250] [-- --parallel 10] [-- --profile] [-- --front-end plugin]`
 *
 * Requests, bytes and time per flow through the real dynamic-provider host and the provider plugin against the
 * emulator on loopback, for 1, 25 and 250 flow sets of four flows each, next to the raw-HTTP floor of the same
 * requests; then the wall time of `pulumi preview` through the real CLI (TypeScript and Pulumi YAML, the sample
 * district and an empty program). Prints a table per size and front end, the front ends side by side, the
 * previews and the targets, and writes the same figures as JSON to `.bench/<timestamp>.json`.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RegisteredResource, repoRoot, serializeResources } from "../test/harness";
import { declarations, MemberKind } from "./fleetDeclarations";
import { summarizeProfile } from "./profileSummary";
import { frontEndReport, previewReport, rpcReport, sizeReport, targetsReport, textTable } from "./report";
import { runStackSize, SizeResult } from "./runStackSize";
import { evaluateTargets } from "./targets";
import { hostProfiling } from "./hostProfiling";
import { cliPreviewAvailable, measureCliPreviews, PreviewTiming } from "./cliPreview";
import { FrontEnd, frontEnds, pluginExecutable, pluginTemplates } from "./frontEnds";
import { prepareProgram, ProgramLayout } from "./programLayout";
import { measurePluginStartup, pluginStartupReport, type PluginStartupResult } from "./pluginStartup";
import { cliLifecycleAvailable, cliLifecycleReport, measureCliLifecycle, type CliLifecycleResult } from "./cliLifecycle";

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer");
  return n;
}

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a non-negative integer");
  return n;
}

function integerList(value: string): number[] {
  return value.split(",").map((v) => positiveInteger(v.trim()));
}

function frontEndList(value: string): FrontEnd[] {
  const list = value.split(",").map((v) => v.trim());
  const unknown = list.filter((v) => !(frontEnds as readonly string[]).includes(v));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown front end ${unknown.join(", ")}; expected ${frontEnds.join(", ")}`);
  return list as FrontEnd[];
}

interface Options {
  quick: boolean;
  sets?: number[];
  parallel: number;
  out: string;
  profile: boolean;
  repeats: number;
  latency: number;
  layout: ProgramLayout;
  hostNodeArg: string[];
  frontEnd: FrontEnd[];
  preview: boolean;
  previewRepeats: number;
  pluginStartup: boolean;
  cliLifecycle: boolean;
  cliSets: number;
  cliProfile: boolean;
  cliExecutable?: string;
  only?: "cli125";
}

async function main(argv: string[]): Promise<void> {
  const cli = new Command()
    .name("bench")
    .description("Requests, bytes and time per flow through the dynamic-provider host and the provider plugin, against the raw-HTTP floor; pulumi preview wall times.")
    .option("--quick", "small run: 1 and 25 flow sets only", false)
    .option("--sets <list>", "flow-set counts to run, comma-separated (default 1,25,250)", integerList)
    .option(
      "-p, --parallel <n>",
      "resource operations in flight (engine --parallel), also the provider's industrydata:concurrency and the floor's",
      positiveInteger,
      10,
    )
    .option("--latency <ms>", "added by the emulator to every Graph request (0 = loopback as is)", nonNegativeInteger, 0)
    .addOption(
      new Option("--layout <layout>", "program folder: the package installed in node_modules as a copy, or this repo via its self-link")
        .choices(["installed", "linked"])
        .default("installed"),
    )
    .option("--front-end <list>", "provider processes to drive, comma-separated: dynamic, plugin", frontEndList, [...frontEnds])
    .option("--no-preview", "skip the pulumi preview wall times through the real CLI")
    .option("--no-plugin-startup", "skip the provider plugin's start-up and YAML previews, single executable beside the script (bench/pluginStartup.ts)")
    .option("--no-cli-lifecycle", "skip the fleet YAML program's create/preview/drift check/change/one-set up through the real CLI (bench/cliLifecycle.ts)")
    .option("--cli-sets <n>", "flow sets of the CLI lifecycle's fleet program (25: 125 resources)", positiveInteger, 25)
    .option("--cli-executable <file>", "also run the CLI lifecycle with this single-executable plugin (or its release archive), e.g. from npm run plugin:executable")
    .option("--no-cli-profile", "skip the CLI lifecycle's profiled run per command (node --cpu-prof on the plugin)")
    .addOption(new Option("--only <section>", "run one section alone: cli125 (the CLI lifecycle)").choices(["cli125"]))
    .option("--preview-repeats <n>", "timed previews per program (after one warm-up); the median is reported", positiveInteger, 3)
    .option("--out <dir>", "folder for the JSON results (and profiles)", ".bench")
    .option("--repeats <n>", "rounds of update and refresh, and replays of each raw-HTTP floor; medians are reported", positiveInteger, 3)
    .option("--profile", "record a CPU profile of the host per phase and print where its time went", false)
    .option(
      "--host-node-arg <arg>",
      "extra Node flag for the host, repeatable (diagnostics: e.g. --require a module that tries out a fix)",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .parse(argv);
  const o = cli.opts<Options>();
  const setCounts = o.sets ?? (o.quick ? [1, 25] : [1, 25, 250]);
  const root = repoRoot();
  const outDir = path.resolve(root, o.out);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const profileDir = path.join(outDir, `profiles-${stamp}`);
  const say = (line: string) => process.stderr.write(`${line}\n`);

  if (o.only === "cli125") {
    const cli = await cliLifecycle(o, say);
    process.stdout.write(`${cliLifecycleReport(cli)}\n`);
    writeJson(outDir, stamp, { startedAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cliLifecycle: cli }, say);
    return;
  }
  const folder = prepareProgram(o.layout);
  try {
    await runBench({ o, setCounts, root, outDir, stamp, profileDir, program: folder.dir, packageSpecifier: folder.packageSpecifier, say });
  } finally {
    folder.remove();
  }
}

async function runBench(options: {
  o: Options;
  setCounts: number[];
  root: string;
  outDir: string;
  stamp: string;
  profileDir: string;
  program: string;
  packageSpecifier: string;
  say: (line: string) => void;
}): Promise<void> {
  const { o, setCounts, root, outDir, stamp, profileDir, program, packageSpecifier, say } = options;
  say(`bench: serializing one resource per kind (pulumi.dynamic.Resource under mocks, package ${o.layout})…`);
  const resources = Object.values(declarations).map((d) => ({ ...d, module: packageSpecifier }));
  const serialized = await serializeResources({ cwd: program, resources });
  const templates = {} as Record<MemberKind, RegisteredResource>;
  for (const [kind, d] of Object.entries(declarations) as [MemberKind, (typeof declarations)[MemberKind]][]) {
    const r = serialized.find((s) => s.name === d.name);
    if (!r) throw new Error(`${d.exportName} was not registered`);
    templates[kind] = r;
  }
  const providerBytes = Object.fromEntries(Object.entries(templates).map(([k, t]) => [k, t.providerBytes])) as Record<MemberKind, number>;

  const templatesOf: Record<FrontEnd, Record<MemberKind, RegisteredResource>> = { dynamic: templates, plugin: pluginTemplates(templates, declarations) };
  const sizes: SizeResult[] = [];
  for (const sets of setCounts) {
    for (const frontEnd of o.frontEnd) {
      say(`bench: ${sets} flow sets (${sets * 4} flows), parallelism ${o.parallel}, ${frontEnd}…`);
      sizes.push(
        await runStackSize({
          sets,
          frontEnd,
          pluginPath: pluginExecutable(root),
          parallelism: o.parallel,
          templates: templatesOf[frontEnd],
          programDir: program,
          repeats: o.repeats,
          latencyMs: o.latency,
          hostNodeArgs: o.hostNodeArg,
          log: say,
          ...(o.profile ? { profiling: hostProfiling(path.join(profileDir, `sets-${sets}-${frontEnd}`)) } : {}),
        }),
      );
    }
  }
  const targetsOf = o.frontEnd.map((frontEnd) => {
    const of = sizes.filter((s) => s.frontEnd === frontEnd);
    const bytes = frontEnd === "plugin" ? templatesOf.plugin : templates;
    return { frontEnd, targets: evaluateTargets(of, Object.fromEntries(Object.entries(bytes).map(([k, t]) => [k, t.providerBytes])) as Record<MemberKind, number>) };
  });
  const targets = targetsOf.find((t) => t.frontEnd === "dynamic")?.targets ?? targetsOf[0].targets;
  let previews: PreviewTiming[] = [];
  if (o.preview) {
    if (!cliPreviewAvailable()) throw new Error("pulumi preview timings need the CLI and both language hosts: npm run pulumi:install -- --yaml (or pass --no-preview)");
    say(`bench: pulumi preview through the real CLI, ${o.previewRepeats} runs per program after a warm-up…`);
    previews = await measureCliPreviews({ repeats: o.previewRepeats, log: say });
  }

  let pluginStartup: PluginStartupResult | undefined;
  if (o.pluginStartup) pluginStartup = await measurePluginStartup({ log: say });

  const cli = o.cliLifecycle ? await cliLifecycle(o, say) : undefined;

  const lines = [
    `pulumi-industrydata bench, ${new Date().toISOString()}, Node ${process.version}, ${setCounts.join("/")} flow sets x 4 flows, ` +
      (o.latency > 0 ? `emulator adds ${o.latency} ms to every Graph request` : "emulator on loopback, no added latency") +
      `, package ${o.layout === "installed" ? "installed in the program's node_modules" : "linked (repo root)"}`,
    `Parallelism ${o.parallel} (engine steps in flight = provider industrydata:concurrency = floor's requests in flight;`,
    `Pulumi 3.259's own default --parallel is 4 x CPUs, here 8). "update" = Check+Diff+Update of the changed 10% only;`,
    `ms/flow divides by the flows of the phase (the sets' own operations are included in create/diff/refresh/delete).`,
    "",
    textTable([["__provider B", ...Object.keys(providerBytes)], ["", ...Object.values(providerBytes).map(String)]]),
    "",
    ...sizes.flatMap((s) => [sizeReport(s), "", `where the operation time goes, ${s.sets} sets, ${s.frontEnd}:`, rpcReport(s), ""]),
    ...(o.frontEnd.length > 1 ? [frontEndReport(sizes), ""] : []),
    ...(previews.length > 0 ? [previewReport(previews), ""] : []),
    ...targetsOf.flatMap((t) => [`targets, ${t.frontEnd}:`, targetsReport(t.targets), ""]),
    ...(pluginStartup ? [pluginStartupReport(pluginStartup), ""] : []),
    ...(cli ? [cliLifecycleReport(cli), ""] : []),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);

  if (o.profile) {
    for (const size of sizes) {
      for (const [phase, result] of Object.entries(size.phases)) {
        for (const [side, file] of Object.entries(result.profileFiles ?? {})) {
          const summary = summarizeProfile(file, 12);
          process.stdout.write(`\n${side} CPU profile: ${size.sets} sets, ${phase} (${path.relative(root, file)}), ${summary.totalMs.toFixed(0)} ms\n`);
          process.stdout.write(`${textTable([["time by package (nearest package frame)", "ms", "%"], ...summary.files.map((r) => [r.what, r.selfMs.toFixed(0), r.percent.toFixed(1)])])}\n\n`);
          process.stdout.write(`${textTable([["self time by function", "ms", "%"], ...summary.functions.map((r) => [r.what, r.selfMs.toFixed(0), r.percent.toFixed(1)])])}\n`);
        }
      }
    }
  }

  const json = {
    startedAt: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    parallelism: o.parallel,
    latencyMs: o.latency,
    layout: o.layout,
    repeats: o.repeats,
    setCounts,
    providerBytes,
    frontEnds: o.frontEnd,
    sizes,
    targets,
    targetsByFrontEnd: targetsOf,
    previews,
    pluginStartup,
    cliLifecycle: cli,
  };
  writeJson(outDir, stamp, json, say);
}

function writeJson(outDir: string, stamp: string, json: object, say: (line: string) => void): void {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${stamp}.json`);
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  say(`bench: results written to ${path.relative(process.cwd(), file)}`);
}

/** The CLI lifecycle section (bench/cliLifecycle.ts): the fleet program's commands beside the empty program's. */
async function cliLifecycle(o: Options, say: (line: string) => void): Promise<CliLifecycleResult> {
  if (!cliLifecycleAvailable()) throw new Error("the CLI lifecycle needs the CLI and the YAML language host: npm run pulumi:install -- --yaml (or pass --no-cli-lifecycle)");
  return measureCliLifecycle({ sets: o.cliSets, repeats: o.repeats, profile: o.cliProfile, ...(o.cliExecutable ? { executable: path.resolve(o.cliExecutable) } : {}), log: say });
}

main(process.argv).catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

/**
 * Wall time of `pulumi preview` through the real CLI (.tools/pulumi/bin) on a fresh stack, for the sample district
 * and for an empty program, in TypeScript (Node.js language host, dynamic providers) and in Pulumi YAML (YAML
 * language host, the provider plugin found through `plugins.providers`): what a user waits for on every pull
 * request, and how much of it is the language runtime rather than the resources.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../test/harness";
import { startEmulatorChild } from "./emulatorChild";

const { pulumiEnv, pulumiCli, pulumiBinDir } = require("../../scripts/pulumi-env.js") as {
  pulumiEnv(options: { stateDir: string; passphrase?: string; base?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv;
  pulumiCli: string;
  pulumiBinDir: string;
};

/** One program's previews. */
export interface PreviewTiming {
  program: string;
  runtime: "nodejs" | "yaml";
  /** Resources the preview plans to create, the stack included. */
  resources: number;
  medianMs: number;
  runsMs: number[];
}

/** The passphrase of the throwaway stacks (the root project's documented dev passphrase). */
const PASSPHRASE = "industrydata-dev";

interface ProgramSpec {
  program: string;
  runtime: "nodejs" | "yaml";
  /** Lays the program out in `dir`; returns `pulumi config set-all` arguments for its stack. */
  layOut(dir: string, graphUrl: string, token: string): string[];
}

const root = repoRoot();

function linkNodeModules(dir: string): void {
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "industrydata-bench-preview", private: true }));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
}

/** The four programs, empty and district per runtime. */
function programs(): ProgramSpec[] {
  const emulatorConfig = (graphUrl: string, token: string) => ["--plaintext", `industrydata:graphEndpoint=${graphUrl}`, "--secret", `industrydata:accessToken=${token}`];
  const password = `Bench-Pw-${Date.now().toString(36)}`;
  return [
    {
      program: "empty program",
      runtime: "nodejs",
      layOut: (dir) => {
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: bench-empty-ts\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n");
        fs.writeFileSync(path.join(dir, "index.ts"), "export {};\n");
        fs.copyFileSync(path.join(root, "tsconfig.json"), path.join(dir, "tsconfig.json"));
        linkNodeModules(dir);
        return [];
      },
    },
    {
      program: "sample district (root index.ts, dynamic providers)",
      runtime: "nodejs",
      layOut: (dir, graphUrl, token) => {
        for (const file of ["Pulumi.yaml", "index.ts", "tsconfig.json"]) fs.copyFileSync(path.join(root, file), path.join(dir, file));
        linkNodeModules(dir);
        return [...emulatorConfig(graphUrl, token), "--secret", `studentPassword=${password}`];
      },
    },
    {
      program: "empty program",
      runtime: "yaml",
      layOut: (dir) => {
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: bench-empty-yaml\nruntime: yaml\n");
        return [];
      },
    },
    {
      program: "sample district (examples/yaml-district, provider plugin)",
      runtime: "yaml",
      layOut: (dir, graphUrl, token) => {
        fs.cpSync(path.join(root, "examples", "yaml-district"), dir, { recursive: true });
        const file = path.join(dir, "Pulumi.yaml");
        fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^(\s+path:\s*)\S+\s*$/m, `$1${path.join(root, "bin")}`));
        return [...emulatorConfig(graphUrl, token), "--secret", `studentPassword=${password}`];
      },
    },
  ];
}

function run(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number; output: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(pulumiCli, [...args, "--non-interactive"], { ...options, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, output: `${stdout}\n${stderr}`, ms: performance.now() - started });
    });
  });
}

async function must(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ output: string; ms: number }> {
  const result = await run(args, options);
  if (result.code !== 0) throw new Error(`pulumi ${args[0]} failed (exit ${result.code}) in ${options.cwd}:\n${result.output}`);
  return result;
}

/** The CLI and both language hosts are built (npm run pulumi:install). */
export function cliPreviewAvailable(): boolean {
  return ["pulumi", "pulumi-language-nodejs", "pulumi-language-yaml"].every((f) => fs.existsSync(path.join(pulumiBinDir, f)));
}

/** Previews each program `repeats` times on a fresh stack (one warm-up first) against an emulator in its own process. */
export async function measureCliPreviews(options: { repeats: number; log?: (line: string) => void }): Promise<PreviewTiming[]> {
  const token = `bench-token-${Date.now().toString(36)}`;
  const emulator = await startEmulatorChild({ token });
  const results: PreviewTiming[] = [];
  try {
    for (const spec of programs()) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-bench-preview-"));
      try {
        const config = spec.layOut(dir, emulator.graphUrl, token);
        const env = pulumiEnv({ stateDir: path.join(dir, ".pulumi-state"), passphrase: PASSPHRASE, base: cleanEnv() });
        await must(["stack", "init", "bench"], { cwd: dir, env });
        if (config.length > 0) await must(["config", "set-all", ...config], { cwd: dir, env });
        // The first preview pays for cold caches (ts-node's compile cache, the page cache); it is not counted.
        const warmUp = await must(["preview"], { cwd: dir, env });
        const runsMs: number[] = [];
        for (let i = 0; i < options.repeats; i++) runsMs.push((await must(["preview"], { cwd: dir, env })).ms);
        const sorted = [...runsMs].sort((a, b) => a - b);
        const timing = { program: spec.program, runtime: spec.runtime, resources: plannedCreates(warmUp.output), medianMs: sorted[Math.floor((sorted.length - 1) / 2)], runsMs };
        options.log?.(`  preview ${spec.runtime} ${spec.program}: median ${timing.medianMs.toFixed(0)} ms`);
        results.push(timing);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await emulator.stop();
  }
  return results;
}

function plannedCreates(output: string): number {
  const m = /\+\s*(\d+)\s+to create/.exec(output);
  return m ? Number(m[1]) : 0;
}

function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(INDUSTRYDATA_|AZURE_|PULUMI_)/.test(k)));
}

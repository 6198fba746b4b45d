/**
 * What the Pulumi YAML end-to-end tests share: a throwaway copy of a YAML example whose `plugins.providers` path
 * points at this repository's provider plugin, the real `pulumi` command on an offline file backend (with the
 * YAML language host from tools/pulumi-yaml), and an emulator with its request log. Every CLI output is handed
 * to the suite's leak scan.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator } from "../../emulator";
import { scanKeptOutput } from "../support/scanKeptOutput";
import { backendFiles, scanStateBackend } from "../support/stateBackend";
import { cleanEnv, pulumiCli, type RunResult } from "./pulumiRoutes";
import { repoRoot } from "./rootProjectCopy";

const { pulumiEnv } = require("../../scripts/pulumi-env.js") as {
  pulumiEnv(options: { stateDir: string; passphrase?: string; base?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv;
};

/** The folder holding the provider plugin `pulumi-resource-industrydata` (the package's bin, after `npm run build`). */
export const pluginDir = path.join(repoRoot, "bin");

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** One request in the emulator's log (admin `GET requests`). */
export interface LoggedRequest {
  method: string;
  path: string;
  body?: unknown;
  status: number;
}

/** A flow as the emulator stores it (admin `GET state`). */
export interface StoredFlow {
  id: string;
  kind: string;
  [property: string]: unknown;
}

/** A flow set as the emulator stores it. */
export interface StoredFlowSet {
  id: string;
  displayName: string;
  flows: StoredFlow[];
  [property: string]: unknown;
}

/** An emulator and the reads of it the tests make. */
export interface TestTenant {
  emulator: Emulator;
  token: string;
  /** The Graph requests it received since the last `clearRequests()`. */
  requests(): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
  /** Empties the tenant and the request log (admin `POST reset`). */
  reset(): Promise<void>;
  flowSets(): Promise<StoredFlowSet[]>;
  /** A Graph call as someone in the portal would make it (out of band). */
  graph<T = unknown>(method: string, graphPath: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/** Starts an emulator on port 0 accepting only `token`. */
export async function startTenant(token: string): Promise<TestTenant> {
  const emulator = await startEmulator({ port: 0, staticToken: token, quiet: true });
  const admin = (p: string) => `${emulator.adminUrl.replace(/\/$/, "")}/${p}`;
  return {
    emulator,
    token,
    requests: async () => (await (await fetch(admin("requests"))).json()) as LoggedRequest[],
    clearRequests: async () => void (await fetch(admin("requests"), { method: "DELETE" })),
    reset: async () => {
      const res = await fetch(admin("reset"), { method: "POST" });
      if (!res.ok) throw new Error(`emulator reset answered ${res.status}`);
    },
    flowSets: async () => ((await (await fetch(admin("state"))).json()) as { flowSets: StoredFlowSet[] }).flowSets,
    async graph<T>(method: string, graphPath: string, body?: unknown) {
      const res = await fetch(`${emulator.graphUrl}${graphPath}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
  };
}

/** `METHOD path` of every request that writes. */
export function writes(requests: LoggedRequest[]): string[] {
  return requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);
}

/** A copy of a YAML example and the `pulumi` command run in it. */
export interface YamlProject {
  dir: string;
  /** The file backend's folder. */
  stateDir: string;
  /** The environment the `pulumi` runs get. */
  env: NodeJS.ProcessEnv;
  /** `pulumi <args> --non-interactive` in the copy; its output goes to the leak scan, with `secrets` known to the test. */
  pulumi(args: string[]): Promise<RunResult>;
  /** Rewrites Pulumi.yaml (the program) through `edit`. */
  editProgram(edit: (text: string) => string): void;
  /** A file of the copy, e.g. what `pulumi import --out` wrote. */
  readFile(name: string): string;
  /** Every stack state file's text (what a reader of the backend sees). */
  stateText(): string;
  remove(): void;
}

/**
 * Copies `examples/<example>` to a temp folder. `plugin: "path"` points its `plugins.providers` entry at
 * `pluginDir` (absolute, as the copy is elsewhere); `plugin: "PATH"` puts `pluginDir` on the CLI's PATH instead;
 * `plugin: "installed"` drops the `plugins` block and leaves the engine its plugin cache (the copy's own, empty
 * PULUMI_HOME: install into it with `pulumi plugin install`), on a PATH holding no `node` at all.
 * `secrets` are the values the test passes as secret config: the leak scan looks for them in every output.
 */
export function copyYamlExample(options: { example: string; plugin: "path" | "PATH" | "installed"; secrets: readonly string[] }): YamlProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `industrydata-${options.example}-`));
  fs.cpSync(path.join(repoRoot, "examples", options.example), dir, { recursive: true });
  const programFile = path.join(dir, "Pulumi.yaml");
  if (options.plugin === "path") {
    const text = fs.readFileSync(programFile, "utf8");
    const rewritten = text.replace(/^(\s+path:\s*)\S+\s*$/m, `$1${pluginDir}`);
    if (rewritten === text) throw new Error(`examples/${options.example}/Pulumi.yaml has no plugins.providers path to point at ${pluginDir}`);
    fs.writeFileSync(programFile, rewritten);
  }
  if (options.plugin === "installed") {
    const text = fs.readFileSync(programFile, "utf8");
    const rewritten = text.replace(/^plugins:\n(?:[ #].*\n)+/m, "");
    if (rewritten === text) throw new Error(`examples/${options.example}/Pulumi.yaml has no plugins block to drop`);
    fs.writeFileSync(programFile, rewritten);
  }
  const stateDir = path.join(dir, ".pulumi-state");
  // The throwaway stacks use scripts/pulumi-env.js's fixed test passphrase.
  const env = pulumiEnv({ stateDir, base: cleanEnv() });
  if (options.plugin === "PATH") env.PATH = [pluginDir, env.PATH].join(path.delimiter);
  if (options.plugin === "installed") env.PATH = withoutNode(env.PATH ?? "");
  return {
    dir,
    stateDir,
    env,
    pulumi: (args) =>
      new Promise((resolve) => {
        execFile(pulumiCli, [...args, "--non-interactive"], { cwd: dir, env, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
          const output = `${stdout}\n${stderr}`;
          scanKeptOutput({ source: `pulumi ${args[0]} in examples/${options.example}`, text: output, secrets: options.secrets });
          scanStateBackend(stateDir, { secrets: options.secrets });
          resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, output });
        });
      }),
    editProgram: (edit) => fs.writeFileSync(programFile, edit(fs.readFileSync(programFile, "utf8"))),
    readFile: (name) => fs.readFileSync(path.join(dir, name), "utf8"),
    stateText: () => backendFiles(stateDir).map((f) => f.text).join("\n"),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** `searchPath` without the folders holding a `node` executable. */
export function withoutNode(searchPath: string): string {
  return searchPath
    .split(path.delimiter)
    .filter((dir) => dir !== "" && !fs.existsSync(path.join(dir, "node")))
    .join(path.delimiter);
}

/** Fails with Pulumi's output when a command did not exit as expected; returns its output. */
export function expectExit(result: RunResult, expected: "succeeds" | "fails", what: string): string {
  if ((result.code === 0) !== (expected === "succeeds")) {
    throw new Error(`pulumi ${what} was expected to ${expected === "succeeds" ? "succeed" : "fail"}, exit code ${result.code}:\n${result.output}`);
  }
  return result.output;
}

/**
 * A throwaway copy of the root Pulumi project (Pulumi.yaml, Pulumi.dev.yaml, index.ts, tsconfig.json) whose dev
 * stack points at a given emulator, so end-to-end runs never touch the repository's own stack files or state.
 * Its node_modules is a link to the repository's, so the program and the engine's dynamic-provider host resolve
 * `@pulumi/pulumi` and `pulumi-industrydata` (the self-link, -> dist/) exactly as in the root project.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The repository root. */
export const repoRoot = path.resolve(__dirname, "..", "..");

/** The copy and what the tests need to know about its dev stack. */
export interface RootProjectCopy {
  dir: string;
  /** File-backend folder for this copy's stacks. */
  stateDir: string;
  remove(): void;
}

const DEV_ENDPOINT = /^(\s*industrydata:graphEndpoint:\s*)(\S+)\s*$/m;
const DEV_TOKEN = /^\s*industrydata:accessToken:\s*(\S+)\s*$/m;

function devStackText(): string {
  const text = fs.readFileSync(path.join(repoRoot, "Pulumi.dev.yaml"), "utf8");
  if (!DEV_ENDPOINT.test(text) || !DEV_TOKEN.test(text)) {
    throw new Error("Pulumi.dev.yaml no longer sets industrydata:graphEndpoint and a plain industrydata:accessToken; update test/e2e");
  }
  return text;
}

/** The static token the dev stack sends (industrydata:accessToken in Pulumi.dev.yaml), for the emulator to accept. */
export function devStackAccessToken(): string {
  return DEV_TOKEN.exec(devStackText())![1];
}

/** Copies the root project into a temp folder, with the dev stack's graphEndpoint set to `graphUrl`. */
export function copyRootProject(options: { graphUrl: string; prefix?: string }): RootProjectCopy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix ?? "industrydata-e2e-"));
  for (const file of ["Pulumi.yaml", "index.ts", "tsconfig.json"]) fs.copyFileSync(path.join(repoRoot, file), path.join(dir, file));
  fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), devStackText().replace(DEV_ENDPOINT, `$1${options.graphUrl}`));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "industrydata-e2e-root-project", private: true }));
  fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  return {
    dir,
    stateDir: path.join(dir, ".pulumi-state"),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

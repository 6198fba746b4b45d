/**
 * Throwaway Pulumi program folders for engine tests: a temp directory with a `node_modules` that holds the
 * packages a serialized provider will `require` by name, installed either as a copy (as `npm install` of a
 * published package would) or as a symlink (as a workspace link, `npm link`, or this repo's self-link do).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "./serializeProvider";

/** How a package gets into the program's node_modules. */
export interface ProgramPackage {
  /** Package name (folder under node_modules). */
  name: string;
  /** Folder holding the package (its package.json at the top). */
  from: string;
  /** "copy" (default) or "symlink". */
  mode?: "copy" | "symlink";
}

/** A temp program folder; `remove()` deletes it. */
export interface ProgramDir {
  dir: string;
  /** Path of an installed package's folder inside the program's node_modules. */
  packageDir(name: string): string;
  remove(): void;
}

/**
 * Creates a program folder whose node_modules links this repo's @pulumi (one SDK instance for program and
 * host) plus the given packages.
 */
export function makeProgramDir(options: { packages?: ProgramPackage[]; prefix?: string } = {}): ProgramDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix ?? "industrydata-engine-"));
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(modules);
  fs.symlinkSync(path.join(repoRoot(), "node_modules", "@pulumi"), path.join(modules, "@pulumi"), "dir");
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "engine-test-program", private: true }));
  for (const pkg of options.packages ?? []) {
    const target = path.join(modules, pkg.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (pkg.mode === "symlink") fs.symlinkSync(pkg.from, target, "dir");
    else fs.cpSync(pkg.from, target, { recursive: true });
  }
  return {
    dir,
    packageDir: (name) => path.join(modules, name),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The Pulumi program folder the benchmark's resources are declared in and its host runs in, in one of two
 * layouts, because Pulumi's closure serializer treats them differently (DESIGN.md, "Dynamic-provider pitfalls"):
 * - "installed": a temp program whose node_modules holds a copy of this package (package.json + built code), as
 *   `npm install pulumi-industrydata` gives a user; its dependencies are linked from this repository's;
 * - "linked": this repository's root, where the package resolves through its workspace self-link.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../test/harness";

/** Where a program lives. */
export type ProgramLayout = "installed" | "linked";

/** A program folder; `remove()` deletes it when it is a temp folder. */
export interface ProgramFolder {
  layout: ProgramLayout;
  dir: string;
  /** How the declaring process names the package: by name, resolved from the program folder as a program would. */
  packageSpecifier: string;
  remove(): void;
}

const packageName = "pulumi-industrydata";

/** Prepares the program folder of a layout. */
export function prepareProgram(layout: ProgramLayout): ProgramFolder {
  const root = repoRoot();
  if (layout === "linked") return { layout, dir: root, packageSpecifier: packageName, remove: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-bench-"));
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(modules);
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "industrydata-bench-program", private: true }));
  // Every dependency as a link (one @pulumi/pulumi instance for program and host), the package itself as a copy.
  for (const entry of fs.readdirSync(path.join(root, "node_modules"))) {
    if (entry === packageName || entry.startsWith(".")) continue;
    fs.symlinkSync(path.join(root, "node_modules", entry), path.join(modules, entry), "dir");
  }
  const installed = path.join(modules, packageName);
  fs.mkdirSync(installed);
  fs.copyFileSync(path.join(root, "package.json"), path.join(installed, "package.json"));
  // What the published package holds: the built provider and emulator (not the tests or this benchmark).
  for (const part of ["provider", "emulator"]) {
    fs.cpSync(path.join(root, "dist", part), path.join(installed, "dist", part), { recursive: true });
  }
  return {
    layout,
    dir,
    packageSpecifier: packageName,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** The dependency versions an exported program's package.json pins: the ones this package is built and tested with. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { PackageVersions } from "./renderProjectFiles";

/** ts-node is not a dependency of this package (Pulumi's TypeScript programs need it); the release line known to work. */
const TS_NODE_VERSION = "^10.9.2";

interface PackageJson {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Versions read from this package's own package.json (found above this file: from provider/ or dist/provider/). */
export function packageVersions(): PackageVersions {
  const own = ownPackageJson();
  const dependency = (name: string): string => own.dependencies?.[name] ?? own.devDependencies?.[name] ?? "*";
  return {
    pulumiIndustrydata: own.version !== undefined ? `^${own.version}` : "*",
    pulumi: dependency("@pulumi/pulumi"),
    typescript: dependency("typescript"),
    typesNode: dependency("@types/node"),
    tsNode: TS_NODE_VERSION,
  };
}

function ownPackageJson(): PackageJson {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as PackageJson;
      if (parsed.name === "pulumi-industrydata") return parsed;
    }
    if (path.dirname(dir) === dir) return {};
  }
}

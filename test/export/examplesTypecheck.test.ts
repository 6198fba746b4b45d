/**
 * Every example program type-checks against the package's published types, in one tsc run over
 * examples/tsconfig.json (pulumi-industrydata resolved by name through the repo's node_modules link).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../harness";

const examples = path.join(repoRoot(), "examples");

/** The example programs (folders holding a Pulumi.yaml). */
function examplePrograms(): string[] {
  return fs.readdirSync(examples).filter((d) => fs.existsSync(path.join(examples, d, "Pulumi.yaml")));
}

/** Pulumi YAML programs (`runtime: yaml`): no TypeScript to check; test/e2e/yamlDistrict and yamlMultiTenant run them. */
function isYamlProgram(example: string): boolean {
  return /^runtime:\s*yaml\s*$/m.test(fs.readFileSync(path.join(examples, example, "Pulumi.yaml"), "utf8"));
}

test("the examples cover each flow kind, a filtered set, a full district, a district from scratch, the academic-year rollover, multi-tenant stacks, GitOps, and Pulumi YAML (a district, two tenants through explicit providers)", () => {
  expect(examplePrograms().sort()).toEqual(
    expect.arrayContaining([
      "user-flow",
      "class-group-flow",
      "security-group-flow",
      "admin-unit-flow",
      "filtered-flow-set",
      "full-district",
      "district-from-scratch",
      "academic-year-rollover",
      "multi-tenant",
      "gitops",
      "yaml-district",
      "multi-tenant-providers",
    ]),
  );
  expect(["yaml-district", "multi-tenant-providers"].filter(isYamlProgram)).toEqual(["yaml-district", "multi-tenant-providers"]);
  expect(fs.readdirSync(path.join(examples, "multi-tenant")).filter((f) => /^Pulumi\..+\.yaml$/.test(f)).length).toBeGreaterThanOrEqual(2);
});

test("every TypeScript example has what running it alone needs: Pulumi.yaml (main: index.ts), index.ts, package.json, tsconfig.json", () => {
  for (const example of examplePrograms().filter((e) => !isYamlProgram(e))) {
    const folder = path.join(examples, example);
    for (const file of ["index.ts", "package.json", "tsconfig.json"]) expect([example, fs.existsSync(path.join(folder, file))]).toEqual([example, true]);
    expect([example, fs.readFileSync(path.join(folder, "Pulumi.yaml"), "utf8")]).toEqual([example, expect.stringMatching(/^main: index\.ts$/m)]);
  }
});

test("every example type-checks (one tsc run over examples/)", async () => {
  const tsc = path.join(repoRoot(), "node_modules", "typescript", "bin", "tsc");
  const result = await new Promise<{ code: number; output: string }>((resolve) =>
    execFile(process.execPath, [tsc, "-p", path.join(examples, "tsconfig.json")], (error, stdout, stderr) =>
      resolve({ code: error ? 1 : 0, output: `${stdout}${stderr}` }),
    ),
  );
  expect(result).toEqual({ code: 0, output: "" });
});

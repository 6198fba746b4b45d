/**
 * Every GitHub Actions workflow in the repository (the release workflow, the GitOps template's in
 * examples/gitops) passes actionlint, built from the Go module registry by scripts/actionlint-install.js
 * (.ci/run builds it before the tests). Missing: skipped with a notice locally, a failing test under CI=true.
 * shellcheck and pyflakes integration is off, so the result does not depend on what else a machine has installed.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { repoRoot } from "../e2e/rootProjectCopy";

const { actionlintPath } = require("../../scripts/actionlint-install.js") as { actionlintPath: string };
const inCi = /^(1|true|yes)$/i.test(process.env.CI ?? "");

/** Every .yml/.yaml under a .github/workflows folder of the repository (node_modules and build output left out). */
function workflowFiles(): string[] {
  const skip = new Set(["node_modules", "dist", ".tools", ".git", ".bench"]);
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name) && path.basename(dir) === "workflows" && path.basename(path.dirname(dir)) === ".github") found.push(full);
    }
  };
  walk(repoRoot);
  return found.sort();
}

/** actionlint on `files`; its exit code and output. */
async function actionlint(files: string[], cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(actionlintPath, ["-shellcheck=", "-pyflakes=", "-no-color", ...files], { cwd });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const { code, stdout, stderr } = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof code === "number" ? code : 1, output: `${stdout ?? ""}${stderr ?? ""}` };
  }
}

const body = (): void => {
  test("the repository's workflows are the release workflow, the GitOps template's three and the nightly upload's", () => {
    expect(workflowFiles().map((f) => path.relative(repoRoot, f))).toEqual([
      ".github/workflows/release.yml",
      "examples/gitops/.github/workflows/drift.yml",
      "examples/gitops/.github/workflows/preview.yml",
      "examples/gitops/.github/workflows/up.yml",
      "examples/nightly-upload/.github/workflows/nightly-upload.yml",
    ]);
  });

  test("actionlint finds nothing in any of them", async () => {
    // Each from its own repository root, so a local action (./.github/actions/setup) resolves as GitHub would.
    const roots = [...new Set(workflowFiles().map((f) => path.dirname(path.dirname(path.dirname(f)))))];
    for (const root of roots) {
      const files = workflowFiles().filter((f) => f.startsWith(`${root}${path.sep}.github${path.sep}`)).map((f) => path.relative(root, f));
      expect({ root: path.relative(repoRoot, root) || ".", ...(await actionlint(files, root)) }).toEqual({ root: path.relative(repoRoot, root) || ".", code: 0, output: "" });
    }
  });

  test("actionlint fails a workflow with an unknown expression context, naming it (the check can fail)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-actionlint-"));
    try {
      fs.mkdirSync(path.join(dir, ".github", "workflows"), { recursive: true });
      const file = path.join(".github", "workflows", "broken.yml");
      fs.writeFileSync(path.join(dir, file), "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nothing_here }}\n");
      const result = await actionlint([file], dir);
      expect(result.code).not.toBe(0);
      expect(result.output).toContain("nothing_here");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
};

if (fs.existsSync(actionlintPath)) {
  describe("GitHub Actions workflows under actionlint", body);
} else if (inCi) {
  test("actionlint is built (CI lints every workflow, never skips it)", () => {
    throw new Error(`no ${actionlintPath}: .ci/run must run \`node scripts/actionlint-install.js\` before \`npm test\``);
  });
} else {
  console.warn(`skipping the actionlint checks: no ${actionlintPath} (node scripts/actionlint-install.js builds it)`);
  describe.skip("GitHub Actions workflows under actionlint", body);
}

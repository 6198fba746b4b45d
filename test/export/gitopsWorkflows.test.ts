/**
 * The GitOps example's GitHub Actions workflows say what the README promises: preview on pull requests, up on
 * main, a scheduled drift check with `--refresh --expect-no-changes`, and sign-in by workload identity federation
 * (OIDC token, azure/login with client and tenant ids) with no stored secret anywhere.
 */
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../harness";

// js-yaml: the YAML parser @pulumi/pulumi itself depends on (already installed; no types shipped).
const yaml = require("js-yaml") as { load(text: string): unknown };

type Step = { uses?: string; run?: string; with?: Record<string, string> };
type Workflow = {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};

const gitops = path.join(repoRoot(), "examples", "gitops", ".github");
const nightlyUpload = path.join(repoRoot(), "examples", "nightly-upload", ".github", "workflows", "nightly-upload.yml");
const read = (file: string) => fs.readFileSync(path.join(gitops, file), "utf8");
const workflow = (name: string) => yaml.load(read(`workflows/${name}`)) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);
const commands = (w: Workflow) => steps(w).map((s) => s.run ?? "").join("\n");

const files = ["workflows/preview.yml", "workflows/up.yml", "workflows/drift.yml", "actions/setup/action.yml"];

test.each(files)("%s holds no stored secret (no secrets.* reference, no client secret or Pulumi token)", (file) => {
  const text = read(file);
  expect(text).not.toMatch(/secrets\./);
  expect(text).not.toMatch(/client-secret|AZURE_CLIENT_SECRET|PULUMI_ACCESS_TOKEN|PULUMI_CONFIG_PASSPHRASE|creds:/);
});

test.each(["preview.yml", "up.yml", "drift.yml"])("%s asks for the OIDC token and signs in through the shared setup", (name) => {
  const w = workflow(name);
  expect(w.permissions["id-token"]).toBe("write");
  const uses = steps(w).map((s) => s.uses);
  expect(uses.indexOf("actions/checkout@v4")).toBeLessThan(uses.indexOf("./.github/actions/setup"));
  const setup = steps(w).find((s) => s.uses === "./.github/actions/setup");
  expect(Object.keys(setup?.with ?? {}).sort()).toEqual(["client-id", "subscription-id", "tenant-id"]);
});

test("the setup action signs in with azure/login from client and tenant ids only (federated credential)", () => {
  const action = yaml.load(read("actions/setup/action.yml")) as { runs: { steps: Step[] } };
  const login = action.runs.steps.find((s) => s.uses?.startsWith("azure/login@"));
  expect(Object.keys(login?.with ?? {}).sort()).toEqual(["client-id", "subscription-id", "tenant-id"]);
});

test("preview runs on pull requests and only previews", () => {
  const w = workflow("preview.yml");
  expect(Object.keys(w.on)).toEqual(["pull_request"]);
  expect(commands(w)).toMatch(/pulumi preview --stack prod/);
  expect(commands(w)).not.toMatch(/pulumi (up|destroy|refresh)/);
});

test("up runs on pushes to main", () => {
  const w = workflow("up.yml");
  expect(w.on.push).toEqual({ branches: ["main"] });
  expect(commands(w)).toMatch(/pulumi up --stack prod --yes/);
});

test("the drift check is scheduled and fails on any change after a refresh", () => {
  const w = workflow("drift.yml");
  expect(Array.isArray(w.on.schedule)).toBe(true);
  const preview = commands(w).split("\n").find((line) => line.includes("pulumi preview"));
  expect(preview).toMatch(/--refresh/);
  expect(preview).toMatch(/--expect-no-changes/);
});

test("after the drift check, the nightly job runs `industrydata health` (whatever the drift check found) and reports a failure", () => {
  const w = workflow("drift.yml");
  const all = steps(w) as (Step & { id?: string; if?: string; name?: string })[];
  const drift = all.findIndex((s) => s.id === "drift");
  const health = all.findIndex((s) => s.id === "health");
  expect(health).toBeGreaterThan(drift);
  expect(all[health].run).toMatch(/npx industrydata health --max-errors "\$MAX_ERRORS" --max-unmatched-users "\$MAX_UNMATCHED_USERS"/);
  expect(all[health].if).toBe("${{ !cancelled() }}");
  expect(all.some((s) => s.if === "failure() && steps.health.outcome == 'failure'" && /gh issue create/.test(s.run ?? ""))).toBe(true);
});

test("examples/nightly-upload is scheduled, signs in with OIDC only, and runs upload, then runs start --wait, then the health gate", () => {
  const text = fs.readFileSync(nightlyUpload, "utf8");
  expect(text).not.toMatch(/secrets\./);
  expect(text).not.toMatch(/client-secret|AZURE_CLIENT_SECRET|INDUSTRYDATA_ACCESS_TOKEN|INDUSTRYDATA_CLIENT_SECRET/);
  const w = yaml.load(text) as Workflow;
  expect(Array.isArray(w.on.schedule)).toBe(true);
  expect(w.permissions["id-token"]).toBe("write");
  const runs = steps(w).map((s) => s.run ?? "");
  const at = (pattern: RegExp) => runs.findIndex((r) => pattern.test(r));
  expect(at(/fetch-sis-export\.sh sis-export/)).toBeGreaterThan(-1);
  expect(at(/npx industrydata upload "\$CONNECTOR_ID" sis-export/)).toBeGreaterThan(at(/fetch-sis-export\.sh/));
  expect(at(/npx industrydata runs start --wait/)).toBeGreaterThan(at(/industrydata upload/));
  expect(at(/npx industrydata health --max-errors/)).toBeGreaterThan(at(/runs start --wait/));
  const login = steps(w).find((s) => s.uses?.startsWith("azure/login@"));
  expect(Object.keys(login?.with ?? {}).sort()).toEqual(["allow-no-subscriptions", "client-id", "tenant-id"]);
});

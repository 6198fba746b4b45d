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

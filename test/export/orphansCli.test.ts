/**
 * `industrydata orphans` as users run it (the built bin in its own Node process) against an emulator holding a
 * stack's entities plus planted extras: a flow set and a flow made in the portal, a source system an interrupted
 * `up` left (the state's pending create matches it), a tenant-defined reference definition. The stack's state is
 * a `pulumi stack export` document naming resources of both front ends (plugin and dynamic type tokens).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator } from "../../emulator";
import { repoRoot } from "../harness";
import { TEST_TOKENS } from "../support/testSecrets";

const TOKEN = TEST_TOKENS.orphans;
const bin = path.join(repoRoot(), "dist", "provider", "cli", "export.js");
const FLOW_SETS = "/external/industryData/outboundProvisioningFlowSets";
const NS = "#microsoft.graph.industryData.";

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
let scratch: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function industrydata(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? "", ORPHANS_TOKEN: TOKEN } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input ?? "");
  });
}

async function post(collection: string, body: object): Promise<string> {
  const res = await fetch(`${emulator.graphUrl}${collection}`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${collection}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

const securityGroupFlow = { "@odata.type": `${NS}securityGroupProvisioningFlow`, creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } };
const userFlow = {
  "@odata.type": `${NS}userProvisioningFlow`,
  createUnmatchedUsers: false,
  managementOptions: { additionalAttributes: [], additionalOptions: { studentAgeGroup: null, allowStudentContactAssociation: false } },
};

let ids: Record<string, string>;
let stateFile: string;

beforeAll(async () => {
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` first (npm test does)`);
  emulator = await startEmulator({ staticToken: TOKEN });
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-orphans-"));
  // What the stack manages: a set with a security-group flow (plugin), a source system and a year (dynamic).
  const managedSet = await post(FLOW_SETS, { displayName: "Managed set" });
  const managedFlow = await post(`${FLOW_SETS}/${managedSet}/provisioningFlows`, securityGroupFlow);
  const managedSis = await post("/external/industryData/sourceSystems", { displayName: "Managed SIS" });
  const managedYear = await post("/external/industryData/years", { displayName: "School year 2025-26", startDate: "2025-09-01", endDate: "2026-06-30", year: { code: "2025" } });
  // Planted: made in the portal, and what an interrupted `up` left.
  const portalSet = await post(FLOW_SETS, { displayName: "Portal set" });
  const portalFlow = await post(`${FLOW_SETS}/${managedSet}/provisioningFlows`, userFlow);
  const interruptedSis = await post("/external/industryData/sourceSystems", { displayName: "Second SIS" });
  await post("/external/industryData/referenceDefinitions", { referenceType: "RefGradeLevel", code: "TestGrade", displayName: "Test grade", sortIndex: 300, isDisabled: false });
  ids = { managedSet, managedFlow, managedSis, managedYear, portalSet, portalFlow, interruptedSis };

  const urn = (type: string, name: string) => `urn:pulumi:prod::district::${type}::${name}`;
  const exported = {
    version: 3,
    deployment: {
      resources: [
        { urn: urn("pulumi:pulumi:Stack", "district-prod"), type: "pulumi:pulumi:Stack" },
        { urn: urn("pulumi:providers:industrydata", "default"), type: "pulumi:providers:industrydata", id: "p1", inputs: { graphEndpoint: emulator.graphUrl } },
        { urn: urn("industrydata:index:OutboundProvisioningFlowSet", "set"), type: "industrydata:index:OutboundProvisioningFlowSet", id: managedSet },
        { urn: urn("industrydata:index:SecurityGroupProvisioningFlow", "groups"), type: "industrydata:index:SecurityGroupProvisioningFlow", id: `${managedSet}/${managedFlow}` },
        { urn: urn("pulumi-nodejs:dynamic/industrydata:SourceSystemDefinition", "sis"), type: "pulumi-nodejs:dynamic/industrydata:SourceSystemDefinition", id: managedSis },
        { urn: urn("pulumi-nodejs:dynamic/industrydata:YearTimePeriodDefinition", "year"), type: "pulumi-nodejs:dynamic/industrydata:YearTimePeriodDefinition", id: managedYear },
      ],
      pending_operations: [
        {
          type: "creating",
          resource: { urn: urn("industrydata:index:SourceSystemDefinition", "second-sis"), type: "industrydata:index:SourceSystemDefinition", inputs: { displayName: "Second SIS" } },
        },
      ],
    },
  };
  stateFile = path.join(scratch, "stack.json");
  fs.writeFileSync(stateFile, JSON.stringify(exported));
});

afterAll(async () => {
  await emulator?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

interface ListedOrphan {
  resourceName: string;
  id: string;
  displayName?: string;
  pendingCreate?: string;
  commands: { takeOver?: string; import: string; adopt: string; delete: string };
}

describe("industrydata orphans", () => {
  test("--json lists exactly the planted entities (not the managed ones, not Graph's built-in reference definitions), each with its commands", async () => {
    // The endpoint is the stack's own (its provider's graphEndpoint): only the credential is given.
    const run = await industrydata(["orphans", "--state", stateFile, "--token-env", "ORPHANS_TOKEN", "--json"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const orphans = JSON.parse(run.stdout) as ListedOrphan[];
    expect(orphans.map((o) => [o.resourceName, o.id]).sort()).toEqual(
      [
        ["OutboundProvisioningFlowSet", ids.portalSet],
        ["UserProvisioningFlow", `${ids.managedSet}/${ids.portalFlow}`],
        ["SourceSystemDefinition", ids.interruptedSis],
        ["ReferenceDefinition", "RefGradeLevel-TestGrade"],
      ].sort(),
    );
    const byId = Object.fromEntries(orphans.map((o) => [o.id, o]));
    // The interrupted create's entity: the stack's pending create matches it, so it gets the provider's take-over.
    expect(byId[ids.interruptedSis]).toMatchObject({
      displayName: "Second SIS",
      pendingCreate: "urn:pulumi:prod::district::industrydata:index:SourceSystemDefinition::second-sis",
      commands: {
        takeOver: `pulumi refresh --clear-pending-creates --yes && INDUSTRYDATA_TAKE_OVER=${ids.interruptedSis} pulumi up --yes`,
        import: `pulumi import industrydata:index:SourceSystemDefinition second-sis ${ids.interruptedSis}`,
        adopt: `sourceSystemId: "${ids.interruptedSis}"`,
        delete: `az rest --method DELETE --url ${emulator.graphUrl}/external/industryData/sourceSystems/${ids.interruptedSis}`,
      },
    });
    // Someone else's: no take-over, only import, adopt or delete.
    const flow = byId[`${ids.managedSet}/${ids.portalFlow}`];
    expect(flow.pendingCreate).toBeUndefined();
    expect(flow.commands.takeOver).toBeUndefined();
    expect(flow.commands.adopt).toBe(`flowSetId: "${ids.managedSet}", flowId: "${ids.portalFlow}"`);
    expect(flow.commands.delete).toBe(`az rest --method DELETE --url ${emulator.graphUrl}${FLOW_SETS}/${ids.managedSet}/provisioningFlows/${ids.portalFlow}`);
    expect(byId[ids.portalSet].commands.import).toBe(`pulumi import industrydata:index:OutboundProvisioningFlowSet portal-set ${ids.portalSet}`);
  });

  test("the human table (the state read from stdin): a row per orphan, its commands below it", async () => {
    const run = await industrydata(["orphans", "--state", "-", "--token-env", "ORPHANS_TOKEN"], fs.readFileSync(stateFile, "utf8"));
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain(`4 entities in ${emulator.graphUrl} that stack prod does not manage:`);
    expect(run.stdout).toMatch(/^KIND\s+ID\s+NAME\s+NOTE$/m);
    expect(run.stdout).toMatch(new RegExp(`^SourceSystemDefinition\\s+${ids.interruptedSis}\\s+Second SIS\\s+interrupted create$`, "m"));
    expect(run.stdout).toContain(`    take over: pulumi refresh --clear-pending-creates --yes && INDUSTRYDATA_TAKE_OVER=${ids.interruptedSis} pulumi up --yes`);
    expect(run.stdout).toContain(`    delete:    az rest --method DELETE --url ${emulator.graphUrl}${FLOW_SETS}/${ids.portalSet}`);
    expect(run.stdout).not.toContain(ids.managedSis);
    expect(run.stdout).not.toContain(TOKEN);
  });

  test("a file that is no stack export fails naming what it expected, before any Graph request", async () => {
    const bad = path.join(scratch, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ resources: [] }));
    await fetch(`${emulator.adminUrl}/requests`, { method: "DELETE" });
    const run = await industrydata(["orphans", "--state", bad, "--token-env", "ORPHANS_TOKEN"]);
    expect(await (await fetch(`${emulator.adminUrl}/requests`)).json()).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("industrydata orphans failed: the state is not the output of `pulumi stack export` (no `deployment`)");
  });
});

/**
 * The operational commands as a nightly job runs them: the built `industrydata` bin in its own Node process
 * against the emulator, whose upload sessions are real SAS URLs into Azurite, whose `validate` checks the
 * uploaded SDS v2.1 files and whose runs progress on its clock (run fast here, so a run lasts 60 ms). Every
 * output goes to the suite's leak scan (a SAS signature, the token).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../harness";
import { createInboundChain, createIn, flowBodies, IDATA, inboundBodies, startTestEmulator, TOKEN, type TestEmulator } from "../emulator/helpers";
import { scanKeptOutput } from "../support/scanKeptOutput";
import { TEST_CLIENT_SECRETS } from "../support/testSecrets";

const bin = path.join(repoRoot(), "dist", "provider", "cli", "export.js");
/** Polls as fast as the emulator's Retry-After (0 on a fast clock) allows. */
const FAST = ["--poll-interval", "0.05"];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let emu: TestEmulator;
let scratch: string;

/** Runs the bin against the emulator; its output is handed to the leak scan. */
function industrydata(args: string[]): Promise<Run> {
  const env = { PATH: process.env.PATH ?? "", INDUSTRYDATA_GRAPH_ENDPOINT: emu.graphUrl, INDUSTRYDATA_ACCESS_TOKEN: TOKEN };
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      scanKeptOutput({ source: `industrydata ${args[0]}`, text: `${stdout}\n${stderr}`, secrets: [TOKEN] });
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** An SDS v2.1 file set as file name → lines. */
type FileSet = Record<string, string[]>;

/**
 * A small district: two orgs, four users (two students, a teacher, a teacher's assistant), their roles, one class
 * with its enrollments. Three of the users exist in Entra (see `entraUsers`), the assistant does not.
 */
function goodSet(): FileSet {
  return {
    "orgs.csv": ["sourcedId,name,type,parentSourcedId", "d1,Contoso District,district,", "s1,Contoso High,school,d1"],
    "users.csv": [
      "sourcedId,username,givenName,familyName,email",
      "u1,ana@contoso.edu,Ana,Ito,ana@contoso.edu",
      "u2,ben@contoso.edu,Ben,Kaya,ben@contoso.edu",
      "u3,cho@contoso.edu,Cho,Lee,cho@contoso.edu",
      "u4,dee@contoso.edu,Dee,Moss,",
    ],
    "roles.csv": ["userSourcedId,orgSourcedId,role,isPrimary", "u1,s1,student,true", "u2,s1,student,true", "u3,s1,teacher,true", "u4,s1,teacherAssistant,true"],
    "classes.csv": ["sourcedId,orgSourcedId,title", "c1,s1,Algebra I"],
    "enrollments.csv": ["classSourcedId,userSourcedId,role", "c1,u1,student", "c1,u2,student", "c1,u3,teacher"],
  };
}
const entraUsers = [{ userPrincipalName: "ana@contoso.edu" }, { userPrincipalName: "ben@contoso.edu" }, { userPrincipalName: "cho@contoso.edu" }];

/** Writes a file set to a new folder; `undefined` lines drop the file. */
function folderOf(name: string, set: Record<string, string[] | undefined>): string {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, lines] of Object.entries(set)) if (lines !== undefined) fs.writeFileSync(path.join(dir, file), `${lines.join("\n")}\n`);
  return dir;
}

interface Logged {
  method: string;
  path: string;
  query?: unknown;
}

async function graphRequests(): Promise<Logged[]> {
  const all = (await emu.admin("GET", "/requests")).body as Logged[] | { value: Logged[] };
  return (Array.isArray(all) ? all : all.value).filter((r) => r.path.startsWith("/beta/"));
}

async function freshTenant(): Promise<{ connectorId: string; sourceSystemId: string }> {
  await emu.admin("POST", "/reset");
  await emu.admin("PUT", "/entra-users", entraUsers);
  const chain = await createInboundChain(emu);
  await emu.admin("DELETE", "/requests");
  return { connectorId: chain.connectorId, sourceSystemId: chain.sourceSystemId };
}

beforeAll(async () => {
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` first (npm test does)`);
  // A run lasts 60 s and a validation 10 s on the emulator's clock: at 1000x, 60 ms and 10 ms.
  emu = await startTestEmulator({ clockSpeed: 1000 });
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-operational-"));
});

afterAll(async () => {
  await emu?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe("a good SDS v2.1 file set: upload, validate, run, health", () => {
  let connectorId: string;
  beforeAll(async () => {
    ({ connectorId } = await freshTenant());
  });

  test("upload checks the folder, uploads to the session's SAS URL, validates clean, and prints the URL with its signature redacted", async () => {
    const run = await industrydata(["upload", connectorId, folderOf("good", goodSet()), ...FAST]);
    expect(run.stderr).not.toMatch(/industrydata upload:/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("classes.csv (1 row), enrollments.csv (3 rows), orgs.csv (2 rows), roles.csv (4 rows), users.csv (4 rows); 0 error(s)");
    expect(run.stdout).toMatch(/Uploaded classes\.csv, enrollments\.csv, orgs\.csv, roles\.csv, users\.csv to http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\/[0-9a-f-]+\?.*sig=\[REDACTED\]/);
    expect(run.stdout).toMatch(new RegExp(`Validation of data connector ${connectorId}: valid`));
    expect(run.stdout).toContain("Files validated: classes.csv, enrollments.csv, orgs.csv, roles.csv, users.csv");
    // What was sent: the session (a new container), the five files to Azurite (not Graph), validate, its polls.
    const logged = await graphRequests();
    const graph = logged.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, "{id}")}`);
    const session = logged.find((r) => r.path.endsWith("/getUploadSession"));
    expect(session?.path).toBe(`/beta${IDATA}/dataConnectors/${connectorId}/microsoft.graph.industryData.azureDataLakeConnector/getUploadSession`);
    expect(JSON.stringify(session?.query)).toMatch(/resetSession.{0,4}true/);
    expect(graph).toContain("POST /beta/external/industryData/dataConnectors/{id}/microsoft.graph.industryData.validate");
    expect(graph.filter((r) => r.startsWith("PATCH") || r.startsWith("DELETE"))).toEqual([]);
  });

  test("validate --json of the same connector: the operation, valid, with the files it read", async () => {
    const run = await industrydata(["validate", connectorId, "--json", ...FAST]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ connectorId, status: "succeeded", valid: true, errors: [] });
    expect(result.validatedFiles).toEqual(["classes.csv", "enrollments.csv", "orgs.csv", "roles.csv", "users.csv"]);
  });

  test("runs start --wait: the run completes and its statistics match the data (4 people, 3 matched, the assistant unmatched)", async () => {
    const run = await industrydata(["runs", "start", "--wait", "--json", ...FAST]);
    expect(run.code).toBe(0);
    const { started, run: info } = JSON.parse(run.stdout);
    expect(started).toBe(true);
    expect(info.status).toBe("completed");
    expect(info.endDateTime).not.toBeNull();
    expect(info.statistics).toMatchObject({
      errors: 0,
      warnings: 0,
      people: { total: 4 },
      organizations: { total: 2 },
      groups: { total: 1 },
      memberships: { total: 7 },
      matchedPeople: 3,
      unmatchedPeople: 1,
      matchedPeopleByRole: [{ role: "student", count: 2 }, { role: "teacher", count: 1 }],
      unmatchedPeopleByRole: [{ role: "teacherAssistant", count: 1 }],
    });
    expect(info.activities).toEqual([
      expect.objectContaining({ displayName: "Inbound rostering flow", status: "completed", statistics: expect.objectContaining({ people: { active: 4, inactive: 0, total: 4 }, matchedPeople: 3 }) }),
    ]);
  });

  test("runs status prints the run, a row per activity with its counts, and the totals", async () => {
    const run = await industrydata(["runs", "status"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Run [0-9a-f-]{36} Run .*: completed$/m);
    expect(run.stdout).toMatch(/^ACTIVITY\s+STATUS\s+PEOPLE\s+MATCHED\s+UNMATCHED\s+ERRORS\s+WARNINGS$/m);
    expect(run.stdout).toMatch(/^Inbound rostering flow\s+completed\s+4\s+3\s+1\s+0\s+0$/m);
    expect(run.stdout).toContain("Totals: 4 people, 2 organizations, 1 groups, 7 memberships; matched 3 (student 2, teacher 1), unmatched 1 (teacherAssistant 1); 0 error(s), 0 warning(s)");
  });

  test.each([
    ["above the threshold: exit 1", "0", 1, /unmatched users\s+FAIL\s+1 \(teacherAssistant 1\), more than --max-unmatched-users 0/],
    ["at the threshold: exit 0", "1", 0, /unmatched users\s+PASS\s+1 \(teacherAssistant 1\) \(limit 1\)/],
  ])("health with --max-unmatched-users %s", async (_name, limit, code, line) => {
    const run = await industrydata(["health", "--max-unmatched-users", limit]);
    expect(run.stdout).toMatch(line);
    expect(run.stdout).toMatch(/connector "CSV connector"\s+PASS\s+last validation succeeded \(5 file\(s\)/);
    expect(run.stdout).toMatch(/inbound flow "Inbound rostering flow"\s+PASS\s+ready/);
    expect(run.code).toBe(code);
  });

  test.each([
    ["errors above the threshold: exit 1", "2", 1, "FAIL    3, more than --max-errors 2"],
    ["errors below the threshold: exit 0", "5", 0, "PASS    3 (limit 5)"],
  ])("health on a run completed with 3 errors, %s", async (_name, limit, code, detail) => {
    await emu.admin("POST", "/runs", { status: "completedWithErrors", statistics: { errors: 3, warnings: 0, people: 4, organizations: 2, groups: 1, memberships: 7, matchedPeopleByRole: [{ role: "student", count: 2 }], unmatchedPeopleByRole: [] } });
    const run = await industrydata(["health", "--max-errors", limit, "--json"]);
    expect(run.code).toBe(code);
    const report = JSON.parse(run.stdout);
    expect(report.lastRun.status).toBe("completedWithErrors");
    expect(report.healthy).toBe(code === 0);
    const human = await industrydata(["health", "--max-errors", limit]);
    expect(human.stdout).toMatch(new RegExp(`^last run errors\\s+${detail.replace(/[()]/g, "\\$&").replace(/ +/g, "\\s+")}$`, "m"));
    expect(human.code).toBe(code);
  });
  test("runs status --wait follows a running run until it finishes", async () => {
    // A frozen clock: the run stays running (Retry-After 5) until the test moves the clock past its 60 s.
    await emu.admin("PUT", "/clock", { speed: 0 });
    try {
      const started = await industrydata(["runs", "start", "--json"]);
      expect(started.code).toBe(0);
      const { run } = JSON.parse(started.stdout);
      expect(run.status).toBe("running");
      expect(run.endDateTime).toBeNull();
      const waiting = industrydata(["runs", "status", run.id, "--wait", "--json", ...FAST]);
      // Let the command read the run at least once while it is running, then let the run finish.
      for (let i = 0; i < 100 && !(await graphRequests()).some((r) => r.method === "GET" && r.path.endsWith(`/runs/${run.id}`)); i++) await new Promise((r) => setTimeout(r, 100));
      await emu.admin("POST", "/clock/advance", { seconds: 61 });
      const done = await waiting;
      expect(done.code).toBe(0);
      // Read while running, then again after the clock moved: it followed the run rather than reading once.
      expect((await graphRequests()).filter((r) => r.method === "GET" && r.path.endsWith(`/runs/${run.id}`)).length).toBeGreaterThanOrEqual(2);
      expect(JSON.parse(done.stdout)).toMatchObject({ id: run.id, status: "completed", statistics: { people: { total: 4 }, unmatchedPeople: 1 } });
    } finally {
      await emu.admin("PUT", "/clock", { speed: 1000 });
    }
  });
});

describe("a broken file set is refused locally, naming the file and line, and nothing is sent", () => {
  let connectorId: string;
  beforeAll(async () => {
    ({ connectorId } = await freshTenant());
  });

  test.each<[string, Record<string, string[] | undefined>, RegExp]>([
    ["a missing orgs.csv", { "orgs.csv": undefined }, /error\s+orgs\.csv\s+RequiredFileNotFound\s+the required file orgs\.csv is missing/],
    [
      "a user whose org id is unknown",
      { "roles.csv": ["userSourcedId,orgSourcedId,role", "u1,s1,student", "u2,s9,student", "u3,s1,teacher", "u4,s1,teacherAssistant"] },
      /error\s+roles\.csv:3\s+UnknownReference\s+orgSourcedId "s9" names no record of orgs\.csv/,
    ],
    [
      "a bad header",
      { "users.csv": ["SourcedId,username,givenName,familyName", "u1,ana@contoso.edu,Ana,Ito", "u2,ben@contoso.edu,Ben,Kaya", "u3,cho@contoso.edu,Cho,Lee", "u4,dee@contoso.edu,Dee,Moss"] },
      /error\s+users\.csv:1\s+MissingRequiredHeader\s+header "SourcedId" must be spelled "sourcedId" \(headers are case-sensitive\)/,
    ],
  ])("%s: exit 1, the file and line named, no request to Graph", async (name, change, line) => {
    await emu.admin("DELETE", "/requests");
    const run = await industrydata(["upload", connectorId, folderOf(name.replace(/\W+/g, "-"), { ...goodSet(), ...change }), ...FAST]);
    expect(run.stdout).toMatch(line);
    expect(run.stderr).toMatch(/industrydata upload: refused: \d+ error\(s\) in .*; nothing was uploaded/);
    expect(run.code).toBe(1);
    expect(await graphRequests()).toEqual([]);
  });

  test("--skip-local-checks uploads the set anyway: the service's validation fails it, naming the file and line; exit 1", async () => {
    const broken = { ...goodSet(), "roles.csv": ["userSourcedId,orgSourcedId,role", "u1,s1,student", "u2,s9,student", "u3,s1,teacher", "u4,s1,teacherAssistant"] };
    const run = await industrydata(["upload", connectorId, folderOf("skip-checks", broken), "--skip-local-checks", "--json", ...FAST]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.localCheck.errors).toEqual([expect.objectContaining({ code: "UnknownReference", file: "roles.csv", line: 3 })]);
    expect(report.validation.valid).toBe(false);
    expect(report.validation.errors).toEqual([expect.objectContaining({ file: "roles.csv", line: 3 })]);
    expect(report.session.sessionUrl).toMatch(/sig=\[REDACTED\]/);
    const human = await industrydata(["validate", connectorId, ...FAST]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/NOT valid \(succeeded with errors\)/);
    expect(human.stdout).toMatch(/^error\s+roles\.csv:3\s+\w+\s+roles\.csv line 3:/m);
  });
});

describe("runs start respects Graph's limit; reset asks for confirmation; validate takes API connectors", () => {
  let sourceSystemId: string;
  beforeAll(async () => {
    ({ sourceSystemId } = await freshTenant());
  });

  test("with 5 successful runs in the last 12 hours, runs start is refused before any request, saying when the next is possible", async () => {
    for (let i = 0; i < 5; i++) await emu.admin("POST", "/runs", { status: "completed" });
    await emu.admin("DELETE", "/requests");
    const run = await industrydata(["runs", "start"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/industrydata runs start: the on-demand run limit is reached: Graph allows 5 successful runs per 12 hours and 5 ran since .*; the next start is possible after \S+ \(no request was sent\)/);
    expect((await graphRequests()).filter((r) => r.method === "POST")).toEqual([]);
  });

  test("reset without --yes sends nothing; with --yes it POSTs the flow's reset", async () => {
    const setId = await emu.createSet();
    const flowId = await emu.createFlow(setId, flowBodies.securityGroup());
    await emu.admin("DELETE", "/requests");
    const refused = await industrydata(["reset", `${setId}/${flowId}`]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Run again with --yes to do it; nothing was sent.");
    expect(await graphRequests()).toEqual([]);
    const done = await industrydata(["reset", `${setId}/${flowId}`, "--yes"]);
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(done.stdout).toBe(`Reset requested for securityGroupProvisioningFlow ${flowId} in flow set ${setId}: Graph reprocesses all of its data on the next run.\n`);
    expect((await graphRequests()).filter((r) => r.method === "POST").map((r) => r.path)).toEqual([`/beta${IDATA}/outboundProvisioningFlowSets/${setId}/provisioningFlows/${flowId}/reset`]);
  });

  test("validate of a OneRoster connector checks its credential (e.g. after a rotation): valid, exit 0", async () => {
    const id = await createIn(emu, "dataConnectors", inboundBodies.oneRosterConnector(sourceSystemId, TEST_CLIENT_SECRETS.emulatorOneRoster));
    const run = await industrydata(["validate", id, ...FAST]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Validation of data connector ${id}: valid`));
  });
});

/**
 * Runs: runs/start (202, Location), progress on the emulator's clock, activities and getStatistics derived
 * from the data last validated clean and the configuration (matching settings, role groups, Entra users),
 * the limit of five runs every 12 hours, and planted runs for tests of what reads them.
 */
import { bindUrl, createIn, IDATA, inboundBodies, NS, startTestEmulator, TestEmulator } from "./helpers";
import { advanceClock, FileSet, freezeClock, goodFileSet, uploadFileSet, validateNow, withFile } from "./sdsFiles";
import { TEST_CLIENT_SECRETS } from "../support/testSecrets";

const RUNS = `${IDATA}/runs`;
const ENTRA = [
  { userPrincipalName: "ana@contoso.edu", mail: "ana@contoso.edu" },
  { userPrincipalName: "cho@contoso.edu" },
];
const setting = (roleGroup: string, priorityOrder: number) => ({
  matchTarget: { code: "userPrincipalName" }, priorityOrder, "roleGroup@odata.bind": bindUrl("roleGroups", roleGroup), sourceIdentifier: { code: "username" },
});

/** The good set plus one users.csv row and, optionally, its roles.csv row. */
function withUser(userRow: string, roleRow?: string): FileSet {
  const set = goodFileSet();
  const out = withFile(set, "users.csv", `${set["users.csv"]}\n${userRow}`);
  return roleRow ? withFile(out, "roles.csv", `${set["roles.csv"]}\n${roleRow}`) : out;
}

describe("emulator runs", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());
  beforeEach(async () => {
    await emu.admin("POST", "/reset");
    await freezeClock(emu);
    await emu.admin("PUT", "/entra-users", ENTRA);
  });

  /** Source system (with `settings`), CSV connector, year and file flow; optionally the files uploaded and validated. */
  async function fileFlow(options: { settings?: unknown[]; files?: FileSet; flow?: Record<string, unknown> } = {}) {
    const ss = await createIn(emu, "sourceSystems", { displayName: "SIS", userMatchingSettings: options.settings ?? [setting("staff", 0), setting("students", 1)] });
    const connectorId = await createIn(emu, "dataConnectors", inboundBodies.csvConnector(ss));
    const yearId = await createIn(emu, "years", inboundBodies.year());
    const flowId = await createIn(emu, "inboundFlows", { ...inboundBodies.fileFlow(connectorId, yearId), ...(options.flow ?? {}) });
    if (options.files) {
      await uploadFileSet(emu, connectorId, options.files);
      const op = await validateNow(emu, connectorId);
      expect(op.errors).toEqual([]);
    }
    return { connectorId, flowId };
  }

  async function startRun(): Promise<string> {
    const r = await emu.graph("POST", `${RUNS}/start`);
    if (r.status !== 202) throw new Error(`start: ${r.status} ${JSON.stringify(r.body)}`);
    return r.headers.get("location")!.split("/").pop()!;
  }

  async function completedStatistics(runId: string) {
    await advanceClock(emu, 60);
    return (await emu.graph("GET", `${RUNS}/${runId}/getStatistics`)).body;
  }

  test("start answers 202 with a Location; the run is running, then completes on the clock with statistics matching the data", async () => {
    const { flowId } = await fileFlow({ files: goodFileSet() });
    const r = await emu.graph("POST", `${RUNS}/start`);
    expect(r.status).toBe(202);
    expect(r.headers.get("location")).toMatch(new RegExp(`^${emu.graphUrl}${RUNS}/[0-9a-f-]{36}$`));
    const url = r.headers.get("location")!;
    const running = await emu.graph("GET", `${url}?$expand=activities`);
    expect(running.body).toMatchObject({ "@odata.type": `${NS}industryDataRun`, status: "running", endDateTime: null, blockingError: null });
    expect(running.body.displayName).toMatch(/^Run \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    expect(running.body.activities).toEqual([{ "@odata.type": `${NS}inboundFlowActivity`, id: expect.any(String), displayName: "Inbound rostering flow", status: "inProgress", blockingError: null }]);
    expect(running.headers.get("retry-after")).toBe("5");
    const during = (await emu.graph("GET", `${url}/getStatistics`)).body;
    expect(during).toMatchObject({ status: "running", inboundTotals: { people: 0, errors: 0 } });
    expect(during.activityStatistics[0]).toMatchObject({ status: "inProgress", people: { active: 0, inactive: 0, total: 0 } });

    await advanceClock(emu, 60);
    const done = (await emu.graph("GET", url)).body;
    expect(done.status).toBe("completed");
    expect(Date.parse(done.endDateTime) - Date.parse(done.startDateTime)).toBe(60_000);
    const stats = (await emu.graph("GET", `${url}/microsoft.graph.industryData.getStatistics`)).body;
    expect(stats).toMatchObject({
      "@odata.type": `${NS}industryDataRunStatistics`,
      runId: done.id,
      status: "completed",
      inboundTotals: {
        errors: 0, warnings: 0, organizations: 2, people: 4, groups: 1, memberships: 8,
        // ana (student) and cho (teacher) are in Entra; ben (student) and dee (paraprofessional) are not
        matchedPeopleByRole: [{ role: "student", count: 1 }, { role: "teacher", count: 1 }],
        unmatchedPeopleByRole: [{ role: "paraprofessional", count: 1 }, { role: "student", count: 1 }],
      },
    });
    expect(stats.activityStatistics).toEqual([expect.objectContaining({
      "@odata.type": `${NS}inboundActivityResults`, displayName: "Inbound rostering flow", status: "completed", errors: 0, warnings: 0,
      organizations: { active: 2, inactive: 0, total: 2 }, people: { active: 4, inactive: 0, total: 4 },
      groups: { active: 1, inactive: 0, total: 1 }, memberships: { active: 8, inactive: 0, total: 8 },
    })]);
    const activity = (await emu.graph("GET", `${url}/activities`)).body.value[0];
    expect(activity.status).toBe("completed");
    const flow = (await emu.graph("GET", `${url}/activities/${activity.id}/activity`)).body;
    expect(flow).toMatchObject({ "@odata.type": `${NS}inboundFileFlow`, id: flowId });
  });

  test.each<[string, { settings?: unknown[]; files?: FileSet }, string, number, number]>([
    ["a role group without a matching setting drops its people (errors)", { settings: [setting("students", 0)] }, "completedWithErrors", 2, 0],
    ["a role in no role group ('other') is an error", { files: withUser("u5,fay@contoso.edu,Fay,Oz,,", "u5,s1,other,true") }, "completedWithErrors", 1, 0],
    ["a user without any role is a warning", { files: withUser("u6,eve@contoso.edu,Eve,Ng,,") }, "completedWithWarnings", 0, 1],
    ["an optional value dropped at validation is a warning of the run", { files: withFile(goodFileSet(), "roles.csv", String(goodFileSet()["roles.csv"]).replace("u1,s1,student,true", "u1,s1,student,yes")) }, "completedWithWarnings", 0, 1],
  ])("%s", async (_name, options, status, errors, warnings) => {
    await fileFlow({ settings: options.settings, files: options.files ?? goodFileSet() });
    const stats = await completedStatistics(await startRun());
    expect(stats.status).toBe(status);
    expect(stats.inboundTotals).toMatchObject({ errors, warnings });
  });

  test("files that failed validation are not run: the run processes the data last validated clean", async () => {
    const { connectorId } = await fileFlow({ files: goodFileSet() });
    await uploadFileSet(emu, connectorId, withFile(goodFileSet(), "orgs.csv", undefined));
    expect((await validateNow(emu, connectorId)).errors.length).toBeGreaterThan(0);
    expect((await completedStatistics(await startRun())).inboundTotals).toMatchObject({ organizations: 2, people: 4 });
  });

  test("records missing from the next upload become inactive", async () => {
    const { connectorId } = await fileFlow({ files: goodFileSet() });
    await completedStatistics(await startRun());
    const fewer = withFile(withFile(goodFileSet(), "users.csv", String(goodFileSet()["users.csv"]).replace(/\nu2,[^\n]*/, "")), "roles.csv", String(goodFileSet()["roles.csv"]).replace(/\nu2,[^\n]*/, ""));
    await uploadFileSet(emu, connectorId, withFile(fewer, "enrollments.csv", String(goodFileSet()["enrollments.csv"]).replace(/\nc1,u2,[^\n]*/, "")));
    expect((await validateNow(emu, connectorId)).errors).toEqual([]);
    const stats = await completedStatistics(await startRun());
    expect(stats.activityStatistics[0].people).toEqual({ active: 3, inactive: 1, total: 4 });
    expect(stats.activityStatistics[0].memberships).toEqual({ active: 6, inactive: 2, total: 8 });
  });

  test("a file flow whose connector has no validated data fails, with the blocking error on the activity and the run", async () => {
    await fileFlow();
    const runId = await startRun();
    await advanceClock(emu, 60);
    const run = (await emu.graph("GET", `${RUNS}/${runId}?$expand=activities`)).body;
    expect(run).toMatchObject({ status: "failed", blockingError: { code: "NoValidatedData" } });
    expect(run.activities[0]).toMatchObject({ status: "failed", blockingError: { code: "NoValidatedData" } });
  });

  test("an expired flow is skipped; an API flow completes with nothing read, or fails when its credential did not validate", async () => {
    await fileFlow({ files: goodFileSet(), flow: { displayName: "Expired", effectiveDateTime: "2020-01-01T00:00:00Z", expirationDateTime: "2021-01-01T00:00:00Z" } });
    const ss = await createIn(emu, "sourceSystems", inboundBodies.sourceSystem());
    const api = await createIn(emu, "dataConnectors", inboundBodies.oneRosterConnector(ss, TEST_CLIENT_SECRETS.emulatorOneRoster));
    const year = await createIn(emu, "years", inboundBodies.year());
    await createIn(emu, "inboundFlows", { ...inboundBodies.fileFlow(api, year), "@odata.type": `${NS}inboundApiFlow`, displayName: "API" });
    let runId = await startRun();
    await advanceClock(emu, 60);
    const statuses = async (id: string) => Object.fromEntries((await emu.graph("GET", `${RUNS}/${id}/activities`)).body.value.map((a: { displayName: string; status: string }) => [a.displayName, a.status]));
    expect(await statuses(runId)).toEqual({ Expired: "skipped", API: "completed" });
    expect((await emu.graph("GET", `${RUNS}/${runId}`)).body.status).toBe("completed");

    await emu.admin("PUT", "/oneroster-clients", [{ clientId: "530be723-6af3-4952-8658-668fb2598ad7", clientSecret: TEST_CLIENT_SECRETS.emulatorOneRosterRotated }]);
    await validateNow(emu, api);
    runId = await startRun();
    await advanceClock(emu, 60);
    expect(await statuses(runId)).toEqual({ Expired: "skipped", API: "failed" });
    expect((await emu.graph("GET", `${RUNS}/${runId}`)).body).toMatchObject({ status: "failed", blockingError: { code: "InvalidCredential" } });
  });

  test("at most five runs every 12 hours on the emulator's clock: the sixth is a 429 with Retry-After, until the window moves", async () => {
    await fileFlow({ files: goodFileSet() });
    for (let i = 0; i < 5; i++) await completedStatistics(await startRun());
    const refused = await emu.graph("POST", `${RUNS}/start`);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("TooManyRequests");
    expect(refused.body.error.message).toMatch(/At most 5 runs may start every 12 hours; 5 started since .*\. The next run may start at \d{4}-/);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    await advanceClock(emu, 12 * 3600);
    expect((await emu.graph("POST", `${RUNS}/start`)).status).toBe(202);
  });

  test.each([
    ["while a run is running", true, /still running/],
    ["with no inbound flow", false, /no inbound flow/],
  ])("start %s is a 409", async (_name, withFlow, message) => {
    if (withFlow) {
      await fileFlow({ files: goodFileSet() });
      await startRun();
    }
    const r = await emu.graph("POST", `${RUNS}/microsoft.graph.industryData.start`);
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(message);
  });

  test("a planted run reads back as planted; $orderby=startDateTime desc&$top=1 finds the latest; $filter on status", async () => {
    const planted = await emu.admin("POST", "/runs", {
      status: "completedWithErrors", startDateTime: "2026-01-01T00:00:00Z",
      statistics: { errors: 7, people: 40, unmatchedPeopleByRole: [{ role: "student", count: 12 }] },
    });
    expect(planted.status).toBe(201);
    const later = (await emu.admin("POST", "/runs", { status: "completed", startDateTime: "2026-01-02T00:00:00Z" })).body;
    const stats = (await emu.graph("GET", `${RUNS}/${planted.body.id}/getStatistics`)).body;
    expect(stats).toMatchObject({ status: "completedWithErrors", inboundTotals: { errors: 7, warnings: 0, people: 40, unmatchedPeopleByRole: [{ role: "student", count: 12 }], matchedPeopleByRole: [] }, activityStatistics: [] });
    expect((await emu.graph("GET", `${RUNS}?$orderby=startDateTime desc&$top=1`)).body.value.map((r: { id: string }) => r.id)).toEqual([later.id]);
    expect((await emu.graph("GET", `${RUNS}?$filter=status eq 'completedWithErrors'`)).body.value.map((r: { id: string }) => r.id)).toEqual([planted.body.id]);
    expect((await emu.graph("GET", `${RUNS}?$expand=activities`)).body.value.map((r: { activities: unknown[] }) => r.activities)).toEqual([[], []]);
    expect((await emu.graph("GET", `${RUNS}?$filter=startswith(displayName,'Run')`)).status).toBe(400);
  });

  test.each([
    ["IndustryData-Run.Read.All", 200, 403],
    ["IndustryData-Run.Start", 403, 202],
    ["IndustryData-InboundFlow.ReadWrite.All", 403, 403],
  ])("a token with %s: list %i, start %i", async (role, listStatus, startStatus) => {
    await fileFlow({ files: goodFileSet() });
    const token = (await emu.admin("POST", "/tokens", { roles: [role] })).body.access_token;
    expect((await emu.graph("GET", RUNS, undefined, { token })).status).toBe(listStatus);
    expect((await emu.graph("POST", `${RUNS}/start`, undefined, { token })).status).toBe(startStatus);
  });

  test("unknown runs and activities are 404s", async () => {
    const zero = "00000000-0000-0000-0000-000000000000";
    expect((await emu.graph("GET", `${RUNS}/${zero}`)).status).toBe(404);
    expect((await emu.graph("GET", `${RUNS}/${zero}/getStatistics`)).status).toBe(404);
    const planted = (await emu.admin("POST", "/runs", { status: "completed" })).body;
    expect((await emu.graph("GET", `${RUNS}/${planted.id}/activities/${zero}`)).status).toBe(404);
  });

  test("the state stays bounded: one clean dataset per connector, processed ids on the latest completed run of a flow only", async () => {
    const { connectorId } = await fileFlow({ files: goodFileSet() });
    for (let i = 0; i < 3; i++) {
      await uploadFileSet(emu, connectorId, goodFileSet());
      expect((await validateNow(emu, connectorId)).errors).toEqual([]);
      await completedStatistics(await startRun());
    }
    const state = (await emu.admin("GET", "/state")).body;
    expect(state.datasets).toHaveLength(1);
    expect(state.runs.map((r: { activities: { processed: unknown }[] }) => r.activities[0].processed !== null)).toEqual([false, false, true]);
  });

  test("runs, datasets and Entra users are in the state document, and a state read back is accepted again", async () => {
    await fileFlow({ files: goodFileSet() });
    await completedStatistics(await startRun());
    const state = (await emu.admin("GET", "/state")).body;
    expect(state.runs).toHaveLength(1);
    expect(state.datasets).toHaveLength(1);
    expect(state.entraUsers).toEqual(ENTRA);
    expect(state.uploadSessions).toHaveLength(1);
    expect((await emu.admin("PUT", "/state", state)).status).toBe(204);
    expect((await emu.admin("GET", "/state")).body).toEqual(state);
  });
});

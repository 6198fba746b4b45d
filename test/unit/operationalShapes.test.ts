/**
 * The operations read Graph's shapes as the reference documents them (graph-industrydata-inbound.md §2.8–2.11,
 * §3.4–3.5): runs, their statistics and activities, validation operations with errors naming files and lines,
 * and the polling loop that honours Retry-After.
 */
import { locate, pollUntil, toRunInfo, toValidationResult } from "../../provider/operations";

test("a run with getStatistics: totals (plain counts) and per-activity results (entity count metrics) joined by activityId", () => {
  const run = { id: "r1", displayName: "Run", status: "completedWithErrors", startDateTime: "2026-12-07T03:00:00Z", endDateTime: "2026-12-07T03:10:00Z", blockingError: null };
  const activities = [{ "@odata.type": "#microsoft.graph.industryData.inboundFlowActivity", id: "a1", displayName: "Inbound rostering flow", status: "completedWithErrors", blockingError: null }];
  const statistics = {
    runId: "r1",
    status: "completedWithErrors",
    inboundTotals: { errors: 2, warnings: 1, groups: 0, memberships: 5, organizations: 2, people: 4, matchedPeopleByRole: [{ role: "student", count: 2 }], unmatchedPeopleByRole: [{ role: "teacher", count: 1 }, { role: "aide", count: null }] },
    activityStatistics: [
      {
        "@odata.type": "#microsoft.graph.industryData.inboundActivityResults",
        activityId: "a1",
        displayName: "Inbound rostering flow",
        status: "completedWithErrors",
        errors: 2,
        warnings: 1,
        people: { active: 4, inactive: 1, total: 5 },
        matchedPeopleByRole: [{ role: "student", count: 2 }],
        unmatchedPeopleByRole: [{ role: "teacher", count: 1 }],
      },
    ],
  };
  const info = toRunInfo(run, activities, statistics);
  expect(info).toMatchObject({ id: "r1", status: "completedWithErrors", endDateTime: "2026-12-07T03:10:00Z" });
  expect(info.blockingError).toBeUndefined();
  expect(info.statistics).toEqual({
    errors: 2,
    warnings: 1,
    people: { total: 4 },
    organizations: { total: 2 },
    groups: { total: 0 },
    memberships: { total: 5 },
    matchedPeople: 2,
    unmatchedPeople: 1,
    matchedPeopleByRole: [{ role: "student", count: 2 }],
    unmatchedPeopleByRole: [{ role: "teacher", count: 1 }, { role: "aide", count: 0 }],
  });
  expect(info.activities).toEqual([
    expect.objectContaining({ id: "a1", status: "completedWithErrors", statistics: expect.objectContaining({ errors: 2, people: { active: 4, inactive: 1, total: 5 }, unmatchedPeople: 1 }) }),
  ]);
});

test("a running run has no end and no statistics yet; a blocking error is kept", () => {
  const info = toRunInfo({ id: "r2", displayName: "Run", status: "running", startDateTime: "2026-12-07T03:00:00Z", endDateTime: null, blockingError: { code: "X", message: "y" } });
  expect(info.endDateTime).toBeNull();
  expect(info.statistics).toBeUndefined();
  expect(info.blockingError).toEqual({ code: "X", message: "y" });
});

test("Graph's documented fileValidateOperation: succeeded but carrying RequiredFileNotFound is not valid", () => {
  const result = toValidationResult(
    {
      "@odata.type": "#microsoft.graph.industryData.fileValidateOperation",
      id: "op1",
      status: "succeeded",
      statusDetail: null,
      validatedFiles: [],
      errors: [{ code: "RequiredFileNotFound", message: "When trying to validate file orgs.csv encountered RequiredFileNotFound error.", target: "orgs.csv" }],
      warnings: [{ code: "OptionalFileNotFound", message: "…", target: "classes.csv" }],
    },
    "c1",
  );
  expect(result.valid).toBe(false);
  expect(result.errors).toEqual([expect.objectContaining({ code: "RequiredFileNotFound", file: "orgs.csv" })]);
  expect(result.errors[0].line).toBeUndefined();
  expect(result.warnings[0].file).toBe("classes.csv");
});

test("a line is read from a detail's target (`roles.csv:3`) before the message", () => {
  const result = toValidationResult(
    { id: "op", status: "succeeded", errors: [{ code: "UnknownReference", message: "roles.csv line 3: orgSourcedId 'o9' …", target: "roles.csv", details: [{ code: "UnknownReference", message: "line 3", target: "roles.csv:3" }] }], warnings: [] },
    "c1",
  );
  expect(result.errors[0]).toMatchObject({ file: "roles.csv", line: 3 });
});

test.each<[string | undefined, string, { file?: string; line?: number }]>([
  ["orgs.csv", "missing", { file: "orgs.csv" }],
  ["users.csv:12", "bad", { file: "users.csv", line: 12 }],
  ["users.csv", "Row 7: empty username", { file: "users.csv", line: 7 }],
  [undefined, "roles.csv line 4: unknown org", { file: "roles.csv", line: 4 }],
  ["credential", "The credential was rejected", {}],
])("locate(%p, %p)", (target, message, expected) => {
  expect(locate(target, message)).toEqual(expected);
});

test("pollUntil waits the larger of the interval and Graph's Retry-After, and the 202's Retry-After before the first read", async () => {
  const waits: number[] = [];
  const answers = [{ value: "running", retryAfterSeconds: 7 }, { value: "running" }, { value: "succeeded" }];
  const seen: string[] = [];
  const result = await pollUntil<string>({
    read: async () => answers.shift()!,
    done: (v) => v === "succeeded",
    intervalMs: 5000,
    startedRetryAfterSeconds: 2,
    what: "op",
    onRead: (v, n) => seen.push(`${n}:${v}`),
    sleep: async (ms) => void waits.push(ms),
    now: () => 0,
  });
  expect(result).toBe("succeeded");
  expect(waits).toEqual([5000, 7000, 5000]);
  expect(seen).toEqual(["1:running", "2:running", "3:succeeded"]);
});

test("pollUntil gives up at the deadline, saying what is still pending", async () => {
  let clock = 0;
  await expect(
    pollUntil<string>({
      read: async () => ({ value: "running" }),
      done: () => false,
      intervalMs: 1000,
      timeoutMs: 2500,
      what: "the validation of data connector c1",
      sleep: async (ms) => void (clock += ms),
      now: () => clock,
    }),
  ).rejects.toThrow("the validation of data connector c1 is still not finished after 3 s (3 reads); giving up waiting (it goes on in Graph)");
});

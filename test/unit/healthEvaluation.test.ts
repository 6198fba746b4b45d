/**
 * `evaluateHealth`: a snapshot of the tenant judged against the user's thresholds; each check passes, warns or
 * fails, and the report is healthy when none fails (what `industrydata health`'s exit status says).
 */
import { evaluateHealth, type HealthSnapshot, type HealthThresholds, type RunInfo } from "../../provider/operations";

const NOW = Date.parse("2026-12-07T06:00:00Z");

function run(overrides: Partial<RunInfo> = {}, stats: Partial<NonNullable<RunInfo["statistics"]>> = {}): RunInfo {
  return {
    id: "run-1",
    displayName: "Run",
    status: "completed",
    startDateTime: "2026-12-07T03:00:00Z",
    endDateTime: "2026-12-07T03:10:00Z",
    activities: [],
    statistics: { errors: 0, warnings: 0, matchedPeople: 10, unmatchedPeople: 0, matchedPeopleByRole: [], unmatchedPeopleByRole: [], ...stats },
    ...overrides,
  };
}

function snapshot(overrides: Partial<HealthSnapshot> = {}): HealthSnapshot {
  return {
    connectors: [{ id: "c1", displayName: "CSV", kind: "file", lastValidation: { operationId: "op", connectorId: "c1", status: "succeeded", errors: [], warnings: [], validatedFiles: ["orgs.csv", "roles.csv", "users.csv"], valid: true } }],
    lastRun: run(),
    flowSets: [{ flowSetId: "s1", displayName: "District", ready: true, flows: [{ flowId: "f1", displayName: "", kind: "userProvisioningFlow", readinessStatus: "ready" }] }],
    inboundFlows: [{ flowId: "i1", displayName: "Rostering", kind: "inboundFileFlow", readinessStatus: "ready" }],
    ...overrides,
  };
}

const failing = (s: HealthSnapshot, t: HealthThresholds = {}) => evaluateHealth(s, t, NOW).checks.filter((c) => c.outcome === "fail").map((c) => `${c.check}: ${c.detail}`);

test("all good: healthy, every check passing", () => {
  const report = evaluateHealth(snapshot(), {}, NOW);
  expect(report.healthy).toBe(true);
  expect(report.checks.map((c) => [c.check, c.outcome])).toEqual([
    ['connector "CSV"', "pass"],
    ["last run", "pass"],
    ["last run age", "pass"],
    ["last run errors", "pass"],
    ["last run warnings", "pass"],
    ["unmatched users", "pass"],
    ['flow userProvisioningFlow in set "District"', "pass"],
    ['inbound flow "Rostering"', "pass"],
  ]);
  expect(report.thresholds).toEqual({ maxErrors: 0, maxRunAgeHours: 24 });
});

test.each<[string, HealthSnapshot, HealthThresholds, string[]]>([
  ["a run completed with errors above --max-errors", snapshot({ lastRun: run({ status: "completedWithErrors" }, { errors: 3 }) }), { maxErrors: 2 }, ["last run errors: 3, more than --max-errors 2"]],
  ["a run completed with errors within --max-errors", snapshot({ lastRun: run({ status: "completedWithErrors" }, { errors: 3 }) }), { maxErrors: 3 }, []],
  ["errors with the default limit (0)", snapshot({ lastRun: run({}, { errors: 1 }) }), {}, ["last run errors: 1, more than --max-errors 0"]],
  ["unmatched users above the limit, by role", snapshot({ lastRun: run({}, { unmatchedPeople: 7, unmatchedPeopleByRole: [{ role: "student", count: 5 }, { role: "teacher", count: 2 }, { role: "aide", count: 0 }] }) }), { maxUnmatchedUsers: 6 }, ["unmatched users: 7 (student 5, teacher 2), more than --max-unmatched-users 6"]],
  ["unmatched users with no limit set", snapshot({ lastRun: run({}, { unmatchedPeople: 700 }) }), {}, []],
  ["warnings above --max-warnings", snapshot({ lastRun: run({ status: "completedWithWarnings" }, { warnings: 12 }) }), { maxWarnings: 10 }, ["last run warnings: 12, more than --max-warnings 10"]],
  ["a failed run", snapshot({ lastRun: run({ status: "failed", blockingError: { code: "NoValidatedData", message: "nothing validated" } }) }), {}, ["last run: failed at 2026-12-07T03:10:00Z: NoValidatedData nothing validated"]],
  ["no finished run yet, one running", snapshot({ lastRun: undefined, runningRun: { id: "r2", startDateTime: "2026-12-07T05:59:00Z" } }), {}, ["last run: no run has finished yet (run r2 is running since 2026-12-07T05:59:00Z)"]],
  ["a run older than --max-run-age", snapshot(), { maxRunAgeHours: 2 }, ["last run age: 2.8 h old, more than --max-run-age 2 h"]],
  ["a CSV connector whose last validation found errors", snapshot({ connectors: [{ id: "c1", displayName: "CSV", kind: "file", lastValidation: { operationId: "op", connectorId: "c1", status: "succeeded", errors: [{ code: "RequiredFileNotFound", message: "orgs.csv is missing", target: "orgs.csv", file: "orgs.csv" }], warnings: [], validatedFiles: [], valid: false } }] }), {}, ['connector "CSV": last validation succeeded with 1 error(s): RequiredFileNotFound orgs.csv is missing']],
  ["an API connector whose credential is invalid", snapshot({ connectors: [{ id: "c2", displayName: "OneRoster", kind: "api", credentialValid: false }] }), {}, ['connector "OneRoster": credential invalid: rotate the secret, then `industrydata validate`']],
  ["an outbound flow not ready", snapshot({ flowSets: [{ flowSetId: "s1", displayName: "District", ready: false, flows: [{ flowId: "f1", displayName: "", kind: "classGroupProvisioningFlow", readinessStatus: "failed" }] }] }), {}, ['flow classGroupProvisioningFlow in set "District": failed']],
  ["an inbound flow expired", snapshot({ inboundFlows: [{ flowId: "i1", displayName: "Rostering", kind: "inboundFileFlow", readinessStatus: "expired" }] }), {}, ['inbound flow "Rostering": expired']],
])("%s", (_name, snap, thresholds, failures) => {
  expect(failing(snap, thresholds)).toEqual(failures);
  expect(evaluateHealth(snap, thresholds, NOW).healthy).toBe(failures.length === 0);
});

test.each<[string, HealthSnapshot, string]>([
  ["a CSV connector never validated", snapshot({ connectors: [{ id: "c1", displayName: "CSV", kind: "file" }] }), 'connector "CSV"'],
  ["an API connector never validated", snapshot({ connectors: [{ id: "c2", displayName: "OneRoster", kind: "api", credentialValid: null }] }), 'connector "OneRoster"'],
  ["a disabled flow (someone's decision)", snapshot({ inboundFlows: [{ flowId: "i1", displayName: "Rostering", kind: "inboundFileFlow", readinessStatus: "disabled" }] }), 'inbound flow "Rostering"'],
  ["a run without statistics", snapshot({ lastRun: run({ statistics: undefined }) }), "last run statistics"],
  ["no connector at all", snapshot({ connectors: [] }), "data connectors"],
])("warned, still healthy: %s", (_name, snap, check) => {
  const report = evaluateHealth(snap, {}, NOW);
  expect(report.checks).toContainEqual(expect.objectContaining({ check, outcome: "warn" }));
  expect(report.healthy).toBe(true);
});

test("a run timestamped ahead of this machine's clock is 0 h old, not negative", () => {
  const ahead = snapshot({ lastRun: run({ endDateTime: "2026-12-07T09:00:00Z" }) });
  expect(evaluateHealth(ahead, {}, NOW).checks.find((c) => c.check === "last run age")?.detail).toBe("0.0 h old (limit 24 h)");
});

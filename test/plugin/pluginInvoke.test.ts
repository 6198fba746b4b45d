/**
 * The lookups as the plugin serves them (Invoke over gRPC, as the engine calls them for YAML, Python, Go and
 * .NET programs) and as the package schema declares them (`functions`, with their result types): read-only,
 * arguments checked before any request, Graph's answer or a message naming what exists.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { lookups } from "../../provider/operations";
import { packageSchema } from "../../provider/plugin/packageSchema";
import { repoRoot, secret, startProviderHost, type ProviderHost } from "../harness";
import { PLUGIN_PATH } from "../provider/eachFrontEnd";
import { TEST_TOKENS } from "../support/testSecrets";

const TOKEN = TEST_TOKENS.lookupsCli;
const FLOW_SETS = "/external/industryData/outboundProvisioningFlowSets";

type Spec = Record<string, any>;

describe("the package schema's functions", () => {
  const schema = packageSchema({ version: "0.0.0-test" }) as Spec;

  test("one function per lookup, token industrydata:index:<name>, with documented inputs and outputs", () => {
    expect(Object.keys(schema.functions).sort()).toEqual(["industrydata:index:getFlowSetReadiness", "industrydata:index:getLatestRun", "industrydata:index:getRoleGroup"]);
    for (const lookup of lookups) {
      const fn = schema.functions[`industrydata:index:${lookup.name}`];
      expect(fn.description).toMatch(/Read-only/);
      for (const prop of [...Object.values(fn.inputs.properties as Spec), ...Object.values(fn.outputs.properties as Spec)]) expect(prop.description).toMatch(/\S/);
      expect(fn.outputs.required).toEqual(lookup.requiredOutputs);
    }
    expect(schema.functions["industrydata:index:getRoleGroup"].outputs.properties.roles).toEqual({ type: "array", items: { type: "string" }, description: "Its role codes, e.g. student." });
    expect(schema.functions["industrydata:index:getFlowSetReadiness"].inputs.required).toEqual(["flowSetId"]);
  });

  test("every $ref of a function points at a declared object type", () => {
    const refs = JSON.stringify(schema.functions).match(/#\/types\/[^"]+/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) expect(schema.types[ref.slice("#/types/".length)]).toMatchObject({ type: "object" });
    expect(schema.types["industrydata:index:RunStatistics"].required).toContain("unmatchedPeople");
  });
});

describe("Invoke on the plugin", () => {
  let emulator: RunningEmulator;
  let host: ProviderHost;
  const requests = async () => ((await (await fetch(`${emulator.adminUrl}/requests`)).json()) as { method: string; path: string }[]).map((r) => `${r.method} ${r.path}`);

  beforeAll(async () => {
    emulator = await startEmulator({ staticToken: TOKEN });
    host = await startProviderHost({ cwd: repoRoot(), pluginPath: PLUGIN_PATH, config: { graphEndpoint: emulator.graphUrl, accessToken: secret(TOKEN) } });
  });
  afterAll(async () => {
    await host?.stop();
    await emulator?.stop();
  });
  beforeEach(() => fetch(`${emulator.adminUrl}/requests`, { method: "DELETE" }));

  test.each([
    ["by display name, any case", { displayName: "students" }],
    ["by id", { id: "students" }],
  ])("getRoleGroup %s: the group with its roles, from GETs only", async (_name, args) => {
    const { result, failures } = await host.invoke("industrydata:index:getRoleGroup", args);
    expect(failures).toEqual([]);
    expect(result).toEqual({ id: "students", displayName: "Students", roles: ["student"] });
    expect((await requests()).every((r) => r.startsWith("GET "))).toBe(true);
  });

  test.each([
    [{}, "id", "give exactly one of id or displayName"],
    [{ id: "staff", displayName: "Staff" }, "displayName", "give exactly one of id or displayName"],
    [{ id: "../flowSets" }, "id", 'id must not contain "/" (an id becomes a URL segment)'],
  ])("getRoleGroup(%j): a failure naming %s, and no request", async (args, property, reason) => {
    const { result, failures } = await host.invoke("industrydata:index:getRoleGroup", args);
    expect(result).toBeUndefined();
    expect(failures).toEqual([{ property, reason: expect.stringContaining(reason) }]);
    expect(await requests()).toEqual([]);
  });

  test("a display name no group has: an error naming the groups there are", async () => {
    await expect(host.invoke("industrydata:index:getRoleGroup", { displayName: "Teachers" })).rejects.toThrow(
      'no role group has the display name "Teachers"; the tenant has Staff (id staff), Students (id students)',
    );
  });

  test("getLatestRun with no run yet: found false", async () => {
    expect((await host.invoke("industrydata:index:getLatestRun", {})).result).toEqual({ found: false, activities: [] });
  });

  test("getLatestRun: the newest run with its statistics", async () => {
    const planted = await fetch(`${emulator.adminUrl}/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: "completedWithWarnings", statistics: { errors: 0, warnings: 2, people: 10, organizations: 1, groups: 0, memberships: 10, matchedPeopleByRole: [{ role: "student", count: 9 }], unmatchedPeopleByRole: [{ role: "student", count: 1 }] } }),
    });
    const run = (await planted.json()) as { id: string };
    const { result } = await host.invoke("industrydata:index:getLatestRun", { finishedOnly: true });
    expect(result).toMatchObject({ found: true, id: run.id, status: "completedWithWarnings", statistics: { warnings: 2, matchedPeople: 9, unmatchedPeople: 1, people: { total: 10 } } });
  });

  test("getFlowSetReadiness: each flow's readiness", async () => {
    const headers = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
    const set = (await (await fetch(`${emulator.graphUrl}${FLOW_SETS}`, { method: "POST", headers, body: JSON.stringify({ displayName: "District" }) })).json()) as { id: string };
    const flow = { "@odata.type": "#microsoft.graph.industryData.securityGroupProvisioningFlow", creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } };
    await fetch(`${emulator.graphUrl}${FLOW_SETS}/${set.id}/provisioningFlows`, { method: "POST", headers, body: JSON.stringify(flow) });
    const { result } = await host.invoke("industrydata:index:getFlowSetReadiness", { flowSetId: set.id });
    expect(result).toMatchObject({ flowSetId: set.id, displayName: "District", flows: [expect.objectContaining({ kind: "securityGroupProvisioningFlow" })] });
    expect(typeof result?.ready).toBe("boolean");
  });

  test("an unknown function is an error listing the ones there are", async () => {
    await expect(host.invoke("industrydata:index:getNothing", {})).rejects.toThrow(
      "unknown function industrydata:index:getNothing: this provider serves industrydata:index:getRoleGroup, industrydata:index:getLatestRun, industrydata:index:getFlowSetReadiness",
    );
  });
});

/**
 * A user provisioning flow's life through the real dynamic-provider host, as `pulumi up`, `pulumi refresh`
 * and `pulumi destroy` drive it: create, no-op, one PATCH per change, drift seen by refresh and repaired by
 * the next up without wiping what was never declared, delete. Plus Check failures before any HTTP call.
 */
import { unknownValue } from "../harness";
import { EngineFixture, startEngineFixture, withInputs } from "./engineFixture";
import { flowsOf, graphRequests, userFlowArgs } from "./engineScenarios";

const flowSetsPath = "/external/industryData/outboundProvisioningFlowSets";

describe("user flow through the dynamic-provider host", () => {
  let fx: EngineFixture;

  beforeAll(async () => {
    fx = await startEngineFixture({
      declarations: [
        { module: "pulumi-industrydata", exportName: "OutboundProvisioningFlowSet", name: "district", args: { displayName: "Contoso district" } },
        { module: "pulumi-industrydata", exportName: "UserProvisioningFlow", name: "users", args: userFlowArgs() },
      ],
    });
    console.log(`engine/userFlowLifecycle: host start ${fx.host.startupMs} ms, configure ${fx.host.configureMs} ms`);
  });

  afterAll(async () => {
    await fx?.stop();
  });

  test("create, no-op, one PATCH per change, drift through refresh, repaired with undeclared sub-properties intact, delete", async () => {
    const district = fx.resource("district");
    expect((await district.up(fx.resources.district.inputs)).op).toBe("create");
    const setId = district.state!.id;

    const users = fx.resource("users");
    const goal = withInputs(fx.resources.users, { flowSetId: setId });
    expect((await users.up(goal)).op).toBe("create");
    const flowId = String(users.state!.outputs.flowId);
    expect(users.state!.id).toBe(`${setId}/${flowId}`);
    const flowPath = `${flowSetsPath}/${setId}/provisioningFlows/${flowId}`;

    // Unchanged program: DIFF_NONE, and nothing at all sent to Graph.
    await fx.clearRequests();
    const same = await users.up(goal);
    expect(same.op).toBe("same");
    expect(same.diff?.changes).toBe("DIFF_NONE");
    expect(await graphRequests(fx)).toEqual([]);

    // One declared change: one PATCH to that flow.
    const adult = withInputs(fx.resources.users, {
      flowSetId: setId,
      managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "adult" } },
    });
    const changed = await users.up(adult);
    expect(changed.op).toBe("update");
    expect(changed.diff?.changes).toBe("DIFF_SOME");
    const patches = (await graphRequests(fx)).filter((r) => r.method === "PATCH");
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({ path: `/beta${flowPath}`, body: { managementOptions: { additionalOptions: { studentAgeGroup: "adult" } } } });

    // Someone edits the flow in the portal: a declared value and an undeclared sub-property change.
    const edited = await fx.graph("PATCH", flowPath, {
      "@odata.type": "#microsoft.graph.industryData.userProvisioningFlow",
      createUnmatchedUsers: false,
      managementOptions: {
        additionalAttributes: ["userGradeLevel"],
        additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: true },
      },
    });
    expect(edited.status).toBeLessThan(300);

    // refresh: Read returns what the service holds now.
    const refreshed = await users.refresh();
    expect(refreshed.gone).toBe(false);
    expect(refreshed.state!.outputs).toMatchObject({
      createUnmatchedUsers: false,
      managementOptions: { additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: true } },
    });

    // preview after refresh: Diff (given the refreshed outputs as olds) reports the drift.
    const plan = await users.preview(adult);
    expect(plan.diff?.changes).toBe("DIFF_SOME");
    expect(plan.diff?.replaces).toEqual([]);

    // up: one PATCH puts the declared values back and keeps the undeclared sub-property.
    await fx.clearRequests();
    expect((await users.up(adult)).op).toBe("update");
    expect((await graphRequests(fx)).filter((r) => r.method === "PATCH")).toHaveLength(1);
    const after = await fx.graph<Record<string, any>>("GET", flowPath);
    expect(after.body).toMatchObject({
      createUnmatchedUsers: true,
      managementOptions: { additionalOptions: { studentAgeGroup: "adult", allowStudentContactAssociation: true } },
    });
    const settled = await users.preview(adult);
    expect(settled.diff?.changes).toBe("DIFF_NONE");

    await users.destroy();
    expect((await fx.graph("GET", flowPath)).status).toBe(404);
    await district.destroy();
    expect(await flowsOf(fx, setId)).toBeUndefined();
  });

  test("a flow deleted out of band reads as gone, and the next up creates it again", async () => {
    const district = fx.resource("district");
    await district.up(fx.resources.district.inputs);
    const setId = district.state!.id;
    const users = fx.resource("users");
    const goal = withInputs(fx.resources.users, { flowSetId: setId });
    await users.up(goal);
    const flowId = String(users.state!.outputs.flowId);

    expect((await fx.graph("DELETE", `${flowSetsPath}/${setId}/provisioningFlows/${flowId}`)).status).toBe(204);
    expect((await users.refresh()).gone).toBe(true);
    expect((await users.up(goal)).op).toBe("create");
    expect(users.state!.outputs.flowId).not.toBe(flowId);

    await users.destroy();
    await district.destroy();
  });

  test("a preview with values not known yet (a set created in the same run): Check passes, Diff stays conservative", async () => {
    // The engine sends unknown values only during preview, as this sentinel (KeepUnknowns).
    const newFlow = await fx.host.check(fx.resources.users.urn, {}, withInputs(fx.resources.users, { flowSetId: unknownValue }));
    expect(newFlow.failures).toEqual([]);

    const district = fx.resource("district");
    await district.up(fx.resources.district.inputs);
    const users = fx.resource("users");
    await users.up(withInputs(fx.resources.users, { flowSetId: district.state!.id }));
    const cases = [
      { change: { flowSetId: unknownValue }, diff: { changes: "DIFF_SOME", replaces: ["flowSetId"], deleteBeforeReplace: true } },
      { change: { managementOptions: unknownValue }, diff: { changes: "DIFF_SOME", replaces: [], deleteBeforeReplace: false } },
      { change: { createUnmatchedUsers: unknownValue }, diff: { changes: "DIFF_SOME", replaces: [], deleteBeforeReplace: false } },
    ];
    for (const { change, diff } of cases) {
      const plan = await users.preview(withInputs(fx.resources.users, { flowSetId: district.state!.id, ...change }));
      expect({ change, failures: plan.failures, diff: plan.diff }).toMatchObject({ change, failures: [], diff });
    }
    await users.destroy();
    await district.destroy();
  });

  test("the deprecated markAllStudentsAsMinors passes Check with a warning the engine shows (host stderr)", async () => {
    const before = fx.host.output.length;
    const checked = await fx.host.check(
      fx.resources.users.urn,
      {},
      withInputs(fx.resources.users, { managementOptions: { additionalOptions: { markAllStudentsAsMinors: true } } }),
    );
    expect(checked.failures).toEqual([]);
    // The host has no engine connection for pulumi.log, so the SDK writes the warning to the console.
    await waitFor(() => fx.host.output.slice(before).some((l) => /markAllStudentsAsMinors/.test(l.text)));
    const warning = fx.host.output.slice(before).find((l) => /markAllStudentsAsMinors/.test(l.text))!;
    expect(warning.source).toBe("stderr");
    expect(warning.text).toContain("studentAgeGroup");
  });

  test.each([
    {
      name: "an enum value outside the allowed list",
      managementOptions: { additionalOptions: { studentAgeGroup: "toddler" } },
      property: "managementOptions.additionalOptions.studentAgeGroup",
      mentions: ["minor", "notAdult", "adult"],
    },
    {
      name: "a value of the wrong type",
      managementOptions: { additionalOptions: { allowStudentContactAssociation: "yes" } },
      property: "managementOptions.additionalOptions.allowStudentContactAssociation",
      mentions: ["boolean"],
    },
  ])("Check rejects $name with its property path, before any HTTP call", async ({ managementOptions, property, mentions }) => {
    await fx.clearRequests();
    const users = fx.resource("users");
    const result = await users.up(withInputs(fx.resources.users, { flowSetId: "00000000-0000-0000-0000-000000000001", managementOptions }));
    expect(result.op).toBe("failed-check");
    const failure = result.failures.find((f) => f.property === property);
    expect(failure).toBeDefined();
    for (const word of mentions) expect(failure!.reason).toContain(word);
    expect(await graphRequests(fx)).toEqual([]);
  });

  test.each([
    { name: "a flowId '..' (resolved to the flow set itself, then deleted it)", args: { flowId: "..", deleteOnDestroy: true }, property: "flowId", reason: 'must not be ".."' },
    { name: "a NUL role group id", args: { creationOptions: { configurations: [{ roleGroupId: "\u0000" }] } }, property: "creationOptions.configurations[0].roleGroupId", reason: "(U+0000)" },
  ])("issue 14: Check rejects $name with its property path, before any HTTP call", async ({ args, property, reason }) => {
    await fx.clearRequests();
    const users = fx.resource("users");
    const result = await users.up(withInputs(fx.resources.users, { flowSetId: "00000000-0000-0000-0000-000000000001", ...args }));
    expect(result.op).toBe("failed-check");
    expect(result.failures.find((f) => f.property === property)?.reason).toContain(reason);
    expect(await graphRequests(fx)).toEqual([]);
  });
});

/** Host output arrives on its own streams, a moment after the RPC answer. */
async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  for (const start = Date.now(); !condition(); ) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Adoption by `flowId` and replacement on a `flowSetId` change, through the real dynamic-provider host.
 */
import { EngineFixture, startEngineFixture, withInputs } from "./engineFixture";
import { flowsOf, graphRequests } from "./engineScenarios";

const flowSetsPath = "/external/industryData/outboundProvisioningFlowSets";
const userFlowType = "#microsoft.graph.industryData.userProvisioningFlow";

describe("adopt and replace through the dynamic-provider host", () => {
  let fx: EngineFixture;

  beforeAll(async () => {
    fx = await startEngineFixture({
      declarations: [
        { module: "pulumi-industrydata", exportName: "OutboundProvisioningFlowSet", name: "district", args: { displayName: "Fabrikam district" } },
        {
          module: "pulumi-industrydata",
          exportName: "UserProvisioningFlow",
          name: "adopted",
          args: {
            flowSetId: "placeholder-set",
            flowId: "placeholder-flow",
            createUnmatchedUsers: true,
            managementOptions: { additionalOptions: { studentAgeGroup: "minor" } },
          },
        },
        {
          module: "pulumi-industrydata",
          exportName: "UserProvisioningFlow",
          name: "users",
          args: { flowSetId: "placeholder-set", managementOptions: { additionalOptions: { studentAgeGroup: "notAdult" } } },
        },
      ],
    });
    console.log(`engine/adoptAndReplace: host start ${fx.host.startupMs} ms, configure ${fx.host.configureMs} ms`);
  });

  afterAll(async () => {
    await fx?.stop();
  });

  /** A flow set with a user flow made in the portal (out of band), as adoption finds it. */
  async function existingFlow(flow: Record<string, unknown>): Promise<{ setId: string; flowId: string; flowPath: string }> {
    const set = await fx.graph<{ id: string }>("POST", flowSetsPath, { displayName: "Made in the portal" });
    const created = await fx.graph<{ id: string }>("POST", `${flowSetsPath}/${set.body.id}/provisioningFlows`, {
      "@odata.type": userFlowType,
      ...flow,
    });
    expect(created.status).toBe(201);
    return { setId: set.body.id, flowId: created.body.id, flowPath: `${flowSetsPath}/${set.body.id}/provisioningFlows/${created.body.id}` };
  }

  test.each([
    {
      name: "PATCHes only what differs and keeps what was never declared",
      portal: {
        createUnmatchedUsers: false,
        managementOptions: {
          additionalAttributes: ["userNumber"],
          additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: true },
        },
      },
      patches: 1,
    },
    {
      name: "sends nothing when the flow already matches",
      portal: { createUnmatchedUsers: true, managementOptions: { additionalOptions: { studentAgeGroup: "minor" } } },
      patches: 0,
    },
  ])("adopting an existing flow by flowId $name; destroy leaves it in the tenant", async ({ portal, patches }) => {
    const { setId, flowId, flowPath } = await existingFlow(portal);
    const adopted = fx.resource("adopted");
    const goal = withInputs(fx.resources.adopted, { flowSetId: setId, flowId });

    await fx.clearRequests();
    expect((await adopted.up(goal)).op).toBe("create");
    const sent = await graphRequests(fx);
    expect(sent.filter((r) => r.method === "POST")).toEqual([]);
    expect(sent.filter((r) => r.method === "PATCH")).toHaveLength(patches);
    expect(adopted.state!.id).toBe(`${setId}/${flowId}`);

    const now = await fx.graph<Record<string, any>>("GET", flowPath);
    expect(now.body).toMatchObject({ id: flowId, createUnmatchedUsers: true, managementOptions: { additionalOptions: { studentAgeGroup: "minor" } } });
    expect(now.body.managementOptions).toMatchObject({
      additionalAttributes: (portal.managementOptions as { additionalAttributes?: string[] }).additionalAttributes ?? [],
      additionalOptions: portal.managementOptions.additionalOptions,
    });

    expect((await adopted.up(goal)).diff?.changes).toBe("DIFF_NONE");

    await fx.clearRequests();
    await adopted.destroy();
    expect((await graphRequests(fx)).filter((r) => r.method === "DELETE")).toEqual([]);
    expect((await fx.graph("GET", flowPath)).status).toBe(200);
  });

  test("a new flowSetId replaces the flow, deleting the old one first (a set holds one flow per kind)", async () => {
    const first = fx.resource("district");
    const second = fx.resource("district");
    await first.up(fx.resources.district.inputs);
    // Another name: a create refuses a second set of the same name (the look for an interrupted create's set).
    await second.up({ ...fx.resources.district.inputs, displayName: "Fabrikam district 2" });
    const [setA, setB] = [first.state!.id, second.state!.id];

    const users = fx.resource("users");
    await users.up(withInputs(fx.resources.users, { flowSetId: setA }));
    const oldFlowId = users.state!.outputs.flowId;

    const moved = await users.up(withInputs(fx.resources.users, { flowSetId: setB }));
    expect(moved.op).toBe("replace");
    expect(moved.diff).toMatchObject({ changes: "DIFF_SOME", deleteBeforeReplace: true });
    expect(moved.diff!.replaces).toContain("flowSetId");
    expect(moved.calls).toEqual(["check", "diff", "delete", "create"]);

    expect(await flowsOf(fx, setA)).toEqual([]);
    const inB = await flowsOf(fx, setB);
    expect(inB?.map((f) => f.kind)).toEqual(["userProvisioningFlow"]);
    expect(users.state!.id).toBe(`${setB}/${users.state!.outputs.flowId}`);
    expect(users.state!.outputs.flowId).not.toBe(oldFlowId);

    await users.destroy();
    await first.destroy();
    await second.destroy();
  });
});

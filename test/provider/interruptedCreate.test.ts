/**
 * The look before a create, over HTTP (provider/operations, the core both front ends call): the entity an
 * interrupted create made is refused, not duplicated; the take-over the refusal offers makes it the resource's own;
 * a replacement whose create-only value changed is created beside the old entity. The e2e tests
 * (test/e2e/interruptedUp*.test.ts) drive the same through the real CLI on both front ends.
 */
import { resolveProviderConfig } from "../../provider/config";
import { createGraphClient, type ManagedGraphClient } from "../../provider/graph";
import { resourceOperations, type GraphContext } from "../../provider/operations";
import { csvConnectorArgs } from "../support/inboundArgs";
import { startFixture, summary, TEST_TOKEN, type EmulatorFixture } from "./emulatorFixture";

const FLOW_SETS = "/external/industryData/outboundProvisioningFlowSets";
const SOURCE_SYSTEMS = "/external/industryData/sourceSystems";

let fx: EmulatorFixture;
let client: ManagedGraphClient;
let ctx: GraphContext;

beforeAll(async () => {
  fx = await startFixture();
  const config = resolveProviderConfig((key) => ({ "industrydata:graphEndpoint": fx.emulator.graphUrl, "industrydata:accessToken": TEST_TOKEN })[key]);
  client = createGraphClient(config);
  ctx = { client, graphEndpoint: config.graphEndpoint };
});
afterAll(async () => {
  client.close();
  await fx.stop();
});
beforeEach(() => fx.reset());

async function setNames(): Promise<string[]> {
  return (await fx.state()).flowSets.map((s) => s.displayName).sort();
}

describe("a create whose entity an interrupted run already made", () => {
  test("is refused after one GET of the collection, naming the entity; nothing is created", async () => {
    const twin = await fx.createFlowSet("District");
    await fx.clearRequests();
    await expect(resourceOperations.flowSet.create(ctx, { displayName: "district" }, { urn: "urn:pulumi:dev::p::industrydata:index:OutboundProvisioningFlowSet::d" })).rejects.toThrow(
      `the tenant already holds a flow set named "district" (id ${twin})`,
    );
    expect(summary(await fx.requests())).toEqual([`GET ${FLOW_SETS}`]);
    expect(await setNames()).toEqual(["District"]);
  });

  test("named in takeOver, it becomes the resource's own creation (destroy deletes it): only what differs is PATCHed", async () => {
    const twin = await fx.createFlowSet("District");
    await fx.clearRequests();
    const declared = { displayName: "District", filter: { "@odata.type": "#microsoft.graph.industryData.basicFilter", attribute: "orgExternalId", in: ["north"] } };
    const { id, outputs } = await resourceOperations.flowSet.create({ ...ctx, takeOver: [twin] }, declared);
    expect(id).toBe(twin);
    expect(outputs).toMatchObject({ flowSetId: twin, adopted: false, deleteOnDestroy: true, filter: { attribute: "orgExternalId", in: ["north"] } });
    expect(summary(await fx.requests()).filter((r) => !r.startsWith("GET"))).toEqual([`PATCH ${FLOW_SETS}/${twin}`]);
    expect(await setNames()).toEqual(["District"]);
    await resourceOperations.flowSet.delete(ctx, id, outputs);
    expect(await setNames()).toEqual([]);
  });

  test("takeOver naming another entity does not apply: still refused", async () => {
    await fx.createFlowSet("District");
    await expect(resourceOperations.flowSet.create({ ...ctx, takeOver: ["someone-elses"] }, { displayName: "District" })).rejects.toThrow(/already holds a flow set named "District"/);
    expect(await setNames()).toEqual(["District"]);
  });

  test("a flow: the set's flow of the kind, taken over by its <setId>/<flowId>", async () => {
    const setId = await fx.createFlowSet("District");
    const declared = { flowSetId: setId, creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } };
    const first = await resourceOperations.securityGroup.create(ctx, declared);
    await expect(resourceOperations.securityGroup.create(ctx, declared)).rejects.toThrow(`INDUSTRYDATA_TAKE_OVER=${first.id} pulumi up --yes`);
    const again = await resourceOperations.securityGroup.create({ ...ctx, takeOver: [first.id] }, declared);
    expect(again.id).toBe(first.id);
    expect((await fx.state()).flowSets[0].flows).toHaveLength(1);
  });
});

describe("a create that is no repeat", () => {
  test("a connector bound to another source system (a replacement, created before the old one is deleted) is created beside it", async () => {
    const first = (await fx.graph("POST", SOURCE_SYSTEMS, { displayName: "SIS one" })).body.id as string;
    const second = (await fx.graph("POST", SOURCE_SYSTEMS, { displayName: "SIS two" })).body.id as string;
    await resourceOperations.azureDataLakeConnector.create(ctx, csvConnectorArgs(first));
    const replacement = await resourceOperations.azureDataLakeConnector.create(ctx, csvConnectorArgs(second));
    expect(replacement.outputs).toMatchObject({ sourceSystemId: second });
    expect((await fx.state()).dataConnectors).toHaveLength(2);
  });
});

describe("a reference definition (its id is its natural key: found by one GET of that id)", () => {
  test("an enabled one is refused with the take-over, and taken over when named", async () => {
    const declared = { referenceType: "RefGradeLevel", code: "TestGrade", displayName: "Test grade", sortIndex: 300, isDisabled: false };
    const first = await resourceOperations.referenceDefinition.create(ctx, declared);
    await expect(resourceOperations.referenceDefinition.create(ctx, declared)).rejects.toThrow(`INDUSTRYDATA_TAKE_OVER=${first.id} pulumi up --yes`);
    const again = await resourceOperations.referenceDefinition.create({ ...ctx, takeOver: [first.id] }, declared);
    expect(again).toMatchObject({ id: "RefGradeLevel-TestGrade", outputs: { adopted: false, deleteOnDestroy: true } });
  });
});

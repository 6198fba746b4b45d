import { flowPath, flowsPath } from "../../provider/schema";
import type { CrudProvider } from "../../provider/dynamic/resourceProvider";
import { FRONT_ENDS, startFrontEnd, type FrontEnd } from "./frontEnds";
import { startFixture, summary, type EmulatorFixture } from "./emulatorFixture";

const ns = "#microsoft.graph.industryData.";
let fx: EmulatorFixture;
let setId: string;
/** A security-group flow that exists before Pulumi manages it (made in the portal, say). */
let existingId: string;

beforeAll(async () => {
  fx = await startFixture();
});
afterAll(() => fx.stop());
beforeEach(async () => {
  await fx.reset();
  setId = await fx.createFlowSet("District");
  const existing = await fx.graph("POST", flowsPath(setId), {
    "@odata.type": `${ns}securityGroupProvisioningFlow`,
    creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
  });
  existingId = existing.body.id;
  await fx.clearRequests();
});

let security: CrudProvider;

async function checkedSecurity(args: Record<string, unknown>) {
  const { inputs, failures } = await security.check({}, { flowSetId: setId, flowId: existingId, ...args });
  expect(failures).toEqual([]);
  return inputs;
}

let frontEnd: FrontEnd;
let providers: FrontEnd["providers"];

/** Every case below holds for both front ends: the dynamic providers in process and the plugin over gRPC. */
describe.each(FRONT_ENDS)("%s front end", (frontEndName) => {
  beforeAll(async () => {
    frontEnd = await startFrontEnd(frontEndName, fx);
    providers = frontEnd.providers;
    security = providers.securityGroupProvisioningFlow;
  });
  afterAll(() => frontEnd.stop());

  describe("adopting an existing flow (flowId)", () => {
    test("nothing differs: one GET, no PATCH; adopted and left in the tenant on destroy", async () => {
      const inputs = await checkedSecurity({ creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } });
      const { id, outs } = await security.create(inputs);
      expect(id).toBe(`${setId}/${existingId}`);
      expect(summary(await fx.requests())).toEqual([`GET ${flowPath(setId, existingId)}`]);
      expect(outs).toMatchObject({ flowId: existingId, adopted: true, deleteOnDestroy: false });
      await fx.clearRequests();
      await security.delete(id, outs);
      expect(await fx.requests()).toEqual([]);
      expect((await fx.state()).flowSets[0].flows.map((f) => f.id)).toEqual([existingId]);
    });

    test("something differs: GET, then one PATCH of only what differs, then one GET", async () => {
      const inputs = await checkedSecurity({ creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true } });
      const { outs } = await security.create(inputs);
      const sent = await fx.requests();
      const path = flowPath(setId, existingId);
      expect(summary(sent)).toEqual([`GET ${path}`, `PATCH ${path}`, `GET ${path}`]);
      expect(sent[1].body).toEqual({
        "@odata.type": `${ns}securityGroupProvisioningFlow`,
        creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true },
      });
      expect(outs.creationOptions).toEqual({ createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true });
    });

    test("deleteOnDestroy: true deletes an adopted flow on destroy", async () => {
      const inputs = await checkedSecurity({ deleteOnDestroy: true, creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } });
      const { id, outs } = await security.create(inputs);
      await fx.clearRequests();
      await security.delete(id, outs);
      expect(summary(await fx.requests())).toEqual([`DELETE ${flowPath(setId, existingId)}`]);
    });

    test("an adopted flow deleted out of band: read fails with a clear message instead of recreating it", async () => {
      const inputs = await checkedSecurity({ creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } });
      const { id, outs } = await security.create(inputs);
      await fx.graph("DELETE", flowPath(setId, existingId));
      await expect(security.read(id, outs)).rejects.toThrow(
        `flow ${existingId} in flow set ${setId} no longer exists (404). It was adopted with flowId, so it is not recreated`,
      );
    });

    test("a flowId that does not exist fails naming the flow and the set", async () => {
      const { inputs } = await security.check({}, { flowSetId: setId, flowId: "00000000-0000-0000-0000-00000000dead", creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } });
      await expect(security.create(inputs)).rejects.toThrow(
        `cannot adopt flow 00000000-0000-0000-0000-00000000dead in flow set ${setId}: it does not exist (404)`,
      );
    });

    test("adopting a flow of another kind fails naming its kind and the class to use", async () => {
      const { inputs } = await providers.administrativeUnitProvisioningFlow.check({}, {
        flowSetId: setId,
        flowId: existingId,
        creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false },
      });
      await expect(providers.administrativeUnitProvisioningFlow.create(inputs)).rejects.toThrow(
        `cannot adopt flow ${existingId} in flow set ${setId} with AdministrativeUnitProvisioningFlow: its type is securityGroupProvisioningFlow (adopt it with SecurityGroupProvisioningFlow)`,
      );
      expect(summary(await fx.requests())).toEqual([`GET ${flowPath(setId, existingId)}`]);
    });
  });

  describe("ProvisioningFlow (base type, adopt only; seed 002)", () => {
    let base: CrudProvider;
    beforeAll(() => {
      base = providers.provisioningFlow;
    });

    test("adopts a flow of any kind with one GET, exposing readinessStatus and its concrete type; never deletes it", async () => {
      const { inputs, failures } = await base.check({}, { flowSetId: setId, flowId: existingId });
      expect(failures).toEqual([]);
      const { id, outs } = await base.create(inputs);
      expect(summary(await fx.requests())).toEqual([`GET ${flowPath(setId, existingId)}`]);
      expect(outs).toMatchObject({ flowId: existingId, odataType: `${ns}securityGroupProvisioningFlow`, readinessStatus: expect.any(String), adopted: true });
      await fx.clearRequests();
      await expect(base.diff(id, outs, inputs)).resolves.toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
      await base.delete(id, outs);
      expect(await fx.requests()).toEqual([]);
    });

    test("a declared readinessStatus is PATCHed as seed 002 shows", async () => {
      const { inputs } = await base.check({}, { flowSetId: setId, flowId: existingId });
      const { id, outs } = await base.create(inputs);
      const declared = outs.readinessStatus === "ready" ? "disabled" : "ready";
      const { inputs: news, failures } = await base.check(inputs, { flowSetId: setId, flowId: existingId, readinessStatus: declared });
      expect(failures).toEqual([]);
      await fx.clearRequests();
      expect((await base.diff(id, outs, news)).changes).toBe(true);
      await base.update(id, outs, news);
      const sent = await fx.requests();
      expect(sent[0]).toMatchObject({ method: "PATCH", path: flowPath(setId, existingId), body: { "@odata.type": `${ns}provisioningFlow`, readinessStatus: declared } });
    });

    test("without flowId it fails in check, before any request", async () => {
      const { failures } = await base.check({}, { flowSetId: setId });
      expect(failures).toEqual([expect.objectContaining({ property: "flowId" })]);
      expect(await fx.requests()).toEqual([]);
    });
  });
});

import { flowPath, flowsPath } from "../../provider/schema";
import { summary } from "./emulatorFixture";
import { eachFrontEnd, type CrudProvider } from "./eachFrontEnd";

const t = eachFrontEnd({ flowSet: "District" });
const ns = "#microsoft.graph.industryData.";
/** A security-group flow that exists before Pulumi manages it (made in the portal, say). */
let existingId: string;

let security: CrudProvider;

async function checkedSecurity(args: Record<string, unknown>) {
  const { inputs, failures } = await security.check({}, { flowSetId: t.setId, flowId: existingId, ...args });
  expect(failures).toEqual([]);
  return inputs;
}

t.describe(() => {
  beforeAll(() => {
    security = t.providers.securityGroupProvisioningFlow;
  });
  beforeEach(async () => {
    const existing = await t.fx.graph("POST", flowsPath(t.setId), {
      "@odata.type": `${ns}securityGroupProvisioningFlow`,
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
    });
    existingId = existing.body.id;
    await t.fx.clearRequests();
  });

  describe("adopting an existing flow (flowId)", () => {
    test("nothing differs: one GET, no PATCH; adopted and left in the tenant on destroy", async () => {
      const inputs = await checkedSecurity({ creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } });
      const { id, outs } = await security.create(inputs);
      expect(id).toBe(`${t.setId}/${existingId}`);
      expect(summary(await t.fx.requests())).toEqual([`GET ${flowPath(t.setId, existingId)}`]);
      expect(outs).toMatchObject({ flowId: existingId, adopted: true, deleteOnDestroy: false });
      await t.fx.clearRequests();
      await security.delete(id, outs);
      expect(await t.fx.requests()).toEqual([]);
      expect((await t.fx.state()).flowSets[0].flows.map((f) => f.id)).toEqual([existingId]);
    });

    test("something differs: GET, then one PATCH of only what differs, then one GET", async () => {
      const inputs = await checkedSecurity({ creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true } });
      const { outs } = await security.create(inputs);
      const sent = await t.fx.requests();
      const path = flowPath(t.setId, existingId);
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
      await t.fx.clearRequests();
      await security.delete(id, outs);
      expect(summary(await t.fx.requests())).toEqual([`DELETE ${flowPath(t.setId, existingId)}`]);
    });

    test("an adopted flow deleted out of band: read fails with a clear message instead of recreating it", async () => {
      const inputs = await checkedSecurity({ creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } });
      const { id, outs } = await security.create(inputs);
      await t.fx.graph("DELETE", flowPath(t.setId, existingId));
      await expect(security.read(id, outs)).rejects.toThrow(
        `flow ${existingId} in flow set ${t.setId} no longer exists (404). It was adopted with flowId, so it is not recreated`,
      );
    });

    test("a flowId that does not exist fails naming the flow and the set", async () => {
      const { inputs } = await security.check({}, { flowSetId: t.setId, flowId: "00000000-0000-0000-0000-00000000dead", creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } });
      await expect(security.create(inputs)).rejects.toThrow(
        `cannot adopt flow 00000000-0000-0000-0000-00000000dead in flow set ${t.setId}: it does not exist (404)`,
      );
    });

    test("adopting a flow of another kind fails naming its kind and the class to use", async () => {
      const { inputs } = await t.providers.administrativeUnitProvisioningFlow.check({}, {
        flowSetId: t.setId,
        flowId: existingId,
        creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false },
      });
      await expect(t.providers.administrativeUnitProvisioningFlow.create(inputs)).rejects.toThrow(
        `cannot adopt flow ${existingId} in flow set ${t.setId} with AdministrativeUnitProvisioningFlow: its type is securityGroupProvisioningFlow (adopt it with SecurityGroupProvisioningFlow)`,
      );
      expect(summary(await t.fx.requests())).toEqual([`GET ${flowPath(t.setId, existingId)}`]);
    });
  });

  describe("ProvisioningFlow (base type, adopt only; seed 002)", () => {
    let base: CrudProvider;
    beforeAll(() => {
      base = t.providers.provisioningFlow;
    });

    test("adopts a flow of any kind with one GET, exposing readinessStatus and its concrete type; never deletes it", async () => {
      const { inputs, failures } = await base.check({}, { flowSetId: t.setId, flowId: existingId });
      expect(failures).toEqual([]);
      const { id, outs } = await base.create(inputs);
      expect(summary(await t.fx.requests())).toEqual([`GET ${flowPath(t.setId, existingId)}`]);
      expect(outs).toMatchObject({ flowId: existingId, odataType: `${ns}securityGroupProvisioningFlow`, readinessStatus: expect.any(String), adopted: true });
      await t.fx.clearRequests();
      await expect(base.diff(id, outs, inputs)).resolves.toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
      await base.delete(id, outs);
      expect(await t.fx.requests()).toEqual([]);
    });

    test("a declared readinessStatus is PATCHed as seed 002 shows", async () => {
      const { inputs } = await base.check({}, { flowSetId: t.setId, flowId: existingId });
      const { id, outs } = await base.create(inputs);
      const declared = outs.readinessStatus === "ready" ? "disabled" : "ready";
      const { inputs: news, failures } = await base.check(inputs, { flowSetId: t.setId, flowId: existingId, readinessStatus: declared });
      expect(failures).toEqual([]);
      await t.fx.clearRequests();
      expect((await base.diff(id, outs, news)).changes).toBe(true);
      await base.update(id, outs, news);
      const sent = await t.fx.requests();
      expect(sent[0]).toMatchObject({ method: "PATCH", path: flowPath(t.setId, existingId), body: { "@odata.type": `${ns}provisioningFlow`, readinessStatus: declared } });
    });

    test("without flowId it fails in check, before any request", async () => {
      const { failures } = await base.check({}, { flowSetId: t.setId });
      expect(failures).toEqual([expect.objectContaining({ property: "flowId" })]);
      expect(await t.fx.requests()).toEqual([]);
    });
  });
});

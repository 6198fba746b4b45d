import { flowPath, flowSetPath } from "../../provider/schema";
import { summary } from "./emulatorFixture";
import { eachFrontEnd } from "./eachFrontEnd";

const t = eachFrontEnd({ flowSet: "District" });

/**
 * Quirk (204 vs 200): Graph documents PATCH answering 204 with no body (seeds 000/003/004) while its metadata and
 * seed 001 allow 200 with the entity. With 204 the provider GETs once; with a complete 200 body it GETs nothing.
 */
describe.each([
  { answer: 204 as const, getsAfterPatch: 1 },
  { answer: 200 as const, getsAfterPatch: 0 },
])("204 vs 200: PATCH answered $answer", ({ answer, getsAfterPatch }) => {
  t.describe(() => {
    test("security-group flow update: one GET (no stale overlay), one PATCH, then GETs only if the answer had no body", async () => {
      const provider = t.providers.securityGroupProvisioningFlow;
      const args = { flowSetId: t.setId, creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } };
      const { inputs } = await provider.check({}, args);
      const { id, outs } = await provider.create(inputs);
      await t.fx.clearRequests();
      const { inputs: news } = await provider.check(inputs, { ...args, creationOptions: { createBasedOnRoleGroup: false, createBasedOnOrgPlusRoleGroup: true } });
      const { outs: updated } = await provider.update(id, outs, news);
      const path = flowPath(t.setId, outs.flowId);
      expect(summary(await t.fx.requests())).toEqual([`GET ${path}`, `PATCH ${path}`, ...Array(getsAfterPatch).fill(`GET ${path}`)]);
      expect(updated.creationOptions).toEqual({ createBasedOnRoleGroup: false, createBasedOnOrgPlusRoleGroup: true });
      await expect(provider.diff(id, updated, news)).resolves.toMatchObject({ changes: false });
    });

    test("user flow update: the 200 body carries the expanded roleGroup, so no GET is needed after the PATCH either", async () => {
      const provider = t.providers.userProvisioningFlow;
      const args = (ageGroup: string) => ({
        flowSetId: t.setId,
        managementOptions: { additionalOptions: { studentAgeGroup: ageGroup } },
        creationOptions: { configurations: [{ roleGroupId: "students", licenseSkus: ["Sku1"] }] },
      });
      const { inputs } = await provider.check({}, args("minor"));
      const { id, outs } = await provider.create(inputs);
      await t.fx.clearRequests();
      const { inputs: news } = await provider.check(inputs, args("adult"));
      const { outs: updated } = await provider.update(id, outs, news);
      const path = flowPath(t.setId, outs.flowId);
      expect(summary(await t.fx.requests())).toEqual([`GET ${path}`, `PATCH ${path}`, ...Array(getsAfterPatch).fill(`GET ${path}`)]);
      expect((updated.creationOptions as any).configurations[0].roleGroup.id).toBe("students");
      await expect(provider.diff(id, updated, news)).resolves.toMatchObject({ changes: false });
    });

    test("flow set update: one PATCH, then GETs only if the answer had no body", async () => {
      const provider = t.providers.flowSet;
      const { inputs } = await provider.check({}, { displayName: "Set" });
      const { id, outs } = await provider.create(inputs);
      await t.fx.clearRequests();
      const { inputs: news } = await provider.check(inputs, { displayName: "Set renamed" });
      const { outs: updated } = await provider.update(id, outs, news);
      expect(summary(await t.fx.requests())).toEqual([`PATCH ${flowSetPath(id)}`, ...Array(getsAfterPatch).fill(`GET ${flowSetPath(id)}`)]);
      expect(updated.displayName).toBe("Set renamed");
    });
  }, { patchResponse: answer });
});

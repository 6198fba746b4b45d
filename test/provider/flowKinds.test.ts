import { flowPath, flowsPath } from "../../provider/schema";
import { summary } from "./emulatorFixture";
import { eachFrontEnd, type CrudProvider, type ProviderKey } from "./eachFrontEnd";

const t = eachFrontEnd({ flowSet: "District" });

const ns = "#microsoft.graph.industryData.";

/** Per kind: arguments to create, the changed arguments, and the exact PATCH body the change must produce. */
const kinds: {
  name: ProviderKey;
  args: Record<string, unknown>;
  changed: Record<string, unknown>;
  patch: Record<string, unknown>;
}[] = [
  {
    name: "classGroupProvisioningFlow",
    args: {
      configuration: {
        additionalAttributes: ["courseTitle"],
        additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
        enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [{ code: "student" }] },
      },
    },
    changed: {
      configuration: {
        additionalAttributes: ["courseTitle"],
        additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
        enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [{ code: "student" }] },
      },
    },
    patch: {
      "@odata.type": `${ns}classGroupProvisioningFlow`,
      configuration: {
        "@odata.type": `${ns}classGroupConfiguration`,
        additionalAttributes: ["courseTitle"],
        additionalOptions: { "@odata.type": `${ns}additionalClassGroupOptions`, createTeam: false, writeDisplayNameOnCreateOnly: false },
        enrollmentMappings: {
          "@odata.type": `${ns}enrollmentMappings`,
          ownerEnrollmentMappings: [{ "@odata.type": `${ns}sectionRoleReferenceValue`, code: "teacher" }],
          memberEnrollmentMappings: [{ "@odata.type": `${ns}sectionRoleReferenceValue`, code: "student" }],
        },
      },
    },
  },
  {
    name: "securityGroupProvisioningFlow",
    args: { creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } },
    changed: { creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true } },
    patch: { "@odata.type": `${ns}securityGroupProvisioningFlow`, creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true } },
  },
  {
    name: "administrativeUnitProvisioningFlow",
    args: { creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false } },
    changed: { creationOptions: { createBasedOnOrg: false, createBasedOnOrgPlusRoleGroup: false } },
    patch: { "@odata.type": `${ns}administrativeUnitProvisioningFlow`, creationOptions: { createBasedOnOrg: false, createBasedOnOrgPlusRoleGroup: false } },
  },
];

async function checked(provider: CrudProvider, args: Record<string, unknown>, olds: Record<string, unknown> = {}) {
  const { inputs, failures } = await provider.check(olds, { flowSetId: t.setId, ...args });
  expect(failures).toEqual([]);
  return inputs;
}

t.describe(() => {
  describe.each(kinds)("$name provider over HTTP", ({ name, args, changed, patch }) => {
    let provider: CrudProvider;
    beforeAll(() => {
      provider = t.providers[name];
    });

    test("create: list (one flow per kind), POST with @odata.type; the 201 answer suffices", async () => {
      const inputs = await checked(provider, args);
      const { id, outs } = await provider.create(inputs);
      expect(id).toBe(`${t.setId}/${outs.flowId}`);
      const sent = await t.fx.requests();
      expect(summary(sent)).toEqual([`GET ${flowsPath(t.setId)}`, `POST ${flowsPath(t.setId)}`]);
      expect((sent[1].body as Record<string, unknown>)["@odata.type"]).toBe(`${ns}${name}`);
      expect(outs).toMatchObject({ flowSetId: t.setId, readinessStatus: expect.any(String), createdDateTime: expect.any(String), adopted: false });
    });

    test("no-op diff sends nothing; a change is one GET (no stale overlay), exactly one PATCH with the expected body, then one GET; then no-op again", async () => {
      const inputs = await checked(provider, args);
      const { id, outs } = await provider.create(inputs);
      await t.fx.clearRequests();
      await expect(provider.diff(id, outs, await checked(provider, args, inputs))).resolves.toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
      const news = await checked(provider, changed, inputs);
      await expect(provider.diff(id, outs, news)).resolves.toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
      expect(await t.fx.requests()).toEqual([]);
      const { outs: updated } = await provider.update(id, outs, news);
      const sent = await t.fx.requests();
      expect(summary(sent)).toEqual([`GET ${flowPath(t.setId, outs.flowId)}`, `PATCH ${flowPath(t.setId, outs.flowId)}`, `GET ${flowPath(t.setId, outs.flowId)}`]);
      expect(sent[1].body).toEqual(patch);
      await t.fx.clearRequests();
      await expect(provider.diff(id, updated, news)).resolves.toMatchObject({ changes: false });
      expect(await t.fx.requests()).toEqual([]);
    });

    test("a flowSetId change replaces, deleting first (one flow per kind)", async () => {
      const inputs = await checked(provider, args);
      const { id, outs } = await provider.create(inputs);
      const other = await t.fx.createFlowSet("Other");
      const { inputs: moved } = await provider.check(inputs, { ...args, flowSetId: other });
      await expect(provider.diff(id, outs, moved)).resolves.toEqual({ changes: true, replaces: ["flowSetId"], deleteBeforeReplace: true });
    });

    test("delete: one DELETE; the flow is gone from the tenant", async () => {
      const { id, outs } = await provider.create(await checked(provider, args));
      await t.fx.clearRequests();
      await provider.delete(id, outs);
      expect(summary(await t.fx.requests())).toEqual([`DELETE ${flowPath(t.setId, outs.flowId)}`]);
      expect((await t.fx.state()).flowSets[0].flows).toEqual([]);
    });

    test("one flow per kind: a second flow of the kind in the set fails naming the set, the kind and the existing flow, without a POST", async () => {
      const { outs } = await provider.create(await checked(provider, args));
      await t.fx.clearRequests();
      const second = provider.create(await checked(provider, args));
      await expect(second).rejects.toThrow(`flow set ${t.setId} already holds a ${name} (flow ${outs.flowId})`);
      await expect(second).rejects.toThrow(`flowId: "${outs.flowId}"`);
      expect(summary(await t.fx.requests())).toEqual([`GET ${flowsPath(t.setId)}`]);
    });
  });
});

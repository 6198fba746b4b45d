import { flowPath, flowsPath } from "../../provider/schema";
import { summary } from "./emulatorFixture";
import { TEST_PASSWORDS } from "../support/testSecrets";
import { eachFrontEnd, type CrudProvider } from "./eachFrontEnd";

const t = eachFrontEnd({ flowSet: "District" });

const PASSWORD = TEST_PASSWORDS.providerFailure;

let user: CrudProvider;
const userArgs = (password = PASSWORD) => ({
  flowSetId: t.setId,
  managementOptions: { additionalOptions: { studentAgeGroup: "minor" } },
  creationOptions: { configurations: [{ roleGroupId: "students", defaultPasswordSettings: { password } }] },
});

t.describe(() => {
  beforeAll(() => {
    user = t.providers.userProvisioningFlow;
  });

  describe("failures leave nothing behind and say what happened", () => {
    test("created, then the read-back fails: the error carries the new id and outputs, so the engine records the flow", async () => {
      // A 404 is not retried: the GET that follows the POST fails once.
      await t.fx.fault({ method: "GET", pathRegex: "/provisioningFlows/[^/]+$", status: 404 });
      const { inputs } = await user.check({}, userArgs());
      const error = (await user.create(inputs).catch((e: unknown) => e)) as Error & { id?: string; properties?: Record<string, unknown> };
      const flows = (await t.fx.state()).flowSets[0].flows;
      expect(flows).toHaveLength(1);
      expect(error.message).toContain(`created ${t.setId}/${flows[0].id}, then reading it back failed`);
      expect(error.id).toBe(`${t.setId}/${flows[0].id}`);
      expect(error.properties).toMatchObject({ flowSetId: t.setId, flowId: flows[0].id, adopted: false });
      expect(JSON.stringify(error.properties)).not.toContain(PASSWORD);
    });

    test("a Graph error on PATCH surfaces status, code and request-id, and never the password sent, even echoed", async () => {
      const { inputs } = await user.check({}, userArgs());
      const { id, outs } = await user.create(inputs);
      const rotated = TEST_PASSWORDS.providerFailureRotated;
      await t.fx.fault({ method: "PATCH", status: 400, code: "BadRequest", message: `Invalid password '${rotated}'` });
      const { inputs: news } = await user.check(inputs, userArgs(rotated));
      const error = (await user.update(id, outs, news).catch((e: unknown) => e)) as Error;
      expect(error.message).toContain(`PATCH ${flowPath(t.setId, outs.flowId as string)} failed: 400 BadRequest`);
      expect(error.message).toMatch(/request-id [0-9a-f-]{36}/);
      expect(error.message).not.toContain(rotated);
      expect(error.message).toContain("Invalid password");
    });

    test("only deleteOnDestroy changed: a change for Pulumi, but no request to Graph", async () => {
      const { inputs } = await user.check({}, userArgs());
      const { id, outs } = await user.create(inputs);
      const { inputs: news } = await user.check(inputs, { ...userArgs(), deleteOnDestroy: false });
      await t.fx.clearRequests();
      expect((await user.diff(id, outs, news)).changes).toBe(true);
      const { outs: updated } = await user.update(id, outs, news);
      expect(await t.fx.requests()).toEqual([]);
      expect(updated.deleteOnDestroy).toBe(false);
      await user.delete(id, updated);
      expect(await t.fx.requests()).toEqual([]);
      expect((await t.fx.state()).flowSets[0].flows).toHaveLength(1);
    });

    test("creating in a flow set that does not exist fails with Graph's 404, and nothing is created", async () => {
      const { inputs } = await t.providers.securityGroupProvisioningFlow.check({}, {
        flowSetId: "00000000-0000-0000-0000-0000000000aa",
        creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
      });
      await expect(t.providers.securityGroupProvisioningFlow.create(inputs)).rejects.toThrow(/failed: 404/);
      expect(summary(await t.fx.requests())).toEqual([`GET ${flowsPath("00000000-0000-0000-0000-0000000000aa")}`]);
    });
  });
});

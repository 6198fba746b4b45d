import { flowPath, flowsPath } from "../../provider/schema";
import type { CrudProvider } from "../../provider/dynamic/resourceProvider";
import { FRONT_ENDS, startFrontEnd, type FrontEnd } from "./frontEnds";
import { startFixture, summary, type EmulatorFixture } from "./emulatorFixture";
import { TEST_PASSWORDS } from "../support/testSecrets";

const PASSWORD = TEST_PASSWORDS.providerFailure;
let fx: EmulatorFixture;
let setId: string;

beforeAll(async () => {
  fx = await startFixture();
});
afterAll(() => fx.stop());
beforeEach(async () => {
  await fx.reset();
  setId = await fx.createFlowSet("District");
  await fx.clearRequests();
});

let user: CrudProvider;
const userArgs = (password = PASSWORD) => ({
  flowSetId: setId,
  managementOptions: { additionalOptions: { studentAgeGroup: "minor" } },
  creationOptions: { configurations: [{ roleGroupId: "students", defaultPasswordSettings: { password } }] },
});

let frontEnd: FrontEnd;
let providers: FrontEnd["providers"];

/** Every case below holds for both front ends: the dynamic providers in process and the plugin over gRPC. */
describe.each(FRONT_ENDS)("%s front end", (frontEndName) => {
  beforeAll(async () => {
    frontEnd = await startFrontEnd(frontEndName, fx);
    providers = frontEnd.providers;
    user = providers.userProvisioningFlow;
  });
  afterAll(() => frontEnd.stop());

  describe("failures leave nothing behind and say what happened", () => {
    test("created, then the read-back fails: the error carries the new id and outputs, so the engine records the flow", async () => {
      // A 404 is not retried: the GET that follows the POST fails once.
      await fx.fault({ method: "GET", pathRegex: "/provisioningFlows/[^/]+$", status: 404 });
      const { inputs } = await user.check({}, userArgs());
      const error = (await user.create(inputs).catch((e: unknown) => e)) as Error & { id?: string; properties?: Record<string, unknown> };
      const flows = (await fx.state()).flowSets[0].flows;
      expect(flows).toHaveLength(1);
      expect(error.message).toContain(`created ${setId}/${flows[0].id}, then reading it back failed`);
      expect(error.id).toBe(`${setId}/${flows[0].id}`);
      expect(error.properties).toMatchObject({ flowSetId: setId, flowId: flows[0].id, adopted: false });
      expect(JSON.stringify(error.properties)).not.toContain(PASSWORD);
    });

    test("a Graph error on PATCH surfaces status, code and request-id, and never the password sent, even echoed", async () => {
      const { inputs } = await user.check({}, userArgs());
      const { id, outs } = await user.create(inputs);
      const rotated = TEST_PASSWORDS.providerFailureRotated;
      await fx.fault({ method: "PATCH", status: 400, code: "BadRequest", message: `Invalid password '${rotated}'` });
      const { inputs: news } = await user.check(inputs, userArgs(rotated));
      const error = (await user.update(id, outs, news).catch((e: unknown) => e)) as Error;
      expect(error.message).toContain(`PATCH ${flowPath(setId, outs.flowId as string)} failed: 400 BadRequest`);
      expect(error.message).toMatch(/request-id [0-9a-f-]{36}/);
      expect(error.message).not.toContain(rotated);
      expect(error.message).toContain("Invalid password");
    });

    test("only deleteOnDestroy changed: a change for Pulumi, but no request to Graph", async () => {
      const { inputs } = await user.check({}, userArgs());
      const { id, outs } = await user.create(inputs);
      const { inputs: news } = await user.check(inputs, { ...userArgs(), deleteOnDestroy: false });
      await fx.clearRequests();
      expect((await user.diff(id, outs, news)).changes).toBe(true);
      const { outs: updated } = await user.update(id, outs, news);
      expect(await fx.requests()).toEqual([]);
      expect(updated.deleteOnDestroy).toBe(false);
      await user.delete(id, updated);
      expect(await fx.requests()).toEqual([]);
      expect((await fx.state()).flowSets[0].flows).toHaveLength(1);
    });

    test("creating in a flow set that does not exist fails with Graph's 404, and nothing is created", async () => {
      const { inputs } = await providers.securityGroupProvisioningFlow.check({}, {
        flowSetId: "00000000-0000-0000-0000-0000000000aa",
        creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
      });
      await expect(providers.securityGroupProvisioningFlow.create(inputs)).rejects.toThrow(/failed: 404/);
      expect(summary(await fx.requests())).toEqual([`GET ${flowsPath("00000000-0000-0000-0000-0000000000aa")}`]);
    });
  });
});

import * as pulumi from "@pulumi/pulumi";
import { eachFrontEnd } from "./eachFrontEnd";

/** Both front ends: the plugin reads the engine's unknown value (the same sentinel) from the wire. */
const t = eachFrontEnd();
/**
 * The dynamic front end alone: the serialized `__provider` input exists only there, and its warnings go to the
 * program's console (the plugin's go to the engine's log: test/plugin/pluginProtocol.test.ts).
 */
const dynamic = eachFrontEnd({ frontEnds: ["dynamic"] });

const unknown = pulumi.runtime.unknownValue;
const validUser = {
  flowSetId: "set-1",
  managementOptions: { additionalOptions: { studentAgeGroup: "minor" } },
};

t.describe(() => {
  // The emulator is there to show that check sends nothing.
  afterEach(async () => {
    expect(await t.fx.requests()).toEqual([]);
  });

  describe("check (no HTTP: validation happens before any call)", () => {
    test("preview: a flowSetId not known yet (a set created in the same run) is no failure, and inputs pass unchanged", async () => {
      const news = { ...validUser, flowSetId: unknown };
      await expect(t.providers.userProvisioningFlow.check({}, news)).resolves.toEqual({ inputs: news, failures: [] });
    });

    test("preview: failures at or under an unknown value are dropped, failures elsewhere still count", async () => {
      const { failures } = await t.providers.userProvisioningFlow.check({}, { flowSetId: "set-1", managementOptions: unknown, createUnmatchedUsers: "yes" });
      expect((failures ?? []).map((f) => f.property)).toEqual(["createUnmatchedUsers"]);
    });

    test("enum failures list the allowed values", async () => {
      const { failures } = await t.providers.userProvisioningFlow.check({}, { flowSetId: "set-1", managementOptions: { additionalOptions: { studentAgeGroup: "toddler" } } });
      expect(failures).toEqual([
        { property: "managementOptions.additionalOptions.studentAgeGroup", reason: expect.stringMatching(/minor.*notAdult.*adult/) },
      ]);
    });
  });
});

dynamic.describe(() => {
  describe("check (no HTTP: validation happens before any call)", () => {
    test("the serialized provider is not a Graph property: it is neither validated nor returned", async () => {
      const { inputs, failures } = await dynamic.providers.userProvisioningFlow.check({}, { ...validUser, __provider: "exports.handler = …" });
      expect(failures).toEqual([]);
      expect(inputs).not.toHaveProperty("__provider");
    });

    test("the deprecated markAllStudentsAsMinors is accepted with a warning pointing to studentAgeGroup", async () => {
      const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
      try {
        const { failures } = await dynamic.providers.userProvisioningFlow.check({}, {
          flowSetId: "set-1",
          managementOptions: { additionalOptions: { markAllStudentsAsMinors: true } },
        });
        expect(failures).toEqual([]);
        expect(warn).toHaveBeenCalledWith(expect.stringMatching(/UserProvisioningFlow: .*markAllStudentsAsMinors.*studentAgeGroup/s));
      } finally {
        warn.mockRestore();
      }
    });
  });
});

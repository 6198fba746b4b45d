import * as pulumi from "@pulumi/pulumi";
import { providers } from "../../provider/dynamic/runtime";

const unknown = pulumi.runtime.unknownValue;
const user = providers.userProvisioningFlow;
const validUser = {
  flowSetId: "set-1",
  managementOptions: { additionalOptions: { studentAgeGroup: "minor" } },
};

describe("check (no HTTP: validation happens before any call)", () => {
  test("the serialized provider is not a Graph property: it is neither validated nor returned", async () => {
    const { inputs, failures } = await user.check({}, { ...validUser, __provider: "exports.handler = …" });
    expect(failures).toEqual([]);
    expect(inputs).not.toHaveProperty("__provider");
  });

  test("preview: a flowSetId not known yet (a set created in the same run) is no failure, and inputs pass unchanged", async () => {
    const news = { ...validUser, flowSetId: unknown };
    await expect(user.check({}, news)).resolves.toEqual({ inputs: news, failures: [] });
  });

  test("preview: failures at or under an unknown value are dropped, failures elsewhere still count", async () => {
    const { failures } = await user.check({}, { flowSetId: "set-1", managementOptions: unknown, createUnmatchedUsers: "yes" });
    expect((failures ?? []).map((f) => f.property)).toEqual(["createUnmatchedUsers"]);
  });

  test("the deprecated markAllStudentsAsMinors is accepted with a warning pointing to studentAgeGroup", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const { failures } = await user.check({}, {
        flowSetId: "set-1",
        managementOptions: { additionalOptions: { markAllStudentsAsMinors: true } },
      });
      expect(failures).toEqual([]);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/UserProvisioningFlow: .*markAllStudentsAsMinors.*studentAgeGroup/s));
    } finally {
      warn.mockRestore();
    }
  });

  test("enum failures list the allowed values", async () => {
    const { failures } = await user.check({}, { flowSetId: "set-1", managementOptions: { additionalOptions: { studentAgeGroup: "toddler" } } });
    expect(failures).toEqual([
      { property: "managementOptions.additionalOptions.studentAgeGroup", reason: expect.stringMatching(/minor.*notAdult.*adult/) },
    ]);
  });
});

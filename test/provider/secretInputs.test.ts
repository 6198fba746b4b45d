/**
 * The class side of the secret carriage (provider/dynamic/secretInputs.ts): whatever shape the program gives
 * (plain, Outputs, Promises at any level), the password leaves creationOptions for the secret input
 * `defaultPasswords`, which is always secret, and creationOptions is plain, so plans can show it.
 */
import * as pulumi from "@pulumi/pulumi";
import { liftSecretInputs } from "../../provider/dynamic/secretInputs";
import { TEST_PASSWORDS } from "../support/testSecrets";

/** Resolves an Input the way the engine would see it: its value and whether it is secret. */
async function inspect(value: unknown): Promise<{ value: unknown; secret: boolean }> {
  const output: pulumi.Output<unknown> = pulumi.output(value as pulumi.Input<object>);
  const [resolved, secret] = await Promise.all([new Promise((resolve) => output.apply((v) => resolve(v))), pulumi.isSecret(output)]);
  return { value: resolved, secret };
}

const password = TEST_PASSWORDS.providerSecretPasswords;
const withPassword = {
  configurations: [
    { roleGroupId: "staff", licenseSkus: ["Sku1"] },
    { roleGroupId: "students", licenseSkus: ["Sku2"], defaultPasswordSettings: { password } },
  ],
};
const visible = {
  configurations: [
    { roleGroupId: "staff", licenseSkus: ["Sku1"] },
    { roleGroupId: "students", licenseSkus: ["Sku2"], defaultPasswordSettings: {} },
  ],
};

describe("liftSecretInputs: only the password is secret", () => {
  test.each([
    ["a plain password in a plain structure", () => withPassword],
    ["the whole creationOptions is an Output", () => pulumi.output(withPassword)],
    ["the whole creationOptions is a secret Output", () => pulumi.secret(withPassword)],
    ["the configurations are a Promise", () => ({ configurations: Promise.resolve(withPassword.configurations) })],
    ["one configuration is an Output", () => ({ configurations: [withPassword.configurations[0], pulumi.output(withPassword.configurations[1])] })],
    [
      "the password itself is a secret Output",
      () => ({ configurations: [withPassword.configurations[0], { ...withPassword.configurations[1], defaultPasswordSettings: { password: pulumi.secret(password) } }] }),
    ],
  ])("with %s: creationOptions plain without the password, defaultPasswords secret by role group", async (_case, make) => {
    const props = liftSecretInputs("user", { flowSetId: "set", creationOptions: make() });
    const creationOptions = await inspect(props.creationOptions);
    expect(creationOptions).toEqual({ value: visible, secret: false });
    expect(await inspect(props.defaultPasswords)).toEqual({ value: { students: password }, secret: true });
    expect(props.flowSetId).toBe("set");
  });

  test.each([undefined, null])("creationOptions %p: nothing to lift, no secret input", (creationOptions) => {
    const props = liftSecretInputs("user", { creationOptions });
    expect(props.creationOptions).toBe(creationOptions);
    expect("defaultPasswords" in props).toBe(false);
  });

  test("no password declared: creationOptions plain, the secret input resolves to nothing", async () => {
    const props = liftSecretInputs("user", { creationOptions: { configurations: [withPassword.configurations[0]] } });
    expect(await inspect(props.creationOptions)).toEqual({ value: { configurations: [withPassword.configurations[0]] }, secret: false });
    expect((await inspect(props.defaultPasswords)).value).toBeUndefined();
  });
});

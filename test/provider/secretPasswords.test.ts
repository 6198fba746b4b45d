import * as pulumi from "@pulumi/pulumi";
import { secretPasswords } from "../../provider/resources/secretPasswords";
import { TEST_PASSWORDS } from "../support/testSecrets";

/** Resolves an Input the way the engine would see it: its value and whether it is secret. */
async function inspect(value: unknown): Promise<{ value: unknown; secret: boolean }> {
  const output: pulumi.Output<unknown> = pulumi.output(value as pulumi.Input<object>);
  const [resolved, secret] = await Promise.all([
    new Promise((resolve) => output.apply((v) => resolve(v))),
    pulumi.isSecret(output),
  ]);
  return { value: resolved, secret };
}

const withPassword = {
  configurations: [
    { roleGroupId: "staff", licenseSkus: ["Sku1"] },
    { roleGroupId: "students", licenseSkus: ["Sku2"], defaultPasswordSettings: { password: TEST_PASSWORDS.providerSecretPasswords } },
  ],
};

describe("secretPasswords: a declared password is never plain", () => {
  test.each([
    ["a plain password in a plain structure", () => withPassword],
    ["the whole creationOptions is an Output", () => pulumi.output(withPassword)],
    ["the configurations are a Promise", () => ({ configurations: Promise.resolve(withPassword.configurations) })],
    ["one configuration is an Output", () => ({ configurations: [pulumi.output(withPassword.configurations[1])] })],
    ["the password itself is an Output", () => ({ configurations: [{ roleGroupId: "students", defaultPasswordSettings: { password: pulumi.output(TEST_PASSWORDS.providerSecretPasswords) } }] })],
  ])("with %s, creationOptions becomes secret, its value intact", async (_case, make) => {
    const { value, secret } = await inspect(secretPasswords(make() as never));
    expect(secret).toBe(true);
    expect(JSON.stringify(value)).toContain(TEST_PASSWORDS.providerSecretPasswords);
  });

  test.each([undefined, null, {}, { configurations: null }, { configurations: [{ roleGroupId: "staff", licenseSkus: ["Sku1"] }] }])(
    "no password in %p: returned as is, readable in plans",
    (creationOptions) => {
      expect(secretPasswords(creationOptions as never)).toBe(creationOptions);
    },
  );
});

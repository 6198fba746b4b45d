import * as pulumi from "@pulumi/pulumi";
import { secretPasswords } from "../../provider/resources/secretPasswords";

/** Resolves an Input the way the engine would see it: its value and whether it is secret. */
async function inspect(value: unknown): Promise<{ value: unknown; secret: boolean }> {
  const output = pulumi.output(value as pulumi.Input<unknown>);
  const [resolved, secret] = await Promise.all([
    new Promise((resolve) => output.apply((v) => resolve(v))),
    pulumi.isSecret(output),
  ]);
  return { value: resolved, secret };
}

describe("secretPasswords: a declared password is never plain", () => {
  test("each plain password becomes a secret while role groups and SKUs stay readable", async () => {
    const wrapped = secretPasswords({
      configurations: [
        { roleGroupId: "staff", licenseSkus: ["Sku1"], defaultPasswordSettings: { password: "Staff-Pa55word" } },
        { roleGroupId: "students", licenseSkus: ["Sku2"] },
      ],
    }) as { configurations: { roleGroupId: string; defaultPasswordSettings?: { password: unknown } }[] };
    expect(wrapped.configurations[0].roleGroupId).toBe("staff");
    await expect(inspect(wrapped.configurations[0].defaultPasswordSettings!.password)).resolves.toEqual({
      value: "Staff-Pa55word",
      secret: true,
    });
    expect(wrapped.configurations[1]).toEqual({ roleGroupId: "students", licenseSkus: ["Sku2"] });
  });

  test.each([
    ["the whole creationOptions is an Output", () => pulumi.output({ configurations: [{ roleGroupId: "staff", defaultPasswordSettings: { password: "Pa55word-1" } }] })],
    ["the configurations are a Promise", () => ({ configurations: Promise.resolve([{ roleGroupId: "staff", defaultPasswordSettings: { password: "Pa55word-1" } }]) })],
    ["one configuration is an Output", () => ({ configurations: [pulumi.output({ roleGroupId: "staff", defaultPasswordSettings: { password: "Pa55word-1" } })] })],
    ["the password settings are an Output", () => ({ configurations: [{ roleGroupId: "staff", defaultPasswordSettings: pulumi.output({ password: "Pa55word-1" }) }] })],
  ])("when %s, that level is made secret as a whole", async (_case, make) => {
    const { value, secret } = await inspect(secretPasswords(make() as never));
    expect(secret).toBe(true);
    expect(JSON.stringify(value)).toContain("Pa55word-1");
  });

  test.each([undefined, null, {}, { configurations: null }, { configurations: [{ roleGroupId: "staff" }] }])(
    "nothing to protect in %p: returned as is",
    (creationOptions) => {
      expect(secretPasswords(creationOptions as never)).toEqual(creationOptions);
    },
  );
});

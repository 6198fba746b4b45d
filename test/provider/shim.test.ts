import * as pulumi from "@pulumi/pulumi";
import type { ProviderKey } from "../../provider/schema";
import { shimProvider } from "../../provider/dynamic/serializedProvider";

// The shim loads the implementation by package name at call time; here that name resolves to a recording fake.
const calls: { key: string; method: string; args: unknown[] }[] = [];
jest.mock(
  "pulumi-industrydata/runtime",
  () => {
    const record =
      (key: string, method: string) =>
      async (...args: unknown[]) => {
        calls.push({ key, method, args });
        return { from: `${key}.${method}` };
      };
    const methods = ["check", "diff", "create", "read", "update", "delete"];
    const keys = ["flowSet", "userProvisioningFlow", "classGroupProvisioningFlow", "securityGroupProvisioningFlow",
      "administrativeUnitProvisioningFlow", "provisioningFlow", "sourceSystemDefinition", "azureDataLakeConnector",
      "oneRosterApiDataConnector", "yearTimePeriodDefinition", "inboundFileFlow", "inboundApiFlow", "referenceDefinition"];
    return {
      configure: async (config: unknown) => {
        calls.push({ key: "", method: "configure", args: [config] });
      },
      providers: Object.fromEntries(keys.map((k) => [k, Object.fromEntries(methods.map((m) => [m, record(k, m)]))])),
    };
  },
  { virtual: true },
);

const keys: ProviderKey[] = [
  "flowSet",
  "userProvisioningFlow",
  "classGroupProvisioningFlow",
  "securityGroupProvisioningFlow",
  "administrativeUnitProvisioningFlow",
  "provisioningFlow",
  "sourceSystemDefinition",
  "azureDataLakeConnector",
  "oneRosterApiDataConnector",
  "yearTimePeriodDefinition",
  "inboundFileFlow",
  "inboundApiFlow",
  "referenceDefinition",
];

beforeEach(() => calls.splice(0));

describe("shimProvider", () => {
  test.each(keys)("%s: every CRUD method delegates to the runtime's provider with the same arguments", async (key) => {
    const shim = shimProvider(key);
    const olds = { a: 1 };
    const news = { a: 2 };
    await expect(shim.check!(olds, news)).resolves.toEqual({ from: `${key}.check` });
    await expect(shim.diff!("id", olds, news)).resolves.toEqual({ from: `${key}.diff` });
    await expect(shim.create(news)).resolves.toEqual({ from: `${key}.create` });
    await expect(shim.read!("id", olds)).resolves.toEqual({ from: `${key}.read` });
    await expect(shim.update!("id", olds, news)).resolves.toEqual({ from: `${key}.update` });
    await shim.delete!("id", olds);
    expect(calls).toEqual([
      { key, method: "check", args: [olds, news] },
      { key, method: "diff", args: ["id", olds, news] },
      { key, method: "create", args: [news] },
      { key, method: "read", args: ["id", olds] },
      { key, method: "update", args: ["id", olds, news] },
      { key, method: "delete", args: ["id", olds] },
    ]);
  });

  test.each(keys)("%s: the provider is the whole module.exports of shims/<key> (so the serializer can write it as a require)", (key) => {
    expect(shimProvider(key)).toBe(require(`../../provider/resources/shims/${key}`));
    expect(Object.keys(shimProvider(key)).sort()).toEqual(["check", "configure", "create", "delete", "diff", "read", "update"]);
  });

  test("configure hands the stack config (not the request) to the runtime", async () => {
    const config = { get: () => undefined, require: () => "" };
    await shimProvider("flowSet").configure!({ config });
    expect(calls).toEqual([{ key: "", method: "configure", args: [config] }]);
  });

  test("serialized as dynamic.Resource does, it captures only its key and stays well under 4 KB", async () => {
    const provider = shimProvider("userProvisioningFlow");
    const { text } = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    expect(text.length).toBeLessThan(4096);
    expect(text).toContain('require("pulumi-industrydata/runtime")');
    // Nothing but the key is captured: no module, client, config or credential is inlined.
    const captured = [...text.matchAll(/with\(\{([^}]*)\}\)/g)].map((m) => m[1]);
    for (const names of captured) {
      const variables = names.split(",").map((n) => n.trim().split(":")[0]).filter((n) => !["this", "arguments", "provider"].includes(n));
      expect(variables.every((n) => n === "key")).toBe(true);
    }
    expect(text).not.toMatch(/graph|token|secret|__awaiter|industrydata:/i);
  });
});

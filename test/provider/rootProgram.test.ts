/**
 * The root Pulumi program (index.ts, the sample district) run under Pulumi's mocks: what it declares and how
 * the flows hang off the flow set. The package name resolves to this repo's source here.
 */
import * as pulumi from "@pulumi/pulumi";
import { TEST_PASSWORDS } from "../support/testSecrets";

jest.mock("pulumi-industrydata", () => jest.requireActual("../../provider"));

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const registered: { type: string; name: string; inputs: Record<string, any> }[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: args.type.endsWith("OutboundProvisioningFlowSet") ? "set-id" : `set-id/${args.name}`, state: args.inputs };
      },
      call: () => ({}),
    },
    "pulumi-industrydata-demo",
    "dev",
    false,
  );
  pulumi.runtime.setConfig("pulumi-industrydata-demo:studentPassword", TEST_PASSWORDS.devStackStudent);
  const program = require("../../index") as Record<string, pulumi.Output<unknown>>;
  await new Promise((resolve) => program.securityGroupFlowId.apply(resolve));
});

describe("root program: the sample district", () => {
  test("declares a flow set and user, class-group and security-group flows in it", () => {
    expect(registered.map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      "pulumi-nodejs:dynamic/industrydata:ClassGroupProvisioningFlow classes",
      "pulumi-nodejs:dynamic/industrydata:OutboundProvisioningFlowSet district",
      "pulumi-nodejs:dynamic/industrydata:SecurityGroupProvisioningFlow groups",
      "pulumi-nodejs:dynamic/industrydata:UserProvisioningFlow users",
    ]);
    for (const flow of registered.filter((r) => !r.type.endsWith("FlowSet"))) expect(flow.inputs.flowSetId).toBe("set-id");
  });

  test("the student password from config reaches the engine as a secret, and only the password", () => {
    const users = registered.find((r) => r.name === "users")!;
    expect(users.inputs.defaultPasswords[SIG_KEY]).toBe(SECRET_SIG);
    expect(JSON.stringify(users.inputs.defaultPasswords.value)).toContain(TEST_PASSWORDS.devStackStudent);
    expect(users.inputs.creationOptions[SIG_KEY]).toBeUndefined();
    expect(JSON.stringify(users.inputs.creationOptions)).not.toContain(TEST_PASSWORDS.devStackStudent);
  });

  test("every argument passes the provider's check", async () => {
    const { providers } = jest.requireActual("../../provider") as typeof import("../../provider");
    const byType: Record<string, keyof typeof providers> = {
      OutboundProvisioningFlowSet: "flowSet",
      UserProvisioningFlow: "userProvisioningFlow",
      ClassGroupProvisioningFlow: "classGroupProvisioningFlow",
      SecurityGroupProvisioningFlow: "securityGroupProvisioningFlow",
    };
    for (const resource of registered) {
      const inputs = unwrapSecrets(resource.inputs);
      const { failures } = await providers[byType[resource.type.split(":").pop()!]].check({}, inputs);
      expect({ name: resource.name, failures }).toEqual({ name: resource.name, failures: [] });
    }
  });
});

function unwrapSecrets(value: any): any {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value !== null && typeof value === "object") {
    if (value[SIG_KEY] === SECRET_SIG) return unwrapSecrets(value.value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
  }
  return value;
}

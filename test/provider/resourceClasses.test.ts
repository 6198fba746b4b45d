import * as pulumi from "@pulumi/pulumi";
import {
  AdministrativeUnitProvisioningFlow,
  AzureDataLakeConnector,
  ClassGroupProvisioningFlow,
  InboundApiFlow,
  InboundFileFlow,
  OneRosterApiDataConnector,
  OutboundProvisioningFlowSet,
  ProvisioningFlow,
  ReferenceDefinition,
  SecurityGroupProvisioningFlow,
  SourceSystemDefinition,
  UserProvisioningFlow,
  YearTimePeriodDefinition,
} from "../../provider";
import { csvConnectorArgs, inboundFlowArgs, oneRosterConnectorArgs, referenceDefinitionArgs, sourceSystemArgs, yearArgs } from "../support/inboundArgs";
import { TEST_CLIENT_SECRETS, TEST_PASSWORDS } from "../support/testSecrets";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

const registered: Registered[] = [];
/** Pulumi's wire envelope of a secret value (sdk/nodejs/runtime/rpc.ts). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        // What a provider would compute: lets the test see whether the class exposes computed outputs at all.
        const computed = { readinessStatus: "notReady", createdDateTime: "2024-03-25T21:55:03.495336Z", flowId: "flow-1", odataType: "#x" };
        return { id: `${args.name}-id`, state: { ...computed, ...args.inputs } };
      },
      call: () => ({}),
    },
    "industrydata-classes",
    "test",
    false,
  );
});

function resolve<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((done) => output.apply((v) => done(v)));
}

const cases: { token: string; make: (name: string) => pulumi.CustomResource }[] = [
  {
    token: "pulumi-nodejs:dynamic/industrydata:OutboundProvisioningFlowSet",
    make: (name) => new OutboundProvisioningFlowSet(name, { displayName: "District", filter: { attribute: "orgExternalId", in: ["a"] } }),
  },
  {
    token: "pulumi-nodejs:dynamic/industrydata:UserProvisioningFlow",
    make: (name) =>
      new UserProvisioningFlow(name, {
        flowSetId: "set-1",
        managementOptions: { additionalOptions: { studentAgeGroup: "minor" } },
      }),
  },
  {
    token: "pulumi-nodejs:dynamic/industrydata:ClassGroupProvisioningFlow",
    make: (name) =>
      new ClassGroupProvisioningFlow(name, {
        flowSetId: "set-1",
        configuration: {
          additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
          enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }] },
        },
      }),
  },
  {
    token: "pulumi-nodejs:dynamic/industrydata:SecurityGroupProvisioningFlow",
    make: (name) =>
      new SecurityGroupProvisioningFlow(name, {
        flowSetId: "set-1",
        creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
      }),
  },
  {
    token: "pulumi-nodejs:dynamic/industrydata:AdministrativeUnitProvisioningFlow",
    make: (name) =>
      new AdministrativeUnitProvisioningFlow(name, {
        flowSetId: "set-1",
        creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false },
      }),
  },
  {
    token: "pulumi-nodejs:dynamic/industrydata:ProvisioningFlow",
    make: (name) => new ProvisioningFlow(name, { flowSetId: "set-1", flowId: "flow-1" }),
  },
  {
    token: "pulumi-nodejs:dynamic/industrydata:SourceSystemDefinition",
    make: (name) => new SourceSystemDefinition(name, sourceSystemArgs() as never),
  },
  {
    token: "pulumi-nodejs:dynamic/industrydata:AzureDataLakeConnector",
    make: (name) => new AzureDataLakeConnector(name, csvConnectorArgs("source-1") as never),
  },
  {
    token: "pulumi-nodejs:dynamic/industrydata:OneRosterApiDataConnector",
    make: (name) => new OneRosterApiDataConnector(name, oneRosterConnectorArgs("source-1") as never),
  },
  {
    token: "pulumi-nodejs:dynamic/industrydata:YearTimePeriodDefinition",
    make: (name) => new YearTimePeriodDefinition(name, yearArgs() as never),
  },
  {
    token: "pulumi-nodejs:dynamic/industrydata:InboundFileFlow",
    make: (name) => new InboundFileFlow(name, inboundFlowArgs("connector-1", "year-1") as never),
  },
  {
    token: "pulumi-nodejs:dynamic/industrydata:InboundApiFlow",
    make: (name) => new InboundApiFlow(name, inboundFlowArgs("connector-1", "year-1") as never),
  },
  {
    token: "pulumi-nodejs:dynamic/industrydata:ReferenceDefinition",
    make: (name) => new ReferenceDefinition(name, referenceDefinitionArgs() as never),
  },
];

describe("resource classes", () => {
  test.each(cases)("$token: own type token, small __provider, arguments passed as declared", async ({ token, make }) => {
    const name = token.split(":").pop()!.toLowerCase();
    const resource = make(name);
    await resolve(resource.urn);
    const entry = registered.find((r) => r.name === name)!;
    expect(entry.type).toBe(token);
    const provider = entry.inputs.__provider as string;
    expect(typeof provider).toBe("string");
    expect(provider.length).toBeLessThan(4096);
    expect(provider).toContain('require("pulumi-industrydata/runtime")');
  });

  test("computed outputs (readinessStatus, createdDateTime, flowId) are readable on the flow classes", async () => {
    const flow = new SecurityGroupProvisioningFlow("computed", {
      flowSetId: "set-1",
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
    });
    await expect(resolve(flow.readinessStatus)).resolves.toBe("notReady");
    await expect(resolve(flow.createdDateTime)).resolves.toBe("2024-03-25T21:55:03.495336Z");
    await expect(resolve(flow.flowId)).resolves.toBe("flow-1");
    const base = new ProvisioningFlow("computed-base", { flowSetId: "set-1", flowId: "flow-1" });
    await expect(resolve(base.odataType)).resolves.toBe("#x");
  });

  test("an adopted set passes flowSetId and deleteOnDestroy to the engine, and its flowSetId output feeds its flows", async () => {
    const set = new OutboundProvisioningFlowSet("adopted-set", { flowSetId: "set-9", displayName: "North", deleteOnDestroy: false });
    const flow = new SecurityGroupProvisioningFlow("adopted-set-groups", {
      flowSetId: set.flowSetId,
      flowId: "flow-1",
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
    });
    await expect(resolve(set.flowSetId)).resolves.toBe("set-9");
    await expect(resolve(set.deleteOnDestroy)).resolves.toBe(false);
    await resolve(flow.urn);
    expect((await waitForRegistration("adopted-set")).inputs).toMatchObject({ flowSetId: "set-9", displayName: "North", deleteOnDestroy: false });
    expect((await waitForRegistration("adopted-set-groups")).inputs).toMatchObject({ flowSetId: "set-9", flowId: "flow-1" });
  });

  test("a password declared as a plain string reaches the engine only in the secret defaultPasswords; creationOptions is plain", async () => {
    const flow = new UserProvisioningFlow("secret-password", {
      flowSetId: "set-1",
      managementOptions: { additionalOptions: {} },
      creationOptions: { configurations: [{ roleGroupId: "students", defaultPasswordSettings: { password: TEST_PASSWORDS.providerPlain } }] },
    });
    await resolve(flow.urn);
    const entry = await waitForRegistration("secret-password");
    // The registered inputs as the monitor receives them: a secret keeps Pulumi's signature envelope.
    expect(entry.inputs.defaultPasswords).toEqual({ [SIG_KEY]: SECRET_SIG, value: { students: TEST_PASSWORDS.providerPlain } });
    expect(entry.inputs.creationOptions).toEqual({ configurations: [{ roleGroupId: "students", defaultPasswordSettings: {} }] });
    expect(entry.inputs.managementOptions).toEqual({ additionalOptions: {} });
  });
});

describe("inbound resource classes", () => {
  test("outputs wire the chain: a source system's id feeds its connector, the connector's and the year's feed the flow", async () => {
    // Adopted ids are known at registration (the mock echoes inputs as state), so the wiring shows in the inputs.
    const source = new SourceSystemDefinition("wired-source", { sourceSystemId: "ss-9", displayName: "SIS" });
    const csv = new AzureDataLakeConnector("wired-csv", { dataConnectorId: "dc-9", sourceSystemId: source.sourceSystemId, displayName: "CSV" });
    const year = new YearTimePeriodDefinition("wired-year", {
      yearId: "y-9", displayName: "2025", startDate: "2025-09-01", endDate: "2026-06-30", year: { code: "2025" },
    });
    const flow = new InboundFileFlow("wired-flow", {
      dataConnectorId: csv.dataConnectorId,
      yearId: year.yearId,
      displayName: "Roster",
      dataDomain: "educationRostering",
      effectiveDateTime: "2025-08-15T00:00:00Z",
    });
    await resolve(flow.urn);
    expect((await waitForRegistration("wired-csv")).inputs).toMatchObject({ sourceSystemId: "ss-9" });
    expect((await waitForRegistration("wired-flow")).inputs).toMatchObject({ dataConnectorId: "dc-9", yearId: "y-9" });
    await expect(resolve(flow.readinessStatus)).resolves.toBe("notReady");
  });

  test("a OneRoster client secret declared as a plain string reaches the engine only in the secret clientSecret; credential is plain", async () => {
    const args = oneRosterConnectorArgs("source-1", TEST_CLIENT_SECRETS.connectorUnit);
    const connector = new OneRosterApiDataConnector("secret-credential", args as never);
    await resolve(connector.urn);
    const entry = await waitForRegistration("secret-credential");
    // The registered inputs as the monitor receives them: a secret keeps Pulumi's signature envelope.
    expect(entry.inputs.clientSecret).toEqual({ [SIG_KEY]: SECRET_SIG, value: TEST_CLIENT_SECRETS.connectorUnit });
    const { clientSecret: _secret, ...plainCredential } = args.credential;
    expect(entry.inputs.credential).toEqual(plainCredential);
    expect(entry.inputs.baseUrl).toBe("https://oneroster.example.net/ims/oneroster/v1p1");
  });
});

async function waitForRegistration(name: string): Promise<Registered> {
  for (let i = 0; i < 100; i++) {
    const entry = registered.find((r) => r.name === name);
    if (entry) return entry;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${name} was never registered`);
}

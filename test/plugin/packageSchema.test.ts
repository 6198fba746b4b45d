/**
 * The Pulumi package schema is generated from the descriptors, the ajv JSON schemas (with their descriptions)
 * and the configuration specs: these pin what users of every language see in it.
 */
import { providerConfigKeys } from "../../provider/config";
import { kindOfToken, packageSchema, resourceToken } from "../../provider/plugin/packageSchema";
import { descriptors, jsonSchemas, resourceKinds } from "../../provider/schema";
import { studentAgeGroupValues } from "../../provider/schema/enums";

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON document
const schema = packageSchema({ version: "1.2.3" }) as Spec;

/** Every property spec in the schema, with where it is. */
function everyProperty(): { where: string; spec: Spec }[] {
  const found: { where: string; spec: Spec }[] = [];
  const add = (owner: string, properties: Record<string, Spec> | undefined) => {
    for (const [name, spec] of Object.entries(properties ?? {})) found.push({ where: `${owner}.${name}`, spec });
  };
  for (const [token, resource] of Object.entries(schema.resources as Record<string, Spec>)) {
    add(`${token} input`, resource.inputProperties);
    add(`${token} output`, resource.properties);
  }
  for (const [token, type] of Object.entries(schema.types as Record<string, Spec>)) add(token, type.properties);
  add("config", schema.config.variables);
  add("provider", schema.provider.inputProperties);
  return found;
}

describe("package schema", () => {
  test("one resource per descriptor, token industrydata:index:<Class>; a token finds its kind back", () => {
    expect(Object.keys(schema.resources).sort()).toEqual(resourceKinds.map((k) => `industrydata:index:${descriptors[k].resourceName}`).sort());
    for (const kind of resourceKinds) expect(kindOfToken(resourceToken(kind))).toBe(kind);
    expect(kindOfToken("industrydata:index:Nothing")).toBeUndefined();
    expect(schema).toMatchObject({ name: "industrydata", version: "1.2.3" });
  });

  test("every resource, type and property is documented", () => {
    for (const resource of Object.values(schema.resources as Record<string, Spec>)) expect(resource.description).toMatch(/\S/);
    for (const type of Object.values(schema.types as Record<string, Spec>)) expect(type.description).toMatch(/\S/);
    const undocumented = everyProperty().filter(({ spec }) => typeof spec.description !== "string" || spec.description.trim() === "");
    expect(undocumented.map((p) => p.where)).toEqual([]);
  });

  test("a property without a description fails the generator, naming it and where to document it", () => {
    const property = (jsonSchemas.user as Spec).properties.createUnmatchedUsers;
    const { description } = property;
    delete property.description;
    try {
      expect(() => packageSchema({ version: "1.2.3" })).toThrow("UserProvisioningFlow.createUnmatchedUsers has no description: add one to its JSON schema in provider/schema/jsonSchemas.ts");
    } finally {
      property.description = description;
    }
  });

  test("only the password and the credentials are secret: the objects around the password are not", () => {
    const secrets = everyProperty().filter(({ spec }) => spec.secret === true).map((p) => p.where);
    expect(secrets.sort()).toEqual(
      [
        "industrydata:index:SimplePasswordSettings.password",
        "industrydata:index:OAuthClientCredential.clientSecret",
        "config.accessToken",
        "config.clientSecret",
        "provider.accessToken",
        "provider.clientSecret",
      ].sort(),
    );
  });

  test("the provider's configuration keys are today's industrydata: keys, typed", () => {
    expect(Object.keys(schema.config.variables)).toEqual([...providerConfigKeys]);
    expect(Object.keys(schema.provider.inputProperties)).toEqual([...providerConfigKeys]);
    expect(schema.config.variables.maxRetries.type).toBe("integer");
    expect(schema.config.variables.operationTimeout.type).toBe("number");
    expect(schema.config.variables.graphEndpoint.type).toBe("string");
  });

  test("enums come from provider/schema/enums.ts, named after their Graph enum", () => {
    expect(schema.types["industrydata:index:StudentAgeGroup"].enum.map((e: Spec) => e.value)).toEqual([...studentAgeGroupValues]);
    const ageGroup = schema.types["industrydata:index:AdditionalUserOptions"].properties.studentAgeGroup;
    expect(ageGroup.$ref).toBe("#/types/industrydata:index:StudentAgeGroup");
  });

  test("required: what every declaration needs; what only a create needs is said in the description", () => {
    const user = schema.resources["industrydata:index:UserProvisioningFlow"];
    expect(user.requiredInputs).toEqual(["flowSetId"]);
    expect(user.inputProperties.managementOptions.description).toContain("Required to create (optional when adopting an existing entity).");
    expect(schema.resources["industrydata:index:ProvisioningFlow"].requiredInputs).toEqual(["flowSetId", "flowId"]);
    expect(schema.resources["industrydata:index:OutboundProvisioningFlowSet"]).not.toHaveProperty("requiredInputs");
    expect(schema.types["industrydata:index:UserConfiguration"].required).toEqual(["roleGroupId"]);
    expect(schema.types["industrydata:index:UserConfiguration"].properties.roleGroupId.type).toBe("string");
  });

  test("outputs: the arguments plus what Graph computes, never the reserved id", () => {
    const user = schema.resources["industrydata:index:UserProvisioningFlow"];
    expect(Object.keys(user.properties)).toEqual(expect.arrayContaining(["flowId", "readinessStatus", "createdDateTime", "lastModifiedDateTime", "creationOptions"]));
    expect(user.properties).not.toHaveProperty("id");
  });
});

describe("package schema: what publishing needs", () => {
  test("the plugin downloads from the repository's GitHub releases, and every SDK is a complete package (supportPack)", () => {
    expect(schema).toMatchObject({
      pluginDownloadURL: "github://api.github.com/pulumi-industrydata/pulumi-industrydata",
      meta: { supportPack: true },
      homepage: "https://github.com/pulumi-industrydata/pulumi-industrydata",
      repository: "https://github.com/pulumi-industrydata/pulumi-industrydata",
      license: "Apache-2.0",
    });
    expect(schema.keywords).toEqual(expect.arrayContaining(["pulumi", "industrydata", "category/cloud"]));
  });

  test("a release from another repository names it everywhere: download URL, links, Go module", () => {
    const fork = packageSchema({ version: "1.2.3", repository: "contoso-it/pulumi-industrydata" }) as Spec;
    expect(fork.pluginDownloadURL).toBe("github://api.github.com/contoso-it/pulumi-industrydata");
    expect(fork.repository).toBe("https://github.com/contoso-it/pulumi-industrydata");
    expect(fork.language.go.importBasePath).toBe("github.com/contoso-it/pulumi-industrydata/sdk/go/industrydata");
  });

  test.each([
    ["nodejs", { packageName: "pulumi-industrydata-sdk" }],
    ["python", { packageName: "pulumi_industrydata", pyproject: { enabled: true } }],
    ["go", { importBasePath: "github.com/pulumi-industrydata/pulumi-industrydata/sdk/go/industrydata" }],
    ["csharp", { rootNamespace: "Pulumi" }],
  ])("the %s SDK's name", (language, expected) => {
    expect(schema.language[language]).toMatchObject(expected);
  });

  test("each configuration key defaults from its INDUSTRYDATA_* variable as input, never as output", () => {
    for (const key of providerConfigKeys) {
      const env = `INDUSTRYDATA_${key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}`;
      expect({ key, info: schema.config.variables[key].defaultInfo }).toEqual({ key, info: { environment: [env] } });
      expect({ key, info: schema.provider.inputProperties[key].defaultInfo }).toEqual({ key, info: { environment: [env] } });
      expect(schema.provider.properties[key]?.defaultInfo).toBeUndefined();
    }
    expect(schema.config.variables.graphEndpoint.defaultInfo.environment).toEqual(["INDUSTRYDATA_GRAPH_ENDPOINT"]);
  });
});

/**
 * The provider plugin over gRPC, driven as the engine drives it (test/harness), for what only the plugin does:
 * configuration per provider instance, CheckConfig, secrets kept nested, DetailedDiff, `pulumi import`'s Read,
 * and previews that send nothing. The behaviour both front ends share is in test/provider (both front ends).
 */
import { startEmulator, type LoggedRequest, type RunningEmulator } from "../../emulator";
import { flowSetsPath, flowsPath } from "../../provider/schema";
import { repoRoot, Secret, secret, startProviderHost, type ProviderHost } from "../harness";
import { PLUGIN_PATH } from "../provider/eachFrontEnd";
import { TEST_PASSWORDS, TEST_TOKENS } from "../support/testSecrets";

const userUrn = "urn:pulumi:test::industrydata-test::industrydata:index:UserProvisioningFlow::users";
const setUrn = "urn:pulumi:test::industrydata-test::industrydata:index:OutboundProvisioningFlowSet::district";
const providerUrn = "urn:pulumi:test::industrydata-test::pulumi:providers:industrydata::tenant";

interface Tenant {
  emulator: RunningEmulator;
  host: ProviderHost;
  token: string;
  requests(): Promise<{ method: string; path: string }[]>;
  clearRequests(): Promise<void>;
  createFlowSet(displayName: string): Promise<string>;
}

/** An emulator accepting only `token`, and a plugin process configured for it alone. */
async function startTenant(token: string): Promise<Tenant> {
  const emulator = await startEmulator({ staticToken: token });
  const host = await startProviderHost({
    cwd: repoRoot(),
    pluginPath: PLUGIN_PATH,
    config: { graphEndpoint: emulator.graphUrl, accessToken: secret(token) },
  });
  const admin = (method: string, path: string) => fetch(`${emulator.adminUrl}/${path}`, { method });
  return {
    emulator,
    host,
    token,
    requests: async () =>
      ((await (await admin("GET", "requests")).json()) as LoggedRequest[]).map((r) => ({ method: r.method, path: r.path.replace(/^\/beta/, "") })),
    clearRequests: async () => void (await admin("DELETE", "requests")),
    createFlowSet: async (displayName) => {
      const response = await fetch(`${emulator.graphUrl}${flowSetsPath}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ displayName }),
      });
      return ((await response.json()) as { id: string }).id;
    },
  };
}

async function stopTenant(tenant: Tenant): Promise<void> {
  await tenant.host.stop();
  await tenant.emulator.stop();
}

function userArgs(flowSetId: string, options: { skus?: string[]; password?: string } = {}): Record<string, unknown> {
  return {
    flowSetId,
    managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor" } },
    creationOptions: {
      configurations: [
        { roleGroupId: "students", licenseSkus: options.skus ?? ["SKU_A"], defaultPasswordSettings: { password: secret(options.password ?? TEST_PASSWORDS.pluginStudent) } },
      ],
    },
  };
}

/** Check then create, as the engine does for a new resource. */
async function created(host: ProviderHost, urn: string, args: Record<string, unknown>) {
  const { inputs, failures } = await host.check(urn, {}, args);
  expect(failures).toEqual([]);
  const { id, properties } = await host.create(urn, inputs);
  return { id, inputs, outputs: properties };
}

describe("two explicit providers, two tenants: each plugin instance its own endpoint, credential and client", () => {
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTenant(TEST_TOKENS.pluginTenantA), startTenant(TEST_TOKENS.pluginTenantB)]);
  });
  afterAll(async () => {
    await Promise.all([stopTenant(a), stopTenant(b)]);
  });

  test("each tenant receives only its own requests, each accepted with its own token", async () => {
    const inA = await created(a.host, setUrn, { displayName: "North District" });
    const inB = await created(b.host, setUrn, { displayName: "South District" });
    // Each emulator refuses any other token (401), so a created set proves the right credential was used.
    // Each create looks first (one GET of the sets) for what an interrupted create made, then POSTs.
    expect(await a.requests()).toEqual([{ method: "GET", path: flowSetsPath }, { method: "POST", path: flowSetsPath }]);
    expect(await b.requests()).toEqual([{ method: "GET", path: flowSetsPath }, { method: "POST", path: flowSetsPath }]);
    expect(inA.outputs.displayName).toBe("North District");
    expect(inB.outputs.displayName).toBe("South District");
    expect(inA.id).not.toBe(inB.id);
  });
});

describe("one plugin instance", () => {
  let tenant: Tenant;
  let setId: string;
  beforeAll(async () => {
    tenant = await startTenant(TEST_TOKENS.pluginTenantA);
  });
  afterAll(() => stopTenant(tenant));
  beforeEach(async () => {
    await fetch(`${tenant.emulator.adminUrl}/reset`, { method: "POST" });
    setId = await tenant.createFlowSet("District");
    await tenant.clearRequests();
  });

  test.each([
    { name: "a bad value fails naming the key and the accepted values", news: { maxRetries: "lots" }, property: "maxRetries", reason: /must be a whole number from 0 to 20/ },
    { name: "a mistyped key fails naming it and the keys there are", news: { graphEndpiont: "https://graph.microsoft.com/beta" }, property: "graphEndpiont", reason: /is not a configuration key of industrydata; expected one of: graphEndpoint, / },
    { name: "plain http to a non-loopback host fails naming the key", news: { graphEndpoint: "http://graph.example.com/beta" }, property: "graphEndpoint", reason: /plain http is accepted only for a loopback host/ },
    { name: "a client secret without tenant fails naming the missing key", news: { clientSecret: secret("x"), clientId: "app" }, property: "tenantId", reason: /is required with industrydata:clientSecret/ },
  ])("CheckConfig: $name", async ({ news, property, reason }) => {
    const { failures } = await tenant.host.checkConfig(providerUrn, {}, news);
    expect(failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
  });

  test("CheckConfig keeps the credentials secret even when given in plain text", async () => {
    const { inputs, failures } = await tenant.host.checkConfig(providerUrn, {}, { graphEndpoint: tenant.emulator.graphUrl, accessToken: TEST_TOKENS.pluginPlainConfig });
    expect(failures).toEqual([]);
    expect(inputs.accessToken).toEqual(secret(TEST_TOKENS.pluginPlainConfig));
    expect(inputs.graphEndpoint).toBe(tenant.emulator.graphUrl);
  });

  test("secrets stay nested: only the password is secret in the checked inputs and in the outputs", async () => {
    const { inputs, outputs } = await created(tenant.host, userUrn, userArgs(setId));
    const configuration = (inputs.creationOptions as any).configurations[0];
    expect(inputs.creationOptions).not.toBeInstanceOf(Secret);
    expect(configuration.licenseSkus).toEqual(["SKU_A"]);
    expect(configuration.defaultPasswordSettings.password).toEqual(secret(TEST_PASSWORDS.pluginStudent));
    const read = (outputs.creationOptions as any).configurations[0];
    expect(read.licenseSkus).toEqual(["SKU_A"]);
    expect(read.roleGroup.id).toBe("students");
    // Graph's mask, still marked secret where the schema says so; the hashes of the declared password too.
    expect(read.defaultPasswordSettings.password).toBeInstanceOf(Secret);
    expect(outputs.passwordHashes).toBeInstanceOf(Secret);
  });

  test("DetailedDiff names the license SKU change by path, as an argument change, and nothing else", async () => {
    const { id, inputs, outputs } = await created(tenant.host, userUrn, userArgs(setId));
    const { inputs: news } = await tenant.host.check(userUrn, inputs, userArgs(setId, { skus: ["SKU_B"] }));
    const diff = await tenant.host.diff(userUrn, id, outputs, news, inputs);
    expect(diff).toMatchObject({ changes: "DIFF_SOME", replaces: [], diffs: ["creationOptions"] });
    expect(diff.detailedDiff).toEqual({ "creationOptions.configurations[0].licenseSkus": { kind: "UPDATE", inputDiff: true } });
    const same = await tenant.host.diff(userUrn, id, outputs, inputs, inputs);
    expect(same).toMatchObject({ changes: "DIFF_NONE", detailedDiff: {} });
  });

  test("DetailedDiff: a new flow set replaces, deleting first", async () => {
    const { id, inputs, outputs } = await created(tenant.host, userUrn, userArgs(setId));
    const other = await tenant.createFlowSet("Other");
    const { inputs: news } = await tenant.host.check(userUrn, inputs, userArgs(other));
    const diff = await tenant.host.diff(userUrn, id, outputs, news, inputs);
    expect(diff).toMatchObject({ changes: "DIFF_SOME", replaces: ["flowSetId"], deleteBeforeReplace: true, detailedDiff: { flowSetId: { kind: "UPDATE_REPLACE", inputDiff: true } } });
  });

  test("pulumi import: Read with nothing stored declares the flow as it is, with one GET and no PATCH; it then diffs as no change", async () => {
    const { id, outputs: original } = await created(tenant.host, userUrn, userArgs(setId));
    await tenant.clearRequests();
    const imported = await tenant.host.read(userUrn, id, {});
    expect(await tenant.requests()).toEqual([{ method: "GET", path: `${flowsPath(setId)}/${String(original.flowId)}` }]);
    expect(imported.id).toBe(id);
    expect(imported.inputs).toEqual({
      flowSetId: setId,
      flowId: original.flowId,
      managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor" } },
      creationOptions: { configurations: [{ roleGroupId: "students", licenseSkus: ["SKU_A"] }] },
    });
    // The engine checks the imported inputs and diffs them against the read outputs: nothing to do.
    const { inputs, failures } = await tenant.host.check(userUrn, {}, imported.inputs!);
    expect(failures).toEqual([]);
    await expect(tenant.host.diff(userUrn, id, imported.properties, inputs, imported.inputs)).resolves.toMatchObject({ changes: "DIFF_NONE" });
    expect(imported.properties).toMatchObject({ adopted: true, deleteOnDestroy: false });
    expect((await tenant.requests()).filter((r) => r.method !== "GET")).toEqual([]);
  });

  test("pulumi import of an id that does not exist: an empty id, so the engine reports it missing", async () => {
    await expect(tenant.host.read(userUrn, `${setId}/no-such-flow`, {})).resolves.toMatchObject({ id: "" });
  });

  test("a preview of a create sends nothing to Graph: the outputs are the inputs, what Graph computes is unknown", async () => {
    const { inputs } = await tenant.host.check(userUrn, {}, userArgs(setId));
    const preview = await tenant.host.create(userUrn, inputs, { preview: true });
    expect(await tenant.requests()).toEqual([]);
    expect(preview.id).toBe("");
    expect(preview.properties).toMatchObject({ flowSetId: setId, flowId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" });
  });

  test("a deprecation warning goes to the engine's log, with the resource it is about", async () => {
    const args = userArgs(setId);
    (args.managementOptions as any).additionalOptions.markAllStudentsAsMinors = true;
    const { failures } = await tenant.host.check(userUrn, {}, args);
    expect(failures).toEqual([]);
    const warnings = tenant.host.output.filter((line) => line.source === "engine" && line.text.includes("markAllStudentsAsMinors is deprecated"));
    expect(warnings.map((line) => line.text)).toEqual([expect.stringMatching(/^warning: UserProvisioningFlow: managementOptions\.additionalOptions\.markAllStudentsAsMinors is deprecated/)]);
  });

  test("inbound resources are served from their descriptors too: a source system is created, then imported as declared", async () => {
    const urn = "urn:pulumi:test::industrydata-test::industrydata:index:SourceSystemDefinition::sis";
    const { id, outputs } = await created(tenant.host, urn, { displayName: "District SIS", vendor: "Contoso" });
    expect(outputs).toMatchObject({ displayName: "District SIS", vendor: "Contoso" });
    await tenant.clearRequests();
    const imported = await tenant.host.read(urn, id, {});
    expect(imported.inputs).toMatchObject({ sourceSystemId: id, displayName: "District SIS", vendor: "Contoso" });
    expect((await tenant.requests()).map((r) => r.method)).toEqual(["GET"]);
    const { inputs, failures } = await tenant.host.check(urn, {}, imported.inputs!);
    expect(failures).toEqual([]);
    await expect(tenant.host.diff(urn, id, imported.properties, inputs, imported.inputs)).resolves.toMatchObject({ changes: "DIFF_NONE" });
  });

  test("a type this package does not declare fails naming the ones it serves", async () => {
    const urn = "urn:pulumi:test::industrydata-test::industrydata:index:Nothing::x";
    await expect(tenant.host.check(urn, {}, {})).rejects.toThrow(/unknown resource type industrydata:index:Nothing: this provider serves OutboundProvisioningFlowSet, UserProvisioningFlow/);
  });
});

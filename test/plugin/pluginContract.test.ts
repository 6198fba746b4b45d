/**
 * Pulumi's own contract, honoured by the provider plugin over gRPC as the engine drives it (test/harness):
 * ignoreChanges (DiffRequest/UpdateRequest.ignoreChanges, and Read's refreshed inputs the engine copies
 * ignored values from), no stale overlay, customTimeouts, Cancel, a tenantId change in DiffConfig, preview
 * support, Attach, and retries logged to the engine at debug level with the request-id.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { flowSetsPath, flowsPath } from "../../provider/schema";
import { repoRoot, secret, startEngineServer, startProviderHost, type ProviderHost } from "../harness";
import { PLUGIN_PATH } from "../provider/eachFrontEnd";
import { TEST_PASSWORDS, TEST_TOKENS } from "../support/testSecrets";

type Json = Record<string, any>;
const userUrn = "urn:pulumi:test::industrydata-test::industrydata:index:UserProvisioningFlow::users";
const sisUrn = "urn:pulumi:test::industrydata-test::industrydata:index:SourceSystemDefinition::sis";
const setUrn = "urn:pulumi:test::industrydata-test::industrydata:index:OutboundProvisioningFlowSet::district";
const providerUrn = "urn:pulumi:test::industrydata-test::pulumi:providers:industrydata::tenant";

let emulator: RunningEmulator;
let host: ProviderHost;
const token = TEST_TOKENS.pluginTenantA;

async function admin(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${emulator.adminUrl}/${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

/** A Graph call as someone in the portal would make it (out of band). */
async function portal(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${emulator.graphUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

async function requests(): Promise<{ method: string; path: string; body?: Json }[]> {
  return ((await admin("GET", "requests")) as { method: string; path: string; body?: Json }[]).map((r) => ({ ...r, path: r.path.replace(/^\/beta/, "") }));
}

function userArgs(flowSetId: string, options: { skus?: string[]; ageGroup?: string } = {}): Json {
  return {
    flowSetId,
    managementOptions: {
      additionalAttributes: ["userGradeLevel"],
      additionalOptions: { studentAgeGroup: options.ageGroup ?? "minor", allowStudentContactAssociation: false },
    },
    creationOptions: {
      configurations: [
        { roleGroupId: "students", licenseSkus: options.skus ?? ["SKU_A"], defaultPasswordSettings: { password: secret(TEST_PASSWORDS.pluginStudent) } },
      ],
    },
  };
}

async function created(urn: string, args: Json): Promise<{ id: string; inputs: Json; outputs: Json }> {
  const { inputs, failures } = await host.check(urn, {}, args);
  expect(failures).toEqual([]);
  const { id, properties } = await host.create(urn, inputs);
  return { id, inputs, outputs: properties };
}

beforeAll(async () => {
  emulator = await startEmulator({ staticToken: token, quiet: true });
  host = await startProviderHost({ cwd: repoRoot(), pluginPath: PLUGIN_PATH, config: { graphEndpoint: emulator.graphUrl, accessToken: secret(token) } });
});
afterAll(async () => {
  await host?.stop();
  await emulator?.stop();
});
beforeEach(async () => {
  await admin("POST", "reset");
});

async function newFlowSet(): Promise<string> {
  return (await portal("POST", flowSetsPath, { displayName: "District" })).id as string;
}

test("Configure answers supportsPreview: the engine asks previews of Create and Update, which send nothing", () => {
  expect(host.supportsPreview).toBe(true);
});

describe("ignoreChanges", () => {
  test("Read returns the inputs refreshed for the declared paths: drifted values become the tenant's, the password stays secret in place", async () => {
    const setId = await newFlowSet();
    const { id, inputs, outputs } = await created(userUrn, userArgs(setId));
    await portal("PATCH", `${flowsPath(setId)}/${outputs.flowId}`, {
      "@odata.type": "#microsoft.graph.industryData.userProvisioningFlow",
      managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "adult", allowStudentContactAssociation: true } },
    });
    const read = await host.read(userUrn, id, outputs, inputs);
    expect(read.inputs).toEqual({
      ...inputs,
      managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "adult", allowStudentContactAssociation: true } },
    });
    expect((read.inputs as Json).creationOptions.configurations[0].defaultPasswordSettings.password).toEqual(secret(TEST_PASSWORDS.pluginStudent));
  });

  test("Diff and Update honour ignoreChanges themselves: with stale inputs (no refresh), the ignored value is not shown, not sent, and the tenant's is kept", async () => {
    const setId = await newFlowSet();
    const { id, inputs, outputs } = await created(userUrn, userArgs(setId));
    const flowPath = `${flowsPath(setId)}/${outputs.flowId}`;
    // The portal changes the ignored studentAgeGroup; the program changes a license SKU (same run, no refresh).
    await portal("PATCH", flowPath, {
      "@odata.type": "#microsoft.graph.industryData.userProvisioningFlow",
      managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "adult", allowStudentContactAssociation: false } },
    });
    const ignoreChanges = ["managementOptions.additionalOptions.studentAgeGroup"];
    // What the engine sends: the program's values, the ignored path copied from the (stale) old inputs.
    const { inputs: news } = await host.check(userUrn, inputs, userArgs(setId, { skus: ["SKU_B"], ageGroup: "minor" }));
    const diff = await host.diff(userUrn, id, outputs, news, inputs, { ignoreChanges });
    expect(diff.detailedDiff).toEqual({ "creationOptions.configurations[0].licenseSkus": { kind: "UPDATE", inputDiff: true } });
    await admin("DELETE", "requests");
    const updated = await host.update(userUrn, id, outputs, news, inputs, { ignoreChanges });
    const patch = (await requests()).find((r) => r.method === "PATCH")!;
    // Graph requires managementOptions on every PATCH: it is sent as the tenant holds it now (one GET first).
    expect(patch.body!.managementOptions.additionalOptions).toEqual({ studentAgeGroup: "adult", allowStudentContactAssociation: false });
    expect(patch.body!.creationOptions.configurations[0].licenseSkus).toEqual(["SKU_B"]);
    expect((updated.properties as Json).managementOptions.additionalOptions.studentAgeGroup).toBe("adult");
  });
});

test("no stale overlay: an undeclared sub-field changed in the portal since the last refresh survives an update of the same complex property", async () => {
  const setId = await newFlowSet();
  const args = userArgs(setId);
  delete args.managementOptions.additionalOptions.allowStudentContactAssociation; // undeclared from here on
  const { id, inputs, outputs } = await created(userUrn, args);
  await portal("PATCH", `${flowsPath(setId)}/${outputs.flowId}`, {
    "@odata.type": "#microsoft.graph.industryData.userProvisioningFlow",
    managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: true } },
  });
  const changed = userArgs(setId, { ageGroup: "adult" });
  delete changed.managementOptions.additionalOptions.allowStudentContactAssociation;
  const { inputs: news } = await host.check(userUrn, inputs, changed);
  await admin("DELETE", "requests");
  await host.update(userUrn, id, outputs, news, inputs);
  const sent = await requests();
  expect(sent.map((r) => r.method)).toEqual(["GET", "PATCH", "GET"]);
  expect(sent[1].body!.managementOptions.additionalOptions).toEqual({ studentAgeGroup: "adult", allowStudentContactAssociation: true });
});

test("customTimeouts: a create held by Graph past its create timeout fails naming the timeout", async () => {
  await admin("POST", "faults", { method: "POST", path: flowSetsPath, delayMs: 4000 });
  const { inputs } = await host.check(setUrn, {}, { displayName: "Slow District" });
  await expect(host.create(setUrn, inputs, { timeout: 1 })).rejects.toThrow(/POST .*outboundProvisioningFlowSets failed: Timeout: no answer within the create timeout 1s \(customTimeouts\.create\)/);
});

test("Cancel aborts the Graph call in flight: the Read fails as cancelled instead of waiting for the answer, and nothing later starts", async () => {
  const { id, inputs, outputs } = await created(sisUrn, { displayName: "District SIS", vendor: "Contoso" });
  // Its own plugin process: after Cancel a provider only stops (the engine is shutting down).
  const stopping = await startProviderHost({ cwd: repoRoot(), pluginPath: PLUGIN_PATH, config: { graphEndpoint: emulator.graphUrl, accessToken: secret(token) } });
  try {
    await admin("POST", "faults", { method: "GET", path: "/external/industryData/sourceSystems", delayMs: 6_000 });
    const read = stopping.read(sisUrn, id, outputs, inputs);
    // Cancel once the GET is held by the emulator (the rule is consumed when the request arrives).
    await waitFor(async () => ((await admin("GET", "faults")) as unknown[]).length === 0);
    await stopping.cancel();
    await expect(read).rejects.toThrow(/GET \/external\/industryData\/sourceSystems\/\S+ failed: Cancelled: cancelled: the engine asked the provider to stop/);
    await admin("DELETE", "requests");
    await expect(stopping.update(sisUrn, id, outputs, { ...inputs, vendor: "Fabrikam" }, inputs)).rejects.toThrow(/Cancelled/);
    expect((await requests()).filter((r) => r.method !== "GET")).toEqual([]);
  } finally {
    await stopping.stop();
  }
});

describe("DiffConfig", () => {
  const base = { graphEndpoint: "https://graph.microsoft.com/beta", tenantId: "contoso.onmicrosoft.com", clientId: "app", clientSecret: secret("x") };
  test("a tenantId change replaces the provider (and with it every resource it manages): stored ids belong to the old tenant", async () => {
    const diff = await host.diffConfig(providerUrn, base, { ...base, tenantId: "fabrikam.onmicrosoft.com" });
    expect(diff).toMatchObject({ changes: "DIFF_SOME", replaces: ["tenantId"], diffs: ["tenantId"] });
  });
  test.each([
    { name: "a rotated client secret", news: { ...base, clientSecret: secret("y") }, diffs: ["clientSecret"] },
    { name: "another endpoint", news: { ...base, graphEndpoint: "https://graph.microsoft.us/beta" }, diffs: ["graphEndpoint"] },
    { name: "the same tenant in another case", news: { ...base, tenantId: "Contoso.onmicrosoft.com" }, diffs: ["tenantId"] },
  ])("$name is an in-place update of the provider", async ({ news, diffs }) => {
    const diff = await host.diffConfig(providerUrn, base, news);
    expect(diff).toMatchObject({ changes: "DIFF_SOME", replaces: [], diffs });
  });
});

test("a retry is logged to the engine at debug level, with the request-id of the throttled answer", async () => {
  const { id, inputs, outputs } = await created(sisUrn, { displayName: "District SIS" });
  await admin("POST", "faults", { method: "GET", path: "/external/industryData/sourceSystems", status: 429, retryAfter: 0 });
  await host.read(sisUrn, id, outputs, inputs);
  const debug = host.output.filter((line) => line.source === "engine" && line.text.startsWith("debug:"));
  expect(debug.map((line) => line.text)).toContainEqual(
    expect.stringMatching(/^debug: GET \/external\/industryData\/sourceSystems\/\S+ answered 429 \(request-id [0-9a-f-]+, client-request-id [0-9a-f-]+\): throttled, waiting as Retry-After says, retry 1 in 0\.0s$/),
  );
});

test("Attach (PULUMI_DEBUG_PROVIDERS): the plugin reports to the engine that attached, from then on", async () => {
  const other = await startEngineServer();
  try {
    await host.attach(other.address);
    const args = userArgs(await newFlowSet());
    args.managementOptions.additionalOptions.markAllStudentsAsMinors = true;
    await host.check(userUrn, {}, args);
    expect(other.logs.map((l) => l.message)).toContainEqual(expect.stringMatching(/markAllStudentsAsMinors is deprecated/));
  } finally {
    await other.stop();
  }
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("condition not met");
}

/**
 * What only some inbound kinds have, over HTTP against the emulator: the OneRoster client secret (write-only,
 * secret), roleGroup in user-matching settings (never returned), Graph's read-only credential values, bindings
 * changed out of band, reference definitions' soft delete, adoption of an entity whose create-only values differ,
 * and every validation failure of issue 12 refused before any request.
 */
import { passwordMatches } from "../../emulator";
import { dataConnectorsPath, inboundFlowsPath, referenceDefinitionsPath } from "../../provider/schema";
import {
  csvConnectorArgs,
  inboundFlowArgs,
  oneRosterConnectorArgs,
  referenceDefinitionArgs,
  sourceSystemArgs,
  yearArgs,
} from "../support/inboundArgs";
import { TEST_CLIENT_SECRETS } from "../support/testSecrets";
import { summaryWithQuery, TEST_TOKEN } from "./emulatorFixture";
import { eachFrontEnd, outsBesideSecretInputs, type ProviderKey } from "./eachFrontEnd";

const t = eachFrontEnd();

type Json = Record<string, any>;
const ns = "#microsoft.graph.industryData.";
const SECRET = TEST_CLIENT_SECRETS.connectorProvider;
const ROTATED = TEST_CLIENT_SECRETS.connectorProviderRotated;

async function checked(key: ProviderKey, args: Json, olds: Json = {}): Promise<Json> {
  const { inputs, failures } = await t.providers[key].check(olds, args);
  expect(failures).toEqual([]);
  return inputs;
}

async function create(key: ProviderKey, args: Json): Promise<{ inputs: Json; id: string; outs: Json }> {
  const inputs = await checked(key, args);
  const { id, outs } = await t.providers[key].create(inputs);
  return { inputs, id, outs };
}

let sourceSystems = 0;

/** A new source system; each has its own name (a create refuses a second one of a name: the look before POST). */
async function newSourceSystem(): Promise<string> {
  return (await create("sourceSystemDefinition", { displayName: `Source ${++sourceSystems}` })).id;
}

function storedConnector(state: Json, id: string): Json {
  return (state.dataConnectors as Json[]).find((c) => c.id === id)!;
}

t.describe(() => {
  describe("OneRoster client secret (write-only, secret)", () => {
    test("create sends it; outputs, the read and the errors never hold it; the service holds it", async () => {
      const { id, outs } = await create("oneRosterApiDataConnector", oneRosterConnectorArgs(await newSourceSystem(), SECRET));
      expect(JSON.stringify(outsBesideSecretInputs(outs))).not.toContain(SECRET);
      expect(outs.credential).toMatchObject({ "clientId": "530be723-6af3-4952-8658-668fb2598ad7", isValid: expect.any(Boolean) });
      expect(outs.credential).not.toHaveProperty("clientSecret");
      const read = await t.providers.oneRosterApiDataConnector.read!(id, outs);
      expect(JSON.stringify(outsBesideSecretInputs(read.props))).not.toContain(SECRET);
      // The inputs a Read hands back keep the secret only in the secret input, as it was.
      if (read.inputs !== undefined) expect(JSON.stringify({ ...read.inputs, clientSecret: undefined })).not.toContain(SECRET);
      expect(passwordMatches(storedConnector(await t.fx.state(), id).credential.clientSecretHash, SECRET)).toBe(true);
    });

    test("rotation: a named change, one PATCH with the whole credential (new secret), then a clean diff", async () => {
      const args = oneRosterConnectorArgs(await newSourceSystem(), SECRET);
      const { inputs, id, outs } = await create("oneRosterApiDataConnector", args);
      const news = await checked("oneRosterApiDataConnector", oneRosterConnectorArgs(args.sourceSystemId, ROTATED), inputs);
      await t.fx.clearRequests();
      expect(await t.providers.oneRosterApiDataConnector.diff!(id, outs, news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
      expect(await t.fx.requests()).toEqual([]);
      const { outs: updated } = await t.providers.oneRosterApiDataConnector.update!(id, outs, news);
      const requests = (await t.fx.requests()).filter((r) => r.method === "PATCH");
      expect(requests).toHaveLength(1);
      const credential = (requests[0].body as Json).credential;
      expect(Object.keys(requests[0].body as Json)).toEqual(["@odata.type", "credential"]);
      // The whole credential: every declared part and the type, not just the secret; never Graph's read-only values.
      expect(Object.keys(credential).sort()).toEqual(["@odata.type", "clientId", "clientSecret", "displayName", "scope", "tokenUrl"]);
      expect(credential["@odata.type"]).toBe(`${ns}oAuth2ClientCredential`);
      expect(passwordMatches(storedConnector(await t.fx.state(), id).credential.clientSecretHash, ROTATED)).toBe(true);
      expect(JSON.stringify(outsBesideSecretInputs(updated))).not.toContain(ROTATED);
      await t.fx.clearRequests();
      await expect(t.providers.oneRosterApiDataConnector.diff!(id, updated!, news)).resolves.toMatchObject({ changes: false });
      expect(await t.fx.requests()).toEqual([]);
    });

    test("a Graph error answering the rotation names status and request-id, never the secret, even echoed", async () => {
      const args = oneRosterConnectorArgs(await newSourceSystem(), SECRET);
      const { inputs, id, outs } = await create("oneRosterApiDataConnector", args);
      await t.fx.fault({ method: "PATCH", status: 400, code: "BadRequest", message: `Invalid client secret '${ROTATED}'` });
      const news = await checked("oneRosterApiDataConnector", oneRosterConnectorArgs(args.sourceSystemId, ROTATED), inputs);
      const error = (await t.providers.oneRosterApiDataConnector.update!(id, outs, news).catch((e: unknown) => e)) as Error;
      expect(error.message).toContain(`PATCH ${dataConnectorsPath}/${id} failed: 400 BadRequest`);
      expect(error.message).toMatch(/request-id [0-9a-f-]{36}/);
      expect(error.message).not.toContain(ROTATED);
    });

    test("read-only isValid and lastValidDateTime, changed by Graph's validate action, never drift", async () => {
      const { inputs, id, outs } = await create("oneRosterApiDataConnector", oneRosterConnectorArgs(await newSourceSystem(), SECRET));
      const validate = await fetch(`${t.fx.emulator.graphUrl}${dataConnectorsPath}/${id}/validate`, {
        method: "POST",
        headers: { authorization: `Bearer ${TEST_TOKEN}` },
      });
      expect(validate.status).toBe(202);
      // The operation completes 10 s later on the emulator's clock: move the clock, then read what the Location names.
      const advanced = await fetch(`${t.fx.emulator.adminUrl}/clock/advance`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ seconds: 10 }) });
      expect(advanced.status).toBe(200);
      const operation = validate.headers.get("location")!;
      const status = ((await (await fetch(operation, { headers: { authorization: `Bearer ${TEST_TOKEN}` } })).json()) as Json).status;
      expect(status).toBe("succeeded");
      const read = await t.providers.oneRosterApiDataConnector.read!(id, outs);
      expect(read.props.credential.lastValidDateTime).not.toBe(outs.credential.lastValidDateTime);
      expect(read.props.credential.isValid).toBe(true);
      await t.fx.clearRequests();
      await expect(t.providers.oneRosterApiDataConnector.diff!(id, read.props, inputs)).resolves.toMatchObject({ changes: false });
      expect(await t.fx.requests()).toEqual([]);
    });
  });

  describe("roleGroup in user-matching settings (never returned)", () => {
    test("compared with the last declared value: a changed roleGroupId sends the settings whole with every bind", async () => {
      const { inputs, id, outs } = await create("sourceSystemDefinition", sourceSystemArgs());
      const edited = sourceSystemArgs();
      edited.userMatchingSettings[1].roleGroupId = "staff";
      const news = await checked("sourceSystemDefinition", edited, inputs);
      expect(await t.providers.sourceSystemDefinition.diff!(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
      await t.fx.clearRequests();
      const { outs: updated } = await t.providers.sourceSystemDefinition.update!(id, outs, news);
      const [patch] = (await t.fx.requests()).filter((r) => r.method === "PATCH");
      expect(Object.keys(patch.body as Json)).toEqual(["@odata.type", "userMatchingSettings"]);
      expect((patch.body as Json).userMatchingSettings.map((s: Json) => s["roleGroup@odata.bind"])).toEqual([
        `${t.fx.emulator.graphUrl}/external/industryData/roleGroups/staff`,
        `${t.fx.emulator.graphUrl}/external/industryData/roleGroups/staff`,
      ]);
      const stored = ((await t.fx.state()) as unknown as Json).sourceSystems[0];
      expect(stored.userMatchingSettings.map((s: Json) => s.roleGroupId)).toEqual(["staff", "staff"]);
      await expect(t.providers.sourceSystemDefinition.diff!(id, updated!, news)).resolves.toMatchObject({ changes: false });
    });

    test("a role group changed out of band cannot be seen (Graph never returns it): no drift, as documented", async () => {
      const { inputs, id, outs } = await create("sourceSystemDefinition", sourceSystemArgs());
      const state = (await t.fx.state()) as unknown as Json;
      state.sourceSystems[0].userMatchingSettings[0].roleGroupId = "students";
      await t.fx.putState(state as never);
      const read = await t.providers.sourceSystemDefinition.read!(id, outs);
      await expect(t.providers.sourceSystemDefinition.diff!(id, read.props, inputs)).resolves.toMatchObject({ changes: false });
    });
  });

  describe("bindings changed out of band", () => {
    test("one GET with $expand per read shows the new binding; the diff names the argument to replace", async () => {
      const sourceSystemId = await newSourceSystem();
      const connector = await create("azureDataLakeConnector", csvConnectorArgs(sourceSystemId));
      const year = await create("yearTimePeriodDefinition", yearArgs());
      const other = await create("yearTimePeriodDefinition", { ...yearArgs(), displayName: "Next year", year: { code: "2026" } });
      const { inputs, id, outs } = await create("inboundFileFlow", inboundFlowArgs(connector.id, year.id));
      const state = (await t.fx.state()) as unknown as Json;
      state.inboundFlows[0].yearId = other.id;
      await t.fx.putState(state as never);
      await t.fx.clearRequests();
      const read = await t.providers.inboundFileFlow.read!(id, outs);
      expect(summaryWithQuery(await t.fx.requests())).toEqual([`GET ${inboundFlowsPath}/${id}?$expand=dataConnector($select=id),year($select=id)`]);
      expect(read.props).toMatchObject({ yearId: other.id, dataConnectorId: connector.id });
      await expect(t.providers.inboundFileFlow.diff!(id, read.props, inputs)).resolves.toEqual({ changes: true, replaces: ["yearId"], deleteBeforeReplace: false });
    });

    test("a connector rebound to another source system out of band shows on read", async () => {
      const first = await newSourceSystem();
      const second = await newSourceSystem();
      const { inputs, id, outs } = await create("azureDataLakeConnector", csvConnectorArgs(first));
      const state = (await t.fx.state()) as unknown as Json;
      state.dataConnectors[0].sourceSystemId = second;
      await t.fx.putState(state as never);
      const read = await t.providers.azureDataLakeConnector.read!(id, outs);
      expect(read.props.sourceSystemId).toBe(second);
      await expect(t.providers.azureDataLakeConnector.diff!(id, read.props, inputs)).resolves.toMatchObject({ replaces: ["sourceSystemId"] });
    });
  });

  describe("reference definitions: Graph's DELETE disables them (soft delete)", () => {
    test("destroy disables the code; declaring it again revives the same definition with one GET and one PATCH", async () => {
      const { id, outs } = await create("referenceDefinition", referenceDefinitionArgs());
      expect(id).toBe("RefGradeLevel-TestGrade");
      await t.fx.clearRequests();
      await t.providers.referenceDefinition.delete!(id, outs);
      expect(summaryWithQuery(await t.fx.requests())).toEqual([`DELETE ${referenceDefinitionsPath}/${id}`]);
      expect((await t.fx.graph("GET", `${referenceDefinitionsPath}/${id}`)).body).toMatchObject({ isDisabled: true });
      await t.fx.clearRequests();
      const again = await create("referenceDefinition", { ...referenceDefinitionArgs(), displayName: "Test grade, again" });
      expect(again.id).toBe(id);
      const requests = await t.fx.requests();
      expect(summaryWithQuery(requests)).toEqual([`GET ${referenceDefinitionsPath}/${id}`, `PATCH ${referenceDefinitionsPath}/${id}`, `GET ${referenceDefinitionsPath}/${id}`]);
      expect(requests[1].body).toEqual({ "@odata.type": `${ns}referenceDefinition`, displayName: "Test grade, again", isDisabled: false });
      expect(again.outs).toMatchObject({ isDisabled: false, adopted: false, deleteOnDestroy: true });
    });

    test("an enabled definition with the same code is someone else's: create fails, saying to adopt it", async () => {
      await t.fx.graph("POST", referenceDefinitionsPath, referenceDefinitionArgs());
      await t.fx.clearRequests();
      const inputs = await checked("referenceDefinition", referenceDefinitionArgs());
      await expect(t.providers.referenceDefinition.create(inputs)).rejects.toThrow(
        /reference definition RefGradeLevel-TestGrade already exists and is not disabled .*referenceDefinitionId: "RefGradeLevel-TestGrade"/,
      );
      expect((await t.fx.requests()).map((r) => r.method)).toEqual(["GET"]);
    });
  });

  describe("adoption refuses an entity whose create-only values differ", () => {
    test.each([
      { name: "a year with another year code", key: "yearTimePeriodDefinition" as ProviderKey, argument: "year" },
      { name: "a connector bound to another source system", key: "azureDataLakeConnector" as ProviderKey, argument: "sourceSystemId" },
    ])("$name", async ({ key, argument }) => {
      const args = key === "yearTimePeriodDefinition" ? yearArgs() : csvConnectorArgs(await newSourceSystem());
      const { id } = await create(key, args);
      const declared = key === "yearTimePeriodDefinition" ? { ...args, year: { code: "2030" }, yearId: id } : { ...args, sourceSystemId: await newSourceSystem(), dataConnectorId: id };
      await t.fx.clearRequests();
      await expect(t.providers[key].create(await checked(key, declared))).rejects.toThrow(new RegExp(`cannot adopt .*: ${argument} cannot be changed in place`));
      expect((await t.fx.requests()).map((r) => r.method)).toEqual(["GET"]);
    });
  });

  describe("creation refused by Graph when a bound entity does not exist", () => {
    test("an inbound flow bound to a missing year: Graph's error, nothing created", async () => {
      const connector = await create("azureDataLakeConnector", csvConnectorArgs(await newSourceSystem()));
      const inputs = await checked("inboundFileFlow", inboundFlowArgs(connector.id, "00000000-0000-4000-8000-00000000dead"));
      await expect(t.providers.inboundFileFlow.create(inputs)).rejects.toThrow(/POST \/external\/industryData\/inboundFlows failed: 4\d\d/);
      expect(((await t.fx.state()) as unknown as Json).inboundFlows).toEqual([]);
    });
  });

  describe("every validation failure of issue 12 is refused by check, before any request", () => {
    const long = "x".repeat(101);
    test.each([
      { name: "startDate after endDate", key: "yearTimePeriodDefinition" as ProviderKey, args: { ...yearArgs(), startDate: "2026-07-01" }, property: "startDate", reason: /must not be after endDate/ },
      { name: "a date not YYYY-MM-DD", key: "yearTimePeriodDefinition" as ProviderKey, args: { ...yearArgs(), endDate: "30.06.2026" }, property: "endDate", reason: /YYYY-MM-DD/ },
      { name: "a display name over 100 characters", key: "sourceSystemDefinition" as ProviderKey, args: { ...sourceSystemArgs(), displayName: long }, property: "displayName", reason: /at most 100 characters/ },
      { name: "a non-https baseUrl", key: "oneRosterApiDataConnector" as ProviderKey, args: { ...oneRosterConnectorArgs("s", SECRET), baseUrl: "http://sis.example.net/ims/oneroster" }, property: "baseUrl", reason: /https:\/\// },
      { name: "an unknown fileFormat", key: "azureDataLakeConnector" as ProviderKey, args: { ...csvConnectorArgs("s"), fileFormat: { code: "xlsx" } }, property: "fileFormat.code", reason: /schoolDataSyncV1, schoolDataSyncV2Rev1/ },
      { name: "an unknown apiFormat", key: "oneRosterApiDataConnector" as ProviderKey, args: { ...oneRosterConnectorArgs("s", SECRET), apiFormat: "edFi" }, property: "apiFormat", reason: /oneRoster/ },
      { name: "effectiveDateTime after expirationDateTime", key: "inboundApiFlow" as ProviderKey, args: { ...inboundFlowArgs("c", "y"), expirationDateTime: "2025-08-01T00:00:00Z" }, property: "effectiveDateTime", reason: /must not be after expirationDateTime/ },
    ])("$name", async ({ key, args, property, reason }) => {
      await t.fx.clearRequests();
      const { failures } = await t.providers[key].check({}, args);
      expect(failures).toContainEqual({ property, reason: expect.stringMatching(reason) });
      expect(JSON.stringify(failures)).not.toContain(SECRET);
      expect(await t.fx.requests()).toEqual([]);
    });
  });

  describe("adoption in a polymorphic collection", () => {
    test("a OneRoster resource refuses to adopt a CSV connector, naming the class that can", async () => {
      const { id } = await create("azureDataLakeConnector", csvConnectorArgs(await newSourceSystem()));
      const inputs = await checked("oneRosterApiDataConnector", { dataConnectorId: id, displayName: "CSV connector" });
      await t.fx.clearRequests();
      await expect(t.providers.oneRosterApiDataConnector.create(inputs)).rejects.toThrow(
        /cannot adopt data connector .* with OneRosterApiDataConnector: its type is azureDataLakeConnector \(adopt it with AzureDataLakeConnector\)/,
      );
      expect((await t.fx.requests()).map((r) => r.method)).toEqual(["GET"]);
    });
  });
});

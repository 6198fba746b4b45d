/**
 * getUploadSession: a real SAS URL into Azurite, used with the vendor's client (@azure/storage-blob); one
 * session per connector until reset; the signature is checked by the storage; it never reaches the logs.
 */
import { ContainerClient } from "@azure/storage-blob";
import { createIn, IDATA, inboundBodies, startTestEmulator, TestEmulator } from "./helpers";
import { TEST_CLIENT_SECRETS } from "../support/testSecrets";

const SESSION = "microsoft.graph.industryData.azureDataLakeConnector/getUploadSession";
const ISO7 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

async function blobNames(url: string): Promise<string[]> {
  const names: string[] = [];
  for await (const blob of new ContainerClient(url).listBlobsFlat()) names.push(blob.name);
  return names;
}

describe("emulator getUploadSession (Azurite)", () => {
  let emu: TestEmulator;
  let connectorId: string;
  let sourceSystemId: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());
  beforeEach(async () => {
    await emu.admin("POST", "/reset");
    sourceSystemId = await createIn(emu, "sourceSystems", inboundBodies.sourceSystem());
    connectorId = await createIn(emu, "dataConnectors", inboundBodies.csvConnector(sourceSystemId));
  });

  test("answers a fileUploadSession whose sessionUrl is a container SAS the Azure SDK uploads to", async () => {
    const r = await emu.graph("GET", `${IDATA}/dataConnectors/${connectorId}/${SESSION}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      "@odata.context": `${emu.graphUrl}/$metadata#microsoft.graph.industryData.fileUploadSession`,
      containerId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      containerExpirationDateTime: expect.stringMatching(ISO7),
      sessionExpirationDateTime: expect.stringMatching(ISO7),
    });
    const url = new URL(r.body.sessionUrl);
    expect(url.origin).toBe(new URL(await emu.storageUrl()).origin);
    expect(url.hostname).toBe("127.0.0.1");
    expect(url.pathname).toBe(`/devstoreaccount1/${r.body.containerId}`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ sr: "c", sp: "racwdl", sig: expect.any(String) });
    const container = new ContainerClient(r.body.sessionUrl);
    await container.getBlockBlobClient("orgs.csv").uploadData(Buffer.from("sourcedId,name,type\nd1,District,district\n"));
    expect(await blobNames(r.body.sessionUrl)).toEqual(["orgs.csv"]);
    expect((await container.getBlobClient("orgs.csv").downloadToBuffer()).toString()).toContain("d1,District,district");
  });

  test("the same session is answered until resetSession=true, which gives a new, empty container", async () => {
    const first = (await emu.graph("GET", `${IDATA}/dataConnectors/${connectorId}/${SESSION}`)).body;
    await new ContainerClient(first.sessionUrl).getBlockBlobClient("users.csv").uploadData(Buffer.from("sourcedId,username\n"));
    const again = (await emu.graph("GET", `${IDATA}/dataConnectors/${connectorId}/${SESSION}?resetSession=false`)).body;
    expect(again.containerId).toBe(first.containerId);
    expect(await blobNames(again.sessionUrl)).toEqual(["users.csv"]);
    const reset = (await emu.graph("GET", `${IDATA}/dataConnectors/${connectorId}/${SESSION}?resetSession=true`)).body;
    expect(reset.containerId).not.toBe(first.containerId);
    expect(await blobNames(reset.sessionUrl)).toEqual([]);
  });

  test("an expired session (on the emulator's clock) is replaced by a new one", async () => {
    const first = (await emu.graph("GET", `${IDATA}/dataConnectors/${connectorId}/${SESSION}`)).body;
    await emu.admin("POST", "/clock/advance", { seconds: 15 * 3600 });
    const next = (await emu.graph("GET", `${IDATA}/dataConnectors/${connectorId}/${SESSION}`)).body;
    expect(next.containerId).not.toBe(first.containerId);
  });

  test("the storage checks the signature: a tampered SAS is refused", async () => {
    const url = new URL((await emu.graph("GET", `${IDATA}/dataConnectors/${connectorId}/${SESSION}`)).body.sessionUrl);
    url.searchParams.set("sig", Buffer.alloc(32, 7).toString("base64"));
    await expect(new ContainerClient(url.toString()).getBlockBlobClient("orgs.csv").uploadData(Buffer.from("x"))).rejects.toMatchObject({ statusCode: 403 });
  });

  test.each([
    ["the older doc's spelling GetUploadSession", "microsoft.graph.industryData.azureDataLakeConnector/GetUploadSession", 200],
    ["an invalid resetSession", `${SESSION}?resetSession=maybe`, 400],
  ])("%s", async (_name, suffix, status) => {
    expect((await emu.graph("GET", `${IDATA}/dataConnectors/${connectorId}/${suffix}`)).status).toBe(status);
  });

  test("a OneRoster connector has no upload session (400), an unknown connector is a 404", async () => {
    const apiId = await createIn(emu, "dataConnectors", inboundBodies.oneRosterConnector(sourceSystemId, TEST_CLIENT_SECRETS.emulatorOneRoster));
    const r = await emu.graph("GET", `${IDATA}/dataConnectors/${apiId}/${SESSION}`);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/bound to #microsoft\.graph\.industryData\.azureDataLakeConnector/);
    expect((await emu.graph("GET", `${IDATA}/dataConnectors/00000000-0000-0000-0000-000000000000/${SESSION}`)).status).toBe(404);
  });

  test.each([
    ["IndustryData-DataConnector.Upload", 200],
    ["IndustryData-DataConnector.ReadWrite.All", 200],
    ["IndustryData-DataConnector.Read.All", 403],
  ])("a token with %s gets %i", async (role, status) => {
    const token = (await emu.admin("POST", "/tokens", { roles: [role] })).body.access_token;
    expect((await emu.graph("GET", `${IDATA}/dataConnectors/${connectorId}/${SESSION}`, undefined, { token })).status).toBe(status);
  });

  test("the SAS signature never reaches the request log, even when a client sends the URL back", async () => {
    const { sessionUrl } = (await emu.graph("GET", `${IDATA}/dataConnectors/${connectorId}/${SESSION}`)).body;
    const sig = new URL(sessionUrl).searchParams.get("sig")!;
    await emu.graph("GET", `${IDATA}/dataConnectors/${connectorId}?sig=${encodeURIComponent(sig)}&next=${encodeURIComponent(sessionUrl)}`);
    await emu.graph("POST", `${IDATA}/sourceSystems`, { displayName: "x", vendor: sessionUrl });
    const log = JSON.stringify((await emu.admin("GET", "/requests")).body);
    expect(log).toContain("sig=[redacted]");
    expect(log).not.toContain(sig);
    expect(log).not.toContain(encodeURIComponent(sig));
    expect(JSON.stringify((await emu.admin("GET", "/state")).body)).not.toContain(sig);
  });
});

describe("emulator storage modes", () => {
  test.each([
    ["off: getUploadSession is a 503", "off" as const, 503],
    ["eager: started with the emulator", "eager" as const, 200],
  ])("%s", async (_name, storage, status) => {
    const emu = await startTestEmulator({ storage });
    try {
      const info = (await emu.admin("GET", "/info")).body;
      expect(info.storage.mode).toBe(storage);
      expect(info.storage.blobEndpoint === null).toBe(storage === "off");
      const ss = await createIn(emu, "sourceSystems", inboundBodies.sourceSystem());
      const id = await createIn(emu, "dataConnectors", inboundBodies.csvConnector(ss));
      expect((await emu.graph("GET", `${IDATA}/dataConnectors/${id}/${SESSION}`)).status).toBe(status);
    } finally {
      await emu.stop();
    }
  });

  test("lazy (the default): nothing listens until the first upload session", async () => {
    const emu = await startTestEmulator();
    try {
      expect((await emu.admin("GET", "/info")).body.storage).toEqual({ mode: "lazy", blobEndpoint: null });
      const ss = await createIn(emu, "sourceSystems", inboundBodies.sourceSystem());
      const id = await createIn(emu, "dataConnectors", inboundBodies.csvConnector(ss));
      await emu.graph("GET", `${IDATA}/dataConnectors/${id}/${SESSION}`);
      expect((await emu.admin("GET", "/info")).body.storage.blobEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1$/);
    } finally {
      await emu.stop();
    }
  });
});

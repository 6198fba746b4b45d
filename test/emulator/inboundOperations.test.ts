/**
 * The connector `validate` action: 202 with a Location to an operation that progresses on the emulator's
 * clock (notStarted, running, succeeded); an API connector's credential check against the SIS's registered
 * clients; a CSV connector with nothing uploaded finds the required files missing.
 */
import { createIn, IDATA, inboundBodies, NS, startTestEmulator, TestEmulator } from "./helpers";
import { advanceClock, freezeClock } from "./sdsFiles";
import { TEST_CLIENT_SECRETS } from "../support/testSecrets";

const ISO7 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

describe("emulator validate action and operations", () => {
  let emu: TestEmulator;
  let sourceSystemId: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());
  beforeEach(async () => {
    await emu.admin("POST", "/reset");
    await emu.admin("PUT", "/oneroster-clients", []);
    await freezeClock(emu);
    sourceSystemId = await createIn(emu, "sourceSystems", inboundBodies.sourceSystem());
  });

  const oneRoster = () => createIn(emu, "dataConnectors", inboundBodies.oneRosterConnector(sourceSystemId, TEST_CLIENT_SECRETS.emulatorOneRoster));

  test.each(["microsoft.graph.industryData.validate", "validate"])("POST …/{id}/%s answers 202 with a Location to the operation and a Retry-After", async (action) => {
    const id = await oneRoster();
    const r = await emu.graph("POST", `${IDATA}/dataConnectors/${id}/${action}`);
    expect(r.status).toBe(202);
    expect(r.body).toBeUndefined();
    expect(r.headers.get("location")).toMatch(new RegExp(`^${emu.graphUrl}${IDATA}/operations/[0-9a-f-]{36}$`));
    expect(r.headers.get("retry-after")).toBe("5"); // frozen clock: Graph's documented polling interval
  });

  test("an operation is notStarted, then running, then succeeded as the clock moves; polling alone changes nothing", async () => {
    const id = await oneRoster();
    const location = (await emu.graph("POST", `${IDATA}/dataConnectors/${id}/validate`)).headers.get("location")!;
    for (let i = 0; i < 3; i++) expect((await emu.graph("GET", location)).body.status).toBe("notStarted");
    await advanceClock(emu, 2);
    const running = await emu.graph("GET", location);
    expect(running.body).toMatchObject({ "@odata.type": `${NS}validateOperation`, status: "running", errors: [], warnings: [] });
    expect(running.headers.get("retry-after")).toBe("5");
    expect((await emu.graph("GET", `${IDATA}/dataConnectors/${id}`)).body.credential.lastValidDateTime).toBeNull();
    await advanceClock(emu, 8);
    const done = await emu.graph("GET", location);
    expect(done.body).toMatchObject({ status: "succeeded", errors: [], resourceLocation: `${emu.graphUrl}${IDATA}/dataConnectors/${id}` });
    expect(done.headers.get("retry-after")).toBeNull();
    expect(Date.parse(done.body.lastActionDateTime) - Date.parse(done.body.createdDateTime)).toBe(10_000);
    const credential = (await emu.graph("GET", `${IDATA}/dataConnectors/${id}`)).body.credential;
    expect(credential).toMatchObject({ isValid: true });
    expect(credential.lastValidDateTime).toMatch(ISO7);
    expect(credential.lastValidDateTime).toBe(done.body.lastActionDateTime);
  });

  test("with the clock running fast, the operation completes without being stepped", async () => {
    await emu.admin("PUT", "/clock", { speed: 100_000 });
    const id = await oneRoster();
    const r = await emu.graph("POST", `${IDATA}/dataConnectors/${id}/validate`);
    expect(r.headers.get("retry-after")).toBe("0");
    let status = "";
    for (let i = 0; i < 200 && status !== "succeeded"; i++) {
      status = (await emu.graph("GET", r.headers.get("location")!)).body.status;
      if (status !== "succeeded") await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(status).toBe("succeeded");
  });

  test.each([
    ["the SIS knows the client with this secret", TEST_CLIENT_SECRETS.emulatorOneRoster, { isValid: true }, []],
    ["the SIS knows the client with another secret", TEST_CLIENT_SECRETS.emulatorOneRosterRotated, { isValid: false, lastValidDateTime: null }, ["InvalidCredential"]],
  ])("an API connector's credential check: %s", async (_name, sisSecret, credential, errorCodes) => {
    await emu.admin("PUT", "/oneroster-clients", [{ clientId: "530be723-6af3-4952-8658-668fb2598ad7", clientSecret: sisSecret }]);
    const id = await oneRoster();
    const location = (await emu.graph("POST", `${IDATA}/dataConnectors/${id}/validate`)).headers.get("location")!;
    await advanceClock(emu, 10);
    const done = (await emu.graph("GET", location)).body;
    expect(done.status).toBe("succeeded");
    expect(done.errors.map((e: { code: string }) => e.code)).toEqual(errorCodes);
    expect((await emu.graph("GET", `${IDATA}/dataConnectors/${id}`)).body.credential).toMatchObject(credential);
    // The SIS's secrets are never listed.
    expect(JSON.stringify((await emu.admin("GET", "/oneroster-clients")).body)).not.toContain(sisSecret);
  });

  test("a CSV connector with nothing uploaded: a fileValidateOperation that succeeds reporting the required files missing", async () => {
    const id = await createIn(emu, "dataConnectors", inboundBodies.csvConnector(sourceSystemId));
    const location = (await emu.graph("POST", `${IDATA}/dataConnectors/${id}/validate`)).headers.get("location")!;
    await advanceClock(emu, 10);
    const done = (await emu.graph("GET", location)).body;
    expect(done).toMatchObject({ "@odata.type": `${NS}fileValidateOperation`, status: "succeeded", validatedFiles: [] });
    expect(done.errors.map((e: { code: string; target: string }) => [e.code, e.target])).toEqual([
      ["RequiredFileNotFound", "orgs.csv"], ["RequiredFileNotFound", "users.csv"], ["RequiredFileNotFound", "roles.csv"],
    ]);
    expect(done.warnings.map((e: { code: string; target: string }) => [e.code, e.target])).toEqual([
      ["OptionalFileNotFound", "classes.csv"], ["OptionalFileNotFound", "enrollments.csv"],
    ]);
    const list = (await emu.graph("GET", `${IDATA}/operations`)).body;
    expect(list.value.map((o: { id: string }) => o.id)).toEqual([done.id]);
  });

  test.each([
    ["validate of an unknown connector", "POST", `${IDATA}/dataConnectors/00000000-0000-0000-0000-000000000000/validate`],
    ["an unknown operation", "GET", `${IDATA}/operations/00000000-0000-0000-0000-000000000000`],
  ])("%s is a 404", async (_name, method, url) => {
    expect((await emu.graph(method, url)).status).toBe(404);
  });

  test("validation of a connector deleted meanwhile fails", async () => {
    const id = await createIn(emu, "dataConnectors", inboundBodies.csvConnector(sourceSystemId));
    const location = (await emu.graph("POST", `${IDATA}/dataConnectors/${id}/validate`)).headers.get("location")!;
    await emu.graph("DELETE", `${IDATA}/dataConnectors/${id}`);
    await advanceClock(emu, 10);
    expect((await emu.graph("GET", location)).body).toMatchObject({ status: "failed", errors: [{ code: "DataConnectorNotFound" }] });
  });
});

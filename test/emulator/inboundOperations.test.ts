/**
 * The connector `validate` action: 202 with a Location to an operation that answers `running` once and then
 * `succeeded`, marking an API connector's credential valid; a CSV connector's validation finds no files.
 */
import { createIn, IDATA, inboundBodies, NS, startTestEmulator, TestEmulator } from "./helpers";
import { TEST_CLIENT_SECRETS } from "../support/testSecrets";

describe("emulator validate action and operations", () => {
  let emu: TestEmulator;
  let sourceSystemId: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());
  beforeEach(async () => {
    await emu.admin("POST", "/reset");
    sourceSystemId = await createIn(emu, "sourceSystems", inboundBodies.sourceSystem());
  });

  test.each(["microsoft.graph.industryData.validate", "validate"])("POST …/{id}/%s answers 202 with a Location to the operation", async (action) => {
    const id = await createIn(emu, "dataConnectors", inboundBodies.oneRosterConnector(sourceSystemId, TEST_CLIENT_SECRETS.emulatorOneRoster));
    const r = await emu.graph("POST", `${IDATA}/dataConnectors/${id}/${action}`);
    expect(r.status).toBe(202);
    expect(r.body).toBeUndefined();
    expect(r.headers.get("location")).toMatch(new RegExp(`^${emu.graphUrl}${IDATA}/operations/[0-9a-f-]{36}$`));
  });

  test("an API connector's operation: running on the first poll, succeeded on the second, and the credential is then valid", async () => {
    const id = await createIn(emu, "dataConnectors", inboundBodies.oneRosterConnector(sourceSystemId, TEST_CLIENT_SECRETS.emulatorOneRoster));
    const location = (await emu.graph("POST", `${IDATA}/dataConnectors/${id}/validate`)).headers.get("location")!;
    const first = await emu.graph("GET", location);
    expect(first.body).toMatchObject({ "@odata.type": `${NS}validateOperation`, status: "running", errors: [], warnings: [] });
    expect((await emu.graph("GET", `${IDATA}/dataConnectors/${id}`)).body.credential.lastValidDateTime).toBeNull();
    const second = await emu.graph("GET", location);
    expect(second.body).toMatchObject({ status: "succeeded", resourceLocation: `${emu.graphUrl}${IDATA}/dataConnectors/${id}` });
    const credential = (await emu.graph("GET", `${IDATA}/dataConnectors/${id}`)).body.credential;
    expect(credential.isValid).toBe(true);
    expect(credential.lastValidDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);
    expect(credential.lastValidDateTime).toBe(second.body.lastActionDateTime);
    expect((await emu.graph("GET", location)).body.status).toBe("succeeded");
  });

  test("a CSV connector's operation is a fileValidateOperation that succeeds reporting the required files missing", async () => {
    const id = await createIn(emu, "dataConnectors", inboundBodies.csvConnector(sourceSystemId));
    const location = (await emu.graph("POST", `${IDATA}/dataConnectors/${id}/validate`)).headers.get("location")!;
    await emu.graph("GET", location);
    const done = (await emu.graph("GET", location)).body;
    expect(done).toMatchObject({ "@odata.type": `${NS}fileValidateOperation`, status: "succeeded", validatedFiles: [] });
    expect(done.errors.map((e: { code: string; target: string }) => [e.code, e.target])).toEqual([
      ["RequiredFileNotFound", "orgs.csv"], ["RequiredFileNotFound", "users.csv"], ["RequiredFileNotFound", "roles.csv"],
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
    await emu.graph("GET", location);
    expect((await emu.graph("GET", location)).body).toMatchObject({ status: "failed", errors: [{ code: "DataConnectorNotFound" }] });
  });
});

/**
 * The emulator's `autoExpandInbound` option: plain reads serve the navigations the CSDL marks `Core.AutoExpand`
 * (each user-matching setting's roleGroup, a connector's sourceSystem) expanded, as the real service may; without
 * it, as the docs' examples show, neither. An explicit `$expand`/`$select` decides the shape either way; the 201
 * answer of a create is never expanded (as for the outbound roleGroup).
 */
import { createIn, IDATA, inboundBodies, startTestEmulator, TestEmulator } from "./helpers";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers

describe.each([false, true])("autoExpandInbound: %s", (autoExpandInbound) => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ autoExpandInbound });
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.admin("POST", "/reset"));

  test("a source system's GET and list: each user-matching setting's roleGroup expanded only with the option", async () => {
    const id = await createIn(emu, "sourceSystems", inboundBodies.sourceSystem());
    for (const body of [(await emu.graph("GET", `${IDATA}/sourceSystems/${id}`)).body, (await emu.graph("GET", `${IDATA}/sourceSystems`)).body.value[0]] as Json[]) {
      const roleGroups = body.userMatchingSettings.map((s: Json) => s.roleGroup?.id);
      expect(roleGroups).toEqual(autoExpandInbound ? ["staff", "students"] : [undefined, undefined]);
      if (autoExpandInbound) {
        expect(body.userMatchingSettings[0]).toMatchObject({ roleGroup: { id: "staff", displayName: "Staff" }, "roleGroup@odata.context": expect.stringContaining("$metadata#external/industryData/roleGroups/$entity") });
      }
    }
  });

  test("a connector's plain GET carries sourceSystem expanded whole only with the option; $expand and $select decide otherwise; the 201 never", async () => {
    const sourceId = await createIn(emu, "sourceSystems", inboundBodies.sourceSystem());
    const created = await emu.graph("POST", `${IDATA}/dataConnectors`, inboundBodies.csvConnector(sourceId));
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty("sourceSystem");
    const id = created.body.id as string;
    const plain = (await emu.graph("GET", `${IDATA}/dataConnectors/${id}`)).body as Json;
    if (autoExpandInbound) expect(plain.sourceSystem).toMatchObject({ id: sourceId, displayName: "Rostering source" });
    else expect(plain).not.toHaveProperty("sourceSystem");
    expect((await emu.graph("GET", `${IDATA}/dataConnectors/${id}?$expand=sourceSystem($select=id)`)).body.sourceSystem).toEqual({ id: sourceId });
    expect((await emu.graph("GET", `${IDATA}/dataConnectors/${id}?$select=displayName`)).body).not.toHaveProperty("sourceSystem");
  });
});

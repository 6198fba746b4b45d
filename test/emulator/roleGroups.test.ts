/** Role groups: list and get with their roles, `$filter` by display name or id (how lookups find them), `$select`. */
import { IDATA, startTestEmulator, TestEmulator } from "./helpers";

const GROUPS = `${IDATA}/roleGroups`;

describe("emulator role groups", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());

  test("the built-in groups: staff with every staff role of the default list of values, students with student", async () => {
    const list = (await emu.graph("GET", GROUPS)).body;
    expect(list.value.map((g: { id: string; displayName: string }) => [g.id, g.displayName])).toEqual([["staff", "Staff"], ["students", "Students"]]);
    const staff = (await emu.graph("GET", `${GROUPS}/staff`)).body;
    expect(staff.roles).toEqual(expect.arrayContaining([{ code: "teacher" }, { code: "principal" }, { code: "paraprofessional" }]));
    expect(staff.roles).not.toContainEqual({ code: "student" });
    expect((await emu.graph("GET", `${GROUPS}/STUDENTS`)).body).toMatchObject({ id: "students", roles: [{ code: "student" }] });
  });

  test.each([
    ["displayName eq 'Students'", ["students"]],
    ["displayName eq 'students'", ["students"]],
    ["id eq 'staff'", ["staff"]],
    ["displayName eq 'Nobody'", []],
  ])("$filter=%s", async (filter, ids) => {
    const r = await emu.graph("GET", `${GROUPS}?$filter=${encodeURIComponent(filter)}`);
    expect(r.status).toBe(200);
    expect(r.body.value.map((g: { id: string }) => g.id)).toEqual(ids);
  });

  test.each([
    ["$filter=startswith(displayName,'S')", /serves "displayName eq '<name>'"/],
    ["$select=colour", /Could not find a property named 'colour'/],
  ])("%s is a 400 naming what is served", async (query, message) => {
    const r = await emu.graph("GET", `${GROUPS}?${query}`);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(message);
  });

  test("$select keeps id and the properties asked for", async () => {
    const r = await emu.graph("GET", `${GROUPS}?$select=displayName`);
    expect(r.body.value).toEqual([{ id: "staff", displayName: "Staff" }, { id: "students", displayName: "Students" }]);
    expect((await emu.graph("GET", `${GROUPS}/staff?$select=roles`)).body).not.toHaveProperty("displayName");
  });

  test("a role group added through the state is listed and found by name", async () => {
    const state = (await emu.admin("GET", "/state")).body;
    state.roleGroups.push({ id: "guardians", displayName: "Guardians", roles: [{ code: "other" }] });
    expect((await emu.admin("PUT", "/state", state)).status).toBe(204);
    const found = (await emu.graph("GET", `${GROUPS}?$filter=${encodeURIComponent("displayName eq 'Guardians'")}`)).body.value;
    expect(found).toEqual([{ id: "guardians", displayName: "Guardians", roles: [{ code: "other" }] }]);
  });
});

/** Reads as the service answers: masked passwords, roleGroup auto-expansion, normalized codes, shapes. */
import { FLOW_SETS, flowBodies, NS, startTestEmulator, TestEmulator } from "./helpers";
import { TEST_PASSWORDS } from "../support/testSecrets";

const MASK = "***************";

describe("emulator reads", () => {
  let emu: TestEmulator;
  let setId: string;
  const flows = () => `${FLOW_SETS}/${setId}/provisioningFlows`;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());
  beforeEach(async () => {
    await emu.admin("POST", "/reset");
    setId = await emu.createSet();
  });

  test("masked password: 15 asterisks on 201, GET and list, whatever length was sent", async () => {
    const body = flowBodies.user();
    body.creationOptions.configurations[0].defaultPasswordSettings.password = "********";
    body.creationOptions.configurations[1].defaultPasswordSettings.password = TEST_PASSWORDS.emulatorLong;
    const created = await emu.graph("POST", flows(), body);
    const got = await emu.graph("GET", `${flows()}/${created.body.id}`);
    const listed = await emu.graph("GET", flows());
    for (const flow of [created.body, got.body, listed.body.value[0]]) {
      for (const c of flow.creationOptions.configurations) {
        expect(c.defaultPasswordSettings).toEqual({ "@odata.type": `${NS}simplePasswordSettings`, password: MASK });
      }
    }
    expect(MASK).toHaveLength(15);
    expect(JSON.stringify([created.body, got.body, listed.body])).not.toContain("a-much-longer");
  });

  test("roleGroup auto-expanded with roleGroup@odata.context on GET and list, absent from the 201 answer", async () => {
    const created = await emu.graph("POST", flows(), flowBodies.user());
    for (const c of created.body.creationOptions.configurations) {
      expect(c).not.toHaveProperty("roleGroup");
      expect(c).not.toHaveProperty(["roleGroup@odata.bind"]);
    }
    const got = await emu.graph("GET", `${flows()}/${created.body.id}`);
    const listed = await emu.graph("GET", flows());
    for (const flow of [got.body, listed.body.value[0]]) {
      const [staff, students] = flow.creationOptions.configurations;
      expect(staff.roleGroup).toMatchObject({ id: "staff", displayName: "Staff" });
      expect(staff.roleGroup.roles).toContainEqual({ code: "teacher" });
      expect(students.roleGroup).toEqual({ id: "students", displayName: "Students", roles: [{ code: "student" }] });
      expect(staff["roleGroup@odata.context"]).toMatch(/\/creationOptions\/configurations\/roleGroup\/\$entity$/);
      expect(staff).not.toHaveProperty(["roleGroup@odata.bind"]);
    }
  });

  test.each([
    ["absolute on graph.microsoft.com", "https://graph.microsoft.com/beta/external/industryData/roleGroups/students"],
    ["absolute on the emulator host", "EMU/external/industryData/roleGroups/students"],
    ["relative", "external/industryData/roleGroups/students"],
    ["relative with a leading slash", "/external/industryData/roleGroups/students"],
    ["OData key syntax", "https://graph.microsoft.com/beta/external/industryData/roleGroups('students')"],
    ["different case", "https://graph.microsoft.com/beta/external/industryData/roleGroups/Students"],
  ])("roleGroup@odata.bind %s resolves to the role group", async (_name, bind) => {
    const body = flowBodies.user();
    body.creationOptions.configurations = [{ ...body.creationOptions.configurations[1], "roleGroup@odata.bind": bind.replace("EMU", emu.graphUrl) }];
    const id = (await emu.graph("POST", flows(), body)).body.id;
    const got = await emu.graph("GET", `${flows()}/${id}`);
    expect(got.body.creationOptions.configurations[0].roleGroup.id).toBe("students");
  });

  test("role groups staff and students exist: list and get", async () => {
    const list = await emu.graph("GET", "/external/industryData/roleGroups");
    expect(list.status).toBe(200);
    expect(list.body.value.map((g: { id: string }) => g.id)).toEqual(["staff", "students"]);
    const staff = await emu.graph("GET", "/external/industryData/roleGroups/staff");
    expect(staff.body).toMatchObject({ id: "staff", displayName: "Staff" });
    expect(staff.body["@odata.context"]).toContain("roleGroups/$entity");
    expect((await emu.graph("GET", "/external/industryData/roleGroups/parents")).status).toBe(404);
  });

  test.each([
    ["paraProfessional", "paraprofessional"],
    ["TEACHER", "teacher"],
    ["teacherassistant", "teacherAssistant"],
    ["Librarian", "librarian"],
  ])("reference code %s is stored and returned as %s", async (sent, stored) => {
    const body = flowBodies.classGroup();
    body.configuration.enrollmentMappings.ownerEnrollmentMappings = [{ "@odata.type": `${NS}sectionRoleReferenceValue`, code: sent }];
    const id = (await emu.graph("POST", flows(), body)).body.id;
    const got = await emu.graph("GET", `${flows()}/${id}`);
    expect(got.body.configuration.enrollmentMappings.ownerEnrollmentMappings).toEqual([{ code: stored }]);
  });

  test("a mapping bound by value@odata.bind gets its code from the reference definition id", async () => {
    const body = flowBodies.classGroup();
    body.configuration.enrollmentMappings.memberEnrollmentMappings = [
      { "@odata.type": `${NS}sectionRoleReferenceValue`, "value@odata.bind": "external/industryData/referenceDefinitions/RefSectionRoleType-Student" } as any,
    ];
    const id = (await emu.graph("POST", flows(), body)).body.id;
    const got = await emu.graph("GET", `${flows()}/${id}`);
    expect(got.body.configuration.enrollmentMappings.memberEnrollmentMappings).toEqual([{ code: "student" }]);
  });

  test("nested objects come back without @odata.type, except abstract-typed values", async () => {
    const id = (await emu.graph("POST", flows(), flowBodies.classGroup())).body.id;
    const got = (await emu.graph("GET", `${flows()}/${id}`)).body;
    expect(got.configuration).toEqual({
      additionalAttributes: ["courseTitle", "courseCode"],
      additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
      enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [{ code: "substitute" }] },
    });
    const user = (await emu.graph("GET", `${flows()}/${await emu.createFlow(setId, flowBodies.user())}`)).body;
    expect(user.managementOptions).not.toHaveProperty(["@odata.type"]);
    expect(user.creationOptions.configurations[0].defaultPasswordSettings["@odata.type"]).toBe(`${NS}simplePasswordSettings`);
  });

  test("unsent nullable properties read back as null, unsent collections as []", async () => {
    const id = await emu.createFlow(setId, { "@odata.type": `${NS}userProvisioningFlow`, managementOptions: { additionalOptions: {} } });
    const got = (await emu.graph("GET", `${flows()}/${id}`)).body;
    expect(got).toMatchObject({
      createUnmatchedUsers: null,
      creationOptions: null,
      managementOptions: { additionalAttributes: [], additionalOptions: { allowStudentContactAssociation: null, studentAgeGroup: null } },
    });
  });

  test("deprecated markAllStudentsAsMinors is accepted but no longer stored or returned (removed 2025-10-15)", async () => {
    const body = flowBodies.user();
    (body.managementOptions.additionalOptions as Record<string, unknown>).markAllStudentsAsMinors = true;
    const created = await emu.graph("POST", flows(), body);
    expect(created.status).toBe(201);
    const got = (await emu.graph("GET", `${flows()}/${created.body.id}`)).body;
    expect(got.managementOptions.additionalOptions).not.toHaveProperty("markAllStudentsAsMinors");
  });

  test("property names bind case-insensitively, as the service's examples show (createBasedOnOrgPlusroleGroup)", async () => {
    const id = await emu.createFlow(setId, {
      "@odata.type": `${NS}securityGroupProvisioningFlow`,
      creationOptions: { createBasedOnroleGroup: true, createBasedOnOrgPlusroleGroup: false },
    });
    const got = (await emu.graph("GET", `${flows()}/${id}`)).body;
    expect(got.creationOptions).toEqual({ createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false });
    const user = flowBodies.user() as Record<string, any>;
    user.CreationOptions = user.creationOptions;
    delete user.creationOptions;
    user.CreationOptions.configurations[0]["RoleGroup@odata.bind"] = user.CreationOptions.configurations[0]["roleGroup@odata.bind"];
    delete user.CreationOptions.configurations[0]["roleGroup@odata.bind"];
    const userId = await emu.createFlow(setId, user);
    const userGot = (await emu.graph("GET", `${flows()}/${userId}`)).body;
    expect(userGot.creationOptions.configurations[0].roleGroup.id).toBe("staff");
  });

  test("read annotations echoed back from a GET are ignored on write", async () => {
    const id = await emu.createFlow(setId, flowBodies.securityGroup());
    const got = (await emu.graph("GET", `${flows()}/${id}`)).body;
    const { id: _i, createdDateTime: _c, lastModifiedDateTime: _l, readinessStatus: _r, ...writable } = got;
    expect(Object.keys(writable)).toContain("@odata.context");
    expect((await emu.graph("PATCH", `${flows()}/${id}`, writable)).status).toBe(204);
  });
});

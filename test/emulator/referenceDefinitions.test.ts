/**
 * Reference definitions: built-ins (source, created 0001-01-01), tenant-defined codes (id `{type}-{code}`,
 * source "Tenant Defined"), code and sortIndex unique within a type, DELETE a soft delete.
 */
import { IDATA, NS, startTestEmulator, TestEmulator } from "./helpers";

const DEFS = `${IDATA}/referenceDefinitions`;
const docsExample = () => ({ "@odata.type": `${NS}referenceDefinition`, referenceType: "RefGradeLevel", code: "TestGrade", isDisabled: false, sortIndex: 300, displayName: "New Test Grade Level" });

describe("emulator reference definitions", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.admin("POST", "/reset"));

  test("built-in definitions carry their source and Graph's zero creation time", async () => {
    const r = await emu.graph("GET", `${DEFS}/RefUserMatchTarget-userPrincipalName`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: "RefUserMatchTarget-userPrincipalName", code: "userPrincipalName", referenceType: "RefUserMatchTarget", isDisabled: false, createdDateTime: "0001-01-01T00:00:00Z" });
    expect(r.body.source).not.toBe("Tenant Defined");
    const all = (await emu.graph("GET", `${DEFS}?$top=999`)).body.value;
    expect(new Set(all.map((d: { referenceType: string }) => d.referenceType))).toEqual(new Set(["RefIdentifierType", "RefUserMatchTarget", "RefFileFormat", "RefAcademicYear", "RefGradeLevel", "RefOrgType", "RefRole"]));
  });

  test("the docs' create example answers 201 with id {type}-{code}, source Tenant Defined and timestamps", async () => {
    const r = await emu.graph("POST", DEFS, docsExample());
    expect(r.status).toBe(201);
    expect(r.headers.get("location")).toBe(`${emu.graphUrl}${DEFS}/RefGradeLevel-TestGrade`);
    const { "@odata.context": _c, createdDateTime, lastModifiedDateTime, ...rest } = r.body;
    expect(rest).toEqual({ id: "RefGradeLevel-TestGrade", referenceType: "RefGradeLevel", displayName: "New Test Grade Level", code: "TestGrade", source: "Tenant Defined", isDisabled: false, sortIndex: 300 });
    expect(createdDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);
    expect(lastModifiedDateTime).toBe(createdDateTime);
  });

  test("the docs' update example answers 204; DELETE disables (soft delete) and the definition stays readable", async () => {
    await emu.graph("POST", DEFS, docsExample());
    const patched = await emu.graph("PATCH", `${DEFS}/RefGradeLevel-TestGrade`, { "@odata.type": `${NS}referenceDefinition`, displayName: "Updated Test Grade Name" });
    expect(patched.status).toBe(204);
    const before = (await emu.graph("GET", `${DEFS}/RefGradeLevel-TestGrade`)).body;
    expect(before.displayName).toBe("Updated Test Grade Name");
    expect((await emu.graph("DELETE", `${DEFS}/RefGradeLevel-TestGrade`)).status).toBe(204);
    const after = (await emu.graph("GET", `${DEFS}/RefGradeLevel-TestGrade`)).body;
    expect(after.isDisabled).toBe(true);
    expect(after.lastModifiedDateTime > before.lastModifiedDateTime).toBe(true);
    expect((await emu.graph("DELETE", `${DEFS}/RefGradeLevel-TestGrade`)).status).toBe(204);
    expect((await emu.graph("PATCH", `${DEFS}/RefGradeLevel-TestGrade`, { isDisabled: false })).status).toBe(204);
    expect((await emu.graph("GET", `${DEFS}/RefGradeLevel-TestGrade`)).body.isDisabled).toBe(false);
  });

  test("a disabled code (seeded through PUT state) can no longer be used by a reference value", async () => {
    const state = (await emu.admin("GET", "/state")).body;
    state.referenceDefinitions.find((d: { id: string }) => d.id === "RefFileFormat-schoolDataSyncV1").isDisabled = true;
    expect((await emu.admin("PUT", "/state", state)).status).toBe(204);
    const ss = await emu.graph("POST", `${IDATA}/sourceSystems`, { displayName: "S" });
    const connector = (code: string) => ({ "@odata.type": `${NS}azureDataLakeConnector`, displayName: "C", fileFormat: { code }, "sourceSystem@odata.bind": `external/industryData/sourceSystems/${ss.body.id}` });
    const refused = await emu.graph("POST", `${IDATA}/dataConnectors`, connector("schoolDataSyncV1"));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/'fileFormat\.code' has code 'schoolDataSyncV1', which is not an enabled RefFileFormat reference definition\. Known codes: schoolDataSyncV2Rev1\./);
    expect((await emu.graph("POST", `${IDATA}/dataConnectors`, connector("schoolDataSyncV2Rev1"))).status).toBe(201);
  });

  test.each([
    ["a duplicate code in the same type", () => docsExample(), 409, /Code 'TestGrade' already exists in RefGradeLevel/],
    ["the same code differently cased", () => ({ ...docsExample(), code: "testgrade", sortIndex: 301 }), 409, /already exists/],
    ["a duplicate sortIndex in the same type", () => ({ ...docsExample(), code: "Other" }), 409, /sortIndex 300 is already used by 'RefGradeLevel-TestGrade'/],
    ["a type that cannot be extended", () => ({ ...docsExample(), referenceType: "RefUserMatchTarget" }), 400, /cannot be extended\. Extensible types: RefAcademicSubject/],
    ["a code holding '-'", () => ({ ...docsExample(), code: "Grade-13", sortIndex: 302 }), 400, /cannot hold '-'/],
    ["a missing sortIndex", () => ({ ...docsExample(), code: "NoSort", sortIndex: undefined }), 400, /'sortIndex' is required/],
    ["a read-only source", () => ({ ...docsExample(), code: "Src", sortIndex: 303, source: "CEDS" }), 400, /'source' is read-only/],
  ])("POST with %s is refused", async (_name, make, status, message) => {
    await emu.graph("POST", DEFS, docsExample());
    const r = await emu.graph("POST", DEFS, JSON.parse(JSON.stringify(make())));
    expect(r.status).toBe(status);
    expect(r.body.error.message).toMatch(message);
  });

  test("a duplicate sortIndex in another type is fine", async () => {
    await emu.graph("POST", DEFS, docsExample());
    expect((await emu.graph("POST", DEFS, { ...docsExample(), referenceType: "RefAcademicSubject" })).status).toBe(201);
  });

  test.each([
    ["its code", "RefGradeLevel-TestGrade", { code: "Other" }, 400, /'code' of a referenceDefinition cannot be updated/],
    ["another's sortIndex", "RefGradeLevel-TestGrade", { sortIndex: 10 }, 409, /sortIndex 10 is already used by 'RefGradeLevel-PK'/],
    ["a built-in definition", "RefGradeLevel-PK", { displayName: "Pre-K" }, 400, /built in.*cannot be changed/],
    ["an unknown definition", "RefGradeLevel-Nope", { displayName: "x" }, 404, /not found/],
  ])("PATCH of %s is refused", async (_name, id, body, status, message) => {
    await emu.graph("POST", DEFS, docsExample());
    const r = await emu.graph("PATCH", `${DEFS}/${id}`, body);
    expect(r.status).toBe(status);
    expect(r.body.error.message).toMatch(message);
  });

  test("DELETE of a built-in definition is a 400 and leaves it enabled", async () => {
    const r = await emu.graph("DELETE", `${DEFS}/RefRole-teacher`);
    expect(r.status).toBe(400);
    expect((await emu.graph("GET", `${DEFS}/RefRole-teacher`)).body.isDisabled).toBe(false);
  });
});

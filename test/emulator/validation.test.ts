/** Request validation as Graph does it: 400 in the Graph error envelope, naming the property. */
import { FLOW_SETS, flowBodies, NS, startTestEmulator, TestEmulator } from "./helpers";

/** A request body the tests break on purpose, so deliberately typed loosely. */
type Body = Record<string, any>;

/** A valid body of `kind` (the seeds' shape) broken by `edit`. */
function broken(kind: keyof typeof flowBodies, edit: (body: Body) => void): () => Body {
  return () => {
    const body: Body = flowBodies[kind]();
    edit(body);
    return body;
  };
}

describe("emulator validation", () => {
  let emu: TestEmulator;
  let setId: string;
  const flows = () => `${FLOW_SETS}/${setId}/provisioningFlows`;
  beforeAll(async () => {
    emu = await startTestEmulator();
    setId = await emu.createSet();
  });
  afterAll(() => emu.stop());

  const createCases: [string, () => Body, RegExp][] = [
    ["unknown enum member", broken("user", (b) => {
      b.managementOptions.additionalOptions.studentAgeGroup = "toddler";
    }), /'managementOptions\.additionalOptions\.studentAgeGroup'.*Allowed values: minor, notAdult, adult, unknownFutureValue/],
    ["enum member in the wrong case", broken("user", (b) => {
      b.managementOptions.additionalAttributes = ["UserGradeLevel"];
    }), /'managementOptions\.additionalAttributes\[0\]'/],
    ["wrong type (string for a Boolean)", () => ({ ...flowBodies.user(), createUnmatchedUsers: "yes" }), /'createUnmatchedUsers' to Edm\.Boolean/],
    ["wrong type (object for a collection)", broken("classGroup", (b) => {
      b.configuration.additionalAttributes = "courseTitle";
    }), /'configuration\.additionalAttributes'/],
    ["missing non-nullable entity property", () => {
      const { managementOptions: _m, ...b } = flowBodies.user();
      return b;
    }, /'managementOptions' is required/],
    ["missing non-nullable nested property", () => ({ ...flowBodies.securityGroup(), creationOptions: { createBasedOnRoleGroup: true } }), /'creationOptions\.createBasedOnOrgPlusRoleGroup' is required/],
    ["null for a non-nullable nested property", broken("classGroup", (b) => {
      b.configuration.additionalOptions.createTeam = null;
    }), /'configuration\.additionalOptions\.createTeam'.*non-nullable/],
    ["missing role group bind (non-nullable navigation)", broken("user", (b) => {
      delete b.creationOptions.configurations[1]["roleGroup@odata.bind"];
    }), /'creationOptions\.configurations\[1\]\.roleGroup@odata\.bind' is required/],
    ["unknown property", () => ({ ...flowBodies.securityGroup(), color: "blue" }), /property 'color' does not exist on type 'microsoft\.graph\.industryData\.securityGroupProvisioningFlow'/],
    ["unknown nested property", () => ({ ...flowBodies.administrativeUnit(), creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: true, createBasedOnSchool: true } }), /'creationOptions\.createBasedOnSchool' does not exist on type 'microsoft\.graph\.industryData\.adminUnitCreationOptions'/],
    ["abstract-typed value without @odata.type", broken("user", (b) => {
      delete b.creationOptions.configurations[0].defaultPasswordSettings["@odata.type"];
    }), /'creationOptions\.configurations\[0\]\.defaultPasswordSettings\.@odata\.type' is required/],
    ["nested @odata.type of the wrong type", broken("classGroup", (b) => {
      b.configuration.additionalOptions["@odata.type"] = `${NS}enrollmentMappings`;
    }), /Invalid @odata\.type/],
    ["roleGroup written inline instead of bound", broken("user", (b) => {
      b.creationOptions.configurations[0].roleGroup = { id: "staff" };
    }), /navigation property.*roleGroup@odata\.bind/],
    ["read-only id", () => ({ ...flowBodies.securityGroup(), id: "3f0c6b0e-0000-0000-0000-000000000000" }), /'id' is read-only/],
    ["read-only readinessStatus", () => ({ ...flowBodies.securityGroup(), readinessStatus: "ready" }), /'readinessStatus' is read-only/],
    ["unknown role group", broken("user", (b) => {
      b.creationOptions.configurations[0]["roleGroup@odata.bind"] = "https://graph.microsoft.com/beta/external/industryData/roleGroups/parents";
    }), /role group 'parents', which does not exist/],
    ["bind that is not a role group", broken("user", (b) => {
      b.creationOptions.configurations[0]["roleGroup@odata.bind"] = "https://graph.microsoft.com/beta/users/123";
    }), /must reference a role group/],
    ["mapping without code or value bind", broken("classGroup", (b) => {
      b.configuration.enrollmentMappings.ownerEnrollmentMappings = [{ "@odata.type": `${NS}sectionRoleReferenceValue` }];
    }), /ownerEnrollmentMappings\[0\]' needs 'code'/],
  ];

  test.each(createCases)("POST with %s is a 400 naming the property", async (_name, make, message) => {
    const r = await emu.graph("POST", flows(), make(), { headers: { "client-request-id": "c0ffee00-1111-2222-3333-444444444444" } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("BadRequest");
    expect(r.body.error.message).toMatch(message);
    expect(Object.keys(r.body.error.innerError).sort()).toEqual(["client-request-id", "date", "request-id"]);
    expect(r.body.error.innerError["client-request-id"]).toBe("c0ffee00-1111-2222-3333-444444444444");
    expect(r.headers.get("client-request-id")).toBe("c0ffee00-1111-2222-3333-444444444444");
    expect(r.body.error.innerError["request-id"]).toBe(r.headers.get("request-id"));
  });

  test.each([
    ["missing displayName", {}, /'displayName' is required/],
    ["filter with an unknown attribute", { displayName: "x", filter: { "@odata.type": `${NS}basicFilter`, attribute: "schoolName", in: [] } }, /'filter\.attribute'.*Allowed values: orgExternalId, unknownFutureValue/],
    ["filter without its abstract @odata.type", { displayName: "x", filter: { attribute: "orgExternalId", in: ["a"] } }, /'filter\.@odata\.type' is required/],
    ["a read-only timestamp", { displayName: "x", createdDateTime: "2024-01-01T00:00:00Z" }, /'createdDateTime' is read-only/],
    ["deep insert of flows", { displayName: "x", provisioningFlows: [] }, /provisioningFlows/],
  ])("flow set POST with %s is a 400", async (_name, body, message) => {
    const r = await emu.graph("POST", FLOW_SETS, body);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(message);
  });

  test.each([
    ["invalid JSON", "{not json", /not valid JSON/],
    ["a JSON array", "[]", /must be a JSON object/],
    ["no body", undefined, /body is required/],
  ])("POST with %s is a 400", async (_name, body, message) => {
    const r = await emu.graph("POST", FLOW_SETS, body, { headers: { "content-type": "application/json" } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(message);
  });

  test("every response carries a request-id header, and client-request-id echoes the caller's", async () => {
    const ok = await emu.graph("GET", FLOW_SETS, undefined, { headers: { "client-request-id": "abc-123" } });
    expect(ok.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(ok.headers.get("client-request-id")).toBe("abc-123");
    const unauth = await emu.graph("GET", FLOW_SETS, undefined, { token: null });
    expect(unauth.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("an unknown Graph segment is a 400 in the envelope", async () => {
    const r = await emu.graph("GET", "/external/industryData/outboundFlowSets");
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain("outboundFlowSets");
  });
});

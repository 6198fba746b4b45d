/**
 * The seeds' request bodies, sent by the provider over real HTTP: for each, arguments equivalent to the seed
 * are declared over a flow that differs in every property the seed sends; the one PATCH the provider sends must
 * equal the seed's body (fields in any order), and a second diff must find nothing and send nothing.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { passwordMatches } from "../../emulator";
import { flowPath, flowsPath } from "../../provider/schema";
import { summary } from "./emulatorFixture";
import { eachFrontEnd, type CrudProvider } from "./eachFrontEnd";

const t = eachFrontEnd({ flowSet: "District" });

const ns = "#microsoft.graph.industryData.";
/** The seeds' own bodies, shared with the unit tests. */
function seedBody(file: string): Record<string, any> {
  return JSON.parse(readFileSync(path.join(__dirname, "..", "unit", "fixtures", file), "utf8"));
}

/** Creates with `before`, declares `after`, returns the PATCH the update sent and the tenant's flow afterwards. */
async function patchFromTo(provider: CrudProvider, before: Record<string, unknown>, after: Record<string, unknown>) {
  const { inputs, failures } = await provider.check({}, { flowSetId: t.setId, ...before });
  expect(failures).toEqual([]);
  const { id, outs } = await provider.create(inputs);
  const { inputs: news, failures: newFailures } = await provider.check(inputs, { flowSetId: t.setId, ...after });
  expect(newFailures).toEqual([]);
  await t.fx.clearRequests();
  const { outs: updated } = await provider.update(id, outs, news);
  const sent = await t.fx.requests();
  const patch = sent.find((r) => r.method === "PATCH")!;
  // A GET first when the PATCH sends a complex value, built over what the tenant holds now (no stale overlay);
  // a PATCH of scalars only (seed 002) needs none.
  const complex = Object.entries(patch.body as Record<string, unknown>).some(([key, value]) => key !== "@odata.type" && typeof value === "object" && value !== null);
  const path = flowPath(t.setId, outs.flowId);
  expect(summary(sent)).toEqual([...(complex ? [`GET ${path}`] : []), `PATCH ${path}`, `GET ${path}`]);
  await t.fx.clearRequests();
  await expect(provider.diff(id, updated, news)).resolves.toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  expect(await t.fx.requests()).toEqual([]);
  const stored = (await t.fx.state()).flowSets[0].flows.find((f) => f.id === outs.flowId)!;
  return { body: patch.body as Record<string, any>, stored };
}

t.describe(() => {
  describe("seed request bodies, as the provider sends them", () => {
    test("seed 000 (securityGroupProvisioningFlow, 204)", async () => {
      const { body } = await patchFromTo(
        t.providers.securityGroupProvisioningFlow,
        { creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } },
        { creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true } },
      );
      expect(body).toEqual(seedBody("seed000-securityGroup-patch.json"));
    });

    test("seed 003 (userProvisioningFlow: studentAgeGroup, roleGroup binds, passwords, SKUs)", async () => {
      const configurations = (skus: [string, string]) => [
        { roleGroupId: "staff", defaultPasswordSettings: { password: "********" }, licenseSkus: [skus[0]] },
        { roleGroupId: "students", defaultPasswordSettings: { password: "********" }, licenseSkus: [skus[1]] },
      ];
      const { body, stored } = await patchFromTo(
        t.providers.userProvisioningFlow,
        {
          createUnmatchedUsers: false,
          managementOptions: { additionalAttributes: ["userNumber"], additionalOptions: { studentAgeGroup: "adult", allowStudentContactAssociation: false } },
          creationOptions: { configurations: configurations(["Sku1", "Sku2"]) },
        },
        {
          createUnmatchedUsers: true,
          managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: true } },
          creationOptions: { configurations: configurations(["SkuUpdated", "SkuUpdated2"]) },
        },
      );
      // The seed binds role groups under https://graph.microsoft.com/beta; here the endpoint is the emulator's.
      // The emulator's log redacts passwords: the password actually sent is checked against what it stored.
      const expected = JSON.parse(
        JSON.stringify(seedBody("seed003-user-patch.json"))
          .split("https://graph.microsoft.com/beta")
          .join(t.fx.emulator.graphUrl)
          .split('"password":"********"')
          .join('"password":"[redacted]"'),
      );
      expect(body).toEqual(expected);
      expect(JSON.stringify(stored)).toMatch(/hmac-sha256\$/);
      expect(hashesIn(stored).length).toBe(2);
      expect(hashesIn(stored).every((hash) => passwordMatches(hash, "********"))).toBe(true);
    });

    test("seed 004 (classGroupProvisioningFlow: nested @odata.type values, enrollment mappings)", async () => {
      const { body } = await patchFromTo(
        t.providers.classGroupProvisioningFlow,
        {
          configuration: {
            additionalAttributes: ["courseTitle"],
            additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: true },
            enrollmentMappings: { memberEnrollmentMappings: [{ code: "student" }], ownerEnrollmentMappings: [{ code: "teacher" }] },
          },
        },
        {
          configuration: {
            additionalAttributes: ["courseTitle", "courseCode"],
            additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
            enrollmentMappings: { memberEnrollmentMappings: [{ code: "substitute" }], ownerEnrollmentMappings: [{ code: "teacher" }] },
          },
        },
      );
      expect(body).toEqual(seedBody("seed004-classGroup-patch.json"));
    });

    test("seed 002 (provisioningFlow: readinessStatus on the base type; the seed's placeholder value made a real one)", async () => {
      const existing = await t.fx.graph("POST", flowsPath(t.setId), {
        "@odata.type": `${ns}securityGroupProvisioningFlow`,
        creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
      });
      const flowId = existing.body.id as string;
      const declared = existing.body.readinessStatus === "disabled" ? "ready" : "disabled";
      const { body } = await patchFromTo(t.providers.provisioningFlow, { flowId }, { flowId, readinessStatus: declared });
      expect(body).toEqual({ ...seedBody("seed002-provisioningFlow-patch.json"), readinessStatus: declared });
    });
  });

  function hashesIn(value: unknown): string[] {
    if (typeof value === "string") return value.startsWith("hmac-sha256$") ? [value] : [];
    if (Array.isArray(value)) return value.flatMap(hashesIn);
    if (value !== null && typeof value === "object") return Object.values(value).flatMap(hashesIn);
    return [];
  }
});

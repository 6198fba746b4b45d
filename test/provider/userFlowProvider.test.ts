import { PASSWORD_MASK, passwordMatches } from "../../emulator";
import { flowPath, flowsPath } from "../../provider/schema";
import { parseFlowResourceId } from "../../provider/operations/resourceId";
import { summary } from "./emulatorFixture";
import { TEST_PASSWORDS } from "../support/testSecrets";
import { eachFrontEnd, outsBesideSecretInputs, type CrudProvider } from "./eachFrontEnd";

const t = eachFrontEnd({ flowSet: "District" });

let provider: CrudProvider;
const STAFF_PASSWORD = TEST_PASSWORDS.providerStaff;
const STUDENT_PASSWORD = TEST_PASSWORDS.providerStudent;

function userArgs(overrides: { studentAgeGroup?: string; studentPassword?: string; studentSkus?: string[] } = {}) {
  return {
    flowSetId: t.setId,
    createUnmatchedUsers: true,
    managementOptions: {
      additionalAttributes: ["userGradeLevel"],
      additionalOptions: { studentAgeGroup: overrides.studentAgeGroup ?? "minor", allowStudentContactAssociation: true },
    },
    creationOptions: {
      configurations: [
        { roleGroupId: "staff", licenseSkus: ["Sku1"], defaultPasswordSettings: { password: STAFF_PASSWORD } },
        {
          roleGroupId: "students",
          licenseSkus: overrides.studentSkus ?? ["Sku2"],
          defaultPasswordSettings: { password: overrides.studentPassword ?? STUDENT_PASSWORD },
        },
      ],
    },
  };
}

async function checked(args: Record<string, unknown>, olds: Record<string, unknown> = {}) {
  const { inputs, failures } = await provider.check(olds, args);
  expect(failures).toEqual([]);
  return inputs;
}

async function storedUserFlow(flowId: string): Promise<Record<string, any>> {
  const set = (await t.fx.state()).flowSets.find((s) => s.id === t.setId)!;
  return set.flows.find((f) => f.id === flowId)!;
}

t.describe(() => {
  beforeAll(() => {
    provider = t.providers.userProvisioningFlow;
  });

  describe("userProvisioningFlow provider over HTTP", () => {
    test("roleGroup expansion: create lists the set (one flow per kind), POSTs, then GETs once since the 201 lacks roleGroup", async () => {
      const inputs = await checked(userArgs());
      const { id, outs } = await provider.create(inputs);
      const { flowSetId, flowId } = parseFlowResourceId(id);
      expect(flowSetId).toBe(t.setId);
      // Quirk (roleGroup expansion): the 201 answer has no roleGroup, which GET auto-expands: one GET follows.
      expect(summary(await t.fx.requests())).toEqual([
        `GET ${flowsPath(t.setId)}`,
        `POST ${flowsPath(t.setId)}`,
        `GET ${flowPath(t.setId, flowId)}`,
      ]);
      expect(outs).toMatchObject({ flowSetId: t.setId, flowId, readinessStatus: expect.any(String), createUnmatchedUsers: true, adopted: false });
      // Outputs: the password stays Graph's mask, only a salted hash of the declared one is kept.
      const text = JSON.stringify(outsBesideSecretInputs(outs));
      expect(text).not.toContain(STAFF_PASSWORD);
      expect(text).not.toContain(STUDENT_PASSWORD);
      expect(text).toContain(PASSWORD_MASK);
      const configurations = (outs.creationOptions as any).configurations as any[];
      expect(configurations.map((c) => c.roleGroup?.id).sort()).toEqual(["staff", "students"]);
      // The service holds the declared passwords (the emulator keeps salted hashes of what it was sent).
      const hashes = findPasswordHashes(await storedUserFlow(flowId));
      expect(hashes.some((h) => passwordMatches(h, STAFF_PASSWORD))).toBe(true);
      expect(hashes.some((h) => passwordMatches(h, STUDENT_PASSWORD))).toBe(true);
    });

    test("a no-op diff returns changes: false and sends nothing, with the password masked on the server", async () => {
      const inputs = await checked(userArgs());
      const { id, outs } = await provider.create(inputs);
      await t.fx.clearRequests();
      const again = await checked(userArgs(), inputs);
      await expect(provider.diff(id, outs, again)).resolves.toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
      expect(await t.fx.requests()).toEqual([]);
    });

    test("update: one GET (no stale overlay), one PATCH holding managementOptions whole (required on PATCH), creationOptions untouched; then one GET", async () => {
      const inputs = await checked(userArgs());
      const { id, outs } = await provider.create(inputs);
      await t.fx.clearRequests();
      const news = await checked(userArgs({ studentAgeGroup: "notAdult" }), inputs);
      expect((await provider.diff(id, outs, news)).changes).toBe(true);
      const { outs: updated } = await provider.update(id, outs, news);
      const sent = await t.fx.requests();
      // The first GET: a complex value is PATCHed over what the tenant holds now; the last: Graph answered 204.
      expect(summary(sent)).toEqual([`GET ${flowPath(t.setId, outs.flowId)}`, `PATCH ${flowPath(t.setId, outs.flowId)}`, `GET ${flowPath(t.setId, outs.flowId)}`]);
      expect(sent[1].body).toEqual({
        "@odata.type": "#microsoft.graph.industryData.userProvisioningFlow",
        managementOptions: {
          additionalAttributes: ["userGradeLevel"],
          additionalOptions: { studentAgeGroup: "notAdult", allowStudentContactAssociation: true },
        },
      });
      expect((updated.managementOptions as any).additionalOptions.studentAgeGroup).toBe("notAdult");
      await t.fx.clearRequests();
      await expect(provider.diff(id, updated, news)).resolves.toMatchObject({ changes: false });
      expect(await t.fx.requests()).toEqual([]);
    });

    test("masked password: never drift on read, but a changed declared password is a change and is sent", async () => {
      const inputs = await checked(userArgs());
      const { id, outs } = await provider.create(inputs);
      const read = await provider.read(id, outs);
      await t.fx.clearRequests();
      await expect(provider.diff(id, read.props, inputs)).resolves.toMatchObject({ changes: false });
      const news = await checked(userArgs({ studentPassword: TEST_PASSWORDS.providerStudentRotated }), inputs);
      expect((await provider.diff(id, read.props, news)).changes).toBe(true);
      const { outs: updated } = await provider.update(id, read.props, news);
      const patch = (await t.fx.requests()).find((r) => r.method === "PATCH")!;
      expect(Object.keys(patch.body as object).sort()).toEqual(["@odata.type", "creationOptions", "managementOptions"]);
      // Sent whole (collections replace wholesale), so the unchanged staff password is sent again too.
      const stored = await storedUserFlow(outs.flowId);
      expect(findPasswordHashes(stored).some((h) => passwordMatches(h, TEST_PASSWORDS.providerStudentRotated))).toBe(true);
      expect(findPasswordHashes(stored).some((h) => passwordMatches(h, STAFF_PASSWORD))).toBe(true);
      expect(JSON.stringify(outsBesideSecretInputs(updated))).not.toContain(TEST_PASSWORDS.providerStudentRotated);
      await expect(provider.diff(id, updated, news)).resolves.toMatchObject({ changes: false });
    });

    test("read returns drift from the portal; update PATCHes it back keeping undeclared sub-properties", async () => {
      const args = userArgs();
      // Declared: studentAgeGroup only; allowStudentContactAssociation is left undeclared.
      delete (args.managementOptions.additionalOptions as any).allowStudentContactAssociation;
      const inputs = await checked(args);
      const { id, outs } = await provider.create(inputs);
      const path = flowPath(t.setId, outs.flowId);
      await t.fx.graph("PATCH", path, {
        "@odata.type": "#microsoft.graph.industryData.userProvisioningFlow",
        managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "adult", allowStudentContactAssociation: true } },
      });
      const read = await provider.read(id, outs);
      expect((read.props.managementOptions as any).additionalOptions.studentAgeGroup).toBe("adult");
      await t.fx.clearRequests();
      expect((await provider.diff(id, read.props, inputs)).changes).toBe(true);
      await provider.update(id, read.props, inputs);
      const patch = (await t.fx.requests()).find((r) => r.method === "PATCH")!;
      expect((patch.body as any).managementOptions.additionalOptions).toEqual({ studentAgeGroup: "minor", allowStudentContactAssociation: true });
      const stored = await storedUserFlow(outs.flowId);
      expect(stored.managementOptions.additionalOptions).toEqual({ studentAgeGroup: "minor", allowStudentContactAssociation: true });
    });

    test("a flow deleted out of band reads as gone (empty id) so the next up recreates it", async () => {
      const { id, outs } = await provider.create(await checked(userArgs()));
      await t.fx.graph("DELETE", flowPath(t.setId, outs.flowId));
      await expect(provider.read(id, outs)).resolves.toEqual({ id: "", props: {} });
    });

    test("delete sends one DELETE and tolerates 404", async () => {
      const { id, outs } = await provider.create(await checked(userArgs()));
      await t.fx.clearRequests();
      await provider.delete(id, outs);
      await provider.delete(id, outs);
      expect((await t.fx.requests()).map((r) => `${r.method} ${r.status}`)).toEqual(["DELETE 204", "DELETE 404"]);
    });

    test.each([
      ["a bad enum", { managementOptions: { additionalOptions: { studentAgeGroup: "toddler" } } }, "managementOptions.additionalOptions.studentAgeGroup"],
      ["a missing required property", { managementOptions: undefined }, "managementOptions"],
      ["a wrong type", { createUnmatchedUsers: "yes" }, "createUnmatchedUsers"],
    ])("%s fails in check with the property path, before any request", async (_case, change, property) => {
      const { failures } = await provider.check({}, { ...userArgs(), ...change });
      expect(failures).toEqual(expect.arrayContaining([expect.objectContaining({ property })]));
      expect(await t.fx.requests()).toEqual([]);
    });
  });

  /** Every stored password hash in an emulator flow record, wherever the emulator keeps it. */
  function findPasswordHashes(value: unknown): string[] {
    if (typeof value === "string") return value.startsWith("hmac-sha256$") ? [value] : [];
    if (Array.isArray(value)) return value.flatMap(findPasswordHashes);
    if (value !== null && typeof value === "object") return Object.values(value).flatMap(findPasswordHashes);
    return [];
  }
});

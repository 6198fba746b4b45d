/**
 * refreshedInputs: what a Read hands back as inputs. Each declared value Graph holds otherwise becomes Graph's
 * (in the declared form), so the engine's ignoreChanges copies the tenant's value and a plan names a drifted
 * property with both values; nothing undeclared is added, the user's spelling stays where Graph agrees, and
 * write-only values, unreadable values and provider fields stay as they are.
 */
import { refreshedInputs, toOutputs, withoutPaths, parsePropertyPath } from "../../provider/reconcile";
import type { ResourceKind } from "../../provider/schema";
import { tenantChange } from "../../provider/plugin/tenantChange";
import { secretMarker } from "../../provider/dynamic/liftSecrets";
import { TEST_PASSWORDS } from "../support/testSecrets";

type Json = Record<string, unknown>;
const ns = "#microsoft.graph.industryData.";
const mask = "***************";

const userServer: Json = {
  "@odata.type": `${ns}userProvisioningFlow`,
  id: "flow",
  readinessStatus: "ready",
  managementOptions: {
    additionalAttributes: ["userNumber", "userGradeLevel"],
    additionalOptions: { allowStudentContactAssociation: true, studentAgeGroup: "adult", markAllStudentsAsMinors: false },
  },
  creationOptions: {
    configurations: [
      { roleGroup: { id: "students", displayName: "Students", roles: [] }, licenseSkus: ["T1", "T9"] },
      { roleGroup: { id: "staff", displayName: "Staff", roles: [] }, licenseSkus: ["S1"],
        defaultPasswordSettings: { "@odata.type": `${ns}simplePasswordSettings`, password: mask } },
    ],
  },
};

const userInputs: Json = {
  flowSetId: "set",
  managementOptions: {
    additionalAttributes: ["USERGRADELEVEL", "userNumber"],
    additionalOptions: { allowStudentContactAssociation: false, studentAgeGroup: "minor" },
  },
  creationOptions: {
    configurations: [
      { roleGroupId: "staff", licenseSkus: ["S1"], defaultPasswordSettings: { password: TEST_PASSWORDS.refreshKept } },
      { roleGroupId: "students", licenseSkus: ["T1"] },
    ],
  },
};

describe("refreshedInputs", () => {
  test.each<{ name: string; kind: ResourceKind; inputs: Json; server: Json; expected: Json }>([
    {
      name: "a top-level scalar changed in the portal becomes the portal's value; an undeclared one is not added",
      kind: "sourceSystem",
      inputs: { displayName: "District SIS", vendor: "Northwind" },
      server: { id: "s", displayName: "District SIS", vendor: "Changed in the portal", userMatchingSettings: [] },
      expected: { displayName: "District SIS", vendor: "Changed in the portal" },
    },
    {
      name: "no drift: the inputs come back as declared, spelling and order kept (case-insensitive, set-like)",
      kind: "user",
      inputs: { flowSetId: "set", managementOptions: { additionalAttributes: ["USERGRADELEVEL", "userNumber"], additionalOptions: { studentAgeGroup: "ADULT" } } },
      server: userServer,
      expected: { flowSetId: "set", managementOptions: { additionalAttributes: ["USERGRADELEVEL", "userNumber"], additionalOptions: { studentAgeGroup: "ADULT" } } },
    },
    {
      name: "nested: only the drifted leaves change, siblings keep the declared form, the password stays in place",
      kind: "user",
      inputs: userInputs,
      server: userServer,
      expected: {
        flowSetId: "set",
        managementOptions: {
          additionalAttributes: ["USERGRADELEVEL", "userNumber"],
          additionalOptions: { allowStudentContactAssociation: true, studentAgeGroup: "adult" },
        },
        creationOptions: {
          configurations: [
            { roleGroupId: "staff", licenseSkus: ["S1"], defaultPasswordSettings: { password: TEST_PASSWORDS.refreshKept } },
            // Keyed by roleGroupId: declared order kept (an ignoreChanges path names [1]), refreshed from its twin.
            { roleGroupId: "students", licenseSkus: ["T1", "T9"] },
          ],
        },
      },
    },
    {
      name: "a declared value Graph no longer holds reads as null",
      kind: "sourceSystem",
      inputs: { displayName: "SIS", vendor: "Northwind" },
      server: { id: "s", displayName: "SIS" },
      expected: { displayName: "SIS", vendor: null },
    },
    {
      name: "a collection holding values Graph never returns (user-matching roleGroupId) stays as declared",
      kind: "sourceSystem",
      inputs: { displayName: "SIS", userMatchingSettings: [{ roleGroupId: "staff", priorityOrder: 0 }] },
      server: { id: "s", displayName: "SIS", userMatchingSettings: [{ priorityOrder: 3 }] },
      expected: { displayName: "SIS", userMatchingSettings: [{ roleGroupId: "staff", priorityOrder: 0 }] },
    },
  ])("$name", ({ kind, inputs, server, expected }) => {
    expect(refreshedInputs(kind, inputs, server)).toEqual(expected);
    // The stored outputs work as the server value too (the dynamic front end has both forms).
    expect(refreshedInputs(kind, inputs, toOutputs(kind, server, undefined, { olds: { flowSetId: "set" } }))).toEqual(expected);
  });

  test("password settings the portal dropped: the password stays in place, the rest of the configuration is refreshed", () => {
    const inputs = { flowSetId: "set", creationOptions: { configurations: [{ roleGroupId: "staff", licenseSkus: ["S1"], defaultPasswordSettings: { password: TEST_PASSWORDS.refreshKept } }] } };
    const server = { id: "flow", creationOptions: { configurations: [{ roleGroup: { id: "staff" }, licenseSkus: ["S9"] }] } };
    expect(refreshedInputs("user", inputs, server)).toEqual({
      flowSetId: "set",
      creationOptions: { configurations: [{ roleGroupId: "staff", licenseSkus: ["S9"], defaultPasswordSettings: { password: TEST_PASSWORDS.refreshKept } }] },
    });
  });

  test("the dynamic resources' lifted form: the revision marker and the secret input stay as they are", () => {
    const lifted = {
      flowSetId: "set",
      defaultPasswords: { staff: TEST_PASSWORDS.refreshKept },
      creationOptions: { configurations: [{ roleGroupId: "staff", licenseSkus: ["S2"], defaultPasswordSettings: { password: secretMarker(1) } }] },
    };
    expect(refreshedInputs("user", lifted, userServer)).toEqual({
      ...lifted,
      creationOptions: { configurations: [{ roleGroupId: "staff", licenseSkus: ["S1"], defaultPasswordSettings: { password: secretMarker(1) } }] },
    });
  });
});

describe("withoutPaths (the plugin's ignoreChanges)", () => {
  test.each([
    { path: "vendor", expected: { displayName: "D", nested: { a: 1, b: 2 }, list: [{ x: 1, y: 2 }, { x: 3, y: 4 }] } },
    { path: "nested.a", expected: { displayName: "D", vendor: "V", nested: { b: 2 }, list: [{ x: 1, y: 2 }, { x: 3, y: 4 }] } },
    { path: "list[1].y", expected: { displayName: "D", vendor: "V", nested: { a: 1, b: 2 }, list: [{ x: 1, y: 2 }, { x: 3 }] } },
    { path: "list[*].x", expected: { displayName: "D", vendor: "V", nested: { a: 1, b: 2 }, list: [{ y: 2 }, { y: 4 }] } },
    { path: 'nested["b"]', expected: { displayName: "D", vendor: "V", nested: { a: 1 }, list: [{ x: 1, y: 2 }, { x: 3, y: 4 }] } },
    { path: "list[7].x", expected: { displayName: "D", vendor: "V", nested: { a: 1, b: 2 }, list: [{ x: 1, y: 2 }, { x: 3, y: 4 }] } },
  ])("$path", ({ path, expected }) => {
    const declared = { displayName: "D", vendor: "V", nested: { a: 1, b: 2 }, list: [{ x: 1, y: 2 }, { x: 3, y: 4 }] };
    expect(withoutPaths(declared, [path])).toEqual(expected);
    expect(declared.nested).toEqual({ a: 1, b: 2 }); // the input is not changed
  });

  test("parses Pulumi's property paths", () => {
    expect(parsePropertyPath('creationOptions.configurations[0].licenseSkus')).toEqual(["creationOptions", "configurations", 0, "licenseSkus"]);
    expect(parsePropertyPath('a["b.c"][*].d')).toEqual(["a", "b.c", "*", "d"]);
  });
});

describe("tenantChange (DiffConfig)", () => {
  test.each([
    { name: "the same tenant, spelled in another case", olds: { tenantId: "Contoso.onmicrosoft.com" }, news: { tenantId: "contoso.onmicrosoft.com" }, env: {}, changed: false },
    { name: "another tenant", olds: { tenantId: "tenant-a" }, news: { tenantId: "tenant-b" }, env: {}, changed: true },
    { name: "declared now, the same one the environment gave", olds: {}, news: { tenantId: "tenant-a" }, env: { AZURE_TENANT_ID: "tenant-a" }, changed: false },
    { name: "declared now, another than the environment gave", olds: {}, news: { tenantId: "tenant-b" }, env: { INDUSTRYDATA_TENANT_ID: "tenant-a" }, changed: true },
    { name: "no tenant on either side (a static token)", olds: { accessToken: "x" }, news: { accessToken: "y" }, env: {}, changed: false },
    { name: "a tenant not known yet decides nothing", olds: { tenantId: "tenant-a" }, news: { tenantId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }, env: {}, changed: false },
  ])("$name", ({ olds, news, env, changed }) => {
    expect(tenantChange(olds, news, env) !== undefined).toBe(changed);
  });
});

/**
 * detailedDiff: where diffResource's changes are, down to the value, for the plugin's DetailedDiff (what
 * `pulumi preview --diff` names). The decision is diffResource's; these pin the paths, the kinds and whether the
 * old value is the old argument (inputDiff) or Graph's value (drift).
 */
import { buildCreateBody, declaredArguments, diffResource, toOutputs, valueAt } from "../../provider/reconcile";
import { validateInputs } from "../../provider/schema";
import { TEST_PASSWORDS } from "../support/testSecrets";
import { graphReadBack } from "./helpers/graphReadBack";

type Json = Record<string, unknown>;
const endpoint = "https://graph.microsoft.com/beta";
const password = TEST_PASSWORDS.pluginStudent;

function userArgs(edit: { skus?: string[]; ageGroup?: string; attributes?: string[]; password?: string; extraStaff?: boolean } = {}): Json {
  return {
    flowSetId: "set-1",
    createUnmatchedUsers: true,
    managementOptions: {
      additionalAttributes: edit.attributes ?? ["userGradeLevel", "userNumber"],
      additionalOptions: { studentAgeGroup: edit.ageGroup ?? "minor" },
    },
    creationOptions: {
      configurations: [
        { roleGroupId: "students", licenseSkus: edit.skus ?? ["SKU_A"], defaultPasswordSettings: { password: edit.password ?? password } },
        ...(edit.extraStaff ? [{ roleGroupId: "staff", licenseSkus: ["SKU_S"] }] : []),
      ],
    },
  };
}

function checked(raw: Json): Json {
  const { inputs, failures } = validateInputs("user", raw);
  expect(failures).toEqual([]);
  return inputs;
}

/** The outputs after creating the flow from `raw` on a Graph that returns collections in reverse order. */
function createdFrom(raw: Json): { inputs: Json; outputs: Json } {
  const inputs = checked(raw);
  const server = graphReadBack({ "@odata.type": "#microsoft.graph.industryData.userProvisioningFlow", id: "flow-1" }, buildCreateBody("user", inputs, { graphEndpoint: endpoint }));
  return { inputs, outputs: toOutputs("user", server, inputs) };
}

describe("detailedDiff names each change at its path", () => {
  const base = createdFrom(userArgs({ extraStaff: true }));

  it.each([
    {
      name: "a license SKU change: the SKU list of that role group, old argument => new argument",
      news: userArgs({ skus: ["SKU_B"], extraStaff: true }),
      changes: [{ path: "creationOptions.configurations[0].licenseSkus", kind: "update", replace: false, inputDiff: true }],
    },
    {
      name: "a rotated password: the password's own path (its value never compared with Graph's mask)",
      news: userArgs({ password: TEST_PASSWORDS.pluginStudentRotated, extraStaff: true }),
      changes: [{ path: "creationOptions.configurations[0].defaultPasswordSettings.password", kind: "update", replace: false, inputDiff: true }],
    },
    {
      name: "an enum change: the enum's path",
      news: userArgs({ ageGroup: "adult", extraStaff: true }),
      changes: [{ path: "managementOptions.additionalOptions.studentAgeGroup", kind: "update", replace: false, inputDiff: true }],
    },
    {
      name: "a configuration removed: the collection (its elements are matched by role group, not position)",
      news: userArgs(),
      changes: [{ path: "creationOptions.configurations", kind: "update", replace: false, inputDiff: true }],
    },
    {
      name: "a new flow set: flowSetId, replacing",
      news: { ...userArgs({ extraStaff: true }), flowSetId: "set-2" },
      changes: [{ path: "flowSetId", kind: "update", replace: true, inputDiff: true }],
    },
    {
      name: "deleteOnDestroy declared where it was not: added",
      news: { ...userArgs({ extraStaff: true }), deleteOnDestroy: false },
      changes: [{ path: "deleteOnDestroy", kind: "add", replace: false, inputDiff: true }],
    },
    {
      name: "normalisation only (attribute order): nothing",
      news: userArgs({ attributes: ["userNumber", "userGradeLevel"], extraStaff: true }),
      changes: [],
    },
  ])("$name", ({ news, changes }) => {
    const declared = checked(news);
    expect(diffResource("user", declared, base.outputs, base.inputs).detailedChanges).toEqual(changes);
    // The paths locate diffResource's decision: a change there, none here.
    expect(diffResource("user", declared, base.outputs).changes).toBe(changes.length > 0);
  });
});

describe("drift (the arguments did not change, Graph's value did): shown against the outputs", () => {
  test("a value changed in the portal: its path, old value from the outputs", () => {
    const { inputs, outputs } = createdFrom(userArgs());
    const drifted = { ...outputs, managementOptions: { ...(outputs.managementOptions as Json), additionalOptions: { studentAgeGroup: "adult" } } };
    expect(diffResource("user", inputs, drifted, inputs).detailedChanges).toEqual([
      { path: "managementOptions.additionalOptions.studentAgeGroup", kind: "update", replace: false, inputDiff: false },
    ]);
  });

  test("inside a keyed collection Graph orders differently: the path stops where both orders agree", () => {
    const { inputs, outputs } = createdFrom(userArgs({ extraStaff: true }));
    // graphReadBack reverses collections: the students configuration is [1] in the outputs, [0] in the arguments.
    expect(valueAt(outputs, "creationOptions.configurations[1].roleGroup.id")).toBe("students");
    const configurations = structuredClone((outputs.creationOptions as { configurations: Json[] }).configurations);
    configurations[1].licenseSkus = ["SKU_PORTAL"];
    const drifted = { ...outputs, creationOptions: { configurations } };
    expect(diffResource("user", inputs, drifted, inputs).detailedChanges).toEqual([
      { path: "creationOptions.configurations", kind: "update", replace: false, inputDiff: false },
    ]);
  });
});

describe("declaredArguments (as pulumi import takes them): the arguments that declare an existing flow as it is", () => {
  test("declared form (roleGroupId), schema properties only, no masked password, no nulls; they diff as no change", () => {
    const { outputs } = createdFrom(userArgs({ extraStaff: true }));
    const server = { ...graphReadBack({}, { managementOptions: { additionalOptions: { studentAgeGroup: "minor" } } }), ...outputs, createUnmatchedUsers: null };
    const inputs = { flowSetId: "set-1", flowId: "flow-1", ...declaredArguments("user", server, { writeOnly: { omit: "always" }, nulls: "drop" }).args };
    expect(inputs).toEqual({
      flowSetId: "set-1",
      flowId: "flow-1",
      managementOptions: { additionalAttributes: ["userNumber", "userGradeLevel"], additionalOptions: { studentAgeGroup: "minor" } },
      creationOptions: { configurations: [{ roleGroupId: "staff", licenseSkus: ["SKU_S"] }, { roleGroupId: "students", licenseSkus: ["SKU_A"] }] },
    });
    const declared = checked(inputs);
    const imported = toOutputs("user", server, declared);
    expect(diffResource("user", declared, imported).changes).toBe(false);
    expect(diffResource("user", declared, imported, inputs).detailedChanges).toEqual([]);
  });
});

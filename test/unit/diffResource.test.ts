/** diffResource: replace rules (delete first), provider fields, preview unknowns, explicit `changes: false`. */
import { buildPatchBody, diffResource, toOutputs } from "../../provider/reconcile";
import { pulumiUnknownValue, validateInputs } from "../../provider/schema";
import type { ResourceKind } from "../../provider/schema";

type Json = Record<string, unknown>;
const ns = "#microsoft.graph.industryData.";
const creationOptions = { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false };
const server = { "@odata.type": `${ns}securityGroupProvisioningFlow`, id: "flow-1", readinessStatus: "ready", creationOptions };

/** Outputs after creating (no flowId declared) or adopting (flowId declared) the security-group flow above. */
function outputsAfter(kind: ResourceKind, raw: Json, read: Json = server): Json {
  return toOutputs(kind, read, validateInputs(kind, raw).inputs);
}

function diff(kind: ResourceKind, raw: Json, olds: Json) {
  const { inputs, failures } = validateInputs(kind, raw);
  expect(failures).toEqual([]);
  return diffResource(kind, inputs, olds);
}

const created = outputsAfter("securityGroup", { flowSetId: "set-A", creationOptions });
const adopted = outputsAfter("securityGroup", { flowSetId: "set-A", flowId: "flow-1", creationOptions });

describe("diffResource replaces", () => {
  it.each([
    { name: "a new flowSetId replaces the flow, deleting first (one flow per kind per set)",
      raw: { flowSetId: "set-B", creationOptions }, olds: created, replaces: ["flowSetId"] },
    { name: "adopting another flowId replaces the resource",
      raw: { flowSetId: "set-A", flowId: "flow-2", creationOptions }, olds: adopted, replaces: ["flowId"] },
    { name: "a flowSetId not known yet (preview) replaces",
      raw: { flowSetId: pulumiUnknownValue, creationOptions }, olds: created, replaces: ["flowSetId"] },
    { name: "a flow kind that differs from the stored @odata.type replaces, named by its output odataType as plans name it",
      raw: { flowSetId: "set-A", creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false } },
      olds: created, replaces: ["odataType"], kind: "administrativeUnit" as ResourceKind },
  ])("$name", ({ raw, olds, replaces, kind }) => {
    const result = diff(kind ?? "securityGroup", raw, olds);
    expect(result.changes).toBe(true);
    expect(result.replaces).toEqual(replaces);
    expect(result.deleteBeforeReplace).toBe(true);
    expect(result.changedProperties).toEqual(expect.arrayContaining(replaces));
    expect(result.detailedChanges.filter((c) => c.replace).map((c) => c.path)).toEqual(replaces);
  });

  it("declaring the created flow's own id (adopting it) is no change", () => {
    expect(diff("securityGroup", { flowSetId: "set-A", flowId: "flow-1", creationOptions }, created).changes).toBe(false);
  });

  it("removing flowId from an adopted flow is no replace: the same flow stays managed", () => {
    const result = diff("securityGroup", { flowSetId: "set-A", creationOptions }, adopted);
    expect(result).toEqual({ changes: false, replaces: [], changedProperties: [], deleteBeforeReplace: false, detailedChanges: [] });
  });

  it("the base ProvisioningFlow accepts any flow subtype, so its kind never forces a replace", () => {
    const olds = outputsAfter("provisioningFlow", { flowSetId: "set-A", flowId: "flow-1" });
    expect(olds.odataType).toBe(`${ns}securityGroupProvisioningFlow`);
    expect(diff("provisioningFlow", { flowSetId: "set-A", flowId: "flow-1" }, olds).changes).toBe(false);
  });

  it("the base ProvisioningFlow replaces when the stored type is not a provisioning flow", () => {
    const olds = { ...outputsAfter("provisioningFlow", { flowSetId: "set-A", flowId: "flow-1" }), odataType: `${ns}outboundProvisioningFlowSet` };
    expect(diff("provisioningFlow", { flowSetId: "set-A", flowId: "flow-1" }, olds).replaces).toEqual(["odataType"]);
  });

  it("a flow set never replaces: displayName is patched in place", () => {
    const olds = outputsAfter("flowSet", { displayName: "Old" }, { id: "set-A", displayName: "Old" });
    expect(diff("flowSet", { displayName: "New" }, olds)).toEqual({
      changes: true, replaces: [], changedProperties: ["displayName"], deleteBeforeReplace: false,
      detailedChanges: [{ path: "displayName", kind: "add", replace: false, inputDiff: true }],
    });
  });
});

describe("diffResource in place", () => {
  it("returns changes:false explicitly when nothing differs", () => {
    expect(diff("securityGroup", { flowSetId: "set-A", creationOptions }, created)).toEqual({
      changes: false, replaces: [], changedProperties: [], deleteBeforeReplace: false, detailedChanges: [],
    });
  });

  it("a declared property not known yet (preview) is a change", () => {
    const result = diff("securityGroup", { flowSetId: "set-A", creationOptions: { ...creationOptions, createBasedOnRoleGroup: pulumiUnknownValue } }, created);
    expect(result).toMatchObject({ changes: true, replaces: [], changedProperties: ["creationOptions"] });
  });

  it("toggling deleteOnDestroy is a change of the outputs only: no PATCH is needed", () => {
    const { inputs } = validateInputs("securityGroup", { flowSetId: "set-A", flowId: "flow-1", deleteOnDestroy: true, creationOptions });
    expect(adopted.deleteOnDestroy).toBe(false);
    expect(diffResource("securityGroup", inputs, adopted)).toEqual({
      changes: true, replaces: [], changedProperties: ["deleteOnDestroy"], deleteBeforeReplace: false,
      detailedChanges: [{ path: "deleteOnDestroy", kind: "add", replace: false, inputDiff: true }],
    });
    expect(buildPatchBody("securityGroup", inputs, adopted, { graphEndpoint: "https://graph.microsoft.com/beta", olds: adopted })).toBeUndefined();
  });

  it("adopted stays adopted when flowId is removed, so the default deleteOnDestroy stays false", () => {
    const { inputs } = validateInputs("securityGroup", { flowSetId: "set-A", creationOptions });
    const outputs = toOutputs("securityGroup", server, inputs, { olds: adopted });
    expect(outputs).toMatchObject({ adopted: true, deleteOnDestroy: false });
  });
});

describe("toOutputs", () => {
  it("keeps the whole server JSON without annotations, plus flow identity, bookkeeping, and roleGroupId beside the expanded roleGroup (the schema's output type)", () => {
    const outputs = toOutputs("user", {
      "@odata.context": "ctx",
      "@odata.type": `${ns}userProvisioningFlow`,
      id: "flow-9",
      createdDateTime: "2024-03-25T21:55:03.495336Z",
      managementOptions: { additionalOptions: { studentAgeGroup: "minor" } },
      creationOptions: { configurations: [{ "roleGroup@odata.context": "c", roleGroup: { id: "staff", displayName: "Staff", roles: [] } }] },
    }, { flowSetId: "set-Z", managementOptions: { additionalOptions: {} } });
    expect(outputs).toEqual({
      id: "flow-9",
      createdDateTime: "2024-03-25T21:55:03.495336Z",
      lastModifiedDateTime: null,
      readinessStatus: null,
      managementOptions: { additionalOptions: { studentAgeGroup: "minor" } },
      creationOptions: { configurations: [{ roleGroup: { id: "staff", displayName: "Staff", roles: [] }, roleGroupId: "staff" }] },
      flowSetId: "set-Z",
      flowId: "flow-9",
      odataType: `${ns}userProvisioningFlow`,
      adopted: false,
      deleteOnDestroy: true,
    });
  });

  it("records a flow set's own id as flowSetId", () => {
    expect(toOutputs("flowSet", { id: "set-1", displayName: "D" }, { displayName: "D" })).toMatchObject({ id: "set-1", flowSetId: "set-1" });
  });
});

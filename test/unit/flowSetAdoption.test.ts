/**
 * Adopting a flow set (`flowSetId` given), exactly as flows are adopted with `flowId`: validation relaxes only
 * what the last read supplies, diff replaces on another adopted id, the PATCH body carries only what differs
 * plus the displayName Graph requires on every PATCH, and the outputs record `adopted` / `deleteOnDestroy`.
 */
import { buildPatchBody, diffResource, toOutputs } from "../../provider/reconcile";
import { pulumiUnknownValue, validateInputs } from "../../provider/schema";

type Json = Record<string, unknown>;
const graphEndpoint = "https://graph.microsoft.com/beta";
const ns = "#microsoft.graph.industryData.";
const setType = `${ns}outboundProvisioningFlowSet`;
const filterType = `${ns}basicFilter`;

/** The set as Graph returns it (a GET: annotations, timestamps). */
const held: Json = {
  "@odata.context": "https://graph.microsoft.com/beta/$metadata#external/industryData/outboundProvisioningFlowSets/$entity",
  id: "set-A",
  displayName: "North High",
  filter: { "@odata.type": filterType, attribute: "orgExternalId", in: ["nh-1", "nh-2"] },
  createdDateTime: "2026-01-01T00:00:00Z",
  lastModifiedDateTime: "2026-01-01T00:00:00Z",
};

function checked(raw: Json): Json {
  const { inputs, failures } = validateInputs("flowSet", raw);
  expect(failures).toEqual([]);
  return inputs;
}

/** Outputs right after `create` adopted (flowSetId declared) or created the set. */
function outputsAfterCreate(raw: Json, server: Json = held): Json {
  return toOutputs("flowSet", server, checked(raw));
}

const adopted = outputsAfterCreate({ flowSetId: "set-A" });
const created = outputsAfterCreate({ displayName: "North High" });
/** What a set created before sets could be adopted keeps in state: no bookkeeping. */
const legacy: Json = (() => {
  const { adopted: _a, deleteOnDestroy: _d, ...rest } = created;
  return rest;
})();

describe("validateInputs: a flow set with flowSetId is adopted", () => {
  it.each([
    { name: "the id alone (every setting stays as the tenant holds it)", raw: { flowSetId: "set-A" } },
    { name: "the id and a filter, no displayName (the name held is sent where Graph needs it)",
      raw: { flowSetId: "set-A", filter: { attribute: "orgExternalId", in: ["nh-1"] } } },
    { name: "the id and deleteOnDestroy", raw: { flowSetId: "set-A", deleteOnDestroy: true } },
    { name: "an id Pulumi does not know yet (preview)", raw: { flowSetId: pulumiUnknownValue } },
  ])("accepts $name", ({ raw }) => {
    expect(validateInputs("flowSet", raw).failures).toEqual([]);
  });

  it.each([
    { name: "without flowSetId, displayName is still required (Graph needs it to create the set)",
      raw: { filter: null }, property: "displayName", reason: "is required (Graph needs it to create the resource)" },
    { name: "a declared filter must be whole: it may be null in the tenant, leaving nothing to lay it over",
      raw: { flowSetId: "set-A", filter: { in: ["nh-1"] } }, property: "filter.attribute", reason: "is required" },
    { name: "an empty flowSetId", raw: { flowSetId: "", displayName: "N" }, property: "flowSetId", reason: "must not be empty" },
    { name: "a non-boolean deleteOnDestroy", raw: { flowSetId: "set-A", deleteOnDestroy: "yes" }, property: "deleteOnDestroy", reason: "must be boolean (got string)" },
    { name: "an empty displayName, adopted or not", raw: { flowSetId: "set-A", displayName: "" }, property: "displayName", reason: "must not be empty" },
  ])("fails: $name", ({ raw, property, reason }) => {
    expect(validateInputs("flowSet", raw).failures).toContainEqual({ property, reason });
  });
});

describe("toOutputs of a flow set", () => {
  it.each([
    { name: "adopted: left in the tenant on destroy by default", outputs: () => adopted, expected: { flowSetId: "set-A", adopted: true, deleteOnDestroy: false } },
    { name: "created: deleted on destroy by default", outputs: () => created, expected: { flowSetId: "set-A", adopted: false, deleteOnDestroy: true } },
    { name: "adopted with deleteOnDestroy: true", outputs: () => outputsAfterCreate({ flowSetId: "set-A", deleteOnDestroy: true }),
      expected: { flowSetId: "set-A", adopted: true, deleteOnDestroy: true } },
  ])("$name", ({ outputs, expected }) => {
    expect(outputs()).toMatchObject({ ...expected, displayName: "North High", filter: { attribute: "orgExternalId", in: ["nh-1", "nh-2"] } });
    expect(JSON.stringify(outputs())).not.toContain("@odata");
  });

  it("a read carries the bookkeeping over (adopted stays adopted)", () => {
    expect(toOutputs("flowSet", held, undefined, { olds: adopted })).toMatchObject({ adopted: true, deleteOnDestroy: false });
  });

  it("a read of a set stored before sets could be adopted adds no bookkeeping (a refresh shows no change)", () => {
    const read = toOutputs("flowSet", held, undefined, { olds: legacy });
    expect(read).not.toHaveProperty("adopted");
    expect(read).not.toHaveProperty("deleteOnDestroy");
  });
});

describe("diffResource of a flow set", () => {
  it.each([
    { name: "adopting another set replaces it, adopting the new one before letting the old go (no delete first)",
      raw: { flowSetId: "set-B" }, olds: adopted, expected: { changes: true, replaces: ["flowSetId"], changedProperties: ["flowSetId"], deleteBeforeReplace: false } },
    { name: "an adopted id not known yet (preview) replaces",
      raw: { flowSetId: pulumiUnknownValue }, olds: adopted, expected: { changes: true, replaces: ["flowSetId"], deleteBeforeReplace: false } },
    { name: "declaring the created set's own id (adopting it) is no change",
      raw: { flowSetId: "set-A", displayName: "North High" }, olds: created, expected: { changes: false, replaces: [] } },
    { name: "removing flowSetId from an adopted set is no replace: the same set stays managed, and stays adopted",
      raw: { displayName: "North High" }, olds: adopted, expected: { changes: false, replaces: [], changedProperties: [] } },
    { name: "toggling deleteOnDestroy changes the outputs only",
      raw: { flowSetId: "set-A", deleteOnDestroy: true }, olds: adopted, expected: { changes: true, replaces: [], changedProperties: ["deleteOnDestroy"] } },
    { name: "a differing displayName is patched in place",
      raw: { flowSetId: "set-A", displayName: "North High School" }, olds: adopted, expected: { changes: true, replaces: [], changedProperties: ["displayName"] } },
    { name: "the filter in another order is no change (filter.in is order-free)",
      raw: { flowSetId: "set-A", filter: { attribute: "orgExternalId", in: ["nh-2", "nh-1"] } }, olds: adopted, expected: { changes: false } },
    { name: "a set stored before sets could be adopted (no bookkeeping) shows no change after the upgrade",
      raw: { displayName: "North High" }, olds: legacy, expected: { changes: false, changedProperties: [] } },
  ])("$name", ({ raw, olds, expected }) => {
    expect(diffResource("flowSet", checked(raw), olds)).toMatchObject(expected);
  });

  it("removing flowSetId keeps the adopted set's default: left in the tenant on destroy", () => {
    const outputs = toOutputs("flowSet", held, checked({ displayName: "North High" }), { olds: adopted });
    expect(outputs).toMatchObject({ adopted: true, deleteOnDestroy: false });
  });
});

describe("PATCH body of an adopted flow set (built over the GET that adopts it)", () => {
  it.each([
    { name: "nothing declared: no PATCH", raw: { flowSetId: "set-A" }, body: undefined },
    { name: "everything as held (filter ids in another order): no PATCH",
      raw: { flowSetId: "set-A", displayName: "North High", filter: { attribute: "orgExternalId", in: ["nh-2", "nh-1"] } }, body: undefined },
    { name: "a displayName differing only in case: a change (a name is not an enum)",
      raw: { flowSetId: "set-A", displayName: "north high" }, body: { "@odata.type": setType, displayName: "north high" } },
    { name: "only deleteOnDestroy declared: no PATCH (a provider field is never sent)", raw: { flowSetId: "set-A", deleteOnDestroy: true }, body: undefined },
    { name: "a differing displayName: just displayName",
      raw: { flowSetId: "set-A", displayName: "North High School" }, body: { "@odata.type": setType, displayName: "North High School" } },
    { name: "a differing filter, displayName undeclared: the filter plus the held displayName (required on PATCH)",
      raw: { flowSetId: "set-A", filter: { attribute: "orgExternalId", in: ["nh-1"] } },
      body: { "@odata.type": setType, filter: { "@odata.type": filterType, attribute: "orgExternalId", in: ["nh-1"] }, displayName: "North High" } },
    { name: "a declared null filter (all organisations): null plus the held displayName",
      raw: { flowSetId: "set-A", filter: null }, body: { "@odata.type": setType, filter: null, displayName: "North High" } },
  ])("$name", ({ raw, body }) => {
    expect(buildPatchBody("flowSet", checked(raw), held, { graphEndpoint })).toEqual(body);
  });
});

/** The look before a create (pure rules): which sibling an interrupted create made, and the refusal's wording. */
import { findTwin, twinError, type JsonObject } from "../../provider/reconcile";
import type { ResourceKind } from "../../provider/schema";
import { csvConnectorArgs, inboundFlowArgs, sourceSystemArgs, yearArgs } from "../support/inboundArgs";

const ns = "#microsoft.graph.industryData.";

/** A sibling as Graph lists it (bindings expanded as `$expand=…($select=id)` returns them). */
const listed = {
  set: (id: string, displayName: string): JsonObject => ({ id, displayName, filter: null }),
  flow: (id: string, graphType: string): JsonObject => ({ "@odata.type": `${ns}${graphType}`, id }),
  sourceSystem: (id: string, displayName: string): JsonObject => ({ id, ...sourceSystemArgs(), displayName, userMatchingSettings: [] }),
  connector: (id: string, displayName: string, sourceSystemId: string, graphType = "azureDataLakeConnector"): JsonObject => ({
    "@odata.type": `${ns}${graphType}`,
    id,
    displayName,
    fileFormat: { code: "schoolDataSyncV2Rev1" },
    sourceSystem: { id: sourceSystemId },
  }),
  year: (id: string, displayName: string, code: string): JsonObject => ({ id, ...yearArgs(), displayName, year: { code } }),
  inboundFlow: (id: string, displayName: string, dataConnectorId: string, yearId: string): JsonObject => ({
    "@odata.type": `${ns}inboundFileFlow`,
    id,
    ...inboundFlowArgs(dataConnectorId, yearId),
    displayName,
    dataConnector: { id: dataConnectorId },
    year: { id: yearId },
  }),
};

const cases: [string, ResourceKind, JsonObject, JsonObject[], string | undefined][] = [
  ["a set with the declared displayName is the twin", "flowSet", { displayName: "District" }, [listed.set("a", "Other"), listed.set("b", "District")], "b"],
  ["displayNames compare without case or surrounding blanks", "flowSet", { displayName: "District" }, [listed.set("b", " district ")], "b"],
  ["no set of that name: no twin", "flowSet", { displayName: "District" }, [listed.set("a", "District 2")], undefined],
  ["a flow of the kind in the set is the twin (one per kind)", "securityGroup", { flowSetId: "s" }, [listed.flow("u", "userProvisioningFlow"), listed.flow("f", "securityGroupProvisioningFlow")], "f"],
  ["a flow of another kind is not", "securityGroup", { flowSetId: "s" }, [listed.flow("u", "userProvisioningFlow")], undefined],
  ["a source system by displayName", "sourceSystem", sourceSystemArgs(), [listed.sourceSystem("x", "Rostering source")], "x"],
  ["a connector of the kind, name and source system", "azureDataLakeConnector", csvConnectorArgs("ss1"), [listed.connector("c", "CSV connector", "ss1")], "c"],
  [
    "a connector bound to another source system is not (a replacement creates beside the old one)",
    "azureDataLakeConnector",
    csvConnectorArgs("ss2"),
    [listed.connector("c", "CSV connector", "ss1")],
    undefined,
  ],
  ["a connector of another kind with the name is not", "azureDataLakeConnector", csvConnectorArgs("ss1"), [listed.connector("c", "CSV connector", "ss1", "oneRosterApiDataConnector")], undefined],
  ["a year with the name and code", "year", yearArgs(), [listed.year("y", "School year 2025-26", "2025")], "y"],
  ["a year with another code (a create-only value) is not", "year", yearArgs(), [listed.year("y", "School year 2025-26", "2024")], undefined],
  ["an inbound flow with the name and bindings", "inboundFileFlow", inboundFlowArgs("c", "y"), [listed.inboundFlow("i", "Inbound rostering flow", "c", "y")], "i"],
  ["an inbound flow bound to another year is not", "inboundFileFlow", inboundFlowArgs("c", "y2"), [listed.inboundFlow("i", "Inbound rostering flow", "c", "y")], undefined],
  ["a reference definition is found by its id instead (no list)", "referenceDefinition", { referenceType: "RefGradeLevel", code: "x" }, [{ id: "RefGradeLevel-x" }], undefined],
];

describe("findTwin: the sibling an interrupted create made", () => {
  test.each(cases)("%s", (_name, kind, declared, siblings, expected) => {
    expect(findTwin(kind, declared, siblings)?.id).toBe(expected);
  });
});

describe("twinError: the refusal names the twin and the exact commands", () => {
  test("a source system: its name and id, the pending create by its URN (the plugin knows it), the two commands, the other ways out", () => {
    const urn = "urn:pulumi:dev::district::industrydata:index:SourceSystemDefinition::sis";
    const { message } = twinError({ kind: "sourceSystem", declared: sourceSystemArgs(), twin: { id: "ss-1" }, twinResourceId: "ss-1", urn });
    expect(message).toContain(`the tenant already holds a source system named "Rostering source" (id ss-1), so none was created`);
    expect(message).toContain(`Pulumi then warns of a pending create of ${urn}`);
    expect(message).toContain("run `pulumi refresh --clear-pending-creates --yes` (Pulumi forgets the interrupted create), then `INDUSTRYDATA_TAKE_OVER=ss-1 pulumi up --yes`");
    expect(message).toContain(`adopt it with sourceSystemId: "ss-1" (destroy then leaves it in the tenant), or give this resource another displayName`);
  });

  test("a flow: the one-per-kind wording, and the flow's Pulumi id <setId>/<flowId> to take over", () => {
    const { message } = twinError({ kind: "securityGroup", declared: { flowSetId: "s1" }, twin: { id: "f1" }, twinResourceId: "s1/f1" });
    expect(message).toContain("flow set s1 already holds a securityGroupProvisioningFlow (flow f1)");
    expect(message).toContain("`INDUSTRYDATA_TAKE_OVER=s1/f1 pulumi up --yes`");
    expect(message).toContain(`adopt it with flowId: "f1", or use another flow set`);
  });

  test("an id that needs quoting is quoted for the shell", () => {
    expect(twinError({ kind: "flowSet", declared: { displayName: "D" }, twin: { id: "a b" }, twinResourceId: "a b" }).message).toContain(`INDUSTRYDATA_TAKE_OVER='a b' pulumi up`);
  });
});

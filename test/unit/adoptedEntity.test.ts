/** Adoption checks what it got: the rule every front end runs on an adoption's GET answer, before any write. */
import { assertAdoptedEntity } from "../../provider/reconcile";
import type { ResourceKind } from "../../provider/schema";

const ns = "#microsoft.graph.industryData.";
const setId = "9ab41255-5364-4c53-e15c-08dc4ab6ee03";
const flowId = "4598f62a-7bd9-40a1-d38a-08dc4ac68cf2";
const set = { "@odata.context": "https://g/beta/$metadata#external/industryData/outboundProvisioningFlowSets/$entity", id: setId, displayName: "District" };
const flow = (type: string, id = flowId) => ({ "@odata.type": `${ns}${type}`, id });

describe("assertAdoptedEntity accepts what the arguments named", () => {
  it.each<{ name: string; kind: ResourceKind; id: string; entity: object }>([
    { name: "a set read back as a set (Graph writes no @odata.type on it)", kind: "flowSet", id: setId, entity: set },
    { name: "a set with an explicit @odata.type", kind: "flowSet", id: setId, entity: { ...set, "@odata.type": `${ns}outboundProvisioningFlowSet` } },
    { name: "a set id in another case", kind: "flowSet", id: setId.toUpperCase(), entity: set },
    { name: "a user flow as UserProvisioningFlow", kind: "user", id: flowId, entity: flow("userProvisioningFlow") },
    { name: "a user flow as the base ProvisioningFlow", kind: "provisioningFlow", id: flowId, entity: flow("userProvisioningFlow") },
    { name: "a class-group flow as the base ProvisioningFlow", kind: "provisioningFlow", id: flowId, entity: flow("classGroupProvisioningFlow") },
  ])("$name", ({ kind, id, entity }) => {
    expect(() => assertAdoptedEntity({ kind, id, entity, what: "it" })).not.toThrow();
  });
});

describe("assertAdoptedEntity fails, naming what was found, for anything else", () => {
  it.each<{ name: string; kind: ResourceKind; id: string; entity: unknown; message: string }>([
    {
      name: "the base flow whose `..` resolved to its flow set (issue 14)",
      kind: "provisioningFlow",
      id: "..",
      entity: set,
      message: `cannot adopt it with ProvisioningFlow: Graph answered with an entity without @odata.type, not a provisioningFlow (found: id "${setId}"); nothing was changed`,
    },
    {
      name: "the base flow answered by a set carrying its @odata.type",
      kind: "provisioningFlow",
      id: flowId,
      entity: { ...set, "@odata.type": `${ns}outboundProvisioningFlowSet` },
      message: "its type is outboundProvisioningFlowSet",
    },
    {
      name: "a set answered by a flow",
      kind: "flowSet",
      id: setId,
      entity: flow("userProvisioningFlow", setId),
      message: "cannot adopt it with OutboundProvisioningFlowSet: its type is userProvisioningFlow",
    },
    {
      name: "a set answered by the industryData root (no id)",
      kind: "flowSet",
      id: "..",
      entity: { "@odata.context": "https://g/beta/$metadata#external/industryData/$entity" },
      message: 'Graph answered with no id, not ".."',
    },
    {
      name: "a set answered by a collection",
      kind: "flowSet",
      id: ".",
      entity: { value: [set] },
      message: "Graph answered with a collection, not a outboundProvisioningFlowSet",
    },
    { name: "a set answered with another set's id", kind: "flowSet", id: "other", entity: set, message: `Graph answered with id "${setId}", not "other"` },
    {
      name: "a flow of another kind",
      kind: "administrativeUnit",
      id: flowId,
      entity: flow("securityGroupProvisioningFlow"),
      message: "its type is securityGroupProvisioningFlow (adopt it with SecurityGroupProvisioningFlow)",
    },
    { name: "a flow of a type the provider does not manage", kind: "provisioningFlow", id: flowId, entity: flow("inboundFileFlow"), message: `its type is ${ns}inboundFileFlow, which this provider does not manage` },
    { name: "a flow with another id", kind: "user", id: "f-1", entity: flow("userProvisioningFlow"), message: `Graph answered with id "${flowId}", not "f-1"` },
    { name: "no JSON object at all", kind: "user", id: flowId, entity: undefined, message: "Graph answered with no entity, not a userProvisioningFlow" },
  ])("$name", ({ kind, id, entity, message }) => {
    expect(() => assertAdoptedEntity({ kind, id, entity, what: "it" })).toThrow(message);
  });
});

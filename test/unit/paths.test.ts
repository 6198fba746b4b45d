/** Graph paths, role-group bind URLs and @odata.type lookup. */
import {
  descriptorForOdataType,
  descriptors,
  flowPath,
  flowSetPath,
  flowSetsPath,
  flowsPath,
  roleGroupBindUrl,
  roleGroupIdFromBindUrl,
} from "../../provider/schema";

describe("paths", () => {
  it("uses the camelCase outboundProvisioningFlowSets segment (the docs' capital O is not what the SDKs use)", () => {
    expect(flowSetsPath).toBe("/external/industryData/outboundProvisioningFlowSets");
    expect(flowSetPath("s-1")).toBe("/external/industryData/outboundProvisioningFlowSets/s-1");
    expect(flowsPath("s-1")).toBe("/external/industryData/outboundProvisioningFlowSets/s-1/provisioningFlows");
    expect(flowPath("s-1", "f-2")).toBe("/external/industryData/outboundProvisioningFlowSets/s-1/provisioningFlows/f-2");
  });

  it("escapes ids so a hostile id cannot change the path", () => {
    expect(flowPath("a/../b", "c?d")).toBe("/external/industryData/outboundProvisioningFlowSets/a%2F..%2Fb/provisioningFlows/c%3Fd");
  });

  it.each([
    { endpoint: "https://graph.microsoft.com/beta", url: "https://graph.microsoft.com/beta/external/industryData/roleGroups/staff" },
    { endpoint: "http://127.0.0.1:41234/beta/", url: "http://127.0.0.1:41234/beta/external/industryData/roleGroups/staff" },
  ])("builds the absolute roleGroup bind URL from $endpoint", ({ endpoint, url }) => {
    expect(roleGroupBindUrl(endpoint, "staff")).toBe(url);
  });

  it.each([
    { url: "https://graph.microsoft.com/beta/external/industryData/roleGroups/students", id: "students" },
    { url: "external/industryData/roleGroups/staff", id: "staff" },
    { url: "https://graph.microsoft.com/beta/external/industryData/roleGroups('staff')", id: "staff" },
    { url: "https://graph.microsoft.com/beta/external/industryData/referenceDefinitions/x", id: undefined },
  ])("reads the role-group id back from bind URL $url", ({ url, id }) => {
    expect(roleGroupIdFromBindUrl(url)).toBe(id);
  });
});

describe("descriptorForOdataType", () => {
  it.each([
    { odataType: "#microsoft.graph.industryData.userProvisioningFlow", kind: "user" },
    { odataType: "microsoft.graph.industryData.classGroupProvisioningFlow", kind: "classGroup" },
    { odataType: "#Microsoft.Graph.IndustryData.SecurityGroupProvisioningFlow", kind: "securityGroup" },
    { odataType: "#microsoft.graph.industryData.administrativeUnitProvisioningFlow", kind: "administrativeUnit" },
    { odataType: "#microsoft.graph.industryData.provisioningFlow", kind: "provisioningFlow" },
    { odataType: "#microsoft.graph.industryData.outboundProvisioningFlowSet", kind: "flowSet" },
  ])("maps $odataType to $kind", ({ odataType, kind }) => {
    expect(descriptorForOdataType(odataType)?.kind).toBe(kind);
  });

  it("returns undefined for a type the provider does not manage", () => {
    expect(descriptorForOdataType("#microsoft.graph.industryData.roleGroup")).toBeUndefined();
  });
});

describe("descriptor path templates", () => {
  it("agree with the path functions", () => {
    const fill = (template: string) => template.replace("{flowSetId}", "s-1").replace("{flowId}", "f-2");
    expect(fill(descriptors.flowSet.pathTemplate)).toBe(flowSetPath("s-1"));
    for (const kind of ["user", "classGroup", "securityGroup", "administrativeUnit", "provisioningFlow"] as const) {
      expect(fill(descriptors[kind].pathTemplate)).toBe(flowPath("s-1", "f-2"));
    }
  });
});

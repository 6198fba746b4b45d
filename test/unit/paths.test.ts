/** Graph paths, role-group bind URLs and @odata.type lookup. */
import {
  descriptorForOdataType,
  descriptors,
  fillPathTemplate,
  flowPath,
  flowSetPath,
  flowSetsPath,
  flowsPath,
  roleGroupBindUrl,
  resourceKinds,
  roleGroupIdFromBindUrl,
} from "../../provider/schema";

describe("paths", () => {
  it("uses the camelCase outboundProvisioningFlowSets segment (the docs' capital O is not what the SDKs use)", () => {
    expect(flowSetsPath).toBe("/external/industryData/outboundProvisioningFlowSets");
    expect(flowSetPath("s-1")).toBe("/external/industryData/outboundProvisioningFlowSets/s-1");
    expect(flowsPath("s-1")).toBe("/external/industryData/outboundProvisioningFlowSets/s-1/provisioningFlows");
    expect(flowPath("s-1", "f-2")).toBe("/external/industryData/outboundProvisioningFlowSets/s-1/provisioningFlows/f-2");
  });

  it("escapes the characters an id may hold that URLs treat specially", () => {
    expect(flowPath("a'(b)!*~", "c:d;e@f&g=h+i,j$k")).toBe(
      "/external/industryData/outboundProvisioningFlowSets/a'(b)!*~/provisioningFlows/c%3Ad%3Be%40f%26g%3Dh%2Bi%2Cj%24k",
    );
    expect(roleGroupBindUrl("https://g/beta", "é-staff")).toBe("https://g/beta/external/industryData/roleGroups/%C3%A9-staff");
  });

  // The reproduction of issue 14: `..` as a flowId resolved to the flow set itself, which was adopted, then deleted.
  it.each([
    { name: "a dot-dot flowId", build: () => flowPath("s-1", ".."), message: 'invalid flowId "..": must not be ".."' },
    { name: "a dot flowId", build: () => flowPath("s-1", "."), message: 'invalid flowId ".": must not be "."' },
    { name: "a dot-dot flowSetId", build: () => flowSetPath(".."), message: 'invalid flowSetId "..": must not be ".."' },
    { name: "a flowSetId with a slash", build: () => flowsPath("a/../b"), message: 'invalid flowSetId "a/../b": must not contain "/"' },
    { name: "a flowId with a query", build: () => flowPath("s-1", "c?d"), message: 'must not contain "?"' },
    { name: "a flowId with a fragment", build: () => flowPath("s-1", "c#d"), message: 'must not contain "#"' },
    { name: "a percent-encoded dot-dot", build: () => flowPath("s-1", "%2e%2e"), message: 'must not contain "%"' },
    { name: "a backslash", build: () => flowPath("s-1", "..\\x"), message: 'must not contain "\\"' },
    { name: "an empty flowId", build: () => flowPath("s-1", ""), message: "must not be empty" },
    { name: "a NUL role group id", build: () => roleGroupBindUrl("https://g/beta", "\u0000"), message: "must not contain a control or whitespace character (U+0000)" },
    { name: "a space", build: () => flowSetPath("a b"), message: "must not contain a space" },
    { name: "a newline", build: () => flowSetPath("a\nb"), message: "(U+000A)" },
    { name: "a 5,000-character flowSetId", build: () => flowSetPath("x".repeat(5000)), message: "must be at most 256 characters (got 5000)" },
  ])("refuses $name with an error, never a path", ({ build, message }) => {
    expect(build).toThrow(message);
    expect(build).toThrow("no request was sent");
  });

  it("fills a descriptor's path template with checked ids", () => {
    expect(fillPathTemplate(descriptors.user.pathTemplate, { flowSetId: "s-1", flowId: "f-2" })).toBe(flowPath("s-1", "f-2"));
    expect(() => fillPathTemplate(descriptors.user.pathTemplate, { flowSetId: "s-1", flowId: ".." })).toThrow('invalid flowId ".."');
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
    expect(descriptorForOdataType("#microsoft.graph.industryData.inboundFileFlow")).toBeUndefined();
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

describe("idArguments: every id that becomes a URL segment or a bind target is declared, so the id rule covers it", () => {
  it.each(resourceKinds.map((kind) => ({ kind })))("$kind", ({ kind }) => {
    const descriptor = descriptors[kind];
    const placeholders = [...descriptor.pathTemplate.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const bindings = Object.entries(descriptor.bindings).map(([at, binding]) => `${at}.${binding.argument}`);
    for (const argument of [...placeholders, descriptor.adoptArgument, ...bindings]) expect(descriptor.idArguments).toContain(argument);
  });
});

import { nextLinkPath } from "../../provider/graph/nextLinkPath";

describe("nextLinkPath", () => {
  const endpoint = "http://127.0.0.1:4100/beta";

  it("keeps a next link on the configured endpoint, as a path relative to it", () => {
    expect(nextLinkPath("http://127.0.0.1:4100/beta/external/industryData/outboundProvisioningFlowSets?$skiptoken=abc%3D%3D", endpoint)).toBe(
      "/external/industryData/outboundProvisioningFlowSets?$skiptoken=abc%3D%3D",
    );
    expect(nextLinkPath("/beta/x?$skip=2", endpoint)).toBe("/x?$skip=2");
  });

  const refused: [string, string][] = [
    ["another host", "https://evil.example/beta/x"],
    ["another port", "http://127.0.0.1:4101/beta/x"],
    ["another scheme", "https://127.0.0.1:4100/beta/x"],
    ["another version", "http://127.0.0.1:4100/v1.0/x"],
    ["a path merely starting like the endpoint", "http://127.0.0.1:4100/betax/x"],
  ];
  it.each(refused)("refuses a next link to %s", (_name, link) => {
    expect(() => nextLinkPath(link, endpoint)).toThrow(/outside the configured endpoint .* refusing to follow it/);
  });
});

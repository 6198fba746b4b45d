import { isLoopbackHost } from "../../provider/config";

describe("isLoopbackHost", () => {
  const cases: [string, boolean][] = [
    ["127.0.0.1", true],
    ["127.255.255.254", true],
    ["localhost", true],
    ["LOCALHOST", true],
    ["api.localhost", true],
    ["[::1]", true],
    ["::1", true],
    ["0:0:0:0:0:0:0:1", true],
    ["[::ffff:7f00:1]", true],
    ["::ffff:127.0.0.1", true],
    ["128.0.0.1", false],
    ["10.0.0.1", false],
    ["0.0.0.0", false],
    ["::", false],
    ["[::ffff:a00:1]", false],
    ["localhost.example.com", false],
    ["127.0.0.1.nip.io", false],
    ["graph.microsoft.com", false],
  ];
  it.each(cases)("%s -> %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });

  it("agrees with how URL normalizes hosts", () => {
    expect(isLoopbackHost(new URL("http://[::ffff:127.0.0.1]:8080/").hostname)).toBe(true);
    expect(isLoopbackHost(new URL("http://127.1/").hostname)).toBe(true);
  });
});

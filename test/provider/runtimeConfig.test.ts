/** The runtime's configuration: from configure() (stack config), else INDUSTRYDATA_* variables; a bad value sticks. */
import { TEST_TOKENS } from "../support/testSecrets";

type Runtime = typeof import("../../provider/dynamic/runtimeConfig");

function freshRuntime(): Runtime {
  let runtime: Runtime | undefined;
  jest.isolateModules(() => {
    runtime = require("../../provider/dynamic/runtimeConfig") as Runtime;
  });
  return runtime!;
}

describe("runtime configuration", () => {
  test("configure() reads industrydata:* stack config", async () => {
    const runtime = freshRuntime();
    await runtime.configure({ get: (key) => ({ "industrydata:graphEndpoint": "http://127.0.0.1:1/beta", "industrydata:accessToken": TEST_TOKENS.providerRuntimeConfig })[key] });
    expect(runtime.graphContext().graphEndpoint).toBe("http://127.0.0.1:1/beta");
  });

  test("without configure(), INDUSTRYDATA_* environment variables apply (tools calling providers directly)", () => {
    const runtime = freshRuntime();
    const saved = process.env.INDUSTRYDATA_GRAPH_ENDPOINT;
    process.env.INDUSTRYDATA_GRAPH_ENDPOINT = "http://127.0.0.1:2/beta";
    try {
      expect(runtime.graphContext().graphEndpoint).toBe("http://127.0.0.1:2/beta");
    } finally {
      if (saved === undefined) delete process.env.INDUSTRYDATA_GRAPH_ENDPOINT;
      else process.env.INDUSTRYDATA_GRAPH_ENDPOINT = saved;
    }
  });

  test("a bad value fails configure() naming the key, and every later call with it: no silent fallback to defaults", async () => {
    const runtime = freshRuntime();
    const bad = runtime.configure({ get: (key) => (key === "industrydata:maxRetries" ? "many" : undefined) });
    await expect(bad).rejects.toThrow("industrydata:maxRetries");
    // The host caches a provider before awaiting configure(), so it never calls configure() again.
    expect(() => runtime.graphContext()).toThrow("industrydata:maxRetries");
  });
});

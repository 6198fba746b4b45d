import {
  DEFAULT_CONCURRENCY,
  DEFAULT_GRAPH_ENDPOINT,
  DEFAULT_MAX_RETRIES,
  DEFAULT_OPERATION_TIMEOUT_MS,
  envNameFor,
  providerConfigKeys,
  resolveProviderConfig,
} from "../../provider/config";
import { TEST_CLIENT_SECRETS, TEST_TOKENS } from "../support/testSecrets";

/** A `get` over a plain object of full keys, as Pulumi's configure() hands config over. */
const stack = (values: Record<string, string> = {}) => (key: string): string | undefined => values[key];

describe("resolveProviderConfig", () => {
  it("uses the documented defaults when nothing is set", () => {
    expect(resolveProviderConfig(stack(), {})).toEqual({
      graphEndpoint: DEFAULT_GRAPH_ENDPOINT,
      maxRetries: DEFAULT_MAX_RETRIES,
      concurrency: DEFAULT_CONCURRENCY,
      operationTimeoutMs: DEFAULT_OPERATION_TIMEOUT_MS,
    });
    expect(DEFAULT_GRAPH_ENDPOINT).toBe("https://graph.microsoft.com/beta");
  });

  it("names each environment variable INDUSTRYDATA_ + the key in upper snake case", () => {
    expect(providerConfigKeys.map(envNameFor)).toEqual([
      "INDUSTRYDATA_GRAPH_ENDPOINT",
      "INDUSTRYDATA_TENANT_ID",
      "INDUSTRYDATA_CLIENT_ID",
      "INDUSTRYDATA_CLIENT_SECRET",
      "INDUSTRYDATA_CLIENT_CERTIFICATE_PATH",
      "INDUSTRYDATA_AUTHORITY_HOST",
      "INDUSTRYDATA_ACCESS_TOKEN",
      "INDUSTRYDATA_CA_CERTIFICATE_PATH",
      "INDUSTRYDATA_MAX_RETRIES",
      "INDUSTRYDATA_CONCURRENCY",
      "INDUSTRYDATA_OPERATION_TIMEOUT_MS",
      "INDUSTRYDATA_OPERATION_TIMEOUT",
      "INDUSTRYDATA_TAKE_OVER",
    ]);
  });

  it("reads every key from stack config", () => {
    const config = resolveProviderConfig(
      stack({
        "industrydata:graphEndpoint": "https://graph.microsoft.us/beta/",
        "industrydata:tenantId": "contoso.onmicrosoft.com",
        "industrydata:clientId": "app-id",
        "industrydata:clientSecret": TEST_CLIENT_SECRETS.providerConfig,
        "industrydata:authorityHost": "https://login.microsoftonline.us",
        "industrydata:caCertificatePath": "/etc/ca.pem",
        "industrydata:maxRetries": "2",
        "industrydata:concurrency": "8",
        "industrydata:operationTimeoutMs": "30000",
      }),
      {},
    );
    expect(config).toEqual({
      graphEndpoint: "https://graph.microsoft.us/beta",
      tenantId: "contoso.onmicrosoft.com",
      clientId: "app-id",
      clientSecret: TEST_CLIENT_SECRETS.providerConfig,
      authorityHost: "https://login.microsoftonline.us",
      caCertificatePath: "/etc/ca.pem",
      maxRetries: 2,
      concurrency: 8,
      operationTimeoutMs: 30000,
    });
  });

  it("falls back to INDUSTRYDATA_* variables, and stack config wins over them", () => {
    const env = {
      INDUSTRYDATA_GRAPH_ENDPOINT: "http://127.0.0.1:4000/beta",
      INDUSTRYDATA_ACCESS_TOKEN: TEST_TOKENS.graphEnv,
      INDUSTRYDATA_MAX_RETRIES: "1",
      INDUSTRYDATA_CONCURRENCY: "3",
    };
    expect(resolveProviderConfig(stack(), env)).toMatchObject({
      graphEndpoint: "http://127.0.0.1:4000/beta",
      accessToken: TEST_TOKENS.graphEnv,
      maxRetries: 1,
      concurrency: 3,
    });
    expect(resolveProviderConfig(stack({ "industrydata:maxRetries": "7" }), env).maxRetries).toBe(7);
  });

  it("accepts bare keys from a get() that strips the namespace", () => {
    expect(resolveProviderConfig(stack({ concurrency: "2" }), {}).concurrency).toBe(2);
  });

  it("treats an empty value as unset", () => {
    expect(resolveProviderConfig(stack({ "industrydata:maxRetries": "  " }), { INDUSTRYDATA_MAX_RETRIES: "4" }).maxRetries).toBe(4);
  });

  it("accepts operationTimeout in seconds, and operationTimeoutMs wins", () => {
    expect(resolveProviderConfig(stack({ "industrydata:operationTimeout": "1.5" }), {}).operationTimeoutMs).toBe(1500);
    expect(
      resolveProviderConfig(stack({ "industrydata:operationTimeout": "90", "industrydata:operationTimeoutMs": "2000" }), {}).operationTimeoutMs,
    ).toBe(2000);
  });

  it("allows plain http only for loopback endpoints", () => {
    for (const endpoint of ["http://127.0.0.1:1/beta", "http://localhost:1/beta", "http://[::1]:1/beta", "http://127.8.9.10/beta"]) {
      expect(resolveProviderConfig(stack({ "industrydata:graphEndpoint": endpoint }), {}).graphEndpoint).toBe(endpoint);
    }
  });

  const badValues: { name: string; values: Record<string, string>; env?: Record<string, string>; message: RegExp }[] = [
    { name: "non-numeric maxRetries", values: { "industrydata:maxRetries": "three" }, message: /^industrydata:maxRetries must be a whole number from 0 to 20, got "three"/ },
    { name: "negative maxRetries", values: { "industrydata:maxRetries": "-1" }, message: /^industrydata:maxRetries must be a whole number/ },
    { name: "fractional concurrency", values: { "industrydata:concurrency": "1.5" }, message: /^industrydata:concurrency must be a whole number from 1 to 64, got "1.5"/ },
    { name: "zero concurrency", values: { "industrydata:concurrency": "0" }, message: /^industrydata:concurrency must be a whole number from 1 to 64, got 0/ },
    { name: "bad env value names the variable", values: {}, env: { INDUSTRYDATA_MAX_RETRIES: "lots" }, message: /^INDUSTRYDATA_MAX_RETRIES must be a whole number/ },
    { name: "timeout too short", values: { "industrydata:operationTimeoutMs": "10" }, message: /^industrydata:operationTimeoutMs must be a whole number from 1000 to 3600000, got 10/ },
    { name: "timeout seconds not a number", values: { "industrydata:operationTimeout": "soon" }, message: /^industrydata:operationTimeout must be a number of seconds from 1 to 3600, got "soon"/ },
    { name: "endpoint not a URL", values: { "industrydata:graphEndpoint": "graph.microsoft.com" }, message: /^industrydata:graphEndpoint must be an absolute URL/ },
    { name: "endpoint over plain http to a remote host", values: { "industrydata:graphEndpoint": "http://graph.microsoft.com/beta" }, message: /^industrydata:graphEndpoint must use https: plain http is accepted only for a loopback host/ },
    { name: "endpoint with a query", values: { "industrydata:graphEndpoint": "https://graph.microsoft.com/beta?x=1" }, message: /^industrydata:graphEndpoint must be a base URL without credentials, query or fragment/ },
    { name: "endpoint ftp", values: { "industrydata:graphEndpoint": "ftp://graph.microsoft.com/beta" }, message: /^industrydata:graphEndpoint must be an http\(s\) URL/ },
    { name: "authority over http", values: { "industrydata:authorityHost": "http://login.example" }, message: /^industrydata:authorityHost must be an https URL/ },
    { name: "secret without tenant", values: { "industrydata:clientSecret": "x", "industrydata:clientId": "c" }, message: /^industrydata:tenantId is required with industrydata:clientSecret \(set industrydata:tenantId or INDUSTRYDATA_TENANT_ID\)/ },
    { name: "certificate without client id", values: { "industrydata:clientCertificatePath": "/c.pem", "industrydata:tenantId": "t" }, message: /^industrydata:clientId is required with industrydata:clientCertificatePath/ },
    { name: "secret and certificate together", values: { "industrydata:clientSecret": "x", "industrydata:clientCertificatePath": "/c.pem" }, message: /^industrydata:clientSecret cannot be combined with industrydata:clientCertificatePath/ },
  ];
  it.each(badValues)("rejects $name with a message naming the key", ({ values, env, message }) => {
    expect(() => resolveProviderConfig(stack(values), env ?? {})).toThrow(message);
  });

  it.each([
    { key: "industrydata:authorityHost", scheme: "http" },
    { key: "industrydata:graphEndpoint", scheme: "ftp" },
  ])("never echoes a password written into the $key URL ($scheme)", ({ key, scheme }) => {
    const password = TEST_CLIENT_SECRETS.providerConfigNeverEchoed;
    const raw = `${scheme}://admin:${encodeURIComponent(password)}@login.example/`;
    const error = thrownBy(() => resolveProviderConfig(stack({ [key]: raw }), {}));
    expect(error.message).toMatch(/\*\*\*@login\.example/);
    expect(error.message).not.toContain(encodeURIComponent(password));
    expect(error.message).not.toContain(password);
  });

  it("never echoes a secret value in its errors", () => {
    // A client secret without the tenant it belongs to: refused, naming what is missing, never the secret.
    const error = thrownBy(() =>
      resolveProviderConfig(stack({ "industrydata:clientSecret": TEST_CLIENT_SECRETS.providerConfigNeverEchoed, "industrydata:clientId": "c" }), {}),
    );
    expect(error.message).toMatch(/tenantId/);
    expect(error.message).not.toContain(TEST_CLIENT_SECRETS.providerConfigNeverEchoed);
  });
});

/**
 * The error `run` throws. Fails the test when it throws nothing: a `throw` inside a `try` whose `catch` only
 * checks the message would be caught by that same `catch`, and such a test could never fail.
 */
function thrownBy(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure, but nothing was thrown");
}

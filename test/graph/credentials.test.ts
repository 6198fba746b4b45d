import { ClientCertificateCredential, ClientSecretCredential, DefaultAzureCredential, WorkloadIdentityCredential, type AccessToken, type TokenCredential } from "@azure/identity";
import { createCredential, scopeForEndpoint } from "../../provider/graph";
import { credentialOptions } from "../../provider/graph/createCredential";
import { cachedTokenCredential } from "../../provider/graph/cachedTokenCredential";
import { StaticTokenCredential } from "../../provider/graph/staticTokenCredential";
import type { ProviderConfig } from "../../provider/config";
import { TEST_CLIENT_SECRETS, TEST_TOKENS } from "../support/testSecrets";

const base: ProviderConfig = { graphEndpoint: "https://graph.microsoft.com/beta", maxRetries: 0, concurrency: 1, operationTimeoutMs: 1000 };

describe("createCredential", () => {
  const cases: [string, Partial<ProviderConfig>, NodeJS.ProcessEnv, string, Function][] = [
    ["accessToken", { accessToken: TEST_TOKENS.graphCredentials }, {}, "accessToken", StaticTokenCredential],
    ["clientSecret", { tenantId: "t", clientId: "c", clientSecret: TEST_CLIENT_SECRETS.credentialChoice }, {}, "clientSecret", ClientSecretCredential],
    ["clientCertificatePath", { tenantId: "t", clientId: "c", clientCertificatePath: "/nowhere.pem" }, {}, "clientCertificate", ClientCertificateCredential],
    ["AZURE_FEDERATED_TOKEN_FILE", { tenantId: "t", clientId: "c" }, { AZURE_FEDERATED_TOKEN_FILE: "/var/run/token" }, "workloadIdentity", WorkloadIdentityCredential],
    ["AZURE_* ids with a token file", {}, { AZURE_FEDERATED_TOKEN_FILE: "/t", AZURE_TENANT_ID: "t", AZURE_CLIENT_ID: "c" }, "workloadIdentity", WorkloadIdentityCredential],
    ["nothing explicit", {}, {}, "default", DefaultAzureCredential],
    ["accessToken over a client secret", { accessToken: TEST_TOKENS.graphCredentials, tenantId: "t", clientId: "c", clientSecret: TEST_CLIENT_SECRETS.credentialChoice }, {}, "accessToken", StaticTokenCredential],
  ];
  it.each(cases)("chooses by %s", (_name, config, env, kind, type) => {
    const chosen = createCredential({ ...base, ...config }, { env });
    expect(chosen.kind).toBe(kind);
    expect(chosen.credential).toBeInstanceOf(type);
  });

  it("explains a token file without tenant or client id", () => {
    expect(() => createCredential(base, { env: { AZURE_FEDERATED_TOKEN_FILE: "/t" } })).toThrow(
      /AZURE_FEDERATED_TOKEN_FILE is set, so workload identity is used, but the tenant or client id is missing/,
    );
  });

  it("turns instance discovery off for a custom authority host only", () => {
    expect(credentialOptions({ authorityHost: "https://127.0.0.1:4443" })).toEqual({ authorityHost: "https://127.0.0.1:4443", disableInstanceDiscovery: true });
    expect(credentialOptions({ authorityHost: "https://login.microsoftonline.us" })).toEqual({ authorityHost: "https://login.microsoftonline.us" });
    expect(credentialOptions({})).toEqual({});
  });

  it("passes the extra CA to the credential's TLS", () => {
    expect(credentialOptions({}, { ca: ["PEM"] })).toEqual({ tlsOptions: { ca: ["PEM"] } });
  });
});

describe("scopeForEndpoint", () => {
  const cases: [string, string][] = [
    ["https://graph.microsoft.com/beta", "https://graph.microsoft.com/.default"],
    ["https://graph.microsoft.us/beta", "https://graph.microsoft.us/.default"],
    ["https://microsoftgraph.chinacloudapi.cn/beta", "https://microsoftgraph.chinacloudapi.cn/.default"],
    ["https://dod-graph.microsoft.us/beta", "https://dod-graph.microsoft.us/.default"],
    // Stand-ins (the emulator, a gateway) take global Graph tokens: the emulator rejects an origin scope.
    ["http://127.0.0.1:4100/beta", "https://graph.microsoft.com/.default"],
    ["https://graph-gateway.contoso.example/beta", "https://graph.microsoft.com/.default"],
  ];
  it.each(cases)("%s -> %s", (endpoint, scope) => expect(scopeForEndpoint(endpoint)).toBe(scope));
});

describe("cachedTokenCredential", () => {
  function counting(expiresInMs: number): TokenCredential & { calls: number } {
    const credential = {
      calls: 0,
      async getToken(): Promise<AccessToken> {
        credential.calls++;
        await new Promise((resolve) => setImmediate(resolve));
        return { token: `token-${credential.calls}`, expiresOnTimestamp: now + expiresInMs };
      },
    };
    return credential;
  }
  let now = 1_000_000;
  const clock = () => now;

  it("shares one pending request among concurrent callers and reuses the token", async () => {
    const inner = counting(3_600_000);
    const cached = cachedTokenCredential(inner, { now: clock });
    const tokens = await Promise.all(Array.from({ length: 10 }, () => cached.getToken("s/.default")));
    expect(new Set(tokens.map((t) => t?.token))).toEqual(new Set(["token-1"]));
    await cached.getToken("s/.default");
    expect(inner.calls).toBe(1);
  });

  it("asks again five minutes before expiry", async () => {
    const inner = counting(3_600_000);
    const cached = cachedTokenCredential(inner, { now: clock });
    await cached.getToken("s");
    now += 3_600_000 - 5 * 60_000 - 1;
    await cached.getToken("s");
    expect(inner.calls).toBe(1);
    now += 2;
    expect((await cached.getToken("s"))?.token).toBe("token-2");
  });

  it("does not cache failures", async () => {
    let fail = true;
    const cached = cachedTokenCredential({
      async getToken() {
        if (fail) throw new Error("endpoint down");
        return { token: "ok", expiresOnTimestamp: now + 3_600_000 };
      },
    }, { now: clock });
    await expect(cached.getToken("s")).rejects.toThrow("endpoint down");
    fail = false;
    expect((await cached.getToken("s"))?.token).toBe("ok");
  });
});

describe("StaticTokenCredential", () => {
  it("takes the expiry from a JWT's exp claim", async () => {
    const jwt = ["e30", Buffer.from(JSON.stringify({ exp: 2_000_000_000 })).toString("base64url"), "sig"].join(".");
    expect((await new StaticTokenCredential(jwt).getToken()).expiresOnTimestamp).toBe(2_000_000_000_000);
  });
});

/**
 * The emulator's token endpoint: client secret, client certificate and federated (workload identity)
 * assertions, directly over HTTP and through the real @azure/identity credentials + Graph client over TLS.
 */
import { execFile } from "node:child_process";
import { createHash, createPrivateKey, X509Certificate } from "node:crypto";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { exportSPKI, generateKeyPair, importJWK, JWK, jwtVerify, KeyLike, SignJWT } from "jose";
import { generate } from "selfsigned";
import { ALL_READ_WRITE, DEFAULT_TENANT_ID, DEFAULT_TEST_CLIENT } from "../../emulator";
import { FLOW_SETS, startTestEmulator, TestEmulator } from "./helpers";
import { readJson } from "./readJson";
import { TEST_CLIENT_SECRETS } from "../support/testSecrets";

const run = promisify(execFile);
const CERT_CLIENT = "22222222-0000-0000-0000-00000000cert";
const FED_CLIENT = "33333333-0000-0000-0000-000000000fed";
const READER_CLIENT = "44444444-0000-0000-0000-0000000read";
const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
const SUBJECT = "repo:district/sds-config:ref:refs/heads/main";
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

interface Keys {
  dir: string;
  certPem: string;
  certKey: KeyLike;
  certPath: string;
  x5tS256: string;
  otherKey: KeyLike;
  issuerKey: KeyLike;
  issuerPublicPem: string;
}

async function makeKeys(): Promise<Keys> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "emu-identity-"));
  const cert = await generate([{ name: "commonName", value: "sds-config" }], { keySize: 2048, algorithm: "sha256" });
  const certPath = path.join(dir, "client.pem");
  await fs.writeFile(certPath, `${cert.private}\n${cert.cert}\n`, { mode: 0o600 });
  const issuer = await generateKeyPair("RS256");
  const other = await generateKeyPair("RS256");
  return {
    dir,
    certPem: cert.cert,
    certKey: createPrivateKey(cert.private) as unknown as KeyLike,
    certPath,
    x5tS256: createHash("sha256").update(new X509Certificate(cert.cert).raw).digest("base64url"),
    otherKey: other.privateKey,
    issuerKey: issuer.privateKey,
    issuerPublicPem: await exportSPKI(issuer.publicKey),
  };
}

/** The token endpoint's answer: the token on success, the AAD error fields on failure. */
interface TokenAnswer {
  access_token?: string;
  token_type?: string;
  expires_in?: number;
  error?: string;
  error_codes?: number[];
  error_description?: string;
}

/** The OpenID configuration document (the fields the test follows). */
interface OpenIdConfiguration {
  token_endpoint: string;
  jwks_uri: string;
}

function form(fields: Record<string, string>): { body: string; headers: Record<string, string> } {
  return { body: new URLSearchParams(fields).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } };
}

describe("emulator token endpoint", () => {
  let emu: TestEmulator;
  let keys: Keys;
  beforeAll(async () => {
    keys = await makeKeys();
    emu = await startTestEmulator({
      tls: true,
      clients: [
        { ...DEFAULT_TEST_CLIENT },
        { clientId: CERT_CLIENT, certificatePem: keys.certPem },
        { clientId: FED_CLIENT, federatedSubjects: [SUBJECT] },
        { clientId: READER_CLIENT, clientSecret: TEST_CLIENT_SECRETS.emulatorReader, roles: ["IndustryData-OutboundFlow.Read.All"] },
      ],
      federatedIssuers: [{ issuer: GITHUB_ISSUER, publicKeyPem: keys.issuerPublicPem }],
    });
  });
  afterAll(async () => {
    await emu.stop();
    await fs.rm(keys.dir, { recursive: true, force: true });
  });

  /** POST to the token endpoint over the emulator's TLS (trusting its CA through an undici agent). */
  async function token(fields: Record<string, string>, tenant = DEFAULT_TENANT_ID) {
    const { Agent } = await import("undici");
    const dispatcher = new Agent({ connect: { ca: emu.caPem } });
    const f = form({ grant_type: "client_credentials", scope: "https://graph.microsoft.com/.default", ...fields });
    const res = await fetch(`${emu.authorityHost}/${tenant}/oauth2/v2.0/token`, { method: "POST", ...f, dispatcher } as RequestInit);
    const body = await readJson<TokenAnswer>(res);
    await dispatcher.close();
    return { status: res.status, body };
  }

  function certAssertion(options: { key?: KeyLike; aud?: string; x5t?: string; iss?: string } = {}) {
    return new SignJWT({})
      .setProtectedHeader({ alg: "PS256", typ: "JWT", "x5t#S256": options.x5t ?? keys.x5tS256 })
      .setIssuer(options.iss ?? CERT_CLIENT)
      .setSubject(CERT_CLIENT)
      .setAudience(options.aud ?? emu.tokenUrl)
      .setIssuedAt()
      .setExpirationTime("10m")
      .setJti("j1")
      .sign(options.key ?? keys.certKey);
  }

  function federatedToken(options: { sub?: string; aud?: string; key?: KeyLike; exp?: string } = {}) {
    return new SignJWT({ repository: "district/sds-config" })
      .setProtectedHeader({ alg: "RS256", typ: "JWT" })
      .setIssuer(GITHUB_ISSUER)
      .setSubject(options.sub ?? SUBJECT)
      .setAudience(options.aud ?? "api://AzureADTokenExchange")
      .setIssuedAt()
      .setExpirationTime(options.exp ?? "5m")
      .sign(options.key ?? keys.issuerKey);
  }

  test("client secret: a JWT for Graph with the client's roles, verifiable with the published JWKS", async () => {
    const r = await token({ client_id: DEFAULT_TEST_CLIENT.clientId, client_secret: DEFAULT_TEST_CLIENT.clientSecret });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
    const { Agent } = await import("undici");
    const dispatcher = new Agent({ connect: { ca: emu.caPem } });
    const config = await readJson<OpenIdConfiguration>(await fetch(`${emu.authorityHost}/${DEFAULT_TENANT_ID}/v2.0/.well-known/openid-configuration`, { dispatcher } as RequestInit));
    expect(config.token_endpoint).toBe(emu.tokenUrl);
    const jwks = await readJson<{ keys: JWK[] }>(await fetch(config.jwks_uri, { dispatcher } as RequestInit));
    await dispatcher.close();
    const key = await importJWK(jwks.keys[0], "RS256");
    const { payload } = await jwtVerify(r.body.access_token!, key, { audience: "https://graph.microsoft.com", issuer: `${emu.authorityHost}/${DEFAULT_TENANT_ID}/v2.0` });
    expect(payload).toMatchObject({ roles: [...ALL_READ_WRITE], azp: DEFAULT_TEST_CLIENT.clientId, tid: DEFAULT_TENANT_ID });
    expect((await emu.graph("POST", FLOW_SETS, { displayName: "by token" }, { token: r.body.access_token })).status).toBe(201);
  });

  test("a client registered with Read.All only gets a token that may read but not write", async () => {
    const r = await token({ client_id: READER_CLIENT, client_secret: TEST_CLIENT_SECRETS.emulatorReader });
    expect((await emu.graph("GET", FLOW_SETS, undefined, { token: r.body.access_token })).status).toBe(200);
    expect((await emu.graph("POST", FLOW_SETS, { displayName: "x" }, { token: r.body.access_token })).status).toBe(403);
  });

  test("certificate: a client assertion signed by the registered certificate's key", async () => {
    const r = await token({ client_id: CERT_CLIENT, client_assertion_type: JWT_BEARER, client_assertion: await certAssertion() });
    expect(r.status).toBe(200);
    expect((await emu.graph("GET", FLOW_SETS, undefined, { token: r.body.access_token })).status).toBe(200);
  });

  test("federated: an externally issued token (GitHub OIDC shape) from a trusted issuer", async () => {
    const r = await token({ client_id: FED_CLIENT, client_assertion_type: JWT_BEARER, client_assertion: await federatedToken() });
    expect(r.status).toBe(200);
    expect((await emu.graph("GET", FLOW_SETS, undefined, { token: r.body.access_token })).status).toBe(200);
  });

  test.each<[string, number, string, number, () => Promise<Record<string, string>>]>([
    ["a wrong client secret", 401, "invalid_client", 7000215, async () => ({ client_id: DEFAULT_TEST_CLIENT.clientId, client_secret: "nope" })],
    ["an unknown client", 400, "unauthorized_client", 700016, async () => ({ client_id: "99999999-0000-0000-0000-000000000000", client_secret: "x" })],
    ["no credential at all", 401, "invalid_client", 7000218, async () => ({ client_id: DEFAULT_TEST_CLIENT.clientId })],
    ["a scope without /.default", 400, "invalid_scope", 1002012, async () => ({ client_id: DEFAULT_TEST_CLIENT.clientId, client_secret: DEFAULT_TEST_CLIENT.clientSecret, scope: "User.Read" })],
    ["another grant type", 400, "unsupported_grant_type", 70003, async () => ({ client_id: DEFAULT_TEST_CLIENT.clientId, client_secret: DEFAULT_TEST_CLIENT.clientSecret, grant_type: "password" })],
    ["a certificate assertion signed by another key", 401, "invalid_client", 700027, async () => ({ client_id: CERT_CLIENT, client_assertion_type: JWT_BEARER, client_assertion: await certAssertion({ key: keys.otherKey, x5t: undefined }) })],
    ["a certificate assertion naming another certificate", 401, "invalid_client", 700027, async () => ({ client_id: CERT_CLIENT, client_assertion_type: JWT_BEARER, client_assertion: await certAssertion({ x5t: "AAAA" }) })],
    ["a certificate assertion for another audience", 401, "invalid_client", 700024, async () => ({ client_id: CERT_CLIENT, client_assertion_type: JWT_BEARER, client_assertion: await certAssertion({ aud: "https://example.com/" }) })],
    ["a federated token with an unregistered subject", 401, "invalid_client", 70021, async () => ({ client_id: FED_CLIENT, client_assertion_type: JWT_BEARER, client_assertion: await federatedToken({ sub: "repo:evil/fork:ref:refs/heads/main" }) })],
    ["a federated token for another audience", 401, "invalid_client", 700211, async () => ({ client_id: FED_CLIENT, client_assertion_type: JWT_BEARER, client_assertion: await federatedToken({ aud: "api://other" }) })],
    ["an expired federated token", 401, "invalid_client", 700211, async () => ({ client_id: FED_CLIENT, client_assertion_type: JWT_BEARER, client_assertion: await federatedToken({ exp: "-10m" }) })],
    ["a federated token signed by an untrusted key", 401, "invalid_client", 700211, async () => ({ client_id: FED_CLIENT, client_assertion_type: JWT_BEARER, client_assertion: await federatedToken({ key: keys.otherKey }) })],
    ["a garbled assertion", 401, "invalid_client", 50027, async () => ({ client_id: FED_CLIENT, client_assertion_type: JWT_BEARER, client_assertion: "garbage" })],
  ])("%s is refused (%d %s, AADSTS%d)", async (_name, status, error, aadsts, fields) => {
    const r = await token(await fields());
    expect(r.status).toBe(status);
    expect(r.body.error).toBe(error);
    expect(r.body.error_codes).toEqual([aadsts]);
    expect(r.body.error_description).toMatch(new RegExp(`^AADSTS${aadsts}:`));
    expect(r.body).not.toHaveProperty("access_token");
  });

  test("the request log redacts client secrets and assertions", async () => {
    await emu.admin("DELETE", "/requests");
    const assertion = await federatedToken();
    await token({ client_id: DEFAULT_TEST_CLIENT.clientId, client_secret: DEFAULT_TEST_CLIENT.clientSecret });
    await token({ client_id: FED_CLIENT, client_assertion_type: JWT_BEARER, client_assertion: assertion });
    const log = (await emu.admin("GET", "/requests")).body;
    const text = JSON.stringify(log);
    expect(log.filter((e: { path: string }) => e.path.endsWith("/oauth2/v2.0/token"))).toHaveLength(2);
    expect(text).not.toContain(DEFAULT_TEST_CLIENT.clientSecret);
    expect(text).not.toContain(assertion);
    expect(log[0].body).toMatchObject({ client_id: DEFAULT_TEST_CLIENT.clientId, client_secret: "[redacted]" });
  });

  test("clients registered through the admin API get tokens; listing never shows secrets", async () => {
    expect((await emu.admin("POST", "/clients", { clientId: "55555555-0000-0000-0000-000000000000", clientSecret: TEST_CLIENT_SECRETS.emulatorAdminAdded })).status).toBe(204);
    expect((await token({ client_id: "55555555-0000-0000-0000-000000000000", client_secret: TEST_CLIENT_SECRETS.emulatorAdminAdded })).status).toBe(200);
    const listed = (await emu.admin("GET", "/clients")).body;
    expect(JSON.stringify(listed)).not.toContain(TEST_CLIENT_SECRETS.emulatorAdminAdded);
    expect(listed).toContainEqual(expect.objectContaining({ clientId: "55555555-0000-0000-0000-000000000000", hasSecret: true }));
    expect((await emu.admin("DELETE", "/clients/55555555-0000-0000-0000-000000000000")).status).toBe(204);
    expect((await token({ client_id: "55555555-0000-0000-0000-000000000000", client_secret: TEST_CLIENT_SECRETS.emulatorAdminAdded })).status).toBe(400);
  });

  describe("through the real @azure/identity credentials and Graph client (child process, NODE_EXTRA_CA_CERTS = caFile)", () => {
    async function viaIdentity(args: Record<string, string>) {
      await emu.admin("DELETE", "/requests");
      const script = path.join(__dirname, "fixtures", "identityClient.js");
      const input = { ...args, authorityHost: emu.authorityHost, graphUrl: emu.graphUrl, tenantId: DEFAULT_TENANT_ID };
      const { stdout } = await run(process.execPath, [script, JSON.stringify(input)], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: emu.caFile },
        timeout: 30000,
      }).catch((e) => ({ stdout: String(e.stdout) }));
      const result = JSON.parse(stdout.trim().split("\n").pop()!);
      if (result.failure) throw new Error(result.failure);
      const log = (await emu.admin("GET", "/requests")).body as { path: string; method: string; status: number }[];
      return { result, tokenRequests: log.filter((e) => e.path.endsWith("/oauth2/v2.0/token")).length, log };
    }

    function expectRoundTrip(out: Awaited<ReturnType<typeof viaIdentity>>, mode: string) {
      expect(out.result.roles).toEqual([...ALL_READ_WRITE]);
      expect(out.result.created.displayName).toBe(`via ${mode}`);
      expect(out.result.patched).toBeNull(); // 204
      expect(out.result.got.displayName).toBe(`via ${mode}, patched`);
      expect(out.result.error).toMatchObject({ statusCode: 404, code: "NotFound" });
      expect(out.result.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(out.result.listed).toContain(out.result.created.id);
      expect(out.result.pages).toBe(out.result.listed.length);
      // getToken plus every Graph call: the credential's cache means one token request.
      expect(out.tokenRequests).toBe(1);
      const graphCalls = out.log.filter((e) => e.path.startsWith("/beta/")).map((e) => [e.method, e.status]);
      expect(graphCalls.slice(0, 3)).toEqual([["POST", 201], ["PATCH", 204], ["GET", 200]]);
      expect(graphCalls.slice(3, -1)).toEqual(Array(out.result.pages).fill(["GET", 200]));
      expect(graphCalls[graphCalls.length - 1]).toEqual(["GET", 404]);
    }

    test("ClientSecretCredential", async () => {
      expectRoundTrip(await viaIdentity({ mode: "secret", clientId: DEFAULT_TEST_CLIENT.clientId, secret: DEFAULT_TEST_CLIENT.clientSecret }), "secret");
    });

    test("ClientCertificateCredential (PEM with key and certificate)", async () => {
      expectRoundTrip(await viaIdentity({ mode: "certificate", clientId: CERT_CLIENT, certPath: keys.certPath }), "certificate");
    });

    test("WorkloadIdentityCredential reading a federated token file (as GitHub OIDC provides it)", async () => {
      const tokenFilePath = path.join(keys.dir, "federated-token");
      await fs.writeFile(tokenFilePath, await federatedToken(), { mode: 0o600 });
      expectRoundTrip(await viaIdentity({ mode: "workload", clientId: FED_CLIENT, tokenFilePath }), "workload");
    });

    test("ClientAssertionCredential with a federated token", async () => {
      const tokenFilePath = path.join(keys.dir, "federated-token-2");
      await fs.writeFile(tokenFilePath, await federatedToken(), { mode: 0o600 });
      expectRoundTrip(await viaIdentity({ mode: "assertion", clientId: FED_CLIENT, tokenFilePath }), "assertion");
    });
  });
});

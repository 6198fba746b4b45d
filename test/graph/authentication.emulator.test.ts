// First: turns on @azure/identity logging before the SDK loads, so the leak scan covers its logs too.
import { restoreAzureLogLevel } from "./azureVerboseLogging";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { generate } from "selfsigned";
import { DEFAULT_TENANT_ID, READ_ALL, startEmulator, type RunningEmulator } from "../../emulator";
import type { ProviderConfig } from "../../provider/config";
import { closeSharedGraphClients, createGraphClient, getSharedGraphClient, type GraphError, type ManagedGraphClient } from "../../provider/graph";
import { startLeakScan, type LeakScan } from "../support/leakScan";
import { generatedSecret } from "../support/testSecrets";
import { emulatorAdmin, graphRequests, tokenRequests, type EmulatorAdmin } from "./emulatorAdmin";
import { FLOW_SETS, STATIC_TOKEN, districtSet, flowSetPath } from "./fixtures";

/**
 * The real `@azure/identity` credentials, chosen by the provider config, obtaining tokens from the emulator's
 * Entra-shaped token endpoint over TLS (its generated CA trusted through industrydata:caCertificatePath), then
 * working against Graph with them. One token request serves every operation of a provider process.
 */
const SECRET_CLIENT = { clientId: "aaaaaaaa-0000-4000-8000-000000000001", clientSecret: generatedSecret("graphClientSecret") };
const CERT_CLIENT_ID = "aaaaaaaa-0000-4000-8000-000000000002";
const FEDERATED_CLIENT_ID = "aaaaaaaa-0000-4000-8000-000000000003";
const READER_CLIENT = { clientId: "aaaaaaaa-0000-4000-8000-000000000004", clientSecret: generatedSecret("graphReaderSecret"), roles: [READ_ALL] };
const OIDC_ISSUER = "https://token.actions.githubusercontent.com";
const SUBJECT = "repo:contoso/district-sds:ref:refs/heads/main";

describe("authentication through @azure/identity against the emulator over TLS", () => {
  let emulator: RunningEmulator;
  let admin: EmulatorAdmin;
  let leaks: LeakScan;
  let dir: string;
  let certificatePath: string;
  let certificateKey: string;
  let tokenFilePath: string;
  let federatedToken: string;
  let client: ManagedGraphClient | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "industrydata-graph-auth-"));
    // Client certificate: a self-signed cert and its key in one PEM, as ClientCertificateCredential reads it.
    const certificate = await generate([{ name: "commonName", value: "industrydata-test-app" }], { keySize: 2048, algorithm: "sha256" });
    certificateKey = certificate.private;
    certificatePath = join(dir, "app.pem");
    writeFileSync(certificatePath, `${certificate.cert}\n${certificate.private}`);
    // Workload identity: an external OIDC issuer's token written to a file, as AKS or a CI runner provides it.
    const oidc = await generateKeyPair("RS256");
    federatedToken = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid: "ci-key" })
      .setIssuer(OIDC_ISSUER)
      .setSubject(SUBJECT)
      .setAudience("api://AzureADTokenExchange")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(oidc.privateKey);
    tokenFilePath = join(dir, "azure-identity-token");
    writeFileSync(tokenFilePath, federatedToken);

    emulator = await startEmulator({
      tls: true,
      staticToken: STATIC_TOKEN,
      clients: [
        SECRET_CLIENT,
        { clientId: CERT_CLIENT_ID, certificatePem: certificate.cert },
        { clientId: FEDERATED_CLIENT_ID, federatedSubjects: [SUBJECT] },
        READER_CLIENT,
      ],
      federatedIssuers: [{ issuer: OIDC_ISSUER, publicKeyPem: await exportSPKI(oidc.publicKey) }],
    });
    admin = emulatorAdmin(emulator);
  });
  afterAll(async () => {
    restoreAzureLogLevel();
    await emulator?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await admin.reset();
    leaks = startLeakScan();
    leaks.secret(SECRET_CLIENT.clientSecret, READER_CLIENT.clientSecret, STATIC_TOKEN, certificateKey, federatedToken);
  });
  afterEach(() => {
    client?.close();
    client = undefined;
    closeSharedGraphClients();
    leaks.stop();
    leaks.assertClean();
  });

  /** Config for an app of the emulator's tenant, over TLS with its CA. */
  const appConfig = (overrides: Partial<ProviderConfig>): ProviderConfig => ({
    graphEndpoint: emulator.graphUrl,
    authorityHost: emulator.authorityHost,
    tenantId: DEFAULT_TENANT_ID,
    caCertificatePath: emulator.caFile!,
    maxRetries: 2,
    concurrency: 4,
    operationTimeoutMs: 30_000,
    ...overrides,
  });

  const credentials: { name: string; kind: string; config: () => Partial<ProviderConfig>; env: () => NodeJS.ProcessEnv }[] = [
    { name: "client secret", kind: "clientSecret", config: () => SECRET_CLIENT, env: () => ({}) },
    { name: "client certificate", kind: "clientCertificate", config: () => ({ clientId: CERT_CLIENT_ID, clientCertificatePath: certificatePath }), env: () => ({}) },
    {
      name: "federated token file (workload identity)",
      kind: "workloadIdentity",
      config: () => ({ clientId: FEDERATED_CLIENT_ID }),
      env: () => ({ AZURE_FEDERATED_TOKEN_FILE: tokenFilePath }),
    },
  ];

  it.each(credentials)("$name: a token from the token endpoint, a successful PATCH, one token request for many operations", async ({ kind, config, env }) => {
    client = createGraphClient(appConfig(config()), { env: env() });
    expect(client.credentialKind).toBe(kind);
    const set = await leaks.capture(() => client!.post<{ id: string }>(FLOW_SETS, districtSet("District A")));
    await Promise.all(Array.from({ length: 10 }, () => leaks.capture(() => client!.get(flowSetPath(set.id)))));
    await leaks.capture(() => client!.patch(flowSetPath(set.id), { displayName: "District A (renamed)" }));
    await leaks.capture(() => client!.list(FLOW_SETS));

    const log = await admin.requests();
    const tokens = tokenRequests(log);
    expect(tokens.map((t) => [t.method, t.status])).toEqual([["POST", 200]]);
    const graph = graphRequests(log);
    expect(graph).toHaveLength(13);
    expect(graph.every((r) => r.status < 300)).toBe(true);
    expect((await admin.state()).flowSets.map((s) => s.displayName)).toEqual(["District A (renamed)"]);
    // The Azure SDK's verbose log was captured (and is scanned for secrets after the test).
    expect(leaks.captured.some((c) => c.source === "process.stderr" && /azure:identity/.test(c.text))).toBe(true);
  });

  it("shares one token among every resource of the process (getSharedGraphClient)", async () => {
    const config = appConfig(SECRET_CLIENT);
    const handles = [getSharedGraphClient(config), getSharedGraphClient({ ...config }), getSharedGraphClient(appConfig(SECRET_CLIENT))];
    await Promise.all(handles.flatMap((handle, i) => Array.from({ length: 5 }, (_, j) => handle.post(FLOW_SETS, districtSet(`Set ${i}-${j}`)))));
    const log = await admin.requests();
    expect(tokenRequests(log)).toHaveLength(1);
    expect(graphRequests(log, "POST")).toHaveLength(15);
  });

  it("explains a rejected client secret without showing it", async () => {
    const wrong = generatedSecret("graphWrongSecret");
    leaks.secret(wrong);
    client = createGraphClient(appConfig({ ...SECRET_CLIENT, clientSecret: wrong }));
    const error = (await leaks.capture(() => client!.get(FLOW_SETS)).catch((e: unknown) => e)) as GraphError;
    expect(error).toMatchObject({ name: "GraphError", status: 0, method: "GET" });
    expect(error.message).toMatch(/could not get an access token: .*AADSTS7000215/);
    expect(graphRequests(await admin.requests())).toHaveLength(0);
  });

  it("names the permission when Graph answers 403 for an app without ReadWrite.All", async () => {
    client = createGraphClient(appConfig(READER_CLIENT));
    const sets = await client.list(FLOW_SETS);
    expect(sets).toEqual([]);
    const error = (await leaks.capture(() => client!.post(FLOW_SETS, districtSet("District R"))).catch((e: unknown) => e)) as GraphError;
    expect(error).toMatchObject({ status: 403, code: "Authorization_RequestDenied" });
    expect(error.message).toMatch(/Hint: the caller needs the Graph permission IndustryData-OutboundFlow\.ReadWrite\.All\. Delegated permission works for every operation/);
  });

  it("fails clearly, without retrying, when the server's certificate is not trusted", async () => {
    client = createGraphClient({ graphEndpoint: emulator.graphUrl, accessToken: STATIC_TOKEN, maxRetries: 3, concurrency: 1, operationTimeoutMs: 10_000 });
    const error = (await leaks.capture(() => client!.get(FLOW_SETS)).catch((e: unknown) => e)) as GraphError;
    expect(error).toMatchObject({ status: 0, code: "TlsFailure", retries: 0 });
    expect(error.message).toMatch(/set industrydata:caCertificatePath/);
  });

  it("works with the static token over TLS once the CA is trusted", async () => {
    client = createGraphClient({ graphEndpoint: emulator.graphUrl, accessToken: STATIC_TOKEN, caCertificatePath: emulator.caFile!, maxRetries: 0, concurrency: 1, operationTimeoutMs: 10_000 });
    expect(client.credentialKind).toBe("accessToken");
    await expect(leaks.capture(() => client!.list(FLOW_SETS))).resolves.toEqual([]);
    expect(tokenRequests(await admin.requests())).toHaveLength(0);
  });
});

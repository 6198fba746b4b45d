/**
 * `pulumi-industrydata/emulator`: a local Microsoft Graph industryData service (outbound provisioning flow
 * sets and flows, role groups; inbound source systems, data connectors, years, inbound flows, reference
 * definitions, validate operations) with its own token endpoint, for demos, tests and offline work.
 *
 *   const emu = await startEmulator({ staticToken: "test" });
 *   // Graph base: emu.graphUrl (…/beta); token: emu.tokenUrl; admin: emu.adminUrl
 *   await emu.stop();
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { AddressInfo } from "node:net";
import { ClientRegistry } from "./auth/clientRegistry";
import { TokenIssuer } from "./auth/tokenIssuer";
import { EmulatorContext } from "./context";
import { FaultInjector } from "./faults";
import { EmulatorClock } from "./model/emulatorClock";
import { HeldRequests } from "./holds";
import { EmulatorOptions, resolveOptions } from "./options";
import { RequestLog } from "./requestLog";
import { checkTenantState, emulatorUrls } from "./routes/admin";
import { buildServer } from "./server";
import { FileStore } from "./store/fileStore";
import { MemoryStore } from "./store/memoryStore";
import { SettlingStore } from "./store/settlingStore";
import { UploadStorage } from "./storage/uploadStorage";
import { TenantStore } from "./store/tenantStore";
import { generateTlsMaterial } from "./tls";

export { DEFAULT_TENANT_ID, DEFAULT_TEST_CLIENT } from "./options";
export type { EmulatorOptions, FederatedIssuer, RegisteredClient } from "./options";
export type { LoggedRequest } from "./requestLog";
export type { FaultRule } from "./faults";
export type { TenantState, StoredFlow, StoredFlowSet, RoleGroup, StoredEntity, StoredReferenceDefinition, StoredOperation, InboundCollection } from "./model/tenant";
export type { StoredRun, StoredRunActivity, StoredUploadSession, StoredDataset, EntraUser, RunCounts, PublicError } from "./model/tenant";
export { VALIDATION_QUEUED_SECONDS, VALIDATION_SECONDS } from "./routes/operations";
export { RUN_SECONDS, RUN_LIMIT, RUN_WINDOW_HOURS } from "./routes/runs";
export { PASSWORD_MASK, passwordMatches } from "./model/passwords";
export { READ_WRITE_ALL, READ_ALL, ALL_READ_WRITE, SCOPES } from "./auth/permissions";
export type { ScopeSet } from "./auth/permissions";

/** A running emulator. */
export interface RunningEmulator {
  /** Graph base URL, ending in `/beta` (use as the provider's graphEndpoint). */
  graphUrl: string;
  /** Token endpoint for DEFAULT_TENANT_ID (any tenant id works: `{origin}/{tenant}/oauth2/v2.0/token`). */
  tokenUrl: string;
  /** The admin API base (`{origin}/_emulator`). */
  adminUrl: string;
  /** The origin, for @azure/identity's `authorityHost` (with `disableInstanceDiscovery: true`; needs `tls`). */
  authorityHost: string;
  /** With `tls`: the CA certificate PEM file to trust (NODE_EXTRA_CA_CERTS or an https agent). */
  caFile?: string;
  /** With `tls`: the CA certificate PEM itself. */
  caPem?: string;
  /** The port it listens on. */
  port: number;
  /** The static token, when one was configured. */
  staticToken?: string;
  /** Azurite's blob endpoint (`http://127.0.0.1:PORT/devstoreaccount1`), starting it if it has not started. */
  storageUrl(): Promise<string>;
  /** Stops listening, closes open connections and flushes the data file. */
  stop(): Promise<void>;
}

function storeFor(dataFile: string | undefined): TenantStore {
  return dataFile ? new FileStore({ file: dataFile, check: checkTenantState }) : new MemoryStore();
}

/** Starts an emulator; resolves once it listens. See `EmulatorOptions` for the defaults. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const clock = new EmulatorClock(resolved.clockSpeed);
  const store = new SettlingStore(storeFor(resolved.dataFile), clock);
  await store.init();
  const storage = new UploadStorage(resolved.storage);
  const ctx: EmulatorContext = {
    options: resolved,
    store,
    requestLog: new RequestLog(),
    faults: new FaultInjector(),
    holds: new HeldRequests(),
    issuer: await TokenIssuer.create(),
    clients: new ClientRegistry({ clients: resolved.clients, federatedIssuers: resolved.federatedIssuers }),
    clock,
    storage,
    oneRosterClients: new Map(),
  };
  const tls = resolved.tls ? await generateTlsMaterial() : undefined;
  const app = buildServer(ctx, tls);
  try {
    if (resolved.storage === "eager") await storage.ensureStarted();
    await app.listen({ port: resolved.port, host: resolved.host });
  } catch (e) {
    await storage.stop();
    await store.close();
    throw e;
  }
  const port = (app.server.address() as AddressInfo).port;
  const hostForUrl = resolved.host === "0.0.0.0" || resolved.host === "::" ? "127.0.0.1" : resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  const origin = `${tls ? "https" : "http"}://${hostForUrl}:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    ...emulatorUrls(origin),
    caFile: tls?.caFile,
    caPem: tls?.ca,
    port,
    staticToken: resolved.staticToken,
    storageUrl: () => storage.ensureStarted(),
    stop: () =>
      (stopped ??= (async () => {
        await app.close();
        await storage.stop();
        await store.close();
        if (tls) await fs.rm(path.dirname(tls.caFile), { recursive: true, force: true });
      })()),
  };
}

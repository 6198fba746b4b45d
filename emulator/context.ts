/** What every part of the request path shares: options, the tenant store, the log, faults and auth. */
import { ClientRegistry } from "./auth/clientRegistry";
import { TokenIssuer } from "./auth/tokenIssuer";
import { FaultInjector } from "./faults";
import { EmulatorClock } from "./model/emulatorClock";
import { HeldRequests } from "./holds";
import { ResolvedOptions } from "./options";
import { RequestLog } from "./requestLog";
import { UploadStorage } from "./storage/uploadStorage";
import { TenantStore } from "./store/tenantStore";

/** The emulator's shared parts, built once by `startEmulator`. */
export interface EmulatorContext {
  options: ResolvedOptions;
  store: TenantStore;
  requestLog: RequestLog;
  faults: FaultInjector;
  /** Requests held by a `hold` fault, waiting for release. */
  holds: HeldRequests;
  issuer: TokenIssuer;
  clients: ClientRegistry;
  /** The clock validations and runs progress on. */
  clock: EmulatorClock;
  /** Azurite, behind getUploadSession (started lazily unless configured otherwise). */
  storage: UploadStorage;
  /** The SIS's OneRoster clients (clientId → secret), against which validate checks API connectors; memory only. */
  oneRosterClients: Map<string, string>;
}

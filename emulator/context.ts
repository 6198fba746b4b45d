/** What every part of the request path shares: options, the tenant store, the log, faults and auth. */
import { ClientRegistry } from "./auth/clientRegistry";
import { TokenIssuer } from "./auth/tokenIssuer";
import { FaultInjector } from "./faults";
import { HeldRequests } from "./holds";
import { ResolvedOptions } from "./options";
import { RequestLog } from "./requestLog";
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
}

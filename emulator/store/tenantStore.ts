/**
 * Where the tenant lives. Handlers read and change it synchronously (so concurrent requests never see a
 * half-applied change) and then await `update`'s persistence, which a file-backed store performs.
 */
import { TenantState } from "../model/tenant";

/** The store behind the API (memory or file), Azurite-style: init/close/reset plus state access. */
export interface TenantStore {
  /** Loads existing data (file stores); throws a clear error for unreadable data. */
  init(): Promise<void>;
  /** Flushes pending writes and releases resources. */
  close(): Promise<void>;
  /** Back to an empty tenant (built-in role groups only). */
  reset(): Promise<void>;
  /** Runs `fn` over the current state without changing it. */
  read<T>(fn: (state: Readonly<TenantState>) => T): T;
  /** Runs `fn`, which may change the state, then persists; resolves to `fn`'s result once durable. */
  update<T>(fn: (state: TenantState) => T): Promise<T>;
  /** A deep copy of the whole tenant. */
  snapshot(): TenantState;
  /** Replaces the whole tenant (already validated). */
  replace(state: TenantState): Promise<void>;
}

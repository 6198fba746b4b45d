/** The in-memory tenant store: the default, and the base the file store persists. */
import { emptyTenant, TenantState } from "../model/tenant";
import { TenantStore } from "./tenantStore";

/** Keeps the tenant in memory; `persist` is the hook a durable store overrides. */
export class MemoryStore implements TenantStore {
  protected state: TenantState = emptyTenant();

  async init(): Promise<void> {}

  async close(): Promise<void> {}

  async reset(): Promise<void> {
    this.state = emptyTenant();
    await this.persist();
  }

  read<T>(fn: (state: Readonly<TenantState>) => T): T {
    return fn(this.state);
  }

  async update<T>(fn: (state: TenantState) => T): Promise<T> {
    const result = fn(this.state);
    await this.persist();
    return result;
  }

  snapshot(): TenantState {
    return structuredClone(this.state);
  }

  async replace(state: TenantState): Promise<void> {
    this.state = structuredClone(state);
    await this.persist();
  }

  /** Nothing to do in memory. */
  protected async persist(): Promise<void> {}
}

/**
 * The tenant store as every route sees it: before any read or change, whatever the emulator's clock has
 * made due is applied (model/settle.ts). Wraps the memory or file store.
 */
import { EmulatorClock } from "../model/emulatorClock";
import { hasDue, settle } from "../model/settle";
import { TenantState } from "../model/tenant";
import { TenantStore } from "./tenantStore";

export class SettlingStore implements TenantStore {
  constructor(
    private readonly inner: TenantStore,
    private readonly clock: EmulatorClock,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  reset(): Promise<void> {
    return this.inner.reset();
  }

  /** Applies due transitions; they are persisted with the change, or in the background for a read. */
  private settleNow(): void {
    const now = this.clock.now();
    if (!this.inner.read((state) => hasDue(state, now))) return;
    // The store's update applies `fn` synchronously (its persistence follows), so the read below sees it.
    void this.inner.update((state) => settle(state, now)).catch(() => undefined);
  }

  read<T>(fn: (state: Readonly<TenantState>) => T): T {
    this.settleNow();
    return this.inner.read(fn);
  }

  update<T>(fn: (state: TenantState) => T): Promise<T> {
    const now = this.clock.now();
    return this.inner.update((state) => {
      settle(state, now);
      return fn(state);
    });
  }

  snapshot(): TenantState {
    this.settleNow();
    return this.inner.snapshot();
  }

  replace(state: TenantState): Promise<void> {
    return this.inner.replace(state);
  }
}

import type { Context, Middleware } from "@microsoft/microsoft-graph-client";

/** Base for our middlewares: holds the next one in the chain, which the library sets through `setNext`. */
export abstract class ChainedMiddleware implements Middleware {
  private next?: Middleware;

  setNext(next: Middleware): void {
    this.next = next;
  }

  abstract execute(context: Context): Promise<void>;

  /** Passes the request on; a chain without a transport at its end is a programming error. */
  protected async sendNext(context: Context): Promise<void> {
    if (this.next === undefined) throw new Error(`internal: ${this.constructor.name} is the last middleware; the chain needs a transport`);
    await this.next.execute(context);
  }
}

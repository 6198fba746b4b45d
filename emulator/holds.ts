/**
 * Held requests (a fault rule with `hold: true`): a request that waits, authorized and its body read, just before the
 * service acts on it. It lets a test stop a client at a known point of its work (kill the process while its
 * POST is held, say) and then let the request complete as a real service completes a request whose client died.
 * A held request goes on when it is released through the admin API, or when its client goes away.
 */

/** A held request as `GET /_emulator/holds` lists it. */
export interface HeldRequest {
  /** 1, 2, … in the order requests were held. */
  id: number;
  /** The fault rule that held it. */
  faultId: number;
  method: string;
  path: string;
  /** ISO time it was held. */
  since: string;
  /** True once its client closed the connection (it is then served, the answer going nowhere). */
  clientGone: boolean;
}

interface Waiting {
  request: HeldRequest;
  release: () => void;
}

/** The requests being held now. */
export class HeldRequests {
  private waiting: Waiting[] = [];
  private nextId = 1;

  /**
   * Holds a request until {@link release} or `onClientGone` fires; resolves with how it ended. `onClientGone`
   * registers a callback for the client closing the connection.
   */
  hold(faultId: number, method: string, path: string, onClientGone: (callback: () => void) => void): Promise<"released" | "clientGone"> {
    const request: HeldRequest = { id: this.nextId++, faultId, method, path, since: new Date().toISOString(), clientGone: false };
    return new Promise((resolve) => {
      let done = false;
      const finish = (how: "released" | "clientGone") => {
        if (done) return;
        done = true;
        this.waiting = this.waiting.filter((w) => w.request !== request);
        resolve(how);
      };
      this.waiting.push({ request, release: () => finish("released") });
      onClientGone(() => {
        request.clientGone = true;
        finish("clientGone");
      });
    });
  }

  /** What is held now, oldest first. */
  list(): HeldRequest[] {
    return this.waiting.map((w) => ({ ...w.request }));
  }

  /** Releases one held request by id (true when it was held), or every one (`id` undefined); returns how many. */
  release(id?: number): number {
    const chosen = this.waiting.filter((w) => id === undefined || w.request.id === id);
    for (const w of chosen) w.release();
    return chosen.length;
  }
}

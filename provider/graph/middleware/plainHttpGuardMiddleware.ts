import type { Context } from "@microsoft/microsoft-graph-client";
import { isLoopbackHost } from "../../config/loopbackHost";
import { ChainedMiddleware } from "./chainedMiddleware";
import { requestUrl } from "./requestHeaders";

/** Thrown before sending when a bearer token would travel in clear text. */
export class InsecureTransportError extends Error {
  override readonly name = "InsecureTransportError";
}

/**
 * Refuses, before a token is even fetched, any request over plain http to a host that is not this machine:
 * a bearer token must never cross the network in clear text. Loopback (127.0.0.0/8, ::1, localhost) is
 * allowed so the emulator can run without TLS. It sits before the authentication middleware.
 */
export class PlainHttpGuardMiddleware extends ChainedMiddleware {
  async execute(context: Context): Promise<void> {
    const url = new URL(requestUrl(context));
    if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
      throw new InsecureTransportError(
        `refusing to send a bearer token over ${url.protocol.replace(":", "")} to ${url.host}: use an https endpoint (plain http is allowed only for loopback hosts such as 127.0.0.1 or localhost)`,
      );
    }
    await this.sendNext(context);
  }
}

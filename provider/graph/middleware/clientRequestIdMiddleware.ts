import { randomUUID } from "node:crypto";
import type { Context } from "@microsoft/microsoft-graph-client";
import { operationOf } from "../graphOperation";
import { ChainedMiddleware } from "./chainedMiddleware";
import { getRequestHeader, setRequestHeader } from "./requestHeaders";

/**
 * Sends a `client-request-id` (a UUID) with every request, so a failure can be traced in Graph's logs from our
 * side too. It sits before the retry middleware: retries of one request keep its id, as the Azure SDKs do.
 */
export class ClientRequestIdMiddleware extends ChainedMiddleware {
  async execute(context: Context): Promise<void> {
    const id = getRequestHeader(context, "client-request-id") ?? randomUUID();
    setRequestHeader(context, "client-request-id", id);
    operationOf(context).clientRequestId = id;
    await this.sendNext(context);
  }
}

import type { Context } from "@microsoft/microsoft-graph-client";
import { operationOf } from "../graphOperation";
import { formatSeconds } from "../retry/planRetry";
import { TransportError } from "../transportError";
import { ChainedMiddleware } from "./chainedMiddleware";

/**
 * Bounds each attempt by what is left of the operation timeout: a server that accepts the connection and
 * never answers would otherwise hang the deployment. It sits after the retry middleware, so every attempt
 * gets the time remaining at its start. The caller's cancellation (the engine's Cancel) aborts it too.
 */
export class DeadlineMiddleware extends ChainedMiddleware {
  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const operation = operationOf(context);
    const remainingMs = operation.deadline - this.now();
    if (operation.signal?.aborted) throw new TransportError({ kind: "cancelled", message: "cancelled" });
    if (remainingMs <= 0) {
      throw new TransportError({ kind: "timeout", message: `no answer within the operation timeout ${formatSeconds(operation.timeoutMs)}` });
    }
    context.options ??= {};
    const timeout = AbortSignal.timeout(remainingMs);
    context.options.signal = operation.signal === undefined ? timeout : AbortSignal.any([timeout, operation.signal]);
    await this.sendNext(context);
  }
}

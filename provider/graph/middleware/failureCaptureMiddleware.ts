import type { Context } from "@microsoft/microsoft-graph-client";
import { operationOf } from "../graphOperation";
import { ChainedMiddleware } from "./chainedMiddleware";

/**
 * Records any error thrown further down the chain on the request's `GraphOperation` before rethrowing it.
 * The library catches errors from the chain and rethrows them wrapped in its own `GraphError` (status -1),
 * losing our error's type and fields; the client rethrows the recorded original instead.
 */
export class FailureCaptureMiddleware extends ChainedMiddleware {
  async execute(context: Context): Promise<void> {
    try {
      await this.sendNext(context);
    } catch (error) {
      operationOf(context).failure = error;
      throw error;
    }
  }
}

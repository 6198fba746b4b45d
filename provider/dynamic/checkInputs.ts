import * as pulumi from "@pulumi/pulumi";
import { checkResource } from "../operations";
import type { ResourceKind } from "../schema";
import { withoutProviderKey } from "./inputsRecord";

/** A dynamic provider's `check` answer. */
export interface CheckOutcome {
  inputs: Record<string, unknown>;
  failures: { property: string; reason: string }[];
}

/**
 * The operations' check (validation before any HTTP call, `@odata.type` filled, values not known yet left to
 * later), for the dynamic host. Warnings (the deprecated `markAllStudentsAsMinors`) go to `pulumi.log.warn`:
 * the dynamic-provider host has no engine connection, so they are written to its stderr, which the engine
 * shows with the resource's operation.
 */
export function checkInputs(kind: ResourceKind, news: Record<string, unknown>): CheckOutcome {
  const { inputs, failures, warnings } = checkResource(kind, withoutProviderKey(news));
  for (const warning of warnings) pulumi.log.warn(warning);
  return { inputs, failures };
}

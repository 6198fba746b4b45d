/**
 * provider/operations: the sequencing of schema, reconcile and Graph calls for each resource kind, shared by
 * both front ends (the dynamic resources in provider/resources and the plugin in provider/plugin). Knows no
 * Pulumi front end: the Graph context comes from the caller.
 */
import { resourceKinds, type ResourceKind } from "../schema";
import { createResourceOperations, type ResourceOperations } from "./resourceOperations";
import { locatorFor } from "./resourceLocator";

export { checkResource, createResourceOperations, isInitFailedError, isNotFound } from "./resourceOperations";
export type { CheckOutcome, CreatedResource, CreateOptions, GraphContext, InitFailedError, ResourceOperations } from "./resourceOperations";
export { flowLocator, flowSetLocator, locatorFor } from "./resourceLocator";
export type { ResourceLocator } from "./resourceLocator";
export { formatFlowResourceId, parseFlowResourceId } from "./resourceId";
export type { FlowAddress } from "./resourceId";

/** The operations of every resource kind the descriptors declare, built once. */
export const resourceOperations: Readonly<Record<ResourceKind, ResourceOperations>> = Object.fromEntries(
  resourceKinds.map((kind) => [kind, createResourceOperations({ kind, locator: locatorFor(kind) })]),
) as Record<ResourceKind, ResourceOperations>;

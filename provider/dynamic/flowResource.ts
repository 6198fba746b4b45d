import * as pulumi from "@pulumi/pulumi";
import type { ReadinessStatus } from "../schema/enums";
import { IndustrydataResource } from "./industrydataResource";

/** What the arguments of every flow that can be created hold beside its Graph properties: its set, an adopted id, the destroy choice. */
export interface FlowArgs {
  /**
   * Id of the parent `OutboundProvisioningFlowSet`. Changing this replaces the resource (deleted first: a set holds
   * at most one flow of each kind).
   */
  flowSetId: pulumi.Input<string>;
  /**
   * Adopt the existing flow with this id instead of creating one: the provider reads it and PATCHes only what
   * differs from these arguments. Changing this replaces the resource.
   */
  flowId?: pulumi.Input<string>;
  /** Delete the entity from the tenant on destroy. Default: true for a created one, false for an adopted one. */
  deleteOnDestroy?: pulumi.Input<boolean>;
}

/** A flow of an outbound flow set: the outputs every flow kind has (its set, its id, what Graph computes for it). */
export abstract class FlowResource extends IndustrydataResource {
  /** Id of the parent flow set. */
  declare readonly flowSetId: pulumi.Output<string>;
  /** Graph id of the flow (the resource id is `<flowSetId>/<flowId>`). */
  declare readonly flowId: pulumi.Output<string>;
  /** Whether destroying the resource deletes the flow in the tenant. */
  declare readonly deleteOnDestroy: pulumi.Output<boolean | undefined>;
  /** Server-computed readiness (`notReady` right after create, then `ready`, `disabled`, …); never drift. */
  declare readonly readinessStatus: pulumi.Output<ReadinessStatus | null>;
  /** When the flow was created (UTC, ISO 8601). */
  declare readonly createdDateTime: pulumi.Output<string>;
  /** When the flow was last changed (UTC, ISO 8601). */
  declare readonly lastModifiedDateTime: pulumi.Output<string>;
}

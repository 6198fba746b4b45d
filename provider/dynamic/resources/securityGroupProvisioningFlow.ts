import * as pulumi from "@pulumi/pulumi";
import type { ReadinessStatus } from "../../schema/enums";
import type { SecurityGroupCreationOptionsArgs, SecurityGroupProvisioningFlowProps as Props } from "../../schema/types";
import type { DeepInput } from "../inputTypes";
import { IndustrydataResource } from "../industrydataResource";

/** Arguments of a {@link SecurityGroupProvisioningFlow}. */
export interface SecurityGroupProvisioningFlowArgs {
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
  /**
   * Which security groups are created (required by Graph): `createBasedOnRoleGroup` (one group per role group)
   * and `createBasedOnOrgPlusRoleGroup` (one per organisation and role group), both required.
   */
  creationOptions: DeepInput<Props["creationOptions"]>;
}

/**
 * A School Data Sync security-group provisioning flow (Graph `securityGroupProvisioningFlow`) in an outbound flow
 * set. Created with POST, or adopted with `flowId`; updated with one PATCH holding only what differs.
 *
 * Graph permission: `IndustryData-OutboundFlow.ReadWrite.All`.
 *
 * Id: `<setId>/<flowId>`.
 *
 * @example
 * ```ts
 * const groups = new SecurityGroupProvisioningFlow("groups", {
 *   flowSetId: district.id,
 *   creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
 * });
 * ```
 */
export class SecurityGroupProvisioningFlow extends IndustrydataResource {
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
  /** `creationOptions` as read from Graph. */
  declare readonly creationOptions: pulumi.Output<SecurityGroupCreationOptionsArgs>;

  constructor(name: string, args: SecurityGroupProvisioningFlowArgs, opts?: pulumi.CustomResourceOptions) {
    super("securityGroup", name, args, opts);
  }
}

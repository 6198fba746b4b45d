import * as pulumi from "@pulumi/pulumi";
import type { SecurityGroupCreationOptionsArgs, SecurityGroupProvisioningFlowProps as Props } from "../../schema/types";
import type { DeepInput } from "../inputTypes";
import { FlowResource, type FlowArgs } from "../flowResource";

/** Arguments of a {@link SecurityGroupProvisioningFlow}. */
export interface SecurityGroupProvisioningFlowArgs extends FlowArgs {
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
export class SecurityGroupProvisioningFlow extends FlowResource {
  /** `creationOptions` as read from Graph. */
  declare readonly creationOptions: pulumi.Output<SecurityGroupCreationOptionsArgs>;

  constructor(name: string, args: SecurityGroupProvisioningFlowArgs, opts?: pulumi.CustomResourceOptions) {
    super("securityGroup", name, args, opts);
  }
}

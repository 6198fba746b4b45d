import * as pulumi from "@pulumi/pulumi";
import type { AdminUnitCreationOptionsArgs, AdministrativeUnitProvisioningFlowProps as Props } from "../../schema/types";
import type { DeepInput } from "../inputTypes";
import { FlowResource, type FlowArgs } from "../flowResource";

/** Arguments of an {@link AdministrativeUnitProvisioningFlow}. */
export interface AdministrativeUnitProvisioningFlowArgs extends FlowArgs {
  /**
   * Which administrative units are created (required by Graph): `createBasedOnOrg` (one per organisation) and
   * `createBasedOnOrgPlusRoleGroup` (one per organisation and role group), both required.
   */
  creationOptions: DeepInput<Props["creationOptions"]>;
}

/**
 * A School Data Sync administrative-unit provisioning flow (Graph `administrativeUnitProvisioningFlow`) in an
 * outbound flow set. Created with POST, or adopted with `flowId`; updated with one PATCH holding only what differs.
 *
 * Graph permission: `IndustryData-OutboundFlow.ReadWrite.All`.
 *
 * Id: `<setId>/<flowId>`.
 *
 * @example
 * ```ts
 * const units = new AdministrativeUnitProvisioningFlow("units", {
 *   flowSetId: district.id,
 *   creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false },
 * });
 * ```
 */
export class AdministrativeUnitProvisioningFlow extends FlowResource {
  /** `creationOptions` as read from Graph. */
  declare readonly creationOptions: pulumi.Output<AdminUnitCreationOptionsArgs>;

  constructor(name: string, args: AdministrativeUnitProvisioningFlowArgs, opts?: pulumi.CustomResourceOptions) {
    super("administrativeUnit", name, args, opts);
  }
}

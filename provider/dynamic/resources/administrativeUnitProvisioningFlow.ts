import * as pulumi from "@pulumi/pulumi";
import type { ReadinessStatus } from "../../schema/enums";
import type { AdminUnitCreationOptionsArgs, AdministrativeUnitProvisioningFlowProps as Props } from "../../schema/types";
import type { DeepInput } from "../inputTypes";
import { IndustrydataResource } from "../industrydataResource";

/** Arguments of an {@link AdministrativeUnitProvisioningFlow}. */
export interface AdministrativeUnitProvisioningFlowArgs {
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
export class AdministrativeUnitProvisioningFlow extends IndustrydataResource {
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
  declare readonly creationOptions: pulumi.Output<AdminUnitCreationOptionsArgs>;

  constructor(name: string, args: AdministrativeUnitProvisioningFlowArgs, opts?: pulumi.CustomResourceOptions) {
    super("administrativeUnit", name, args, opts);
  }
}

import * as pulumi from "@pulumi/pulumi";
import type { BasicFilterArgs, FlowSetProps as Props } from "../../schema/types";
import type { DeepInput } from "../inputTypes";
import { IndustrydataResource } from "../industrydataResource";

/** Arguments of an {@link OutboundProvisioningFlowSet}. */
export interface OutboundProvisioningFlowSetArgs {
  /**
   * Adopt the existing flow set with this id instead of creating one: the provider reads it and PATCHes only
   * what differs from these arguments (nothing, when they match what the tenant holds). Changing this replaces
   * the resource.
   */
  flowSetId?: pulumi.Input<string>;
  /** Delete the entity from the tenant on destroy. Default: true for a created one, false for an adopted one. */
  deleteOnDestroy?: pulumi.Input<boolean>;
  /**
   * Name of the flow set shown in the School Data Sync portal (required by Graph on create and in every PATCH;
   * at run time an adopted set may leave it undeclared, and then keeps the name it holds).
   */
  displayName: DeepInput<Props["displayName"]>;
  /**
   * Which organisations of the inbound data the set's flows provision: a basic filter on `orgExternalId`
   * with the organisations' external ids in `in` (order-free). Omitted: unmanaged; null: all organisations.
   */
  filter?: DeepInput<Props["filter"]>;
}

/**
 * A School Data Sync outbound provisioning flow set (Graph `outboundProvisioningFlowSet`): the container of at
 * most one user, class-group, security-group and administrative-unit flow, with an organisation filter. Use one
 * set per group of schools that needs its own configuration. Created with POST, or adopted with `flowSetId`;
 * updated with one PATCH holding only what differs (plus `displayName`, which Graph requires on every PATCH).
 * Point flows at `set.flowSetId`: it is known in a preview whenever the set is adopted.
 *
 * Graph permission: `IndustryData-OutboundFlow.ReadWrite.All` (delegated: Graph documents application
 * permissions as unsupported for updating a set).
 *
 * Id: the flow set id (a GUID), the `flowSetId` of its flows.
 *
 * @example
 * ```ts
 * const district = new OutboundProvisioningFlowSet("district", {
 *   displayName: "Contoso district",
 *   filter: { attribute: "orgExternalId", in: ["north-high", "south-middle"] },
 * });
 * // An existing set, left in the tenant on destroy:
 * const existing = new OutboundProvisioningFlowSet("existing", { flowSetId: "9ab41255-…", displayName: "North" });
 * ```
 */
export class OutboundProvisioningFlowSet extends IndustrydataResource {
  /** Graph id of the set (the resource id too): the `flowSetId` of its flows. */
  declare readonly flowSetId: pulumi.Output<string>;
  /** Whether destroying the resource deletes the set in the tenant. */
  declare readonly deleteOnDestroy: pulumi.Output<boolean | undefined>;
  /** `displayName` as read from Graph. */
  declare readonly displayName: pulumi.Output<string>;
  /** `filter` as read from Graph (null: all organisations). */
  declare readonly filter: pulumi.Output<BasicFilterArgs | null | undefined>;
  /** When the set was created (UTC, ISO 8601). */
  declare readonly createdDateTime: pulumi.Output<string>;
  /** When the set was last changed (UTC, ISO 8601). */
  declare readonly lastModifiedDateTime: pulumi.Output<string>;

  constructor(name: string, args: OutboundProvisioningFlowSetArgs, opts?: pulumi.CustomResourceOptions) {
    super("flowSet", name, args, opts);
  }
}

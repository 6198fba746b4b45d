import * as pulumi from "@pulumi/pulumi";
import type { BasicFilterArgs, FlowSetProps as Props } from "../schema/types";
import type { DeepInput } from "./inputTypes";
import { resourceProps, TYPE_MODULE } from "./resourceProps";
import { shimProvider } from "./shim";

/** Arguments of an {@link OutboundProvisioningFlowSet}. */
export interface OutboundProvisioningFlowSetArgs {
  /** Name of the flow set shown in the School Data Sync portal (required). */
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
 * set per group of schools that needs its own configuration.
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
 * ```
 */
export class OutboundProvisioningFlowSet extends pulumi.dynamic.Resource {
  /** `displayName` as read from Graph. */
  declare readonly displayName: pulumi.Output<string>;
  /** `filter` as read from Graph (null: all organisations). */
  declare readonly filter: pulumi.Output<BasicFilterArgs | null | undefined>;
  /** When the set was created (UTC, ISO 8601). */
  declare readonly createdDateTime: pulumi.Output<string>;
  /** When the set was last changed (UTC, ISO 8601). */
  declare readonly lastModifiedDateTime: pulumi.Output<string>;

  constructor(name: string, args: OutboundProvisioningFlowSetArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(args, ["displayName", "filter", "createdDateTime", "lastModifiedDateTime"]);
    super(shimProvider("flowSet"), name, props, opts, TYPE_MODULE, "OutboundProvisioningFlowSet");
  }
}

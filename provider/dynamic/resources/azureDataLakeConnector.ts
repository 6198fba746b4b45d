import * as pulumi from "@pulumi/pulumi";
import type { AzureDataLakeConnectorProps as Props, ReferenceValueArgs } from "../../schema/types";
import type { DeepInput } from "../inputTypes";
import { IndustrydataResource } from "../industrydataResource";

/** Arguments of an {@link AzureDataLakeConnector}. */
export interface AzureDataLakeConnectorArgs {
  /**
   * Adopt the existing entity with this id instead of creating one: the provider reads it and PATCHes only what
   * differs from these arguments. Changing this replaces the resource.
   */
  dataConnectorId?: pulumi.Input<string>;
  /** Delete the entity from the tenant on destroy. Default: true for a created one, false for an adopted one. */
  deleteOnDestroy?: pulumi.Input<boolean>;
  /**
   * Id of the source system the connector brings data for (written as `sourceSystem@odata.bind`). Graph cannot
   * change it in place: changing this replaces the resource (and the inbound flows bound to it).
   */
  sourceSystemId: pulumi.Input<string>;
  /** The connector's name (1 to 100 characters). */
  displayName: DeepInput<Props["displayName"]>;
  /**
   * The CSV format: `{ code: "schoolDataSyncV2Rev1" }` (SDS v2.1) or `{ code: "schoolDataSyncV1" }`. Treated as
   * create-only (Graph documents no update of it): changing this replaces the resource. Unmanaged when omitted.
   */
  fileFormat?: DeepInput<Props["fileFormat"]>;
}

/**
 * A School Data Sync CSV upload connector (Graph `azureDataLakeConnector`): the roster arrives as SDS CSV files
 * uploaded to the connector's upload session. Bound to a source system by `sourceSystemId`; inbound file flows point
 * at it with `dataConnectorId`. Created with POST, or adopted with `dataConnectorId`; updated with one PATCH holding
 * only what differs.
 *
 * Graph permission: `IndustryData-DataConnector.ReadWrite.All`.
 *
 * Id: the connector id (a GUID).
 *
 * @example
 * ```ts
 * const csv = new AzureDataLakeConnector("csv", {
 *   sourceSystemId: source.id,
 *   displayName: "SIS CSV upload",
 *   fileFormat: { code: "schoolDataSyncV2Rev1" },
 * });
 * ```
 */
export class AzureDataLakeConnector extends IndustrydataResource {
  /** Graph id of the connector (the resource id too): the `dataConnectorId` of its inbound flows. */
  declare readonly dataConnectorId: pulumi.Output<string>;
  /** Whether destroying the resource deletes the connector in the tenant. */
  declare readonly deleteOnDestroy: pulumi.Output<boolean | undefined>;
  /** The bound source system, as read from Graph (`$expand=sourceSystem`). */
  declare readonly sourceSystemId: pulumi.Output<string>;
  /** `displayName` as read from Graph. */
  declare readonly displayName: pulumi.Output<string>;
  /** `fileFormat` as read from Graph. */
  declare readonly fileFormat: pulumi.Output<ReferenceValueArgs | null | undefined>;

  constructor(name: string, args: AzureDataLakeConnectorArgs, opts?: pulumi.CustomResourceOptions) {
    super("azureDataLakeConnector", name, args, opts);
  }
}

import * as pulumi from "@pulumi/pulumi";
import type { InboundDomain, ReadinessStatus } from "../../schema/enums";
import type { InboundFlowProps as Props } from "../../schema/types";
import type { DeepInput } from "../inputTypes";
import { IndustrydataResource } from "../industrydataResource";

/** Arguments of an {@link InboundFileFlow} or an {@link InboundApiFlow}. */
export interface InboundFlowArgs {
  /**
   * Adopt the existing entity with this id instead of creating one: the provider reads it and PATCHes only what
   * differs from these arguments. Changing this replaces the resource.
   */
  inboundFlowId?: pulumi.Input<string>;
  /** Delete the entity from the tenant on destroy. Default: true for a created one, false for an adopted one. */
  deleteOnDestroy?: pulumi.Input<boolean>;
  /**
   * Id of the data connector the flow reads (written as `dataConnector@odata.bind`): a CSV connector for an
   * `InboundFileFlow`, a OneRoster connector for an `InboundApiFlow`. Changing this replaces the resource.
   */
  dataConnectorId: pulumi.Input<string>;
  /** Id of the academic year (written as `year@odata.bind`). Changing this replaces the resource. */
  yearId: pulumi.Input<string>;
  /** Name of the flow (required by Graph; at most 100 characters). */
  displayName: DeepInput<Props["displayName"]>;
  /** The data domain: `"educationRostering"` (the only one Graph supports). Changing this replaces the resource. */
  dataDomain: DeepInput<Props["dataDomain"]>;
  /** Start of the window in which the flow may run (ISO 8601 with an offset; compared as an instant: Graph answers in UTC). */
  effectiveDateTime: DeepInput<Props["effectiveDateTime"]>;
  /** End of that window (not before `effectiveDateTime`), or null for none. Unmanaged when omitted. */
  expirationDateTime?: DeepInput<Props["expirationDateTime"]>;
}

/** What both inbound flow classes expose. */
abstract class InboundFlowResource extends IndustrydataResource {
  /** Graph id of the flow (the resource id too). */
  declare readonly inboundFlowId: pulumi.Output<string>;
  /** Whether destroying the resource deletes the flow in the tenant. */
  declare readonly deleteOnDestroy: pulumi.Output<boolean | undefined>;
  /** The bound connector, as read from Graph (`$expand=dataConnector`). */
  declare readonly dataConnectorId: pulumi.Output<string>;
  /** The bound year, as read from Graph (`$expand=year`). */
  declare readonly yearId: pulumi.Output<string>;
  /** `displayName` as read from Graph. */
  declare readonly displayName: pulumi.Output<string>;
  /** `dataDomain` as read from Graph. */
  declare readonly dataDomain: pulumi.Output<InboundDomain>;
  /** `effectiveDateTime` as read from Graph (UTC). */
  declare readonly effectiveDateTime: pulumi.Output<string>;
  /** `expirationDateTime` as read from Graph (UTC), or null. */
  declare readonly expirationDateTime: pulumi.Output<string | null | undefined>;
  /** Server-computed readiness (`notReady`, `ready`, `expired`, …); never drift. */
  declare readonly readinessStatus: pulumi.Output<ReadinessStatus | null>;

  protected constructor(kind: "inboundFileFlow" | "inboundApiFlow", name: string, args: InboundFlowArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, args, opts);
  }
}

/**
 * An inbound flow (Graph `inboundFileFlow` / `inboundApiFlow`): imports one data domain through a data connector
 * for a year. Created with POST, or adopted with `inboundFlowId`. Graph permission:
 * `IndustryData-InboundFlow.ReadWrite.All`. Id: its Graph id. This one reads from a CSV upload connector
 * (`inboundFileFlow`): it ties an `AzureDataLakeConnector` and a `YearTimePeriodDefinition` together for roster
 * data; updated with one PATCH holding only what differs. Its connector, year and data domain cannot change in
 * place: changing one replaces the flow.
 *
 * @example
 * ```ts
 * const rostering = new InboundFileFlow("rostering", {
 *   dataConnectorId: csv.id, yearId: year.id,
 *   displayName: "SIS rostering", dataDomain: "educationRostering",
 *   effectiveDateTime: "2025-08-15T00:00:00Z", expirationDateTime: "2026-07-31T00:00:00Z",
 * });
 * ```
 */
export class InboundFileFlow extends InboundFlowResource {
  constructor(name: string, args: InboundFlowArgs, opts?: pulumi.CustomResourceOptions) {
    super("inboundFileFlow", name, args, opts);
  }
}

/**
 * An inbound flow (Graph `inboundFileFlow` / `inboundApiFlow`): imports one data domain through a data connector
 * for a year. Created with POST, or adopted with `inboundFlowId`. Graph permission:
 * `IndustryData-InboundFlow.ReadWrite.All`. Id: its Graph id. This one reads from an API connector
 * (`inboundApiFlow`): it ties a `OneRosterApiDataConnector` and a `YearTimePeriodDefinition` together for roster
 * data; updated with one PATCH holding only what differs. Its connector, year and data domain cannot change in
 * place: changing one replaces the flow.
 *
 * @example
 * ```ts
 * const rostering = new InboundApiFlow("rostering", {
 *   dataConnectorId: api.id, yearId: year.id,
 *   displayName: "OneRoster rostering", dataDomain: "educationRostering",
 *   effectiveDateTime: "2025-08-15T00:00:00Z",
 * });
 * ```
 */
export class InboundApiFlow extends InboundFlowResource {
  constructor(name: string, args: InboundFlowArgs, opts?: pulumi.CustomResourceOptions) {
    super("inboundApiFlow", name, args, opts);
  }
}

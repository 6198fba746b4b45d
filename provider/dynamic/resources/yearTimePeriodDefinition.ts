import * as pulumi from "@pulumi/pulumi";
import type { ReferenceValueArgs, YearTimePeriodDefinitionProps as Props } from "../../schema/types";
import type { DeepInput } from "../inputTypes";
import { IndustrydataResource } from "../industrydataResource";

/** Arguments of a {@link YearTimePeriodDefinition}. */
export interface YearTimePeriodDefinitionArgs {
  /**
   * Adopt the existing entity with this id instead of creating one: the provider reads it and PATCHes only what
   * differs from these arguments. Changing this replaces the resource.
   */
  yearId?: pulumi.Input<string>;
  /** Delete the entity from the tenant on destroy. Default: true for a created one, false for an adopted one. */
  deleteOnDestroy?: pulumi.Input<boolean>;
  /** Name of the academic year, e.g. "2025-26" (required by Graph; at most 100 characters). */
  displayName: DeepInput<Props["displayName"]>;
  /** First day of the year, `YYYY-MM-DD`; not after `endDate`. */
  startDate: DeepInput<Props["startDate"]>;
  /** Last day of the year, `YYYY-MM-DD`. */
  endDate: DeepInput<Props["endDate"]>;
  /**
   * The RefAcademicYear code, e.g. `{ code: "2025" }`. Absent from Graph's update table: changing this replaces
   * the resource (and the inbound flows bound to it).
   */
  year: DeepInput<Props["year"]>;
}

/**
 * A School Data Sync academic year (Graph `yearTimePeriodDefinition`): the school year inbound data belongs to.
 * Inbound flows point at it with `yearId`. Created with POST, or adopted with `yearId`; updated with one PATCH
 * holding only what differs. At the year transition, declare the next year as a new resource and point the
 * inbound flows at it (their `yearId` is create-only, so they are replaced).
 *
 * Graph permission: `IndustryData-TimePeriod.ReadWrite.All`.
 *
 * Id: the year id (a GUID).
 *
 * @example
 * ```ts
 * const year = new YearTimePeriodDefinition("2025-26", {
 *   displayName: "2025-26", startDate: "2025-09-01", endDate: "2026-06-30", year: { code: "2025" },
 * });
 * ```
 */
export class YearTimePeriodDefinition extends IndustrydataResource {
  /** Graph id of the year (the resource id too): the `yearId` of inbound flows. */
  declare readonly yearId: pulumi.Output<string>;
  /** Whether destroying the resource deletes the year in the tenant. */
  declare readonly deleteOnDestroy: pulumi.Output<boolean | undefined>;
  /** `displayName` as read from Graph. */
  declare readonly displayName: pulumi.Output<string>;
  /** `startDate` as read from Graph. */
  declare readonly startDate: pulumi.Output<string>;
  /** `endDate` as read from Graph. */
  declare readonly endDate: pulumi.Output<string>;
  /** `year` as read from Graph. */
  declare readonly year: pulumi.Output<ReferenceValueArgs>;

  constructor(name: string, args: YearTimePeriodDefinitionArgs, opts?: pulumi.CustomResourceOptions) {
    super("year", name, args, opts);
  }
}

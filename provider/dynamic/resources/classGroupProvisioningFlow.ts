import * as pulumi from "@pulumi/pulumi";
import type { ReadinessStatus } from "../../schema/enums";
import type { ClassGroupConfigurationArgs, ClassGroupProvisioningFlowProps as Props } from "../../schema/types";
import type { DeepInput } from "../inputTypes";
import { IndustrydataResource } from "../industrydataResource";

/** Arguments of a {@link ClassGroupProvisioningFlow}. */
export interface ClassGroupProvisioningFlowArgs {
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
   * What class groups are provisioned (required by Graph): `additionalAttributes` (order-free),
   * `additionalOptions` (`createTeam`, `writeDisplayNameOnCreateOnly`, both required) and `enrollmentMappings`
   * (section-role codes such as "teacher" for owners and "student" for members; order- and case-free).
   * Sub-properties left out keep their value in the tenant.
   */
  configuration: DeepInput<Props["configuration"]>;
}

/**
 * A School Data Sync class-group provisioning flow (Graph `classGroupProvisioningFlow`) in an outbound flow set:
 * how classes become Microsoft 365 groups (and optionally Teams). Created with POST, or adopted with `flowId`;
 * updated with one PATCH holding only what differs from the declared arguments.
 *
 * Graph permission: `IndustryData-OutboundFlow.ReadWrite.All`.
 *
 * Id: `<setId>/<flowId>`.
 *
 * @example
 * ```ts
 * const classes = new ClassGroupProvisioningFlow("classes", {
 *   flowSetId: district.id,
 *   configuration: {
 *     additionalAttributes: ["courseTitle", "courseCode"],
 *     additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
 *     enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [{ code: "student" }] },
 *   },
 * });
 * ```
 */
export class ClassGroupProvisioningFlow extends IndustrydataResource {
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
  /** `configuration` as read from Graph. */
  declare readonly configuration: pulumi.Output<ClassGroupConfigurationArgs>;

  constructor(name: string, args: ClassGroupProvisioningFlowArgs, opts?: pulumi.CustomResourceOptions) {
    super("classGroup", name, args, opts);
  }
}

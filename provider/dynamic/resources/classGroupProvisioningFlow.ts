import * as pulumi from "@pulumi/pulumi";
import type { ClassGroupConfigurationArgs, ClassGroupProvisioningFlowProps as Props } from "../../schema/types";
import type { DeepInput } from "../inputTypes";
import { FlowResource, type FlowArgs } from "../flowResource";

/** Arguments of a {@link ClassGroupProvisioningFlow}. */
export interface ClassGroupProvisioningFlowArgs extends FlowArgs {
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
export class ClassGroupProvisioningFlow extends FlowResource {
  /** `configuration` as read from Graph. */
  declare readonly configuration: pulumi.Output<ClassGroupConfigurationArgs>;

  constructor(name: string, args: ClassGroupProvisioningFlowArgs, opts?: pulumi.CustomResourceOptions) {
    super("classGroup", name, args, opts);
  }
}

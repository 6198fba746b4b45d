import * as pulumi from "@pulumi/pulumi";
import type { UserCreationOptionsArgs, UserManagementOptionsArgs, UserProvisioningFlowProps as Props } from "../../schema/types";
import type { DeepInput } from "../inputTypes";
import { FlowResource, type FlowArgs } from "../flowResource";

/** Arguments of a {@link UserProvisioningFlow}. */
export interface UserProvisioningFlowArgs extends FlowArgs {
  /** Whether users in the inbound data that match no existing user are created (true) or ignored. Unmanaged when omitted. */
  createUnmatchedUsers?: DeepInput<Props["createUnmatchedUsers"]>;
  /**
   * How new users are created: one configuration per role group (`roleGroupId` "staff", "students", …; order-free)
   * with license SKUs and a default password. Each `defaultPasswordSettings.password` is write-only: Graph returns
   * it masked, so a change is detected from the declared value (kept hashed in state). Unmanaged when omitted. Only
   * the password is secret: the resource carries it in its own secret input, `defaultPasswords` (by role group), so
   * plans show every other part of creationOptions value by value and a rotation as
   * `defaultPasswords.<roleGroupId>` changing, never the value.
   */
  creationOptions?: DeepInput<Props["creationOptions"]>;
  /**
   * Attribute and option choices for every user (required by Graph): `additionalAttributes` (order-free) and
   * `additionalOptions` (`studentAgeGroup`, `allowStudentContactAssociation`; the deprecated
   * `markAllStudentsAsMinors` is accepted with a warning). Sub-properties left out keep their value in the tenant.
   */
  managementOptions: DeepInput<Props["managementOptions"]>;
}

/**
 * A School Data Sync user provisioning flow (Graph `userProvisioningFlow`) in an outbound flow set: which users
 * are created and how they are managed. Created with POST, or adopted with `flowId`; updated with one PATCH
 * holding only what differs from the declared arguments (undeclared properties are never sent).
 *
 * Graph permission: `IndustryData-OutboundFlow.ReadWrite.All` (delegated is the combination every Graph source
 * supports).
 *
 * Id: `<setId>/<flowId>`.
 *
 * @example
 * ```ts
 * const users = new UserProvisioningFlow("users", {
 *   flowSetId: district.id,
 *   createUnmatchedUsers: true,
 *   managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor" } },
 *   creationOptions: {
 *     configurations: [{ roleGroupId: "students", licenseSkus: ["M365EDU_A3_STUUSEBNFT"],
 *       defaultPasswordSettings: { password: config.requireSecret("studentPassword") } }],
 *   },
 * });
 * ```
 */
export class UserProvisioningFlow extends FlowResource {
  /** `createUnmatchedUsers` as read from Graph. */
  declare readonly createUnmatchedUsers: pulumi.Output<boolean | null | undefined>;
  /** `creationOptions` as read from Graph (passwords masked by Graph; plain, so plans and drift show it). */
  declare readonly creationOptions: pulumi.Output<UserCreationOptionsArgs | null | undefined>;
  /** `managementOptions` as read from Graph. */
  declare readonly managementOptions: pulumi.Output<UserManagementOptionsArgs>;

  constructor(name: string, args: UserProvisioningFlowArgs, opts?: pulumi.CustomResourceOptions) {
    super("user", name, args, opts);
  }
}

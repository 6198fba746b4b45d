import * as pulumi from "@pulumi/pulumi";
import type { SourceSystemDefinitionProps as Props, UserMatchingSettingArgs } from "../../schema/types";
import type { DeepInput } from "../inputTypes";
import { IndustrydataResource } from "../industrydataResource";

/** Arguments of a {@link SourceSystemDefinition}. */
export interface SourceSystemDefinitionArgs {
  /**
   * Adopt the existing entity with this id instead of creating one: the provider reads it and PATCHes only what
   * differs from these arguments. Changing this replaces the resource.
   */
  sourceSystemId?: pulumi.Input<string>;
  /** Delete the entity from the tenant on destroy. Default: true for a created one, false for an adopted one. */
  deleteOnDestroy?: pulumi.Input<boolean>;
  /** Name of the source system (required by Graph to create it; at most 100 characters). */
  displayName: DeepInput<Props["displayName"]>;
  /** The vendor of the source system (at most 100 characters; null clears it). Unmanaged when omitted. */
  vendor?: DeepInput<Props["vendor"]>;
  /**
   * How a source user in a role group is matched to a Microsoft Entra user: one entry per rule, order-free, each
   * with `roleGroupId` ("staff", "students", …; written as `roleGroup@odata.bind`), `priorityOrder`,
   * `sourceIdentifier` and `matchTarget` codes (case-insensitive). Graph never returns `roleGroupId`: it is
   * compared with the value last declared (kept in state), not with the tenant, so a role group changed in the
   * portal is not seen as drift, and an adopted source system gets its settings sent once. Sent whole when any
   * part differs. Unmanaged when omitted.
   */
  userMatchingSettings?: DeepInput<Props["userMatchingSettings"]>;
}

/**
 * A School Data Sync source system (Graph `sourceSystemDefinition`): where the roster data comes from, and how its
 * users are matched to Microsoft Entra users. Data connectors point at it with `sourceSystemId`. Created with POST,
 * or adopted with `sourceSystemId`; updated with one PATCH holding only what differs.
 *
 * Graph permission: `IndustryData-SourceSystem.ReadWrite.All`.
 *
 * Id: the source system id (a GUID).
 *
 * @example
 * ```ts
 * const source = new SourceSystemDefinition("sis", {
 *   displayName: "Contoso SIS",
 *   vendor: "Contoso",
 *   userMatchingSettings: [
 *     { roleGroupId: "staff", priorityOrder: 0, sourceIdentifier: { code: "username" }, matchTarget: { code: "userPrincipalName" } },
 *     { roleGroupId: "students", priorityOrder: 1, sourceIdentifier: { code: "username" }, matchTarget: { code: "userPrincipalName" } },
 *   ],
 * });
 * ```
 */
export class SourceSystemDefinition extends IndustrydataResource {
  /** Graph id of the source system (the resource id too): the `sourceSystemId` of its connectors. */
  declare readonly sourceSystemId: pulumi.Output<string>;
  /** Whether destroying the resource deletes the source system in the tenant. */
  declare readonly deleteOnDestroy: pulumi.Output<boolean | undefined>;
  /** `displayName` as read from Graph. */
  declare readonly displayName: pulumi.Output<string>;
  /** `vendor` as read from Graph. */
  declare readonly vendor: pulumi.Output<string | null | undefined>;
  /** `userMatchingSettings` as read from Graph (without roleGroupId, which Graph never returns). */
  declare readonly userMatchingSettings: pulumi.Output<Omit<UserMatchingSettingArgs, "roleGroupId">[] | null | undefined>;

  constructor(name: string, args: SourceSystemDefinitionArgs, opts?: pulumi.CustomResourceOptions) {
    super("sourceSystem", name, args, opts);
  }
}

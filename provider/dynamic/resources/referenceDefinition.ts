import * as pulumi from "@pulumi/pulumi";
import type { ReferenceDefinitionProps as Props } from "../../schema/types";
import type { DeepInput } from "../inputTypes";
import { IndustrydataResource } from "../industrydataResource";

/** Arguments of a {@link ReferenceDefinition}. */
export interface ReferenceDefinitionArgs {
  /**
   * Adopt the existing entity with this id instead of creating one: the provider reads it and PATCHes only what
   * differs from these arguments. Changing this replaces the resource. The id is `<referenceType>-<code>`, e.g.
   * `RefGradeLevel-PK3`.
   */
  referenceDefinitionId?: pulumi.Input<string>;
  /**
   * Delete the entity from the tenant on destroy. Default: true for a created one, false for an adopted one. For a
   * reference definition Graph's DELETE only disables it.
   */
  deleteOnDestroy?: pulumi.Input<boolean>;
  /**
   * Graph's reference type: to create, one of `RefAcademicSubject`, `RefRace`, `RefEthnicity`, `RefGradeLevel`,
   * `RefOrgType`, `RefPersonFlagType` (the types tenants may extend); an adopted definition may also be of a
   * built-in type such as `RefRole` or `RefAcademicYear`. Part of the id: changing this replaces the resource.
   */
  referenceType: DeepInput<Props["referenceType"]>;
  /** The code, unique within its type. Part of the id: changing this replaces the resource. */
  code: DeepInput<Props["code"]>;
  /** Human-readable name of the code. Unmanaged when omitted. */
  displayName?: DeepInput<Props["displayName"]>;
  /** Whether the code is disabled (required by Graph). */
  isDisabled: DeepInput<Props["isDisabled"]>;
  /** Sort position among the codes of its type, unique within the type (required by Graph). */
  sortIndex: DeepInput<Props["sortIndex"]>;
}

/**
 * A tenant-defined School Data Sync reference code (Graph `referenceDefinition`), such as an extra grade level.
 * Created with POST, or adopted with `referenceDefinitionId`; updated with one PATCH holding only what differs.
 *
 * Destroy: Graph never removes a reference definition (historical data may point at its code): its DELETE
 * disables it. So destroying this resource leaves the code in the tenant with `isDisabled: true`, which is what
 * removing a code can mean in School Data Sync. Declaring the same code again later revives that definition (one
 * GET, then a PATCH of what differs) instead of failing on the duplicate; a code that exists and is enabled is
 * someone else's and must be adopted with `referenceDefinitionId`. A definition disabled out of band (in the
 * portal, or by a DELETE) is drift: the next `up` enables it again.
 *
 * Graph permission: `IndustryData-ReferenceDefinition.ReadWrite.All`.
 *
 * Id: `<referenceType>-<code>` (Graph's id).
 *
 * @example
 * ```ts
 * const pk3 = new ReferenceDefinition("grade-pk3", {
 *   referenceType: "RefGradeLevel", code: "PK3", displayName: "Pre-kindergarten 3", isDisabled: false, sortIndex: 300,
 * });
 * ```
 */
export class ReferenceDefinition extends IndustrydataResource {
  /** Graph id (`<referenceType>-<code>`; the resource id too). */
  declare readonly referenceDefinitionId: pulumi.Output<string>;
  /** Whether destroying the resource disables the definition in the tenant. */
  declare readonly deleteOnDestroy: pulumi.Output<boolean | undefined>;
  /** `referenceType` as read from Graph. */
  declare readonly referenceType: pulumi.Output<string>;
  /** `code` as read from Graph. */
  declare readonly code: pulumi.Output<string>;
  /** `displayName` as read from Graph. */
  declare readonly displayName: pulumi.Output<string | null | undefined>;
  /** `isDisabled` as read from Graph. */
  declare readonly isDisabled: pulumi.Output<boolean>;
  /** `sortIndex` as read from Graph. */
  declare readonly sortIndex: pulumi.Output<number>;
  /** Who defined the code ("Tenant Defined" for codes made here; read-only). */
  declare readonly source: pulumi.Output<string | null>;
  /** When the definition was created (UTC, ISO 8601). */
  declare readonly createdDateTime: pulumi.Output<string | null>;
  /** When the definition was last changed (UTC, ISO 8601). */
  declare readonly lastModifiedDateTime: pulumi.Output<string | null>;

  constructor(name: string, args: ReferenceDefinitionArgs, opts?: pulumi.CustomResourceOptions) {
    super("referenceDefinition", name, args, opts);
  }
}

/**
 * Plain (non-Input) argument types of every resource, derived from Microsoft's published Graph types
 * (`@microsoft/microsoft-graph-types-beta`, namespace `IndustryData`; a dev dependency, imported for types
 * only, so nothing is required at run time). They mirror Graph's JSON minus the `@odata.*` annotations,
 * which the provider writes. Exceptions (DESIGN): `flowSetId` (the parent set) and `roleGroupId`
 * (instead of `roleGroup@odata.bind`). Properties the CSDL marks Nullable="false" are required here: that
 * is what a create needs (an adopted set or flow, with `flowSetId`/`flowId`, may declare less; see validateInputs).
 */
import type { IndustryData } from "@microsoft/microsoft-graph-types-beta";

/** Graph types make every property optional; `Req` makes the NN ones required (null is kept where Graph allows it). */
type Req<T, K extends keyof T> = { [P in K]-?: Exclude<T[P], undefined> };

/** `basicFilter`: the only concrete `filter`. `in` holds organisation external ids. */
export type BasicFilterArgs = Req<IndustryData.BasicFilter, "attribute" | "in">;

/** Arguments a flow set has besides Graph's own properties (adoption, as flows have with `flowId`). */
export interface FlowSetCommonProps {
  /** Adopt the existing flow set with this id instead of creating one. Changing it replaces the resource. */
  flowSetId?: string;
  /** Delete the set on destroy. Default: true for created sets, false for adopted ones. */
  deleteOnDestroy?: boolean;
}

/**
 * Arguments of an `OutboundProvisioningFlowSet`. `displayName` is required to create a set; an adopted set
 * (`flowSetId` given) may leave it out at run time, and the name the tenant holds is sent where Graph needs it.
 */
export type FlowSetProps = FlowSetCommonProps &
  Req<IndustryData.OutboundProvisioningFlowSet, "displayName"> & {
    /** Omitted or null: all organisations in the inbound data. */
    filter?: BasicFilterArgs | null;
  };

/** Arguments every flow has besides Graph's own properties. */
export interface FlowCommonProps {
  /** Id of the parent flow set. Changing it replaces the flow (delete first: a set holds one flow per kind). */
  flowSetId: string;
  /** Adopt the existing flow with this id instead of creating one. Changing it replaces the resource. */
  flowId?: string;
  /** Delete the flow on destroy. Default: true for created flows, false for adopted ones. */
  deleteOnDestroy?: boolean;
}

/** `simplePasswordSettings`: the only concrete `passwordSettings`. The password is write-only (read back masked). */
export type SimplePasswordSettingsArgs = Req<IndustryData.SimplePasswordSettings, "password">;

/** A `userConfiguration`, with `roleGroupId` ("staff", "students", …) in place of the roleGroup navigation. */
export type UserConfigurationArgs = Pick<IndustryData.UserConfiguration, "licenseSkus"> & {
  /** Id of the role group this configuration applies to; written as `roleGroup@odata.bind`. */
  roleGroupId: NonNullable<IndustryData.RoleGroup["id"]>;
  /** Default password of users created for this role group (secret, write-only). */
  defaultPasswordSettings?: SimplePasswordSettingsArgs | null;
};

/** `userCreationOptions`. */
export type UserCreationOptionsArgs = {
  /** One configuration per role group (matched by roleGroupId, order-free). */
  configurations?: UserConfigurationArgs[] | null;
};

/** `additionalUserOptions`. `markAllStudentsAsMinors` is deprecated: use `studentAgeGroup`. */
export type AdditionalUserOptionsArgs = Pick<
  IndustryData.AdditionalUserOptions,
  "allowStudentContactAssociation" | "markAllStudentsAsMinors" | "studentAgeGroup"
>;

/** `userManagementOptions`. */
export type UserManagementOptionsArgs = Pick<IndustryData.UserManagementOptions, "additionalAttributes"> & {
  additionalOptions: AdditionalUserOptionsArgs;
};

/** Arguments of a `UserProvisioningFlow`. */
export type UserProvisioningFlowProps = FlowCommonProps &
  Pick<IndustryData.UserProvisioningFlow, "createUnmatchedUsers"> & {
    creationOptions?: UserCreationOptionsArgs | null;
    managementOptions: UserManagementOptionsArgs;
  };

/** `additionalClassGroupOptions` (both NN). */
export type AdditionalClassGroupOptionsArgs = Req<
  IndustryData.AdditionalClassGroupOptions,
  "createTeam" | "writeDisplayNameOnCreateOnly"
>;

/** `sectionRoleReferenceValue`: a section-role code such as "teacher" or "student". */
export type SectionRoleReferenceValueArgs = {
  code: NonNullable<IndustryData.SectionRoleReferenceValue["code"]>;
};

/** `enrollmentMappings` (both collections order-free). */
export type EnrollmentMappingsArgs = {
  ownerEnrollmentMappings?: SectionRoleReferenceValueArgs[] | null;
  memberEnrollmentMappings?: SectionRoleReferenceValueArgs[] | null;
};

/** `classGroupConfiguration`. */
export type ClassGroupConfigurationArgs = Pick<IndustryData.ClassGroupConfiguration, "additionalAttributes"> & {
  additionalOptions: AdditionalClassGroupOptionsArgs;
  enrollmentMappings: EnrollmentMappingsArgs;
};

/** Arguments of a `ClassGroupProvisioningFlow`. */
export type ClassGroupProvisioningFlowProps = FlowCommonProps & {
  configuration: ClassGroupConfigurationArgs;
};

/** `securityGroupCreationOptions` (both NN). */
export type SecurityGroupCreationOptionsArgs = Req<
  IndustryData.SecurityGroupCreationOptions,
  "createBasedOnRoleGroup" | "createBasedOnOrgPlusRoleGroup"
>;

/** Arguments of a `SecurityGroupProvisioningFlow`. */
export type SecurityGroupProvisioningFlowProps = FlowCommonProps & {
  creationOptions: SecurityGroupCreationOptionsArgs;
};

/** `adminUnitCreationOptions` (both NN). */
export type AdminUnitCreationOptionsArgs = Req<
  IndustryData.AdminUnitCreationOptions,
  "createBasedOnOrg" | "createBasedOnOrgPlusRoleGroup"
>;

/** Arguments of an `AdministrativeUnitProvisioningFlow`. */
export type AdministrativeUnitProvisioningFlowProps = FlowCommonProps & {
  creationOptions: AdminUnitCreationOptionsArgs;
};

/**
 * Arguments of a `ProvisioningFlow` (any kind, base properties only). The base type is abstract, so it can
 * only adopt: `flowId` is required.
 */
export type ProvisioningFlowProps = FlowCommonProps & { flowId: string } & Pick<IndustryData.ProvisioningFlow, "readinessStatus">;

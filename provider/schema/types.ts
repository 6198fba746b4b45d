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

// ---------------------------------------------------------------------------------------------------------------
// The inbound side and the rest of the root: source systems, data connectors, years, inbound flows, reference
// definitions. Each top-level entity is adopted by its own `…Id` argument (as a set is by flowSetId), and the
// navigations Graph binds with `<navigation>@odata.bind` are declared by id (`sourceSystemId`, `dataConnectorId`,
// `yearId`, and `roleGroupId` inside a user-matching setting).

/** Arguments every top-level inbound entity has besides Graph's own properties. */
export interface EntityCommonProps {
  /** Delete the entity on destroy. Default: true for created entities, false for adopted ones. */
  deleteOnDestroy?: boolean;
}

/** A reference value given by its code (`{ "code": "username" }`); the `value@odata.bind` form is not offered. */
export type ReferenceValueArgs = {
  code: NonNullable<IndustryData.ReferenceValue["code"]>;
};

/** A `userMatchingSetting`, with `roleGroupId` ("staff", "students", …) in place of the roleGroup navigation. */
export type UserMatchingSettingArgs = {
  /**
   * Id of the role group this setting applies to; written as `roleGroup@odata.bind`. Graph never returns it:
   * it is compared with the value last declared, not with the tenant.
   */
  roleGroupId: NonNullable<IndustryData.RoleGroup["id"]>;
  /** The RefUserMatchTarget code, e.g. "userPrincipalName". */
  matchTarget?: ReferenceValueArgs | null;
  /** Order applied when a user has several RefRole codes (Nullable="false"). */
  priorityOrder: NonNullable<IndustryData.UserMatchingSetting["priorityOrder"]>;
  /** The RefIdentifierType code, e.g. "username". */
  sourceIdentifier?: ReferenceValueArgs | null;
};

/** Arguments of a `SourceSystemDefinition`. */
export type SourceSystemDefinitionProps = EntityCommonProps &
  Req<IndustryData.SourceSystemDefinition, "displayName"> &
  Pick<IndustryData.SourceSystemDefinition, "vendor"> & {
    /** Adopt the existing source system with this id instead of creating one. Changing it replaces the resource. */
    sourceSystemId?: string;
    userMatchingSettings?: UserMatchingSettingArgs[] | null;
  };

/** Arguments every data connector has besides its kind's own properties. */
export type DataConnectorCommonProps = EntityCommonProps &
  Req<IndustryData.IndustryDataConnector, "displayName"> & {
    /** Adopt the existing connector with this id instead of creating one. Changing it replaces the resource. */
    dataConnectorId?: string;
    /** Id of the source system the connector reads for; written as `sourceSystem@odata.bind`. Create-only: changing it replaces the connector. */
    sourceSystemId: string;
  };

/** Arguments of an `AzureDataLakeConnector` (CSV upload). */
export type AzureDataLakeConnectorProps = DataConnectorCommonProps & {
  /** The RefFileFormat code: "schoolDataSyncV1" or "schoolDataSyncV2Rev1". Create-only. */
  fileFormat?: ReferenceValueArgs | null;
};

/**
 * An OAuth client credential of a API connector: OAuth 2 (`oAuth2ClientCredential`) when `tokenUrl` is given,
 * else OAuth 1 (`oAuth1ClientCredential`). `clientSecret` is write-only (never returned by Graph) and secret.
 */
export type OAuthClientCredentialArgs = Pick<IndustryData.OAuth2ClientCredential, "scope"> &
  Req<IndustryData.OAuthClientCredential, "displayName" | "clientId"> & {
    /** The client secret (write-only, secret): sent with the whole credential whenever the credential changes. */
    clientSecret: NonNullable<IndustryData.OAuthClientCredential["clientSecret"]>;
    /** OAuth 2 token endpoint; its presence makes the credential an oAuth2ClientCredential. */
    tokenUrl?: IndustryData.OAuth2ClientCredential["tokenUrl"];
  };

/** Arguments of a `OneRosterApiDataConnector`. */
export type OneRosterApiDataConnectorProps = DataConnectorCommonProps &
  Req<
    IndustryData.OneRosterApiDataConnector,
    "apiFormat" | "baseUrl" | "apiVersion" | "isContactsEnabled" | "isDemographicsEnabled" | "isFlagsEnabled"
  > & {
    credential: OAuthClientCredentialArgs;
  };

/** Arguments of a `YearTimePeriodDefinition` (an academic year). */
export type YearTimePeriodDefinitionProps = EntityCommonProps &
  Req<IndustryData.YearTimePeriodDefinition, "displayName" | "startDate" | "endDate"> & {
    /** Adopt the existing year with this id instead of creating one. Changing it replaces the resource. */
    yearId?: string;
    /** The RefAcademicYear code, e.g. "2025". Create-only: changing it replaces the year. */
    year: ReferenceValueArgs;
  };

/** Arguments every inbound flow has. */
export type InboundFlowProps = EntityCommonProps &
  Req<IndustryData.InboundFlow, "displayName" | "dataDomain" | "effectiveDateTime"> &
  Pick<IndustryData.InboundFlow, "expirationDateTime"> & {
    /** Adopt the existing inbound flow with this id instead of creating one. Changing it replaces the resource. */
    inboundFlowId?: string;
    /** Id of the data connector; written as `dataConnector@odata.bind`. Create-only. */
    dataConnectorId: string;
    /** Id of the academic year; written as `year@odata.bind`. Create-only. */
    yearId: string;
  };

/** Arguments of a `ReferenceDefinition` (a tenant-defined code). */
export type ReferenceDefinitionProps = EntityCommonProps &
  Req<IndustryData.ReferenceDefinition, "code" | "referenceType" | "isDisabled" | "sortIndex"> &
  Pick<IndustryData.ReferenceDefinition, "displayName"> & {
    /** Adopt the existing definition with this id (`<referenceType>-<code>`) instead of creating one. */
    referenceDefinitionId?: string;
  };

/**
 * Compile-time pins (checked by typeLevel.test.ts with the TypeScript compiler; jest alone only transpiles):
 * - every enum union equals Microsoft's `IndustryData` enum type;
 * - every argument type has exactly the Graph properties of its `IndustryData` type (with the DESIGN
 *   exceptions), so a property Graph adds or renames shows up here instead of drifting;
 * - every ajv schema's `required` list equals the required keys of its type (`JSONSchemaType`, which the
 *   schemas satisfy, already pins property names, JSON types and nullability).
 * The `@ts-expect-error` lines prove the assertions can fail.
 */
import type { IndustryData } from "@microsoft/microsoft-graph-types-beta";
import type * as S from "../../../provider/schema";
import type {
  azureDataLakeConnectorSchema,
  inboundFlowSchema,
  oneRosterApiDataConnectorSchema,
  referenceDefinitionSchema,
  sourceSystemSchema,
  yearSchema,
  administrativeUnitSchema,
  classGroupSchema,
  componentSchemas,
  flowSetSchema,
  provisioningFlowSchema,
  securityGroupSchema,
  userSchema,
} from "../../../provider/schema/jsonSchemas";

/** Exact type equality (not mere assignability). */
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type RequiredOf<Schema extends { required: readonly unknown[] }> = Schema["required"][number];
type C = typeof componentSchemas;

export type EnumPins = [
  Assert<Equal<S.ReadinessStatus, IndustryData.ReadinessStatus>>,
  Assert<Equal<S.StudentAgeGroup, IndustryData.StudentAgeGroup>>,
  Assert<Equal<S.AdditionalUserAttributes, IndustryData.AdditionalUserAttributes>>,
  Assert<Equal<S.AdditionalClassGroupAttributes, IndustryData.AdditionalClassGroupAttributes>>,
  Assert<Equal<S.FilterOptions, IndustryData.FilterOptions>>,
  Assert<Equal<S.InboundDomain, IndustryData.InboundDomain>>,
  Assert<Equal<S.ApiFormat, IndustryData.ApiFormat>>,
  Assert<Equal<S.IndustryDataRunStatus, IndustryData.IndustryDataRunStatus>>,
  Assert<Equal<S.IndustryDataActivityStatus, IndustryData.IndustryDataActivityStatus>>,
];

/** Graph's own properties of a flow type (the base type's id/timestamps/readinessStatus are read-only). */
type OwnFlowKeys<T> = Exclude<keyof T, keyof IndustryData.ProvisioningFlow>;
type ArgKeys<T> = Exclude<keyof T, keyof S.FlowCommonProps>;

export type PropertyPins = [
  Assert<Equal<Exclude<keyof S.FlowSetProps, keyof S.FlowSetCommonProps>, Exclude<keyof IndustryData.OutboundProvisioningFlowSet, "id" | "createdDateTime" | "lastModifiedDateTime" | "provisioningFlows">>>,
  // Adoption as flows have it: flowSetId names the set to adopt (as flowId names a flow), deleteOnDestroy is optional.
  Assert<Equal<keyof S.FlowSetCommonProps, "flowSetId" | "deleteOnDestroy">>,
  Assert<Equal<S.FlowSetProps["flowSetId"], S.FlowCommonProps["flowId"]>>,
  Assert<Equal<S.FlowSetProps["deleteOnDestroy"], S.FlowCommonProps["deleteOnDestroy"]>>,
  Assert<Equal<keyof S.BasicFilterArgs, keyof IndustryData.BasicFilter>>,
  Assert<Equal<ArgKeys<S.UserProvisioningFlowProps>, OwnFlowKeys<IndustryData.UserProvisioningFlow>>>,
  Assert<Equal<ArgKeys<S.ClassGroupProvisioningFlowProps>, OwnFlowKeys<IndustryData.ClassGroupProvisioningFlow>>>,
  Assert<Equal<ArgKeys<S.SecurityGroupProvisioningFlowProps>, OwnFlowKeys<IndustryData.SecurityGroupProvisioningFlow>>>,
  Assert<Equal<ArgKeys<S.AdministrativeUnitProvisioningFlowProps>, OwnFlowKeys<IndustryData.AdministrativeUnitProvisioningFlow>>>,
  // DESIGN exception: roleGroupId in place of the roleGroup navigation.
  Assert<Equal<keyof S.UserConfigurationArgs, Exclude<keyof IndustryData.UserConfiguration, "roleGroup"> | "roleGroupId">>,
  Assert<Equal<keyof S.UserCreationOptionsArgs, keyof IndustryData.UserCreationOptions>>,
  Assert<Equal<keyof S.UserManagementOptionsArgs, keyof IndustryData.UserManagementOptions>>,
  Assert<Equal<keyof S.AdditionalUserOptionsArgs, keyof IndustryData.AdditionalUserOptions>>,
  Assert<Equal<keyof S.SimplePasswordSettingsArgs, keyof IndustryData.SimplePasswordSettings>>,
  Assert<Equal<keyof S.ClassGroupConfigurationArgs, keyof IndustryData.ClassGroupConfiguration>>,
  Assert<Equal<keyof S.AdditionalClassGroupOptionsArgs, keyof IndustryData.AdditionalClassGroupOptions>>,
  Assert<Equal<keyof S.EnrollmentMappingsArgs, keyof IndustryData.EnrollmentMappings>>,
  // The reference value is declared by code; its `value` navigation (value@odata.bind) is not offered.
  Assert<Equal<keyof S.SectionRoleReferenceValueArgs, Exclude<keyof IndustryData.SectionRoleReferenceValue, "value">>>,
  Assert<Equal<keyof S.SecurityGroupCreationOptionsArgs, keyof IndustryData.SecurityGroupCreationOptions>>,
  Assert<Equal<keyof S.AdminUnitCreationOptionsArgs, keyof IndustryData.AdminUnitCreationOptions>>,
  // Types flow from Graph's: the enum-typed properties are Graph's enum types.
  Assert<Equal<NonNullable<S.AdditionalUserOptionsArgs["studentAgeGroup"]>, IndustryData.StudentAgeGroup>>,
  Assert<Equal<S.ProvisioningFlowProps["readinessStatus"], IndustryData.ProvisioningFlow["readinessStatus"]>>,
];

/** Graph's own declarable properties of an inbound entity: its type's, minus id, read-only and navigation ones. */
type Own<T, Excluded extends keyof T = never> = Exclude<keyof T, "id" | Excluded>;
/** The declared arguments minus the provider's own (adoption, deleteOnDestroy, bindings by id). */
type Declared<T, Provider extends string> = Exclude<keyof T, Provider | "deleteOnDestroy">;

export type InboundPropertyPins = [
  Assert<Equal<Declared<S.SourceSystemDefinitionProps, "sourceSystemId">, Own<IndustryData.SourceSystemDefinition>>>,
  // DESIGN exception: roleGroupId in place of the roleGroup navigation (roleGroup@odata.bind).
  Assert<Equal<keyof S.UserMatchingSettingArgs, Exclude<keyof IndustryData.UserMatchingSetting, "roleGroup"> | "roleGroupId">>,
  Assert<Equal<keyof S.ReferenceValueArgs, Exclude<keyof IndustryData.ReferenceValue, "value">>>,
  // Bindings by id: sourceSystemId stands for the sourceSystem navigation.
  Assert<Equal<Declared<S.AzureDataLakeConnectorProps, "dataConnectorId" | "sourceSystemId">, Own<IndustryData.AzureDataLakeConnector, "sourceSystem">>>,
  Assert<Equal<Declared<S.OneRosterApiDataConnectorProps, "dataConnectorId" | "sourceSystemId">, Own<IndustryData.OneRosterApiDataConnector, "sourceSystem">>>,
  // The credential: OAuth 2's properties, with the read-only isValid/lastValidDateTime left to the outputs.
  Assert<Equal<keyof S.OAuthClientCredentialArgs, Exclude<keyof IndustryData.OAuth2ClientCredential, "isValid" | "lastValidDateTime">>>,
  Assert<Equal<Declared<S.YearTimePeriodDefinitionProps, "yearId">, Own<IndustryData.YearTimePeriodDefinition>>>,
  Assert<Equal<Declared<S.InboundFlowProps, "inboundFlowId" | "dataConnectorId" | "yearId">, Own<IndustryData.InboundFlow, "dataConnector" | "year" | "readinessStatus">>>,
  Assert<Equal<Declared<S.ReferenceDefinitionProps, "referenceDefinitionId">, Own<IndustryData.ReferenceDefinition, "source" | "createdDateTime" | "lastModifiedDateTime">>>,
  Assert<Equal<S.OneRosterApiDataConnectorProps["apiFormat"], IndustryData.ApiFormat>>,
  Assert<Equal<S.InboundFlowProps["dataDomain"], IndustryData.InboundDomain>>,
];

export type InboundRequiredPins = [
  Assert<Equal<RequiredKeys<S.SourceSystemDefinitionProps>, RequiredOf<typeof sourceSystemSchema>>>,
  Assert<Equal<RequiredKeys<S.AzureDataLakeConnectorProps>, RequiredOf<typeof azureDataLakeConnectorSchema>>>,
  Assert<Equal<RequiredKeys<S.OneRosterApiDataConnectorProps>, RequiredOf<typeof oneRosterApiDataConnectorSchema>>>,
  Assert<Equal<RequiredKeys<S.YearTimePeriodDefinitionProps>, RequiredOf<typeof yearSchema>>>,
  Assert<Equal<RequiredKeys<S.InboundFlowProps>, RequiredOf<typeof inboundFlowSchema>>>,
  Assert<Equal<RequiredKeys<S.ReferenceDefinitionProps>, RequiredOf<typeof referenceDefinitionSchema>>>,
  Assert<Equal<RequiredKeys<S.UserMatchingSettingArgs>, RequiredOf<C["userMatchingSetting"]>>>,
  Assert<Equal<RequiredKeys<S.ReferenceValueArgs>, RequiredOf<C["referenceValue"]>>>,
  Assert<Equal<RequiredKeys<S.OAuthClientCredentialArgs>, RequiredOf<C["oAuthClientCredential"]>>>,
];

export type RequiredPins = [
  Assert<Equal<RequiredKeys<S.FlowSetProps>, RequiredOf<typeof flowSetSchema>>>,
  Assert<Equal<RequiredKeys<S.UserProvisioningFlowProps>, RequiredOf<typeof userSchema>>>,
  Assert<Equal<RequiredKeys<S.ClassGroupProvisioningFlowProps>, RequiredOf<typeof classGroupSchema>>>,
  Assert<Equal<RequiredKeys<S.SecurityGroupProvisioningFlowProps>, RequiredOf<typeof securityGroupSchema>>>,
  Assert<Equal<RequiredKeys<S.AdministrativeUnitProvisioningFlowProps>, RequiredOf<typeof administrativeUnitSchema>>>,
  Assert<Equal<RequiredKeys<S.ProvisioningFlowProps>, RequiredOf<typeof provisioningFlowSchema>>>,
  Assert<Equal<RequiredKeys<S.BasicFilterArgs>, RequiredOf<C["basicFilter"]>>>,
  Assert<Equal<RequiredKeys<S.SimplePasswordSettingsArgs>, RequiredOf<C["simplePasswordSettings"]>>>,
  Assert<Equal<RequiredKeys<S.UserConfigurationArgs>, RequiredOf<C["userConfiguration"]>>>,
  Assert<Equal<RequiredKeys<S.UserCreationOptionsArgs>, RequiredOf<C["userCreationOptions"]>>>,
  Assert<Equal<RequiredKeys<S.AdditionalUserOptionsArgs>, RequiredOf<C["additionalUserOptions"]>>>,
  Assert<Equal<RequiredKeys<S.UserManagementOptionsArgs>, RequiredOf<C["userManagementOptions"]>>>,
  Assert<Equal<RequiredKeys<S.AdditionalClassGroupOptionsArgs>, RequiredOf<C["additionalClassGroupOptions"]>>>,
  Assert<Equal<RequiredKeys<S.SectionRoleReferenceValueArgs>, RequiredOf<C["sectionRoleReferenceValue"]>>>,
  Assert<Equal<RequiredKeys<S.EnrollmentMappingsArgs>, RequiredOf<C["enrollmentMappings"]>>>,
  Assert<Equal<RequiredKeys<S.ClassGroupConfigurationArgs>, RequiredOf<C["classGroupConfiguration"]>>>,
  Assert<Equal<RequiredKeys<S.SecurityGroupCreationOptionsArgs>, RequiredOf<C["securityGroupCreationOptions"]>>>,
  Assert<Equal<RequiredKeys<S.AdminUnitCreationOptionsArgs>, RequiredOf<C["adminUnitCreationOptions"]>>>,
];

/** The pins can fail: each of these is a real mismatch, and the compiler must report it. */
export type PinsCanFail = [
  // @ts-expect-error a narrower union is not Graph's enum
  Assert<Equal<"minor" | "adult", IndustryData.StudentAgeGroup>>,
  // @ts-expect-error a schema missing a required key does not match the type
  Assert<Equal<RequiredKeys<S.AdditionalClassGroupOptionsArgs>, "createTeam">>,
  // @ts-expect-error roleGroup itself is not an argument
  Assert<Equal<keyof S.UserConfigurationArgs, keyof IndustryData.UserConfiguration>>,
  // @ts-expect-error the set's adopt id is optional (it creates without one), unlike a flow's parent flowSetId
  Assert<Equal<S.FlowSetProps["flowSetId"], S.FlowCommonProps["flowSetId"]>>,
];

/**
 * The ajv JSON schemas of every resource's arguments (create form: NN properties required; validateInputs
 * derives the adopt form). Each schema `satisfies JSONSchemaType<XxxProps>`, so the compiler rejects one that
 * disagrees with the types derived from Microsoft's `IndustryData` types (property names, JSON types,
 * nullability); `satisfies` keeps the literal `required` lists, which test/unit/typeLevel/pins.ts pins to
 * the types' required keys (JSONSchemaType alone accepts a subset).
 */
import type { JSONSchemaType } from "ajv";
import {
  additionalClassGroupAttributesValues,
  additionalUserAttributesValues,
  apiFormatValues,
  fileFormatCodes,
  filterOptionsValues,
  inboundDomainValues,
  readinessStatusValues,
  studentAgeGroupValues,
} from "./enums";
import type { ResourceKind } from "./descriptors";
import type {
  AdditionalClassGroupOptionsArgs,
  AdditionalUserOptionsArgs,
  AdministrativeUnitProvisioningFlowProps,
  AdminUnitCreationOptionsArgs,
  AzureDataLakeConnectorProps,
  InboundFlowProps,
  OAuthClientCredentialArgs,
  OneRosterApiDataConnectorProps,
  ReferenceDefinitionProps,
  ReferenceValueArgs,
  SourceSystemDefinitionProps,
  UserMatchingSettingArgs,
  YearTimePeriodDefinitionProps,
  BasicFilterArgs,
  ClassGroupConfigurationArgs,
  ClassGroupProvisioningFlowProps,
  EnrollmentMappingsArgs,
  FlowSetProps,
  ProvisioningFlowProps,
  SectionRoleReferenceValueArgs,
  SecurityGroupCreationOptionsArgs,
  SecurityGroupProvisioningFlowProps,
  SimplePasswordSettingsArgs,
  UserConfigurationArgs,
  UserCreationOptionsArgs,
  UserManagementOptionsArgs,
  UserProvisioningFlowProps,
} from "./types";

const nonEmptyString = { type: "string", minLength: 1 } as const;

const flowSetIdSchema = { ...nonEmptyString } as const;
const adoptedIdSchema = { ...nonEmptyString, nullable: true } as const;
const deleteOnDestroySchema = { type: "boolean", nullable: true } as const;

const basicFilter = {
  type: "object",
  properties: {
    attribute: { type: "string", enum: filterOptionsValues },
    in: { type: "array", items: nonEmptyString },
  },
  required: ["attribute", "in"],
  additionalProperties: false,
} satisfies JSONSchemaType<BasicFilterArgs>;

/** OutboundProvisioningFlowSet (flowSetId: the existing set to adopt; the same schema as a flow's flowId). */
export const flowSetSchema = {
  type: "object",
  properties: {
    flowSetId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    displayName: nonEmptyString,
    filter: { ...basicFilter, nullable: true },
  },
  required: ["displayName"],
  additionalProperties: false,
} satisfies JSONSchemaType<FlowSetProps>;

const simplePasswordSettings = {
  type: "object",
  properties: { password: nonEmptyString },
  required: ["password"],
  additionalProperties: false,
} satisfies JSONSchemaType<SimplePasswordSettingsArgs>;

const userConfiguration = {
  type: "object",
  properties: {
    roleGroupId: nonEmptyString,
    licenseSkus: { type: "array", items: nonEmptyString, nullable: true },
    defaultPasswordSettings: { ...simplePasswordSettings, nullable: true },
  },
  required: ["roleGroupId"],
  additionalProperties: false,
} satisfies JSONSchemaType<UserConfigurationArgs>;

const userCreationOptions = {
  type: "object",
  properties: {
    configurations: { type: "array", items: userConfiguration, nullable: true },
  },
  required: [],
  additionalProperties: false,
} satisfies JSONSchemaType<UserCreationOptionsArgs>;

const additionalUserOptions = {
  type: "object",
  properties: {
    allowStudentContactAssociation: { type: "boolean", nullable: true },
    markAllStudentsAsMinors: { type: "boolean", nullable: true },
    studentAgeGroup: { type: "string", enum: [...studentAgeGroupValues, null], nullable: true },
  },
  required: [],
  additionalProperties: false,
} satisfies JSONSchemaType<AdditionalUserOptionsArgs>;

const userManagementOptions = {
  type: "object",
  properties: {
    additionalAttributes: {
      type: "array",
      items: { type: "string", enum: additionalUserAttributesValues },
      nullable: true,
    },
    additionalOptions: additionalUserOptions,
  },
  required: ["additionalOptions"],
  additionalProperties: false,
} satisfies JSONSchemaType<UserManagementOptionsArgs>;

/** UserProvisioningFlow. */
export const userSchema = {
  type: "object",
  properties: {
    flowSetId: flowSetIdSchema,
    flowId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    createUnmatchedUsers: { type: "boolean", nullable: true },
    creationOptions: { ...userCreationOptions, nullable: true },
    managementOptions: userManagementOptions,
  },
  required: ["flowSetId", "managementOptions"],
  additionalProperties: false,
} satisfies JSONSchemaType<UserProvisioningFlowProps>;

const additionalClassGroupOptions = {
  type: "object",
  properties: {
    createTeam: { type: "boolean" },
    writeDisplayNameOnCreateOnly: { type: "boolean" },
  },
  required: ["createTeam", "writeDisplayNameOnCreateOnly"],
  additionalProperties: false,
} satisfies JSONSchemaType<AdditionalClassGroupOptionsArgs>;

const sectionRoleReferenceValue = {
  type: "object",
  properties: { code: nonEmptyString },
  required: ["code"],
  additionalProperties: false,
} satisfies JSONSchemaType<SectionRoleReferenceValueArgs>;

const enrollmentMappings = {
  type: "object",
  properties: {
    ownerEnrollmentMappings: { type: "array", items: sectionRoleReferenceValue, nullable: true },
    memberEnrollmentMappings: { type: "array", items: sectionRoleReferenceValue, nullable: true },
  },
  required: [],
  additionalProperties: false,
} satisfies JSONSchemaType<EnrollmentMappingsArgs>;

const classGroupConfiguration = {
  type: "object",
  properties: {
    additionalAttributes: {
      type: "array",
      items: { type: "string", enum: additionalClassGroupAttributesValues },
      nullable: true,
    },
    additionalOptions: additionalClassGroupOptions,
    enrollmentMappings,
  },
  required: ["additionalOptions", "enrollmentMappings"],
  additionalProperties: false,
} satisfies JSONSchemaType<ClassGroupConfigurationArgs>;

/** ClassGroupProvisioningFlow. */
export const classGroupSchema = {
  type: "object",
  properties: {
    flowSetId: flowSetIdSchema,
    flowId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    configuration: classGroupConfiguration,
  },
  required: ["flowSetId", "configuration"],
  additionalProperties: false,
} satisfies JSONSchemaType<ClassGroupProvisioningFlowProps>;

const securityGroupCreationOptions = {
  type: "object",
  properties: {
    createBasedOnRoleGroup: { type: "boolean" },
    createBasedOnOrgPlusRoleGroup: { type: "boolean" },
  },
  required: ["createBasedOnRoleGroup", "createBasedOnOrgPlusRoleGroup"],
  additionalProperties: false,
} satisfies JSONSchemaType<SecurityGroupCreationOptionsArgs>;

/** SecurityGroupProvisioningFlow. */
export const securityGroupSchema = {
  type: "object",
  properties: {
    flowSetId: flowSetIdSchema,
    flowId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    creationOptions: securityGroupCreationOptions,
  },
  required: ["flowSetId", "creationOptions"],
  additionalProperties: false,
} satisfies JSONSchemaType<SecurityGroupProvisioningFlowProps>;

const adminUnitCreationOptions = {
  type: "object",
  properties: {
    createBasedOnOrg: { type: "boolean" },
    createBasedOnOrgPlusRoleGroup: { type: "boolean" },
  },
  required: ["createBasedOnOrg", "createBasedOnOrgPlusRoleGroup"],
  additionalProperties: false,
} satisfies JSONSchemaType<AdminUnitCreationOptionsArgs>;

/** AdministrativeUnitProvisioningFlow. */
export const administrativeUnitSchema = {
  type: "object",
  properties: {
    flowSetId: flowSetIdSchema,
    flowId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    creationOptions: adminUnitCreationOptions,
  },
  required: ["flowSetId", "creationOptions"],
  additionalProperties: false,
} satisfies JSONSchemaType<AdministrativeUnitProvisioningFlowProps>;

/** ProvisioningFlow (base kind: adopt only, so flowId is required). */
export const provisioningFlowSchema = {
  type: "object",
  properties: {
    flowSetId: flowSetIdSchema,
    flowId: nonEmptyString,
    deleteOnDestroy: deleteOnDestroySchema,
    readinessStatus: { type: "string", enum: [...readinessStatusValues, null], nullable: true },
  },
  required: ["flowSetId", "flowId"],
  additionalProperties: false,
} satisfies JSONSchemaType<ProvisioningFlowProps>;

// ---- The inbound side. Formats ("date", "date-time", "https-url") are registered in validateInputs.

/** Graph's limit on display names (and a source system's vendor). */
const maxNameLength = 100;
const displayName = { type: "string", minLength: 1, maxLength: maxNameLength } as const;
const date = { type: "string", format: "date" } as const;
const dateTime = { type: "string", format: "date-time" } as const;

const referenceValue = {
  type: "object",
  properties: { code: nonEmptyString },
  required: ["code"],
  additionalProperties: false,
} satisfies JSONSchemaType<ReferenceValueArgs>;

const userMatchingSetting = {
  type: "object",
  properties: {
    roleGroupId: nonEmptyString,
    matchTarget: { ...referenceValue, nullable: true },
    priorityOrder: { type: "integer", minimum: 0 },
    sourceIdentifier: { ...referenceValue, nullable: true },
  },
  required: ["roleGroupId", "priorityOrder"],
  additionalProperties: false,
} satisfies JSONSchemaType<UserMatchingSettingArgs>;

/** SourceSystemDefinition. */
export const sourceSystemSchema = {
  type: "object",
  properties: {
    sourceSystemId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    displayName,
    vendor: { type: "string", maxLength: maxNameLength, nullable: true },
    userMatchingSettings: { type: "array", items: userMatchingSetting, nullable: true },
  },
  required: ["displayName"],
  additionalProperties: false,
} satisfies JSONSchemaType<SourceSystemDefinitionProps>;

const connectorCommon = {
  dataConnectorId: adoptedIdSchema,
  deleteOnDestroy: deleteOnDestroySchema,
  displayName,
  sourceSystemId: nonEmptyString,
} as const;

/** AzureDataLakeConnector. */
export const azureDataLakeConnectorSchema = {
  type: "object",
  properties: {
    ...connectorCommon,
    fileFormat: {
      type: "object",
      properties: { code: { type: "string", enum: fileFormatCodes } },
      required: ["code"],
      additionalProperties: false,
      nullable: true,
    },
  },
  required: ["displayName", "sourceSystemId"],
  additionalProperties: false,
} satisfies JSONSchemaType<AzureDataLakeConnectorProps>;

const oAuthClientCredential = {
  type: "object",
  properties: {
    displayName,
    clientId: nonEmptyString,
    clientSecret: nonEmptyString,
    tokenUrl: { type: "string", format: "https-url", nullable: true },
    scope: { type: "string", nullable: true },
  },
  required: ["displayName", "clientId", "clientSecret"],
  additionalProperties: false,
} satisfies JSONSchemaType<OAuthClientCredentialArgs>;

/** OneRosterApiDataConnector. */
export const oneRosterApiDataConnectorSchema = {
  type: "object",
  properties: {
    ...connectorCommon,
    apiFormat: { type: "string", enum: apiFormatValues },
    baseUrl: { type: "string", format: "https-url" },
    apiVersion: nonEmptyString,
    isContactsEnabled: { type: "boolean" },
    isDemographicsEnabled: { type: "boolean" },
    isFlagsEnabled: { type: "boolean" },
    credential: oAuthClientCredential,
  },
  required: [
    "displayName",
    "sourceSystemId",
    "apiFormat",
    "baseUrl",
    "apiVersion",
    "isContactsEnabled",
    "isDemographicsEnabled",
    "isFlagsEnabled",
    "credential",
  ],
  additionalProperties: false,
} satisfies JSONSchemaType<OneRosterApiDataConnectorProps>;

/** YearTimePeriodDefinition. */
export const yearSchema = {
  type: "object",
  properties: {
    yearId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    displayName,
    startDate: date,
    endDate: date,
    year: referenceValue,
  },
  required: ["displayName", "startDate", "endDate", "year"],
  additionalProperties: false,
} satisfies JSONSchemaType<YearTimePeriodDefinitionProps>;

/** InboundFileFlow and InboundApiFlow (the same arguments). */
export const inboundFlowSchema = {
  type: "object",
  properties: {
    inboundFlowId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    dataConnectorId: nonEmptyString,
    yearId: nonEmptyString,
    displayName,
    dataDomain: { type: "string", enum: inboundDomainValues },
    effectiveDateTime: dateTime,
    expirationDateTime: { ...dateTime, nullable: true },
  },
  required: ["dataConnectorId", "yearId", "displayName", "dataDomain", "effectiveDateTime"],
  additionalProperties: false,
} satisfies JSONSchemaType<InboundFlowProps>;

/** ReferenceDefinition. */
export const referenceDefinitionSchema = {
  type: "object",
  properties: {
    referenceDefinitionId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    referenceType: nonEmptyString,
    code: nonEmptyString,
    displayName: { type: "string", nullable: true },
    isDisabled: { type: "boolean" },
    sortIndex: { type: "integer" },
  },
  required: ["referenceType", "code", "isDisabled", "sortIndex"],
  additionalProperties: false,
} satisfies JSONSchemaType<ReferenceDefinitionProps>;

/** The nested schemas, exported so test/unit/typeLevel can pin their `required` lists to the types. */
export const componentSchemas = {
  referenceValue,
  userMatchingSetting,
  oAuthClientCredential,
  basicFilter,
  simplePasswordSettings,
  userConfiguration,
  userCreationOptions,
  additionalUserOptions,
  userManagementOptions,
  additionalClassGroupOptions,
  sectionRoleReferenceValue,
  enrollmentMappings,
  classGroupConfiguration,
  securityGroupCreationOptions,
  adminUnitCreationOptions,
};

/** The create-form schema of each kind. */
export const jsonSchemas: Record<ResourceKind, object> = {
  flowSet: flowSetSchema,
  user: userSchema,
  classGroup: classGroupSchema,
  securityGroup: securityGroupSchema,
  administrativeUnit: administrativeUnitSchema,
  provisioningFlow: provisioningFlowSchema,
  sourceSystem: sourceSystemSchema,
  azureDataLakeConnector: azureDataLakeConnectorSchema,
  oneRosterApiDataConnector: oneRosterApiDataConnectorSchema,
  year: yearSchema,
  inboundFileFlow: inboundFlowSchema,
  inboundApiFlow: inboundFlowSchema,
  referenceDefinition: referenceDefinitionSchema,
};

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

const flowSetIdSchema = {
  ...nonEmptyString,
  description: "Id of the parent `OutboundProvisioningFlowSet`. Changing this replaces the resource (deleted first: a set holds at most one flow of each kind).",
} as const;
const adoptedFlowIdSchema = {
  ...nonEmptyString,
  nullable: true,
  description:
    "Adopt the existing flow with this id instead of creating one: the provider reads it and PATCHes only what differs from these arguments. Changing this replaces the resource.",
} as const;
/** The adopt argument of a top-level entity (`sourceSystemId`, `dataConnectorId`, `yearId`, …). */
const adoptedIdSchema = {
  ...nonEmptyString,
  nullable: true,
  description:
    "Adopt the existing entity with this id instead of creating one: the provider reads it and PATCHes only what differs from these arguments. Changing this replaces the resource.",
} as const;
const deleteOnDestroySchema = {
  type: "boolean",
  nullable: true,
  description: "Delete the entity from the tenant on destroy. Default: true for a created one, false for an adopted one.",
} as const;

const basicFilter = {
  type: "object",
  title: "basicFilter",
  description: "Which organisations of the inbound data the set provisions.",
  properties: {
    attribute: { type: "string", enum: filterOptionsValues, description: "The attribute filtered on (`orgExternalId`)." },
    in: { type: "array", items: nonEmptyString, description: "The values kept (organisation external ids); order-free." },
  },
  required: ["attribute", "in"],
  additionalProperties: false,
} satisfies JSONSchemaType<BasicFilterArgs>;

/** OutboundProvisioningFlowSet (flowSetId: the existing set to adopt; the same schema as a flow's flowId). */
export const flowSetSchema = {
  type: "object",
  description:
    "A School Data Sync outbound provisioning flow set (Graph `outboundProvisioningFlowSet`): the parent of the provisioning flows. Created with POST, or adopted with `flowSetId`; updated with one PATCH holding only what differs. Graph permission: `IndustryData-OutboundFlow.ReadWrite.All`. Id: the set id.",
  properties: {
    flowSetId: {
      ...nonEmptyString,
      nullable: true,
      description:
        "Adopt the existing flow set with this id instead of creating one: the provider reads it and PATCHes only what differs from these arguments. Changing this replaces the resource.",
    },
    deleteOnDestroy: deleteOnDestroySchema,
    displayName: { ...nonEmptyString, description: "The set's name as the SDS portal shows it (required to create a set)." },
    filter: { ...basicFilter, nullable: true },
  },
  required: ["displayName"],
  additionalProperties: false,
} satisfies JSONSchemaType<FlowSetProps>;

const simplePasswordSettings = {
  type: "object",
  title: "simplePasswordSettings",
  description: "The default password of users created for the role group.",
  properties: {
    password: {
      ...nonEmptyString,
      description:
        "The password (secret, write-only: Graph returns it masked, so a change is detected from the declared value, kept hashed in state).",
    },
  },
  required: ["password"],
  additionalProperties: false,
} satisfies JSONSchemaType<SimplePasswordSettingsArgs>;

const userConfiguration = {
  type: "object",
  title: "userConfiguration",
  description: "How users of one role group are created.",
  properties: {
    roleGroupId: { ...nonEmptyString, description: 'Id of the role group ("staff", "students", …); written as `roleGroup@odata.bind`.' },
    licenseSkus: {
      type: "array",
      items: nonEmptyString,
      nullable: true,
      description: "License SKUs assigned to the users created (e.g. `M365EDU_A3_STUUSEBNFT`); order-free.",
    },
    defaultPasswordSettings: { ...simplePasswordSettings, nullable: true },
  },
  required: ["roleGroupId"],
  additionalProperties: false,
} satisfies JSONSchemaType<UserConfigurationArgs>;

const userCreationOptions = {
  type: "object",
  title: "userCreationOptions",
  description: "How new users are created. Unmanaged when omitted.",
  properties: {
    configurations: {
      type: "array",
      items: userConfiguration,
      nullable: true,
      description: "One configuration per role group, matched by `roleGroupId` (order-free).",
    },
  },
  required: [],
  additionalProperties: false,
} satisfies JSONSchemaType<UserCreationOptionsArgs>;

const additionalUserOptions = {
  type: "object",
  title: "additionalUserOptions",
  description: "Options for every user. Sub-properties left out keep their value in the tenant.",
  properties: {
    allowStudentContactAssociation: { type: "boolean", nullable: true, description: "Whether student contacts are associated with students." },
    markAllStudentsAsMinors: {
      type: "boolean",
      nullable: true,
      description: "Deprecated (Graph stops honouring it after 2025-10-15): use `studentAgeGroup`. Accepted with a warning.",
    },
    studentAgeGroup: {
      type: "string",
      enum: [...studentAgeGroupValues, null],
      nullable: true,
      description: "The age group assigned to students; null turns age-group enforcement off. Compared case-insensitively.",
    },
  },
  required: [],
  additionalProperties: false,
} satisfies JSONSchemaType<AdditionalUserOptionsArgs>;

const userManagementOptions = {
  type: "object",
  title: "userManagementOptions",
  description: "Attribute and option choices for every user (required by Graph on every update).",
  properties: {
    additionalAttributes: {
      type: "array",
      items: { type: "string", enum: additionalUserAttributesValues },
      nullable: true,
      description: "Extra user attributes provisioned; order-free, case-insensitive.",
    },
    additionalOptions: additionalUserOptions,
  },
  required: ["additionalOptions"],
  additionalProperties: false,
} satisfies JSONSchemaType<UserManagementOptionsArgs>;

/** UserProvisioningFlow. */
export const userSchema = {
  type: "object",
  description:
    "A School Data Sync user provisioning flow (Graph `userProvisioningFlow`) in an outbound flow set: which users are created and how they are managed. Created with POST, or adopted with `flowId`; updated with one PATCH holding only what differs from the declared arguments. Graph permission: `IndustryData-OutboundFlow.ReadWrite.All`. Id: `<flowSetId>/<flowId>`.",
  properties: {
    flowSetId: flowSetIdSchema,
    flowId: adoptedFlowIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    createUnmatchedUsers: {
      type: "boolean",
      nullable: true,
      description: "Whether users in the inbound data that match no existing user are created (true) or ignored. Unmanaged when omitted.",
    },
    creationOptions: { ...userCreationOptions, nullable: true },
    managementOptions: userManagementOptions,
  },
  required: ["flowSetId", "managementOptions"],
  additionalProperties: false,
} satisfies JSONSchemaType<UserProvisioningFlowProps>;

const additionalClassGroupOptions = {
  type: "object",
  title: "additionalClassGroupOptions",
  description: "Options of the class groups created.",
  properties: {
    createTeam: { type: "boolean", description: "Whether a Microsoft Teams team is created for each class group." },
    writeDisplayNameOnCreateOnly: { type: "boolean", description: "Whether the display name is written only when the group is created." },
  },
  required: ["createTeam", "writeDisplayNameOnCreateOnly"],
  additionalProperties: false,
} satisfies JSONSchemaType<AdditionalClassGroupOptionsArgs>;

const sectionRoleReferenceValue = {
  type: "object",
  title: "sectionRoleReferenceValue",
  description: "A section role.",
  properties: { code: { ...nonEmptyString, description: 'The section-role code, e.g. "teacher" or "student"; compared case-insensitively.' } },
  required: ["code"],
  additionalProperties: false,
} satisfies JSONSchemaType<SectionRoleReferenceValueArgs>;

const enrollmentMappings = {
  type: "object",
  title: "enrollmentMappings",
  description: "Which section roles become owners and members of the class groups.",
  properties: {
    ownerEnrollmentMappings: {
      type: "array",
      items: sectionRoleReferenceValue,
      nullable: true,
      description: "Section roles made group owners; order-free.",
    },
    memberEnrollmentMappings: {
      type: "array",
      items: sectionRoleReferenceValue,
      nullable: true,
      description: "Section roles made group members; order-free.",
    },
  },
  required: [],
  additionalProperties: false,
} satisfies JSONSchemaType<EnrollmentMappingsArgs>;

const classGroupConfiguration = {
  type: "object",
  title: "classGroupConfiguration",
  description: "How class groups are created (required by Graph on every update).",
  properties: {
    additionalAttributes: {
      type: "array",
      items: { type: "string", enum: additionalClassGroupAttributesValues },
      nullable: true,
      description: "Extra class attributes provisioned; order-free, case-insensitive.",
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
  description:
    "A School Data Sync class-group provisioning flow (Graph `classGroupProvisioningFlow`): Microsoft 365 groups (and optionally teams) per class. Created with POST, or adopted with `flowId`. Graph permission: `IndustryData-OutboundFlow.ReadWrite.All`. Id: `<flowSetId>/<flowId>`.",
  properties: {
    flowSetId: flowSetIdSchema,
    flowId: adoptedFlowIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    configuration: classGroupConfiguration,
  },
  required: ["flowSetId", "configuration"],
  additionalProperties: false,
} satisfies JSONSchemaType<ClassGroupProvisioningFlowProps>;

const securityGroupCreationOptions = {
  type: "object",
  title: "securityGroupCreationOptions",
  description: "Which security groups are created (required by Graph on every update).",
  properties: {
    createBasedOnRoleGroup: { type: "boolean", description: "Whether one security group is created per role group." },
    createBasedOnOrgPlusRoleGroup: { type: "boolean", description: "Whether one security group is created per organisation and role group." },
  },
  required: ["createBasedOnRoleGroup", "createBasedOnOrgPlusRoleGroup"],
  additionalProperties: false,
} satisfies JSONSchemaType<SecurityGroupCreationOptionsArgs>;

/** SecurityGroupProvisioningFlow. */
export const securityGroupSchema = {
  type: "object",
  description:
    "A School Data Sync security-group provisioning flow (Graph `securityGroupProvisioningFlow`). Created with POST, or adopted with `flowId`. Graph permission: `IndustryData-OutboundFlow.ReadWrite.All`. Id: `<flowSetId>/<flowId>`.",
  properties: {
    flowSetId: flowSetIdSchema,
    flowId: adoptedFlowIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    creationOptions: securityGroupCreationOptions,
  },
  required: ["flowSetId", "creationOptions"],
  additionalProperties: false,
} satisfies JSONSchemaType<SecurityGroupProvisioningFlowProps>;

const adminUnitCreationOptions = {
  type: "object",
  title: "adminUnitCreationOptions",
  description: "Which administrative units are created (required by Graph on every update).",
  properties: {
    createBasedOnOrg: { type: "boolean", description: "Whether one administrative unit is created per organisation." },
    createBasedOnOrgPlusRoleGroup: { type: "boolean", description: "Whether one administrative unit is created per organisation and role group." },
  },
  required: ["createBasedOnOrg", "createBasedOnOrgPlusRoleGroup"],
  additionalProperties: false,
} satisfies JSONSchemaType<AdminUnitCreationOptionsArgs>;

/** AdministrativeUnitProvisioningFlow. */
export const administrativeUnitSchema = {
  type: "object",
  description:
    "A School Data Sync administrative-unit provisioning flow (Graph `administrativeUnitProvisioningFlow`). Created with POST, or adopted with `flowId`. Graph permission: `IndustryData-OutboundFlow.ReadWrite.All`. Id: `<flowSetId>/<flowId>`.",
  properties: {
    flowSetId: flowSetIdSchema,
    flowId: adoptedFlowIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    creationOptions: adminUnitCreationOptions,
  },
  required: ["flowSetId", "creationOptions"],
  additionalProperties: false,
} satisfies JSONSchemaType<AdministrativeUnitProvisioningFlowProps>;

/** ProvisioningFlow (base kind: adopt only, so flowId is required). */
export const provisioningFlowSchema = {
  type: "object",
  description:
    "An existing provisioning flow of any kind (Graph `provisioningFlow`, abstract): base properties only, so it can only adopt (`flowId` required). Graph permission: `IndustryData-OutboundFlow.ReadWrite.All`. Id: `<flowSetId>/<flowId>`.",
  properties: {
    flowSetId: flowSetIdSchema,
    flowId: {
      ...nonEmptyString,
      description: "Id of the existing flow (of any kind) to adopt. Required: the base type is abstract, so it cannot be created. Changing this replaces the resource.",
    },
    deleteOnDestroy: deleteOnDestroySchema,
    readinessStatus: {
      type: "string",
      enum: [...readinessStatusValues, null],
      nullable: true,
      description:
        "The readiness state to PATCH (seeds 001/002 list it as patchable although Graph's metadata marks it computed); sent only when declared.",
    },
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
  title: "referenceValue",
  description: "A reference code (a reference definition's `code` in the value's reference type, e.g. `RefRole` or `RefAcademicYear`).",
  properties: { code: { ...nonEmptyString, description: "The reference code." } },
  required: ["code"],
  additionalProperties: false,
} satisfies JSONSchemaType<ReferenceValueArgs>;

const userMatchingSetting = {
  type: "object",
  title: "userMatchingSetting",
  description: "How users of one role group in the source system are matched to existing Entra users.",
  properties: {
    roleGroupId: { ...nonEmptyString, description: 'The role group the setting applies to ("staff", "students", …); written as `roleGroup@odata.bind`.' },
    matchTarget: { ...referenceValue, nullable: true, description: "The Entra user attribute matched against (a reference code)." },
    priorityOrder: { type: "integer", minimum: 0, description: "The setting's priority among the role group's settings (0 first)." },
    sourceIdentifier: { ...referenceValue, nullable: true, description: "The source system's identifier matched (a reference code)." },
  },
  required: ["roleGroupId", "priorityOrder"],
  additionalProperties: false,
} satisfies JSONSchemaType<UserMatchingSettingArgs>;

/** SourceSystemDefinition. */
export const sourceSystemSchema = {
  type: "object",
  description:
    "A source system (Graph `sourceSystemDefinition`): where inbound data comes from (an SIS), and how its users match Entra users. Created with POST, or adopted with `sourceSystemId`. Graph permission: `IndustryData-SourceSystem.ReadWrite.All`. Id: its Graph id.",
  properties: {
    sourceSystemId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    displayName: { ...displayName, description: "The source system's name (1 to 100 characters)." },
    vendor: { type: "string", maxLength: maxNameLength, nullable: true, description: "The vendor of the source system." },
    userMatchingSettings: {
      type: "array",
      items: userMatchingSetting,
      nullable: true,
      description: "How users are matched, per role group (order-free).",
    },
  },
  required: ["displayName"],
  additionalProperties: false,
} satisfies JSONSchemaType<SourceSystemDefinitionProps>;

const connectorCommon = {
  dataConnectorId: adoptedIdSchema,
  deleteOnDestroy: deleteOnDestroySchema,
  displayName: { ...displayName, description: "The connector's name (1 to 100 characters)." },
  sourceSystemId: { ...nonEmptyString, description: "Id of the source system the connector reads from (`sourceSystem@odata.bind`)." },
} as const;

/** AzureDataLakeConnector. */
export const azureDataLakeConnectorSchema = {
  type: "object",
  description:
    "A data connector for CSV files uploaded to SDS's Azure Data Lake (Graph `azureDataLakeConnector`). Created with POST, or adopted with `dataConnectorId`. Graph permission: `IndustryData-DataConnector.ReadWrite.All`. Id: its Graph id.",
  properties: {
    ...connectorCommon,
    fileFormat: {
      type: "object",
      title: "fileFormatReferenceValue",
      description: "The CSV file format uploaded.",
      properties: { code: { type: "string", enum: fileFormatCodes, description: "The file format's code." } },
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
  title: "oAuthClientCredential",
  description: "The OAuth 2.0 client credential the connector signs in to the OneRoster API with.",
  properties: {
    displayName: { ...displayName, description: "The credential's name." },
    clientId: { ...nonEmptyString, description: "The OAuth client id." },
    clientSecret: {
      ...nonEmptyString,
      description: "The OAuth client secret (secret, write-only: Graph never returns it, so a change is detected from the declared value, kept hashed in state).",
    },
    tokenUrl: { type: "string", format: "https-url", nullable: true, description: "The OAuth token endpoint (https)." },
    scope: { type: "string", nullable: true, description: "The OAuth scope requested; only with a `tokenUrl` (an OAuth 2 credential: an OAuth 1 credential has no scope)." },
  },
  required: ["displayName", "clientId", "clientSecret"],
  additionalProperties: false,
} satisfies JSONSchemaType<OAuthClientCredentialArgs>;

/** OneRosterApiDataConnector. */
export const oneRosterApiDataConnectorSchema = {
  type: "object",
  description:
    "A data connector reading a OneRoster API (Graph `oneRosterApiDataConnector`). Created with POST, or adopted with `dataConnectorId`. Graph permission: `IndustryData-DataConnector.ReadWrite.All`. Id: its Graph id.",
  properties: {
    ...connectorCommon,
    apiFormat: { type: "string", enum: apiFormatValues, description: "The API's format (`oneRoster`)." },
    baseUrl: { type: "string", format: "https-url", description: "The OneRoster API's base URL (https)." },
    apiVersion: { ...nonEmptyString, description: "The OneRoster version, e.g. `1.1`." },
    isContactsEnabled: { type: "boolean", description: "Whether contacts are read." },
    isDemographicsEnabled: { type: "boolean", description: "Whether demographics are read." },
    isFlagsEnabled: { type: "boolean", description: "Whether flags are read." },
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
  description:
    "A school year (Graph `yearTimePeriodDefinition`) inbound flows import data for. Created with POST, or adopted with `yearId`. Graph permission: `IndustryData-TimePeriod.ReadWrite.All`. Id: its Graph id.",
  properties: {
    yearId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    displayName: { ...displayName, description: "The year's name, e.g. `2025-2026`." },
    startDate: { ...date, description: "First day of the year (YYYY-MM-DD)." },
    endDate: { ...date, description: "Last day of the year (YYYY-MM-DD)." },
    year: { ...referenceValue, description: "The year as a reference code (the code of a `RefAcademicYear` reference definition, e.g. `2025`)." },
  },
  required: ["displayName", "startDate", "endDate", "year"],
  additionalProperties: false,
} satisfies JSONSchemaType<YearTimePeriodDefinitionProps>;

/** InboundFileFlow and InboundApiFlow (the same arguments). */
export const inboundFlowSchema = {
  type: "object",
  description:
    "An inbound flow (Graph `inboundFileFlow` / `inboundApiFlow`): imports one data domain through a data connector for a year. Created with POST, or adopted with `inboundFlowId`. Graph permission: `IndustryData-InboundFlow.ReadWrite.All`. Id: its Graph id.",
  properties: {
    inboundFlowId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    dataConnectorId: { ...nonEmptyString, description: "Id of the data connector the flow reads through (`dataConnector@odata.bind`)." },
    yearId: { ...nonEmptyString, description: "Id of the year the flow imports (`year@odata.bind`)." },
    displayName: { ...displayName, description: "The flow's name (1 to 100 characters)." },
    dataDomain: { type: "string", enum: inboundDomainValues, description: "The data domain imported (`educationRostering`)." },
    effectiveDateTime: { ...dateTime, description: "When the flow starts running (UTC, ISO 8601)." },
    expirationDateTime: { ...dateTime, nullable: true, description: "When the flow stops running (UTC, ISO 8601); none when omitted." },
  },
  required: ["dataConnectorId", "yearId", "displayName", "dataDomain", "effectiveDateTime"],
  additionalProperties: false,
} satisfies JSONSchemaType<InboundFlowProps>;

/** ReferenceDefinition. */
export const referenceDefinitionSchema = {
  type: "object",
  description:
    "A tenant-defined reference code (Graph `referenceDefinition`), e.g. a grade level or an academic subject. Tenants may add codes to six reference types only: `RefAcademicSubject`, `RefRace`, `RefEthnicity`, `RefGradeLevel`, `RefOrgType`, `RefPersonFlagType`; Graph's other types (`RefRole`, `RefAcademicYear`, …) can be adopted, not extended. Created with POST, or adopted with `referenceDefinitionId`; destroying it disables it (Graph's DELETE is a soft delete). Graph permission: `IndustryData-ReferenceDefinition.ReadWrite.All`. Id: `<referenceType>-<code>`.",
  properties: {
    referenceDefinitionId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    referenceType: {
      ...nonEmptyString,
      description:
        "Graph's reference type: to create, one of `RefAcademicSubject`, `RefRace`, `RefEthnicity`, `RefGradeLevel`, `RefOrgType`, `RefPersonFlagType` (the types tenants may extend); an adopted definition may also be of a built-in type such as `RefRole` or `RefAcademicYear`. Changing this replaces the resource.",
    },
    code: { ...nonEmptyString, description: "The code. Changing this replaces the resource." },
    displayName: { type: "string", nullable: true, description: "The code's display name." },
    isDisabled: { type: "boolean", description: "Whether the code is disabled." },
    sortIndex: { type: "integer", description: "The code's position in lists." },
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

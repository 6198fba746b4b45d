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
  description: "Which organisations of the inbound data the set's flows provision: a basic filter on `orgExternalId` with the organisations' external ids in `in` (order-free). Omitted: unmanaged; null: all organisations.",
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
    "A School Data Sync outbound provisioning flow set (Graph `outboundProvisioningFlowSet`): the container of at most one user, class-group, security-group and administrative-unit flow, with an organisation filter. Use one set per group of schools that needs its own configuration. Created with POST, or adopted with `flowSetId`; updated with one PATCH holding only what differs (plus `displayName`, which Graph requires on every PATCH). Point flows at `set.flowSetId`: it is known in a preview whenever the set is adopted. Graph permission: `IndustryData-OutboundFlow.ReadWrite.All` (delegated: Graph documents application permissions as unsupported for updating a set). Id: the flow set id (a GUID), the `flowSetId` of its flows.",
  properties: {
    flowSetId: {
      ...nonEmptyString,
      nullable: true,
      description:
        "Adopt the existing flow set with this id instead of creating one: the provider reads it and PATCHes only what differs from these arguments (nothing, when they match what the tenant holds). Changing this replaces the resource.",
    },
    deleteOnDestroy: deleteOnDestroySchema,
    displayName: { ...nonEmptyString, description: "Name of the flow set shown in the School Data Sync portal (required by Graph on create and in every PATCH; at run time an adopted set may leave it undeclared, and then keeps the name it holds)." },
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
  description: "How new users are created: one configuration per role group (`roleGroupId` \"staff\", \"students\", …; order-free) with license SKUs and a default password. Each `defaultPasswordSettings.password` is write-only: Graph returns it masked, so a change is detected from the declared value (kept hashed in state). Unmanaged when omitted.",
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
  description: "Attribute and option choices for every user (required by Graph): `additionalAttributes` (order-free) and `additionalOptions` (`studentAgeGroup`, `allowStudentContactAssociation`; the deprecated `markAllStudentsAsMinors` is accepted with a warning). Sub-properties left out keep their value in the tenant.",
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
    "A School Data Sync user provisioning flow (Graph `userProvisioningFlow`) in an outbound flow set: which users are created and how they are managed. Created with POST, or adopted with `flowId`; updated with one PATCH holding only what differs from the declared arguments (undeclared properties are never sent). Graph permission: `IndustryData-OutboundFlow.ReadWrite.All` (delegated is the combination every Graph source supports). Id: `<setId>/<flowId>`.",
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
  description: "What class groups are provisioned (required by Graph): `additionalAttributes` (order-free), `additionalOptions` (`createTeam`, `writeDisplayNameOnCreateOnly`, both required) and `enrollmentMappings` (section-role codes such as \"teacher\" for owners and \"student\" for members; order- and case-free). Sub-properties left out keep their value in the tenant.",
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
    "A School Data Sync class-group provisioning flow (Graph `classGroupProvisioningFlow`) in an outbound flow set: how classes become Microsoft 365 groups (and optionally Teams). Created with POST, or adopted with `flowId`; updated with one PATCH holding only what differs from the declared arguments. Graph permission: `IndustryData-OutboundFlow.ReadWrite.All`. Id: `<setId>/<flowId>`.",
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
  description: "Which security groups are created (required by Graph): `createBasedOnRoleGroup` (one group per role group) and `createBasedOnOrgPlusRoleGroup` (one per organisation and role group), both required.",
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
    "A School Data Sync security-group provisioning flow (Graph `securityGroupProvisioningFlow`) in an outbound flow set. Created with POST, or adopted with `flowId`; updated with one PATCH holding only what differs. Graph permission: `IndustryData-OutboundFlow.ReadWrite.All`. Id: `<setId>/<flowId>`.",
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
  description: "Which administrative units are created (required by Graph): `createBasedOnOrg` (one per organisation) and `createBasedOnOrgPlusRoleGroup` (one per organisation and role group), both required.",
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
    "A School Data Sync administrative-unit provisioning flow (Graph `administrativeUnitProvisioningFlow`) in an outbound flow set. Created with POST, or adopted with `flowId`; updated with one PATCH holding only what differs. Graph permission: `IndustryData-OutboundFlow.ReadWrite.All`. Id: `<setId>/<flowId>`.",
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
    "Any existing provisioning flow (Graph's abstract `provisioningFlow`) adopted by id and managed through its base properties only (seed 002): useful to watch `readinessStatus` of a flow managed elsewhere, or to set it where the service allows. Never created; destroying it leaves the flow in the tenant unless `deleteOnDestroy`. Graph permission: `IndustryData-OutboundFlow.ReadWrite.All` (`IndustryData-OutboundFlow.Read.All` suffices when nothing is declared to change). Id: `<setId>/<flowId>`.",
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
        "The readiness state to PATCH. Graph's metadata marks `readinessStatus` computed (read-only) while the `Update provisioningFlow` page (seed 002) lists it as patchable: it is accepted here only, sent only when declared, and the service may refuse or recompute it. Unmanaged when omitted.",
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
    "A School Data Sync source system (Graph `sourceSystemDefinition`): where the roster data comes from, and how its users are matched to Microsoft Entra users. Data connectors point at it with `sourceSystemId`. Created with POST, or adopted with `sourceSystemId`; updated with one PATCH holding only what differs. Graph permission: `IndustryData-SourceSystem.ReadWrite.All`. Id: the source system id (a GUID).",
  properties: {
    sourceSystemId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    displayName: { ...displayName, description: "Name of the source system (required by Graph to create it; at most 100 characters)." },
    vendor: { type: "string", maxLength: maxNameLength, nullable: true, description: "The vendor of the source system (at most 100 characters; null clears it). Unmanaged when omitted." },
    userMatchingSettings: {
      type: "array",
      items: userMatchingSetting,
      nullable: true,
      description: "How a source user in a role group is matched to a Microsoft Entra user: one entry per rule, order-free, each with `roleGroupId` (\"staff\", \"students\", …; written as `roleGroup@odata.bind`), `priorityOrder`, `sourceIdentifier` and `matchTarget` codes (case-insensitive). Graph never returns `roleGroupId`: it is compared with the value last declared (kept in state), not with the tenant, so a role group changed in the portal is not seen as drift, and an adopted source system gets its settings sent once. Sent whole when any part differs. Unmanaged when omitted.",
    },
  },
  required: ["displayName"],
  additionalProperties: false,
} satisfies JSONSchemaType<SourceSystemDefinitionProps>;

const connectorCommon = {
  dataConnectorId: adoptedIdSchema,
  deleteOnDestroy: deleteOnDestroySchema,
  displayName: { ...displayName, description: "The connector's name (1 to 100 characters)." },
  sourceSystemId: { ...nonEmptyString, description: "Id of the source system the connector brings data for (written as `sourceSystem@odata.bind`). Graph cannot change it in place: changing this replaces the resource (and the inbound flows bound to it)." },
} as const;

/** AzureDataLakeConnector. */
export const azureDataLakeConnectorSchema = {
  type: "object",
  description:
    "A School Data Sync CSV upload connector (Graph `azureDataLakeConnector`): the roster arrives as SDS CSV files uploaded to the connector's upload session. Bound to a source system by `sourceSystemId`; inbound file flows point at it with `dataConnectorId`. Created with POST, or adopted with `dataConnectorId`; updated with one PATCH holding only what differs. Graph permission: `IndustryData-DataConnector.ReadWrite.All`. Id: the connector id (a GUID).",
  properties: {
    ...connectorCommon,
    fileFormat: {
      type: "object",
      title: "fileFormatReferenceValue",
      description: "The CSV format: `{ code: \"schoolDataSyncV2Rev1\" }` (SDS v2.1) or `{ code: \"schoolDataSyncV1\" }`. Treated as create-only (Graph documents no update of it): changing this replaces the resource. Unmanaged when omitted.",
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
  description: "The OAuth client credential the connector signs in to the OneRoster API with: OAuth 2 (`oAuth2ClientCredential`) when `tokenUrl` is given (https), else OAuth 1. `clientSecret` is write-only: Graph never returns it, so a change of the declared value (kept salted-hashed in state) is the change. Any change (a rotation, a new client id) resends the whole credential in one PATCH.",
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
    "A School Data Sync OneRoster API connector (Graph `oneRosterApiDataConnector`): the roster is read from a OneRoster REST API with an OAuth client credential. Bound to a source system by `sourceSystemId`; inbound API flows point at it with `dataConnectorId`. Created with POST, or adopted with `dataConnectorId`; updated with one PATCH holding only what differs. `credential.isValid` and `credential.lastValidDateTime` are Graph's (set by its validate action): outputs only, never drift. Graph permission: `IndustryData-DataConnector.ReadWrite.All`. Id: the connector id (a GUID).",
  properties: {
    ...connectorCommon,
    apiFormat: { type: "string", enum: apiFormatValues, description: "The API format: `\"oneRoster\"`." },
    baseUrl: { type: "string", format: "https-url", description: "The OneRoster base URL (https only), e.g. `https://sis.example.com/ims/oneroster/v1p1`." },
    apiVersion: { ...nonEmptyString, description: "The OneRoster API version, e.g. `\"1.1\"` or `\"1.2\"`." },
    isContactsEnabled: { type: "boolean", description: "Whether the optional contacts data is read." },
    isDemographicsEnabled: { type: "boolean", description: "Whether the optional demographics data is read." },
    isFlagsEnabled: { type: "boolean", description: "Whether the optional flags data is read." },
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
    "A School Data Sync academic year (Graph `yearTimePeriodDefinition`): the school year inbound data belongs to. Inbound flows point at it with `yearId`. Created with POST, or adopted with `yearId`; updated with one PATCH holding only what differs. At the year transition, declare the next year as a new resource and point the inbound flows at it (their `yearId` is create-only, so they are replaced). Graph permission: `IndustryData-TimePeriod.ReadWrite.All`. Id: the year id (a GUID).",
  properties: {
    yearId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    displayName: { ...displayName, description: "Name of the academic year, e.g. \"2025-26\" (required by Graph; at most 100 characters)." },
    startDate: { ...date, description: "First day of the year, `YYYY-MM-DD`; not after `endDate`." },
    endDate: { ...date, description: "Last day of the year, `YYYY-MM-DD`." },
    year: { ...referenceValue, description: "The RefAcademicYear code, e.g. `{ code: \"2025\" }`. Absent from Graph's update table: changing this replaces the resource (and the inbound flows bound to it)." },
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
    dataConnectorId: { ...nonEmptyString, description: "Id of the data connector the flow reads (written as `dataConnector@odata.bind`): a CSV connector for an `InboundFileFlow`, a OneRoster connector for an `InboundApiFlow`. Changing this replaces the resource." },
    yearId: { ...nonEmptyString, description: "Id of the academic year (written as `year@odata.bind`). Changing this replaces the resource." },
    displayName: { ...displayName, description: "Name of the flow (required by Graph; at most 100 characters)." },
    dataDomain: { type: "string", enum: inboundDomainValues, description: "The data domain: `\"educationRostering\"` (the only one Graph supports). Changing this replaces the resource." },
    effectiveDateTime: { ...dateTime, description: "Start of the window in which the flow may run (ISO 8601 with an offset; compared as an instant: Graph answers in UTC)." },
    expirationDateTime: { ...dateTime, nullable: true, description: "End of that window (not before `effectiveDateTime`), or null for none. Unmanaged when omitted." },
  },
  required: ["dataConnectorId", "yearId", "displayName", "dataDomain", "effectiveDateTime"],
  additionalProperties: false,
} satisfies JSONSchemaType<InboundFlowProps>;

/** ReferenceDefinition. */
export const referenceDefinitionSchema = {
  type: "object",
  description:
    "A tenant-defined School Data Sync reference code (Graph `referenceDefinition`), such as an extra grade level. Created with POST, or adopted with `referenceDefinitionId`; updated with one PATCH holding only what differs. Destroy: Graph never removes a reference definition (historical data may point at its code): its DELETE disables it. So destroying this resource leaves the code in the tenant with `isDisabled: true`, which is what removing a code can mean in School Data Sync. Declaring the same code again later revives that definition (one GET, then a PATCH of what differs) instead of failing on the duplicate; a code that exists and is enabled is someone else's and must be adopted with `referenceDefinitionId`. A definition disabled out of band (in the portal, or by a DELETE) is drift: the next `up` enables it again. Graph permission: `IndustryData-ReferenceDefinition.ReadWrite.All`. Id: `<referenceType>-<code>` (Graph's id).",
  properties: {
    referenceDefinitionId: adoptedIdSchema,
    deleteOnDestroy: deleteOnDestroySchema,
    referenceType: {
      ...nonEmptyString,
      description:
        "Graph's reference type: to create, one of `RefAcademicSubject`, `RefRace`, `RefEthnicity`, `RefGradeLevel`, `RefOrgType`, `RefPersonFlagType` (the types tenants may extend); an adopted definition may also be of a built-in type such as `RefRole` or `RefAcademicYear`. Part of the id: changing this replaces the resource.",
    },
    code: { ...nonEmptyString, description: "The code, unique within its type. Part of the id: changing this replaces the resource." },
    displayName: { type: "string", nullable: true, description: "Human-readable name of the code. Unmanaged when omitted." },
    isDisabled: { type: "boolean", description: "Whether the code is disabled (required by Graph)." },
    sortIndex: { type: "integer", description: "Sort position among the codes of its type, unique within the type (required by Graph)." },
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

/**
 * The create-form schema of each kind. Its keys are the resource kinds (ResourceKind): a kind is named here first,
 * with its schema, and every per-kind table (the descriptors above all) is typed by them.
 */
export const jsonSchemas = {
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
} satisfies Record<string, object>;

/** The resource kinds the provider manages. */
export type ResourceKind = keyof typeof jsonSchemas;

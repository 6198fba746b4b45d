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
  filterOptionsValues,
  readinessStatusValues,
  studentAgeGroupValues,
} from "./enums";
import type { ResourceKind } from "./descriptors";
import type {
  AdditionalClassGroupOptionsArgs,
  AdditionalUserOptionsArgs,
  AdministrativeUnitProvisioningFlowProps,
  AdminUnitCreationOptionsArgs,
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

/** The nested schemas, exported so test/unit/typeLevel can pin their `required` lists to the types. */
export const componentSchemas = {
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
};

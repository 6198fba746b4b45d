/** provider/schema: one descriptor per Graph type, the argument types, their JSON schemas and validation. Pure. */
export * from "./enums";
export type {
  BasicFilterArgs,
  FlowSetProps,
  FlowSetCommonProps,
  FlowCommonProps,
  SimplePasswordSettingsArgs,
  UserConfigurationArgs,
  UserCreationOptionsArgs,
  AdditionalUserOptionsArgs,
  UserManagementOptionsArgs,
  UserProvisioningFlowProps,
  AdditionalClassGroupOptionsArgs,
  SectionRoleReferenceValueArgs,
  EnrollmentMappingsArgs,
  ClassGroupConfigurationArgs,
  ClassGroupProvisioningFlowProps,
  SecurityGroupCreationOptionsArgs,
  SecurityGroupProvisioningFlowProps,
  AdminUnitCreationOptionsArgs,
  AdministrativeUnitProvisioningFlowProps,
  ProvisioningFlowProps,
  EntityCommonProps,
  ReferenceValueArgs,
  UserMatchingSettingArgs,
  SourceSystemDefinitionProps,
  DataConnectorCommonProps,
  AzureDataLakeConnectorProps,
  OAuthClientCredentialArgs,
  OneRosterApiDataConnectorProps,
  YearTimePeriodDefinitionProps,
  InboundFlowProps,
  ReferenceDefinitionProps,
} from "./types";
export { computedOutputNames, descriptors, descriptorForOdataType, outputNames, resourceKinds } from "./descriptors";
export type { CreatableValues, Deprecation, EntityBinding, LiftedSecret, NavigationBinding, OdataTypeChoice, OrderedPair, ProviderKey, ResourceKind, TypeDescriptor } from "./descriptors";
export {
  flowSetsPath,
  flowSetPath,
  flowsPath,
  flowPath,
  fillPathTemplate,
  roleGroupsPath,
  roleGroupBindUrl,
  roleGroupIdFromBindUrl,
  industryDataPath,
  sourceSystemsPath,
  dataConnectorsPath,
  yearsPath,
  inboundFlowsPath,
  referenceDefinitionsPath,
  entityPath,
  bindUrl,
  idFromBindUrl,
  referenceDefinitionId,
} from "./paths";
export { entityCollectionPath, entityListPath, entityReadPath } from "./entityPaths";
export { idSegment, idSegmentProblem, maxIdLength } from "./idSegment";
export { jsonSchemas } from "./jsonSchemas";
export { adoptFormSchema, validateInputs } from "./validateInputs";
export type { InputFailure, ValidationResult } from "./validateInputs";
export { pulumiUnknownValue, fillOdataTypes } from "./validateInputs";
export { patternOf, childPath, elementPath, forEachAt, fromJsonPointer, isPlainObject, valuesAt } from "./jsonPath";

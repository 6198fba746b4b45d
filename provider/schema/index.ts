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
} from "./types";
export { descriptors, descriptorForOdataType, resourceKinds } from "./descriptors";
export type { NavigationBinding, ResourceKind, TypeDescriptor } from "./descriptors";
export { flowSetsPath, flowSetPath, flowsPath, flowPath, fillPathTemplate, roleGroupsPath, roleGroupBindUrl, roleGroupIdFromBindUrl } from "./paths";
export { idSegment, idSegmentProblem, maxIdLength } from "./idSegment";
export { jsonSchemas } from "./jsonSchemas";
export { adoptFormSchema, validateInputs } from "./validateInputs";
export type { InputFailure, ValidationResult } from "./validateInputs";
export { pulumiUnknownValue, fillOdataTypes } from "./validateInputs";
export { patternOf, childPath, elementPath, forEachAt, fromJsonPointer, isPlainObject, valuesAt } from "./jsonPath";

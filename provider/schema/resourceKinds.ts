/**
 * The resource kinds and their dynamic-provider keys: names only, in a module of their own so that the schemas
 * (jsonSchemas.ts) and the descriptors (which read the schemas) both take them without importing each other.
 */

/** All resource kinds, in a stable order. */
export const resourceKinds = [
  "flowSet",
  "user",
  "classGroup",
  "securityGroup",
  "administrativeUnit",
  "provisioningFlow",
  "sourceSystem",
  "azureDataLakeConnector",
  "oneRosterApiDataConnector",
  "year",
  "inboundFileFlow",
  "inboundApiFlow",
  "referenceDefinition",
] as const;

/** The resource kinds the provider manages. */
export type ResourceKind = (typeof resourceKinds)[number];

/**
 * The key of a kind's dynamic provider: `providers.<key>` of `pulumi-industrydata/runtime`, and the file name of
 * its serialized provider (`dist/provider/resources/shims/<key>.js`), which is stored in users' state: never
 * rename one.
 */
export type ProviderKey =
  | "flowSet"
  | "userProvisioningFlow"
  | "classGroupProvisioningFlow"
  | "securityGroupProvisioningFlow"
  | "administrativeUnitProvisioningFlow"
  | "provisioningFlow"
  | "sourceSystemDefinition"
  | "azureDataLakeConnector"
  | "oneRosterApiDataConnector"
  | "yearTimePeriodDefinition"
  | "inboundFileFlow"
  | "inboundApiFlow"
  | "referenceDefinition";

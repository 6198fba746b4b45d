/**
 * One descriptor per Graph type: the single place that states how the generic reconcile engine treats each
 * resource kind (paths, @odata.type, replace-on-change, write-only, read-only, set-like collections, …).
 *
 * Path notation: dotted property names, `[]` for "each element of a collection", e.g.
 * `creationOptions.configurations[].defaultPasswordSettings.password`.
 */
import { flowSetsPath } from "./paths";

/** The resource kinds the provider manages. */
export type ResourceKind = "flowSet" | "user" | "classGroup" | "securityGroup" | "administrativeUnit" | "provisioningFlow";

/** All resource kinds, in a stable order. */
export const resourceKinds: readonly ResourceKind[] = [
  "flowSet",
  "user",
  "classGroup",
  "securityGroup",
  "administrativeUnit",
  "provisioningFlow",
];

/** How the reconcile engine treats one Graph type. */
export interface TypeDescriptor {
  kind: ResourceKind;
  /** Graph type name, e.g. "userProvisioningFlow". */
  graphType: string;
  /** The `@odata.type` written on POST/PATCH, e.g. "#microsoft.graph.industryData.userProvisioningFlow". */
  odataType: string;
  /** The resource class name, e.g. "UserProvisioningFlow". */
  resourceName: string;
  /** Graph path of one entity (relative to the endpoint), with `{flowSetId}`/`{flowId}` placeholders; see paths.ts. */
  pathTemplate: string;
  /** True for the flows (children of a flow set); false for the flow set itself. */
  isFlow: boolean;
  /** True when Graph's type is abstract (the base provisioningFlow): it cannot be created, only adopted. */
  abstract: boolean;
  /** Graph properties a user may declare (top level; provider fields such as flowSetId excluded). */
  properties: string[];
  /** Provider-only arguments (never sent to Graph). */
  providerFields: string[];
  /**
   * The provider field naming an existing entity to adopt instead of creating one (`flowId` on flows,
   * `flowSetId` on the set): adopt = GET, then PATCH only what differs. Changing it replaces the resource.
   */
  adoptArgument: string;
  /**
   * Every argument (a descriptor path) whose value becomes a URL segment or a bind target: the parent and
   * adopted ids, bindings' ids. Each must pass the one id rule (idSegment.ts); declaring it here is all a kind
   * needs for `check` to enforce it with the property path.
   */
  idArguments: string[];
  /** Top-level properties Graph requires in every PATCH body (DOCS "Required" in the update tables). */
  requiredOnPatch: string[];
  /** Server-computed properties: outputs only, never compared, never sent. */
  readOnly: string[];
  /** Arguments whose change replaces the resource; "@odata.type" stands for the flow kind. */
  replaceOnChange: string[];
  /** Collections compared without order. */
  setLike: string[];
  /** Collections whose elements are matched by a key (declared form) rather than by position. */
  keyedCollections: Record<string, string>;
  /** Values compared case-insensitively (enums and reference codes). */
  caseInsensitive: string[];
  /** Write-only values: read back masked, never compared with what Graph returns. */
  writeOnly: string[];
  /** Nested values that carry an explicit `@odata.type` in request bodies (abstract-typed parts, and as the seeds do). */
  odataTypes: Record<string, string>;
  /**
   * Navigation properties declared by id: at each path (an element pattern), the argument `argument` holds
   * the id that is written as `<navigation>@odata.bind` and read back as an expanded `<navigation>` object.
   */
  bindings: Record<string, NavigationBinding>;
}

/** A navigation property on a complex value, declared by id (DESIGN exception: roleGroupId). */
export interface NavigationBinding {
  /** The declared argument holding the id, e.g. "roleGroupId". */
  argument: string;
  /** The Graph navigation property, e.g. "roleGroup". */
  navigation: string;
}

const ns = "#microsoft.graph.industryData.";
const flowPathTemplate = `${flowSetsPath}/{flowSetId}/provisioningFlows/{flowId}`;
const flowReadOnly = ["id", "createdDateTime", "lastModifiedDateTime", "readinessStatus"];
const flowProviderFields = ["flowSetId", "flowId", "deleteOnDestroy"];
const flowReplaceOnChange = ["flowSetId", "flowId", "@odata.type"];

/** What one flow kind states for itself; everything else is what every flow shares (see flowDescriptor). */
type FlowSpecifics = Pick<TypeDescriptor, "kind" | "graphType" | "resourceName" | "properties" | "requiredOnPatch"> &
  Partial<TypeDescriptor>;

/**
 * A flow kind's descriptor: a child of a flow set at the flow path, adopted by flowId, replaced when its set or
 * kind changes, with the flows' read-only properties and its `@odata.type` from its Graph type; `specifics`
 * (its properties and their rules) on top.
 */
function flowDescriptor(specifics: FlowSpecifics): TypeDescriptor {
  return {
    odataType: `${ns}${specifics.graphType}`,
    pathTemplate: flowPathTemplate,
    isFlow: true,
    abstract: false,
    providerFields: flowProviderFields,
    adoptArgument: "flowId",
    idArguments: ["flowSetId", "flowId"],
    readOnly: flowReadOnly,
    replaceOnChange: flowReplaceOnChange,
    setLike: [],
    keyedCollections: {},
    caseInsensitive: [],
    writeOnly: [],
    odataTypes: {},
    bindings: {},
    ...specifics,
  };
}

/** The descriptor of every resource kind. */
export const descriptors: Record<ResourceKind, TypeDescriptor> = {
  flowSet: {
    kind: "flowSet",
    graphType: "outboundProvisioningFlowSet",
    odataType: `${ns}outboundProvisioningFlowSet`,
    resourceName: "OutboundProvisioningFlowSet",
    pathTemplate: `${flowSetsPath}/{flowSetId}`,
    isFlow: false,
    abstract: false,
    properties: ["displayName", "filter"],
    providerFields: ["flowSetId", "deleteOnDestroy"],
    adoptArgument: "flowSetId",
    idArguments: ["flowSetId"],
    // DOCS "Required" on update: an adopted set that leaves displayName undeclared sends the name it holds.
    requiredOnPatch: ["displayName"],
    readOnly: ["id", "createdDateTime", "lastModifiedDateTime"],
    replaceOnChange: ["flowSetId"],
    setLike: ["filter.in"],
    keyedCollections: {},
    caseInsensitive: ["filter.attribute"],
    writeOnly: [],
    // filter is abstract-typed: Graph needs the concrete type.
    odataTypes: { filter: `${ns}basicFilter` },
    bindings: {},
  },
  user: flowDescriptor({
    kind: "user",
    graphType: "userProvisioningFlow",
    resourceName: "UserProvisioningFlow",
    properties: ["createUnmatchedUsers", "creationOptions", "managementOptions"],
    requiredOnPatch: ["managementOptions"],
    setLike: [
      "managementOptions.additionalAttributes",
      "creationOptions.configurations",
      "creationOptions.configurations[].licenseSkus",
    ],
    keyedCollections: { "creationOptions.configurations": "roleGroupId" },
    idArguments: ["flowSetId", "flowId", "creationOptions.configurations[].roleGroupId"],
    caseInsensitive: [
      "managementOptions.additionalAttributes[]",
      "managementOptions.additionalOptions.studentAgeGroup",
      "creationOptions.configurations[].roleGroupId",
    ],
    writeOnly: ["creationOptions.configurations[].defaultPasswordSettings.password"],
    // defaultPasswordSettings is abstract-typed (passwordSettings): Graph needs the concrete type.
    odataTypes: { "creationOptions.configurations[].defaultPasswordSettings": `${ns}simplePasswordSettings` },
    // roleGroup is a navigation on a complex type: written as roleGroup@odata.bind, read back auto-expanded.
    bindings: { "creationOptions.configurations[]": { argument: "roleGroupId", navigation: "roleGroup" } },
  }),
  classGroup: flowDescriptor({
    kind: "classGroup",
    graphType: "classGroupProvisioningFlow",
    resourceName: "ClassGroupProvisioningFlow",
    properties: ["configuration"],
    requiredOnPatch: ["configuration"],
    setLike: [
      "configuration.additionalAttributes",
      "configuration.enrollmentMappings.ownerEnrollmentMappings",
      "configuration.enrollmentMappings.memberEnrollmentMappings",
    ],
    caseInsensitive: [
      "configuration.additionalAttributes[]",
      "configuration.enrollmentMappings.ownerEnrollmentMappings[].code",
      "configuration.enrollmentMappings.memberEnrollmentMappings[].code",
    ],
    // Mapping items are referenceValue subtypes (abstract base); the other three carry a type as seed 004 does.
    odataTypes: {
      configuration: `${ns}classGroupConfiguration`,
      "configuration.additionalOptions": `${ns}additionalClassGroupOptions`,
      "configuration.enrollmentMappings": `${ns}enrollmentMappings`,
      "configuration.enrollmentMappings.ownerEnrollmentMappings[]": `${ns}sectionRoleReferenceValue`,
      "configuration.enrollmentMappings.memberEnrollmentMappings[]": `${ns}sectionRoleReferenceValue`,
    },
  }),
  securityGroup: flowDescriptor({
    kind: "securityGroup",
    graphType: "securityGroupProvisioningFlow",
    resourceName: "SecurityGroupProvisioningFlow",
    properties: ["creationOptions"],
    requiredOnPatch: ["creationOptions"],
  }),
  administrativeUnit: flowDescriptor({
    kind: "administrativeUnit",
    graphType: "administrativeUnitProvisioningFlow",
    resourceName: "AdministrativeUnitProvisioningFlow",
    properties: ["creationOptions"],
    requiredOnPatch: ["creationOptions"],
  }),
  provisioningFlow: flowDescriptor({
    kind: "provisioningFlow",
    graphType: "provisioningFlow",
    resourceName: "ProvisioningFlow",
    abstract: true,
    // Conflict: the CSDL marks readinessStatus Computed (read-only), but seeds 001/002 (draft "Update" pages)
    // list it as patchable. The reference wins everywhere else; on this base kind alone it may be declared,
    // and is sent only when declared, so the seeds stay expressible.
    properties: ["readinessStatus"],
    requiredOnPatch: [],
    readOnly: ["id", "createdDateTime", "lastModifiedDateTime"],
    caseInsensitive: ["readinessStatus"],
  }),
};

const byOdataType = new Map<string, TypeDescriptor>(
  Object.values(descriptors).map((d) => [d.odataType.toLowerCase(), d] as const),
);

/**
 * The descriptor of a Graph `@odata.type` ("#microsoft.graph.industryData.userProvisioningFlow"; the
 * leading "#" and the case are optional), or undefined for a type this provider does not manage.
 */
export function descriptorForOdataType(odataType: string): TypeDescriptor | undefined {
  const key = (odataType.startsWith("#") ? odataType : `#${odataType}`).toLowerCase();
  return byOdataType.get(key);
}

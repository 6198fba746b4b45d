/**
 * One descriptor per Graph type: the single place that states how the generic reconcile engine treats each
 * resource kind (paths, @odata.type, replace-on-change, write-only, read-only, set-like collections, …).
 *
 * Path notation: dotted property names, `[]` for "each element of a collection", e.g.
 * `creationOptions.configurations[].defaultPasswordSettings.password`.
 */
import { builtInReferenceTypes, extensibleReferenceTypes } from "./enums";
import { jsonSchemas } from "./jsonSchemas";
import {
  dataConnectorsPath,
  flowSetsPath,
  inboundFlowsPath,
  referenceDefinitionsPath,
  sourceSystemsPath,
  yearsPath,
} from "./paths";

import type { ResourceKind } from "./jsonSchemas";

export type { ResourceKind } from "./jsonSchemas";

/** All resource kinds, in a stable order: the order of the schemas (flow set, flows, then the inbound side). */
export const resourceKinds = Object.keys(jsonSchemas) as readonly ResourceKind[];

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

/** How the reconcile engine treats one Graph type. */
export interface TypeDescriptor {
  kind: ResourceKind;
  /** Graph type name, e.g. "userProvisioningFlow". */
  graphType: string;
  /** The dynamic front end's key of the kind (see ProviderKey), e.g. "userProvisioningFlow". */
  providerKey: ProviderKey;
  /** The `@odata.type` written on POST/PATCH, e.g. "#microsoft.graph.industryData.userProvisioningFlow". */
  odataType: string;
  /** The resource class name, e.g. "UserProvisioningFlow". */
  resourceName: string;
  /** Graph path of one entity (relative to the endpoint), with `{flowSetId}`/`{flowId}`/… placeholders; see paths.ts. */
  pathTemplate: string;
  /** What the entity is called in messages ("flow set", "data connector", …). */
  noun: string;
  /** True for the flows (children of a flow set); false for the flow set and the top-level inbound entities. */
  isFlow: boolean;
  /**
   * Which half of industryData the kind belongs to: `outbound` (the provisioning flow set and its flows, read set
   * by set, their parent and ids among the outputs always present) or `inbound` (the top-level entities the
   * flows depend on, one collection each: source systems, connectors, years, inbound flows, reference codes).
   */
  side: "outbound" | "inbound";
  /** What `industrydata export` appends to a resource name of this kind (`<district>-users`, `<district>-year`). */
  programNameSuffix: string;
  /**
   * The collection holds several Graph types (flows, data connectors, inbound flows): the concrete
   * `@odata.type` is kept in the outputs (`odataType`), an adopted entity must be of this kind, and a
   * change of kind replaces the resource.
   */
  polymorphic: boolean;
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
  /** Arguments an adopting resource must still declare (a flow's parent set); everything else may be left out. */
  adoptRequires: string[];
  /**
   * Every argument (a descriptor path) whose value becomes a URL segment or a bind target: the parent and
   * adopted ids, bindings' ids. Each must pass the one id rule (idSegment.ts); declaring it here is all a kind
   * needs for `check` to enforce it with the property path.
   */
  idArguments: string[];
  /** Top-level properties Graph requires in every PATCH body (DOCS "Required" in the update tables). */
  requiredOnPatch: string[];
  /**
   * Server-computed properties: outputs only, never compared, never sent. Nested paths (a credential's
   * `isValid`) are dropped from PATCH bodies built over the last-read value.
   */
  readOnly: string[];
  /** Arguments whose change replaces the resource; "@odata.type" stands for the flow kind. */
  replaceOnChange: string[];
  /** Collections compared without order. */
  setLike: string[];
  /** Collections whose elements are matched by a key (declared form) rather than by position. */
  keyedCollections: Record<string, string>;
  /** Values compared case-insensitively (enums and reference codes). */
  caseInsensitive: string[];
  /**
   * Write-only secrets: read back masked (a password) or not at all (a client secret), never compared with what
   * Graph returns; the outputs keep a salted hash of the value last sent, and a different declared value is a change.
   */
  writeOnly: string[];
  /**
   * How a front end that can only make a whole top-level input secret (the dynamic resources: Pulumi encrypts
   * and masks per top-level property) carries each write-only value: lifted out of its property into its own
   * secret input, so the property around it stays plain and diffable in plans. One entry per `writeOnly` path.
   */
  liftedSecrets: Record<string, LiftedSecret>;
  /**
   * Values Graph never returns that are not secret (a user-matching setting's roleGroupId): compared with the
   * value last declared, kept in the outputs (`lastDeclared`), never with the tenant.
   */
  unreadable: string[];
  /** Date-time values compared as instants (Graph normalizes the offset to UTC: `+05:30` comes back as `Z`). */
  instants: string[];
  /**
   * Nested values that carry an explicit `@odata.type` in request bodies (abstract-typed parts, and as the seeds
   * do): a fixed type, or a choice by the presence of a property (a credential is OAuth 2 when it has a tokenUrl).
   */
  odataTypes: Record<string, string | OdataTypeChoice>;
  /**
   * Navigation properties declared by id: at each path (an element pattern), the argument `argument` holds
   * the id that is written as `<navigation>@odata.bind` and read back as an expanded `<navigation>` object.
   */
  bindings: Record<string, NavigationBinding>;
  /**
   * Single-valued navigations of the entity itself declared by id (a connector's `sourceSystemId`): written as
   * `<navigation>@odata.bind` on create, read back with `$expand=<navigation>` in the same GET (so a binding
   * changed out of band shows on refresh without another request). Graph cannot change them in place: each
   * argument is also in `replaceOnChange`.
   */
  entityBindings: EntityBinding[];
  /** Pairs of values that must be in order (validation; dates as days, date-times as instants). */
  orderedPairs: OrderedPair[];
  /**
   * Graph's DELETE only disables the entity (reference definitions): the flag it sets. A create that finds the
   * entity disabled (an earlier destroy) revives it with a PATCH instead of failing on the duplicate.
   */
  softDelete?: { flag: string };
  /** The properties Graph forms the entity id from, joined with "-" (`<referenceType>-<code>`). */
  naturalId?: string[];
  /**
   * What names an entity among its siblings (same kind, same parent collection), so a create can first look for
   * the entity an earlier create made (an interrupted `pulumi up`: Graph takes no idempotency key) and refuse to
   * make a second. The declared properties compared (a flow set's displayName), or `[]` when the kind alone names
   * it (a set holds at most one flow of each kind). Absent when Graph's id is the natural key (naturalId).
   */
  naturalKey?: string[];
  /**
   * Properties Graph has deprecated: accepted with a warning naming what replaces them (check), and never
   * exported or imported (declaring one only earns that warning on every run).
   */
  deprecated?: Deprecation[];
  /**
   * The collection also lists entities the tenant did not define (Graph's built-in reference codes: hundreds,
   * the same in every tenant, never deletable), which are not configuration: only those whose `property` is
   * `tenantValue` (compared case-insensitively) are the tenant's, to export or to call orphans.
   */
  builtIns?: { property: string; tenantValue: string };
  /** Values a property may take on create, and more on adoption (validation; see CreatableValues). */
  creatableValues?: CreatableValues;
}

/** A deprecated property and what replaces it. */
export interface Deprecation {
  /** Its path, e.g. "managementOptions.additionalOptions.markAllStudentsAsMinors". */
  path: string;
  /** Why, e.g. "Graph stops honouring and returning it after 2025-10-15". */
  reason: string;
  /** The path of the property that replaces it. */
  replacement: string;
  /** The values the replacement takes, as the warning shows them. */
  replacementValues: string;
}

/** A navigation of the entity itself, declared by the id of its target. */
export interface EntityBinding {
  /** The declared argument holding the id, e.g. "sourceSystemId". */
  argument: string;
  /** The Graph navigation property, e.g. "sourceSystem". */
  navigation: string;
  /** The collection of the target, the base of the bind URL, e.g. "/external/industryData/sourceSystems". */
  targetCollection: string;
}

/** Two values where `earlier` must not come after `later`. */
export interface OrderedPair {
  earlier: string;
  later: string;
}

/** An `@odata.type` chosen by whether the value holds `property` (non-null). */
export interface OdataTypeChoice {
  property: string;
  whenPresent: string;
  otherwise: string;
  /**
   * Properties only the `whenPresent` type has (an OAuth 1 credential has no scope): declared (non-null) on a
   * value without `property`, each fails check with `reason`.
   */
  onlyWhenPresent?: { properties: string[]; reason: string };
}

/**
 * A property whose values Graph limits by what is done with the entity (a reference definition's type): created
 * only with one of `creatable`, adopted also with one of `adoptable` (Graph's built-in types).
 */
export interface CreatableValues {
  property: string;
  creatable: readonly string[];
  adoptable: readonly string[];
}

/** Where a write-only value is carried as its own secret input (see `TypeDescriptor.liftedSecrets`). */
export interface LiftedSecret {
  /** Name of the secret input, e.g. "defaultPasswords"; never a Graph property. */
  input: string;
  /**
   * For a value inside a collection (a `[]` in its path): the property of the innermost collection element
   * whose value keys the lifted map (e.g. "roleGroupId": `{ students: <password> }`), so a plan names which
   * element's secret changed. Absent for a single value (the input holds the value itself).
   */
  keyedBy?: string;
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
type FlowSpecifics = Pick<TypeDescriptor, "kind" | "programNameSuffix" | "graphType" | "providerKey" | "resourceName" | "properties" | "requiredOnPatch"> &
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
    noun: "flow",
    isFlow: true,
    side: "outbound",
    polymorphic: true,
    abstract: false,
    providerFields: flowProviderFields,
    adoptArgument: "flowId",
    adoptRequires: specifics.abstract === true ? ["flowSetId", "flowId"] : ["flowSetId"],
    idArguments: ["flowSetId", "flowId"],
    // Quirk (one flow per kind): the set holds at most one flow of each kind, so the kind alone names it.
    naturalKey: [],
    readOnly: flowReadOnly,
    replaceOnChange: flowReplaceOnChange,
    setLike: [],
    keyedCollections: {},
    caseInsensitive: [],
    writeOnly: [],
    unreadable: [],
    instants: [],
    liftedSecrets: {},
    odataTypes: {},
    bindings: {},
    entityBindings: [],
    orderedPairs: [],
    ...specifics,
  };
}

/** What a top-level inbound entity states for itself (see entityDescriptor). */
type EntitySpecifics = Pick<TypeDescriptor, "kind" | "programNameSuffix" | "graphType" | "providerKey" | "resourceName" | "adoptArgument" | "noun"> &
  Partial<TypeDescriptor> & { collection: string };

/**
 * A top-level industryData entity (source system, connector, year, inbound flow, reference definition): its
 * Pulumi id is its Graph id, adopted by `adoptArgument`, replaced when that changes; its entity bindings are
 * provider fields, not Graph properties (they are written as `@odata.bind`).
 */
function entityDescriptor({ collection, ...specifics }: EntitySpecifics): TypeDescriptor {
  const bindingArguments = (specifics.entityBindings ?? []).map((b) => b.argument);
  const providerFields = [specifics.adoptArgument, "deleteOnDestroy", ...bindingArguments];
  return {
    odataType: `${ns}${specifics.graphType}`,
    pathTemplate: `${collection}/{${specifics.adoptArgument}}`,
    isFlow: false,
    side: "inbound",
    polymorphic: false,
    abstract: false,
    providerFields,
    properties: schemaProperties(specifics.kind, providerFields),
    adoptRequires: [],
    // The adopted id and every bound id become URL segments or bind targets.
    idArguments: [specifics.adoptArgument, ...bindingArguments],
    requiredOnPatch: [],
    readOnly: ["id"],
    replaceOnChange: [specifics.adoptArgument],
    setLike: [],
    keyedCollections: {},
    caseInsensitive: [],
    writeOnly: [],
    liftedSecrets: {},
    unreadable: [],
    instants: [],
    odataTypes: {},
    bindings: {},
    entityBindings: [],
    orderedPairs: [],
    // Graph assigns ids: a second entity with the same name beside the first is what a repeated POST makes.
    ...(specifics.naturalId === undefined ? { naturalKey: ["displayName"] } : {}),
    ...specifics,
  };
}

/**
 * The Graph properties of a kind as its JSON schema (jsonSchemas.ts) declares them: every top-level property but
 * the provider fields, in the schema's order. A descriptor that leaves `properties` out takes these.
 */
function schemaProperties(kind: ResourceKind, providerFields: readonly string[]): string[] {
  const schema = jsonSchemas[kind] as { properties: Record<string, unknown> };
  return Object.keys(schema.properties).filter((name) => !providerFields.includes(name));
}

/** An inbound flow kind: both kinds share every property and rule; only the `@odata.type` differs. */
function inboundFlowDescriptor(specifics: Pick<TypeDescriptor, "kind" | "programNameSuffix" | "graphType" | "providerKey" | "resourceName">): TypeDescriptor {
  return entityDescriptor({
    ...specifics,
    collection: inboundFlowsPath,
    adoptArgument: "inboundFlowId",
    noun: "inbound flow",
    polymorphic: true,
    properties: ["displayName", "dataDomain", "effectiveDateTime", "expirationDateTime"],
    readOnly: ["id", "readinessStatus"],
    // dataDomain and both bindings are absent from Graph's update tables: create-only.
    replaceOnChange: ["inboundFlowId", "@odata.type", "dataConnectorId", "yearId", "dataDomain"],
    caseInsensitive: ["dataDomain"],
    instants: ["effectiveDateTime", "expirationDateTime"],
    entityBindings: [
      { argument: "dataConnectorId", navigation: "dataConnector", targetCollection: dataConnectorsPath },
      { argument: "yearId", navigation: "year", targetCollection: yearsPath },
    ],
    orderedPairs: [{ earlier: "effectiveDateTime", later: "expirationDateTime" }],
  });
}

/** The descriptor of every resource kind. */
export const descriptors: Record<ResourceKind, TypeDescriptor> = {
  flowSet: {
    kind: "flowSet",
    programNameSuffix: "set",
    providerKey: "flowSet",
    graphType: "outboundProvisioningFlowSet",
    odataType: `${ns}outboundProvisioningFlowSet`,
    resourceName: "OutboundProvisioningFlowSet",
    pathTemplate: `${flowSetsPath}/{flowSetId}`,
    noun: "flow set",
    isFlow: false,
    side: "outbound",
    polymorphic: false,
    abstract: false,
    properties: ["displayName", "filter"],
    providerFields: ["flowSetId", "deleteOnDestroy"],
    adoptArgument: "flowSetId",
    adoptRequires: [],
    idArguments: ["flowSetId"],
    // DOCS "Required" on update: an adopted set that leaves displayName undeclared sends the name it holds.
    requiredOnPatch: ["displayName"],
    readOnly: ["id", "createdDateTime", "lastModifiedDateTime"],
    replaceOnChange: ["flowSetId"],
    setLike: ["filter.in"],
    keyedCollections: {},
    caseInsensitive: ["filter.attribute"],
    writeOnly: [],
    unreadable: [],
    instants: [],
    liftedSecrets: {},
    // filter is abstract-typed: Graph needs the concrete type.
    odataTypes: { filter: `${ns}basicFilter` },
    naturalKey: ["displayName"],
    bindings: {},
    entityBindings: [],
    orderedPairs: [],
  },
  user: flowDescriptor({
    kind: "user",
    programNameSuffix: "users",
    providerKey: "userProvisioningFlow",
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
    // Keyed by role group: a rotation shows as `defaultPasswords.students` changing, never the value.
    liftedSecrets: {
      "creationOptions.configurations[].defaultPasswordSettings.password": { input: "defaultPasswords", keyedBy: "roleGroupId" },
    },
    // defaultPasswordSettings is abstract-typed (passwordSettings): Graph needs the concrete type.
    odataTypes: { "creationOptions.configurations[].defaultPasswordSettings": `${ns}simplePasswordSettings` },
    // roleGroup is a navigation on a complex type: written as roleGroup@odata.bind, read back auto-expanded.
    bindings: { "creationOptions.configurations[]": { argument: "roleGroupId", navigation: "roleGroup" } },
    deprecated: [
      {
        path: "managementOptions.additionalOptions.markAllStudentsAsMinors",
        reason: "Graph stops honouring and returning it after 2025-10-15",
        replacement: "managementOptions.additionalOptions.studentAgeGroup",
        replacementValues: '"minor", "notAdult", "adult" or null',
      },
    ],
  }),
  classGroup: flowDescriptor({
    kind: "classGroup",
    programNameSuffix: "class-groups",
    providerKey: "classGroupProvisioningFlow",
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
    programNameSuffix: "security-groups",
    providerKey: "securityGroupProvisioningFlow",
    graphType: "securityGroupProvisioningFlow",
    resourceName: "SecurityGroupProvisioningFlow",
    properties: ["creationOptions"],
    requiredOnPatch: ["creationOptions"],
  }),
  administrativeUnit: flowDescriptor({
    kind: "administrativeUnit",
    programNameSuffix: "admin-units",
    providerKey: "administrativeUnitProvisioningFlow",
    graphType: "administrativeUnitProvisioningFlow",
    resourceName: "AdministrativeUnitProvisioningFlow",
    properties: ["creationOptions"],
    requiredOnPatch: ["creationOptions"],
  }),
  provisioningFlow: flowDescriptor({
    kind: "provisioningFlow",
    programNameSuffix: "flow",
    providerKey: "provisioningFlow",
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
  sourceSystem: entityDescriptor({
    kind: "sourceSystem",
    programNameSuffix: "source-system",
    providerKey: "sourceSystemDefinition",
    graphType: "sourceSystemDefinition",
    resourceName: "SourceSystemDefinition",
    collection: sourceSystemsPath,
    adoptArgument: "sourceSystemId",
    noun: "source system",
    properties: ["displayName", "vendor", "userMatchingSettings"],
    // Graph matches each source user against the settings as a set; roleGroup is never returned, so the
    // settings cannot be matched to what Graph holds by role group: order-free, compared on what comes back.
    setLike: ["userMatchingSettings"],
    caseInsensitive: [
      "userMatchingSettings[].roleGroupId",
      "userMatchingSettings[].matchTarget.code",
      "userMatchingSettings[].sourceIdentifier.code",
    ],
    // roleGroup is a navigation on a complex type: written as roleGroup@odata.bind; the docs' reads never show it,
    // the CSDL marks it AutoExpand. "Unreadable": compared with the last declared value unless a read returns it
    // (reconcile/lastDeclared.ts unreadableReturned).
    bindings: { "userMatchingSettings[]": { argument: "roleGroupId", navigation: "roleGroup" } },
    unreadable: ["userMatchingSettings[].roleGroupId"],
    idArguments: ["sourceSystemId", "userMatchingSettings[].roleGroupId"],
  }),
  azureDataLakeConnector: entityDescriptor({
    kind: "azureDataLakeConnector",
    programNameSuffix: "csv-connector",
    providerKey: "azureDataLakeConnector",
    graphType: "azureDataLakeConnector",
    resourceName: "AzureDataLakeConnector",
    collection: dataConnectorsPath,
    adoptArgument: "dataConnectorId",
    noun: "data connector",
    polymorphic: true,
    properties: ["displayName", "fileFormat"],
    // Whether Graph can change a connector's file format in place is undocumented: treated as create-only.
    replaceOnChange: ["dataConnectorId", "@odata.type", "sourceSystemId", "fileFormat"],
    caseInsensitive: ["fileFormat.code"],
    entityBindings: [{ argument: "sourceSystemId", navigation: "sourceSystem", targetCollection: sourceSystemsPath }],
  }),
  oneRosterApiDataConnector: entityDescriptor({
    kind: "oneRosterApiDataConnector",
    programNameSuffix: "oneroster-connector",
    providerKey: "oneRosterApiDataConnector",
    graphType: "oneRosterApiDataConnector",
    resourceName: "OneRosterApiDataConnector",
    collection: dataConnectorsPath,
    adoptArgument: "dataConnectorId",
    noun: "data connector",
    polymorphic: true,
    // properties: its JSON schema's, written there once (schemaProperties).
    replaceOnChange: ["dataConnectorId", "@odata.type", "sourceSystemId"],
    readOnly: ["id", "credential.isValid", "credential.lastValidDateTime"],
    caseInsensitive: ["apiFormat"],
    // Never returned by Graph (not even masked): a change of the declared value is what counts.
    writeOnly: ["credential.clientSecret"],
    // A single value (no keyed collection): the secret input holds it, so a rotation shows as `clientSecret` changing.
    liftedSecrets: { "credential.clientSecret": { input: "clientSecret" } },
    // credential is abstract-typed (oAuthClientCredential): OAuth 2 has a token endpoint, OAuth 1 has none.
    odataTypes: {
      credential: {
        property: "tokenUrl",
        whenPresent: `${ns}oAuth2ClientCredential`,
        otherwise: `${ns}oAuth1ClientCredential`,
        onlyWhenPresent: {
          properties: ["scope"],
          reason:
            "is only for an OAuth 2 credential (one with a tokenUrl: oAuth2ClientCredential); an OAuth 1 credential (clientId and clientSecret only) has no scope",
        },
      },
    },
    entityBindings: [{ argument: "sourceSystemId", navigation: "sourceSystem", targetCollection: sourceSystemsPath }],
  }),
  year: entityDescriptor({
    kind: "year",
    programNameSuffix: "year",
    providerKey: "yearTimePeriodDefinition",
    graphType: "yearTimePeriodDefinition",
    resourceName: "YearTimePeriodDefinition",
    collection: yearsPath,
    adoptArgument: "yearId",
    noun: "year",
    properties: ["displayName", "startDate", "endDate", "year"],
    // The year code is absent from Graph's update table: create-only.
    replaceOnChange: ["yearId", "year"],
    caseInsensitive: ["year.code"],
    orderedPairs: [{ earlier: "startDate", later: "endDate" }],
  }),
  inboundFileFlow: inboundFlowDescriptor({ kind: "inboundFileFlow",
    programNameSuffix: "inbound-file-flow", graphType: "inboundFileFlow", providerKey: "inboundFileFlow", resourceName: "InboundFileFlow" }),
  inboundApiFlow: inboundFlowDescriptor({ kind: "inboundApiFlow",
    programNameSuffix: "inbound-api-flow", graphType: "inboundApiFlow", providerKey: "inboundApiFlow", resourceName: "InboundApiFlow" }),
  referenceDefinition: entityDescriptor({
    kind: "referenceDefinition",
    programNameSuffix: "reference",
    providerKey: "referenceDefinition",
    graphType: "referenceDefinition",
    resourceName: "ReferenceDefinition",
    collection: referenceDefinitionsPath,
    adoptArgument: "referenceDefinitionId",
    noun: "reference definition",
    properties: ["referenceType", "code", "displayName", "isDisabled", "sortIndex"],
    // The id is `<referenceType>-<code>`: changing either is another definition.
    replaceOnChange: ["referenceDefinitionId", "referenceType", "code"],
    readOnly: ["id", "source", "createdDateTime", "lastModifiedDateTime"],
    naturalId: ["referenceType", "code"],
    // referenceType and code form the id Graph addresses it by (the GET that looks for a disabled twin).
    idArguments: ["referenceDefinitionId", "referenceType", "code"],
    // Quirk (soft delete): Graph's DELETE disables a definition, since historical data may point at its code.
    softDelete: { flag: "isDisabled" },
    // The collection lists Graph's built-in codes (CEDS, IMS Global, Microsoft) beside the tenant's.
    builtIns: { property: "source", tenantValue: "Tenant Defined" },
    // Tenants add codes to six reference types; Graph's other types can be adopted, not extended.
    creatableValues: { property: "referenceType", creatable: extensibleReferenceTypes, adoptable: builtInReferenceTypes },
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

/**
 * The outputs only Graph can give (a create's preview leaves them unknown): a flow's id, and the top-level
 * read-only properties. `id` is every resource's own (the Pulumi id; Pulumi reserves the name); a nested
 * read-only value (a credential's isValid) is part of its object's output.
 */
export function computedOutputNames(descriptor: TypeDescriptor): string[] {
  const topLevel = descriptor.readOnly.filter((name) => name !== "id" && !/[.[]/.test(name));
  return [...(descriptor.isFlow ? ["flowId"] : []), ...topLevel];
}

/**
 * Every top-level output a resource shows by name: its arguments as read back (provider fields, Graph
 * properties), what Graph computes, and for the abstract kind (an adopted flow of any kind) its concrete
 * `odataType`. Bookkeeping outputs (password hashes, the last declared values) are not among them.
 */
export function outputNames(descriptor: TypeDescriptor): string[] {
  const odataType = descriptor.abstract ? ["odataType"] : [];
  return [...new Set([...descriptor.providerFields, ...descriptor.properties, ...computedOutputNames(descriptor), ...odataType])];
}

/**
 * The slice of Graph's beta metadata (namespace microsoft.graph.industryData) the emulator serves, written
 * from ../shared/reference/graph-industrydata.md §2. One description per type drives both the request
 * validation (jsonSchema.ts) and the response rendering (model/render.ts), so the two never disagree.
 * Where the seeds and the metadata differ, the metadata wins (e.g. readinessStatus is Computed).
 */

/** Graph's namespace for every type here. */
export const NAMESPACE = "microsoft.graph.industryData";

/** `#microsoft.graph.industryData.<name>`: the form Graph writes in `@odata.type`. */
export function odataType(name: string): string {
  return `#${NAMESPACE}.${name}`;
}

/** An evolvable enum: member names in CSDL order. */
export interface EnumDef {
  name: string;
  members: readonly string[];
}

/** How one property's value is shaped. */
export type PropType =
  | { kind: "string"; maxLength?: number; format?: "absoluteHttpUrl" }
  | { kind: "boolean" }
  /** Edm.Int32. */
  | { kind: "int32" }
  /** Edm.Date: `YYYY-MM-DD`, a real calendar day. */
  | { kind: "date" }
  /** Edm.DateTimeOffset: ISO 8601 with a zone; stored and returned in UTC (`Z`), as the service normalizes it. */
  | { kind: "dateTimeOffset" }
  /** A write-only string (oAuthClientCredential.clientSecret): stored as `<name>Hash`, never returned. */
  | { kind: "secret" }
  /**
   * A single-valued navigation written as `<name>@odata.bind` to an entity of `target`, stored as `<name>Id`,
   * never returned inline (only through `$expand` or its sub-path, for entity-level ones).
   */
  | { kind: "nav"; target: NavTarget }
  /** A value of an abstract complex type: one of `types`, chosen by its (required) `@odata.type`. */
  | { kind: "polymorphic"; base: string; types: readonly ComplexDef[] }
  | { kind: "enum"; enum: EnumDef }
  | { kind: "complex"; complex: ComplexDef }
  | { kind: "collection"; item: PropType }
  /** simplePasswordSettings.password: stored as a salted hash, returned masked. */
  | { kind: "password" }
  /** A navigation to a roleGroup, written as `<name>@odata.bind`, returned auto-expanded. */
  | { kind: "roleGroupNav" }
  /** referenceValue.code: normalized as the service does (reference §4.7). */
  | { kind: "referenceCode" };

/** Collections a `nav` property may bind to. */
export type NavTarget = "sourceSystems" | "dataConnectors" | "years" | "roleGroups";

/** One structural property. `nullable: false` is the CSDL's Nullable="false" (NN). */
export interface PropDef {
  name: string;
  type: PropType;
  nullable: boolean;
  /** Accepted on write, neither stored nor returned (markAllStudentsAsMinors after its removal date). */
  droppedOnWrite?: boolean;
  /**
   * Set by the service only (credential.isValid, lastValidDateTime): rejected in a write body, returned on
   * read; `initial` is its value whenever the enclosing value is (re)written.
   */
  serverSet?: { initial: unknown };
}

/** A complex type. `abstractBase` names the abstract declared type whose values must carry `@odata.type`. */
export interface ComplexDef {
  name: string;
  abstractBase?: string;
  properties: readonly PropDef[];
  /** referenceValue subtypes: `value@odata.bind` may stand in for `code`. */
  referenceValue?: boolean;
  /**
   * The referenceDefinitions type its code must name (inbound reference values): the code is checked
   * against the tenant's enabled definitions and stored in the definition's spelling.
   */
  referenceType?: string;
}

/** An entity type: its own (non-key, non-computed) properties. */
export interface EntityDef {
  name: string;
  properties: readonly PropDef[];
}

export const str: PropType = { kind: "string" };
export const bool: PropType = { kind: "boolean" };
export const coll = (item: PropType): PropType => ({ kind: "collection", item });
export const cx = (complex: ComplexDef): PropType => ({ kind: "complex", complex });
export const en = (e: EnumDef): PropType => ({ kind: "enum", enum: e });
export const nn = (name: string, type: PropType): PropDef => ({ name, type, nullable: false });
export const opt = (name: string, type: PropType): PropDef => ({ name, type, nullable: true });

export const readinessStatus: EnumDef = {
  name: "readinessStatus",
  members: ["notReady", "ready", "failed", "disabled", "expired", "unknownFutureValue"],
};
export const studentAgeGroup: EnumDef = { name: "studentAgeGroup", members: ["minor", "notAdult", "adult", "unknownFutureValue"] };
export const additionalUserAttributes: EnumDef = {
  name: "additionalUserAttributes",
  members: ["userGradeLevel", "userNumber", "unknownFutureValue"],
};
export const additionalClassGroupAttributes: EnumDef = {
  name: "additionalClassGroupAttributes",
  members: [
    "courseTitle", "courseCode", "courseSubject", "courseGradeLevel", "courseExternalId",
    "academicSessionTitle", "academicSessionExternalId", "classCode", "unknownFutureValue",
  ],
};
export const filterOptions: EnumDef = { name: "filterOptions", members: ["orgExternalId", "unknownFutureValue"] };

export const basicFilter: ComplexDef = {
  name: "basicFilter",
  abstractBase: "filter",
  properties: [nn("attribute", en(filterOptions)), nn("in", coll(str))],
};
export const simplePasswordSettings: ComplexDef = {
  name: "simplePasswordSettings",
  abstractBase: "passwordSettings",
  properties: [nn("password", { kind: "password" })],
};
export const userConfiguration: ComplexDef = {
  name: "userConfiguration",
  properties: [
    opt("defaultPasswordSettings", cx(simplePasswordSettings)),
    opt("licenseSkus", coll(str)),
    nn("roleGroup", { kind: "roleGroupNav" }),
  ],
};
export const userCreationOptions: ComplexDef = {
  name: "userCreationOptions",
  properties: [opt("configurations", coll(cx(userConfiguration)))],
};
export const additionalUserOptions: ComplexDef = {
  name: "additionalUserOptions",
  properties: [
    opt("allowStudentContactAssociation", bool),
    opt("studentAgeGroup", en(studentAgeGroup)),
    // Deprecated, removal date 2025-10-15 (CSDL revision): accepted, no longer handled or returned.
    { ...opt("markAllStudentsAsMinors", bool), droppedOnWrite: true },
  ],
};
export const userManagementOptions: ComplexDef = {
  name: "userManagementOptions",
  properties: [opt("additionalAttributes", coll(en(additionalUserAttributes))), nn("additionalOptions", cx(additionalUserOptions))],
};
export const additionalClassGroupOptions: ComplexDef = {
  name: "additionalClassGroupOptions",
  properties: [nn("createTeam", bool), nn("writeDisplayNameOnCreateOnly", bool)],
};
export const sectionRoleReferenceValue: ComplexDef = {
  name: "sectionRoleReferenceValue",
  referenceValue: true,
  properties: [opt("code", { kind: "referenceCode" })],
};
export const enrollmentMappings: ComplexDef = {
  name: "enrollmentMappings",
  properties: [
    opt("ownerEnrollmentMappings", coll(cx(sectionRoleReferenceValue))),
    opt("memberEnrollmentMappings", coll(cx(sectionRoleReferenceValue))),
  ],
};
export const classGroupConfiguration: ComplexDef = {
  name: "classGroupConfiguration",
  properties: [
    opt("additionalAttributes", coll(en(additionalClassGroupAttributes))),
    nn("additionalOptions", cx(additionalClassGroupOptions)),
    nn("enrollmentMappings", cx(enrollmentMappings)),
  ],
};
export const securityGroupCreationOptions: ComplexDef = {
  name: "securityGroupCreationOptions",
  properties: [nn("createBasedOnRoleGroup", bool), nn("createBasedOnOrgPlusRoleGroup", bool)],
};
export const adminUnitCreationOptions: ComplexDef = {
  name: "adminUnitCreationOptions",
  properties: [nn("createBasedOnOrg", bool), nn("createBasedOnOrgPlusRoleGroup", bool)],
};

export const outboundProvisioningFlowSet: EntityDef = {
  name: "outboundProvisioningFlowSet",
  properties: [nn("displayName", str), opt("filter", cx(basicFilter))],
};

/** The four concrete kinds of the abstract provisioningFlow. */
export type FlowKind =
  | "userProvisioningFlow"
  | "classGroupProvisioningFlow"
  | "securityGroupProvisioningFlow"
  | "administrativeUnitProvisioningFlow";

/** The concrete flow kinds; the NN property of each is the one Graph's docs mark Required on PATCH. */
export const flowKinds: Record<FlowKind, EntityDef> = {
  userProvisioningFlow: {
    name: "userProvisioningFlow",
    properties: [
      opt("createUnmatchedUsers", bool),
      opt("creationOptions", cx(userCreationOptions)),
      nn("managementOptions", cx(userManagementOptions)),
    ],
  },
  classGroupProvisioningFlow: {
    name: "classGroupProvisioningFlow",
    properties: [nn("configuration", cx(classGroupConfiguration))],
  },
  securityGroupProvisioningFlow: {
    name: "securityGroupProvisioningFlow",
    properties: [nn("creationOptions", cx(securityGroupCreationOptions))],
  },
  administrativeUnitProvisioningFlow: {
    name: "administrativeUnitProvisioningFlow",
    properties: [nn("creationOptions", cx(adminUnitCreationOptions))],
  },
};

/** The abstract base: only its computed readinessStatus, patchable as an emulator allowance (seed 002). */
export const provisioningFlowBase: EntityDef = {
  name: "provisioningFlow",
  properties: [opt("readinessStatus", en(readinessStatus))],
};

/** Entity properties the service computes (CSDL Core.Computed); a client may not write them. */
export const computedProperties = ["id", "createdDateTime", "lastModifiedDateTime", "readinessStatus"] as const;

/** The concrete kind named by an `@odata.type` value (with or without '#'), if any. */
export function flowKindOf(odataTypeValue: unknown): FlowKind | undefined {
  if (typeof odataTypeValue !== "string") return undefined;
  const name = odataTypeValue.replace(/^#/, "");
  const prefix = `${NAMESPACE}.`;
  if (!name.startsWith(prefix)) return undefined;
  const kind = name.slice(prefix.length);
  return kind in flowKinds ? (kind as FlowKind) : undefined;
}

/** True for `@odata.type` naming the abstract provisioningFlow base. */
export function isBaseFlowType(odataTypeValue: unknown): boolean {
  return typeof odataTypeValue === "string" && odataTypeValue.replace(/^#/, "") === `${NAMESPACE}.provisioningFlow`;
}

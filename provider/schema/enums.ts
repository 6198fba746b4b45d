/**
 * The industryData enums as string-literal unions plus the runtime list of allowed values of each.
 * The unions are derived from the lists; test/unit/typeLevel pins every one to Microsoft's
 * `IndustryData` enum type, so a change in Graph's published types fails the build instead of drifting.
 */

/** readinessStatus (CSDL order). */
export const readinessStatusValues = ["notReady", "ready", "failed", "disabled", "expired", "unknownFutureValue"] as const;
/** The state of a provisioning flow, from creation through to ready. */
export type ReadinessStatus = (typeof readinessStatusValues)[number];

/** studentAgeGroup (CSDL order). */
export const studentAgeGroupValues = ["minor", "notAdult", "adult", "unknownFutureValue"] as const;
/** Age group classification for students; `null` turns age-group enforcement off. */
export type StudentAgeGroup = (typeof studentAgeGroupValues)[number];

/** additionalUserAttributes (CSDL order). */
export const additionalUserAttributesValues = ["userGradeLevel", "userNumber", "unknownFutureValue"] as const;
/** Extra user attributes a user flow can provision. */
export type AdditionalUserAttributes = (typeof additionalUserAttributesValues)[number];

/** additionalClassGroupAttributes (CSDL order). */
export const additionalClassGroupAttributesValues = [
  "courseTitle",
  "courseCode",
  "courseSubject",
  "courseGradeLevel",
  "courseExternalId",
  "academicSessionTitle",
  "academicSessionExternalId",
  "classCode",
  "unknownFutureValue",
] as const;
/** Extra class attributes a class-group flow can provision. */
export type AdditionalClassGroupAttributes = (typeof additionalClassGroupAttributesValues)[number];

/** filterOptions (CSDL order; Graph numbers them from 1). */
export const filterOptionsValues = ["orgExternalId", "unknownFutureValue"] as const;
/** The attribute a flow set's basicFilter filters on. */
export type FilterOptions = (typeof filterOptionsValues)[number];

/** inboundDomain: the data domain of an inbound flow (only educationRostering is supported by Graph). */
export const inboundDomainValues = ["educationRostering", "unknownFutureValue"] as const;
/** Inbound data domain of an inbound flow. */
export type InboundDomain = (typeof inboundDomainValues)[number];

/** apiFormat: the API format of an API data connector. */
export const apiFormatValues = ["oneRoster", "unknownFutureValue"] as const;
/** API format of an API data connector. */
export type ApiFormat = (typeof apiFormatValues)[number];

/** industryDataRunStatus: not used by flows. */
export const industryDataRunStatusValues = [
  "running",
  "failed",
  "completed",
  "completedWithErrors",
  "completedWithWarnings",
  "unknownFutureValue",
] as const;
/** Status of an industryData run (not part of outbound flows). */
export type IndustryDataRunStatus = (typeof industryDataRunStatusValues)[number];

/** industryDataActivityStatus: not used by flows. */
export const industryDataActivityStatusValues = [
  "inProgress",
  "skipped",
  "failed",
  "completed",
  "completedWithErrors",
  "completedWithWarnings",
  "unknownFutureValue",
] as const;
/** Status of an industryData activity (not part of outbound flows). */
export type IndustryDataActivityStatus = (typeof industryDataActivityStatusValues)[number];

/**
 * The RefFileFormat codes of an azureDataLakeConnector's `fileFormat` (a reference value, not an enum: Graph's
 * docs list these two; codes compare case-insensitively).
 */
export const fileFormatCodes = ["schoolDataSyncV1", "schoolDataSyncV2Rev1"] as const;
/** The CSV format of a CSV upload connector: SDS v1 or SDS v2.1. */
export type FileFormatCode = (typeof fileFormatCodes)[number];

/**
 * The reference types tenants may add codes to (Graph's docs, referenceDefinition: "you can extend these"). A
 * ReferenceDefinition resource creates a code of one of these; any other type is Graph's own.
 */
export const extensibleReferenceTypes = ["RefAcademicSubject", "RefRace", "RefEthnicity", "RefGradeLevel", "RefOrgType", "RefPersonFlagType"] as const;
/** A reference type a tenant may extend with codes of its own. */
export type ExtensibleReferenceType = (typeof extensibleReferenceTypes)[number];

/**
 * Graph's built-in reference types the docs name besides the extensible ones (the types of the reference values
 * in the CSDL: roleReferenceValue is `RefRole`, yearReferenceValue `RefAcademicYear`, …): their definitions can
 * be adopted, never created.
 */
export const builtInReferenceTypes = ["RefAcademicYear", "RefRole", "RefIdentifierType", "RefUserMatchTarget", "RefFileFormat"] as const;

/**
 * Graph's sentinel member of every evolvable enum: what a client that does not know a newer value reads instead
 * of it. Never a value to send.
 */
export const unknownFutureValue = "unknownFutureValue";

/**
 * The inbound half of the industryData metadata the emulator serves (source systems, data connectors, years,
 * inbound flows, reference definitions), written from ../shared/reference/graph-industrydata-inbound.md §2-§4.
 * Same description language as edm.ts, so validation and rendering come from the same engines.
 */
import { bool, coll, ComplexDef, cx, en, EntityDef, EnumDef, nn, NAMESPACE, opt, PropDef, PropType } from "./edm";

/** Graph's limit on display names (and vendor) of connectors, flows, source systems and years (reference §8). */
export const DISPLAY_NAME_MAX = 100;

const name100: PropType = { kind: "string", maxLength: DISPLAY_NAME_MAX };
const int32: PropType = { kind: "int32" };
const date: PropType = { kind: "date" };
const dateTime: PropType = { kind: "dateTimeOffset" };
const nav = (name: string, target: "sourceSystems" | "dataConnectors" | "years" | "roleGroups"): PropDef => nn(name, { kind: "nav", target });

export const inboundDomain: EnumDef = { name: "inboundDomain", members: ["educationRostering", "unknownFutureValue"] };
export const apiFormat: EnumDef = { name: "apiFormat", members: ["oneRoster", "unknownFutureValue"] };

function referenceValue(name: string, referenceType: string): ComplexDef {
  return { name, referenceValue: true, referenceType, properties: [opt("code", { kind: "string" })] };
}

export const identifierTypeReferenceValue = referenceValue("identifierTypeReferenceValue", "RefIdentifierType");
export const userMatchTargetReferenceValue = referenceValue("userMatchTargetReferenceValue", "RefUserMatchTarget");
export const yearReferenceValue = referenceValue("yearReferenceValue", "RefAcademicYear");
export const fileFormatReferenceValue = referenceValue("fileFormatReferenceValue", "RefFileFormat");

/** The emulator requires all three parts of a matching rule: a rule without one of them cannot match anyone. */
export const userMatchingSetting: ComplexDef = {
  name: "userMatchingSetting",
  properties: [
    nn("matchTarget", cx(userMatchTargetReferenceValue)),
    nn("priorityOrder", int32),
    nn("sourceIdentifier", cx(identifierTypeReferenceValue)),
    // Bound on write, never returned (reference §3.3).
    nav("roleGroup", "roleGroups"),
  ],
};

/** credential's own properties, then oAuthClientCredential's; isValid/lastValidDateTime are the service's. */
const credentialBase: PropDef[] = [
  opt("displayName", { kind: "string" }),
  // A freshly written credential reads isValid true, lastValidDateTime null (the docs' 201 answer).
  { ...opt("isValid", bool), serverSet: { initial: true } },
  { ...opt("lastValidDateTime", dateTime), serverSet: { initial: null } },
  nn("clientId", { kind: "string" }),
  // Write-only; required in every credential sent, since a credential sent replaces the stored one whole.
  nn("clientSecret", { kind: "secret" }),
];
export const oAuth1ClientCredential: ComplexDef = { name: "oAuth1ClientCredential", abstractBase: "credential", properties: credentialBase };
export const oAuth2ClientCredential: ComplexDef = {
  name: "oAuth2ClientCredential",
  abstractBase: "credential",
  properties: [...credentialBase, nn("tokenUrl", { kind: "string", format: "absoluteHttpUrl" }), opt("scope", { kind: "string" })],
};
const credential: PropType = { kind: "polymorphic", base: "credential", types: [oAuth1ClientCredential, oAuth2ClientCredential] };

export const sourceSystemDefinition: EntityDef = {
  name: "sourceSystemDefinition",
  properties: [nn("displayName", name100), opt("vendor", name100), opt("userMatchingSettings", coll(cx(userMatchingSetting)))],
};

export const yearTimePeriodDefinition: EntityDef = {
  name: "yearTimePeriodDefinition",
  properties: [nn("displayName", name100), nn("startDate", date), nn("endDate", date), nn("year", cx(yearReferenceValue))],
};

/** The concrete data connector kinds (industryDataConnector, fileDataConnector and apiDataConnector are abstract). */
export const connectorKinds: Record<string, EntityDef> = {
  azureDataLakeConnector: {
    name: "azureDataLakeConnector",
    properties: [nn("displayName", name100), opt("fileFormat", cx(fileFormatReferenceValue)), nav("sourceSystem", "sourceSystems")],
  },
  oneRosterApiDataConnector: {
    name: "oneRosterApiDataConnector",
    properties: [
      nn("displayName", name100),
      nn("apiFormat", en(apiFormat)),
      nn("baseUrl", { kind: "string", format: "absoluteHttpUrl" }),
      nn("credential", credential),
      nn("apiVersion", { kind: "string" }),
      nn("isContactsEnabled", bool),
      nn("isDemographicsEnabled", bool),
      nn("isFlagsEnabled", bool),
      nav("sourceSystem", "sourceSystems"),
    ],
  },
};

const inboundFlowProperties: PropDef[] = [
  nn("displayName", name100),
  nn("dataDomain", en(inboundDomain)),
  nn("effectiveDateTime", dateTime),
  opt("expirationDateTime", dateTime),
  nav("dataConnector", "dataConnectors"),
  nav("year", "years"),
];

/** The concrete inbound flow kinds (inboundFlow is abstract); neither adds a property. */
export const inboundFlowKinds: Record<string, EntityDef> = {
  inboundFileFlow: { name: "inboundFileFlow", properties: inboundFlowProperties },
  inboundApiFlow: { name: "inboundApiFlow", properties: inboundFlowProperties },
};

/** Which connector kind each inbound flow kind reads from (the docs imply the pairing; the emulator enforces it). */
export const connectorKindForFlow: Record<string, string> = {
  inboundFileFlow: "azureDataLakeConnector",
  inboundApiFlow: "oneRosterApiDataConnector",
};

export const referenceDefinition: EntityDef = {
  name: "referenceDefinition",
  properties: [
    nn("code", { kind: "string" }),
    nn("referenceType", { kind: "string" }),
    opt("displayName", { kind: "string" }),
    nn("isDisabled", bool),
    nn("sortIndex", int32),
  ],
};

/** Reference types a tenant may add codes to (reference §2.7). */
export const extensibleReferenceTypes = ["RefAcademicSubject", "RefRace", "RefEthnicity", "RefGradeLevel", "RefOrgType", "RefPersonFlagType"];

/** `microsoft.graph.industryData.<name>` without '#', for messages. */
export function qualified(name: string): string {
  return `${NAMESPACE}.${name}`;
}

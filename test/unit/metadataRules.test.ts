/**
 * Graph's metadata rules a JSON schema cannot say (provider/schema/metadataRules.ts), checked in `check` before any
 * request, each failure naming the property path and the rule or the allowed values: unknownFutureValue is never
 * declared; reference definitions are created only in the six types tenants may extend; `scope` only on OAuth 2.
 */
import { extensibleReferenceTypes, validateInputs } from "../../provider/schema";
import type { ResourceKind } from "../../provider/schema";
import { inboundFlowArgs, oneRosterConnectorArgs, referenceDefinitionArgs, TOKEN_URL } from "../support/inboundArgs";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- literals edited in place

const SIX = "RefAcademicSubject, RefRace, RefEthnicity, RefGradeLevel, RefOrgType, RefPersonFlagType";

interface Refusal {
  name: string;
  kind: ResourceKind;
  raw: Json;
  property: string;
  reason: string;
}

const userFlow = (additionalOptions: Json, additionalAttributes: string[] = []): Json => ({
  flowSetId: "set-1",
  managementOptions: { additionalAttributes, additionalOptions },
});

const refusals: Refusal[] = [
  {
    name: "studentAgeGroup: unknownFutureValue",
    kind: "user",
    raw: userFlow({ studentAgeGroup: "unknownFutureValue" }),
    property: "managementOptions.additionalOptions.studentAgeGroup",
    reason: "unknownFutureValue is Graph's placeholder for enum values this client does not know, not a value to declare; use one of: minor, notAdult, adult, null",
  },
  {
    name: "a user flow's additional attribute: unknownFutureValue",
    kind: "user",
    raw: userFlow({ studentAgeGroup: "minor" }, ["userNumber", "unknownFutureValue"]),
    property: "managementOptions.additionalAttributes[1]",
    reason: "unknownFutureValue is Graph's placeholder for enum values this client does not know, not a value to declare; use one of: userGradeLevel, userNumber",
  },
  {
    name: "a class-group attribute: unknownFutureValue",
    kind: "classGroup",
    raw: {
      flowSetId: "set-1",
      configuration: {
        additionalAttributes: ["unknownFutureValue"],
        additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
        enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [{ code: "student" }] },
      },
    },
    property: "configuration.additionalAttributes[0]",
    reason: expect.stringContaining("not a value to declare; use one of: courseTitle, courseCode") as unknown as string,
  },
  {
    name: "a flow set filter attribute: unknownFutureValue",
    kind: "flowSet",
    raw: { displayName: "District", filter: { attribute: "unknownFutureValue", in: ["Quarter"] } },
    property: "filter.attribute",
    reason: "unknownFutureValue is Graph's placeholder for enum values this client does not know, not a value to declare; use one of: orgExternalId",
  },
  {
    name: "a connector's apiFormat: unknownFutureValue",
    kind: "oneRosterApiDataConnector",
    raw: { ...oneRosterConnectorArgs("s"), apiFormat: "unknownFutureValue" },
    property: "apiFormat",
    reason: "unknownFutureValue is Graph's placeholder for enum values this client does not know, not a value to declare; use one of: oneRoster",
  },
  {
    name: "an inbound flow's dataDomain: unknownFutureValue",
    kind: "inboundApiFlow",
    raw: { ...inboundFlowArgs("c", "y"), dataDomain: "unknownFutureValue" },
    property: "dataDomain",
    reason: "unknownFutureValue is Graph's placeholder for enum values this client does not know, not a value to declare; use one of: educationRostering",
  },
  {
    name: "a ProvisioningFlow's readinessStatus: unknownFutureValue",
    kind: "provisioningFlow",
    raw: { flowSetId: "set-1", flowId: "f-1", readinessStatus: "unknownFutureValue" },
    property: "readinessStatus",
    reason: expect.stringContaining("not a value to declare; use one of: notReady, ready, failed, disabled, expired") as unknown as string,
  },
  {
    name: "a reference definition created in a built-in type (RefRole)",
    kind: "referenceDefinition",
    raw: { ...referenceDefinitionArgs(), referenceType: "RefRole" },
    property: "referenceType",
    reason: `RefRole is one of Graph's built-in reference types, which tenants cannot extend (adopt an existing definition with referenceDefinitionId instead); tenants may add codes to: ${SIX}`,
  },
  {
    name: "a reference definition created in RefAcademicYear",
    kind: "referenceDefinition",
    raw: { ...referenceDefinitionArgs(), referenceType: "RefAcademicYear" },
    property: "referenceType",
    reason: expect.stringContaining(`tenants may add codes to: ${SIX}`) as unknown as string,
  },
  {
    name: "a reference definition in a type Graph does not have (the old docs' `role`)",
    kind: "referenceDefinition",
    raw: { ...referenceDefinitionArgs(), referenceType: "role" },
    property: "referenceType",
    reason: `must be a Graph reference type tenants may extend: ${SIX} (got "role")`,
  },
  {
    name: "an adopted reference definition in a type Graph does not have",
    kind: "referenceDefinition",
    raw: { ...referenceDefinitionArgs(), referenceDefinitionId: "schoolYear-2025", referenceType: "schoolYear" },
    property: "referenceType",
    reason: expect.stringContaining("an adopted definition may also be of RefAcademicYear, RefRole") as unknown as string,
  },
  {
    name: "a scope on an OAuth 1 credential (no tokenUrl)",
    kind: "oneRosterApiDataConnector",
    raw: { ...oneRosterConnectorArgs("s"), credential: { ...oneRosterConnectorArgs("s").credential, tokenUrl: undefined, scope: "roster.readonly" } },
    property: "credential.scope",
    reason: "is only for an OAuth 2 credential (one with a tokenUrl: oAuth2ClientCredential); an OAuth 1 credential (clientId and clientSecret only) has no scope",
  },
];

describe("check refuses, naming the property and the rule", () => {
  test.each(refusals)("$name", ({ kind, raw, property, reason }) => {
    expect(validateInputs(kind, JSON.parse(JSON.stringify(raw))).failures).toEqual([{ property, reason }]);
  });
});

describe("check accepts", () => {
  test.each([
    ...extensibleReferenceTypes.map((referenceType) => ({ name: `a definition created in ${referenceType}`, kind: "referenceDefinition" as ResourceKind, raw: { ...referenceDefinitionArgs(), referenceType } })),
    { name: "an adopted built-in definition (RefRole)", kind: "referenceDefinition" as ResourceKind, raw: { ...referenceDefinitionArgs(), referenceDefinitionId: "RefRole-student", referenceType: "RefRole", code: "student" } },
    { name: "a scope on an OAuth 2 credential", kind: "oneRosterApiDataConnector" as ResourceKind, raw: { ...oneRosterConnectorArgs("s"), credential: { ...oneRosterConnectorArgs("s").credential, tokenUrl: TOKEN_URL, scope: "roster.readonly" } } },
    { name: "a null scope on an OAuth 1 credential", kind: "oneRosterApiDataConnector" as ResourceKind, raw: { ...oneRosterConnectorArgs("s"), credential: { ...oneRosterConnectorArgs("s").credential, tokenUrl: undefined, scope: null } } },
    { name: "studentAgeGroup null (enforcement off)", kind: "user" as ResourceKind, raw: userFlow({ studentAgeGroup: null }) },
    { name: "a display name that reads unknownFutureValue (no enum there)", kind: "flowSet" as ResourceKind, raw: { displayName: "unknownFutureValue" } },
  ])("$name", ({ kind, raw }) => {
    expect(validateInputs(kind, JSON.parse(JSON.stringify(raw))).failures).toEqual([]);
  });
});

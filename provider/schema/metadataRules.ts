/**
 * Rules of Graph's metadata (the CSDL and the beta docs) that a JSON schema cannot say, checked by
 * validateInputs before any request:
 * - `unknownFutureValue` is the sentinel of every evolvable enum, what a client reads for a value it does not
 *   know; the CSDL lists it as a member, but it is never a value to declare;
 * - a reference definition is created only in one of the six reference types tenants may extend; Graph's other
 *   types (RefRole, RefAcademicYear, …) can be adopted, not extended;
 * - `scope` belongs to an OAuth 2 credential (oAuth2ClientCredential, the one with a `tokenUrl`); an OAuth 1
 *   credential has no scope.
 */
import type { ResourceKind } from "./descriptors";
import { builtInReferenceTypes, extensibleReferenceTypes, unknownFutureValue } from "./enums";
import { childPath, elementPath, isPlainObject } from "./jsonPath";
import { jsonSchemas } from "./jsonSchemas";

/** One failure, as validateInputs reports them. */
export interface MetadataFailure {
  property: string;
  reason: string;
}

interface SchemaNode {
  enum?: readonly unknown[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

/** Every declared `unknownFutureValue` where the kind's schema has an enum, with the values that can be declared. */
function unknownFutureValueFailures(schema: SchemaNode, value: unknown, path: string, into: MetadataFailure[]): void {
  if (schema.enum?.includes(unknownFutureValue) && value === unknownFutureValue) {
    const declarable = schema.enum.filter((v) => v !== unknownFutureValue).map((v) => (v === null ? "null" : String(v)));
    into.push({
      property: path,
      reason: `unknownFutureValue is Graph's placeholder for enum values this client does not know, not a value to declare; use one of: ${declarable.join(", ")}`,
    });
    return;
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => unknownFutureValueFailures(schema.items!, item, elementPath(path, i), into));
  else if (isPlainObject(value) && schema.properties) {
    for (const [key, sub] of Object.entries(value)) {
      const child = schema.properties[key];
      if (child) unknownFutureValueFailures(child, sub, childPath(path, key), into);
    }
  }
}

function referenceTypeFailures(inputs: Record<string, unknown>, creating: boolean): MetadataFailure[] {
  const type = inputs.referenceType;
  if (typeof type !== "string" || (extensibleReferenceTypes as readonly string[]).includes(type)) return [];
  const allowed = extensibleReferenceTypes.join(", ");
  const builtIn = (builtInReferenceTypes as readonly string[]).includes(type);
  if (builtIn && !creating) return [];
  const reason = builtIn
    ? `${type} is one of Graph's built-in reference types, which tenants cannot extend (adopt an existing definition with referenceDefinitionId instead); tenants may add codes to: ${allowed}`
    : `must be a Graph reference type tenants may extend: ${allowed} (got ${JSON.stringify(type)}${creating ? "" : `; an adopted definition may also be of ${builtInReferenceTypes.join(", ")}`})`;
  return [{ property: "referenceType", reason }];
}

function credentialScopeFailures(inputs: Record<string, unknown>): MetadataFailure[] {
  const credential = inputs.credential;
  if (!isPlainObject(credential)) return [];
  const hasScope = credential.scope !== undefined && credential.scope !== null;
  const oAuth2 = credential.tokenUrl !== undefined && credential.tokenUrl !== null;
  if (!hasScope || oAuth2) return [];
  return [
    {
      property: "credential.scope",
      reason: "is only for an OAuth 2 credential (one with a tokenUrl: oAuth2ClientCredential); an OAuth 1 credential (clientId and clientSecret only) has no scope",
    },
  ];
}

/** The failures of `inputs` of `kind` against Graph's metadata rules above. */
export function metadataFailures(kind: ResourceKind, inputs: Record<string, unknown>, creating: boolean): MetadataFailure[] {
  const failures: MetadataFailure[] = [];
  unknownFutureValueFailures(jsonSchemas[kind] as SchemaNode, inputs, "", failures);
  if (kind === "referenceDefinition") failures.push(...referenceTypeFailures(inputs, creating));
  if (kind === "oneRosterApiDataConnector") failures.push(...credentialScopeFailures(inputs));
  return failures;
}

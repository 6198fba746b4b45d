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
import { descriptors, type CreatableValues, type ResourceKind } from "./descriptors";
import { unknownFutureValue } from "./enums";
import { childPath, elementPath, isPlainObject, valuesAt } from "./jsonPath";
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

/** A reference definition's type (the descriptor's creatableValues): one tenants may extend, or, when adopting, a built-in one. */
function creatableValueFailures(rule: CreatableValues, inputs: Record<string, unknown>, creating: boolean): MetadataFailure[] {
  const type = inputs[rule.property];
  if (typeof type !== "string" || rule.creatable.includes(type)) return [];
  const allowed = rule.creatable.join(", ");
  const builtIn = rule.adoptable.includes(type);
  if (builtIn && !creating) return [];
  const reason = builtIn
    ? `${type} is one of Graph's built-in reference types, which tenants cannot extend (adopt an existing definition with referenceDefinitionId instead); tenants may add codes to: ${allowed}`
    : `must be a Graph reference type tenants may extend: ${allowed} (got ${JSON.stringify(type)}${creating ? "" : `; an adopted definition may also be of ${rule.adoptable.join(", ")}`})`;
  return [{ property: rule.property, reason }];
}

/** Properties only one of a value's chosen `@odata.type`s has (the descriptor's onlyWhenPresent: scope on OAuth 2 alone). */
function chosenTypeFailures(kind: ResourceKind, inputs: Record<string, unknown>): MetadataFailure[] {
  const failures: MetadataFailure[] = [];
  for (const [pattern, choice] of Object.entries(descriptors[kind].odataTypes)) {
    if (typeof choice === "string" || choice.onlyWhenPresent === undefined) continue;
    const { properties, reason } = choice.onlyWhenPresent;
    for (const { path, value } of valuesAt(inputs, pattern)) {
      if (!isPlainObject(value) || (value[choice.property] !== undefined && value[choice.property] !== null)) continue;
      for (const property of properties) {
        if (value[property] !== undefined && value[property] !== null) failures.push({ property: childPath(path, property), reason });
      }
    }
  }
  return failures;
}

/** The failures of `inputs` of `kind` against Graph's metadata rules above. */
export function metadataFailures(kind: ResourceKind, inputs: Record<string, unknown>, creating: boolean): MetadataFailure[] {
  const failures: MetadataFailure[] = [];
  unknownFutureValueFailures(jsonSchemas[kind] as SchemaNode, inputs, "", failures);
  const creatable = descriptors[kind].creatableValues;
  if (creatable !== undefined) failures.push(...creatableValueFailures(creatable, inputs, creating));
  failures.push(...chosenTypeFailures(kind, inputs));
  return failures;
}

/** Runtime validation of resource arguments (ajv), run in `check` before any HTTP call. */
import Ajv from "ajv";
import { fullFormats } from "ajv-formats/dist/formats";
import type { ErrorObject, ValidateFunction } from "ajv";
import { descriptors } from "./descriptors";
import type { OdataTypeChoice, ResourceKind, TypeDescriptor } from "./descriptors";
import { jsonSchemas } from "./jsonSchemas";
import { idSegmentProblem } from "./idSegment";
import { metadataFailures } from "./metadataRules";
import { unknownFutureValue } from "./enums";
import { childPath, elementPath, forEachAt, fromJsonPointer, isPlainObject, valuesAt } from "./jsonPath";

/** One validation failure: the property path (e.g. `creationOptions.configurations[1].roleGroupId`) and why. */
export interface InputFailure {
  property: string;
  reason: string;
}

/** The outcome of `validateInputs`. */
export interface ValidationResult {
  /** The checked inputs, with `@odata.type` filled where Graph needs it (empty failures: safe to send). */
  inputs: Record<string, unknown>;
  failures: InputFailure[];
  warnings: string[];
}

/**
 * The value Pulumi's dynamic-provider host passes for an input not known yet (preview). Copied from
 * @pulumi/pulumi's rpc module because this layer must not import Pulumi; such values are never failures.
 */
export const pulumiUnknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });

/**
 * The string formats of the schemas, with the rule each failure quotes. Graph's Edm.Date is `YYYY-MM-DD` (a real
 * day) and Edm.DateTimeOffset is RFC 3339 with an offset (Graph answers in UTC): ajv-formats' own validators,
 * already a dependency, check both. Connector URLs lead to credentials, so only https is accepted.
 */
const formats: Record<string, { validate: (value: string) => boolean; rule: string }> = {
  date: { validate: validatorOf(fullFormats.date), rule: "must be a calendar date in the form YYYY-MM-DD" },
  "date-time": {
    validate: validatorOf(fullFormats["date-time"]),
    rule: "must be an ISO 8601 date-time with an offset, e.g. 2025-09-01T00:00:00Z",
  },
  "https-url": { validate: isHttpsUrl, rule: "must be an absolute https:// URL" },
};
for (const [name, { validate }] of Object.entries(formats)) ajv.addFormat(name, { type: "string", validate });

/** ajv-formats types its formats loosely (string, RegExp, function or object); date and date-time are objects. */
function validatorOf(format: unknown): (value: string) => boolean {
  return (format as { validate: (value: string) => boolean }).validate;
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname !== "";
  } catch {
    return false;
  }
}

/** A declared value quoted in a failure; a URL's user:password part is masked (it may be a credential). */
function quoted(value: unknown): string {
  return JSON.stringify(typeof value === "string" ? value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, "$1***@") : value);
}

/**
 * The adopt form of a schema: an adopted set or flow (`flowSetId`/`flowId` given) is GET first and the declared
 * parts are laid over what Graph holds (a property Graph requires on PATCH, such as a set's displayName, is
 * sent as held when undeclared), so only the keys that identify something stay required: the provider
 * fields, everything inside collection elements (collections are sent whole, as declared), and everything
 * inside a nullable complex value (it may be null in the tenant, leaving nothing to lay the parts over).
 */
function adoptForm(schema: Record<string, unknown>, keep: string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...schema };
  if (Array.isArray(copy.required)) copy.required = (copy.required as string[]).filter((k) => keep.includes(k));
  const properties = copy.properties as Record<string, Record<string, unknown>> | undefined;
  if (properties) {
    copy.properties = Object.fromEntries(
      Object.entries(properties).map(([key, sub]) => [key, sub.type === "object" && sub.nullable !== true ? adoptForm(sub, []) : sub]),
    );
  }
  return copy;
}

/** The adopt form of a kind's schema: what every declaration of it needs (the package schema's required properties). */
export function adoptFormSchema(kind: ResourceKind): Record<string, unknown> {
  return adoptForm(jsonSchemas[kind] as Record<string, unknown>, descriptors[kind].adoptRequires);
}

// Kinds sharing one schema (the two inbound flow kinds) compile it once: ajv refuses a schema compiled twice.
// Compiled on first use, each form on its own, not at load: compiling is most of the validation's CPU in a
// plugin process (each `preview` and `up` starts new ones), a program declaring four kinds needs four, and a
// program that adopts nothing never needs the adopt forms.
const compiledSchemas = new Map<object, Partial<Record<"create" | "adopt", ValidateFunction>>>();
function compiled(kind: ResourceKind, form: "create" | "adopt"): ValidateFunction {
  const schema = jsonSchemas[kind];
  let done = compiledSchemas.get(schema);
  if (done === undefined) compiledSchemas.set(schema, (done = {}));
  return (done[form] ??= ajv.compile(form === "create" ? schema : adoptFormSchema(kind)));
}

/**
 * A JSON copy of the raw arguments without undefined values and without `@odata.*` annotations: the
 * provider writes those itself. A stray `@odata.type` is dropped (it is refilled below); any other
 * annotation (e.g. `roleGroup@odata.bind`) is a failure pointing at the argument to use instead.
 */
function cleanCopy(descriptor: TypeDescriptor, value: unknown, path: string, failures: InputFailure[]): unknown {
  if (Array.isArray(value)) return value.map((element, i) => cleanCopy(descriptor, element, elementPath(path, i), failures));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(value)) {
    if (sub === undefined || key === "@odata.type") continue;
    if (key.includes("@odata.")) {
      failures.push({
        property: childPath(path, key),
        reason: `@odata annotations are written by the provider and cannot be declared${bindingHint(descriptor, key)}`,
      });
      continue;
    }
    out[key] = cleanCopy(descriptor, sub, childPath(path, key), failures);
  }
  return out;
}

/** Points a declared `<navigation>@odata.bind` at the argument that stands for it. */
function bindingHint(descriptor: TypeDescriptor, key: string): string {
  const navigation = key.slice(0, key.indexOf("@"));
  const binding = [...Object.values(descriptor.bindings), ...descriptor.entityBindings].find((b) => b.navigation === navigation);
  if (binding === undefined) return "";
  return binding.argument === "roleGroupId" ? "; declare roleGroupId (e.g. \"staff\") instead" : `; declare ${binding.argument} instead`;
}

/** One ajv error as a failure naming the property path (undefined for values Pulumi does not know yet). */
function describeAjvError(error: ErrorObject, descriptor: TypeDescriptor, creating: boolean): InputFailure | undefined {
  if (error.data === pulumiUnknownValue) return undefined;
  const at = fromJsonPointer(error.instancePath);
  switch (error.keyword) {
    case "required": {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      if (missing === "flowId" && descriptor.abstract) {
        return { property: missing, reason: "is required: provisioningFlow is abstract in Graph, so this resource can only adopt an existing flow" };
      }
      const when = creating && !descriptor.providerFields.includes(missing) ? " (Graph needs it to create the resource)" : "";
      return { property: childPath(at, missing), reason: `is required${when}` };
    }
    case "enum": {
      // Graph's unknownFutureValue sentinel is an enum member but never a value to declare (metadataRules.ts).
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.filter((v) => v !== unknownFutureValue).map((v) => (v === null ? "null" : String(v)));
      return { property: at, reason: `must be one of: ${allowed.join(", ")} (got ${JSON.stringify(error.data)})` };
    }
    case "additionalProperties": {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return { property: childPath(at, extra), reason: `is not a known property; expected one of: ${known.join(", ")}` };
    }
    case "type":
      return { property: at, reason: `${error.message ?? "has the wrong type"} (got ${jsonTypeOf(error.data)})` };
    case "minLength":
      return { property: at, reason: "must not be empty" };
    case "maxLength": {
      const limit = (error.params as { limit: number }).limit;
      return { property: at, reason: `must be at most ${limit} characters (got ${String(error.data).length})` };
    }
    case "format": {
      const format = (error.params as { format: string }).format;
      return { property: at, reason: `${formats[format]?.rule ?? `must be a ${format}`} (got ${quoted(error.data)})` };
    }
    default:
      return { property: at, reason: error.message ?? `fails ${error.keyword}` };
  }
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * The id rule (idSegment.ts) on every argument the descriptor lists in `idArguments`. Only strings are judged
 * here (a wrong type or a missing id is the schema's failure) and Pulumi's unknown value is left for later.
 */
function idFailures(descriptor: TypeDescriptor, inputs: Record<string, unknown>): InputFailure[] {
  const failures: InputFailure[] = [];
  for (const pattern of descriptor.idArguments) {
    for (const { path, value } of valuesAt(inputs, pattern)) {
      if (typeof value !== "string" || value === pulumiUnknownValue) continue;
      const problem = idSegmentProblem(value);
      if (problem !== undefined) failures.push({ property: path, reason: problem });
    }
  }
  return failures;
}

/**
 * Failures ajv cannot express: read-only properties declared (also nested, such as a credential's isValid),
 * duplicate keys in keyed collections, values out of order (a year starting after it ends).
 */
function semanticFailures(descriptor: TypeDescriptor, inputs: Record<string, unknown>): InputFailure[] {
  const failures: InputFailure[] = [];
  for (const pattern of descriptor.readOnly) {
    forEachAt(inputs, pattern, (holder, key, value) => {
      if (value === undefined || Array.isArray(holder)) return;
      const hint = key === "readinessStatus" ? "; it can be declared only on ProvisioningFlow" : "";
      failures.push({ property: pattern, reason: `is read-only (computed by Graph) and cannot be declared${hint}` });
      delete holder[key];
    });
  }
  failures.push(...orderFailures(descriptor, inputs));
  failures.push(...setDuplicateFailures(descriptor, inputs));
  for (const [collection, keyProp] of Object.entries(descriptor.keyedCollections)) {
    const seen = new Map<string, number>();
    forEachAt(inputs, collection, (_holder, _key, value) => {
      if (!Array.isArray(value)) return;
      value.forEach((element, i) => {
        const id = isPlainObject(element) ? element[keyProp] : undefined;
        if (typeof id !== "string" || id === pulumiUnknownValue) return;
        const previous = seen.get(id.toLowerCase());
        if (previous !== undefined) {
          failures.push({
            property: `${elementPath(collection, i)}.${keyProp}`,
            reason: `duplicates ${elementPath(collection, previous)}.${keyProp} ("${id}"): one entry per ${keyProp}`,
          });
        } else {
          seen.set(id.toLowerCase(), i);
        }
      });
    });
  }
  return failures;
}

/** Each ordered pair whose values are both known and valid, but in the wrong order. */
function orderFailures(descriptor: TypeDescriptor, inputs: Record<string, unknown>): InputFailure[] {
  const failures: InputFailure[] = [];
  for (const { earlier, later } of descriptor.orderedPairs) {
    const first = inputs[earlier];
    const second = inputs[later];
    if (typeof first !== "string" || typeof second !== "string") continue;
    // Days compare as UTC midnights, date-times as instants (their offsets may differ).
    const [a, b] = [Date.parse(first), Date.parse(second)];
    if (Number.isNaN(a) || Number.isNaN(b) || a <= b) continue;
    failures.push({ property: earlier, reason: `must not be after ${later} (got ${first}, ${later} ${second})` });
  }
  return failures;
}

/**
 * Duplicates in a set-like collection fail (rather than being collapsed with a warning): Graph compares the
 * collection without order, so a second equal element is a typo the user should see, and what is sent stays
 * exactly what is declared. Equal means equal after the descriptor's normalisation (case-insensitive values).
 * Keyed collections have their own, sharper failure (one entry per key) below.
 */
function setDuplicateFailures(descriptor: TypeDescriptor, inputs: Record<string, unknown>): InputFailure[] {
  const failures: InputFailure[] = [];
  for (const pattern of descriptor.setLike) {
    if (pattern in descriptor.keyedCollections) continue;
    for (const { path, value } of valuesAt(inputs, pattern)) {
      if (!Array.isArray(value)) continue;
      const seen = new Map<string, number>();
      value.forEach((element, i) => {
        if (containsUnknown(element)) return;
        const key = comparableKey(descriptor, `${pattern}[]`, element);
        const previous = seen.get(key);
        if (previous === undefined) return void seen.set(key, i);
        failures.push({
          property: elementPath(path, i),
          reason: `duplicates ${elementPath(path, previous)} (${JSON.stringify(element)}): the collection is compared without order, so list each value once`,
        });
      });
    }
  }
  return failures;
}

/** A JSON key of a value, with the values the descriptor compares case-insensitively lowercased. */
function comparableKey(descriptor: TypeDescriptor, pattern: string, value: unknown): string {
  if (typeof value === "string") return JSON.stringify(descriptor.caseInsensitive.includes(pattern) ? value.toLowerCase() : value);
  if (Array.isArray(value)) return `[${value.map((v) => comparableKey(descriptor, `${pattern}[]`, v)).join(",")}]`;
  if (isPlainObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${comparableKey(descriptor, childPath(pattern, k), value[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

function containsUnknown(value: unknown): boolean {
  if (value === pulumiUnknownValue) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  return isPlainObject(value) && Object.values(value).some(containsUnknown);
}

/** A warning per deprecated property declared (the descriptor's `deprecated`), naming what replaces it. */
function deprecationWarnings(kind: ResourceKind, inputs: Record<string, unknown>): string[] {
  const warnings: string[] = [];
  for (const { path, reason, replacement, replacementValues } of descriptors[kind].deprecated ?? []) {
    forEachAt(inputs, path, (_h, _k, value) => {
      if (value === undefined) return;
      warnings.push(`${path} is deprecated: ${reason}. Use ${replacement} (${replacementValues}) instead.`);
    });
  }
  return warnings;
}

/** Writes the nested `@odata.type` values the descriptor lists (abstract-typed parts, and as the seeds do). */
export function fillOdataTypes(kind: ResourceKind, inputs: Record<string, unknown>): void {
  for (const [pattern, odataType] of Object.entries(descriptors[kind].odataTypes)) {
    forEachAt(inputs, pattern, (holder, key, value) => {
      if (!isPlainObject(value)) return;
      // A chosen type is decided by the value as it is now (it is chosen again after an overlay).
      const chosen = typeof odataType === "string" ? odataType : choose(odataType, value);
      const { "@odata.type": _previous, ...rest } = value;
      holder[key] = typeof odataType === "string" ? { "@odata.type": chosen, ...value } : { "@odata.type": chosen, ...rest };
    });
  }
}

function choose(choice: OdataTypeChoice, value: Record<string, unknown>): string {
  const present = value[choice.property] !== undefined && value[choice.property] !== null;
  return present ? choice.whenPresent : choice.otherwise;
}

/**
 * Validates raw arguments of a resource kind against its JSON schema and fills the nested `@odata.type`
 * values Graph needs. Missing NN properties fail on create (no `flowId`, or no `flowSetId` for a set); an
 * adopted set or flow may declare less.
 * Failures name the property path and, for enums, the allowed values. Idempotent: its own output validates.
 */
export function validateInputs(kind: ResourceKind, raw: Record<string, unknown>): ValidationResult {
  const descriptor = descriptors[kind];
  const failures: InputFailure[] = [];
  const inputs = cleanCopy(descriptor, raw ?? {}, "", failures) as Record<string, unknown>;
  const badIds = idFailures(descriptor, inputs);
  failures.push(...badIds, ...semanticFailures(descriptor, inputs));
  // The id rule's failure already says what is wrong with an id (empty, say): ajv's at the same place would repeat it.
  const idPaths = new Set(badIds.map((f) => f.property));

  const adopted = inputs[descriptor.adoptArgument];
  const creating = adopted === undefined || adopted === null;
  failures.push(...metadataFailures(kind, inputs, creating));
  const validate = compiled(kind, creating ? "create" : "adopt");
  if (!validate(inputs)) {
    for (const error of validate.errors ?? []) {
      const failure = describeAjvError(error, descriptor, creating);
      const duplicate =
        (failure !== undefined && idPaths.has(failure.property)) ||
        failures.some((f) => f.property === failure?.property && f.reason === failure?.reason);
      if (failure && !duplicate) failures.push(failure);
    }
  }
  const warnings = deprecationWarnings(kind, inputs);
  fillOdataTypes(kind, inputs);
  return { inputs, failures, warnings };
}

/**
 * Compiles the emulator's JSON schemas once (ajv) and turns the first failure into a Graph-style 400 whose
 * message names the property path (`managementOptions.additionalOptions.studentAgeGroup`) and, for enums,
 * the allowed values.
 */
import Ajv, { ErrorObject, ValidateFunction } from "ajv";
import { badRequest, GraphHttpError } from "../graphError";
import { EntityDef, FlowKind, flowKinds, outboundProvisioningFlowSet, provisioningFlowBase } from "./edm";
import { entitySchema } from "./jsonSchema";
import { tenantStateSchema } from "./stateSchema";

const ajv = new Ajv({ allErrors: false, verbose: true, allowUnionTypes: true, strict: true, strictRequired: false, discriminator: true });
ajv.addFormat("edmDate", { type: "string", validate: isEdmDate });
ajv.addFormat("edmDateTimeOffset", { type: "string", validate: isEdmDateTimeOffset });
ajv.addFormat("absoluteHttpUrl", { type: "string", validate: isAbsoluteHttpUrl });

/** `YYYY-MM-DD` naming a real calendar day (2023-02-30 is not). */
export function isEdmDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** ISO 8601 date and time with a zone (`Z` or `±hh:mm`), up to 7 fractional digits, as Edm.DateTimeOffset. */
export function isEdmDateTimeOffset(value: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,7})?(Z|[+-](\d{2}):(\d{2}))$/.exec(value);
  if (!m || !isEdmDate(m[1])) return false;
  return Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 60 && (m[7] === undefined || (Number(m[7]) < 24 && Number(m[8]) < 60));
}

/** An absolute http(s) URL with a host. */
export function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === "https:" || u.protocol === "http:") && Boolean(u.hostname);
  } catch {
    return false;
  }
}

function compile(def: EntityDef, requireNonNullable: boolean, requireOdataType: boolean): ValidateFunction {
  return ajv.compile(entitySchema(def, { shape: "write", requireNonNullable, requireOdataType }));
}

const flowKindNames = Object.keys(flowKinds) as FlowKind[];

/** The compiled validators, one per body the API accepts. */
export const validators = {
  flowSetCreate: compile(outboundProvisioningFlowSet, true, false),
  flowSetPatch: compile(outboundProvisioningFlowSet, false, false),
  flowCreate: Object.fromEntries(flowKindNames.map((k) => [k, compile(flowKinds[k], true, true)])) as Record<FlowKind, ValidateFunction>,
  // Graph's docs mark each kind's NN property Required on PATCH (managementOptions, configuration, creationOptions).
  flowPatch: Object.fromEntries(flowKindNames.map((k) => [k, compile(flowKinds[k], true, false)])) as Record<FlowKind, ValidateFunction>,
  flowBasePatch: compile(provisioningFlowBase, false, true),
  tenantState: ajv.compile(tenantStateSchema()),
};

/** Validators of one entity type's write bodies: create (NN properties required) and PATCH (partial). */
export interface EntityValidators {
  create: ValidateFunction;
  patch: ValidateFunction;
}

const entityValidatorCache = new Map<EntityDef, EntityValidators>();

/** The (cached) create and PATCH validators of `def`; `requireOdataType` for kinds of an abstract base. */
export function entityValidators(def: EntityDef, options: { requireOdataType: boolean }): EntityValidators {
  let found = entityValidatorCache.get(def);
  if (!found) {
    found = { create: compile(def, true, options.requireOdataType), patch: compile(def, false, false) };
    entityValidatorCache.set(def, found);
  }
  return found;
}

/** `/a/0/b` -> `a[0].b`, joined with a child name when given. */
export function propertyPath(instancePath: string, child?: string): string {
  let out = "";
  for (const seg of instancePath.split("/").slice(1)) {
    const s = seg.replace(/~1/g, "/").replace(/~0/g, "~");
    out += /^\d+$/.test(s) ? `[${s}]` : out ? `.${s}` : s;
  }
  if (child) out = out ? `${out}.${child}` : child;
  return out;
}

function edmTypeName(jsonType: unknown): string {
  const t = Array.isArray(jsonType) ? jsonType[0] : jsonType;
  return t === "boolean" ? "Edm.Boolean" : t === "string" ? "Edm.String" : t === "integer" ? "Edm.Int32" : t === "array" ? "a collection" : t === "object" ? "a complex value" : String(t);
}

/** A readable, Graph-like message for one ajv failure. */
export function describeAjvError(err: ErrorObject): string {
  const path = propertyPath(err.instancePath);
  const parent = (err.parentSchema ?? {}) as { title?: string; type?: unknown; enum?: unknown[] };
  switch (err.keyword) {
    case "required":
      return `Property '${propertyPath(err.instancePath, (err.params as { missingProperty: string }).missingProperty)}' is required: it is non-nullable and must be sent.`;
    case "additionalProperties": {
      const name = (err.params as { additionalProperty: string }).additionalProperty;
      return `The property '${propertyPath(err.instancePath, name)}' does not exist on type '${parent.title ?? "object"}'. Make sure to only use property names that are defined by the type.`;
    }
    case "false schema":
      return `Property '${path}' is a navigation property and cannot be written inline; bind it with '${path.replace(/.*\./, "")}@odata.bind'.`;
    case "enum": {
      const allowed = (parent.enum ?? []).filter((v) => v !== null).join(", ");
      if (parent.title === "@odata.type") return `Invalid @odata.type '${String(err.data)}' at '${path || "@odata.type"}'; expected ${allowed}.`;
      return `Invalid value '${String(err.data)}' for property '${path}': not a member of '${parent.title}'. Allowed values: ${allowed}.`;
    }
    case "type":
      return `Cannot convert the value of property '${path || "(body)"}' to ${edmTypeName(parent.type)}${err.data === null ? ": the property is non-nullable" : ""}.`;
    case "minLength":
      return `Property '${path}' must not be empty.`;
    case "maxLength":
      return `Property '${path}' is too long: at most ${(err.params as { limit: number }).limit} characters are allowed, got ${String(err.data).length}.`;
    case "minimum":
    case "maximum":
      return `Cannot convert the value '${String(err.data)}' of property '${path}' to Edm.Int32: out of range.`;
    case "format":
      return formatMessage((err.params as { format: string }).format, path, err.data);
    case "not":
      return `Property '${path}' is read-only: the service sets it and it cannot be written.`;
    case "discriminator": {
      const params = err.params as { error: string; tag: string; tagValue: unknown };
      if (params.error === "mapping") return `Invalid @odata.type '${String(params.tagValue)}' at '${propertyPath(err.instancePath, "@odata.type")}': ${parent.title ?? "the type"} is abstract; send one of its concrete types.`;
      return `Property '${propertyPath(err.instancePath, "@odata.type")}' is required: ${parent.title ?? "the declared type"} is abstract.`;
    }
    default:
      return `Invalid value for property '${path}': ${err.message ?? err.keyword}.`;
  }
}

function formatMessage(format: string, path: string, data: unknown): string {
  switch (format) {
    case "edmDate":
      return `Cannot convert the literal '${String(data)}' of property '${path}' to Edm.Date: expected a calendar day as YYYY-MM-DD.`;
    case "edmDateTimeOffset":
      return `Cannot convert the literal '${String(data)}' of property '${path}' to Edm.DateTimeOffset: expected ISO 8601 with a time zone, like 2024-08-01T00:00:00Z.`;
    case "absoluteHttpUrl":
      return `Property '${path}' must be an absolute http(s) URL; got '${String(data)}'.`;
    default:
      return `Invalid value for property '${path}': not a valid ${format}.`;
  }
}

/** Runs a validator; throws the Graph 400 for the first failure. */
export function assertValid(validate: ValidateFunction, body: unknown): void {
  if (validate(body)) return;
  const first = (validate.errors ?? [])[0];
  throw first ? badRequest(describeAjvError(first)) : new GraphHttpError({ status: 400, message: "Invalid request body." });
}

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
  return t === "boolean" ? "Edm.Boolean" : t === "string" ? "Edm.String" : t === "array" ? "a collection" : String(t);
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
    default:
      return `Invalid value for property '${path}': ${err.message ?? err.keyword}.`;
  }
}

/** Runs a validator; throws the Graph 400 for the first failure. */
export function assertValid(validate: ValidateFunction, body: unknown): void {
  if (validate(body)) return;
  const first = (validate.errors ?? [])[0];
  throw first ? badRequest(describeAjvError(first)) : new GraphHttpError({ status: 400, message: "Invalid request body." });
}

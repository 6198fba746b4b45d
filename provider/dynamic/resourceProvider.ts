import type * as pulumi from "@pulumi/pulumi";
import { resourceOperations } from "../operations";
import type { ResourceKind } from "../schema";
import { checkInputs } from "./checkInputs";
import { inputsRecord, splitRecord, withoutProviderKey } from "./inputsRecord";
import { layBackSecrets, liftSecrets } from "./liftSecrets";
import { graphContext } from "./runtimeConfig";

/** A dynamic provider with every CRUD method (configure is the runtime's, shared by all kinds). */
export type CrudProvider = Required<Omit<pulumi.dynamic.ResourceProvider, "configure">>;

/** What a resource kind's provider is built from. */
export interface ResourceProviderOptions {
  kind: ResourceKind;
}

/**
 * The dynamic provider of one resource kind: the dynamic front end of provider/operations, which sequences the
 * rules (provider/schema, provider/reconcile) and the HTTP (provider/graph); the methods here only translate
 * the dynamic-provider host's shapes (`__provider` key, write-only values lifted into their own secret inputs,
 * CreateResult, the process-wide configuration).
 */
export function createResourceProvider({ kind }: ResourceProviderOptions): CrudProvider {
  const operations = resourceOperations[kind];
  /** The declared inputs in Graph's shape: write-only values back in place from their secret inputs (liftSecrets.ts). */
  const declaredInputs = (inputs: Record<string, unknown>) => layBackSecrets(kind, withoutProviderKey(inputs));
  return {
    async check(olds, news) {
      const outcome = checkInputs(kind, declaredInputs(news));
      // Stored (and shown in plans) lifted again, each value's place holding its revision marker: the engine
      // keeps each secret input secret and the rest plain, and a rotation shows as a changed marker.
      return { ...outcome, inputs: liftSecrets(kind, outcome.inputs, { previous: withoutProviderKey(olds ?? {}) }) };
    },

    async diff(_id, olds, news) {
      const result = operations.diff(splitRecord(kind, withoutProviderKey(olds)).olds, declaredInputs(news));
      // `changes` is always a boolean: left undefined, the engine falls back to its own comparison of old inputs.
      return { changes: result.changes, replaces: result.replaces, deleteBeforeReplace: result.deleteBeforeReplace };
    },

    async create(news) {
      const { id, outputs } = await operations.create(graphContext(), declaredInputs(news));
      return { id, outs: { ...outputs, ...inputsRecord(kind, news) } };
    },

    async read(id, props) {
      const { olds, stored } = splitRecord(kind, withoutProviderKey(props ?? {}));
      // The host hands read() no inputs: the record kept in the outputs stands for them (see inputsRecord).
      const read = await operations.read(graphContext(), id, olds, stored === undefined ? undefined : declaredInputs(stored));
      // An empty id tells the engine the resource is gone, so the next `up` recreates it.
      if (read === undefined) return { id: "", props: {} };
      if (stored === undefined || read.inputs === undefined) return { id, props: read.outputs };
      // Refreshed inputs go back lifted, each secret in its own input and each marker's revision as it was.
      const inputs = liftSecrets(kind, read.inputs, { previous: stored });
      return { id, props: { ...read.outputs, ...inputsRecord(kind, stored) }, inputs };
    },

    async update(id, oldProps, news) {
      const { olds } = splitRecord(kind, withoutProviderKey(oldProps));
      return { outs: { ...(await operations.update(graphContext(), id, olds, declaredInputs(news))), ...inputsRecord(kind, news) } };
    },

    async delete(id, props) {
      await operations.delete(graphContext(), id, splitRecord(kind, withoutProviderKey(props)).olds);
    },
  };
}

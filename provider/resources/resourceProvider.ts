import type * as pulumi from "@pulumi/pulumi";
import { resourceOperations } from "../operations";
import type { ResourceKind } from "../schema";
import { checkInputs, withoutProviderKey } from "./checkInputs";
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
 * the dynamic-provider host's shapes (`__provider` key, CreateResult, the process-wide configuration).
 */
export function createResourceProvider({ kind }: ResourceProviderOptions): CrudProvider {
  const operations = resourceOperations[kind];
  return {
    async check(_olds, news) {
      return checkInputs(kind, news);
    },

    async diff(_id, olds, news) {
      const result = operations.diff(withoutProviderKey(olds), withoutProviderKey(news));
      // `changes` is always a boolean: left undefined, the engine falls back to its own comparison of old inputs.
      return { changes: result.changes, replaces: result.replaces, deleteBeforeReplace: result.deleteBeforeReplace };
    },

    async create(news) {
      const { id, outputs } = await operations.create(graphContext(), withoutProviderKey(news));
      return { id, outs: outputs };
    },

    async read(id, props) {
      const outputs = await operations.read(graphContext(), id, withoutProviderKey(props ?? {}));
      // An empty id tells the engine the resource is gone, so the next `up` recreates it.
      return outputs === undefined ? { id: "", props: {} } : { id, props: outputs };
    },

    async update(id, oldProps, news) {
      return { outs: await operations.update(graphContext(), id, withoutProviderKey(oldProps), withoutProviderKey(news)) };
    },

    async delete(id, props) {
      await operations.delete(graphContext(), id, withoutProviderKey(props));
    },
  };
}

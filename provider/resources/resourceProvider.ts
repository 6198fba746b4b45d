import type * as pulumi from "@pulumi/pulumi";
import { isGraphError } from "../graph";
import { descriptors, type ResourceKind } from "../schema";
import {
  assertAdoptedEntity,
  assertNoCreateOnlyConflict,
  assertRevivable,
  buildCreateBody,
  buildPatchBody,
  diffResource,
  isAdoption,
  naturalIdOf,
  recordedDeleteOnDestroy,
  toOutputs,
  type JsonObject,
} from "../reconcile";
import { checkInputs, withoutProviderKey } from "./checkInputs";
import { assertKindFree, needsReread, patchEntity } from "./entityOperations";
import type { ResourceLocator } from "./resourceLocator";
import { graphContext } from "./runtimeConfig";

/** A dynamic provider with every CRUD method (configure is the runtime's, shared by all kinds). */
export type CrudProvider = Required<Omit<pulumi.dynamic.ResourceProvider, "configure">>;

/** What a resource kind's provider is built from. */
export interface ResourceProviderOptions {
  kind: ResourceKind;
  locator: ResourceLocator;
}

/**
 * The dynamic provider of one resource kind. Every method is thin glue: the rules live in provider/schema and
 * provider/reconcile (pure), HTTP in provider/graph; the methods only sequence them.
 */
export function createResourceProvider({ kind, locator }: ResourceProviderOptions): CrudProvider {
  const descriptor = descriptors[kind];
  return {
    async check(_olds, news) {
      return checkInputs(kind, news);
    },

    async diff(_id, olds, news) {
      const result = diffResource(kind, withoutProviderKey(news), withoutProviderKey(olds));
      // `changes` is always a boolean: left undefined, the engine falls back to its own comparison of old inputs.
      return { changes: result.changes, replaces: result.replaces, deleteBeforeReplace: result.deleteBeforeReplace };
    },

    async create(news) {
      const declared = withoutProviderKey(news);
      const adoptedId = locator.adoptedId(declared);
      if (adoptedId !== undefined) return adopt(declared, adoptedId);
      if (descriptor.abstract) throw new Error(`${descriptor.resourceName} can only adopt an existing flow: set flowId`);
      return createNew(declared);
    },

    async read(id, props) {
      const olds = withoutProviderKey(props ?? {});
      const { client } = graphContext();
      try {
        const server = await client.get<JsonObject>(locator.readPath(id));
        return { id, props: toOutputs(kind, server, undefined, { olds }) };
      } catch (error) {
        if (!isNotFound(error)) throw error;
        if (isAdoption(kind, undefined, olds)) throw adoptedGoneError({ what: locator.describe(id), noun: locator.noun, argument: descriptor.adoptArgument });
        // Deleted out of band: an empty id tells the engine the resource is gone, so the next `up` recreates it.
        return { id: "", props: {} };
      }
    },

    async update(id, oldProps, news) {
      const olds = withoutProviderKey(oldProps);
      const declared = withoutProviderKey(news);
      const { client, graphEndpoint } = graphContext();
      // Built over the last-read server value kept in the outputs, so undeclared sub-properties are sent back intact.
      const body = buildPatchBody(kind, declared, olds, { graphEndpoint, olds });
      const server = body === undefined ? olds : await patchEntity(client, locator.entityPath(id), body, locator.readPath(id));
      return { outs: toOutputs(kind, server, declared, { olds }) };
    },

    // Quirk (soft delete): Graph's DELETE of a reference definition only disables it; that is the destroy.
    async delete(id, props) {
      if (!recordedDeleteOnDestroy(kind, withoutProviderKey(props))) return;
      const { client } = graphContext();
      try {
        await client.delete(locator.entityPath(id));
      } catch (error) {
        if (!isNotFound(error)) throw error; // already gone: the goal of a delete
      }
    },
  };

  async function createNew(declared: JsonObject): Promise<pulumi.dynamic.CreateResult> {
    const { client, graphEndpoint } = graphContext();
    if (descriptor.isFlow) await assertKindFree(client, kind, String(declared.flowSetId));
    if (descriptor.softDelete !== undefined) {
      const revived = await reviveSoftDeletedTwin(declared);
      if (revived !== undefined) return revived;
    }
    const created = await client.post<JsonObject>(locator.collectionPath(declared), buildCreateBody(kind, declared, { graphEndpoint }));
    const id = locator.resourceId(declared, String(created.id));
    try {
      const server = needsReread(created) ? await client.get<JsonObject>(locator.entityPath(id)) : created;
      return { id, outs: toOutputs(kind, server, declared) };
    } catch (error) {
      // The entity exists now: report it as created-but-failed so the engine records it instead of leaking it.
      throw initFailedError(error, id, toOutputs(kind, created, declared));
    }
  }

  async function adopt(declared: JsonObject, id: string): Promise<pulumi.dynamic.CreateResult> {
    const { client, graphEndpoint } = graphContext();
    const path = locator.entityPath(id);
    const existing = await client.get<JsonObject>(locator.readPath(id)).catch((error: unknown) => {
      throw isNotFound(error) ? new Error(`cannot adopt ${locator.describe(id)}: it does not exist (404)`) : error;
    });
    assertAdoptedEntity({ kind, id: String(declared[descriptor.adoptArgument]), entity: existing, what: locator.describe(id) });
    assertNoCreateOnlyConflict(kind, declared, existing, locator.describe(id));
    const body = buildPatchBody(kind, declared, existing, { graphEndpoint });
    const server = body === undefined ? existing : await patchEntity(client, path, body, locator.readPath(id));
    return { id, outs: toOutputs(kind, server, declared) };
  }

  /** A soft-deleted twin (a reference definition disabled by an earlier destroy) is revived instead of created again. */
  async function reviveSoftDeletedTwin(declared: JsonObject): Promise<pulumi.dynamic.CreateResult | undefined> {
    const { client, graphEndpoint } = graphContext();
    const id = naturalIdOf(kind, declared);
    if (id === undefined) return undefined;
    const existing = await client.get<JsonObject>(locator.readPath(id)).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (existing === undefined) return undefined;
    assertAdoptedEntity({ kind, id, entity: existing, what: locator.describe(id) });
    assertRevivable(kind, existing, id);
    const body = buildPatchBody(kind, declared, existing, { graphEndpoint });
    const server = body === undefined ? existing : await patchEntity(client, locator.entityPath(id), body, locator.readPath(id));
    return { id, outs: toOutputs(kind, server, declared) };
  }
}

function isNotFound(error: unknown): boolean {
  return isGraphError(error) && error.status === 404;
}

/** An adopted entity is someone else's: gone means the program is wrong, not that it should be recreated. */
function adoptedGoneError({ what, noun, argument }: { what: string; noun: string; argument: string }): Error {
  return new Error(
    `${what} no longer exists (404). It was adopted with ${argument}, so it is not recreated: remove the resource ` +
      `from the stack (pulumi state delete <urn>), then drop ${argument} to have a new ${noun} created, or set it to ` +
      `adopt another ${noun}.`,
  );
}

/** The shape the dynamic-provider host turns into a "created but failed to initialize" answer. */
function initFailedError(cause: unknown, id: string, properties: JsonObject): Error {
  const message = cause instanceof Error ? cause.message : String(cause);
  return Object.assign(new Error(`created ${id}, then reading it back failed: ${message}`), {
    id,
    properties,
    reasons: [message],
  });
}

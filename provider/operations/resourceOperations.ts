import { isGraphError, type GraphClient } from "../graph";
import { childPath, descriptors, elementPath, pulumiUnknownValue, validateInputs, type InputFailure, type ResourceKind } from "../schema";
import {
  assertAdoptedEntity,
  assertNoCreateOnlyConflict,
  assertRevivable,
  buildCreateBody,
  buildPatchBody,
  diffResource,
  patchBodyOver,
  findTwin,
  declaredArguments,
  isAdoption,
  naturalIdOf,
  recordedDeleteOnDestroy,
  refreshedInputs,
  toOutputs,
  twinError,
  withoutPaths,
  type DeclaredArguments,
  type DeclaredArgumentsOptions,
  type DiffResult,
  type JsonObject,
} from "../reconcile";
import { needsReread, patchEntity } from "./entityOperations";
import type { ResourceLocator } from "./resourceLocator";

/** What an operation needs to talk to Graph: given by the front end (one per process, or one per provider instance). */
export interface GraphContext {
  client: GraphClient;
  /** The configured endpoint, the base of `roleGroup@odata.bind` URLs. */
  graphEndpoint: string;
  /** Pulumi ids a create may take over instead of refusing to duplicate them (provider config `takeOver`). */
  takeOver?: readonly string[];
}

/** `check`'s answer: the inputs to store, failures naming property paths, and warnings for the user. */
export interface CheckOutcome {
  inputs: JsonObject;
  failures: InputFailure[];
  warnings: string[];
}

/** What a Read found: the outputs, and the stored inputs refreshed from them (when inputs were given). */
export interface ReadOutcome {
  outputs: JsonObject;
  /** The inputs with each declared value Graph holds otherwise replaced by Graph's (see refreshedInputs). */
  inputs?: JsonObject;
}

/** What a front end knows about a create beyond its inputs. */
export interface CreateOptions {
  /** The resource's URN (the plugin's CreateRequest carries it), named in a refusal as Pulumi's pending-create warning names it. */
  urn?: string;
}

/** What a front end knows about a diff beyond the outputs and the declared inputs. */
export interface DiffOptions {
  /** The arguments last applied (the plugin's old inputs): tell a change of the arguments from drift in `detailedChanges`. */
  oldInputs?: JsonObject;
  /**
   * Pulumi property paths the resource's `ignoreChanges` names (as the plugin receives them): an ignored value
   * is undeclared to the rules (the engine copied the old input there; dropping it also holds when the old
   * input is stale), so it is never compared nor shown.
   */
  ignoreChanges?: readonly string[];
}

/** What a front end knows about an update beyond the outputs and the declared inputs. */
export interface UpdateOptions {
  /** Pulumi property paths the resource's `ignoreChanges` names (see DiffOptions). */
  ignoreChanges?: readonly string[];
}

/** A created or adopted resource: its Pulumi id and outputs. */
export interface CreatedResource {
  id: string;
  outputs: JsonObject;
}

/**
 * The operations of one resource kind, independent of the front end (the dynamic provider or the plugin):
 * they sequence provider/schema, provider/reconcile (pure rules) and provider/graph (HTTP) for a Graph context
 * the caller passes in. Inputs and outputs are plain JSON: secrets unwrapped, provider bookkeeping removed.
 */
export interface ResourceOperations {
  kind: ResourceKind;
  locator: ResourceLocator;
  check(news: JsonObject): CheckOutcome;
  /**
   * What differs between the outputs (`olds`) and the declared inputs, decided and located as a plan names it
   * (`detailedChanges`; the kind of a polymorphic entity as `odataType`), the same for both front ends.
   */
  diff(olds: JsonObject, news: JsonObject, options?: DiffOptions): DiffResult;
  /**
   * Adopts the entity the inputs name, or creates one: first looking for the entity an interrupted create made
   * (same kind, parent and natural key), and refusing, with the commands that take it over, when there is one.
   */
  create(ctx: GraphContext, news: JsonObject, options?: CreateOptions): Promise<CreatedResource>;
  /**
   * The outputs as Graph now holds the entity, or undefined when it is gone (deleted out of band); given the
   * stored inputs (Graph's shape, secrets in place), also those inputs refreshed for the declared paths.
   */
  read(ctx: GraphContext, id: string, olds: JsonObject, inputs?: JsonObject): Promise<ReadOutcome | undefined>;
  /** PATCHes what the declared inputs change; `ignoreChanges` (as in diff): an ignored value is neither sent nor laid over what the tenant holds. */
  update(ctx: GraphContext, id: string, olds: JsonObject, news: JsonObject, options?: UpdateOptions): Promise<JsonObject>;
  delete(ctx: GraphContext, id: string, olds: JsonObject): Promise<void>;
  /**
   * Reads an existing entity for `pulumi import`: the arguments that declare it as it is (adopting it, so
   * destroy leaves it unless `deleteOnDestroy: true`) and the outputs they would have produced. No PATCH.
   */
  importExisting(ctx: GraphContext, id: string): Promise<{ inputs: JsonObject; outputs: JsonObject } | undefined>;
  /**
   * The Graph properties that declare an entity as Graph holds it (no request): the one walk behind
   * importExisting and `industrydata export` (reconcile's declaredArguments), identity arguments excluded.
   */
  declaredArguments(server: JsonObject, options: DeclaredArgumentsOptions): DeclaredArguments;
}

/**
 * What `pulumi import` declares: a write-only value cannot be read (the generated code could only hold Graph's
 * mask), so the object holding it is left unmanaged; a null is left undeclared (unmanaged), which is what null
 * would say, and what Pulumi's generated code cannot spell in every language.
 */
const IMPORT_ARGUMENTS: DeclaredArgumentsOptions = { writeOnly: { omit: "always" }, nulls: "drop" };

/** What a resource kind's operations are built from. */
export interface ResourceOperationsOptions {
  kind: ResourceKind;
  locator: ResourceLocator;
}

/** The operations of a resource kind (see {@link ResourceOperations}). */
export function createResourceOperations({ kind, locator }: ResourceOperationsOptions): ResourceOperations {
  const descriptor = descriptors[kind];
  return {
    kind,
    locator,

    check: (news) => checkResource(kind, news),

    diff: (olds, news, { oldInputs, ignoreChanges = [] } = {}) => diffResource(kind, withoutPaths(news, ignoreChanges), olds, oldInputs),

    async create(ctx, declared, options = {}) {
      const adoptedId = locator.adoptedId(declared);
      if (adoptedId !== undefined) return adopt(ctx, declared, adoptedId);
      if (descriptor.abstract) throw new Error(`${descriptor.resourceName} can only adopt an existing flow: set flowId`);
      return createNew(ctx, declared, options);
    },

    async read({ client }, id, olds, inputs) {
      try {
        const server = await client.get<JsonObject>(locator.readPath(id));
        const outputs = toOutputs(kind, server, undefined, { olds });
        return inputs === undefined ? { outputs } : { outputs, inputs: refreshedInputs(kind, inputs, server) };
      } catch (error) {
        if (!isNotFound(error)) throw error;
        if (isAdoption(kind, undefined, olds)) throw adoptedGoneError({ what: locator.describe(id), noun: locator.noun, argument: descriptor.adoptArgument });
        // Deleted out of band: the front end tells the engine it is gone, so the next `up` recreates it.
        return undefined;
      }
    },

    async update({ client, graphEndpoint }, id, olds, news, { ignoreChanges = [] } = {}) {
      const declared = withoutPaths(news, ignoreChanges);
      // What to send is what the program changed against the state (Pulumi's plan); without --refresh a value
      // the tenant changed since is not the program's to put back.
      let body = buildPatchBody(kind, declared, olds, { graphEndpoint, olds });
      if (body === undefined) return toOutputs(kind, olds, declared, { olds });
      if (holdsComplexValue(body)) {
        // No stale overlay: Graph replaces a complex value sent whole, so it is built over what the tenant holds
        // now (one GET), not over the outputs of the last refresh: a portal change of an undeclared sub-property
        // since then is sent back as the tenant holds it, with or without `--refresh`.
        const fresh = await client.get<JsonObject>(locator.readPath(id));
        body = patchBodyOver(kind, declared, fresh, Object.keys(body).filter((key) => key !== "@odata.type"), graphEndpoint);
      }
      const server = await patchEntity(client, { kind, path: locator.entityPath(id), body, readPath: locator.readPath(id) });
      return toOutputs(kind, server, declared, { olds });
    },

    // Quirk (soft delete): Graph's DELETE of a reference definition only disables it; that is the destroy.
    async delete({ client }, id, olds) {
      if (!recordedDeleteOnDestroy(kind, olds)) return;
      try {
        await client.delete(locator.entityPath(id));
      } catch (error) {
        if (!isNotFound(error)) throw error; // already gone: the goal of a delete
      }
    },

    importExisting: (ctx, id) => importExisting(ctx, id),

    declaredArguments: (server, options) => declaredArguments(kind, server, options),
  };

  async function importExisting({ client }: GraphContext, id: string): Promise<{ inputs: JsonObject; outputs: JsonObject } | undefined> {
    let server: JsonObject;
    try {
      server = await client.get<JsonObject>(locator.readPath(id));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    const identity = locator.adoptionInputs(id);
    assertAdoptedEntity({ kind, id: String(identity[descriptor.adoptArgument]), entity: server, what: locator.describe(id) });
    const inputs = { ...identity, ...declaredArguments(kind, server, IMPORT_ARGUMENTS).args };
    return { inputs, outputs: toOutputs(kind, server, inputs) };
  }

  async function createNew(ctx: GraphContext, declared: JsonObject, { urn }: CreateOptions): Promise<CreatedResource> {
    const { client, graphEndpoint } = ctx;
    // Built first: it refuses a bad bound id before any request (the look included).
    const body = buildCreateBody(kind, declared, { graphEndpoint });
    const twin = await findTwinOf(client, declared);
    if (twin !== undefined) {
      const twinId = locator.resourceId(declared, String(twin.id));
      if (!(ctx.takeOver ?? []).includes(twinId)) throw twinError({ kind, declared, twin, twinResourceId: twinId, urn });
      return takeOver(ctx, declared, twinId);
    }
    if (descriptor.softDelete !== undefined) {
      const revived = await reviveSoftDeletedTwin(ctx, declared);
      if (revived !== undefined) return revived;
    }
    const created = await client.post<JsonObject>(locator.collectionPath(declared), body);
    const id = locator.resourceId(declared, String(created.id));
    try {
      const server = needsReread(kind, created) ? await client.get<JsonObject>(locator.entityPath(id)) : created;
      return { id, outputs: toOutputs(kind, server, declared) };
    } catch (error) {
      // The entity exists now: report it as created-but-failed so the engine records it instead of leaking it.
      throw initFailedError(error, id, toOutputs(kind, created, declared));
    }
  }

  /**
   * Look before POST (one GET of the collection, every page): Graph takes no idempotency key, so the entity an
   * interrupted create made is found by its natural key; the create is refused rather than repeated, unless the
   * user named it to take over.
   */
  async function findTwinOf(client: GraphContext["client"], declared: JsonObject): Promise<JsonObject | undefined> {
    if (descriptor.naturalKey === undefined) return undefined;
    return findTwin(kind, declared, await client.list<JsonObject>(locator.siblingsPath(declared)));
  }

  /**
   * Takes over the twin the user named (`takeOver`): the resource becomes its creator (destroy deletes it), as if
   * the interrupted create had been answered; what differs from the declared values is PATCHed, as an adoption.
   */
  async function takeOver({ client, graphEndpoint }: GraphContext, declared: JsonObject, id: string): Promise<CreatedResource> {
    // Read whole (a list entry may lack what a read expands), then only what differs is sent.
    const existing = await client.get<JsonObject>(locator.readPath(id));
    const body = buildPatchBody(kind, declared, existing, { graphEndpoint });
    const server = body === undefined ? existing : await patchEntity(client, { kind, path: locator.entityPath(id), body, readPath: locator.readPath(id) });
    // No adopt argument is declared: the outputs record a created resource (not adopted; destroy deletes it).
    return { id, outputs: toOutputs(kind, server, declared) };
  }

  async function adopt({ client, graphEndpoint }: GraphContext, declared: JsonObject, id: string): Promise<CreatedResource> {
    const path = locator.entityPath(id);
    const existing = await client.get<JsonObject>(locator.readPath(id)).catch((error: unknown) => {
      throw isNotFound(error) ? new Error(`cannot adopt ${locator.describe(id)}: it does not exist (404)`) : error;
    });
    assertAdoptedEntity({ kind, id: String(declared[descriptor.adoptArgument]), entity: existing, what: locator.describe(id) });
    assertNoCreateOnlyConflict(kind, declared, existing, locator.describe(id));
    const body = buildPatchBody(kind, declared, existing, { graphEndpoint });
    const server = body === undefined ? existing : await patchEntity(client, { kind, path, body, readPath: locator.readPath(id) });
    return { id, outputs: toOutputs(kind, server, declared) };
  }

  /** A soft-deleted twin (a reference definition disabled by an earlier destroy) is revived instead of created again. */
  async function reviveSoftDeletedTwin({ client, graphEndpoint, takeOver }: GraphContext, declared: JsonObject): Promise<CreatedResource | undefined> {
    const id = naturalIdOf(kind, declared);
    if (id === undefined) return undefined;
    const existing = await client.get<JsonObject>(locator.readPath(id)).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (existing === undefined) return undefined;
    assertAdoptedEntity({ kind, id, entity: existing, what: locator.describe(id) });
    // An enabled one is an interrupted create's (taken over when named) or someone else's (refused).
    if (!(takeOver ?? []).includes(id)) assertRevivable(kind, existing, id);
    const body = buildPatchBody(kind, declared, existing, { graphEndpoint });
    const server = body === undefined ? existing : await patchEntity(client, { kind, path: locator.entityPath(id), body, readPath: locator.readPath(id) });
    return { id, outputs: toOutputs(kind, server, declared) };
  }
}

/**
 * Validates a resource's arguments before any HTTP call (property path and allowed values in each failure) and
 * fills the `@odata.type` values Graph needs. A preview can hold values not known yet (the id of a set created
 * in the same run): they cannot be judged now and are checked again when known, so only failures elsewhere
 * count, and the inputs pass unchanged.
 */
export function checkResource(kind: ResourceKind, raw: JsonObject): CheckOutcome {
  const result = validateInputs(kind, raw);
  const warnings = result.warnings.map((warning) => `${descriptors[kind].resourceName}: ${warning}`);
  const unknowns = unknownPaths(raw, "");
  if (unknowns.length === 0) return { inputs: result.inputs, failures: result.failures, warnings };
  const failures = result.failures.filter((f) => !unknowns.some((path) => isAtOrUnder(f.property, path)));
  return { inputs: raw, failures, warnings };
}

/** Paths (`a.b[0].c`, the notation of validation failures) of every value the engine marked unknown. */
function unknownPaths(value: unknown, path: string): string[] {
  if (value === pulumiUnknownValue) return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => unknownPaths(item, elementPath(path, i)));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) => unknownPaths(child, childPath(path, key)));
  }
  return [];
}

function isAtOrUnder(property: string, path: string): boolean {
  return property === path || property.startsWith(`${path}.`) || property.startsWith(`${path}[`);
}

/** True when a PATCH body sends an object or a collection (Graph replaces it whole), not only scalars. */
function holdsComplexValue(body: JsonObject): boolean {
  return Object.entries(body).some(([key, value]) => key !== "@odata.type" && value !== null && typeof value === "object");
}

/** True for Graph's 404. */
export function isNotFound(error: unknown): boolean {
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

/**
 * A create whose entity exists but whose read-back failed. Its shape (`id`, `properties`, `reasons`) is the
 * one the dynamic-provider host turns into a "created but failed to initialize" answer; the plugin answers
 * the same from it.
 */
export interface InitFailedError extends Error {
  id: string;
  properties: JsonObject;
  reasons: string[];
}

/** True for the error {@link initFailedError} builds. */
export function isInitFailedError(error: unknown): error is InitFailedError {
  return error instanceof Error && typeof (error as Partial<InitFailedError>).id === "string" && Array.isArray((error as Partial<InitFailedError>).reasons);
}

function initFailedError(cause: unknown, id: string, properties: JsonObject): InitFailedError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return Object.assign(new Error(`created ${id}, then reading it back failed: ${message}`), {
    id,
    properties,
    reasons: [message],
  });
}

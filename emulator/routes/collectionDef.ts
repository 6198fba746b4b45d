/**
 * What the generic entity routes (entityRoutes.ts) know of one collection: where it lives, which types it holds,
 * its permissions, what cannot change after create, and the rules that span properties or entities. Every
 * collection of entities is one of these: the outbound ones (outboundCollections.ts: flow sets, their flows) and
 * the inbound ones (inboundCollections.ts: source systems, connectors, years, inbound flows).
 */
import { ScopeSet } from "../auth/permissions";
import { InboundCollection, StoredEntity, TenantState } from "../model/tenant";
import { EntityDef } from "../schemas/edm";
import { EntityValidators } from "../schemas/validator";

/** The entities a request addresses: the list they live in, and how Graph names that collection. */
export interface Scope {
  /** The stored entities (the tenant's collection, or the parent's: a set's flows); changed in place. */
  list: StoredEntity[];
  /** The collection's `@odata.context` path after `$metadata#external/industryData/`. */
  context: string;
  /** The parent entity's id, for a collection inside one (a set's flows). */
  parentId?: string;
  /** Appended to the 404 of an entity not in it (" in outboundProvisioningFlowSet '…'"). */
  within?: string;
}

/** One collection of entities. */
export interface CollectionDef {
  /** The route under `/external/industryData`; a `:name` segment is a parent's id (a set's flows). */
  path: string;
  /** The route parameter of an entity's id (`…/{idParam}`). */
  idParam: string;
  /** Where a request's entities live (throws the parent's 404). */
  scope(state: TenantState, params: Record<string, string>): Scope;
  /** The declared entity type (the abstract base for a polymorphic collection), for messages. */
  typeName: string;
  /** Concrete kinds by type name; a collection of one type has that one. */
  kinds: Record<string, EntityDef>;
  /** True when the declared type is abstract: a POST must name a concrete kind in `@odata.type`. */
  polymorphic: boolean;
  /** Abstract ancestors of each kind: a PATCH may name one in `@odata.type` (the older docs' examples do). */
  ancestors?: Record<string, readonly string[]>;
  scopes: ScopeSet;
  /** Properties the service computes: rejected in a write body. */
  readOnly: readonly string[];
  /** Structural properties that cannot change after create: a PATCH changing one is a 400. */
  createOnly: readonly string[];
  /**
   * How reads treat OData query options: `served` ($expand of the bindings and $select; $filter, $orderby,
   * $search and $count refused), or `ignored` (the outbound collections, whose docs show none).
   */
  queryOptions: "served" | "ignored";
  /** A query option a list refuses with this message even when options are ignored (flow sets: $filter). */
  listRefuses?: { option: string; message: string };
  /** Stored `createdDateTime` set on create, `lastModifiedDateTime` on create and on each PATCH. */
  timestamps: boolean;
  /** Stored with every new entity, before its properties (a flow's first readinessStatus, a set's flows). */
  initial?(): Record<string, unknown>;
  /** The create and PATCH validators of a kind (default: the kind's own, `@odata.type` required when polymorphic). */
  validators?(kind: string): EntityValidators;
  /** The concrete kind a POST body names, or the Graph 400 (default: the generic rule and wording). */
  kindForCreate?(body: Record<string, unknown>): string;
  /** Refuses what a write body may not hold beyond its schema (a flow set's flows); throw the Graph 400. */
  checkBody?(body: Record<string, unknown>): void;
  /** Refuses a create the collection cannot hold, before anything is read from the body (one flow of each kind). */
  beforeCreate?(kind: string, scope: Scope): void;
  /**
   * Applies a PATCH body to a copy of the stored entity in place of the generic rule (type check, validation,
   * strict replace of each property sent): for a collection whose PATCH has rules of its own (flows).
   */
  applyPatch?(draft: StoredEntity, body: Record<string, unknown>, state: TenantState): void;
  /** Rules over the whole (merged) entity, after a create or PATCH; throw the Graph 400. */
  check?(entity: StoredEntity, state: Readonly<TenantState>): void;
  /** What binds the entity `id`: deleting it is refused while anything does. */
  boundBy?(state: Readonly<TenantState>, id: string): { collection: InboundCollection; navigation: string; ids: string[] };
  /** Properties rendered right after the id (stored timestamps and status). */
  renderHead?(entity: StoredEntity): Record<string, unknown>;
  /** Properties the service computes on each read, rendered last. */
  computedOnRead?(entity: StoredEntity): Record<string, unknown>;
  /** Actions on an entity (`POST …/{id}/<name>`, answered 202 with no body), by name. */
  actions?: Record<string, (entity: StoredEntity) => void>;
}
